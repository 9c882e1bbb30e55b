"""The player's settings, kept in a small JSON file in the data folder."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Optional

from ..paths import data_dir

TEXT_SIZES = {"normal": 1.0, "large": 1.25, "larger": 1.5, "largest": 2.0}  # up to twice the size
VOLUMES = ("volume", "effects_volume", "interface_volume")  # 0 (muted) to 10 each
SWITCHES = ("transparent", "reduced_motion", "fullscreen", "stats", "high_contrast", "dyslexic_font", "speech")


class Settings:
    """The player's choices; a value not given is its default (the class's). A plain class, not a
    dataclass: see engine/errors.Problem."""

    lang: str = "en"
    text_size: str = "normal"      # a key of TEXT_SIZES
    transparent: bool = False      # show each change's exact rule at once
    reduced_motion: bool = False   # nothing slides, pulses or creeps
    volume: int = 6                # all sound
    effects_volume: int = 10       # the score's sounds (a change, a gate's verdict)
    interface_volume: int = 6      # buttons
    fullscreen: bool = False
    stats: bool = True             # keep anonymous play statistics on this device (kiosk: always)
    high_contrast: bool = False    # black on white, plain fills, strong edges
    dyslexic_font: bool = False    # OpenDyslexic instead of Inter
    speech: bool = False           # read the scene, the choices and the changes aloud
    window_size: Optional[list[int]] = None  # the window's size when it was last resized
    region: str = ""               # whose cases "closer to home" shows ("": by the language)

    def __init__(self, **values: Any) -> None:
        for name in FIELDS:  # each instance holds every value (what to_dict and equality read)
            setattr(self, name, values.pop(name, getattr(Settings, name)))
        if values:
            raise TypeError(f"no setting named {', '.join(values)}")

    def copy(self, **changes: Any) -> "Settings":
        """A copy, with `changes` (as dataclasses.replace would make)."""
        return Settings(**{**self.to_dict(), **changes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # it changes

    def __repr__(self) -> str:
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items()) + ")"

    @property
    def text_scale(self) -> float:
        return TEXT_SIZES.get(self.text_size, 1.0)

    def clean(self) -> "Settings":
        """Replace any value of the wrong kind by its default (a hand-edited file must not crash)."""
        from .strings import (
            languages,  # the languages the game speaks: data, not a list here
        )
        default = Settings()
        if not isinstance(self.lang, str) or self.lang not in languages():
            self.lang = default.lang
        if self.text_size not in TEXT_SIZES:
            self.text_size = default.text_size
        for name in SWITCHES:
            if not isinstance(getattr(self, name), bool):
                setattr(self, name, getattr(default, name))
        for name in VOLUMES:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                value = getattr(default, name)
            setattr(self, name, max(0, min(10, value)))
        if not isinstance(self.region, str) or len(self.region) > 40:
            self.region = default.region
        size = self.window_size
        if not (isinstance(size, list) and len(size) == 2 and all(
                isinstance(v, int) and not isinstance(v, bool) and 320 <= v <= 16384 for v in size)):
            self.window_size = None
        return self

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in FIELDS}
        if isinstance(out["window_size"], list):
            out["window_size"] = list(out["window_size"])  # a copy, as asdict gave
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        s = cls()
        if isinstance(data, dict):
            for name in FIELDS:
                if name in data:
                    setattr(s, name, data[name])
        return s.clean()


FIELDS = tuple(Settings.__annotations__)  # every setting, in order


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
