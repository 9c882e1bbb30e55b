"""A pseudo-language for checking layouts before any translator has started: every string a third
longer, its letters accented, framed by brackets so a cut end shows. Placeholders and plural
forms stay as they are, so the game runs in it exactly as in the reference language.

German runs about 30 % longer than English; a layout that holds the pseudo-language holds it.

>>> lengthen("Your score: {score}")
'[Ŷöûŕ šçöŕé: {score} ŵŵŵ ŵ]'
>>> lengthen("Wed")
'[Ŵéd]'
>>> len(lengthen("a" * 30)) >= 40
True
"""
from __future__ import annotations

import re
from typing import Any

from ..engine.catalogue import Catalogue, Plural, Text
from ..engine.records import replace

CODE = "en-XA"  # English with accents, in the region code set aside for private use (as browsers name it)
NAME = "[Pšéûðö]"
# letters every font of the game has (OpenDyslexic lacks Ĝ, Ĥ, Ĵ)
ACCENTED = str.maketrans("AaCcEeIiKkLlNnOoRrSsTtUuWwYyZz", "ÅåÇçÉéÎîĶķĻļÑñÖöŔŕŠšŢţÛûŴŵŶŷŽž")
PART = re.compile(r"(\{[^}]*\}|https?://\S+)")  # placeholders and addresses stay as they are
PAD = "ŵŵŵ"


def lengthen(text: str) -> str:
    """A text in the pseudo-language: accented, a third longer (in words, so it still wraps)."""
    if not text.strip():
        return text
    parts = PART.split(text)
    out = "".join(p if i % 2 else p.translate(ACCENTED) for i, p in enumerate(parts))
    extra = -(-len(text) // 3) - 2  # a third, rounded up, the brackets included
    pad = ""
    while len(pad) < extra:  # in words of its own, so the text still wraps where it did
        pad += " " + PAD[:max(1, min(len(PAD), extra - len(pad) - 1))]
    return "[" + out + pad + "]"


def _text(t: Text) -> Text:
    if isinstance(t, Plural):
        return Plural(t.count, {k: lengthen(v) for k, v in t.forms.items()})
    return lengthen(t)


def add_to(catalogue: Catalogue) -> Catalogue:
    """The catalogue with the pseudo-language beside its reference language, made from it."""
    ref = catalogue.tables.get(catalogue.fallback, {})
    tables = dict(catalogue.tables)
    tables[CODE] = {sid: _text(t) for sid, t in ref.items()}
    meta = dict(catalogue.meta)
    meta[CODE] = {"name": NAME, "plural": dict(catalogue.meta.get(catalogue.fallback, {}).get("plural") or {})}
    return Catalogue(tables, catalogue.fallback, meta)


def scenario_with(scenario: Any) -> Any:
    """A scenario that speaks the pseudo-language too (its strings made from its first language)."""
    strings = add_to(scenario.strings)
    return replace(scenario, strings=strings, languages=tuple(scenario.languages) + (CODE,))


def enable() -> None:
    """The game's own strings speak the pseudo-language from now on (tests and layout checks)."""
    from . import strings
    strings.use_catalogue(add_to(strings.catalogue()))
