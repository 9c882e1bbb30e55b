"""The week as a chart: the score after every choice, the days, the gate checks; and each gate's
result at the end of the run."""
from __future__ import annotations

from ..run import Run
from ..state import GateCheck
from .types import GateResult, Point, WeekChart


def gate_results(run: Run) -> dict[str, GateResult]:
    """Each gate: the last check at its scene when there was one, else the final score."""
    last: dict[str, GateCheck] = {}
    for check in run.gate_checks:
        last[check.gate] = check
    out = {}
    for gate in run.scenario.gates:
        found = last.get(gate.id)
        if found is not None:
            out[gate.id] = GateResult(gate.id, gate.at, found.score, found.passed, True)
        else:
            out[gate.id] = GateResult(gate.id, gate.at, run.score, run.score >= gate.at, False)
    return out


def week_chart(run: Run) -> WeekChart:
    sc = run.scenario
    points = []
    for step, score, scene in run.history:
        points.append(Point(step, sc.scenes[scene].day, score, scene,
                            run.log[step - 1] if step else None))
    if run.ended and points:  # the week is over: the last point stands at the end of the last day
        last = points[-1]
        last_day = max(scene.day for scene in sc.scenes.values())
        points[-1] = Point(last.step, max(last.day, last_day), last.score, last.scene, last.choice)
    days = [(d.day, d.start_score, d.end_score) for d in run.day_summaries]
    return WeekChart(points, days, list(run.gate_checks), [(g.id, g.at) for g in sc.gates],
                     sc.min_score, sc.max_score)
