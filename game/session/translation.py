"""The translator's path: the game's own strings and a week's strings as one gettext PO file
(`scored strings export LANG`), and a translated PO file written back into the language's YAML
tables (`scored strings import FILE.po`). PO files are what translators' tools (Poedit, Weblate,
Lokalize, OmegaT) open; Babel reads and writes them.

Each string is one message: msgctxt its id, msgid the reference (English) text, a comment saying
where it appears and which placeholders it must keep; a plural is msgid/msgid_plural with a form
per plural category of the language. Strings marked fuzzy (needing a look) are imported, and
listed under `_language: {fuzzy: [...]}` so `scored validate` names them.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from babel.numbers import get_decimal_symbol, get_group_symbol

from .. import __version__
from ..engine.catalogue import (
    CATEGORIES,
    DECIMAL_SIGNS,
    GROUP_SIGNS,
    META,
    Plural,
    Text,
    placeholders,
)
from ..engine.errors import Problem
from ..engine.loading.tables import Table, read_table
from ..engine.saves import write_text_atomic
from ..paths import LOCALE
from .strings import FILE, REFERENCE, read_locale

# where a string appears, by its table and the first part of its id (said to the translator)
WHERE = {
    "choice": "a choice the player taps (a short button)", "result": "what follows a choice",
    "scene": "a scene's text", "quiz": "the check before and after the week",
    "verdict": "the debrief, rule by rule: what was real", "myth": "the debrief: a myth and the facts",
    "home": "the debrief: cases closer to home", "rule": "why the score changed",
    "reason": "why the score changed (as the system says it)", "epilogue": "the ending: what became of a friend",
    "ending": "an ending of the week", "name": "a person's name", "place": "a place's name (a heading)",
    "tier": "the name of a score tier", "gate": "a privilege and its threshold",
    "sanction": "a sanction", "question": "a question to discuss", "post": "a friend's post in the feed",
    "feeling": "a word for how the week felt (a button)", "day_short": "a weekday, abbreviated under a chart",
    "classroom": "the classroom's web pages", "debrief": "the debrief's own sentences",
    "settings": "the settings screen", "kiosk": "the museum kiosk's screens", "text": "the text mode",
    "title": "the title screen", "hud": "the score bar at the top of the window",
}


@dataclass
class Source:
    """One reference table: its file, where the translation goes, its texts and lines."""
    shown: str  # as the PO file names it, e.g. game/locale/ui.en.yaml
    path: Path
    target: Path  # the same file for the language being translated
    table: Table


@dataclass
class Imported:
    lang: str = ""
    written: list[Path] = field(default_factory=list)
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    unknown: list[str] = field(default_factory=list)  # ids the PO has and no reference table


def _target(path: Path, lang: str) -> Path:
    """ui.en.yaml -> ui.de.yaml; en.yaml -> de.yaml."""
    m = FILE.match(path.name)
    assert m is not None, path
    return path.with_name(path.name[:m.start(1)] + lang + path.name[m.end(1):])


def sources(scenario_dir: Optional[Path], lang: str) -> list[Source]:
    """The reference tables, the game's own first, then the week's."""
    problems: list[Problem] = []
    out = []
    for path in sorted(LOCALE.glob(f"*{REFERENCE}.yaml")):
        m = FILE.match(path.name)
        if m and m.group(1) == REFERENCE:
            shown = f"game/locale/{path.name}"
            out.append(Source(shown, path, _target(path, lang), read_table(str(path), shown, problems)))
    if scenario_dir is not None:
        path = scenario_dir / f"{REFERENCE}.yaml"
        shown = f"scenarios/{scenario_dir.name}/{path.name}"
        out.append(Source(shown, path, _target(path, lang), read_table(str(path), shown, problems)))
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return out


def locale_of(lang: str) -> Optional[Locale]:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def plural_tags(lang: str) -> list[str]:
    """The language's plural categories in the order PO files number their forms."""
    loc = locale_of(lang)
    tags = set(loc.plural_form.tags) | {"other"} if loc is not None else {"one", "other"}
    return [c for c in CATEGORIES if c in tags]


def decimal_sign(lang: str) -> str:
    """The sign before a number's fraction in `lang`, as `_language: {decimal: ...}` may say it."""
    loc = locale_of(lang)
    sign = get_decimal_symbol(loc) if loc is not None else "."
    return sign if sign in DECIMAL_SIGNS else "."


