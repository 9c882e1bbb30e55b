"""How effects change a run's state: the private primitives every effect goes through. Only the
run calls them (from `choose`, and from the scenes and days it enters and closes)."""
from __future__ import annotations

from typing import Iterable, Optional

from .kinds import Origin
from .model import Scenario
from .rules import (
    ApplyRule,
    Effect,
    FriendDelta,
    Later,
    Maybe,
    Rate,
    Rule,
    SetFlag,
    SetStatus,
)
from .state import FriendChange, FriendState, LedgerEntry, Outcome, RunState

_MASK = (1 << 64) - 1


class Changes:
    """The state of a run and the ways it changes; `Run` adds reading it and the week's flow."""

    __slots__ = ("scenario", "state", "_out", "_origin", "_choice_id", "_lean")
    scenario: Scenario
    state: RunState
    _lean: bool  # keep no ledger, friends' log, day summaries or history (simulation, replays)
    _out: Optional[Outcome]  # the outcome of the choice being taken, which collects what happens
    _origin: Origin          # what the changes being made come from
    _choice_id: str

    def _draw(self, key: int) -> float:
        """A number in [0, 1) for the next draw of `key`, from the seed alone (splitmix64)."""
        draws = self.state.draws
        n = draws.get(key, 0)
        draws[key] = n + 1
        x = (self.state.seed * 0x9E3779B97F4A7C15 + key * 0xD1B54A32D192ED03 + (n + 1) * 0x94D049BB133111EB) & _MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
        return (x ^ (x >> 31)) / 18446744073709551616.0

    def _between(self, low: int, high: int, key: int) -> int:
        return low if low == high else low + int(self._draw(key) * (high - low + 1))

    def _apply_all(self, effects: Iterable[Effect]) -> None:
        for effect in effects:
            self._apply(effect)

    def _apply(self, effect: Effect) -> None:
        if type(effect) is ApplyRule:  # the commonest first, by exact type (the effects are final)
            rule = effect.rule
            self._change_score(rule.low if rule.low == rule.high else self._between(rule.low, rule.high, effect.key),
                               rule)
        elif isinstance(effect, FriendDelta):
            self._change_friend(effect.friend, self._between(effect.low, effect.high, effect.key),
                                effect.rule.id if effect.rule else "")
        elif isinstance(effect, SetStatus):
            old = self.state.friends[effect.friend]
            self.state.friends[effect.friend] = FriendState(score=old.score, status=effect.status)
        elif isinstance(effect, SetFlag):
            flags = self.state.flags
            flags[effect.name] = (int(flags.get(effect.name, 0)) + int(effect.value)) if effect.add else effect.value
        elif isinstance(effect, Rate):
            self._rate(effect.by, self._between(effect.low, effect.high, effect.key))
        elif isinstance(effect, Later):
            state = self.state
            state.pending.append((state.day + effect.days if effect.days else 0,
                                  state.entered + effect.scenes if effect.scenes else 0, effect))
        elif isinstance(effect, Maybe):
            self._apply_all(effect.then if self._draw(effect.key) < effect.chance else effect.otherwise)

    def _change_score(self, raw: int, rule: Rule, origin: Optional[Origin] = None, friend: str = "") -> int:
        sc, st = self.scenario, self.state
        new = min(sc.max_score, max(sc.min_score, st.score + raw))
        delta = new - st.score
        st.score = new
        if self._lean:
            return delta
        entry = LedgerEntry(step=st.step, day=st.day, scene=st.scene.id, choice=self._choice_id, rule=rule.id,
                            delta=delta, raw=raw, score=new, vague=rule.vague, exact=rule.exact,
                            source=origin or self._origin, friend=friend)
        st.ledger.append(entry)
        if self._out is not None:
            self._out.entries.append(entry)
        return delta

    def _change_friend(self, friend: str, raw: int, reason: str) -> None:
        sc, st = self.scenario, self.state
        old = st.friends[friend]
        new = min(sc.max_score, max(sc.min_score, old.score + raw))
        if self._lean:
            if new != old.score:
                st.friends[friend] = FriendState(score=new, status=old.status)
            return
        change = FriendChange(step=st.step, day=st.day, friend=friend, delta=new - old.score, score=new,
                              reason=reason)
        st.friends[friend] = FriendState(score=new, status=old.status)
        st.friend_log.append(change)
        if self._out is not None:
            self._out.friend_changes.append(change)

    def _rate(self, by: str, stars: int) -> None:
        self.state.ratings.append((by, stars, self.state.step))
        if self._out is not None:
            self._out.ratings.append((by, stars))
        ratings = self.scenario.ratings
        if ratings is not None:
            points = round((stars - ratings.neutral) * ratings.per_star)
            if points:
                self._change_score(points, self.scenario.rules[ratings.rule], Origin.RATING, by)
