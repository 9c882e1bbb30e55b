"""The player's settings, kept in a small JSON file in the data folder."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Optional

from ..paths import data_dir

TEXT_SIZES = ("normal", "large")


@dataclass
class Settings:
    lang: str = "en"
    text_size: str = "normal"     # normal or large
    transparent: bool = False      # show each change's exact rule at once
    reduced_motion: bool = False
    volume: int = 6                # 0 (muted) to 10
    fullscreen: bool = False
    stats: bool = True             # keep anonymous play statistics on this device (kiosk: always)

    def clean(self) -> "Settings":
        """Replace any value of the wrong kind by its default (a hand-edited file must not crash)."""
        default = Settings()
        if self.lang not in ("en", "nl"):
            self.lang = default.lang
        if self.text_size not in TEXT_SIZES:
            self.text_size = default.text_size
        for name in ("transparent", "reduced_motion", "fullscreen", "stats"):
            if not isinstance(getattr(self, name), bool):
                setattr(self, name, getattr(default, name))
        if not isinstance(self.volume, int) or isinstance(self.volume, bool):
            self.volume = default.volume
        self.volume = max(0, min(10, self.volume))
        return self

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        s = cls()
        if isinstance(data, dict):
            for f in fields(cls):
                if f.name in data:
                    setattr(s, f.name, data[f.name])
        return s.clean()


def settings_path() -> Path:
    return data_dir() / "settings.json"


def load_settings(path: Optional[Path] = None) -> Settings:
    """The saved settings, or the defaults when the file is missing or broken (never raises)."""
    path = path or settings_path()
    try:
        with open(path, encoding="utf-8") as fh:
            return Settings.from_dict(json.load(fh))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        print(f"scored: settings file {path} ignored ({exc.__class__.__name__}); using defaults",
              file=sys.stderr)
        return Settings()


def save_settings(settings: Settings, path: Optional[Path] = None) -> bool:
    """Write the settings atomically; False (and a line on stderr) when the folder is not writable."""
    path = path or settings_path()
    try:
        os.makedirs(path.parent, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(settings.to_dict(), fh, indent=1)
        os.replace(tmp, path)
        return True
    except OSError as exc:
        print(f"scored: could not save settings to {path}: {exc}", file=sys.stderr)
        return False
