"""Where the game finds its content and keeps the player's files.

Installed (a wheel, pipx, `pip install .`), the scenarios and assets sit inside the package
(game/scenarios, game/assets); in a source checkout they sit beside it (scenarios/, assets/).
Either way they are found from the package's own folder, whatever folder the player stands in.
SCORED_ROOT, when set, names a folder holding scenarios/ and assets/ and overrides both.
The teacher's materials live in docs/teachers/ of a checkout and in game/teachers installed.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # what importlib.resources.files("game") names, without its import


def content_dir(name: str) -> Path:
    """The folder `name` (scenarios or assets): SCORED_ROOT's, the package's, or the checkout's."""
    override = os.environ.get("SCORED_ROOT")
    if override:
        return Path(override) / name
    inside = PACKAGE / name
    if inside.is_dir():
        return inside
    return PACKAGE.parent / name  # a source checkout: scenarios/ and assets/ beside game/


SCENARIOS = content_dir("scenarios")
ASSETS = content_dir("assets")
LOCALE = PACKAGE / "locale"


def teachers_dir() -> Path:
    """The teacher's materials, one folder of Markdown per language: SCORED_ROOT's docs/teachers,
    the package's teachers (installed), or the checkout's docs/teachers."""
    override = os.environ.get("SCORED_ROOT")
    if override:
        return Path(override) / "docs" / "teachers"
    inside = PACKAGE / "teachers"
    if inside.is_dir():
        return inside
    return PACKAGE.parent / "docs" / "teachers"


def scenario_file(name: str) -> Path:
    """A shipped scenario's scenario.yaml by its folder name, e.g. scenario_file("sample")."""
    return SCENARIOS / name / "scenario.yaml"


def default_scenario() -> Path:
    """The full week when it is there, else the sample."""
    week = scenario_file("week")
    return week if week.exists() else scenario_file("sample")


def data_dir() -> Path:
    """The player's folder for saves, settings and stats (SCORED_HOME overrides it)."""
    if os.environ.get("SCORED_HOME"):
        return Path(os.environ["SCORED_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    if os.name == "nt" and os.environ.get("APPDATA"):
        base = os.environ["APPDATA"]
    return Path(base) / "scored"


def cache_dir() -> Path:
    """The player's cache: what the game can make again (parsed files). Under SCORED_HOME when set."""
    if os.environ.get("SCORED_HOME"):
        return Path(os.environ["SCORED_HOME"]) / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "scored" / "cache"
    return Path(base) / "scored"
