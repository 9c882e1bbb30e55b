"""Effects of choices and scenes, compiled once by the loader and applied by a run."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from .model import Condition, Rule

if TYPE_CHECKING:
    from .run import Run


@dataclass(slots=True)
class ApplyRule:
    rule: Rule
    key: int = 0  # names this effect's random draws (see Run.draw)

    def apply(self, run: "Run") -> None:
        rule = self.rule
        delta = rule.low if rule.low == rule.high else rule.low + int(run.draw(self.key) * (rule.high - rule.low + 1))
        run.change_score(delta, rule)

    def hint(self) -> float:
        return self.rule.expected


@dataclass(slots=True)
class FriendDelta:
    friend: str
    low: int
    high: int
    rule: Optional[Rule] = None
    key: int = 0

    def apply(self, run: "Run") -> None:
        delta = self.low if self.low == self.high else self.low + int(run.draw(self.key) * (self.high - self.low + 1))
        run.change_friend(self.friend, delta, self.rule.id if self.rule else "")

    def hint(self) -> float:
        return 0.0


@dataclass(slots=True)
class SetStatus:
    friend: str
    status: str

    def apply(self, run: "Run") -> None:
        run.set_status(self.friend, self.status)

    def hint(self) -> float:
        return 0.0


@dataclass(slots=True)
class SetFlag:
    name: str
    value: Union[int, bool]
    add: bool = False

    def apply(self, run: "Run") -> None:
        flags = run.flags
        if self.add:
            flags[self.name] = int(flags.get(self.name, 0)) + int(self.value)
        else:
            flags[self.name] = self.value

    def hint(self) -> float:
        return 0.0


@dataclass(slots=True)
class Rate:
    by: str
    low: int
    high: int
    key: int = 0

    def apply(self, run: "Run") -> None:
        stars = self.low if self.low == self.high else self.low + int(run.draw(self.key) * (self.high - self.low + 1))
        run.rate(self.by, stars)

    def hint(self) -> float:
        return 0.0  # set by the loader, which knows the scenario's ratings


@dataclass(slots=True)
class RateHinted(Rate):
    expected: float = 0.0

    def hint(self) -> float:
        return self.expected


@dataclass(slots=True)
class Later:
    days: int
    scenes: int
    condition: Optional[Condition]
    effects: list

    def apply(self, run: "Run") -> None:
        run.schedule(self)

    def hint(self) -> float:
        return 0.0


@dataclass(slots=True)
class Maybe:
    chance: float
    then: list
    otherwise: list
    key: int = 0

    def apply(self, run: "Run") -> None:
        for effect in (self.then if run.draw(self.key) < self.chance else self.otherwise):
            effect.apply(run)

    def hint(self) -> float:
        return (self.chance * sum(e.hint() for e in self.then)
                + (1 - self.chance) * sum(e.hint() for e in self.otherwise))


Effect = Union[ApplyRule, FriendDelta, SetStatus, SetFlag, Rate, Later, Maybe]
