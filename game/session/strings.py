"""The game's own strings (menus, labels, the text mode's lines, the debrief's sentences), read
with the same reader as a scenario's strings and checked the same way (`scored validate`).

They live in game/locale/: `<part>.<lang>.yaml` and `<lang>.yaml`, merged per language. Which
languages the game offers is what those files hold, each named in its own words by its
`_language: {name: ...}` entry; nothing in the code lists them.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..engine.catalogue import Catalogue, Plural, Text
from ..engine.errors import Problem
from ..engine.loading import cache
from ..paths import LOCALE

if TYPE_CHECKING:
    from ..engine.loading.tables import Table

CODE = r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?"  # a language code: de, pt-BR, en-XA
FILE = re.compile(rf"^(?:[a-z_]+\.)?({CODE})\.yaml$")
REFERENCE = "en"  # the language every other is compared with
MISSING: set[tuple[str, str]] = set()  # (lang, id) asked for but not found: tests check it

_lock = threading.Lock()
_catalogue: Optional[Catalogue] = None
_problems: list[Problem] = []


def _files(folder: Path) -> dict[str, list[Path]]:
    """Each language's files in a locale folder, by the language code in their names."""
    out: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.yaml")):
        m = FILE.match(path.name)
        if m:
            out.setdefault(m.group(1), []).append(path)
    return out


def read_locale(folder: Path) -> tuple[dict[str, "Table"], list[Problem]]:
    """One merged table per language; a duplicate id across a language's files is a problem."""
    from ..engine.loading.tables import (  # the YAML reader: not when the cache has them
        Table,
        read_table,
    )
    problems: list[Problem] = []
    merged: dict[str, Table] = {}
    for lang, paths in _files(folder).items():
        table = merged[lang] = Table(f"game/locale/*{lang}.yaml")
        for path in paths:
            part = read_table(str(path), f"game/locale/{path.name}", problems)
            table.readable = table.readable or part.readable
            table.meta.update(part.meta)
            for sid, text in part.texts.items():
                if sid in table.texts:
                    line, col = part.lines[sid]
                    problems.append(Problem(part.shown, line, col, f"duplicate string id '{sid}' (also in "
                                                                   f"another {lang} file)"))
                    continue
                table.texts[sid] = text
                table.lines[sid] = part.lines[sid]
            if not table.lines:
                table.shown = part.shown
    return merged, problems


def check_ui_strings(folder: Path = LOCALE) -> list[Problem]:
    """Every problem of the game's own strings: unreadable files, ids missing in a language,
    placeholders that differ, plural forms missing."""
    from ..engine.loading.tables import compare_languages
    tables, problems = read_locale(folder)
    langs = [REFERENCE] + sorted(lang for lang in tables if lang != REFERENCE)
    for lang, table in tables.items():
        if "name" not in table.meta:
            problems.append(Problem(table.shown, 1, 1, f"the {lang} strings need _language: {{name: ...}}, the "
                                                       f"language's name in its own words"))
    compare_languages(tables, [lang for lang in langs if lang in tables], problems, complete=True)
    return problems


def catalogue() -> Catalogue:
    """The game's own strings, read once (any thread may ask first)."""
    global _catalogue
    if _catalogue is None:
        with _lock:
            if _catalogue is None:
                _catalogue = _read_catalogue(LOCALE)
    return _catalogue


def _locale_key(folder: Path) -> str:
    """The parse cache's key for the language files in `folder` ("" when they cannot be read:
    read_locale reports it)."""
    files = sorted((p.name, p) for paths in _files(folder).values() for p in paths)
    try:
        texts = [f"{name}\0{path.read_text(encoding='utf-8-sig')}" for name, path in files]
    except (OSError, UnicodeDecodeError):
        return ""
    return cache.key("locale", *texts) if texts else ""


def _read_catalogue(folder: Path) -> Catalogue:
    """The merged tables as a catalogue: from the cache when the files are as they were (the
    title needs them before anything else; parsing them takes longer than the rest of its frame)."""
    k = _locale_key(folder) if cache.folder() else ""
    kept = _from_plain(cache.get(k)) if k else None
    if kept is not None:
        tables, meta, _problems[:] = kept
        return Catalogue(tables, REFERENCE, meta)
    merged, problems = read_locale(folder)
    _problems[:] = problems
    tables = {lang: t.texts for lang, t in merged.items()}
    meta = {lang: t.meta for lang, t in merged.items()}
    if k:
        cache.put(k, _to_plain(tables, meta, problems))
    return Catalogue(tables, REFERENCE, meta)


def _to_plain(tables: dict[str, dict[str, Text]], meta: dict[str, dict[str, Any]],
              problems: list[Problem]) -> Any:
    """Plain data for the cache: a plural as [count, forms]."""
    return ({lang: {sid: (t.count, dict(t.forms)) if isinstance(t, Plural) else t for sid, t in texts.items()}
             for lang, texts in tables.items()}, meta,
            [(p.file, p.line, p.column, p.message) for p in problems])


def _from_plain(kept: Any) -> Optional[tuple[dict[str, dict[str, Text]], dict[str, dict[str, Any]], list[Problem]]]:
    """What _to_plain wrote, or None when it is not that."""
    try:
        plain, meta, problems = kept
        tables = {str(lang): {str(sid): Plural(str(t[0]), dict(t[1])) if isinstance(t, list) else str(t)
                              for sid, t in texts.items()} for lang, texts in plain.items()}
        if not (isinstance(meta, dict) and all(isinstance(m, dict) for m in meta.values())):
            return None
        return tables, meta, [Problem(str(f), int(line), int(col), str(msg)) for f, line, col, msg in problems]
    except (TypeError, ValueError, AttributeError, IndexError):
        return None


def use_catalogue(replacement: Catalogue) -> None:
    """Put another catalogue in place of the game's strings (the pseudo-language)."""
    global _catalogue
    with _lock:
        _catalogue = replacement


def languages() -> dict[str, str]:
    """The languages the game speaks, code to own name, the reference language first."""
    c = catalogue()
    codes = [REFERENCE] + sorted(lang for lang in c.languages if lang != REFERENCE)
    return {code: c.language_name(code) for code in codes if code in c.languages}


def offered(scenario_languages: Any) -> dict[str, str]:
    """The languages a player may choose for a week: those both the game and the week speak (a
    week in a language the game lacks, or the reverse, would mix two), code to own name."""
    every = languages()
    return {code: name for code, name in every.items() if code in tuple(scenario_languages)} or every


def ui(string_id: str, lang: str, **values: Any) -> str:
    """A string of the game's own by id, its plural form and placeholders filled from `values`;
    the reference language's text when a language lacks it."""
    c = catalogue()
    if not c.has(string_id, lang):
        MISSING.add((lang, string_id))
    return c.get(string_id, lang, values)

