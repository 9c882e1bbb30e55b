"""Errors that name the file, the line and what is wrong."""
from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong in a file, and where. A named tuple, not a dataclass (so are the palette and
    the layout; the string catalogue's classes and the settings are plain): the title needs them
    before its first frame, and making a dataclass costs most of a millisecond."""

    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}: {self.message}"
        return f"{self.file}: {self.message}"


class ScenarioError(Exception):
    """A scenario that cannot be played; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RunError(Exception):
    """A request the run cannot honour, such as an unknown choice id."""


class SaveError(Exception):
    """A save that cannot be resumed: broken, foreign or outdated."""
