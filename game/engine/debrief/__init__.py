"""The debrief's analysis of a finished run: how the system steered the player, what became of
each friend, and what the other choice would have done. Pure Python; it returns data, the
front-ends write the sentences (string ids under `debrief.` in game/locale/).

Every counterfactual is an actual replay: the log up to the moment, the other choice, then the
rest of the player's own log. Where the rest no longer fits (the scene differs, or the original
choice is not open), the replay goes on with the open choice most like the player's (by tags,
then by score hint) and says so in `similar`.

Random draws are keyed by what draws (see game/engine/run.py), so the other choice never changes
the luck of a later event: a counterfactual differs from the player's week by the choice alone.

>>> from game.engine import load_scenario, start
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=3).choose_all(
...     ["share_gov", "buy_dishwasher", "unfriend_mei", "broker", "continue", "continue", "continue"])
>>> d = analyze(run)
>>> d.steering.took, d.steering.total
(4, 4)
>>> cf = d.counterfactuals[0]
>>> again = start(week, seed=3).choose_all(cf.log)
>>> (again.score, again.ending.id) == (cf.score, cf.ending)
True
"""
from __future__ import annotations

from ..model import Scenario
from ..run import Run
from .chart import gate_results, week_chart
from .fates import friend_fates
from .steering import replay_moments
from .types import (
    Cause,
    Counterfactual,
    Debrief,
    FriendFate,
    GateResult,
    Moment,
    Point,
    SimilarStep,
    Steering,
    WeekChart,
)
from .whatif import TOP, counterfactuals, replay_with


def analyze(run: Run, top: int = TOP) -> Debrief:
    """Everything the debrief shows about a run, computed from its log."""
    sc: Scenario = run.scenario
    moments, status_changes = replay_moments(run)
    return Debrief(
        scenario=sc.id, seed=run.seed, kiosk=run.kiosk, final_score=run.score,
        ending=run.ending.id if run.ending else None, goal_gate=sc.goal_gate,
        gates=gate_results(run), week=week_chart(run), steering=Steering(moments),
        friends=friend_fates(run, status_changes),
        counterfactuals=counterfactuals(run, top, moments))


__all__ = ["analyze", "counterfactuals", "replay_with", "friend_fates", "week_chart", "gate_results",
           "Cause", "Counterfactual", "Debrief", "FriendFate", "GateResult", "Moment", "Point", "SimilarStep",
           "Steering", "WeekChart", "TOP"]
