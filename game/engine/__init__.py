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
"""
from .errors import Problem, RunError, SaveError, ScenarioError
from .loading import check_scenario, load_scenario
from .run import Run, start
from .state import DaySummary, GateCheck, LedgerEntry, Outcome

__all__ = ["Problem", "RunError", "SaveError", "ScenarioError", "check_scenario", "load_scenario",
           "DaySummary", "GateCheck", "LedgerEntry", "Outcome", "Run", "start"]
