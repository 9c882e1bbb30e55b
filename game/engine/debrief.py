"""The debrief's analysis of a finished run: how the system steered the player, what became of
each friend, and what the other choice would have done. Pure Python; it returns data, the
front-ends write the sentences (string ids under `debrief.` in game/locale/).

Every counterfactual is an actual replay: the log up to the moment, the other choice, then the
rest of the player's own log. Where the rest no longer fits (the scene differs, or the original
choice is not open), the replay goes on with the open choice most like the player's (by tags,
then by score hint) and says so in `similar`.

Random draws are keyed by what draws (see game/engine/run.py), so the other choice never changes
the luck of a later event: a counterfactual differs from the player's week by the choice alone.

>>> from game.engine import load_scenario, start
>>> from game.paths import scenario_file
>>> week = load_scenario(scenario_file("sample"))
>>> run = start(week, seed=3).choose_all(
...     ["share_gov", "buy_dishwasher", "unfriend_mei", "broker", "continue", "continue", "continue"])
>>> d = analyze(run)
>>> d.steering.took, d.steering.total
(4, 4)
>>> cf = d.counterfactuals[0]
>>> again = start(week, seed=3).choose_all(cf.log)
>>> (again.score, again.ending.id) == (cf.score, cf.ending)
True
"""
from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .effects import FriendDelta, Maybe
from .errors import RunError
from .model import Choice, Scenario
from .run import FriendChange, GateCheck, Run

TOP = 3


# ----- small value types ----------------------------------------------------------------------
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
    def rank_key(self) -> tuple:
        return (self.ending_changed, len(self.gate_changes), abs(self.score_change),
                _stakes_rank(self.stakes), -self.step)


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


# ----- helpers --------------------------------------------------------------------------------
def _stakes(choice: Choice) -> set[str]:
    return {t for t in choice.spends + choice.serves if t != "score"}


def _stakes_rank(stakes: Iterable[str]) -> int:
    stakes = list(stakes)
    if any(s.startswith("friend:") for s in stakes):
        return 2
    return 1 if stakes else 0


def _score_key(choice: Choice) -> tuple[float, int]:
    """How much a choice raises the score: its expected change, then its score tags."""
    tag = ("score" in choice.serves) - ("score" in choice.spends)
    return (round(choice.score_hint, 6), tag)


def _features(choice: Choice) -> Counter:
    """A choice's tags as features; friends and values also count as a kind, at half weight."""
    f: Counter = Counter()
    for role, tags in (("spends", choice.spends), ("serves", choice.serves)):
        for tag in tags:
            f[(role, tag)] += 1.0
            if tag != "score":
                f[(role, "*friend" if tag.startswith("friend:") else "*value")] += 0.5
    return f


def _likeness(choice: Choice, profile: Counter) -> float:
    """Agreement of a choice's tags with a profile: the same role counts for, the other against."""
    other = {"spends": "serves", "serves": "spends"}
    total = 0.0
    for (role, tag), w in _features(choice).items():
        total += w * (profile.get((role, tag), 0.0) - profile.get((other[role], tag), 0.0))
    return total


def _most_like(options: list[Choice], ref: Optional[Choice], profile: Counter, lean: float) -> Choice:
    def key(item: tuple[int, Choice]) -> tuple:
        i, c = item
        if ref is not None:
            return (_likeness(c, _features(ref)), _likeness(c, profile),
                    -abs(c.score_hint - ref.score_hint), -i)
        return (0.0, _likeness(c, profile), lean * c.score_hint, -i)
    return max(enumerate(options), key=key)[1]


def gate_results(run: Run) -> dict[str, GateResult]:
    """Each gate: the last check at its scene when there was one, else the final score."""
    last: dict[str, GateCheck] = {}
    for check in run.gate_checks:
        last[check.gate] = check
    out = {}
    for gate in run.scenario.gates:
        check = last.get(gate.id)
        if check is not None:
            out[gate.id] = GateResult(gate.id, gate.at, check.score, check.passed, True)
        else:
            out[gate.id] = GateResult(gate.id, gate.at, run.score, run.score >= gate.at, False)
    return out


