"""The class in memory: one play session per student code, the teacher's hold, and the store
behind them. The web layer asks and tells this; it never touches a run directly.

A student's place in the pages is derived from their run and three counters (the intro seen,
the check done, the day summaries seen), so a restart that replays the logs puts everyone back
on the page they left.

>>> from game.engine import load_scenario
>>> from game.paths import scenario_file
>>> import tempfile, os
>>> folder = tempfile.TemporaryDirectory()
>>> room = Classroom(load_scenario(scenario_file("sample")), Store(os.path.join(folder.name, "c.db")))
>>> st = room.join("en")
>>> room.phase(st), len(st.code)
('intro', 6)
>>> room.start_week(st); room.skip_check(st), room.phase(st)
(True, 'scene')
>>> room.choose(st, st.run.choices()[0].id, st.run.step), room.choose(st, "nothing", 0)
('applied', 'stale')
>>> again = Classroom(room.scenario, Store(os.path.join(folder.name, "c.db")))
>>> again.get(st.code).run.log == st.run.log
True
>>> folder.cleanup()
"""
from __future__ import annotations

import secrets
import sqlite3
import sys
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..engine.errors import SaveError
from ..engine.model import Scenario
from ..engine.run import Run
from ..engine.runlog import RunLog, replay
from ..session.debrief import DebriefSession
from ..session.play import PlaySession
from ..session.saves import Saved
from ..session.stats import Stats
from ..session.strings import offered
from .store import Row, Store

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: read aloud or typed, never mistaken
CODE_LENGTH = 6

# the pages a student can be on
INTRO, CHECK, SCENE, DAY, WAIT, STOPPED, ENDED = "intro", "check", "scene", "day", "wait", "stopped", "ended"
# what came of a choice
APPLIED, STALE, UNKNOWN, CLOSED = "applied", "stale", "unknown", "closed"


class StoredSlot:
    """A play session's save slot that writes to the class's store (as game.session.saves.SaveSlot
    writes to a file): the session saves its log after every choice through this."""

    def __init__(self, store: Store, code: str):
        self.store, self.code = store, code
        self.row: Optional[Row] = None  # the row to resume from, once

    def exists(self) -> bool:
        return self.row is not None

    def write(self, run: Run, check_before: Optional[dict[str, str]]) -> None:
        try:
            self.store.update(self.code, log=RunLog.of(run).to_dict(), check_before=check_before)
        except sqlite3.Error as exc:  # the session reports an OSError as a save problem
            raise OSError(str(exc)) from exc

    def resume(self, scenario: Scenario) -> tuple[Optional[Saved], Optional[str]]:
        row, self.row = self.row, None
        if row is None:
            return None, None
        try:
            return Saved(replay(scenario, RunLog.from_dict(row.log)), row.check_before), None
        except SaveError as exc:
            return None, str(exc)


@dataclass
class Student:
    code: str
    lang: str
    session: PlaySession
    intro_seen: bool = False
    check_done: bool = False
    days_seen: int = 0
    check_after: dict[str, str] = field(default_factory=dict)
    after_done: bool = False
    feeling: Optional[str] = None

    @property
    def run(self) -> Run:
        run = self.session.run
        assert run is not None
        return run


