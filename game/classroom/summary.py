"""The class's figures: who is where (the live view), and the class debrief (endings, gates, the
score over the days, the key choices, the check before and after); the anonymous CSV export.

Shares are shown only from MIN_WEEKS finished weeks on: with fewer, a share could give away one
student's choices. The export has no codes and is sorted by ending and score, not by who joined
first.
"""
from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from typing import Optional

from ..engine.debrief import gate_results
from ..engine.debrief.steering import score_key, stakes
from ..engine.debrief.types import stakes_rank
from ..engine.model import Scene
from ..engine.run import Run
from .room import DAY, ENDED, SCENE, STOPPED, WAIT, Classroom, Student

MIN_WEEKS = 5
SHOWN = 6  # key choices shown at once on the projector (the rest folded away)


@dataclass
class Live:
    """Who is where, for the teacher's live view."""
    joined: int
    started: int  # past the intro and the check
    finished: int
    waiting: int
    days: list[tuple[int, int]]  # (day, students on it) for weeks under way
    hold_day: Optional[int]
    week_ended: bool


def live(room: Classroom) -> Live:
    sc = room.scenario
    on_day = {d: 0 for d in range(sc.first_day, sc.last_day + 1)}
    started = finished = waiting = 0
    for st in room.students.values():
        phase = room.phase(st)
        if phase in (SCENE, DAY, WAIT, STOPPED, ENDED):
            started += 1
        if st.run.ended:
            finished += 1
        elif phase in (SCENE, DAY, WAIT, STOPPED):
            on_day[st.run.day] = on_day.get(st.run.day, 0) + 1
        waiting += phase == WAIT
    return Live(len(room.students), started, finished, waiting, sorted(on_day.items()), room.hold_day,
                room.week_ended)


@dataclass
class Option:
    choice: str
    count: int
    percent: int
    raising: bool  # the option that raised the score most


@dataclass
class KeyChoice:
    scene: Scene
    options: list[Option]
    total: int


@dataclass
class Question:
    id: str
    correct: Optional[str]
    before: dict[str, int]  # answer id to how many gave it
    after: dict[str, int]
    right_before: int
    right_after: int
    answered_before: int
    answered_after: int


@dataclass
class ClassDebrief:
    finished: int
    enough: bool  # MIN_WEEKS finished weeks or more: shares may be shown
    endings: list[tuple[str, int, int]] = field(default_factory=list)  # (ending id, weeks, percent)
    gates: list[tuple[str, int, int, int]] = field(default_factory=list)  # (gate id, passed, of, percent)
    days: list[tuple[int, int, int, int]] = field(default_factory=list)  # (day, lowest, median, highest)
    start_score: int = 0
    choices: list[KeyChoice] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    believed: Optional[Question] = None  # the question most got wrong before the week
    answered: int = 0  # students who answered before and after
    right_before: float = 0.0  # mean right answers, of those
    right_after: float = 0.0


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def key_scenes(room: Classroom) -> list[Scene]:
    """Scenes whose options differ in what they do to the score, in the week's order, the weightiest
    first in `weight`: a friend at stake weighs most, then a value, then the spread of the score."""
    return [s for s in room.scenario.scenes.values() if len(s.choices) > 1
            and len({score_key(c) for c in s.choices}) > 1]


def weight(scene: Scene) -> tuple[int, float]:
    at_stake: set[str] = set()
    for c in scene.choices:
        at_stake |= stakes(c)
    hints = [c.score_hint for c in scene.choices]
    return stakes_rank(tuple(at_stake)), max(hints) - min(hints)


