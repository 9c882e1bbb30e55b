"""YAML loading that remembers where every value stood, for error messages.

Values become plain dicts, lists and scalars; a side table maps each value's
path (a tuple of keys and indexes) to its line and column.
"""
from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml is ~6x faster and just as safe
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Path = tuple
Marks = dict[Path, tuple[int, int]]


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str):
        self.line, self.column, self.message = line, column, message
        super().__init__(message)


_constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
yaml.constructor.SafeConstructor.__init__(_constructor)


def _scalar(node: yaml.ScalarNode) -> Any:
    # Resolve the tag (int, bool, null...) the way safe_load would.
    return _constructor.construct_object(node, deep=True)


def _convert(node: yaml.Node, path: Path, marks: Marks) -> Any:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                  "a key must be plain text")
            key = _scalar(key_node)
            if key in out:
                raise YamlProblem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                  f"duplicate key '{key}'")
            out[key] = _convert(value_node, path + (key,), marks)
            marks[path + (key, "<key>")] = (key_node.start_mark.line + 1,
                                            key_node.start_mark.column + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), marks) for i, child in enumerate(node.value)]
    return _scalar(node)


def load_marked(text: str) -> tuple[Any, Marks]:
    """Parse YAML text; return its value and the marks of every path."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        raise YamlProblem(line, column, f"not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(0, 0, f"not valid YAML: {exc}") from None
    marks: Marks = {}
    if node is None:
        return None, marks
    return _convert(node, (), marks), marks


def mark_of(marks: Marks, path: Path) -> tuple[int, int]:
    """The mark of a path, or of its nearest parent that has one."""
    while path:
        if path in marks:
            return marks[path]
        path = path[:-1]
    return marks.get((), (0, 0))