class Classroom:
    """Every student's week, the teacher's token and hold; changes are stored as they happen."""

    def __init__(self, scenario: Scenario, store: Store, lang: str = "en",
                 new_seed: Callable[[], int] = lambda: secrets.randbelow(1_000_000), region: str = ""):
        self.scenario = scenario
        self.store = store
        self.lang = lang
        self.region = region  # whose cases 'closer to home' shows; "" = by each student's language
        self.languages = offered(scenario.languages)  # those both the game and the week speak
        self.new_seed = new_seed
        self.students: dict[str, Student] = {}
        self.version = 0  # goes up with every change: the teacher's live view waits on it
        self.listeners: list[Callable[[], None]] = []
        self.skipped = 0  # stored weeks that no longer replay (the scenario changed)
        self._load()

    # ----- the store -----------------------------------------------------------------------
    def _load(self) -> None:
        token = self.store.meta("token")
        if token is None:
            token = secrets.token_urlsafe(18)
            self.store.meta("token", token)
        self.token: str = token
        hold = self.store.meta("hold_day")
        self.hold_day: Optional[int] = int(hold) if hold is not None and hold.isdigit() else None
        self.week_ended = self.store.meta("week_ended") == "1"
        for row in self.store.rows():
            session = self._session(row.code)
            slot = session.slot
            assert isinstance(slot, StoredSlot)
            slot.row = row
            run, problem = session.resume()
            if run is None:
                self.skipped += 1
                print(f"scored classroom: the week of {row.code} was left out: {problem}", file=sys.stderr)
                continue
            self.students[row.code] = Student(
                row.code, row.lang if row.lang in self.languages else self.lang, session, row.intro_seen,
                row.check_done, min(row.days_seen, len(run.day_summaries)), dict(row.check_after or {}),
                row.after_done, row.feeling)

    def _session(self, code: str) -> PlaySession:
        # the class keeps its own record: nothing goes into this laptop's play statistics
        return PlaySession(self.scenario, stats=Stats.disabled(), slot=StoredSlot(self.store, code),  # type: ignore[arg-type]
                           new_seed=self.new_seed)

    def changed(self) -> None:
        self.version += 1
        for listener in list(self.listeners):
            listener()

    # ----- students ------------------------------------------------------------------------
    def new_code(self) -> str:
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self.students:
                return code

    @staticmethod
    def normal_code(text: str) -> str:
        """A code as typed ("abc-def ", "abcdef") in its stored form ("ABCDEF"); "" when it cannot be one."""
        code = "".join(ch for ch in text.upper() if ch not in " -")
        return code if len(code) == CODE_LENGTH and all(ch in ALPHABET for ch in code) else ""

    def get(self, code: Optional[str]) -> Optional[Student]:
        return self.students.get(code) if code else None

    def join(self, lang: str) -> Student:
        code = self.new_code()
        session = self._session(code)
        lang = lang if lang in self.languages else self.lang
        self.store.add(Row(code, lang, {}))
        session.new_week()
        student = self.students[code] = Student(code, lang, session)
        self.changed()
        return student

    def set_lang(self, st: Student, lang: str) -> bool:
        if lang not in self.languages:
            return False
        st.lang = lang
        self.store.update(st.code, lang=lang)
        return True

    # ----- where a student is ----------------------------------------------------------------
    def phase(self, st: Student) -> str:
        run = st.run
        if not st.intro_seen:
            return INTRO
        if not st.check_done and st.session.check:
            return CHECK
        if st.days_seen < len(run.day_summaries):
            return DAY
        if run.ended:
            return ENDED
        if self.week_ended:
            return STOPPED
        if self.held(st):
            return WAIT
        return SCENE

    def held(self, st: Student) -> bool:
        """At the end of the held day, with no choice made since (those already past it go on)."""
        run, day = st.run, self.hold_day
        if day is None or run.ended:
            return False
        scenes = self.scenario.scenes
        left = next((step for step, _, scene in run.history if scenes[scene].day > day), None)
        return left is not None and run.step == left

    # ----- what a student does -----------------------------------------------------------------
    def start_week(self, st: Student) -> None:
        if not st.intro_seen:
            st.intro_seen = True
            self.store.update(st.code, intro_seen=True)
            self.changed()

    def answer_check(self, st: Student, answers: dict[str, str]) -> bool:
        """The check before the week: every question answered with one of its answers, else False
        and nothing kept."""
        if not self._valid_answers(st, answers) or st.check_done:
            return False
        for question, answer in answers.items():
            st.session.answer_before(question, answer)
        return self.skip_check(st)

    def skip_check(self, st: Student) -> bool:
        if st.check_done:
            return False
        st.check_done = True
        self.store.update(st.code, check_done=True)
        self.changed()
        return True

    def _valid_answers(self, st: Student, answers: dict[str, str]) -> bool:
        items = {q.id: q for q in st.session.check}
        return set(answers) == set(items) and all(a in items[q].answers for q, a in answers.items())

    def choose(self, st: Student, choice_id: str, step: int) -> str:
        """A choice shown at `step`: APPLIED; STALE (an earlier page: a double tap or the back
        button; nothing changes); CLOSED (not a scene the student is on); UNKNOWN (no such choice here)."""
        run = st.run
        if step != run.step:
            return STALE
        if self.phase(st) != SCENE:
            return CLOSED
        if choice_id not in {c.id for c in run.choices()}:
            return UNKNOWN
        st.session.choose(choice_id)
        self.changed()
        return APPLIED

    def next_day(self, st: Student, index: int) -> bool:
        """The day summary number `index` was read; False for an earlier one (nothing changes)."""
        if index != st.days_seen or index >= len(st.run.day_summaries):
            return False
        st.days_seen += 1
        self.store.update(st.code, days_seen=st.days_seen)
        self.changed()
        return True

    def debrief(self, st: Student) -> DebriefSession:
        """The student's debrief (made once; the class's record is the store, not the statistics)."""
        made = st.session.start_debrief(record=False)
        made.feeling = st.feeling
        made.quiz_after = dict(st.check_after)
        return made

    def set_feeling(self, st: Student, feeling: str) -> bool:
        if feeling not in self.scenario.debrief.feelings:
            return False
        st.feeling = feeling
        if st.session.debrief is not None:
            st.session.debrief.feeling = feeling
        self.store.update(st.code, feeling=feeling)
        self.changed()
        return True

    def answer_after(self, st: Student, answers: dict[str, str]) -> bool:
        """The check after the week (once it ended, or the teacher ended the week for all)."""
        if not self._valid_answers(st, answers) or st.after_done:
            return False
        st.check_after = dict(answers)
        st.after_done = True
        if st.session.debrief is not None:
            st.session.debrief.quiz_after = dict(answers)
        self.store.update(st.code, check_after=answers, after_done=True)
        self.changed()
        return True

    # ----- the teacher -----------------------------------------------------------------------
    def hold(self, day: int) -> bool:
        if not self.scenario.first_day <= day < self.scenario.last_day:
            return False
        self.hold_day = day
        self.store.meta("hold_day", str(day))
        self.changed()
        return True

    def release(self) -> None:
        self.hold_day = None
        self.store.delete_meta("hold_day")
        self.changed()

    def end_week(self, ended: bool = True) -> None:
        """End the week for all (`ended` False lets it go on): unfinished weeks stop where they are."""
        self.week_ended = ended
        if ended:
            self.store.meta("week_ended", "1")
        else:
            self.store.delete_meta("week_ended")
        self.changed()

    def end_class(self) -> None:
        """Every student's week deleted; the teacher's token stays, so the open pages still work."""
        token = self.token
        self.store.clear()
        self.store.meta("token", token)
        self.students.clear()
        self.hold_day, self.week_ended = None, False
        self.changed()
