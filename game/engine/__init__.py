"""The engine of Scored: pure Python, no pygame. Load a scenario, start a run, choose by id.

>>> from game.engine import load_scenario, start
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=3)
>>> run.scene.id, [c.id for c in run.choices()]
('mon_alarm', ['share_gov', 'share_square', 'share_nothing'])
>>> outcome = run.choose("share_gov")
>>> outcome.delta, run.score
(20, 660)

The names below are imported on first use: a front-end importing one small part (the string
catalogue for its title) does not pay for the loader, YAML and the run.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import Problem, RunError, SaveError, ScenarioError
    from .loading import check_scenario, load_scenario
    from .run import Run, start
    from .state import DaySummary, GateCheck, LedgerEntry, Outcome

_WHERE = {"Problem": "errors", "RunError": "errors", "SaveError": "errors", "ScenarioError": "errors",
          "check_scenario": "loading", "load_scenario": "loading", "Run": "run", "start": "run",
          "DaySummary": "state", "GateCheck": "state", "LedgerEntry": "state", "Outcome": "state"}

__all__ = ["Problem", "RunError", "SaveError", "ScenarioError", "check_scenario", "load_scenario",
           "DaySummary", "GateCheck", "LedgerEntry", "Outcome", "Run", "start"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value  # once: later lookups are plain
    return value
