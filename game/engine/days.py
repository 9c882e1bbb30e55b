"""How a day of the week closes: each friend's own drift, their pull on the player's score
(association) and, on the full path, the day's summary."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .changes import Changes, friend_state, shared
from .draws import unit
from .kinds import Origin
from .state import DaySummary


class Days(Changes):
    """Closing days; `Run` calls it when the week moves to a later day or ends."""

    __slots__ = ()

    def _end_days(self, next_day: int) -> None:
        """Close every day before `next_day`: drift, association, summary."""
        if self._lean:
            self._end_days_lean(next_day)
            return
        sc, st = self.scenario, self.state
        while st.day < next_day:
            self._origin = Origin.ASSOCIATION
            st.closed += 1
            for fid, low, high, _, key_share in sc.drift:
                self._change_friend(fid, self._drift(low, high, key_share, st.closed), "drift")
            assoc = sc.association
            if assoc is not None:
                rule = sc.rules[assoc.rule]
                for fid, fs in st.friends.items():
                    weight = assoc.weights.get(fs.status, 0.0)
                    if weight:
                        pull = max(-assoc.cap, min(assoc.cap, round(weight * (fs.score - st.score))))
                        if pull:
                            self._change_score(pull, rule, Origin.ASSOCIATION, fid)
            summary = DaySummary(
                day=st.day, start_score=st.day_start, end_score=st.score,
                entries=tuple(st.ledger[st.day_entries_from:]),
                friends={fid: (s.score, s.status) for fid, s in st.friends.items()},
                gates={g.id: st.score >= g.at for g in sc.gates}, sanctions=tuple(self.active_sanctions()))
            st.day_summaries.append(summary)
            if self._out is not None:
                self._out.days.append(summary)
            st.day_start = st.score
            st.day_entries_from = len(st.ledger)
            st.day += 1
        self._origin = Origin.SCENE

    def _end_days_lean(self, next_day: int) -> None:
        """The same days without records, the primitives written out (the drift and the pulls
        are most of a simulated week's changes): the same draws, clamps and friend states."""
        sc, st = self.scenario, self.state
        lo, hi = sc.min_score, sc.max_score
        friends, assoc, seed_share, drifts = st.friends, sc.association, self._seed_share, self._drifts
        while st.day < next_day:
            st.closed = n = st.closed + 1
            # a forked run's days come drawn already, each drift as a range of one
            for fid, low, high, _, key_share in (sc.drift if drifts is None else self._drawn(n)):
                old = friends[fid]
                if low == high:
                    new = old.score + low
                else:  # the n-th draw of the friend's key, its part computed once for the scenario
                    new = old.score + low + int(unit(seed_share, key_share, n) * (high - low + 1))
                if new < lo:
                    new = lo
                if new > hi:
                    new = hi
                if new != old.score:
                    friends[fid] = shared[old.status].get(new) or friend_state(new, old.status)
            if assoc is not None:
                weights, cap = assoc.weights, assoc.cap
                score = st.score
                for fs in friends.values():
                    weight = weights.get(fs.status, 0.0)
                    if weight:
                        pull = round(weight * (fs.score - score))
                        if pull > cap:  # max(-cap, min(cap, pull))
                            pull = cap
                        if pull < -cap:
                            pull = -cap
                        if pull:
                            score += pull
                            if score < lo:
                                score = lo
                            if score > hi:
                                score = hi
                st.score = score
            st.day_start = st.score
            st.day += 1

    def _drift(self, low: int, high: int, key_share: int, n: int) -> int:
        """A friend's drift on the n-th closed day: the n-th draw of their key, in low..high (the
        lean path writes it out)."""
        return low if low == high else low + int(unit(self._seed_share, key_share, n) * (high - low + 1))

    def _drawn(self, n: int) -> tuple[tuple[str, int, int, int, int], ...]:
        """The n-th closed day's drift, as scenario.drift with each range narrowed to what the
        seed draws: kept once a run is forked and shared with its forks (see Changes._drifts)."""
        drifts = self._drifts
        assert drifts is not None
        while len(drifts) < n:
            k, day = len(drifts) + 1, []
            for fid, low, high, key, share in self.scenario.drift:
                drawn = self._drift(low, high, share, k)
                day.append((fid, drawn, drawn, key, share))
            drifts.append(tuple(day))
        return drifts[n - 1]

    if TYPE_CHECKING:
        def active_sanctions(self) -> list[str]: ...  # the run's: a day's summary names them