def group_sign(lang: str) -> str:
    """The sign between a count's groups of digits in `lang`, as `_language: {group: ...}` may say
    it: a space (French) is one that holds the number together."""
    loc = locale_of(lang)
    sign = get_group_symbol(loc) if loc is not None else ","
    sign = {" ": "\u00a0", "\u202f": "\u00a0", "\u2019": "'"}.get(sign, sign)
    return sign if sign in GROUP_SIGNS else ","


def _table(path: Path) -> Table:
    problems: list[Problem] = []
    return read_table(str(path), path.name, problems) if path.exists() else Table(path.name)


def _comment(sid: str, text: Text, shown: str) -> list[str]:
    kind = sid.split(".")[0]
    where = WHERE.get(kind) or ("the window and the text mode" if shown.startswith("game/") else "the week")
    notes = [f"Where: {where}."]
    names = sorted(placeholders(text))
    if names:
        notes.append("Keep as they are: " + ", ".join("{" + n + "}" for n in names) + ".")
    if isinstance(text, Plural):
        notes.append(f"The number {{{text.count}}} picks the form.")
    return notes


def export(lang: str, scenario_dir: Optional[Path]) -> str:
    """The PO file for `lang`: every reference string, with the language's translation where it has one."""
    loc = locale_of(lang)
    catalog = Catalog(locale=loc, project="Scored", version=__version__, fuzzy=False, header_comment=(
        f"# Scored: the game's own strings and the week's, for translating into {lang}.\n"
        "# msgctxt is the string's id; keep every {placeholder} as it is."))
    for src in sources(scenario_dir, lang):
        have = _table(src.target)
        fuzzy = set(have.meta.get("fuzzy") or ())
        for sid, text in src.table.texts.items():
            line = src.table.lines.get(sid, (0, 0))[0]
            theirs = have.texts.get(sid)
            if isinstance(text, Plural):
                tags = plural_tags(lang)
                forms = theirs.forms if isinstance(theirs, Plural) else {}
                string: Union[str, tuple[str, ...]] = tuple(forms.get(t, "") for t in tags) if forms else ("",) * len(tags)
                msgid: Union[str, tuple[str, str]] = (text.forms.get("one", text.other), text.other)
            else:
                string = theirs if isinstance(theirs, str) else ""
                msgid = text
            flags = ["python-brace-format"] if placeholders(text) else []
            if sid in fuzzy and string:
                flags.append("fuzzy")
            catalog.add(msgid, string, locations=[(src.shown, line)], flags=flags,
                        auto_comments=_comment(sid, text, src.shown), context=sid)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, sort_output=False, include_previous=False)
    return buf.getvalue().decode("utf-8")


def _nest(reference: Any, texts: dict[str, Any], prefix: str = "") -> dict[Any, Any]:
    """The reference file's shape, with the translated texts in it (ids without one left out)."""
    out: dict[Any, Any] = {}
    for key, value in reference.items():
        full = f"{prefix}{key}"
        if key == META and not prefix:
            continue
        if isinstance(value, dict) and not ("other" in value and set(value) <= set(CATEGORIES) | {"count"}):
            inner = _nest(value, texts, full + ".")
            if inner:
                out[key] = inner
        elif full in texts:
            out[key] = texts[full]
    return out


def _meta(lang: str, have: Table, fuzzy: list[str], base: bool) -> dict[str, Any]:
    meta: dict[str, Any] = dict(have.meta)
    if base and "name" not in meta:
        loc = locale_of(lang)
        name = loc.get_display_name(loc) if loc is not None else lang
        meta["name"] = (name or lang)[:1].upper() + (name or lang)[1:]
        if set(plural_tags(lang)) == {"one", "other"}:
            meta["plural"] = {"one": "n == 1"}
    if "decimal" not in meta:  # a number's fraction as the language writes it (CLDR): 4,5 in French
        sign = decimal_sign(lang)
        if sign != ".":
            meta["decimal"] = sign
    if "group" not in meta:  # between a count's groups of digits (CLDR): 12.480 in German
        sign = group_sign(lang)
        if sign != ",":
            meta["group"] = sign
    meta.pop("fuzzy", None)
    if fuzzy:
        meta["fuzzy"] = sorted(fuzzy)
    return meta


