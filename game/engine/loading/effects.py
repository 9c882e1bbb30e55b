"""Effects as written in a scenario (`do:`, `on_enter:`, `later`, `maybe`), checked and built."""
from __future__ import annotations

import zlib
from typing import Any, Optional

from ..kinds import Status
from ..rules import (
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
from .builder import Builder
from .marks import Path
from .names import condition
from .naming import ID, show, suggest

EFFECT_KEYS = ("rule", "friend", "status", "set", "add", "rate", "later", "maybe")


def draw_key(path: Path) -> int:
    """A stable number for a place in the scenario, naming the random draws made there."""
    return zlib.crc32(repr(path).encode("utf-8"))


def delta(b: Builder, value: Any, path: Path, what: str) -> tuple[int, int]:
    """A whole number, or {min: N, max: N}."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**9:
        return value, value
    if isinstance(value, dict):
        low, high = value.get("min"), value.get("max")
        if all(isinstance(v, int) and not isinstance(v, bool) and abs(v) < 10**9 for v in (low, high)):
            b.known_keys(value, ("min", "max"), path, what)
            assert isinstance(low, int) and isinstance(high, int)
            if low > high:
                b.err(path, f"{what}: min {low} is above max {high}")
                return high, low
            return low, high
    b.err(path, f"{what}: a delta must be a whole number or {{min: N, max: N}}, not {show(value)}")
    return 0, 0


def rule_ref(b: Builder, rule_id: Any, path: Path, what: str) -> Optional[Rule]:
    if isinstance(rule_id, str) and rule_id in b.rules:
        return b.rules[rule_id]
    b.err(path, f"{what}: unknown rule {show(rule_id)}{suggest(rule_id, b.rules)}")
    return None


def friend_ref(b: Builder, fid: Any, path: Path, what: str) -> bool:
    if isinstance(fid, str) and fid in b.friends:
        return True
    b.err(path, f"{what}: unknown friend {show(fid)}{suggest(fid, b.friends)}")
    return False


def effects(b: Builder, items: Any, path: Path, what: str) -> tuple[Effect, ...]:
    if items is None:
        return ()
    if not b.expect(items, list, path, f"{what}: effects"):
        return ()
    out = []
    for i, item in enumerate(items):
        effect = one_effect(b, item, path + (i,), what)
        if effect is not None:
            out.append(effect)
    return tuple(out)


def one_effect(b: Builder, item: Any, path: Path, what: str) -> Optional[Effect]:
    if not isinstance(item, dict) or len(item) < 1:
        b.err(path, f"{what}: an effect must be a mapping like {{rule: RULE}}, not {show(item)}")
        return None
    kind = next(iter(item))
    if kind not in EFFECT_KEYS:
        b.err(path + (kind, "<key>"), f"{what}: unknown effect '{kind}'{suggest(kind, EFFECT_KEYS)}")
        return None
    arg = item[kind]
    p = path + (kind,)
    key = draw_key(path)
    if kind == "rule":
        b.known_keys(item, ("rule",), path, what)
        rule = rule_ref(b, arg, p, what)
        return ApplyRule(rule=rule, key=key) if rule else None
    if kind == "friend":
        b.known_keys(item, ("friend", "delta", "rule"), path, what)
        if not friend_ref(b, arg, p, what):
            return None
        rule = None
        if "rule" in item:
            rule = rule_ref(b, item["rule"], path + ("rule",), what)
            if rule is None:
                return None
            low, high = rule.low, rule.high
        elif "delta" not in item:
            b.err(path, f"{what}: a friend effect needs delta: N or rule: RULE")
            return None
        if "delta" in item:
            low, high = delta(b, item["delta"], path + ("delta",), what)
        return FriendDelta(friend=arg, low=low, high=high, key=key, rule=rule)
    if len(item) > 1:
        b.err(path, f"{what}: one effect per list item; put '{list(item)[1]}' on a line of its own")
    if kind == "status":
        if not isinstance(arg, dict) or len(arg) != 1:
            b.err(p, f"{what}: status needs one friend and a status, like {{status: {{mei: muted}}}}")
            return None
        fid, status = next(iter(arg.items()))
        if not friend_ref(b, fid, p, what):
            return None
        if status not in Status.names():
            b.err(p + (fid,), f"{what}: unknown status {show(status)}{suggest(status, Status.names())}"
                              f"; use one of {', '.join(Status.names())}")
            return None
        return SetStatus(friend=fid, status=Status(status))
    if kind in ("set", "add"):
        if isinstance(arg, str) and kind == "set":
            flag_name(b, arg, p, what)
            return SetFlag(name=arg, value=True)
        if isinstance(arg, dict) and len(arg) == 1:
            name, value = next(iter(arg.items()))
            flag_name(b, name, p, what)
            if kind == "add" and (not isinstance(value, int) or isinstance(value, bool)):
                b.err(p + (name,), f"{what}: add needs a whole number, not {show(value)}")
                return None
            if not isinstance(value, (int, bool)) or (not isinstance(value, bool) and abs(value) >= 10**9):
                b.err(p + (name,), f"{what}: a flag holds true, false or a whole number")
                return None
            return SetFlag(name=str(name), value=value, add=(kind == "add"))
        b.err(p, f"{what}: {kind} needs a flag name or {{NAME: N}}, not {show(arg)}")
        return None
    if kind == "rate":
        return rate(b, arg, p, what, key)
    if kind == "later":
        return later(b, arg, p, what)
    return maybe(b, arg, p, what, key)


def rate(b: Builder, arg: Any, p: Path, what: str, key: int) -> Optional[Rate]:
    if not isinstance(arg, dict):
        b.err(p, f"{what}: rate needs {{by: FRIEND, stars: N}}")
        return None
    b.known_keys(arg, ("by", "stars"), p, what)
    by = arg.get("by")
    if not isinstance(by, str) or (by not in b.friends and by not in b.characters):
        b.err(p + ("by",), f"{what}: rate by unknown person {show(by)}"
                           f"{suggest(by, list(b.friends) + list(b.characters))}")
        return None
    low, high = delta(b, arg.get("stars"), p + ("stars",), what)
    if not 1 <= low <= high <= 5:
        b.err(p + ("stars",), f"{what}: stars run from 1 to 5, not {low}-{high}")
        return None
    r = b.ratings
    expected = ((low + high) / 2 - r.neutral) * r.per_star if r else 0.0
    return Rate(by=by, low=low, high=high, key=key, expected=expected)


def later(b: Builder, arg: Any, p: Path, what: str) -> Optional[Later]:
    if not isinstance(arg, dict):
        b.err(p, f"{what}: later needs {{days: N, do: [...]}} or {{scenes: N, do: [...]}}")
        return None
    b.known_keys(arg, ("days", "scenes", "if", "do"), p, what)
    days, scenes = arg.get("days", 0), arg.get("scenes", 0)
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 1000 for v in (days, scenes)) \
            or (days == 0) == (scenes == 0):
        b.err(p, f"{what}: later needs exactly one of days: N or scenes: N (N at least 1)")
        return None
    cond = condition(b, arg.get("if"), p + ("if",), what)
    inner = effects(b, arg.get("do"), p + ("do",), what)
    if not inner:
        b.err(p, f"{what}: later has nothing to do (add do: [...])")
    return Later(days=days, scenes=scenes, condition=cond, effects=inner)


def maybe(b: Builder, arg: Any, p: Path, what: str, key: int) -> Optional[Maybe]:
    if not isinstance(arg, dict):
        b.err(p, f"{what}: maybe needs {{chance: 0.4, do: [...], else: [...]}}")
        return None
    b.known_keys(arg, ("chance", "do", "else"), p, what)
    chance = b.number(arg.get("chance"), p + ("chance",), f"{what}: chance", 0, 1)
    if chance is None:
        return None
    return Maybe(chance=chance, then=effects(b, arg.get("do"), p + ("do",), what),
                 otherwise=effects(b, arg.get("else"), p + ("else",), what), key=key)


def flag_name(b: Builder, name: Any, path: Path, what: str) -> None:
    if not isinstance(name, str) or not ID.match(name):
        b.err(path, f"{what}: {show(name)} is not a valid flag name")
    else:
        b.flags_set.add(name)
