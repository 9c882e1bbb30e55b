"""Reading the per-language string tables, remembering each string's line."""
from __future__ import annotations

import os
from typing import Any

from .yamlsrc import YamlProblem, load_marked, mark_of


def load_tables(b: Any, folder: str, langs: list[str], paths: dict) -> dict[str, dict[str, str]]:
    """Load `<lang>.yaml` (or the file `strings:` names) for each language into b.string_files."""
    tables: dict[str, dict[str, str]] = {}
    b.string_files = {}
    for lang in langs:
        name = paths.get(lang, f"{lang}.yaml")
        path = os.path.join(folder, str(name))
        shown = os.path.join(os.path.dirname(b.file), str(name))
        table: dict[str, str] = {}
        lines: dict[str, tuple[int, int]] = {}
        tables[lang] = table
        b.string_files[lang] = (shown, lines)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            b.err(("languages",), f"cannot read the {lang} strings: {exc}")
            continue
        try:
            data, marks = load_marked(text)
        except YamlProblem as exc:
            from .errors import Problem
            b.problems.append(Problem(shown, exc.line, exc.column, exc.message))
            continue
        if data is None:
            data = {}
        if not isinstance(data, dict):
            from .errors import Problem
            b.problems.append(Problem(shown, 1, 1, "a string table must map ids to text"))
            continue
        _flatten(b, data, (), "", table, lines, marks, shown)
    return tables


def _flatten(b: Any, data: dict, path: tuple, prefix: str, table: dict, lines: dict,
             marks: dict, shown: str) -> None:
    from .errors import Problem
    for key, value in data.items():
        full = f"{prefix}{key}"
        p = path + (key,)
        if isinstance(value, dict):
            _flatten(b, value, p, full + ".", table, lines, marks, shown)
            continue
        line, col = mark_of(marks, p)
        if full in table:
            b.problems.append(Problem(shown, line, col, f"duplicate string id '{full}'"))
            continue
        if not isinstance(value, str):
            b.problems.append(Problem(shown, line, col, f"string '{full}' must be text, not {value!r} "
                                                        "(quote it)"))
            continue
        if not value.strip():
            b.problems.append(Problem(shown, line, col, f"string '{full}' is empty"))
        table[full] = value
        lines[full] = (line, col)
