"""How a day of the week closes: each friend's own drift, their pull on the player's score
(association) and, on the full path, the day's summary."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .changes import Changes, friend_state, shared
from .draws import Batch
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
            for fid, delta in zip(sc.drift_friends, self._drift_days(st.closed)[st.closed - 1]):
                self._change_friend(fid, delta, "drift")
            assoc = sc.association
            if assoc is not None:
                rule = sc.rules[assoc.rule]
                for fid, fs in st.friends.items():
                    pull = sc.pull(fs.status, fs.score - st.score)
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
        are most of a simulated week's changes): the same drift, clamps and friend states. Each
        friend drifts and then pulls in turn (Scenario.day_close says why that is the same)."""
        sc, st = self.scenario, self.state
        day, closed = st.day, st.closed
        drifts = self._drifts
        if drifts is None or len(drifts) < closed + next_day - day:
            drifts = self._drift_days(closed + next_day - day)
        lo, hi = sc.min_score, sc.max_score
        friends, plan, pulls, first, score = st.friends, sc.day_close, sc.pulls, sc.pull_from, st.score
        while day < next_day:
            drift = drifts[closed]
            closed += 1
            for fid, at in plan:
                fs = friends[fid]
                if at >= 0:
                    new = fs.score + drift[at]
                    if new < lo:
                        new = lo
                    if new > hi:
                        new = hi
                    if new != fs.score:
                        fs = friends[fid] = shared[fs.status].get(new) or friend_state(new, fs.status)
                table = pulls[fs.status]  # (Scenario.pull for every gap; None without a pull, or association)
                if table is not None:
                    pull = table[fs.score - score - first]
                    if pull:
                        score += pull
                        if score < lo:
                            score = lo
                        if score > hi:
                            score = hi
            day += 1
        st.day, st.closed, st.score, st.day_start = day, closed, score, score

    def _drift_days(self, days: int) -> list[list[int]]:
        """Each closed day's drift (the n-th closed day's at n - 1), one change per friend in the
        order of scenario.drift, for `days` days at least. It depends on the seed alone, so it is
        drawn once for the whole week (draws.Batch) and shared with the run's forks."""
        sc, drifts = self.scenario, self._drifts
        if drifts is None:
            drifts = self._drifts = self._by_day(sc.drift_draws, sc.last_day - sc.first_day + 1)
        if len(drifts) < days:  # past the scenario's days (its scenes' days not counted): drawn alike
            more = range(len(drifts) + 1, days + 1)
            drifts += self._by_day(sc.drift_batch(more), len(more))
        return drifts

    def _by_day(self, batch: Batch, days: int) -> list[list[int]]:
        """`days` days' drift drawn for this run's seed, split by day."""
        flat, per_day = batch.draw(self._seed_share), len(self.scenario.drift)
        return [flat[i * per_day:(i + 1) * per_day] for i in range(days)]

    if TYPE_CHECKING:
        def active_sanctions(self) -> list[str]: ...  # the run's: a day's summary names them
