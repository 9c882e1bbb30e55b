"""The game's own strings (menus, labels), by id, in every language the week has."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .engine.strings import Strings, flatten
from .engine.yamlsrc import load_marked
from .paths import LOCALE

LANGUAGES = {"en": "English", "nl": "Nederlands"}


@lru_cache(maxsize=None)
def ui_strings() -> Strings:
    """Every `<lang>.yaml` and `<part>.<lang>.yaml` in game/locale/, merged per language."""
    tables: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        table = tables.setdefault(lang, {})
        for path in sorted(LOCALE.glob(f"*{lang}.yaml")):
            if path.name != f"{lang}.yaml" and not path.name.endswith(f".{lang}.yaml"):
                continue
            data, _ = load_marked(path.read_text(encoding="utf-8"))
            table.update({k: str(v) for k, v in flatten(data or {}).items()})
    return Strings(tables, "en")


def t(string_id: str, lang: str, **values: Any) -> str:
    return ui_strings().get(string_id, lang, values)
