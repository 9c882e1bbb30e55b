"""Where the game finds its content and keeps the player's files."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("SCORED_ROOT") or Path(__file__).resolve().parent.parent)
SCENARIOS = ROOT / "scenarios"
ASSETS = ROOT / "assets"
LOCALE = Path(__file__).resolve().parent / "locale"


def default_scenario() -> Path:
    """The full week when it is there, else the sample."""
    week = SCENARIOS / "week" / "scenario.yaml"
    return week if week.exists() else SCENARIOS / "sample" / "scenario.yaml"


def data_dir() -> Path:
    """The player's folder for saves, settings and stats (SCORED_HOME overrides it)."""
    if os.environ.get("SCORED_HOME"):
        return Path(os.environ["SCORED_HOME"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    if os.name == "nt" and os.environ.get("APPDATA"):
        base = os.environ["APPDATA"]
    return Path(base) / "scored"
