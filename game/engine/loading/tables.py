"""String tables, the scenario's and the game's own alike: one reader and one set of checks.

A table maps ids to texts; nested mappings join their keys with dots, except a plural (a mapping
of plural categories, see catalogue.py) and the table's `_language` entry (its name and plural
rule)."""
from __future__ import annotations

import os
from typing import Any, Callable, Mapping, Optional

from ..catalogue import (
    CATEGORIES,
    META,
    Plural,
    Text,
    is_plural,
    placeholders,
    plural_rule,
)
from ..conditions import ConditionError
from ..errors import Problem
from .marks import Marks, YamlProblem, load_marked, mark_of
from .naming import ID, show

Lines = dict[str, tuple[int, int]]
MAX_TABLE_BYTES = 2_000_000


class Table:
    """One language file: its texts by id, where each stands, and what it says of its language."""

    def __init__(self, shown: str):
        self.shown = shown
        self.texts: dict[str, Text] = {}
        self.lines: Lines = {}
        self.meta: dict[str, Any] = {}
        self.readable = False


def read_table(path: str, shown: str, problems: list[Problem]) -> Table:
    """Read a language file, reporting every problem (a duplicate id once) and keeping the rest."""
    table = Table(shown)
    try:
        if os.path.getsize(path) > MAX_TABLE_BYTES:
            problems.append(Problem(shown, 1, 1, f"the file is larger than {MAX_TABLE_BYTES // 1000} KB"))
            return table
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, 1, 1, f"cannot read the strings: {exc.__class__.__name__}: {exc}"))
        return table
    yaml_problems: list[YamlProblem] = []
    try:
        data, marks = load_marked(text, yaml_problems)
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.line, exc.column, exc.message))
        return table
    for p in yaml_problems:
        problems.append(Problem(shown, p.line, p.column, p.message))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, 1, "a string table must map ids to text"))
        return table
    table.readable = True
    meta = data.pop(META, None)
    if meta is not None:
        _meta(table, meta, marks, problems)
    _flatten(table, data, (), "", marks, problems)
    return table


def _meta(table: Table, meta: Any, marks: Marks, problems: list[Problem]) -> None:
    line, col = mark_of(marks, (META,))
    if not isinstance(meta, dict):
        problems.append(Problem(table.shown, line, col, f"{META} must be a mapping such as {{name: English}}"))
        return
    for key, value in meta.items():
        kline, kcol = mark_of(marks, (META, key))
        if key == "name" and isinstance(value, str) and value.strip():
            table.meta["name"] = value
        elif key == "plural" and isinstance(value, dict):
            try:
                plural_rule({str(k): str(v) for k, v in value.items()})
                table.meta["plural"] = {str(k): str(v) for k, v in value.items()}
            except ConditionError as exc:
                problems.append(Problem(table.shown, kline, kcol, f"{META}.plural: {exc}"))
        elif key == "fuzzy" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            table.meta["fuzzy"] = list(value)  # translated, to be looked at (`scored validate` names them)
        else:
            problems.append(Problem(table.shown, kline, kcol, f"{META}: '{key}' must be name: TEXT, "
                                                                f"plural: {{one: \"n == 1\"}} or fuzzy: [IDS]"))


def _flatten(table: Table, data: dict[Any, Any], path: tuple[Any, ...], prefix: str, marks: Marks,
             problems: list[Problem]) -> None:
    for key, value in data.items():
        full = f"{prefix}{key}"
        p = path + (key,)
        line, col = mark_of(marks, p)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            problems.append(Problem(table.shown, *mark_of(marks, p + ("<key>",)),
                                    f"the id {full!r} is read as {key!r}, not as text: quote it (\"{str(key).lower()}\")"))
            continue
        if isinstance(value, dict) and not is_plural(value):
            _flatten(table, value, p, full + ".", marks, problems)
            continue
        if full in table.texts:
            problems.append(Problem(table.shown, line, col, f"duplicate string id '{full}'"))
            continue
        text: Text
        if isinstance(value, dict):
            plural = _plural(table, full, value, line, col, problems)
            if plural is None:
                continue
            text = plural
        elif not isinstance(value, str):
            problems.append(Problem(table.shown, line, col, f"string '{full}' must be text, not {value!r} (quote it)"))
            continue
        else:
            text = value
            if not value.strip():
                problems.append(Problem(table.shown, line, col, f"string '{full}' is empty"))
        table.texts[full] = text
        table.lines[full] = (line, col)


def _plural(table: Table, full: str, value: dict[str, Any], line: int, col: int,
            problems: list[Problem]) -> Optional[Plural]:
    count = value.get("count", "n")
    forms = {k: v for k, v in value.items() if k != "count"}
    if not isinstance(count, str) or not ID.match(count):
        problems.append(Problem(table.shown, line, col, f"string '{full}': count must name a placeholder, "
                                                        f"not {show(count)}"))
        return None
    for k, v in forms.items():
        if not isinstance(v, str) or not v.strip():
            problems.append(Problem(table.shown, line, col, f"string '{full}': the '{k}' form must be text"))
            return None
    text = Plural(count, forms)
    if count not in placeholders(text):
        problems.append(Problem(table.shown, line, col, f"string '{full}': a plural counts {{{count}}}, "
                                                        f"which none of its forms shows"))
    return text


def compare_languages(tables: Mapping[str, Table], langs: list[str], problems: list[Problem],
                      known: Optional[Callable[[str, str], bool]] = None, complete: bool = False) -> None:
    """Placeholders: known (when a test of (id, name) is given) and the same in every language as in
    the first.
    With `complete`, every id of any language must exist in all of them."""
    if not langs:
        return
    first = tables.get(langs[0])
    everything: set[str] = set()
    for lang in langs:
        if lang in tables:
            everything |= set(tables[lang].texts)
    for lang in langs:
        t = tables.get(lang)
        if t is None or not t.readable:
            continue
        if complete:
            for sid in sorted(everything - set(t.texts)):
                owner = next(tables[o] for o in langs if o in tables and sid in tables[o].texts)
                line, col = owner.lines[sid]
                problems.append(Problem(owner.shown, line, col, f"string '{sid}' is missing in {lang} ({t.shown})"))
        for sid, text in t.texts.items():
            line, col = t.lines[sid]
            names = placeholders(text)
            if known is not None:
                for name in sorted(names):
                    if not known(sid, name):
                        problems.append(Problem(t.shown, line, col, f"string '{sid}': unknown placeholder {{{name}}}"))
            if isinstance(text, Plural):
                missing = [c for c in ("other",) if c not in text.forms]
                if missing:
                    problems.append(Problem(t.shown, line, col, f"string '{sid}': a plural needs an 'other' form"))
                cats = plural_rule(t.meta.get("plural") or (("one", "n == 1"),))
                needed = {cats(n) for n in (0, 1, 2, 3, 5, 11, 21, 101, 0.5)}
                for c in sorted(needed - set(text.forms), key=CATEGORIES.index):
                    problems.append(Problem(t.shown, line, col, f"string '{sid}': {lang} needs the plural form "
                                                                f"'{c}' too"))
            if first is not None and t is not first and sid in first.texts:
                theirs = placeholders(first.texts[sid])
                if names != theirs:
                    problems.append(Problem(
                        t.shown, line, col, f"string '{sid}': placeholders differ from {langs[0]} "
                                            f"({', '.join(sorted(theirs)) or 'none'} in {langs[0]}, "
                                            f"{', '.join(sorted(names)) or 'none'} here)"))
