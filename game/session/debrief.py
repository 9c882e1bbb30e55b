"""One debrief of one finished week: the analysis, how earlier players chose, the record in the
play statistics (made once), the feeling tapped and the quiz's answers. No pygame here.

How others chose is taken from the statistics *before* this week is added, so the shares are
those of earlier players; then the week is recorded, once (never when the statistics are off,
and never for a week the game played by itself). The feeling and the quiz's answers stay in
memory: they are not personal data and they are not stored.

>>> from game.engine import load_scenario, start
>>> from game.session.stats import Stats
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=3)
>>> while not run.ended: _ = run.choose(run.choices()[0].id)
>>> session = DebriefSession(run, Stats.disabled(), quiz_before={"one_score": "real"})
>>> session.recorded, session.others.enabled
(False, False)
>>> session.quiz_after["one_score"] = "myth"
>>> session.quiz_right(session.quiz_before), session.quiz_right(session.quiz_after), len(session.quiz)
(0, 1, 2)
"""
from __future__ import annotations

from typing import Any, Optional

from ..engine.debrief import Debrief, analyze
from ..engine.model import CheckItem
from ..engine.run import Run
from .stats import Shares


class FrozenStats:
    """The answers a game.stats.Stats gave at one moment, for the scenes of one week's key
    moments: it answers `enabled`, `count`, `shares` and `endings` as Stats does."""

    def __init__(self, stats: Any, scenario_id: str, option_lists: list[list[str]]):
        self.enabled = bool(getattr(stats, "enabled", False))
        self._count = stats.count(scenario_id) if self.enabled else 0
        self._endings: dict[str, int] = stats.endings(scenario_id) if self._count else {}
        self._shares: dict[tuple[str, ...], Shares] = {}
        if self._count:
            for options in option_lists:
                self._shares[tuple(options)] = stats.shares(scenario_id, options)

    def count(self, scenario: str, *args: Any, **kw: Any) -> int:
        return self._count

    def endings(self, scenario: str, *args: Any, **kw: Any) -> dict[str, int]:
        return dict(self._endings)

    def shares(self, scenario: str, choice_ids: list[str], *args: Any, **kw: Any) -> Shares:
        found = self._shares.get(tuple(choice_ids))
        return found if found is not None else Shares({c: 0 for c in choice_ids})


class DebriefSession:
    """Everything the debrief's pages share; `pages` is filled by the front-end."""

    def __init__(self, run: Run, stats: Any, *, record: bool = True,
                 quiz_before: Optional[dict[str, str]] = None, debrief: Optional[Debrief] = None,
                 items: Optional[tuple[CheckItem, ...]] = None):
        self.run = run
        self.items = items if items is not None else run.scenario.debrief.quiz
        self.analysis = debrief or analyze(run)
        sc = run.scenario
        options = [[c.id for c in sc.scenes[m.scene].choices] for m in self.analysis.key_moments()]
        self.others = FrozenStats(stats, sc.id, options)
        self.recorded = bool(record and getattr(stats, "enabled", False) and stats.record_run(run))
        self.notice = getattr(stats, "notice", None)
        self.quiz_before = dict(quiz_before) if quiz_before is not None else None
        self.quiz_after: dict[str, str] = {}
        self.feeling: Optional[str] = None
        self.pages: list[Any] = []  # the front-end's pages, in order

    @property
    def quiz(self) -> list[CheckItem]:
        return list(self.items)

    @property
    def scored(self) -> list[CheckItem]:
        """The questions with a right answer (an opinion has none)."""
        return [q for q in self.items if q.correct is not None]

    def quiz_right(self, answers: Optional[dict[str, str]]) -> int:
        """How many of `answers` (question id to answer id) are correct."""
        if not answers:
            return 0
        return sum(1 for q in self.scored if answers.get(q.id) == q.correct)
