"""String tables: every player-facing text by id, per language, with placeholders."""
from __future__ import annotations

import re
from typing import Any, Callable, Mapping

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Join nested keys with dots: {'a': {'b': 'x'}} -> {'a.b': 'x'}."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, full + "."))
        else:
            out[full] = value
    return out


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


class Strings:
    """Tables of text by language; `fallback` is used for a missing id."""

    def __init__(self, tables: dict[str, dict[str, str]], fallback: str = "en"):
        self.tables = tables
        self.fallback = fallback if fallback in tables else next(iter(tables), fallback)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.tables)

    def has(self, string_id: str, lang: str | None = None) -> bool:
        if lang is None:
            return any(string_id in t for t in self.tables.values())
        return string_id in self.tables.get(lang, {})

    def raw(self, string_id: str, lang: str) -> str:
        table = self.tables.get(lang) or {}
        if string_id in table:
            return table[string_id]
        return self.tables.get(self.fallback, {}).get(string_id, f"[{string_id}]")

    def get(self, string_id: str, lang: str,
            values: Mapping[str, Any] | Callable[[str], Any] | None = None) -> str:
        """The text of an id, placeholders filled from `values` (a mapping or a lookup)."""
        text = self.raw(string_id, lang)
        if values is None or "{" not in text:
            return text
        look = values if callable(values) else values.get

        def fill(m: re.Match[str]) -> str:
            value = look(m.group(1))
            return m.group(0) if value is None else str(value)

        return PLACEHOLDER.sub(fill, text)
