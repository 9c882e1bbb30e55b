"""Rules and the effects of choices and scenes: frozen data, applied by a run (see run.py).

An effect never changes anything itself; `Run` reads it and changes its own state, so the
effects have no reference to the run and the value types stay immutable.
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Union

from .kinds import Status
from .records import record

#: A compiled condition: a function of the run (see conditions.py and loading/refs.py).
Condition = Callable[[Any], Any]


@record
class Rule:
    """A scoring rule: a fixed delta (low == high) or a range drawn from the run's seed."""
    id: str
    low: int
    high: int
    vague: str   # string id of the vague reason the player sees
    exact: str   # string id of the exact rule, revealed in the debrief
    criterion: str = ""

    @property
    def expected(self) -> float:
        return (self.low + self.high) / 2


@record
class ApplyRule:
    rule: Rule
    key: int  # names this effect's random draws (see Run._draw)


@record
class FriendDelta:
    friend: str
    low: int
    high: int
    key: int
    rule: Optional[Rule] = None


@record
class SetStatus:
    friend: str
    status: Status


@record
class SetFlag:
    name: str
    value: Union[int, bool]
    add: bool = False


@record
class Rate:
    """A star rating by a person; `expected` is the score change the loader expects of it."""
    by: str
    low: int
    high: int
    key: int
    expected: float = 0.0


@record
class Later:
    days: int
    scenes: int
    condition: Optional[Condition]
    effects: tuple["Effect", ...]


@record
class Maybe:
    chance: float
    then: tuple["Effect", ...]
    otherwise: tuple["Effect", ...]
    key: int


Effect = Union[ApplyRule, FriendDelta, SetStatus, SetFlag, Rate, Later, Maybe]


def expected_change(effect: Effect) -> float:
    """The score change an effect brings on average, at once (a delayed effect counts 0)."""
    if isinstance(effect, ApplyRule):
        return effect.rule.expected
    if isinstance(effect, Rate):
        return effect.expected
    if isinstance(effect, Maybe):
        return (effect.chance * sum(expected_change(e) for e in effect.then)
                + (1 - effect.chance) * sum(expected_change(e) for e in effect.otherwise))
    return 0.0


def walk(effects: tuple[Effect, ...], into_later: bool = True) -> list[Effect]:
    """Every effect, nested ones included (those of `maybe`, and of `later` when asked)."""
    out: list[Effect] = []
    stack = list(reversed(effects))
    while stack:
        e = stack.pop()
        out.append(e)
        if isinstance(e, Maybe):
            stack.extend(reversed(e.then + e.otherwise))
        elif isinstance(e, Later) and into_later:
            stack.extend(reversed(e.effects))
    return out