def _replay_moments(run: Run) -> tuple[list[Moment], dict[str, list[tuple[int, str, str]]]]:
    """Replay the log once: what was open at each step, and each friend's status changes."""
    sc = run.scenario
    again = Run(sc, run.seed, run.kiosk)
    moments: list[Moment] = []
    changes: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for i, cid in enumerate(run.log):
        open_ = again.choices()
        scene = again.scene
        keys = {c.id: _score_key(c) for c in open_}
        best = max(keys.values()) if keys else None
        raising = tuple(c.id for c in open_ if keys[c.id] == best) \
            if len(set(keys.values())) > 1 else ()
        stakes: set[str] = set()
        for c in open_:
            stakes |= _stakes(c)
        moments.append(Moment(i, scene.day, scene.id, cid, tuple(c.id for c in open_), raising,
                              tuple(sorted(stakes))))
        before = {fid: s.status for fid, s in again.friends.items()}
        again.choose(cid)
        for fid, s in again.friends.items():
            if s.status != before[fid]:
                changes[fid].append((i, cid, s.status))
    if again.score != run.score or again.log != run.log:
        raise RunError("the run does not replay from its log")
    return moments, changes


def _direct_friends(choice: Choice) -> set[str]:
    """Friends whose score a choice's own effects change (delayed effects excluded)."""
    out: set[str] = set()
    stack = list(choice.effects)
    while stack:
        e = stack.pop()
        if isinstance(e, FriendDelta):
            out.add(e.friend)
        elif isinstance(e, Maybe):
            stack.extend(e.then)
            stack.extend(e.otherwise)
    return out


def friend_fates(run: Run, status_changes: Optional[dict[str, list[tuple[int, str, str]]]] = None
                 ) -> list[FriendFate]:
    sc = run.scenario
    if status_changes is None:
        status_changes = _replay_moments(run)[1]
    by_friend: dict[str, list[FriendChange]] = defaultdict(list)
    for ch in run.friend_log:
        by_friend[ch.friend].append(ch)
    out = []
    for fid, person in sc.friends.items():
        totals: dict[tuple[str, Optional[str]], list[int]] = {}
        for ch in by_friend[fid]:
            if ch.reason == "drift":
                key: tuple[str, Optional[str]] = ("drift", None)
            else:
                cid = run.log[ch.step - 1] if 0 < ch.step <= len(run.log) else None
                direct = cid is not None and fid in _direct_friends(sc.choice(cid))
                key = ("choice", cid) if direct else ("other", None)
            slot = totals.setdefault(key, [0, ch.step])
            slot[0] += ch.delta
        causes = [Cause(kind, cid, d, s) for (kind, cid), (d, s) in totals.items() if d]
        causes.sort(key=lambda c: (-abs(c.delta), c.step, c.kind))
        tag = f"friend:{fid}"
        mine = []
        for cid in run.log:
            c = sc.choice(cid)
            if tag in c.spends:
                mine.append((cid, "spends"))
            elif tag in c.serves:
                mine.append((cid, "serves"))
        pull = sum(e.delta for e in run.ledger if e.friend == fid and e.source == "association")
        rated = sum(e.delta for e in run.ledger if e.friend == fid and e.source == "rating")
        state = run.friends[fid]
        out.append(FriendFate(fid, person.score or 0, state.score, state.status,
                              list(status_changes.get(fid, [])), causes, pull, rated,
                              [stars for by, stars, _ in run.ratings if by == fid], mine))
    return out


def week_chart(run: Run) -> WeekChart:
    sc = run.scenario
    points = []
    for step, score, scene in run.history:
        points.append(Point(step, sc.scenes[scene].day, score, scene,
                            run.log[step - 1] if step else None))
    if run.ended and points:  # the week is over: the last point stands at the end of the last day
        last = points[-1]
        last_day = max(scene.day for scene in sc.scenes.values())
        points[-1] = Point(last.step, max(last.day, last_day), last.score, last.scene, last.choice)
    days = [(d.day, d.start_score, d.end_score) for d in run.day_summaries]
    return WeekChart(points, days, list(run.gate_checks), [(g.id, g.at) for g in sc.gates],
                     sc.min_score, sc.max_score)


