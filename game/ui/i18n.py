"""The game's own UI strings, read fast (libyaml, no engine import) so the title shows at once.

The tables are the same files game.ui_text reads (game/locale/*.yaml, merged per language);
this reader avoids importing the engine before the first frame.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..paths import LOCALE

LANGUAGES = {"en": "English", "nl": "Nederlands"}  # each language by its own name
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
MISSING: set[tuple[str, str]] = set()  # (lang, id) asked for but not found: tests check it


def _flatten(table: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(table, dict):
        for key, value in table.items():
            _flatten(value, f"{prefix}{key}.", out)
    elif prefix:
        out[prefix[:-1]] = str(table)


@lru_cache(maxsize=None)
def tables() -> dict[str, dict[str, str]]:
    import yaml
    out: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        table: dict[str, str] = {}
        for path in sorted(LOCALE.glob(f"*{lang}.yaml")):
            if path.name != f"{lang}.yaml" and not path.name.endswith(f".{lang}.yaml"):
                continue
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            _flatten(data or {}, "", table)
        out[lang] = table
    return out


def ui(string_id: str, lang: str, **values: Any) -> str:
    """A UI string by id, placeholders filled from `values`; English when a language lacks it."""
    tabs = tables()
    table = tabs.get(lang) or tabs["en"]
    text = table.get(string_id)
    if text is None:
        MISSING.add((lang, string_id))
        text = tabs["en"].get(string_id, string_id)
    if values and "{" in text:
        text = PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
    return text
