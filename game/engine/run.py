"""A run of the week: start from a scenario and a seed, read the scene, choose by id.

A run is fully determined by its scenario, seed, mode and the ids it was given,
so saves, undo and counterfactuals all replay that log.

Random draws are keyed, not taken from one stream: the n-th draw of an effect depends only on
the seed, that effect and n. Another choice earlier in the week therefore cannot change the
luck of a later event, and a counterfactual differs from the player's week by the choice alone.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from .errors import RunError
from .model import END, Branch, Choice, Ending, Rule, Scenario, Scene


_MASK = (1 << 64) - 1


class LedgerEntry:
    """One change of the player's score, with the rule behind it."""
    __slots__ = ("step", "day", "scene", "choice", "rule", "delta", "raw", "score",
                 "vague", "exact", "source", "friend")

    def __init__(self, step: int, day: int, scene: str, choice: str, rule: str, delta: int,
                 raw: int, score: int, vague: str, exact: str, source: str, friend: str):
        self.step, self.day, self.scene, self.choice = step, day, scene, choice
        self.rule, self.delta, self.raw, self.score = rule, delta, raw, score
        self.vague, self.exact, self.source, self.friend = vague, exact, source, friend

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self) -> str:
        return f"<{self.rule} {self.delta:+d} -> {self.score} at {self.scene}>"


@dataclass(slots=True)
class FriendChange:
    step: int
    day: int
    friend: str
    delta: int
    score: int
    reason: str  # a rule id, "drift", or "" for a plain reaction


@dataclass(slots=True)
class FriendState:
    score: int
    status: str = "friend"


@dataclass(slots=True)
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


@dataclass(slots=True)
class DaySummary:
    day: int
    start_score: int
    end_score: int
    entries: list[LedgerEntry]
    friends: dict[str, tuple[int, str]]
    gates: dict[str, bool]
    sanctions: list[str]

    @property
    def change(self) -> int:
        return self.end_score - self.start_score


class Outcome:
    """What one choice did: the score changes and what came of them."""
    __slots__ = ("choice", "result", "entries", "friend_changes", "ratings", "days", "gate_check", "ending")

    def __init__(self, choice: str, result: Optional[str]):
        self.choice, self.result = choice, result
        self.entries: list[LedgerEntry] = []
        self.friend_changes: list[FriendChange] = []
        self.ratings: list[tuple[str, int]] = []
        self.days: list[DaySummary] = []
        self.gate_check: Optional[GateCheck] = None
        self.ending: Optional[str] = None

    @property
    def delta(self) -> int:
        return sum(e.delta for e in self.entries)


