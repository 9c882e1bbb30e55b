"""The small condition grammar, parsed here and compiled to closures (no eval).

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("=="|"!="|"<"|"<="|">"|">=") sum)?
    sum     := atom (("+"|"-") atom)*
    atom    := NUMBER | 'TEXT' | NAME | "(" expr ")" | "-" atom

>>> c = compile_condition("score >= 650 and not flag.x", lambda n: (lambda s: s[n]))
>>> c({"score": 700, "flag.x": False}), c({"score": 600, "flag.x": False})
(True, False)
"""
from __future__ import annotations

import operator
import re
from typing import Any, Callable

Getter = Callable[[Any], Any]
Resolver = Callable[[str], Getter]


class ConditionError(ValueError):
    """A condition that does not parse; `column` is 1-based within the text."""

    def __init__(self, message: str, column: int = 0):
        self.column = column
        super().__init__(message)


_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>'[^']*'|\"[^\"]*\")"
                    r"|(?P<op>==|!=|<=|>=|<|>|\(|\)|\+|-)|(?P<name>[A-Za-z_][A-Za-z0-9_.:]*))")
_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt,
            "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_KEYWORDS = {"and", "or", "not", "true", "false"}


def _tokens(text: str) -> list[tuple[str, Any, int]]:
    out: list[tuple[str, Any, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
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
        fn = self.expr()
        kind, value, col = self.peek()
        if kind != "end":
            raise ConditionError(f"unexpected '{value}'", col)
        return fn

    def expr(self) -> Getter:
        parts = [self.conj()]
        while self.take("or"):
            parts.append(self.conj())
        if len(parts) == 1:
            return parts[0]
        return lambda s: any(p(s) for p in parts)

    def conj(self) -> Getter:
        parts = [self.neg()]
        while self.take("and"):
            parts.append(self.neg())
        if len(parts) == 1:
            return parts[0]
        return lambda s: all(p(s) for p in parts)

    def neg(self) -> Getter:
        if self.take("not"):
            inner = self.neg()
            return lambda s: not inner(s)
        return self.compare()

    def compare(self) -> Getter:
        left = self.sum()
        kind, value, _ = self.peek()
        if kind == "op" and value in _COMPARE:
            self.i += 1
            op = _COMPARE[value]
            right = self.sum()
            return lambda s: op(left(s), right(s))
        return left

    def sum(self) -> Getter:
        left = self.atom()
        while True:
            kind, value, _ = self.peek()
            if kind == "op" and value in ("+", "-"):
                self.i += 1
                right = self.atom()
                op = operator.add if value == "+" else operator.sub
                left = (lambda a, b, o: lambda s: o(a(s), b(s)))(left, right, op)
            else:
                return left

    def atom(self) -> Getter:
        kind, value, col = self.peek()
        self.i += 1
        if kind == "value":
            return lambda s: value
        if kind == "name":
            try:
                return self.resolve(value)
            except ConditionError as exc:
                raise ConditionError(str(exc), col) from None
        if kind == "op" and value == "(":
            inner = self.expr()
            if not self.take(")"):
                raise ConditionError("missing ')'", self.peek()[2])
            return inner
        if kind == "op" and value == "-":
            inner = self.atom()
            return lambda s: -inner(s)
        if kind == "end":
            raise ConditionError("the condition ends too early", col)
        raise ConditionError(f"unexpected '{value}'", col)


def compile_condition(text: str, resolve: Resolver) -> Getter:
    """Parse `text` into a function of the run state; names go through `resolve`."""
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("a condition must be non-empty text", 1)
    return _Parser(text, resolve).parse()
