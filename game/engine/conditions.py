"""The small condition grammar, parsed here and compiled to closures (no eval).

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("=="|"!="|"<"|"<="|">"|">=") sum)?
    sum     := term (("+"|"-") term)*
    term    := atom ("%" atom)*
    atom    := NUMBER | 'TEXT' | true | false | NAME | "(" expr ")" | "-" atom

Names are resolved by the caller, who may say what kind of value a name holds (a number, text or
true/false) and which texts it can take; a comparison that can never hold (a number with a text,
a misspelt status) is then an error at load time, not a surprise in play.

>>> c = compile_condition("score >= 650 and not flag.x", lambda n: (lambda s: s[n]))
>>> c({"score": 700, "flag.x": False}), c({"score": 600, "flag.x": False})
(True, False)
>>> try: compile_condition("status == 'mutd'", lambda n: Name(lambda s: s, "text", ("friend", "muted")))
... except ConditionError as exc: print(exc)
status is never 'mutd' (it is one of: friend, muted)
"""
from __future__ import annotations

import operator
import re
from typing import Any, Callable, NamedTuple, Optional, Union

Getter = Callable[[Any], Any]
NUMBER, TEXT, BOOL = "number", "text", "true or false"


class Name(NamedTuple):  # named tuples: made before the title's first frame, where a dataclass costs ~0.5 ms
    """What a resolver says of a name: how to read it, and (when known) its kind and texts."""
    get: Getter
    kind: Optional[str] = None  # NUMBER, TEXT or BOOL
    texts: Optional[tuple[str, ...]] = None  # the only texts it can hold


Resolver = Callable[[str], Union[Getter, Name]]


class ConditionError(ValueError):
    """A condition that does not parse or can never hold; `column` is 1-based within the text."""

    def __init__(self, message: str, column: int = 0):
        self.column = column
        super().__init__(message)


_TOKEN = re.compile(r"\s*(?:(?P<num>\d{1,15}(?:\.\d{1,15})?)|(?P<str>'[^']*'|\"[^\"]*\")"
                    r"|(?P<op>==|!=|<=|>=|<|>|\(|\)|\+|-|%)|(?P<name>[A-Za-z_][A-Za-z0-9_.:]*))")
_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt,
            "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_KEYWORDS = {"and", "or", "not", "true", "false"}
MAX_LENGTH = 500  # a condition is a line, not a program


class _Part(NamedTuple):
    """A compiled piece: its getter, kind, possible texts and (for a name) how to call it."""
    get: Getter
    kind: Optional[str] = None
    texts: Optional[tuple[str, ...]] = None
    literal: Any = None
    label: str = ""