def import_po(po_text: Union[str, bytes], scenario_dir: Optional[Path], lang: Optional[str] = None) -> Imported:
    """Write a translated PO file back into the language's tables, beside the reference ones."""
    data = po_text.encode("utf-8") if isinstance(po_text, str) else po_text
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except PoFileError as exc:
        raise ValueError(f"it is not a readable PO file ({exc})") from None
    lang = lang or (str(catalog.locale_identifier or "").replace("_", "-") if catalog.locale_identifier else "")
    if not lang:
        raise ValueError("the PO file names no language (its Language header, such as Language: de)")
    if lang == REFERENCE:
        raise ValueError(f"{REFERENCE} is the reference language: edit its YAML files directly")
    found = {src.shown: src for src in sources(scenario_dir, lang)}
    tags = plural_tags(lang)
    result = Imported(lang)
    per_file: dict[str, dict[str, Any]] = {shown: {} for shown in found}
    fuzzy: dict[str, list[str]] = {shown: [] for shown in found}
    for message in catalog:
        sid = message.context
        if not message.id or not sid:
            continue  # the header
        shown = next((loc[0] for loc in message.locations if loc[0] in found), None)
        if shown is None:
            shown = next((s for s, src in found.items() if sid in src.table.texts), None)
        if shown is None:
            result.unknown.append(sid)
            continue
        ref = found[shown].table.texts.get(sid)
        string = message.string
        if isinstance(ref, Plural):
            forms = string if isinstance(string, (tuple, list)) else (string,)
            if not any(forms):
                result.untranslated += 1
                continue
            value: Any = {"count": ref.count} if ref.count != "n" else {}
            value.update({tag: form for tag, form in zip(tags, forms) if form})
            if "other" not in value:
                value["other"] = next(f for f in reversed(forms) if f)
        else:
            if isinstance(string, (tuple, list)):
                string = next((s for s in string if s), "")
            if not string:
                result.untranslated += 1
                continue
            value = string
        per_file[shown][sid] = value
        result.translated += 1
        if message.fuzzy:
            fuzzy[shown].append(sid)
            result.fuzzy += 1
    for shown, texts in per_file.items():
        src = found[shown]
        have = _table(src.target)
        kept = {sid: _plain(t) for sid, t in have.texts.items()}  # what the PO leaves untranslated stays
        kept.update(texts)
        if not texts and not src.target.exists():
            continue
        old_fuzzy = [s for s in have.meta.get("fuzzy") or () if s not in texts]
        with open(src.path, encoding="utf-8") as fh:
            reference = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        base = src.shown == f"game/locale/{REFERENCE}.yaml"  # the file that names the language
        body = _nest(reference, kept)
        meta = _meta(lang, have, old_fuzzy + fuzzy[shown], base or bool(have.meta))
        out: dict[Any, Any] = ({META: meta} if meta else {}) | body
        name = meta.get("name", lang) if meta else lang
        head = (f"# {name} ({lang}): the same ids as {src.path.name}. Written by `scored strings import`; "
                f"translators work in the PO file (docs/translating.md).\n")
        text = yaml.dump(out, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                         sort_keys=False, width=100000, default_flow_style=False)
        write_text_atomic(str(src.target), head + text, mode=0o644)
        result.written.append(src.target)
    return result


def _plain(text: Text) -> Any:
    if isinstance(text, Plural):
        return ({"count": text.count} if text.count != "n" else {}) | dict(text.forms)
    return text


def fuzzy_notes(tables: dict[str, Table]) -> list[str]:
    """One line per language with strings marked fuzzy (translated, but to be looked at)."""
    out = []
    for lang, table in tables.items():
        ids = list(table.meta.get("fuzzy") or ())
        if ids:
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(f"{table.shown}: {len(ids)} string{'s' if len(ids) != 1 else ''} in {lang} "
                       f"marked fuzzy, to be looked at: {shown}")
    return out


def ui_fuzzy_notes() -> list[str]:
    """The game's own strings marked fuzzy by a translator, one line per language."""
    return fuzzy_notes(read_locale(LOCALE)[0])


def week_missing(scenario_dir: Path, lang: str) -> list[str]:
    """The week's string ids the language still lacks (the week is offered in it once none are)."""
    src = sources(scenario_dir, lang)[-1]
    return [sid for sid in src.table.texts if sid not in _table(src.target).texts]
