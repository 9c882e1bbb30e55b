"""Whole-scenario checks: the scene graph, the string tables, delayed effects that fall after the
week, and endings that can never be chosen."""
from __future__ import annotations

import itertools
from typing import Any, Iterator, Mapping, Optional

from ..conditions import names_and_numbers
from ..errors import Problem
from ..kinds import Status
from ..model import END, Ending, Scene
from ..rules import Effect, Later, walk
from .builder import Builder
from .marks import Path
from .naming import suggest
from .tables import Table, compare_languages

PLACEHOLDER_ROOTS = {"score", "player", "stars", "day"}
DERIVED = ("scene", "choice", "result", "epilogue")
OWN_DEFAULTS = {"choice.continue"}  # the game words these itself when a scenario does not  # string ids that follow from a structure's id


def graph(b: Builder, scenes: Mapping[str, Scene], start: str) -> None:
    def at(sid: str, *rest: Any) -> Path:
        return ("scenes", b.scene_index.get(sid, 0)) + rest

    edges: dict[str, set[str]] = {}
    for sid, scene in scenes.items():
        targets: set[str] = set()
        for j, choice in enumerate(scene.choices):
            way = choice.next or scene.next
            if not way:
                if choice.synthetic:
                    b.err(at(sid), f"scene '{sid}' has no choices and no next: it leads nowhere "
                                   f"(add next: SCENE or next: {END})")
                else:
                    b.err(at(sid, "choices", j), f"scene '{sid}': choice '{choice.id}' has no way on "
                                                 f"(add next to the choice or to the scene)")
                continue
            targets.update(br.target for br in way)
        if scene.kiosk_skip and scene.next:
            targets.update(br.target for br in scene.next)
        if all(c.condition is not None for c in scene.choices) and not scene.choices[0].synthetic:
            b.err(at(sid, "choices"), f"scene '{sid}': every choice has a condition, so a player "
                                      f"can be left with none; give one choice no if")
        edges[sid] = targets
        for t in targets:
            if t != END and t in scenes and scenes[t].day < scene.day:
                b.err(at(sid), f"scene '{sid}' (day {scene.day}) leads back to '{t}' (day {scenes[t].day})")
    if start not in scenes:
        return
    reached, todo = {start}, [start]
    while todo:
        for t in edges.get(todo.pop(), ()):
            if t not in reached:
                reached.add(t)
                if t != END:
                    todo.append(t)
    for sid in scenes:
        if sid not in reached:
            b.err(at(sid), f"scene '{sid}' is never reached from the start scene '{start}'")
    if END not in reached:
        b.err(("start", "scene"), f"no path from '{start}' reaches {END}: the week never ends")


def delayed_effects(b: Builder, scenes: Mapping[str, Scene], last_day: int) -> None:
    """A `later: {days: N}` that comes due after the last day would never happen."""
    for sid, scene in scenes.items():
        i = b.scene_index.get(sid, 0)
        groups: list[tuple[Path, tuple[Effect, ...]]] = [(("scenes", i, "on_enter"), scene.on_enter)]
        groups += [(("scenes", i, "choices", j), c.effects) for j, c in enumerate(scene.choices)]
        for path, effects in groups:
            for effect in walk(effects, into_later=False):
                if isinstance(effect, Later) and effect.days and scene.day + effect.days > last_day:
                    b.err(path, f"scene '{sid}' (day {scene.day}): an effect {effect.days} day"
                                f"{'s' if effect.days != 1 else ''} later falls after the last day "
                                f"(day {last_day}), so it never happens")


FRAME_PLACEHOLDERS = {"frame.claim": {"text"}, "frame.fact": {"text"}}  # what the game fills in


def _placeholder_ok(b: Builder, sid: str, name: str) -> bool:
    if name in PLACEHOLDER_ROOTS or name in FRAME_PLACEHOLDERS.get(sid, ()):
        return True
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "friend":
        return parts[1] in b.friends and parts[2] in ("score", "name")
    if len(parts) == 3 and parts[0] == "gate":
        return parts[1] in b.gate_ids and parts[2] in ("at", "gap")
    return False


def strings(b: Builder, tables: Mapping[str, Table], langs: list[str]) -> None:
    texts = {lang: tables[lang].texts for lang in langs if lang in tables}
    everything: set[str] = set().union(*texts.values()) if texts else set()
    broken = [lang for lang in langs if lang not in tables or not tables[lang].readable]
    for sid, (what, path) in b.used_strings.items():
        missing = [lang for lang in langs if lang not in broken and sid not in texts.get(lang, {})]
        if missing:
            hint = suggest(sid, everything) if len(missing) == len(langs) else ""
            b.err(path, f"{what}: string '{sid}' is missing in {', '.join(missing)}{hint}")
    used = set(b.used_strings)
    # an optional string (a choice's result) must be complete once written in any language
    for sid in b.optional_strings:
        have = [lang for lang in langs if sid in texts.get(lang, {})]
        if have:
            used.add(sid)
            for lang in langs:
                if lang not in have and lang not in broken:
                    line, col = tables[have[0]].lines[sid]
                    b.problems.append(Problem(tables[have[0]].shown, line, col, f"string '{sid}' is missing in {lang}"))
    # a derived id that belongs to nothing is most likely a typo in the table
    for lang in langs:
        t = tables.get(lang)
        for sid in (t.texts if t else {}):
            if sid not in used and sid.split(".", 1)[0] in DERIVED:
                line, col = t.lines[sid] if t else (1, 1)
                b.problems.append(Problem(t.shown if t else "", line, col,
                                          f"string '{sid}' belongs to nothing in the scenario{suggest(sid, used)}"))
    compare_languages(tables, langs, b.problems, known=lambda sid, name: _placeholder_ok(b, sid, name))


