"""YAML parsed with its marks: plain dicts, lists and scalars, plus a table from each value's path
(a tuple of keys and indexes) to its line and column, for error messages.

Hostile or careless input is reported as a problem with a line and a column, never raised: tags
the game does not use, merge keys, numbers too long to read, nesting too deep, self-referencing
aliases and alias bombs (a few lines that expand to millions of values). Input too big or too deep
for libyaml itself is refused before it is parsed.
"""
from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional

from . import cache

if TYPE_CHECKING:
    import yaml

_Loader: Any = None  # libyaml's CSafeLoader (~6x faster and just as safe), else PyYAML's SafeLoader


def _import_yaml() -> None:
    """PyYAML, imported on the first parse: a file read back from the cache needs none."""
    global _Loader
    if _Loader is None:
        module = importlib.import_module("yaml")
        globals()["yaml"] = module
        _Loader = getattr(module, "CSafeLoader", None) or module.SafeLoader

Path = tuple[Any, ...]
Marks = Mapping[Path, tuple[int, int]]

MAX_BYTES = 2_000_000   # a scenario or a language file; the shipped week is about 60 KB
MAX_DEPTH = 40          # levels of nesting; the format needs about 8
MAX_NODES = 400_000     # values after aliases are expanded


class YamlProblem(Exception):
    def __init__(self, line: int, column: int, message: str):
        self.line, self.column, self.message = line, column, message
        super().__init__(message)


_STR = "tag:yaml.org,2002:str"


class _Scalars:
    """Resolves a scalar's tag (int, bool, null...) as yaml.safe_load would, without keeping the
    nodes it has seen (SafeConstructor remembers every node it built)."""

    def __init__(self) -> None:
        self.c = yaml.constructor.SafeConstructor()

    def __call__(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:  # most values: the text itself, as the constructor would return it
            return node.value
        try:
            value = self.c.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            if node.tag == "tag:yaml.org,2002:merge":
                raise _at(node, "merge keys (<<) are not supported: write the keys out") from None
            raise _at(node, f"the tag {node.tag} is not supported here; write plain values "
                            f"({exc.problem or exc})") from None
        except (ValueError, KeyError, TypeError, OverflowError) as exc:  # thousands of digits, !!bool maybe...
            raise _at(node, f"'{_short(node.value)}' cannot be read as a value ({exc.__class__.__name__}: "
                            f"{exc})") from None
        finally:
            self.c.constructed_objects.clear()
            self.c.recursive_objects.clear()
        return value


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _at(node: yaml.Node, message: str) -> YamlProblem:
    return YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1, message)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_LEADING = re.compile(r"^([ \t]*(?:- +)*)", re.M)


_SPECIAL = re.compile(r"[\[\]{}'\"]")  # all precheck looks at: the rest cannot nest or quote


