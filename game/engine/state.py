"""What changes during a run (ink's StoryState), and the records a run keeps of it: ledger
entries, friends' changes, gate checks, day summaries and the outcome of one choice."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .kinds import Origin, Status
from .model import Ending, Scene
from .records import record
from .rules import Later


@dataclass(frozen=True, kw_only=True, slots=True)
class LedgerEntry:
    """One change of the player's score, with the rule behind it."""
    step: int
    day: int
    scene: str
    choice: str
    rule: str
    delta: int
    raw: int
    score: int
    vague: str
    exact: str
    source: Origin
    friend: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, kw_only=True, slots=True)
class FriendChange:
    step: int
    day: int
    friend: str
    delta: int
    score: int
    reason: str  # a rule id, "drift", or "" for a plain reaction


@record  # shared (changes.friend_state): made a few hundred times a process, not at every change
class FriendState:
    score: int
    status: Status = Status.FRIEND


@record  # made by gate_check below, or rarely: not worth a dataclass's making
class GateCheck:
    gate: str
    at: int
    score: int
    passed: bool
    step: int
    day: int
    scene: str

    @property
    def gap(self) -> int:
        return max(0, self.at - self.score)


_GATE_FIELDS = ("gate", "at", "score", "passed", "step", "day", "scene")
if getattr(GateCheck, "__slots__") != _GATE_FIELDS:  # gate_check below sets exactly these
    raise TypeError("GateCheck's fields changed: change gate_check too")
_set_gate, _set_at, _set_score, _set_passed, _set_step, _set_day, _set_scene = (
    GateCheck.__dict__[name].__set__ for name in _GATE_FIELDS)


def gate_check(gate: str, at: int, score: int, step: int, day: int, scene: str) -> GateCheck:
    """The check of a gate, the same as GateCheck(...) but without a record's __init__, which sets
    every field through object.__setattr__ (3x slower; every week makes some)."""
    check = object.__new__(GateCheck)
    _set_gate(check, gate)
    _set_at(check, at)
    _set_score(check, score)
    _set_passed(check, score >= at)
    _set_step(check, step)
    _set_day(check, day)
    _set_scene(check, scene)
    return check


@record  # one a day
class DaySummary:
    day: int
    start_score: int
    end_score: int
    entries: tuple[LedgerEntry, ...]
    friends: dict[str, tuple[int, str]]
    gates: dict[str, bool]
    sanctions: tuple[str, ...]

    @property
    def change(self) -> int:
        return self.end_score - self.start_score


class Outcome:
    """What one choice did: the score changes and what came of them. (This and RunState are plain
    classes: they are made before the week can start, where making a dataclass costs a millisecond.)"""
    __slots__ = ("choice", "result", "entries", "friend_changes", "ratings", "days", "gate_check", "ending")

    def __init__(self, choice: str, result: Optional[str]) -> None:
        self.choice = choice
        self.result = result
        self.entries: list[LedgerEntry] = []
        self.friend_changes: list[FriendChange] = []
        self.ratings: list[tuple[str, int]] = []
        self.days: list[DaySummary] = []
        self.gate_check: Optional[GateCheck] = None
        self.ending: Optional[str] = None

    @property
    def delta(self) -> int:
        return sum(e.delta for e in self.entries)


class RunState:
    """Everything a run changes; the run alone writes it."""
    __slots__ = ("seed", "kiosk", "score", "scene", "day", "friends", "flags", "chosen", "seen", "log", "step",
                 "ledger", "friend_log", "ratings", "gate_checks", "day_summaries", "history", "ending", "pending",
                 "draws", "entered", "day_start", "day_entries_from", "closed")

    def __init__(self, *, seed: int, kiosk: bool, score: int, scene: Scene, day: int,
                 friends: dict[str, FriendState], day_start: int = 0) -> None:
        self.seed = seed
        self.kiosk = kiosk
        self.score = score
        self.scene = scene
        self.day = day
        self.friends = friends
        self.flags: dict[str, Any] = {}
        self.chosen: set[str] = set()
        self.seen: set[str] = set()
        self.log: list[str] = []
        self.step = 0  # choices taken so far
        self.ledger: list[LedgerEntry] = []
        self.friend_log: list[FriendChange] = []
        self.ratings: list[tuple[str, int, int]] = []  # (by, stars, step)
        self.gate_checks: list[GateCheck] = []
        self.day_summaries: list[DaySummary] = []
        self.history: list[tuple[int, int, str]] = []  # (step, score, scene) after each choice
        self.ending: Optional[Ending] = None
        self.pending: list[tuple[int, int, Later]] = []  # (due day, due scene count, effect)
        self.draws: dict[int, int] = {}  # how many times each effect has drawn
        self.closed = 0  # days closed: the day's drift is the (closed + 1)-th draw of each friend's key
        self.entered = 0
        self.day_start = day_start
        self.day_entries_from = 0

    def copy(self) -> "RunState":
        """An independent copy: containers of its own, the same entries (which never change)."""
        new = RunState.__new__(RunState)
        new.seed, new.kiosk, new.score, new.scene, new.day = self.seed, self.kiosk, self.score, self.scene, self.day
        new.friends, new.flags = dict(self.friends), dict(self.flags)
        new.chosen, new.seen, new.log, new.step = set(self.chosen), set(self.seen), list(self.log), self.step
        new.ledger, new.friend_log, new.ratings = list(self.ledger), list(self.friend_log), list(self.ratings)
        new.gate_checks, new.day_summaries = list(self.gate_checks), list(self.day_summaries)
        new.history, new.ending, new.pending = list(self.history), self.ending, list(self.pending)
        new.draws, new.entered = dict(self.draws), self.entered
        new.day_start, new.day_entries_from, new.closed = self.day_start, self.day_entries_from, self.closed
        return new