def class_debrief(room: Classroom) -> ClassDebrief:
    sc = room.scenario
    runs: list[Run] = [st.run for st in room.students.values() if st.run.ended]
    n = len(runs)
    out = ClassDebrief(n, n >= MIN_WEEKS, start_score=sc.start_score)
    out.questions = _questions(room, list(room.students.values()))
    if not out.enough:
        return out
    ended: dict[str, int] = {}
    for run in runs:
        assert run.ending is not None
        ended[run.ending.id] = ended.get(run.ending.id, 0) + 1
    out.endings = [(e.id, ended[e.id], percent(ended[e.id], n)) for e in sc.endings if e.id in ended]
    results = [gate_results(run) for run in runs]
    for gate in sc.gates:
        passed = sum(1 for r in results if r[gate.id].passed)
        out.gates.append((gate.id, passed, n, percent(passed, n)))
    for day in range(sc.first_day, sc.last_day + 1):
        scores = [d.end_score for run in runs for d in run.day_summaries if d.day == day]
        if scores:
            out.days.append((day, min(scores), round(statistics.median(scores)), max(scores)))
    chosen = [set(run.log) for run in runs]
    for scene in key_scenes(room):
        counts = {c.id: sum(1 for log in chosen if c.id in log) for c in scene.choices}
        total = sum(counts.values())
        if total < MIN_WEEKS:
            continue  # too few passed this way to show how they chose
        best = max(score_key(c) for c in scene.choices)
        out.choices.append(KeyChoice(scene, [Option(c.id, counts[c.id], percent(counts[c.id], total),
                                                    score_key(c) == best) for c in scene.choices], total))
    # the weightiest moments first; within them, the week's order
    top = sorted(out.choices, key=lambda k: weight(k.scene), reverse=True)[:SHOWN]
    out.choices = [k for k in out.choices if k in top] + [k for k in out.choices if k not in top]
    both = [q for q in out.questions if q.correct is not None]
    if both:
        out.believed = max(both, key=lambda q: q.answered_before - q.right_before)
    return out


def _questions(room: Classroom, students: list[Student]) -> list[Question]:
    """The check before and after, per question; left empty below MIN_WEEKS answers after."""
    items = students[0].session.check if students else ()
    both = [st for st in students if st.session.check_before and st.after_done]
    if len(both) < MIN_WEEKS:
        return []
    out = []
    for q in items:
        before = {a: sum(1 for st in both if (st.session.check_before or {}).get(q.id) == a) for a in q.answers}
        after = {a: sum(1 for st in both if st.check_after.get(q.id) == a) for a in q.answers}
        out.append(Question(q.id, q.correct, before, after, before.get(q.correct or "", 0),
                            after.get(q.correct or "", 0), sum(before.values()), sum(after.values())))
    return out


def check_means(room: Classroom) -> tuple[int, float, float]:
    """(students who answered before and after, mean right before, mean right after)."""
    both = [st for st in room.students.values() if st.session.check_before and st.after_done]
    scored = [q for q in room.scenario.debrief.quiz if q.correct is not None]
    if not both:
        return 0, 0.0, 0.0

    def right(answers: dict[str, str]) -> int:
        return sum(1 for q in scored if answers.get(q.id) == q.correct)
    before = statistics.mean(right(st.session.check_before or {}) for st in both)
    after = statistics.mean(right(st.check_after) for st in both)
    return len(both), round(before, 1), round(after, 1)


def export_csv(room: Classroom) -> str:
    """Every week, one row each, with no code: the choice ids, ending, final score, check answers."""
    sc = room.scenario
    questions = [q.id for q in room.scenario.debrief.quiz]
    head = ["week", "scenario", "finished", "ending", "final_score", "day", "choices"]
    head += [f"before_{q}" for q in questions] + [f"after_{q}" for q in questions] + ["feeling"]
    rows = []
    for st in room.students.values():
        run = st.run
        before = st.session.check_before or {}
        rows.append([sc.id, "yes" if run.ended else "no", run.ending.id if run.ending else "", run.score,
                     run.day, " ".join(run.log)] + [before.get(q, "") for q in questions]
                    + [st.check_after.get(q, "") for q in questions] + [st.feeling or ""])
    rows.sort(key=lambda r: (str(r[2]), str(r[1]), -int(r[3]), str(r[5])))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(head)
    for i, row in enumerate(rows, 1):
        writer.writerow([i] + row)
    return buf.getvalue()