def _opens_scalar(text: str, i: int) -> bool:
    """Whether the quote at `i` begins a quoted scalar: it stands where a value begins (the line's
    start, or after `:`, `-`, `[`, `{` or `,` and blanks). Mid-text, as in rock 'n' roll, it
    quotes nothing, and must not hide the brackets after it."""
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n:-[{,"


def precheck(text: str) -> None:
    """Refuse input too big, or nested too deeply, for the parser (libyaml recurses and would crash)."""
    if len(text) > MAX_BYTES:
        raise YamlProblem(1, 1, f"the file is {len(text) // 1000} KB; the limit is {MAX_BYTES // 1000} KB")
    depth, quote = 0, ""
    for m in _SPECIAL.finditer(text):
        ch, i = m.group(), m.start()
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"" and _opens_scalar(text, i):
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(*_position(text, i), f"brackets nested more than {MAX_DEPTH} deep")
        elif ch in "]}":
            depth = max(0, depth - 1)
    for m in _LEADING.finditer(text):
        lead = m.group(1)
        if len(lead) > 4 * MAX_DEPTH or lead.count("-") > MAX_DEPTH:
            raise YamlProblem(*_position(text, m.start()), f"indentation nested more than {MAX_DEPTH} deep")


class _Converter:
    def __init__(self, duplicates: list[YamlProblem]):
        self.scalar = _Scalars()
        self.marks: dict[Path, tuple[int, int]] = {}
        self.nodes = 0
        self.duplicates = duplicates  # reported, not raised: the first value is kept
        self.open: set[int] = set()   # nodes being converted: an alias back to one is a loop

    def convert(self, node: yaml.Node, path: Path) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _at(node, f"the file expands to more than {MAX_NODES} values (aliases?)")
        if len(path) > MAX_DEPTH:
            raise _at(node, f"values nested more than {MAX_DEPTH} deep")
        self.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.open:
            raise _at(node, "an alias refers to the value that holds it: it would never end")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.convert(child, path + (i,)) for i, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _at(key_node, "a key must be plain text")
            key = self.scalar(key_node)
            if not isinstance(key, (str, int, bool, float)) and key is not None:
                raise _at(key_node, "a key must be plain text")
            mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                self.duplicates.append(YamlProblem(*mark, f"duplicate key '{key}' (the first one counts)"))
                continue
            out[key] = self.convert(value_node, path + (key,))
            self.marks[path + (key, "<key>")] = mark
        return out


def load_marked(text: str, problems: list[YamlProblem] | None = None) -> tuple[Any, Marks]:
    """Parse YAML text; return its value and the marks of every path. A duplicate key is added to
    `problems` (when given) and the file goes on loading; any other problem raises YamlProblem.
    Read back from the cache, the marks are found only when asked for (see LazyMarks)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    k = cache.key("yaml", text) if cache.folder() else ""
    kept: Any = cache.get(k) if k else None
    if _entry(kept):  # parsed before, unchanged since
        value, dups = kept
        _duplicates([YamlProblem(*d) for d in dups], problems)
        return value, LazyMarks(text)
    value, found, duplicates = _parse(text)
    if k:
        cache.put(k, [value, [[d.line, d.column, d.message] for d in duplicates]])
    _duplicates(duplicates, problems)
    return value, found


def _parse(text: str) -> tuple[Any, dict[Path, tuple[int, int]], list[YamlProblem]]:
    """The value, marks and duplicate keys of `text` (without its byte order mark)."""
    precheck(text)
    _import_yaml()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        raise YamlProblem(line, column, f"not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlProblem(1, 1, "the file is nested too deeply to read") from None
    if node is None:
        return None, {}, []
    duplicates: list[YamlProblem] = []
    conv = _Converter(duplicates)
    try:
        value = conv.convert(node, ())
    except RecursionError:
        raise YamlProblem(1, 1, "the file is nested too deeply to read") from None
    return value, conv.marks, duplicates


class LazyMarks(Mapping[Path, tuple[int, int]]):
    """The marks of a file read back from the cache, found by parsing its text again when first
    asked for. Only a problem needs a line and a column, so a file without one is never parsed
    (the marks were most of each cache entry, and of reading it back)."""

    def __init__(self, text: str):
        self._text: Optional[str] = text
        self._marks: dict[Path, tuple[int, int]] = {}

    def _found(self) -> dict[Path, tuple[int, int]]:
        if self._text is not None:
            text, self._text = self._text, None
            try:
                self._marks = _parse(text)[1]
            except YamlProblem:  # it parsed when it was cached; were it ever not to, no marks
                self._marks = {}
        return self._marks

    def __getitem__(self, path: Path) -> tuple[int, int]:
        return self._found()[path]

    def __contains__(self, path: object) -> bool:
        return path in self._found()

    def __iter__(self) -> Iterator[Path]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())

    @property
    def parsed(self) -> bool:
        """Whether the text was parsed again (tests: a file without problems never is)."""
        return self._text is None


def _entry(kept: Any) -> bool:
    """A cached parse of the right shape: [value, [[line, column, message]]] (the entry's digest
    vouches for the values within)."""
    return (isinstance(kept, list) and len(kept) == 2 and isinstance(kept[1], list)
            and all(isinstance(d, list) and len(d) == 3 and isinstance(d[2], str) for d in kept[1]))


def _duplicates(duplicates: list[YamlProblem], problems: list[YamlProblem] | None) -> None:
    if duplicates:
        if problems is None:
            raise duplicates[0]
        problems.extend(duplicates)


def mark_of(marks: Marks, path: Path) -> tuple[int, int]:
    """The mark of a path, or of its nearest parent that has one."""
    while path:
        if path in marks:
            return marks[path]
        path = path[:-1]
    return marks.get((), (1, 1))