class Run:
    """The state of one week. Mutate it only through `choose`."""

    def __init__(self, scenario: Scenario, seed: int = 0, kiosk: bool = False):
        self.scenario = scenario
        self.seed = seed
        self.kiosk = kiosk
        self._draws: dict[int, int] = {}
        self._drift_keys = {fid: zlib.crc32(f"drift.{fid}".encode()) for fid in scenario.friends}
        self.score = scenario.start_score
        self.friends = {fid: FriendState(f.score or 0) for fid, f in scenario.friends.items()}
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
        self._pending: list[tuple[int, int, Any]] = []  # (due day, due scene count, Later)
        self._entered = 0
        self._day_start = self.score
        self._day_entries_from = 0
        self._out: Optional[Outcome] = None
        self._source = "scene"
        self._choice_id = ""
        first = self._resolve_skips(scenario.start_scene)
        self.scene: Scene = scenario.scenes[first] if first != END else scenario.scenes[scenario.start_scene]
        self.day = self.scene.day
        self.history.append((0, self.score, self.scene.id))
        self._enter(self.scene)

    # ----- reading -------------------------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.ending is not None


    def choices(self) -> list[Choice]:
        """The choices open in the current scene (empty once the week has ended)."""
        if self.ending is not None:
            return []
        return [c for c in self.scene.choices if c.condition is None or c.condition(self)]

    @property
    def stars(self) -> float:
        if not self.ratings:
            return 0.0
        return round(sum(r[1] for r in self.ratings) / len(self.ratings), 1)

    def gate_open(self, gate_id: str) -> bool:
        return self.score >= self.scenario.gate(gate_id).at

    def active_sanctions(self) -> list[str]:
        out = []
        for s in self.scenario.sanctions:
            if (s.below is not None and self.score < s.below) or (s.condition and s.condition(self)):
                out.append(s.id)
        return out

    def value(self, name: str, lang: str = "en") -> Any:
        """A placeholder's value: score, player, stars, day, friend.ID.score|name, gate.ID.at|gap."""
        sc = self.scenario
        if name == "score":
            return self.score
        if name == "day":
            return self.day
        if name == "stars":
            return self.stars
        if name == "player":
            return sc.strings.raw(sc.player_name, lang)
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == "friend" and parts[1] in sc.friends:
            if parts[2] == "score":
                return self.friends[parts[1]].score
            if parts[2] == "name":
                return sc.strings.raw(sc.friends[parts[1]].name, lang)
        if len(parts) == 3 and parts[0] == "gate":
            try:
                gate = sc.gate(parts[1])
            except KeyError:
                return None
            if parts[2] == "at":
                return gate.at
            if parts[2] == "gap":
                return max(0, gate.at - self.score)
        return None

    def text(self, string_id: str, lang: str) -> str:
        return self.scenario.strings.get(string_id, lang, lambda n: self.value(n, lang))

    # ----- choosing ------------------------------------------------------------------------
    def choose(self, choice_id: str) -> Outcome:
        if self.ending is not None:
            raise RunError(f"the week is over (ending '{self.ending.id}'); no choice '{choice_id}'")
        choice = self.scene.by_id.get(choice_id)
        if choice is None:
            known = ", ".join(c.id for c in self.choices()) or "none"
            raise RunError(f"unknown choice '{choice_id}' in scene '{self.scene.id}' "
                           f"(choices here: {known})")
        if choice.condition is not None and not choice.condition(self):
            raise RunError(f"choice '{choice_id}' is not open in scene '{self.scene.id}' now")
        out = Outcome(choice_id, choice.result)
        self._out = out
        self.log.append(choice_id)
        self.step += 1
        self.chosen.add(choice_id)
        self._source, self._choice_id = "choice", choice_id
        for effect in choice.effects:
            effect.apply(self)
        target = self._follow(choice.next or self.scene.next)
        if self.kiosk:
            target = self._resolve_skips(target)
        self._source = "scene"
        if target == END:
            self._end_days(self.scenario.last_day + 1)
            self.day = self.scenario.last_day
            self.ending = self._pick_ending()
            out.ending = self.ending.id
        else:
            scene = self.scenario.scenes[target]
            if scene.day > self.day:
                self._end_days(scene.day)
            self.scene = scene
            self.day = scene.day
            self._enter(scene)
        self.history.append((self.step, self.score, self.scene.id))
        self._out = None
        return out

    def choose_all(self, choice_ids: Iterable[str]) -> "Run":
        for cid in choice_ids:
            self.choose(cid)
        return self

    # ----- primitives the effects call -----------------------------------------------------
    def draw(self, key: int) -> float:
        """A number in [0, 1) for the next draw of `key`, from the seed alone (splitmix64)."""
        n = self._draws.get(key, 0)
        self._draws[key] = n + 1
        x = (self.seed * 0x9E3779B97F4A7C15 + key * 0xD1B54A32D192ED03 + (n + 1) * 0x94D049BB133111EB) & _MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
        return (x ^ (x >> 31)) / 18446744073709551616.0

    def change_score(self, raw: int, rule: Rule, source: str = "", friend: str = "") -> int:
        sc = self.scenario
        new = self.score + raw
        if new > sc.max_score:
            new = sc.max_score
        elif new < sc.min_score:
            new = sc.min_score
        delta = new - self.score
        self.score = new
        entry = LedgerEntry(self.step, self.day, self.scene.id, self._choice_id, rule.id, delta,
                            raw, new, rule.vague, rule.exact, source or self._source, friend)
        self.ledger.append(entry)
        if self._out is not None:
            self._out.entries.append(entry)
        return delta

    def change_friend(self, friend: str, raw: int, reason: str) -> None:
        sc = self.scenario
        state = self.friends[friend]
        new = min(sc.max_score, max(sc.min_score, state.score + raw))
        change = FriendChange(self.step, self.day, friend, new - state.score, new, reason)
        state.score = new
        self.friend_log.append(change)
        if self._out is not None:
            self._out.friend_changes.append(change)

    def set_status(self, friend: str, status: str) -> None:
        self.friends[friend].status = status

    def rate(self, by: str, stars: int) -> None:
        self.ratings.append((by, stars, self.step))
        if self._out is not None:
            self._out.ratings.append((by, stars))
        ratings = self.scenario.ratings
        if ratings is not None:
            points = round((stars - ratings.neutral) * ratings.per_star)
            if points:
                self.change_score(points, self.scenario.rules[ratings.rule], "rating", by)

    def schedule(self, later: Any) -> None:
        due_day = self.day + later.days if later.days else 0
        due_scene = self._entered + later.scenes if later.scenes else 0
        self._pending.append((due_day, due_scene, later))

    # ----- the week's flow -----------------------------------------------------------------
    def _follow(self, branches: Optional[list[Branch]]) -> str:
        if branches:
            for branch in branches:
                if branch.condition is None or branch.condition(self):
                    return branch.target
        raise RunError(f"scene '{self.scene.id}' has no way on")

    def _resolve_skips(self, target: str) -> str:
        if not self.kiosk:
            return target
        hops = 0
        while target != END and self.scenario.scenes[target].kiosk_skip:
            target = self._follow(self.scenario.scenes[target].next)
            hops += 1
            if hops > len(self.scenario.scenes):
                raise RunError("the kiosk's skips go round in a circle")
        return target

    def _enter(self, scene: Scene) -> None:
        self._entered += 1
        self.seen.add(scene.id)
        if self._pending:
            self._fire_due()
        for effect in scene.on_enter:
            effect.apply(self)
        if scene.gate is not None:
            gate = self.scenario.gate(scene.gate)
            check = GateCheck(gate.id, gate.at, self.score, self.score >= gate.at,
                              self.step, self.day, scene.id)
            self.gate_checks.append(check)
            if self._out is not None:
                self._out.gate_check = check

    def _fire_due(self) -> None:
        due, keep = [], []
        for item in self._pending:
            due_day, due_scene, _ = item
            if (due_day and self.day >= due_day) or (due_scene and self._entered >= due_scene):
                due.append(item)
            else:
                keep.append(item)
        if not due:
            return
        self._pending = keep
        saved = self._source
        self._source = "later"
        for _, _, later in due:
            if later.condition is None or later.condition(self):
                for effect in later.effects:
                    effect.apply(self)
        self._source = saved

    def _end_days(self, next_day: int) -> None:
        """Close every day before `next_day`: drift, association, summary."""
        sc = self.scenario
        while self.day < next_day:
            self._source = "association"
            for fid, friend in sc.friends.items():
                if friend.daily is not None:
                    low, high = friend.daily
                    if low != high:
                        low += int(self.draw(self._drift_keys[fid]) * (high - low + 1))
                    self.change_friend(fid, low, "drift")
            assoc = sc.association
            if assoc is not None:
                rule = sc.rules[assoc.rule]
                for fid, state in self.friends.items():
                    weight = assoc.weights.get(state.status, 0.0)
                    if weight:
                        pull = round(weight * (state.score - self.score))
                        pull = max(-assoc.cap, min(assoc.cap, pull))
                        if pull:
                            self.change_score(pull, rule, "association", fid)
            summary = DaySummary(
                self.day, self._day_start, self.score, self.ledger[self._day_entries_from:],
                {fid: (s.score, s.status) for fid, s in self.friends.items()},
                {g.id: self.score >= g.at for g in sc.gates}, self.active_sanctions())
            self.day_summaries.append(summary)
            if self._out is not None:
                self._out.days.append(summary)
            self._day_start = self.score
            self._day_entries_from = len(self.ledger)
            self.day += 1
        self._source = "scene"

    def _pick_ending(self) -> Ending:
        for ending in self.scenario.endings:
            if ending.condition is None or ending.condition(self):
                return ending
        return self.scenario.endings[-1]


def start(scenario: Scenario, seed: int = 0, kiosk: bool = False) -> Run:
    """Start a run of `scenario`; every random draw comes from `seed`."""
    return Run(scenario, seed, kiosk)
