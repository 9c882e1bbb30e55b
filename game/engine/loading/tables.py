"""String tables, the scenario's and the game's own alike: one reader and one set of checks.

A table maps ids to texts; nested mappings join their keys with dots, except a plural (a mapping
of plural categories, see catalogue.py) and the table's `_language` entry (its name and plural
rule)."""
from __future__ import annotations

import os
from typing import Any, Callable, Mapping, Optional

from ..catalogue import (
    CATEGORIES,
    DECIMAL_SIGNS,
    GROUP_SIGNS,
    META,
    Plural,
    Text,
    is_plural,
    placeholders,
    plural_rule,
)
from ..conditions import ConditionError
from ..errors import Problem
from .marks import Marks, Path, YamlProblem, load_marked, mark_of
from .naming import ID, show

Lines = dict[str, tuple[int, int]]
MAX_TABLE_BYTES = 2_000_000


class Table:
    """One language file: its texts by id, where each stands, and what it says of its language."""

    def __init__(self, shown: str):
        self.shown = shown
        self.texts: dict[str, Text] = {}
        self.meta: dict[str, Any] = {}
        self.readable = False
        self._marks: Optional[Marks] = None  # read_table's, once the file is parsed
        self._paths: dict[str, Path] = {}  # each text's path in the file, for its line
        self._lines: Optional[Lines] = None

    @property
    def lines(self) -> Lines:
        """Where each text stands, found when first asked for (only a problem needs it: read back
        from the cache, the marks are found by parsing the file again)."""
        if self._lines is None:
            marks = self._marks or {}
            self._lines = {sid: mark_of(marks, path) for sid, path in self._paths.items()}
        return self._lines


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
    table._marks = marks
    meta = data.pop(META, None)
    if meta is not None:
        _meta(table, meta, marks, problems)
    _flatten(table, data, (), "", marks, problems)
    return table


def _meta(table: Table, meta: Any, marks: Marks, problems: list[Problem]) -> None:
    if not isinstance(meta, dict):
        problems.append(Problem(table.shown, *mark_of(marks, (META,)),
                                f"{META} must be a mapping such as {{name: English}}"))
        return
    for key, value in meta.items():
        if key == "name" and isinstance(value, str) and value.strip():
            table.meta["name"] = value
        elif key == "plural" and isinstance(value, dict):
            try:
                plural_rule({str(k): str(v) for k, v in value.items()})
                table.meta["plural"] = {str(k): str(v) for k, v in value.items()}
            except ConditionError as exc:
                problems.append(Problem(table.shown, *mark_of(marks, (META, key)), f"{META}.plural: {exc}"))
        elif key == "fuzzy" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            table.meta["fuzzy"] = list(value)  # translated, to be looked at (`scored validate` names them)
        elif key == "decimal" and value in DECIMAL_SIGNS:
            table.meta["decimal"] = value  # how a number with a fraction is written: 4,5 in German
        elif key == "group" and value in GROUP_SIGNS:
            table.meta["group"] = value  # between a count's groups of digits: 12.480 in German
        else:
            problems.append(Problem(table.shown, *mark_of(marks, (META, key)),
                                    f"{META}: '{key}' must be name: TEXT, plural: {{one: \"n == 1\"}}, "
                                    f"decimal: \",\" (or \".\"), group: \".\" (or \",\", \"'\", a no-break "
                                    f"space) or fuzzy: [IDS]"))


def _flatten(table: Table, data: dict[Any, Any], path: Path, prefix: str, marks: Marks,
             problems: list[Problem]) -> None:
    """The texts of `data` under their dotted ids. A mark is looked up only for a problem."""
    texts, paths = table.texts, table._paths
    for key, value in data.items():
        full = f"{prefix}{key}"
        p = path + (key,)
        if type(key) is str and type(value) is str and value.strip() and full not in texts:
            texts[full] = value  # most entries: a text under a text id, checked at once
            paths[full] = p
            continue
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            problems.append(Problem(table.shown, *mark_of(marks, p + ("<key>",)),
                                    f"the id {full!r} is read as {key!r}, not as text: quote it (\"{str(key).lower()}\")"))
            continue
        if isinstance(value, dict) and not is_plural(value):
            _flatten(table, value, p, full + ".", marks, problems)
            continue
        if full in table.texts:
            problems.append(Problem(table.shown, *mark_of(marks, p), f"duplicate string id '{full}'"))
            continue
        text: Text
        if isinstance(value, dict):
            plural = _plural(table, full, value, marks, p, problems)
            if plural is None:
                continue
            text = plural
        elif not isinstance(value, str):
            problems.append(Problem(table.shown, *mark_of(marks, p),
                                    f"string '{full}' must be text, not {value!r} (quote it)"))
            continue
        else:
            text = value
            if not value.strip():
                problems.append(Problem(table.shown, *mark_of(marks, p), f"string '{full}' is empty"))
        table.texts[full] = text
        table._paths[full] = p


def _plural(table: Table, full: str, value: dict[str, Any], marks: Marks, path: Path,
            problems: list[Problem]) -> Optional[Plural]:
    def problem(message: str) -> None:
        problems.append(Problem(table.shown, *mark_of(marks, path), f"string '{full}': {message}"))

    count = value.get("count", "n")
    forms = {k: v for k, v in value.items() if k != "count"}
    if not isinstance(count, str) or not ID.match(count):
        problem(f"count must name a placeholder, not {show(count)}")
        return None
    for k, v in forms.items():
        if not isinstance(v, str) or not v.strip():
            problem(f"the '{k}' form must be text")
            return None
    text = Plural(count, forms)
    if count not in placeholders(text):
        problem(f"a plural counts {{{count}}}, which none of its forms shows")
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
    first_names = {sid: placeholders(text) for sid, text in first.texts.items()} if first is not None else {}
    for lang in langs:
        t = tables.get(lang)
        if t is None or not t.readable:
            continue
        if complete:
            for sid in sorted(everything - set(t.texts)):
                owner = next(tables[o] for o in langs if o in tables and sid in tables[o].texts)
                line, col = owner.lines[sid]
                problems.append(Problem(owner.shown, line, col, f"string '{sid}' is missing in {lang} ({t.shown})"))
        firsts = first_names if first is not None and t is not first else None
        for sid, text in t.texts.items():
            names = first_names[sid] if t is first else placeholders(text)
            if known is not None:
                for name in sorted(names):
                    if not known(sid, name):
                        problems.append(Problem(t.shown, *t.lines[sid], f"string '{sid}': unknown placeholder {{{name}}}"))
            if isinstance(text, Plural):
                if "other" not in text.forms:
                    problems.append(Problem(t.shown, *t.lines[sid], f"string '{sid}': a plural needs an 'other' form"))
                cats = plural_rule(t.meta.get("plural") or (("one", "n == 1"),))
                needed = {cats(n) for n in (0, 1, 2, 3, 5, 11, 21, 101, 0.5)}
                for c in sorted(needed - set(text.forms), key=CATEGORIES.index):
                    problems.append(Problem(t.shown, *t.lines[sid], f"string '{sid}': {lang} needs the plural form "
                                                                     f"'{c}' too"))
            if firsts is not None and sid in firsts:
                theirs = firsts[sid]
                if names != theirs:
                    problems.append(Problem(
                        t.shown, *t.lines[sid], f"string '{sid}': placeholders differ from {langs[0]} "
                                                f"({', '.join(sorted(theirs)) or 'none'} in {langs[0]}, "
                                                f"{', '.join(sorted(names)) or 'none'} here)"))
