"""One player's week, whatever shows it: the pygame window, the text mode or a classroom's web
pages each draw what this says and pass on what the player chose. No pygame here.

The session owns the week's flow: a new week or a resumed one, a choice and what came of it (the
day summaries, the next scene or the ending), undo, the check before and after the week, the
debrief and the week's anonymous record. A run stays its seed and choice log: the save holds that
and the check's answers, nothing else.

>>> from game.engine import load_scenario
>>> from game.paths import scenario_file
>>> session = PlaySession(load_scenario(scenario_file("sample")))
>>> run = session.new_week(seed=3)
>>> step = session.choose("share_gov")
>>> step.outcome.delta, step.ended, session.run.scene.id
(20, False, 'mon_shop')
>>> session.undo(), session.run.log
(True, [])
"""
from __future__ import annotations

import random
import threading
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Optional

from ..engine.model import CheckItem, Scenario
from ..engine.run import Run, start
from ..engine.runlog import undo
from ..engine.state import DaySummary, Outcome
from .saves import SaveSlot

if TYPE_CHECKING:  # the analysis is imported when a week ends, not before the first one starts
    from ..engine.debrief import Debrief
    from .debrief import DebriefSession

KIOSK_CHECK = 2  # the kiosk asks at most this many questions


class Step(NamedTuple):
    """What one choice did, in the order a front-end shows it: the days that ended, then the next
    scene (or the ending)."""
    outcome: Outcome
    days: list[DaySummary]
    ended: bool


class PlaySession:
    """A player's week over one scenario."""

    def __init__(self, scenario: Scenario, *, kiosk: bool = False, stats: Any = None,
                 slot: Optional[SaveSlot] = None, seed: Optional[int] = None,
                 new_seed: Callable[[], int] = lambda: random.randrange(1_000_000)):
        self.scenario = scenario
        self.kiosk = kiosk
        self._stats = stats  # a game.session.stats.Stats, a function opening one when first needed, or None
        self.slot = slot    # None: nothing is saved (the kiosk, autoplay, the text mode)
        self.fixed_seed = seed
        self.new_seed = new_seed
        self.run: Optional[Run] = None
        self.check_before: Optional[dict[str, str]] = None
        self.debrief: Optional[DebriefSession] = None
        self.save_problem: Optional[str] = None  # why the last save failed (said to the player once)
        self._save_failed_said = False
        # the finished week, analysed ahead in a thread of its own: (run, the result once made, thread)
        self._ahead: Optional[tuple[Run, list[Debrief], threading.Thread]] = None

    @property
    def stats(self) -> Any:
        """The play statistics (opened on first use, so a week that never ends touches no file)."""
        if callable(self._stats):
            self._stats = self._stats()
        return self._stats

    @stats.setter
    def stats(self, value: Any) -> None:
        self._stats = value

    # ----- the week ----------------------------------------------------------------------------
    def new_week(self, seed: Optional[int] = None) -> Run:
        if seed is None:
            seed = self.fixed_seed if self.fixed_seed is not None else self.new_seed()
        self.run = start(self.scenario, seed, kiosk=self.kiosk)
        self.check_before = None
        self.debrief = None
        self.save()
        return self.run

    def forget_week(self) -> None:
        """Nothing of the week is kept (a kiosk's visit is over): the run, the check's answers, the
        debrief and the analysis made ahead (a thread still at it finishes into nothing)."""
        self.run = None
        self.check_before = None
        self.debrief = None
        self._ahead = None

    def has_save(self) -> bool:
        return self.slot is not None and self.slot.exists()

    def resume(self) -> tuple[Optional[Run], Optional[str]]:
        """The saved week (made current), or (None, one sentence on why it could not be used)."""
        if self.slot is None:
            return None, None
        saved, problem = self.slot.resume(self.scenario)
        if saved is None:
            return None, problem
        self.run = saved.run
        self.check_before = saved.check_before
        self.debrief = None
        return self.run, None

    def choose(self, choice_id: str) -> Step:
        """Take a choice (RunError for one that is not open) and save."""
        run = self._current()
        outcome = run.choose(choice_id)
        self.save()
        return Step(outcome, list(outcome.days), run.ended)

    def undo(self) -> bool:
        """Take the last choice back (by replaying the rest); False when there is none."""
        run = self.run
        if run is None or not run.log or run.ended:
            return False
        self.run = undo(self.scenario, run)
        self.save()
        return True

    def save(self) -> bool:
        """Keep the week (removed once it ended); False, with `save_problem` set, when the folder
        cannot be written. The week goes on either way."""
        if self.slot is None or self.run is None:
            return True
        try:
            self.slot.write(self.run, self.check_before)
        except OSError as exc:
            self.save_problem = f"{exc.strerror or exc}"
            return False
        self.save_problem = None
        self._save_failed_said = False
        return True

    def save_notice_due(self) -> bool:
        """True once after saving started to fail: the player is told, then left in peace."""
        if self.save_problem is None or self._save_failed_said:
            return False
        self._save_failed_said = True
        return True

    # ----- the check before and after the week -------------------------------------------------
    @property
    def check(self) -> tuple[CheckItem, ...]:
        """The questions of the check (the kiosk asks the ones marked for it, at most two)."""
        items = self.scenario.debrief.quiz
        if self.kiosk:
            marked = tuple(q for q in items if q.kiosk)
            return (marked or items)[:KIOSK_CHECK]
        return items

    def answer_before(self, question: str, answer: str) -> None:
        self._valid(question, answer)
        if self.check_before is None:
            self.check_before = {}
        self.check_before[question] = answer
        self.save()

    def skip_check(self) -> None:
        """The check before the week was left out (the debrief says so)."""
        self.save()

    def _valid(self, question: str, answer: str) -> None:
        q = next((q for q in self.check if q.id == question), None)
        if q is None or answer not in q.answers:
            raise ValueError(f"no answer '{answer}' to question '{question}'")

    # ----- the debrief -------------------------------------------------------------------------
    def analyse_ahead(self) -> bool:
        """Analyse the finished week before its debrief is asked for (while the ending is read),
        in a thread: a long week's analysis must not hold up the window; True if it started."""
        run = self.run
        if run is None or not run.ended or (self._ahead is not None and self._ahead[0] is run):
            return False
        from ..engine.debrief import analyze
        made: list[Debrief] = []
        thread = threading.Thread(target=lambda: made.append(analyze(run)), name="scored-debrief", daemon=True)
        self._ahead = (run, made, thread)
        thread.start()
        return True

    def start_debrief(self, *, record: bool = True) -> DebriefSession:
        """The debrief of the finished week, made (and the week recorded) once."""
        run = self._current()
        if not run.ended:
            raise ValueError("the week is not over")
        if self.debrief is None or self.debrief.run is not run:
            ahead = None
            if self._ahead is not None and self._ahead[0] is run:
                self._ahead[2].join()
                ahead = self._ahead[1][0] if self._ahead[1] else None  # it failed: made again, and raised, below
            self._ahead = None
            from .debrief import DebriefSession
            self.debrief = DebriefSession(run, self.stats, record=record, quiz_before=self.check_before,
                                          debrief=ahead, items=self.check)
        return self.debrief

    def _current(self) -> Run:
        if self.run is None:
            raise ValueError("no week has started")
        return self.run
