"""The one string catalogue: every player-facing text by id and language, the scenario's and the
game's own alike, with one placeholder grammar and plural forms.

A text is plain (`"Your score is {score}."`) or plural: a mapping of CLDR categories to texts and
the placeholder whose number picks the form (`count`, default `n`):

    more_changes: {one: "and {n} more change", other: "and {n} more changes"}

Which category a number falls in is data too: a language table may carry `_language:` with its
`name` in its own words, `plural`, conditions on `n` tried in order (default: one when n is 1), and
`decimal`, the sign a number's fraction is written after (default "."), and `group`, the sign
between a count's groups of three digits (default ","; a `Count` only, not a year or a score):

>>> c = Catalogue({"en": {"more": Plural("n", {"one": "{n} more change", "other": "{n} more changes"})}})
>>> c.get("more", "en", {"n": 1}), c.get("more", "en", {"n": 3})
('1 more change', '3 more changes')
>>> Catalogue({"de": {"avg": "{stars} Sterne"}}, meta={"de": {"decimal": ","}}).get("avg", "de", {"stars": 4.5})
'4,5 Sterne'
>>> Catalogue({"de": {"likes": "{n} Likes"}}, meta={"de": {"group": "."}}).get("likes", "de", {"n": Count(12480)})
'12.480 Likes'
"""
from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Optional, Union

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
CATEGORIES = ("zero", "one", "two", "few", "many", "other")
META = "_language"  # a table's own entry about its language (not a string)
DEFAULT_RULE: tuple[tuple[str, str], ...] = (("one", "n == 1"),)
DECIMAL_SIGNS = (".", ",")  # what `_language: {decimal: ...}` may say
GROUP_SIGNS = (",", ".", "'", "\u00a0")  # what `_language: {group: ...}` may say (the last: a space that holds)

Values = Union[Mapping[str, Any], Callable[[str], Any], None]


class Count(int):
    """A count, written with its language's sign between groups of digits (12,480 likes; 12.480
    in German); a plain int, such as a year or a score, is written as it is."""
    __slots__ = ()


class Plural:
    """A text with a form per plural category; `count` names the number that picks the form.
    (Plain classes here: see errors.Problem.)"""

    __slots__ = ("count", "forms")

    def __init__(self, count: str, forms: Mapping[str, str]) -> None:
        self.count = count
        self.forms = forms

    @property
    def other(self) -> str:
        return self.forms["other"]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plural) and (self.count, self.forms) == (other.count, other.forms)

    def __hash__(self) -> int:
        return hash((self.count, self.forms))

    def __repr__(self) -> str:
        return f"Plural({self.count!r}, {self.forms!r})"


Text = Union[str, Plural]


def placeholders(text: Text) -> set[str]:
    """The placeholder names a text uses (every form of a plural)."""
    if isinstance(text, Plural):
        names: set[str] = set()
        for form in text.forms.values():
            names |= set(PLACEHOLDER.findall(form))
        return names
    return set(PLACEHOLDER.findall(text)) if "{" in text else set()


def forms(text: Text) -> list[str]:
    """Every wording of a text: its plural forms, or the text itself."""
    return list(text.forms.values()) if isinstance(text, Plural) else [text]


def is_plural(value: Any) -> bool:
    """A mapping written as a plural: only categories (and `count`), `other` among them."""
    return (isinstance(value, Mapping) and "other" in value
            and all(k in CATEGORIES or k == "count" for k in value))


PluralRule = Callable[[float], str]


def plural_rule(conditions: Mapping[str, str] | tuple[tuple[str, str], ...]) -> PluralRule:
    """A function from a number to its category, from conditions on `n` such as {one: "n == 1"}."""
    from .conditions import (  # the grammar: not for a title without plurals
        ConditionError,
        compile_condition,
    )
    items = list(conditions.items()) if isinstance(conditions, Mapping) else list(conditions)
    compiled = []
    for category, text in items:
        if category not in CATEGORIES or category == "other":
            raise ConditionError(f"'{category}' is not a plural category ({', '.join(CATEGORIES[:-1])})")

        def resolve(name: str) -> Callable[[Any], Any]:
            if name != "n":
                raise ConditionError(f"a plural rule knows only n, not '{name}'")
            return lambda n: n
        compiled.append((category, compile_condition(str(text), resolve)))

    def rule(n: float) -> str:
        for category, test in compiled:
            if test(n):
                return category
        return "other"
    return rule


class Catalogue:
    """Tables of text by language; a missing id falls back to the `fallback` language."""

    __slots__ = ("tables", "fallback", "meta", "_rules")

    def __init__(self, tables: Mapping[str, Mapping[str, Text]], fallback: str = "en",
                 meta: Optional[Mapping[str, Mapping[str, Any]]] = None) -> None:
        self.tables = tables
        self.fallback = fallback if fallback in tables or not tables else next(iter(tables))
        self.meta: Mapping[str, Mapping[str, Any]] = meta if meta is not None else {}  # per language: name, plural
        self._rules: dict[str, PluralRule] = {}

    def __eq__(self, other: object) -> bool:  # (the plural rules are derived: not compared)
        return isinstance(other, Catalogue) and \
            (self.tables, self.fallback, self.meta) == (other.tables, other.fallback, other.meta)

    __hash__ = None  # type: ignore[assignment]  # its tables are mappings

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.tables)

    def language_name(self, lang: str) -> str:
        """The language as it names itself (from its table's `_language: {name: ...}`)."""
        return str(self.meta.get(lang, {}).get("name") or lang)

    def has(self, string_id: str, lang: Optional[str] = None) -> bool:
        if lang is None:
            return any(string_id in t for t in self.tables.values())
        return string_id in self.tables.get(lang, {})

    def entry(self, string_id: str, lang: str) -> Optional[Text]:
        table = self.tables.get(lang) or {}
        if string_id in table:
            return table[string_id]
        return self.tables.get(self.fallback, {}).get(string_id)

    def raw(self, string_id: str, lang: str) -> str:
        """The text as written (a plural's `other` form), or `[id]` when no language has it."""
        text = self.entry(string_id, lang)
        if text is None:
            return f"[{string_id}]"
        return text.other if isinstance(text, Plural) else text

    def category(self, lang: str, n: float) -> str:
        rule = self._rules.get(lang)
        if rule is None:
            rule = self._rules[lang] = plural_rule(self.meta.get(lang, {}).get("plural") or DEFAULT_RULE)
        return rule(n)

    def get(self, string_id: str, lang: str, values: Values = None) -> str:
        """The text of an id in a language, its plural form picked and placeholders filled from
        `values` (a mapping or a lookup); a placeholder without a value stays as it is."""
        entry = self.entry(string_id, lang)
        if entry is None:
            return f"[{string_id}]"
        look: Callable[[str], Any]
        if values is None:
            look = lambda name: None  # noqa: E731
        elif callable(values):
            look = values
        else:
            look = values.get
        if isinstance(entry, Plural):
            n = look(entry.count)
            form = entry.other
            if isinstance(n, (int, float)) and not isinstance(n, bool):
                form = entry.forms.get(self.category(lang, n), entry.other)
            text = form
        else:
            text = entry
        if "{" not in text:
            return text

        meta = self.meta.get(lang, {})
        sign = meta.get("decimal", ".")

        def fill(m: re.Match[str]) -> str:
            value = look(m.group(1))
            if value is None:
                return m.group(0)
            if type(value) is Count:
                return f"{value:,}".replace(",", meta.get("group", ","))
            return str(value).replace(".", sign) if type(value) is float else str(value)
        return PLACEHOLDER.sub(fill, text)
