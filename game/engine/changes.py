"""How effects change a run's state: the private primitives every effect goes through. Only the
run calls them (from `choose`, and from the scenes and days it enters and closes)."""
from __future__ import annotations

from typing import Iterable, Optional

from .draws import KEY, unit
from .kinds import Origin, Status
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

_RATING = Origin.RATING  # an enum member is slow to look up on its class
_MAX_SHARED = 1 << 14  # friend states kept for sharing per status (a week's scores lie in a few hundred)
#: friend states by status, then by score: an int key is looked up faster than a tuple's
shared: dict[Status, dict[int, FriendState]] = {status: {} for status in Status}


def friend_state(score: int, status: Status) -> FriendState:
    """A friend's state, shared: they are immutable values and a run makes one at every change."""
    same = shared[status]
    found = same.get(score)
    if found is None:
        found = FriendState(score=score, status=status)
        if len(same) < _MAX_SHARED:
            same[score] = found
    return found


class Changes:
    """The state of a run and the ways it changes; `Run` adds reading it and the week's flow."""

    __slots__ = ("scenario", "state", "_out", "_origin", "_choice_id", "_lean", "_seed_share", "_drifts")
    scenario: Scenario
    state: RunState
    _seed_share: int  # the seed's part of every draw (draws.seed_part)
    #: each closed day's drift, drawn at the first day's close for the whole week (days.Days._drift_days):
    #: it depends on the seed alone, so a run's forks share it (the debrief's replays of one week)
    _drifts: Optional[list[list[int]]]
    _lean: bool  # keep no ledger, friends' log, day summaries or history (simulation, replays)
    _out: Optional[Outcome]  # the outcome of the choice being taken, which collects what happens
    _origin: Origin          # what the changes being made come from
    _choice_id: str

    def _draw(self, key: int) -> float:
        """A number in [0, 1) for the next draw of `key`, from the seed alone (draws.py)."""
        draws = self.state.draws
        n = draws.get(key, 0) + 1
        draws[key] = n
        return unit(self._seed_share, key * KEY, n)

    def _apply_all(self, effects: Iterable[Effect]) -> None:
        # the hot loop of a run: by exact type (the effect types are final), the commonest first
        for effect in effects:
            if type(effect) is ApplyRule:
                rule = effect.rule
                low, high = rule.low, rule.high
                self._change_score(low if low == high else low + int(self._draw(effect.key) * (high - low + 1)),
                                   rule)
            elif type(effect) is FriendDelta:
                low, high = effect.low, effect.high
                self._change_friend(effect.friend,
                                    low if low == high else low + int(self._draw(effect.key) * (high - low + 1)),
                                    effect.rule.id if effect.rule else "")
            elif type(effect) is SetFlag:
                flags = self.state.flags
                flags[effect.name] = (int(flags.get(effect.name, 0)) + int(effect.value)) if effect.add \
                    else effect.value
            elif type(effect) is Rate:
                low, high = effect.low, effect.high
                self._rate(effect.by, low if low == high else low + int(self._draw(effect.key) * (high - low + 1)))
            elif type(effect) is Later:
                st = self.state
                st.pending.append((st.day + effect.days if effect.days else 0,
                                   st.entered + effect.scenes if effect.scenes else 0, effect))
            elif type(effect) is SetStatus:
                friends = self.state.friends
                friends[effect.friend] = friend_state(friends[effect.friend].score, effect.status)
            elif type(effect) is Maybe:
                self._apply_all(effect.then if self._draw(effect.key) < effect.chance else effect.otherwise)

    def _change_score(self, raw: int, rule: Rule, origin: Optional[Origin] = None, friend: str = "") -> int:
        sc, st = self.scenario, self.state
        old = st.score
        new = old + raw
        if new < sc.min_score:  # min(max, max(min, new)), without the calls
            new = sc.min_score
        if new > sc.max_score:
            new = sc.max_score
        st.score = new
        if self._lean:
            return new - old
        entry = LedgerEntry(step=st.step, day=st.day, scene=st.scene.id, choice=self._choice_id, rule=rule.id,
                            delta=new - old, raw=raw, score=new, vague=rule.vague, exact=rule.exact,
                            source=origin or self._origin, friend=friend)
        st.ledger.append(entry)
        if self._out is not None:
            self._out.entries.append(entry)
        return new - old

    def _change_friend(self, friend: str, raw: int, reason: str) -> None:
        sc, st = self.scenario, self.state
        old = st.friends[friend]
        new = old.score + raw
        if new < sc.min_score:
            new = sc.min_score
        if new > sc.max_score:
            new = sc.max_score
        if self._lean:
            if new != old.score:
                st.friends[friend] = shared[old.status].get(new) or friend_state(new, old.status)
            return
        change = FriendChange(step=st.step, day=st.day, friend=friend, delta=new - old.score, score=new,
                              reason=reason)
        st.friends[friend] = friend_state(new, old.status)
        st.friend_log.append(change)
        if self._out is not None:
            self._out.friend_changes.append(change)

    def _rate(self, by: str, stars: int) -> None:
        st = self.state
        st.ratings.append((by, stars, st.step))
        if self._out is not None:
            self._out.ratings.append((by, stars))
        sc = self.scenario
        points = sc.rating_points.get(stars)
        if points and sc.ratings is not None:
            self._change_score(points, sc.rules[sc.ratings.rule], _RATING, by)
