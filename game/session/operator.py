"""The kiosk operator's settings: a small TOML file written once by whoever runs the exhibit.

The file is `$SCORED_HOME/kiosk.toml`, or the one named by `scored --kiosk --operator-config FILE`.
It is read with the standard library's `tomllib`, and only from a regular file of at most 64 KB:
a FIFO, a device or a link to /dev/zero is refused without reading from it. Nothing in it can stop
the game: a file that cannot be read, is not TOML, holds a value of the wrong kind or out of range,
or keys the game does not know, is reported in one sentence (for the log), and the defaults are
used for whatever was wrong.

>>> config, problem = parse_text('idle_seconds = 90\\nlanguages = ["nl", "en"]\\nlanguage = "nl"\\n')
>>> config.idle_seconds, config.languages, config.language, problem
(90, ('nl', 'en'), 'nl', None)
>>> config, problem = parse_text('idle_seconds = 2\\nidel = 1\\n', "kiosk.toml")
>>> config.idle_seconds
60
>>> "idle_seconds must be a whole number from 15 to 900, not 2" in problem, "unknown key 'idel'" in problem
(True, True)
"""
from __future__ import annotations

import difflib
import hmac
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional, Union

import tomllib

from ..engine.saves import Unreadable, read_regular
from ..paths import data_dir
from .settings import TEXT_SIZES, Settings

FILE_NAME = "kiosk.toml"
MAX_BYTES = 64 * 1024
DEBRIEFS = ("short", "full")
ORIENTATIONS = ("landscape", "portrait", "auto")
PIN = re.compile(r"[0-9]{4,12}")
RANGES = {  # whole numbers: (least, most)
    "idle_seconds": (15, 900),
    "countdown_seconds": (5, 120),
    "attract_after_seconds": (5, 3600),
    "volume": (0, 10),
}


def _all_languages() -> tuple[str, ...]:
    from .strings import languages
    return tuple(languages())


@dataclass(frozen=True)
class OperatorConfig:
    """What the operator chose; every field has a default that runs a sensible kiosk."""
    idle_seconds: int = 60            # no touch this long during a visit: the countdown shows
    countdown_seconds: int = 15       # the countdown's length before the visit starts over
    attract_after_seconds: int = 25   # no touch this long on the title: the game plays itself
    languages: tuple[str, ...] = field(default_factory=_all_languages)  # offered, in this order
    language: str = "en"              # the language each visit starts in
    text_size: str = "normal"         # a key of game.session.settings.TEXT_SIZES
    debrief: str = "short"            # short (a few minutes) or full (every page, as at home)
    orientation: str = "landscape"    # landscape (1920x1080), portrait (1080x1920), auto (the screen's)
    sound: bool = True                # False: the game makes no sound at all
    volume: int = 6                   # 0-10, the volume each visit starts at
    exit_pin: str = field(default="", repr=False)  # digits; "" : no exit from the kiosk but stopping it

    @property
    def can_exit(self) -> bool:
        """The operator's key chord opens the PIN pad only when a PIN is set."""
        return bool(self.exit_pin)

    def pin_matches(self, entered: str) -> bool:
        """Whether `entered` is the exit PIN (compared in constant time; never true without one)."""
        return bool(self.exit_pin) and hmac.compare_digest(entered.encode(), self.exit_pin.encode())

    def settings(self) -> Settings:
        """The settings each visitor starts with."""
        return Settings(lang=self.language, text_size=self.text_size,
                        volume=self.volume if self.sound else 0,
                        effects_volume=10 if self.sound else 0,
                        interface_volume=self.volume if self.sound else 0)


KEYS = tuple(f for f in OperatorConfig.__dataclass_fields__)


# ----- checking each value ------------------------------------------------------------------------
class _Bad(Exception):
    """A value that cannot be used; the message says what it must be."""


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, (str, int, float)):
        text = repr(value)
    else:
        text = f"a {'table' if isinstance(value, dict) else 'list' if isinstance(value, list) else 'date or time'}"
    return text if len(text) <= 40 else text[:37] + "..."


def _whole(key: str, value: Any) -> int:
    least, most = RANGES[key]
    if isinstance(value, int) and not isinstance(value, bool) and least <= value <= most:
        return value
    raise _Bad(f"{key} must be a whole number from {least} to {most}, not {_shown(value)}")


