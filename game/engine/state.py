"""What changes during a run (ink's StoryState), and the records a run keeps of it: ledger
entries, friends' changes, gate checks, day summaries and the outcome of one choice."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .kinds import Origin, Status
from .model import Ending, Scene
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


@dataclass(frozen=True, kw_only=True, slots=True)
class FriendState:
    score: int
    status: Status = Status.FRIEND


@dataclass(frozen=True, kw_only=True, slots=True)
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
if GateCheck.__slots__ != _GATE_FIELDS:  # gate_check below sets exactly these
    raise TypeError("GateCheck's fields changed: change gate_check too")
_set_gate, _set_at, _set_score, _set_passed, _set_step, _set_day, _set_scene = (
    GateCheck.__dict__[name].__set__ for name in _GATE_FIELDS)


def gate_check(gate: str, at: int, score: int, step: int, day: int, scene: str) -> GateCheck:
    """The check of a gate, the same as GateCheck(...) but without a frozen dataclass's __init__,
    which sets every field through object.__setattr__ (3x slower; every week makes some)."""
    check = object.__new__(GateCheck)
    _set_gate(check, gate)
    _set_at(check, at)
    _set_score(check, score)
    _set_passed(check, score >= at)
    _set_step(check, step)
    _set_day(check, day)
    _set_scene(check, scene)
    return check


@dataclass(frozen=True, kw_only=True, slots=True)
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


@dataclass(slots=True)
class Outcome:
    """What one choice did: the score changes and what came of them."""
    choice: str
    result: Optional[str]
    entries: list[LedgerEntry] = field(default_factory=list)
    friend_changes: list[FriendChange] = field(default_factory=list)
    ratings: list[tuple[str, int]] = field(default_factory=list)
    days: list[DaySummary] = field(default_factory=list)
    gate_check: Optional[GateCheck] = None
    ending: Optional[str] = None

    @property
    def delta(self) -> int:
        return sum(e.delta for e in self.entries)


@dataclass(slots=True)
class RunState:
    """Everything a run changes; the run alone writes it."""
    seed: int
    kiosk: bool
    score: int
    scene: Scene
    day: int
    friends: dict[str, FriendState]
    flags: dict[str, Any] = field(default_factory=dict)
    chosen: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    log: list[str] = field(default_factory=list)
    step: int = 0  # choices taken so far
    ledger: list[LedgerEntry] = field(default_factory=list)
    friend_log: list[FriendChange] = field(default_factory=list)
    ratings: list[tuple[str, int, int]] = field(default_factory=list)  # (by, stars, step)
    gate_checks: list[GateCheck] = field(default_factory=list)
    day_summaries: list[DaySummary] = field(default_factory=list)
    history: list[tuple[int, int, str]] = field(default_factory=list)  # (step, score, scene) after each choice
    ending: Optional[Ending] = None
    pending: list[tuple[int, int, Later]] = field(default_factory=list)  # (due day, due scene count, effect)
    draws: dict[int, int] = field(default_factory=dict)
    entered: int = 0
    day_start: int = 0
    day_entries_from: int = 0

    def copy(self) -> "RunState":
        """An independent copy: containers of its own, the same entries (which never change).
        Field by field, as dataclasses.replace would, at a fraction of its cost (the debrief
        forks the week for every other choice)."""
        return RunState(
            seed=self.seed, kiosk=self.kiosk, score=self.score, scene=self.scene, day=self.day,
            friends=dict(self.friends), flags=dict(self.flags), chosen=set(self.chosen), seen=set(self.seen),
            log=list(self.log), step=self.step, ledger=list(self.ledger), friend_log=list(self.friend_log),
            ratings=list(self.ratings), gate_checks=list(self.gate_checks), day_summaries=list(self.day_summaries),
            history=list(self.history), ending=self.ending, pending=list(self.pending), draws=dict(self.draws),
            entered=self.entered, day_start=self.day_start, day_entries_from=self.day_entries_from)
