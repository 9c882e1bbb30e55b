"""Load a scenario folder (scenario.yaml and one string table per language) and check it.

Three steps, each in its own module: parse the YAML keeping every value's line and column
(marks.py); build the frozen scenario part by part (parts, effects, scenes, material), reporting
problems as it goes (builder.py); check the whole (checks.py). Every problem names the file, the
line and the column; all are collected before a ScenarioError is raised, so an author sees them
in one go.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .scenario import TOP_KEYS, check_scenario, content_hash, load_scenario

__all__ = ["load_scenario", "check_scenario", "content_hash", "TOP_KEYS"]


def __getattr__(name: str) -> Any:
    """The scenario's loader on first use: reading the game's own strings (tables.py) needs
    neither it nor the scenario model."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(".scenario", __name__), name)
    globals()[name] = value
    return value
