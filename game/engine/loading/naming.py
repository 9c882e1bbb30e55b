"""How a loader names things in its messages: an id's form, a value as an author would recognise
it, a near miss ("did you mean"), a file's name. Light, so that reading a string table does not
import the scenario model."""
from __future__ import annotations

import difflib
import os
import re
from typing import Any, Iterable, Union

ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def suggest(name: Any, options: Iterable[Any]) -> str:
    """' (did you mean 'x'?)' when one option is close to `name` (a typo away), else ''."""
    match = difflib.get_close_matches(str(name), [str(o) for o in options], n=1, cutoff=0.7)
    return f" (did you mean '{match[0]}'?)" if match else ""


def show(value: Any) -> str:
    """A value as an author would recognise it in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def kind_name(kinds: Union[type, tuple[type, ...]]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping",
             float: "a number", bool: "true or false"}
    if isinstance(kinds, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kinds)
    return names.get(kinds, kinds.__name__)


def shown_path(path: str) -> str:
    """A file's name as a message shows it: relative to the working folder when inside it."""
    if not os.path.isabs(path) or path.startswith(os.getcwd() + os.sep):
        return os.path.relpath(path)
    return path
