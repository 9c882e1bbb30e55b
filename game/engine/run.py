"""A run of the week: start from a scenario and a seed, read the scene, choose by id.

A run is fully determined by its scenario, seed, mode and the ids it was given, so saves, undo
and counterfactuals all replay that log. The fixed scenario (`run.scenario`) stays apart from
what changes (`run.state`); only `choose` changes the state, through the private methods below.

Random draws are keyed, not taken from one stream: the n-th draw of an effect depends only on the
seed, that effect and n. Another choice earlier in the week therefore cannot change the luck of a
later event, and a counterfactual differs from the player's week by the choice alone.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from .changes import friend_state
from .days import Days
from .draws import seed_part
from .errors import RunError
from .kinds import Origin, Status
from .model import END, Branch, Choice, Ending, Sanction, Scenario, Scene
from .state import (
    DaySummary,
    FriendChange,
    FriendState,
    GateCheck,
    LedgerEntry,
    Outcome,
    RunState,
    gate_check,
)

# an enum member is slow to look up on its class, and these are looked up at every step
_CHOICE, _SCENE, _LATER = Origin.CHOICE, Origin.SCENE, Origin.LATER
_FRIEND = Status.FRIEND


class Run(Days):
    """The state of one week. Read it freely; change it only through `choose`."""

    __slots__ = ()

    def __init__(self, scenario: Scenario, seed: int = 0, kiosk: bool = False, *, lean: bool = False):
        """`lean`: the same week, without the records only the player's own run is read for (the
        ledger, friends' changes, day summaries, history, outcomes' details): ~3x faster. The two
        paths are held to the same state by tests/test_lean_path.py."""
        self.scenario = scenario
        self._lean = lean
        self._out: Optional[Outcome] = None
        self._origin = _SCENE
        self._choice_id = ""
        self._seed_share = seed_part(seed)
        self._drifts = None
        first = scenario.scenes[scenario.start_scene]
        self.state = RunState(seed=seed, kiosk=kiosk, score=scenario.start_score, scene=first, day=first.day,
                              friends={fid: friend_state(f.score or 0, _FRIEND) for fid, f in scenario.friends.items()},
                              day_start=scenario.start_score)
        if kiosk:
            target = self._resolve_skips(scenario.start_scene)
            if target != END:
                self.state.scene = scenario.scenes[target]
                self.state.day = self.state.scene.day
        if not lean:
            self.state.history.append((0, self.state.score, self.state.scene.id))
        self._enter(self.state.scene)

    # ----- reading -------------------------------------------------------------------------
    @property
    def seed(self) -> int:
        return self.state.seed

    @property
    def kiosk(self) -> bool:
        return self.state.kiosk

    @property
    def score(self) -> int:
        return self.state.score

    @property
    def day(self) -> int:
        return self.state.day

    @property
    def scene(self) -> Scene:
        return self.state.scene

    @property
    def step(self) -> int:
        return self.state.step

    @property
    def log(self) -> list[str]:
        return self.state.log

    @property
    def ledger(self) -> list[LedgerEntry]:
        return self.state.ledger

    @property
    def friends(self) -> Mapping[str, FriendState]:
        return self.state.friends

    @property
    def flags(self) -> Mapping[str, Any]:
        return self.state.flags

    @property
    def chosen(self) -> set[str]:
        return self.state.chosen

    @property
    def seen(self) -> set[str]:
        return self.state.seen

    @property
    def friend_log(self) -> list[FriendChange]:
        return self.state.friend_log

    @property
    def ratings(self) -> list[tuple[str, int, int]]:
        return self.state.ratings

    @property
    def gate_checks(self) -> list[GateCheck]:
        return self.state.gate_checks

    @property
    def day_summaries(self) -> list[DaySummary]:
        return self.state.day_summaries

    @property
    def history(self) -> list[tuple[int, int, str]]:
        return self.state.history

    @property
    def ending(self) -> Optional[Ending]:
        return self.state.ending

    @property
    def ended(self) -> bool:
        return self.state.ending is not None

    def choices(self) -> list[Choice]:
        """The choices open in the current scene (empty once the week has ended)."""
        st = self.state
        if st.ending is not None:
            return []
        if st.scene.always_open:
            return list(st.scene.choices)
        return [c for c in st.scene.choices if c.condition is None or c.condition(self)]

    @property
    def stars(self) -> float:
        ratings = self.state.ratings
        if not ratings:
            return 0.0
        return round(sum(r[1] for r in ratings) / len(ratings), 1)

    def gate_open(self, gate_id: str) -> bool:
        return self.state.score >= self.scenario.gate(gate_id).at

    def active_sanctions(self) -> list[str]:
        return [s.id for s in self.scenario.sanctions if self._applies(s)]

    def sanction_active(self, sanction_id: str) -> bool:
        """Whether one sanction applies now (a condition's `sanction.ID`: the others not tried)."""
        s = self.scenario.sanction(sanction_id)
        return s is not None and self._applies(s)

    def _applies(self, s: Sanction) -> bool:
        return (s.below is not None and self.state.score < s.below) or (
            s.condition is not None and bool(s.condition(self)))

    def revealed(self, sanction_id: str) -> bool:
        """Whether the player has been shown a sanction: at once, unless the scenario has a scene
        that shows it, then once that scene was seen (a badge must not come before its scene)."""
        shows = [s.id for s in self.scenario.scenes.values() if s.sanction == sanction_id]
        return not shows or any(sid in self.state.seen for sid in shows)

    def visible_sanctions(self) -> list[str]:
        """The active sanctions the player has been shown."""
        return [sid for sid in self.active_sanctions() if self.revealed(sid)]

    def gate_check_here(self) -> Optional[GateCheck]:
        """The gate check made when the current scene was entered (None if it has no gate)."""
        st = self.state
        if st.scene.gate is None:
            return None
        for check in reversed(st.gate_checks):
            if check.scene == st.scene.id and check.step == st.step:
                return check
        return None

    def value(self, name: str, lang: str = "en") -> Any:
        """A placeholder's value: score, player, stars, day, friend.ID.score|name, gate.ID.at|gap."""
        sc, st = self.scenario, self.state
        if name == "score":
            return st.score
        if name == "day":
            return st.day
        if name == "stars":
            return self.stars
        if name == "player":
            return sc.strings.raw(sc.player_name, lang)
        parts = name.split(".")
        if len(parts) == 3 and parts[0] == "friend" and parts[1] in sc.friends:
            if parts[2] == "score":
                return st.friends[parts[1]].score
            if parts[2] == "name":
                return sc.strings.raw(sc.friends[parts[1]].name, lang)
        if len(parts) == 3 and parts[0] == "gate" and parts[1] in sc._gates:
            gate = sc.gate(parts[1])
            if parts[2] == "at":
                return gate.at
            if parts[2] == "gap":
                return max(0, gate.at - st.score)
        return None

    def text(self, string_id: str, lang: str) -> str:
        return self.scenario.strings.get(string_id, lang, lambda n: self.value(n, lang))

    # ----- choosing ------------------------------------------------------------------------
    def choose(self, choice_id: str) -> Outcome:
        choice = self._open(choice_id)
        out = Outcome(choice_id, choice.result)
        self._out = None if self._lean else out  # collects what the step does
        try:
            self.advance(choice_id)
        finally:
            self._out = None
        if self.state.ending is not None:
            out.ending = self.state.ending.id
        return out

    def advance(self, choice_id: str) -> None:
        """Take a choice: `choose` without the outcome (simulation, replays, the debrief's
        replays), the step itself written out in one method since it is the engine's hot path."""
        st, lean = self.state, self._lean
        way = st.scene.ways.get(choice_id) if st.ending is None else None
        if way is None or (way[0].condition is not None and not way[0].condition(self)):
            way = (self._open(choice_id), None)  # which says why not
        choice, scene = way
        if not lean:  # what the records name (a lean run keeps none)
            self._origin, self._choice_id = _CHOICE, choice_id
        st.log.append(choice_id)
        st.step += 1
        st.chosen.add(choice_id)
        if choice.effects:
            self._apply_all(choice.effects)
        if not lean:
            self._origin = _SCENE
        if scene is None or st.kiosk:  # the way on is not always the same (most choices' is)
            target = self._follow(choice.next or st.scene.next)
            if st.kiosk:
                target = self._resolve_skips(target)
            if target == END:
                self._end_days(self.scenario.last_day + 1)
                st.day = self.scenario.last_day
                st.ending = self._pick_ending()
                if not lean:
                    st.history.append((st.step, st.score, st.scene.id))
                return
            scene = self.scenario.scenes[target]
        if scene.day > st.day:
            self._end_days(scene.day)  # (the lean path's own, for a lean run)
        st.scene = scene
        st.day = scene.day
        if st.pending or scene.on_enter or scene.gate is not None:
            self._enter(scene)
        else:  # most scenes: only counted and seen
            st.entered += 1
            st.seen.add(scene.id)
        if not lean:
            st.history.append((st.step, st.score, st.scene.id))

    def _open(self, choice_id: str) -> Choice:
        st = self.state
        if st.ending is not None:
            raise RunError(f"the week is over (ending '{st.ending.id}'); no choice '{choice_id}'")
        choice = st.scene.by_id.get(choice_id)
        if choice is None:
            known = ", ".join(c.id for c in self.choices()) or "none"
            raise RunError(f"unknown choice '{choice_id}' in scene '{st.scene.id}' (choices here: {known})")
        if choice.condition is not None and not choice.condition(self):
            raise RunError(f"choice '{choice_id}' is not open in scene '{st.scene.id}' now")
        return choice

    def fork(self) -> "Run":
        """An independent copy from here on (the debrief's counterfactuals branch off the player's
        week instead of replaying it from the start). The records are copied, not their entries,
        which never change."""
        new = Run.__new__(Run)
        new.scenario, new._lean, new._seed_share = self.scenario, self._lean, self._seed_share
        new._drifts = self._drift_days(0)  # drawn once for the run and its forks
        new._out, new._origin, new._choice_id = None, self._origin, self._choice_id
        new.state = self.state.copy()
        return new

    def choose_all(self, choice_ids: Iterable[str]) -> "Run":
        for cid in choice_ids:
            self.choose(cid)
        return self

    # ----- the week's flow -----------------------------------------------------------------
    def _follow(self, branches: Optional[tuple[Branch, ...]]) -> str:
        if branches:
            for branch in branches:
                if branch.condition is None or branch.condition(self):
                    return branch.target
        raise RunError(f"scene '{self.state.scene.id}' has no way on")

    def _resolve_skips(self, target: str) -> str:
        if not self.state.kiosk:
            return target
        hops = 0
        scenes = self.scenario.scenes
        while target != END and scenes[target].kiosk_skip:
            nxt = scenes[target].next
            target = self._follow(nxt)
            hops += 1
            if hops > len(scenes):
                raise RunError("the kiosk's skips go round in a circle")
        return target

    def _enter(self, scene: Scene) -> None:
        st = self.state
        st.entered += 1
        st.seen.add(scene.id)
        if st.pending:
            self._fire_due()
        if scene.on_enter:
            self._apply_all(scene.on_enter)
        if scene.gate is not None:
            gate = self.scenario.gate(scene.gate)
            check = gate_check(gate.id, gate.at, st.score, st.step, st.day, scene.id)
            st.gate_checks.append(check)
            if self._out is not None:
                self._out.gate_check = check

    def _fire_due(self) -> None:
        st = self.state
        day, entered = st.day, st.entered
        for due_day, due_scene, _ in st.pending:  # mostly nothing is due yet: nothing to build
            if (due_day and day >= due_day) or (due_scene and entered >= due_scene):
                break
        else:
            return
        due, keep = [], []
        for item in st.pending:
            due_day, due_scene, _ = item
            if (due_day and st.day >= due_day) or (due_scene and st.entered >= due_scene):
                due.append(item)
            else:
                keep.append(item)
        if not due:
            return
        st.pending = keep
        saved = self._origin
        self._origin = _LATER
        for _, _, later in due:
            if later.condition is None or later.condition(self):
                self._apply_all(later.effects)
        self._origin = saved

    def _pick_ending(self) -> Ending:
        for ending in self.scenario.endings:
            if ending.condition is None or ending.condition(self):
                return ending
        return self.scenario.endings[-1]

    def epilogue(self, friend: str) -> str:
        """The string id of a friend's epilogue: the first variant for how you treated them that
        holds in this ending, else the ending's own."""
        ending = self.state.ending
        if ending is None:
            raise RunError("the week is not over: no epilogue yet")
        for e in self.scenario.epilogues:
            if e.friend == friend and (not e.endings or ending.id in e.endings) and (
                    e.condition is None or e.condition(self)):
                return e.text
        return f"epilogue.{ending.id}.{friend}"


def start(scenario: Scenario, seed: int = 0, kiosk: bool = False) -> Run:
    """Start a run of `scenario`; every random draw comes from `seed`."""
    return Run(scenario, seed, kiosk)


__all__ = ["Run", "start", "Outcome", "LedgerEntry", "FriendChange", "FriendState", "GateCheck", "DaySummary",
           "Status"]
