"""What the other choice would have done: each counterfactual an actual replay of the player's log
with one choice changed; where the rest no longer fits, the open choice most like the player's."""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Optional

from ..errors import RunError
from ..model import Choice
from ..run import Run
from .chart import gate_results
from .steering import replay_moments, stakes
from .types import Counterfactual, Moment, SimilarStep

TOP = 3
MAX_REPLAYS = 120  # a week with more open alternatives replays this many (the shipped week: ~40)
Profile = dict[tuple[str, str], float]  # (spends|serves, tag) -> weight


def _features(choice: Choice) -> Profile:
    """A choice's tags as features; friends and values also count as a kind, at half weight."""
    f: Profile = defaultdict(float)
    for role, tags in (("spends", choice.spends), ("serves", choice.serves)):
        for tag in tags:
            f[(role, tag)] += 1.0
            if tag != "score":
                f[(role, "*friend" if tag.startswith("friend:") else "*value")] += 0.5
    return f


def _likeness(choice: Choice, profile: Profile) -> float:
    """Agreement of a choice's tags with a profile: the same role counts for, the other against."""
    other = {"spends": "serves", "serves": "spends"}
    total = 0.0
    for (role, tag), w in _features(choice).items():
        total += w * (profile.get((role, tag), 0.0) - profile.get((other[role], tag), 0.0))
    return total


def _most_like(options: list[Choice], ref: Optional[Choice], profile: Profile, lean: float) -> Choice:
    def key(item: tuple[int, Choice]) -> tuple[float, ...]:
        i, c = item
        if ref is not None:
            return (_likeness(c, _features(ref)), _likeness(c, profile),
                    -abs(c.score_hint - ref.score_hint), -i)
        return (0.0, _likeness(c, profile), lean * c.score_hint, -i)
    return max(enumerate(options), key=key)[1]


class _Context:
    """What every counterfactual of one run shares: the original's scenes, results and profile."""

    def __init__(self, run: Run, moments: list[Moment]):
        sc = run.scenario
        self.run, self.sc, self.moments = run, sc, moments
        self.gates = gate_results(run)
        self.seen = set(run.seen)
        self.guide = [(m.scene, m.chosen) for m in moments]
        self.profile: Profile = defaultdict(float)
        for m in moments:
            if len(m.options) > 1:
                for feature, weight in _features(sc.choice(m.chosen)).items():
                    self.profile[feature] += weight
        counted = [m for m in moments if m.differs]
        share = sum(m.took_raising for m in counted) / len(counted) if counted else 0.5
        self.lean = share - 0.5
        self._cursor: Optional[Run] = None

    def at(self, step: int) -> Run:
        """The player's week just before its choice number `step`, as a fork to go on from (the
        counterfactuals come in order of their step, so one replay serves them all)."""
        cur, log = self._cursor, self.run.log
        if cur is None or len(cur.log) > step:
            cur = self._cursor = Run(self.sc, self.run.seed, self.run.kiosk, lean=True)
        while len(cur.log) < step:
            cur.advance(log[len(cur.log)])
        return cur.fork()

    def follow(self, guide: list[tuple[str, str]], start: int = 0) -> tuple[Run, list[SimilarStep]]:
        """Play a run along `guide` ((scene, choice) in order), each scene visit taking the guide's
        next choice for that scene when it is open, else the open choice most like it. The first
        `start` steps of the guide must be the player's own: the run starts from there."""
        sc = self.sc
        cf = self.at(start)
        queues: dict[str, deque[str]] = defaultdict(deque)
        for scene, cid in guide[start:]:
            queues[scene].append(cid)
        similar: list[SimilarStep] = []
        limit = 10 * (len(sc.scenes) + len(guide)) + 10
        state = cf.state
        while state.ending is None:
            if len(state.log) > limit:
                raise RunError("the counterfactual does not reach an ending")
            here = state.scene
            queue = queues.get(here.id)
            ref: Optional[Choice] = None
            if queue:
                wanted = queue.popleft()
                choice = here.by_id.get(wanted)
                if choice is not None and (choice.condition is None or choice.condition(cf)):  # open
                    cf.advance(wanted)
                    continue
                ref = sc.choice(wanted)
            open_ = cf.choices()
            if not open_:
                raise RunError(f"no open choice in scene '{here.id}'")
            if len(open_) == 1:
                cf.advance(open_[0].id)
                continue
            pick = _most_like(open_, ref, self.profile, self.lean)
            similar.append(SimilarStep(len(cf.log), cf.scene.id, pick.id, ref.id if ref else None))
            cf.advance(pick.id)
        return cf, similar