# ----- endings that can never be chosen ---------------------------------------------------------
class _Probe:
    """A stand-in for a run whose every value is set by hand: conditions are evaluated on it to
    find a state in which an ending would be chosen."""

    def __init__(self, values: dict[str, Any]):
        self.v = values
        self.score = values.get("score", 0)
        self.day = values.get("day", 1)
        self.stars = values.get("stars", 0)
        self.kiosk = values.get("kiosk", False)
        self.flags = {k[5:]: v for k, v in values.items() if k.startswith("flag.")}
        self.friends = _Friends(values)
        self.chosen = {k[6:] for k, v in values.items() if k.startswith("chose.") and v}
        self.seen = {k[5:] for k, v in values.items() if k.startswith("seen.") and v}
        self.gate_checks = [_Passed(k[7:]) for k, v in values.items() if k.startswith("passed.") and v]
        self.state = self  # what a run's conditions read (names.py): its state's values, here the same

    def sanction_active(self, sanction_id: str) -> bool:
        return bool(self.v.get(f"sanction.{sanction_id}"))


class _Passed:
    def __init__(self, gate: str):
        self.gate, self.passed = gate, True


class _Friend:
    def __init__(self, score: Any, status: Any):
        self.score, self.status = score, status


class _Friends(dict[str, _Friend]):
    def __init__(self, given: dict[str, Any]):
        super().__init__()
        self.given = given

    def __missing__(self, fid: str) -> _Friend:
        return _Friend(self.given.get(f"friend.{fid}.score", 0),
                       self.given.get(f"friend.{fid}.status", Status.FRIEND))


def _candidates(b: Builder, name: str, numbers: list[float]) -> list[Any]:
    near = sorted({x for n in numbers for x in (n - 1, n, n + 1)} | {0})
    if name == "score" or name.startswith("gate."):
        lo, hi = b.score_range
        return sorted({x for x in near if lo <= x <= hi} | {lo, hi} | {g.at for g in b.gates} | {g.at - 1 for g in b.gates})
    if name.endswith(".status"):
        return list(Status.names())
    if name in ("kiosk",) or name.split(".")[0] in ("chose", "seen", "passed", "sanction"):
        return [False, True]
    if name.startswith("flag."):
        return sorted({0, 1} | {x for x in near if x >= 0}) + [True]
    return near


def _assignments(b: Builder, texts: list[str], limit: int = 200_000) -> Optional[Iterator[dict[str, Any]]]:
    names: list[str] = []
    numbers: list[float] = []
    for text in texts:
        n, k = names_and_numbers(text)
        numbers += k
        names += [x for x in n if x not in names]
    keys: list[str] = []
    for name in names:
        key = "score" if name.startswith("gate.") else name
        if key not in keys:
            keys.append(key)
    options = [_candidates(b, k, numbers) for k in keys]
    total = 1
    for o in options:
        total *= len(o)
    if total > limit:
        return None
    return (dict(zip(keys, combo)) for combo in itertools.product(*options))


def endings(b: Builder, built: tuple[Ending, ...], raw: Any) -> None:
    """An ending whose condition never holds, or holds only when an earlier ending's does."""
    items = [e for e in (raw if isinstance(raw, list) else []) if isinstance(e, dict)]
    texts = [e.get("if") if isinstance(e.get("if"), str) else None for e in items]
    if len(items) != len(built):
        return  # broken endings are reported already
    for i, ending in enumerate(built):
        if ending.condition is None or texts[i] is None:
            continue
        states = _assignments(b, [t for t in texts[:i + 1] if t])
        if states is None:
            continue
        holds = chosen = False
        for values in states:
            probe = _Probe(values)
            try:
                if not ending.condition(probe):
                    continue
                holds = True
                if not any(e.condition is not None and e.condition(probe) for e in built[:i]):
                    chosen = True
                    break
            except Exception:  # a value the probe cannot stand in for: give no verdict
                chosen = True
                break
        if not chosen:
            path = ("endings", i, "if")
            if not holds:
                b.err(path, f"ending '{ending.id}' can never be chosen: its condition never holds")
            else:
                earlier = ", ".join(f"'{e.id}'" for e in built[:i] if e.condition is not None)
                b.err(path, f"ending '{ending.id}' can never be chosen: whenever its condition holds, "
                            f"an ending before it ({earlier}) is chosen first")