def _tokens(text: str) -> list[tuple[str, Any, int]]:
    out: list[tuple[str, Any, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m or m.lastgroup is None:
            col = pos + len(text[pos:]) - len(text[pos:].lstrip()) + 1
            raise ConditionError(f"unexpected '{text[col - 1]}'", col)
        col = m.start(m.lastgroup) + 1
        kind = m.lastgroup
        raw = m.group(kind)
        if kind == "num":
            out.append(("value", float(raw) if "." in raw else int(raw), col))
        elif kind == "str":
            out.append(("value", raw[1:-1], col))
        elif kind == "name" and raw in ("true", "false"):
            out.append(("value", raw == "true", col))
        elif kind == "name" and raw in _KEYWORDS:
            out.append(("op", raw, col))
        else:
            out.append((kind, raw, col))
        pos = m.end()
    out.append(("end", None, len(text) + 1))
    return out


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, (int, float)):
        return NUMBER
    return TEXT


class _Parser:
    def __init__(self, text: str, resolve: Resolver):
        self.toks = _tokens(text)
        self.i = 0
        self.resolve = resolve

    def peek(self) -> tuple[str, Any, int]:
        return self.toks[self.i]

    def take(self, *ops: str) -> bool:
        kind, value, _ = self.toks[self.i]
        if kind == "op" and value in ops:
            self.i += 1
            return True
        return False

    def parse(self) -> Getter:
        part = self.expr()
        kind, value, col = self.peek()
        if kind != "end":
            raise ConditionError(f"unexpected '{value}'", col)
        return part.get

    def expr(self) -> _Part:
        parts = [self.conj()]
        while self.take("or"):
            parts.append(self.conj())
        if len(parts) == 1:
            return parts[0]
        gets = tuple(p.get for p in parts)

        def any_of(s: Any) -> bool:  # any() of a generator, without the generator (a hot path)
            for g in gets:
                if g(s):
                    return True
            return False
        return _Part(any_of, BOOL)

    def conj(self) -> _Part:
        parts = [self.neg()]
        while self.take("and"):
            parts.append(self.neg())
        if len(parts) == 1:
            return parts[0]
        gets = tuple(p.get for p in parts)

        def all_of(s: Any) -> bool:
            for g in gets:
                if not g(s):
                    return False
            return True
        return _Part(all_of, BOOL)

    def neg(self) -> _Part:
        if self.take("not"):
            inner = self.neg().get
            return _Part(lambda s: not inner(s), BOOL)
        return self.compare()

    def compare(self) -> _Part:
        left = self.sum()
        kind, value, col = self.peek()
        if kind == "op" and value in _COMPARE:
            self.i += 1
            right = self.sum()
            self._check(left, value, right, col)
            op, lg, rg = _COMPARE[value], left.get, right.get
            if value in ("<", "<=", ">", ">="):
                def ordered(s: Any) -> bool:
                    a, b = lg(s), rg(s)
                    try:
                        return bool(op(a, b))
                    except TypeError:  # a value of an unforeseen kind: the comparison fails
                        return False
                return _Part(ordered, BOOL)
            return _Part(lambda s: op(lg(s), rg(s)), BOOL)
        return left

    @staticmethod
    def _check(left: _Part, op: str, right: _Part, col: int) -> None:
        if left.kind and right.kind and left.kind != right.kind:
            raise ConditionError(f"{left.label or 'a ' + left.kind} is {_a(left.kind)}, "
                                 f"{right.label or repr(right.literal)} is {_a(right.kind)}: "
                                 f"'{op}' can never compare them", col)
        if op in ("<", "<=", ">", ">=") and (left.kind in (TEXT, BOOL) or right.kind in (TEXT, BOOL)):
            raise ConditionError(f"'{op}' compares numbers, not {left.kind or right.kind}", col)
        for name, lit in ((left, right), (right, left)):
            if name.texts is not None and isinstance(lit.literal, str) and lit.literal not in name.texts:
                raise ConditionError(f"{name.label} is never '{lit.literal}' "
                                     f"(it is one of: {', '.join(name.texts)})", col)

    def sum(self) -> _Part:
        left = self.term()
        while True:
            kind, value, col = self.peek()
            if kind == "op" and value in ("+", "-"):
                self.i += 1
                right = self.term()
                left = self._arith(left, right, operator.add if value == "+" else operator.sub, value, col)
            else:
                return left

    def term(self) -> _Part:
        left = self.atom()
        while True:
            kind, value, col = self.peek()
            if kind == "op" and value == "%":
                self.i += 1
                right = self.atom()
                left = self._arith(left, right, lambda a, b: a % b if b else 0, value, col)
            else:
                return left

    @staticmethod
    def _arith(left: _Part, right: _Part, op: Callable[[Any, Any], Any], sym: str, col: int) -> _Part:
        for p in (left, right):
            if p.kind not in (None, NUMBER):
                raise ConditionError(f"'{sym}' works on numbers, not {p.kind}", col)
        a, b = left.get, right.get
        return _Part(lambda s: op(a(s), b(s)), NUMBER)

    def atom(self) -> _Part:
        kind, value, col = self.peek()
        self.i += 1
        if kind == "value":
            v = value
            return _Part(lambda s: v, _kind_of(v), literal=v)
        if kind == "name":
            try:
                found = self.resolve(value)
            except ConditionError as exc:
                raise ConditionError(str(exc), col) from None
            if isinstance(found, Name):
                return _Part(found.get, found.kind, found.texts, label=value)
            return _Part(found, label=value)
        if kind == "op" and value == "(":
            inner = self.expr()
            if not self.take(")"):
                raise ConditionError("missing ')'", self.peek()[2])
            return inner
        if kind == "op" and value == "-":
            part = self.atom()
            if part.kind not in (None, NUMBER):
                raise ConditionError(f"'-' works on numbers, not {part.kind}", col)
            g = part.get
            return _Part(lambda s: -g(s), NUMBER)
        if kind == "end":
            raise ConditionError("the condition ends too early", col)
        raise ConditionError(f"unexpected '{value}'", col)


def _a(kind: str) -> str:
    return {NUMBER: "a number", TEXT: "text", BOOL: "true or false"}.get(kind, kind)


def compile_condition(text: str, resolve: Resolver) -> Getter:
    """Parse `text` into a function of the run; names go through `resolve`."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("a condition must be non-empty text", 1)
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"a condition must be shorter than {MAX_LENGTH} characters", 1)
    return _Parser(text, resolve).parse()


def names_and_numbers(text: str) -> tuple[list[str], list[float]]:
    """The names and the numbers a condition mentions (empty when it does not parse)."""
    try:
        toks = _tokens(text)
    except ConditionError:
        return [], []
    names = [v for k, v, _ in toks if k == "name"]
    numbers = [v for k, v, _ in toks if k == "value" and isinstance(v, (int, float)) and not isinstance(v, bool)]
    return names, numbers
