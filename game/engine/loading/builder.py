"""The state of one load: where problems are collected (with file, line and column) and the names
built so far, which later parts refer to."""
from __future__ import annotations

from typing import Any, Iterable, Optional, Union

from ..errors import Problem
from ..model import Gate, Person, Ratings
from ..rules import Rule
from .marks import Marks, Path, mark_of
from .naming import ID, kind_name, show, shown_path, suggest


class Builder:
    """Everything one load collects. A plain class (not a dataclass): it is made once a load, and
    making a dataclass costs a millisecond of the time before the week can start."""

    def __init__(self, path: str, file: str = "") -> None:
        self.path = path
        self.file = file or shown_path(path)
        self.marks: Marks = {}
        self.problems: list[Problem] = []
        # string ids the scenario uses: id -> (what uses it, where); optional ones may be absent
        self.used_strings: dict[str, tuple[str, Path]] = {}
        self.optional_strings: set[str] = set()
        self.flags_set: set[str] = set()
        self.flags_read: dict[str, Path] = {}
        self.rules: dict[str, Rule] = {}
        self.friends: dict[str, Person] = {}
        self.characters: dict[str, Person] = {}
        self.gates: list[Gate] = []
        self.sanction_ids: list[str] = []
        self.scene_ids: set[str] = set()
        self.scene_index: dict[str, int] = {}
        self.choice_ids: set[str] = set()
        self.ending_ids: list[str] = []
        self.ratings: Optional[Ratings] = None
        self.last_day = 7
        self.score_range = (350, 950)

    @property
    def gate_ids(self) -> list[str]:
        return [g.id for g in self.gates]

    # ----- reporting -----------------------------------------------------------------------
    def err(self, path: Path, message: str, file: Optional[str] = None, marks: Optional[Marks] = None) -> None:
        line, col = mark_of(marks if marks is not None else self.marks, path)
        self.problems.append(Problem(file or self.file, line, col, message))

    def expect(self, value: Any, kinds: Union[type, tuple[type, ...]], path: Path, what: str) -> bool:
        allowed = kinds if isinstance(kinds, tuple) else (kinds,)
        if isinstance(value, bool) and bool not in allowed:
            self.err(path, f"{what} must be {kind_name(kinds)}, not {value!r} (quote it if you meant the word)")
            return False
        if not isinstance(value, kinds):
            self.err(path, f"{what} must be {kind_name(kinds)}, not {show(value)}")
            return False
        return True

    def whole(self, value: Any, path: Path, what: str, low: Optional[int] = None,
              high: Optional[int] = None) -> Optional[int]:
        """A whole number within bounds, or None (reported)."""
        if not isinstance(value, int) or isinstance(value, bool):
            self.err(path, f"{what} must be a whole number, not {show(value)}")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"from {low} to {high}" if low is not None and high is not None else (
                f"at least {low}" if low is not None else f"at most {high}")
            self.err(path, f"{what} must be {bounds}, not {value}")
            return None
        return value

    def number(self, value: Any, path: Path, what: str, low: float = -1e9, high: float = 1e9) -> Optional[float]:
        """A finite number within bounds (never .inf or .nan), or None (reported)."""
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value \
                or not low <= value <= high:
            self.err(path, f"{what} must be a number from {low:g} to {high:g}, not {show(value)}")
            return None
        return float(value)

    def known_keys(self, obj: dict[Any, Any], allowed: Iterable[str], path: Path, what: str) -> None:
        allowed = list(allowed)
        for key in obj:
            if key not in allowed:
                self.err(path + (key, "<key>"), f"{what}: unknown key '{key}'{suggest(key, allowed)}")

    def ident(self, value: Any, path: Path, what: str) -> Optional[str]:
        """An id: letters, digits, _ . and -, starting with a letter or _."""
        if isinstance(value, str) and ID.match(value):
            return value
        self.err(path, f"{what} must be an id of letters, digits and _, not {show(value)}")
        return None

    def string(self, string_id: Any, path: Path, what: str, optional: bool = False) -> str:
        if not isinstance(string_id, str) or not string_id:
            self.err(path, f"{what}: a string id must be text, not {show(string_id)}")
            return ""
        if optional:
            self.optional_strings.add(string_id)
        else:
            self.used_strings.setdefault(string_id, (what, path))
        return string_id
