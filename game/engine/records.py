"""`@record`: frozen, keyword-only value classes with slots, as `dataclass(frozen=True, kw_only=True,
slots=True)` makes them, but without generating code.

`dataclasses` writes each class's methods as source text and compiles it (about half a millisecond
a class); the scenario's model and rules have 27 classes, all made after the title's first frame
and before the week can start. A record's methods are shared functions that read the class's field
table instead. Building a record costs a little more than building a dataclass, which matters only
for classes made in the engine's inner loop: those (state.py) stay dataclasses.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:
    try:
        from typing import dataclass_transform
    except ImportError:  # Python 3.10: it only tells type checkers what `record` makes
        def dataclass_transform(**_: Any) -> Callable[[T], T]:
            return lambda f: f

T = TypeVar("T")
_MISSING: Any = object()


class FrozenError(AttributeError):
    """A record's fields cannot be set or deleted."""


class _Field:
    __slots__ = ("default", "init", "repr", "compare")

    def __init__(self, default: Any, init: bool, repr: bool, compare: bool) -> None:
        self.default, self.init, self.repr, self.compare = default, init, repr, compare


def field(*, default: Any = _MISSING, init: bool = True, repr: bool = True, compare: bool = True) -> Any:
    """A field's options: `init=False` for a value `__post_init__` derives (set with
    object.__setattr__), left out of repr and comparison as the caller says."""
    return _Field(default, init, repr, compare)


class _Table:
    """A record class's fields, in order: the ones `__init__` takes (with their defaults), the ones
    shown and the ones compared (all of them are its `__slots__`)."""
    __slots__ = ("init", "defaults", "required", "allowed", "shown", "compared", "post")

    def __init__(self, init: tuple[str, ...], defaults: dict[str, Any], shown: tuple[str, ...],
                 compared: tuple[str, ...], post: Optional[Callable[[Any], None]]):
        self.init, self.defaults = init, defaults
        self.required = frozenset(n for n in init if n not in defaults)
        self.allowed = frozenset(init)
        self.shown, self.compared, self.post = shown, compared, post


def _init(self: Any, **values: Any) -> None:
    table: _Table = type(self).__record__
    if not table.required <= values.keys() <= table.allowed:
        _check(type(self), table, values)
    setter = object.__setattr__
    defaults = table.defaults
    for name in table.init:
        setter(self, name, values[name] if name in values else defaults[name])
    if table.post is not None:
        table.post(self)


def _check(cls: type, table: _Table, values: dict[str, Any]) -> None:
    """The TypeError a generated __init__ would raise for unknown or missing arguments."""
    unknown = [n for n in values if n not in table.init]
    if unknown:
        raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument {unknown[0]!r}")
    missing = [n for n in table.init if n not in values and n not in table.defaults]
    if missing:
        raise TypeError(f"{cls.__name__}.__init__() missing required keyword arguments: "
                        f"{', '.join(repr(n) for n in missing)}")


def _key(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, n) for n in type(self).__record__.compared)


def _eq(self: Any, other: object) -> Any:  # a bool, or NotImplemented for another class
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self is other or bool(_key(self) == _key(other))


def _hash(self: Any) -> int:
    return hash(_key(self))


def _repr(self: Any) -> str:
    parts = ", ".join(f"{n}={getattr(self, n)!r}" for n in type(self).__record__.shown)
    return f"{type(self).__qualname__}({parts})"


def _frozen(self: Any, name: str, value: Any = None) -> None:
    raise FrozenError(f"cannot change field {name!r} of a {type(self).__name__}")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen, keyword-only value class with slots (see the module's docstring)."""
    if any(hasattr(base, "__record__") for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record cannot extend another record")
    names: list[str] = []
    defaults: dict[str, Any] = {}
    init: list[str] = []
    shown: list[str] = []
    compared: list[str] = []
    ns = {k: v for k, v in cls.__dict__.items() if k not in ("__dict__", "__weakref__")}
    for name, note in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(note, str) and note.startswith(("ClassVar", "typing.ClassVar")):
            continue
        names.append(name)
        spec = ns.pop(name, _MISSING)
        opts = spec if isinstance(spec, _Field) else _Field(spec, True, True, True)
        if opts.init:
            init.append(name)
            if opts.default is not _MISSING:
                defaults[name] = opts.default
        if opts.repr:
            shown.append(name)
        if opts.compare:
            compared.append(name)
    ns["__slots__"] = tuple(names)
    ns.update(__init__=_init, __eq__=_eq, __hash__=_hash, __repr__=_repr, __setattr__=_frozen,
              __delattr__=_frozen)
    ns["__record__"] = _Table(tuple(init), defaults, tuple(shown), tuple(compared), ns.get("__post_init__"))
    made: type[T] = type(cls.__name__, cls.__bases__, ns)
    return made


def replace(obj: T, **changes: Any) -> T:
    """A copy of record `obj` with `changes` (its derived fields made again)."""
    table: _Table = type(obj).__record__  # type: ignore[attr-defined]
    values = {n: getattr(obj, n) for n in table.init}
    values.update(changes)
    return type(obj)(**values)