# ----- counterfactuals ------------------------------------------------------------------------
class _Context:
    """What every counterfactual of one run shares: the original's scenes, results and profile."""

    def __init__(self, run: Run, moments: list[Moment]):
        sc = run.scenario
        self.run, self.sc, self.moments = run, sc, moments
        self.gates = gate_results(run)
        self.seen = set(run.seen)
        self.guide = [(m.scene, m.chosen) for m in moments]
        self.profile: Counter = Counter()
        for m in moments:
            if len(m.options) > 1:
                self.profile.update(_features(sc.choice(m.chosen)))
        counted = [m for m in moments if m.differs]
        share = sum(m.took_raising for m in counted) / len(counted) if counted else 0.5
        self.lean = share - 0.5

    def follow(self, guide: list[tuple[str, str]]) -> tuple[Run, list[SimilarStep]]:
        """Play a run along `guide` ((scene, choice) in order), each scene visit taking the guide's
        next choice for that scene when it is open, else the open choice most like it."""
        sc, run = self.sc, self.run
        cf = Run(sc, run.seed, run.kiosk)
        queues: dict[str, deque[str]] = defaultdict(deque)
        for scene, cid in guide:
            queues[scene].append(cid)
        similar: list[SimilarStep] = []
        limit = 10 * (len(sc.scenes) + len(guide)) + 10
        while not cf.ended:
            if len(cf.log) > limit:
                raise RunError("the counterfactual does not reach an ending")
            open_ = cf.choices()
            if not open_:
                raise RunError(f"no open choice in scene '{cf.scene.id}'")
            queue = queues.get(cf.scene.id)
            ref: Optional[Choice] = None
            if queue:
                wanted = queue.popleft()
                if any(c.id == wanted for c in open_):
                    cf.choose(wanted)
                    continue
                ref = sc.choice(wanted)
            if len(open_) == 1:
                cf.choose(open_[0].id)
                continue
            pick = _most_like(open_, ref, self.profile, self.lean)
            similar.append(SimilarStep(len(cf.log), cf.scene.id, pick.id, ref.id if ref else None))
            cf.choose(pick.id)
        return cf, similar


def replay_with(run: Run, step: int, alternative: str,
                _ctx: Optional[_Context] = None) -> Counterfactual:
    """Replay `run` with `alternative` at `step` (an index into its log), then the rest of the log.

    Where the rest no longer fits, go on with the open choice most like the player's: the
    player's choice in that scene when they saw it, else their week's tags as a whole.
    """
    ctx = _ctx or _Context(run, _replay_moments(run)[0])
    sc, log = ctx.sc, run.log
    if not 0 <= step < len(log):
        raise RunError(f"no step {step} in a log of {len(log)} choices")
    moment = ctx.moments[step]
    if alternative not in moment.options:
        raise RunError(f"choice '{alternative}' is not open at step {step} (scene '{moment.scene}')")
    scene = sc.scenes[moment.scene]
    guide = list(ctx.guide)
    guide[step] = (scene.id, alternative)
    cf, similar = ctx.follow(guide)
    if cf.log[:step + 1] != log[:step] + [alternative]:
        raise RunError("the counterfactual left the player's log before its step")
    assert cf.ending is not None and run.ending is not None
    gates = gate_results(cf)
    gate_changes = [g for g in gates if gates[g].passed != ctx.gates[g].passed]
    ending_changed = cf.ending.id != run.ending.id
    original_choice, alt_choice = sc.choice(log[step]), sc.choice(alternative)
    return Counterfactual(
        step=step, day=scene.day, scene=scene.id, original=log[step], alternative=alternative,
        log=list(cf.log), score=cf.score, ending=cf.ending.id, gates=gates,
        score_change=cf.score - run.score, ending_changed=ending_changed, gate_changes=gate_changes,
        similar=similar, unseen_scenes=sorted(cf.seen - ctx.seen, key=list(sc.scenes).index),
        stakes=tuple(sorted(_stakes(original_choice) ^ _stakes(alt_choice))))


def counterfactuals(run: Run, top: int = TOP, moments: Optional[list[Moment]] = None
                    ) -> list[Counterfactual]:
    """The `top` moments whose other choice changes the outcome most, most first.

    Every open alternative at every step is replayed; per step the alternative that changes most
    is kept; steps are ranked by ending change, then gate changes, then score difference (ties:
    friends at stake over values over score only, then the earlier step). Changes of nothing are
    left out.
    """
    if not run.ended:
        return []
    if moments is None:
        moments = _replay_moments(run)[0]
    ctx = _Context(run, moments)
    best: list[Counterfactual] = []
    for m in moments:
        if len(m.options) < 2:
            continue
        found: Optional[Counterfactual] = None
        for alt in m.options:
            if alt == m.chosen:
                continue
            cf = replay_with(run, m.step, alt, ctx)
            if found is None or cf.rank_key > found.rank_key:
                found = cf
        if found is not None and (found.ending_changed or found.gate_changes or found.score_change):
            best.append(found)
    best.sort(key=lambda cf: cf.rank_key, reverse=True)
    return best[:top]


def analyze(run: Run, top: int = TOP) -> Debrief:
    """Everything the debrief shows about a run, computed from its log."""
    sc: Scenario = run.scenario
    moments, status_changes = _replay_moments(run)
    return Debrief(
        scenario=sc.id, seed=run.seed, kiosk=run.kiosk, final_score=run.score,
        ending=run.ending.id if run.ending else None, goal_gate=sc.goal_gate,
        gates=gate_results(run), week=week_chart(run), steering=Steering(moments),
        friends=friend_fates(run, status_changes),
        counterfactuals=counterfactuals(run, top, moments))
