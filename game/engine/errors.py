"""Errors that name the file, the line and what is wrong."""
from __future__ import annotations


class Problem:
    """One thing wrong in a file, and where. A plain class (so are the string catalogue's and the
    settings'): the title needs them before its first frame, and importing dataclasses (with
    inspect) would cost a tenth of that frame's start-up."""

    __slots__ = ("file", "line", "column", "message")

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file = file
        self.line = line  # 1-based; 0 when unknown
        self.column = column  # 1-based; 0 when unknown
        self.message = message

    def _key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and other.__class__ is self.__class__ and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.line}, {self.column}, {self.message!r})"

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