def _one_of(key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in allowed:
        return value
    raise _Bad(f"{key} must be one of {', '.join(allowed)}, not {_shown(value)}")


def _languages(value: Any, known: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise _Bad(f"languages must be a list of language codes such as [\"en\", \"nl\"], not {_shown(value)}")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise _Bad(f"languages names {', '.join(_shown(v) for v in unknown[:5])}, which the game does not "
                   f"speak (it speaks {', '.join(known)})")
    return tuple(dict.fromkeys(value))


def _switch(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise _Bad(f"{key} must be true or false, not {_shown(value)}")


def _pin(value: Any) -> str:
    if isinstance(value, str) and (value == "" or PIN.fullmatch(value)):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        raise _Bad("exit_pin must be written in quotes, such as \"2468\" (a number loses its leading zeros)")
    raise _Bad("exit_pin must be 4 to 12 digits in quotes, such as \"2468\"")


def _value(key: str, value: Any, known: tuple[str, ...]) -> Any:
    """The value of `key` if it can be used; _Bad with what it must be otherwise."""
    if key in RANGES:
        return _whole(key, value)
    if key == "languages":
        return _languages(value, known)
    if key == "language":
        return _one_of(key, value, known)
    if key == "sound":
        return _switch(key, value)
    if key == "exit_pin":
        return _pin(value)
    allowed = {"text_size": tuple(TEXT_SIZES), "debrief": DEBRIEFS, "orientation": ORIENTATIONS}[key]
    return _one_of(key, value, allowed)


def _check(data: dict[str, Any]) -> tuple[OperatorConfig, list[str]]:
    """The config from the TOML's table, and a phrase for each thing that was wrong."""
    known = _all_languages()
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            problems.append(f"unknown key {_shown(key)}" + (f" (did you mean {close[0]}?)" if close else ""))
            continue
        try:
            values[key] = _value(key, value, known)
        except _Bad as bad:
            problems.append(str(bad))
    config = replace(OperatorConfig(), **values)
    if config.language not in config.languages:
        if "language" in values:
            problems.append(f"language {config.language!r} is not among the languages offered")
        config = replace(config, language=config.languages[0])
    return config, problems


# ----- reading the file ---------------------------------------------------------------------------
def default_path() -> Path:
    return data_dir() / FILE_NAME


def parse_text(text: str, shown: str = "the file") -> tuple[OperatorConfig, Optional[str]]:
    """The config in a TOML text, and one sentence on what was wrong in it (or None)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return OperatorConfig(), (f"scored: the kiosk settings in {shown} are not valid TOML ({exc}); "
                                  f"the defaults apply.")
    except (RecursionError, MemoryError, ValueError):
        return OperatorConfig(), f"scored: the kiosk settings in {shown} cannot be read as TOML; the defaults apply."
    config, problems = _check(data)
    if not problems:
        return config, None
    return config, (f"scored: the kiosk settings in {shown} have problems: {'; '.join(problems)}; "
                    f"the defaults apply to those.")


def load(path: Union[str, "os.PathLike[str]", None] = None) -> tuple[OperatorConfig, Optional[str]]:
    """The operator's config and one sentence for the log when something was wrong (None when all
    was well). `path` None: `$SCORED_HOME/kiosk.toml`, which may be missing (the defaults, silently);
    a file named on the command line must be there. Never raises."""
    named = path is not None
    where = Path(path) if path is not None else default_path()
    try:
        raw = read_regular(where, MAX_BYTES)
    except FileNotFoundError:
        if not named:
            return OperatorConfig(), None
        return OperatorConfig(), f"scored: the kiosk settings file {where} does not exist; the defaults apply."
    except Unreadable as exc:
        return OperatorConfig(), f"scored: the kiosk settings file {where} was not used ({exc}); the defaults apply."
    except (OSError, ValueError) as exc:
        return OperatorConfig(), f"scored: the kiosk settings file {where} was not used ({exc}); the defaults apply."
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return OperatorConfig(), f"scored: the kiosk settings file {where} is not UTF-8 text; the defaults apply."
    return parse_text(text, str(where))
