"""What became of each friend: their score's path and its causes, their pull on yours."""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from ..model import Choice
from ..rules import FriendDelta, walk
from ..run import Run
from ..state import FriendChange
from .steering import replay_moments
from .types import Cause, FriendFate


def _direct_friends(choice: Choice) -> set[str]:
    """Friends whose score a choice's own effects change (delayed effects excluded)."""
    return {e.friend for e in walk(choice.effects, into_later=False) if isinstance(e, FriendDelta)}


def friend_fates(run: Run, status_changes: Optional[dict[str, list[tuple[int, str, str]]]] = None
                 ) -> list[FriendFate]:
    sc = run.scenario
    if status_changes is None:
        status_changes = replay_moments(run)[1]
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
