"""The debrief's value types: what the analysis of a finished run returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..state import GateCheck


def stakes_rank(stakes: tuple[str, ...]) -> int:
    """Friends at stake weigh more than values, values more than the score alone."""
    if any(s.startswith("friend:") for s in stakes):
        return 2
    return 1 if stakes else 0


@dataclass(frozen=True, slots=True)
class GateResult:
    """A gate at the end of a run: checked at its scene (`checked`), else judged on the final score."""
    gate: str
    at: int
    score: int
    passed: bool
    checked: bool

    @property
    def margin(self) -> int:
        """Points above the threshold (negative: points short)."""
        return self.score - self.at

    @property
    def gap(self) -> int:
        """Points missing, 0 when passed."""
        return max(0, self.at - self.score)


@dataclass(frozen=True, slots=True)
class Moment:
    """One choice the player made, with what was open and which option raised the score most."""
    step: int  # index into the log
    day: int
    scene: str
    chosen: str
    options: tuple[str, ...]  # the choices open at that moment, in the scene's order
    raising: tuple[str, ...]  # the score-raising option(s); empty when all were equal
    stakes: tuple[str, ...]  # friends ("friend:ID") and values any open option spends or serves

    @property
    def differs(self) -> bool:
        """The open options differed in their effect on the score."""
        return bool(self.raising)

    @property
    def took_raising(self) -> bool:
        return self.chosen in self.raising

    @property
    def conflict(self) -> bool:
        """The score was weighed against a friend or a value."""
        return self.differs and bool(self.stakes)


@dataclass(slots=True)
class Steering:
    moments: list[Moment]  # every step of the log (a single open option included)

    @property
    def counted(self) -> list[Moment]:
        return [m for m in self.moments if m.differs]

    @property
    def took(self) -> int:
        return sum(1 for m in self.counted if m.took_raising)

    @property
    def total(self) -> int:
        return len(self.counted)

    @property
    def share(self) -> float:
        return self.took / self.total if self.total else 0.0

    @property
    def conflicts(self) -> list[Moment]:
        return [m for m in self.moments if m.conflict]

    @property
    def conflicts_took(self) -> int:
        return sum(1 for m in self.conflicts if m.took_raising)


@dataclass(frozen=True, slots=True)
class Cause:
    """What moved a friend's score: one of your choices, the daily drift, or other events."""
    kind: str  # "choice", "drift" or "other" (a delayed effect or a scene)
    choice: Optional[str]
    delta: int
    step: int  # the first step it happened at


@dataclass(slots=True)
class FriendFate:
    friend: str
    start: int
    end: int
    status: str
    status_changes: list[tuple[int, str, str]]  # (step, choice id, new status)
    causes: list[Cause]  # biggest first
    pull_on_you: int  # points your score moved by their score (association)
    ratings_on_you: int  # points your score moved by their star ratings
    stars: list[int]
    your_choices: list[tuple[str, str]]  # (choice id, "spends" or "serves") for choices tagged with them

    @property
    def change(self) -> int:
        return self.end - self.start

    @property
    def main_cause(self) -> Optional[Cause]:
        return self.causes[0] if self.causes else None


@dataclass(frozen=True, slots=True)
class SimilarStep:
    """A step of a counterfactual chosen by likeness, not taken from the player's log."""
    step: int
    scene: str
    chosen: str
    like: Optional[str]  # the player's own choice it was matched to (None: matched to the week)


@dataclass(slots=True)
class Counterfactual:
    step: int
    day: int
    scene: str
    original: str
    alternative: str
    log: list[str]  # the whole log of the replay: replaying it gives this outcome
    score: int
    ending: str
    gates: dict[str, GateResult]
    score_change: int  # against the player's week
    ending_changed: bool
    gate_changes: list[str]  # gates whose result differs from the player's week
    similar: list[SimilarStep] = field(default_factory=list)
    unseen_scenes: list[str] = field(default_factory=list)  # scenes the player's week never showed
    stakes: tuple[str, ...] = ()  # friends and values the two choices differ on

    @property
    def by_similarity(self) -> bool:
        return bool(self.similar)

    @property
    def rank_key(self) -> tuple[Any, ...]:
        return (self.ending_changed, len(self.gate_changes), abs(self.score_change),
                stakes_rank(self.stakes), -self.step)


@dataclass(frozen=True, slots=True)
class Point:
    step: int  # the number of choices made so far (0: the start)
    day: int
    score: int
    scene: str  # the scene the player was in after that step
    choice: Optional[str]  # the choice that led here


@dataclass(slots=True)
class WeekChart:
    points: list[Point]
    days: list[tuple[int, int, int]]  # (day, start score, end score)
    gate_checks: list[GateCheck]
    thresholds: list[tuple[str, int]]  # (gate id, at)
    low: int
    high: int


@dataclass(slots=True)
class Debrief:
    scenario: str
    seed: int
    kiosk: bool
    final_score: int
    ending: Optional[str]
    goal_gate: Optional[str]
    gates: dict[str, GateResult]
    week: WeekChart
    steering: Steering
    friends: list[FriendFate]
    counterfactuals: list[Counterfactual]

    def key_moments(self, limit: int = 5) -> list[Moment]:
        """The moments worth comparing with other players: counterfactual steps, then conflicts."""
        steps: list[int] = [cf.step for cf in self.counterfactuals]
        steps += [m.step for m in self.steering.conflicts if m.step not in steps]
        steps += [m.step for m in self.steering.counted if m.step not in steps]
        moments = [self.steering.moments[s] for s in steps[:limit]]
        return sorted(moments, key=lambda m: m.step)
