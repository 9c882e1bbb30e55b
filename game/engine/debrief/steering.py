"""How the system steered the player: at each step, what was open and which option raised the
score most (by the choices' expected score change and their tags)."""
from __future__ import annotations

from collections import defaultdict

from ..errors import RunError
from ..model import Choice
from ..run import Run
from .types import Moment


def stakes(choice: Choice) -> set[str]:
    """The friends and values a choice spends or serves."""
    return {t for t in choice.spends + choice.serves if t != "score"}


def score_key(choice: Choice) -> tuple[float, int]:
    """How much a choice raises the score: its expected change, then its score tags."""
    tag = ("score" in choice.serves) - ("score" in choice.spends)
    return (round(choice.score_hint, 6), tag)


def replay_moments(run: Run) -> tuple[list[Moment], dict[str, list[tuple[int, str, str]]]]:
    """Replay the log once: what was open at each step, and each friend's status changes."""
    sc = run.scenario
    again = Run(sc, run.seed, run.kiosk, lean=True)
    moments: list[Moment] = []
    changes: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for i, cid in enumerate(run.log):
        open_ = again.choices()
        scene = again.scene
        keys = {c.id: score_key(c) for c in open_}
        best = max(keys.values()) if keys else None
        raising = tuple(c.id for c in open_ if keys[c.id] == best) \
            if len(set(keys.values())) > 1 else ()
        at_stake: set[str] = set()
        for c in open_:
            at_stake |= stakes(c)
        moments.append(Moment(i, scene.day, scene.id, cid, tuple(c.id for c in open_), raising,
                              tuple(sorted(at_stake))))
        before = {fid: s.status for fid, s in again.friends.items()}
        again.advance(cid)
        for fid, s in again.friends.items():
            if s.status != before[fid]:
                changes[fid].append((i, cid, s.status))
    if again.score != run.score or again.log != run.log:
        raise RunError("the run does not replay from its log")
    return moments, changes
