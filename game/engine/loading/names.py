"""Conditions in a scenario: the names they may use, resolved against what the scenario holds,
each with its kind so that a comparison that can never hold is reported at load time."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..conditions import BOOL, NUMBER, TEXT, ConditionError, Name, compile_condition
from ..errors import Problem
from ..kinds import Status
from .builder import Builder
from .marks import Path, mark_of
from .naming import show, suggest

NAMES = ["score", "day", "stars", "kiosk", "flag.", "gate.", "passed.", "sanction.", "friend.", "chose.", "seen."]


def resolver(b: Builder, path: Path) -> Callable[[str], Name]:
    def resolve(name: str) -> Name:
        if name == "score":
            return Name(lambda r: r.state.score, NUMBER)
        if name == "day":
            return Name(lambda r: r.state.day, NUMBER)
        if name == "stars":
            return Name(lambda r: r.stars, NUMBER)
        if name == "kiosk":
            return Name(lambda r: r.state.kiosk, BOOL)
        head, _, rest = name.partition(".")
        if head == "flag" and rest:
            b.flags_read.setdefault(rest, path)
            return Name(lambda r: r.state.flags.get(rest, 0))
        if head == "gate":
            gate = next((g for g in b.gates if g.id == rest), None)
            if gate is None:
                raise ConditionError(f"unknown gate '{rest}'{suggest(rest, b.gate_ids)}")
            at = gate.at
            return Name(lambda r: r.state.score >= at, BOOL)
        if head == "passed":
            if rest not in b.gate_ids:
                raise ConditionError(f"unknown gate '{rest}'{suggest(rest, b.gate_ids)}")
            return Name(lambda r: any(c.passed and c.gate == rest for c in r.state.gate_checks), BOOL)
        if head == "sanction":
            if rest not in b.sanction_ids:
                raise ConditionError(f"unknown sanction '{rest}'{suggest(rest, b.sanction_ids)}")
            return Name(lambda r: r.sanction_active(rest), BOOL)
        if head == "friend":
            fid, _, part = rest.partition(".")
            if fid not in b.friends:
                raise ConditionError(f"unknown friend '{fid}'{suggest(fid, b.friends)}")
            if part == "score":
                return Name(lambda r: r.state.friends[fid].score, NUMBER)
            if part == "status":
                return Name(lambda r: r.state.friends[fid].status, TEXT, Status.names())
            raise ConditionError(f"'{name}': a friend has .score and .status")
        if head == "chose":
            if rest not in b.choice_ids:
                raise ConditionError(f"unknown choice '{rest}'{suggest(rest, b.choice_ids)}")
            return Name(lambda r: rest in r.state.chosen, BOOL)
        if head == "seen":
            if rest not in b.scene_ids:
                raise ConditionError(f"unknown scene '{rest}'{suggest(rest, b.scene_ids)}")
            return Name(lambda r: rest in r.state.seen, BOOL)
        hint = suggest(head + "." if rest else name, NAMES)
        raise ConditionError(f"unknown name '{name}'{hint}")
    return resolve


def condition(b: Builder, text: Any, path: Path, what: str) -> Optional[Callable[[Any], Any]]:
    """A compiled condition, or None (absent, or reported as a problem)."""
    if text is None:
        return None
    if not isinstance(text, str):
        b.err(path, f"{what}: a condition must be quoted text, not {show(text)}")
        return None
    try:
        return compile_condition(text, resolver(b, path))
    except ConditionError as exc:
        line, col = mark_of(b.marks, path)
        # point into the condition when it sits on the line of its key
        b.problems.append(Problem(b.file, line, col + max(0, exc.column - 1) if exc.column else col,
                                  f"{what}: condition \"{text}\": {exc}"))
        return None