def replay_with(run: Run, step: int, alternative: str,
                _ctx: Optional[_Context] = None) -> Counterfactual:
    """Replay `run` with `alternative` at `step` (an index into its log), then the rest of the log.

    Where the rest no longer fits, go on with the open choice most like the player's: the
    player's choice in that scene when they saw it, else their week's tags as a whole.
    """
    ctx = _ctx or _Context(run, replay_moments(run)[0])
    sc, log = ctx.sc, run.log
    if not 0 <= step < len(log):
        raise RunError(f"no step {step} in a log of {len(log)} choices")
    moment = ctx.moments[step]
    if alternative not in moment.options:
        raise RunError(f"choice '{alternative}' is not open at step {step} (scene '{moment.scene}')")
    scene = sc.scenes[moment.scene]
    guide = list(ctx.guide)
    guide[step] = (scene.id, alternative)
    cf, similar = ctx.follow(guide, step)
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
        stakes=tuple(sorted(stakes(original_choice) ^ stakes(alt_choice))))


def _estimate(run: Run, m: Moment, alt: str) -> float:
    """How much the other choice may change, without replaying: whether it leads elsewhere, its
    expected score change beside the player's, and how much either does (their effects). On the
    shipped week it picks the same three as the full replay in most weeks, not all."""
    sc = run.scenario
    a, c = sc.choice(alt), sc.choice(m.chosen)
    return 2.0 * (a.next != c.next) + abs(a.score_hint - c.score_hint) / 10 + len(a.effects) + len(c.effects)


def counterfactuals(run: Run, top: int = TOP, moments: Optional[list[Moment]] = None
                    ) -> list[Counterfactual]:
    """The `top` moments whose other choice changes the outcome most, most first.

    Every open alternative at every step is replayed (in a week with more than MAX_REPLAYS, those
    likeliest to matter by an estimate, so that the cost grows linearly with the week's length);
    per step the alternative that changes most is kept; steps are ranked by ending change, then
    gate changes, then score difference (ties: friends at stake over values over score only, then
    the earlier step). Changes of nothing are left out.
    """
    if not run.ended:
        return []
    if moments is None:
        moments = replay_moments(run)[0]
    ctx = _Context(run, moments)
    pairs = [(m, alt) for m in moments if len(m.options) > 1 for alt in m.options if alt != m.chosen]
    if len(pairs) > MAX_REPLAYS:  # a long week: the likeliest by estimate, so the cost stays linear
        likely = sorted(pairs, key=lambda p: _estimate(run, p[0], p[1]), reverse=True)[:MAX_REPLAYS]
        keep = {(m.step, alt) for m, alt in likely}
        pairs = [(m, alt) for m, alt in pairs if (m.step, alt) in keep]
    alternatives: dict[int, list[str]] = defaultdict(list)
    for m, alt in pairs:
        alternatives[m.step].append(alt)
    best: list[Counterfactual] = []
    for m in moments:
        found: Optional[Counterfactual] = None
        for alt in alternatives.get(m.step, ()):
            cf = replay_with(run, m.step, alt, ctx)
            if found is None or cf.rank_key > found.rank_key:
                found = cf
        if found is not None and (found.ending_changed or found.gate_changes or found.score_change):
            best.append(found)
    best.sort(key=lambda cf: cf.rank_key, reverse=True)
    return best[:top]
