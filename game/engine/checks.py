"""Whole-scenario checks: the scene graph and the string tables."""
from __future__ import annotations

from typing import Any

from .errors import Problem
from .loader import PLACEHOLDER_ROOTS, suggest
from .model import END, Ending, Scene
from .strings import placeholders


def check_graph(b: Any, scenes: dict[str, Scene], start: str, endings: list[Ending]) -> None:
    def at(sid: str, *rest: Any) -> tuple:
        return ("scenes", b.scene_index.get(sid, 0)) + rest

    edges: dict[str, set[str]] = {}
    for sid, scene in scenes.items():
        targets: set[str] = set()
        for j, choice in enumerate(scene.choices):
            branches = choice.next or scene.next
            if not branches:
                if choice.synthetic:
                    b.err(at(sid), f"scene '{sid}' has no choices and no next: it leads nowhere "
                                   f"(add next: SCENE or next: {END})")
                else:
                    b.err(at(sid, "choices", j), f"scene '{sid}': choice '{choice.id}' has no way on "
                                                 f"(add next to the choice or to the scene)")
                continue
            targets.update(br.target for br in branches)
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


def _placeholder_ok(b: Any, name: str) -> bool:
    if name in PLACEHOLDER_ROOTS:
        return True
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "friend":
        return parts[1] in b.friends and parts[2] in ("score", "name")
    if len(parts) == 3 and parts[0] == "gate":
        return parts[1] in [g.id for g in b.gates] and parts[2] in ("at", "gap")
    return False


def check_strings(b: Any, tables: dict[str, dict[str, str]], langs: list[str]) -> None:
    everything = set().union(*tables.values()) if tables else set()
    for sid, (what, path) in b.used_strings.items():
        missing = [lang for lang in langs if sid not in tables.get(lang, {})]
        if missing:
            b.err(path, f"{what}: string '{sid}' is missing in {', '.join(missing)}"
                        f"{suggest(sid, everything) if len(missing) == len(langs) else ''}")
    used = set(b.used_strings)
    # optional strings (results) must be complete once written in any language
    for sid in b.optional_strings:
        have = [lang for lang in langs if sid in tables.get(lang, {})]
        if have and len(have) < len(langs):
            for lang in langs:
                if lang not in have:
                    file, lines = b.string_files[have[0]]
                    line, col = lines[sid]
                    b.problems.append(Problem(file, line, col, f"string '{sid}' is missing in {lang}"))
        if have:
            used.add(sid)
    # a derived id with no owner is most likely a typo in the table
    for lang in langs:
        file, lines = b.string_files.get(lang, ("", {}))
        for sid in tables.get(lang, {}):
            if sid not in used and sid.split(".", 1)[0] in ("scene", "choice", "result", "epilogue"):
                line, col = lines.get(sid, (0, 0))
                b.problems.append(Problem(file, line, col, f"string '{sid}' belongs to nothing in the "
                                                           f"scenario{suggest(sid, used)}"))
    first = langs[0] if langs else None
    for lang in langs:
        file, lines = b.string_files.get(lang, ("", {}))
        for sid, text in tables.get(lang, {}).items():
            names = placeholders(text)
            line, col = lines.get(sid, (0, 0))
            for name in sorted(names):
                if not _placeholder_ok(b, name):
                    b.problems.append(Problem(file, line, col, f"string '{sid}': unknown placeholder "
                                                               f"{{{name}}}"))
            if lang != first and sid in tables.get(first, {}):
                theirs = placeholders(tables[first][sid])
                if names != theirs:
                    b.problems.append(Problem(
                        file, line, col, f"string '{sid}': placeholders differ from {first} "
                                         f"({', '.join(sorted(theirs)) or 'none'} in {first}, "
                                         f"{', '.join(sorted(names)) or 'none'} here)"))
