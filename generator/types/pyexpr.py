"""Type expressions as frozen values: each renders itself as flat text and says which
(module, name) pairs it needs imported, so that imports follow from what is emitted.

    Subscript(LIST, (Name(".type_defs", "TagTypeDef"),)).render() == "List[TagTypeDef]"
    ...needs() == {("typing", "List"), (".type_defs", "TagTypeDef")}

A Name's module is where the generated module that uses it imports it from, spelt as it
is spelt there (".type_defs", ".._types", "typing"); None for builtins and for names the
generated module defines itself.  Line splitting is the layout's (generator/text/layout.py):
`layout()` gives what statement() takes, text whose outer brackets stay
a `Br` where the layout splits them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Union

from ..memo import memo
from ..text.layout import Br
from ..text.pytext import pystr

Need = tuple[str, str]  # (module, name) to import
# Where a service's modules import the service's own kinds of names from.
TYPE_DEFS = ".type_defs"
RESOURCE_TYPE_DEFS = ".resource_type_defs"  # what the resource stub needs of type_defs (issue #28)
LITERALS = ".literals"
Rename = Callable[["Name"], "PyExpr"]


@dataclass(frozen=True)
class Name:
    """A name: `module` None for builtins and names of the generated module itself."""

    module: str | None
    name: str

    def render(self) -> str:
        return self.name

    def needs(self) -> frozenset[Need]:
        return self._needs

    @memo
    def _needs(self) -> frozenset[Need]:
        return frozenset() if self.module is None else frozenset({(self.module, self.name)})

    def names(self) -> Iterator[Name]:
        yield self

    def rename(self, f: Rename) -> PyExpr:
        return f(self)

    def layout(self) -> str | Br:
        return self.name


@dataclass(frozen=True)
class Subscript:
    """`base[arg, ...]`: List[X], Dict[str, Any], Unpack[X], PageIterator[A, B]."""

    base: Name
    args: tuple[PyExpr, ...]

    def render(self) -> str:
        return self._text

    def needs(self) -> frozenset[Need]:
        return self._needs

    @memo
    def _text(self) -> str:  # a type is rendered and asked for its imports many times
        return f"{self.base.name}[{', '.join(a.render() for a in self.args)}]"

    @memo
    def _needs(self) -> frozenset[Need]:
        return self.base.needs().union(*(a.needs() for a in self.args))

    def names(self) -> Iterator[Name]:
        yield self.base
        for arg in self.args:
            yield from arg.names()

    def rename(self, f: Rename) -> PyExpr:
        base = f(self.base)  # a base stays a name (no forward reference of a subscripted base)
        return Subscript(base if isinstance(base, Name) else self.base, tuple(a.rename(f) for a in self.args))

    def layout(self) -> str | Br:
        return Br(self.base.name, tuple(a.render() for a in self.args))


@dataclass(frozen=True)
class Literal:
    """`Literal["a", "b"]`: the values as string literals (pytext.pystr)."""

    values: tuple[str, ...]

    def render(self) -> str:
        return f"Literal[{', '.join(pystr(v) for v in self.values)}]"

    def needs(self) -> frozenset[Need]:
        return frozenset({("typing", "Literal")})

    def names(self) -> Iterator[Name]:
        yield LITERAL

    def rename(self, f: Rename) -> PyExpr:
        return self

    def layout(self) -> str | Br:
        return Br("Literal", tuple(pystr(v) for v in self.values))


@dataclass(frozen=True)
class Quoted:
    """A forward reference, `"X"`: the checker still resolves it, so it needs what X needs."""

    inner: PyExpr

    def render(self) -> str:
        return pystr(self.inner.render())

    def needs(self) -> frozenset[Need]:
        return self.inner.needs()

    def names(self) -> Iterator[Name]:
        return self.inner.names()

    def rename(self, f: Rename) -> PyExpr:
        return Quoted(self.inner.rename(f))

    def layout(self) -> str | Br:
        return self.render()


@dataclass(frozen=True)
class Or:
    """`A | B` (annotations under `from __future__ import annotations`)."""

    items: tuple[PyExpr, ...]

    def render(self) -> str:
        return self._text

    def needs(self) -> frozenset[Need]:
        return self._needs

    @memo
    def _text(self) -> str:
        return " | ".join(i.render() for i in self.items)

    @memo
    def _needs(self) -> frozenset[Need]:
        return frozenset().union(*(i.needs() for i in self.items))

    def names(self) -> Iterator[Name]:
        for item in self.items:
            yield from item.names()

    def rename(self, f: Rename) -> PyExpr:
        return Or(tuple(i.rename(f) for i in self.items))

    def layout(self) -> str | Br:
        return self.render()


PyExpr = Union[Name, Subscript, Literal, Quoted, Or]


@cache  # one value per name: its text and imports are made once
def typing_name(name: str) -> Name:
    return Name("typing", name)


@cache
def shared(name: str) -> Name:
    """A name of the package's hand-written _types module, seen from a service module."""
    return Name(".._types", name)


@cache
def builtin(name: str) -> Name:
    return Name(None, name)


@lru_cache(maxsize=4096)
def type_def(name: str) -> Name:
    """A TypedDict of the service's type_defs module."""
    return Name(TYPE_DEFS, name)


LITERAL = typing_name("Literal")
TYPED_DICT = shared("TypedDict")  # _types takes typing_extensions' where typing's is not enough
NONE = builtin("None")
STR = builtin("str")


def sub(base: Name, *args: PyExpr) -> Subscript:
    return Subscript(base, args)


def optional(expr: PyExpr) -> Subscript:
    return Subscript(typing_name("Optional"), (expr,))


def union(*items: PyExpr) -> Subscript:
    return Subscript(typing_name("Union"), items)


def unpack(expr: PyExpr) -> Subscript:
    return Subscript(typing_name("Unpack"), (expr,))


def needs_of(exprs: Iterable[PyExpr]) -> frozenset[Need]:
    return frozenset().union(*(e.needs() for e in exprs))


@dataclass(frozen=True)
class Needs:
    """What a piece of emitted code needs imported: for annotations (`types`: under
    TYPE_CHECKING where the module has such a block), for code run at import time (`code`:
    class bases, decorators, class attributes) and for what only method bodies call
    (`calls`: at run time in the .py; a .pyi stub has no bodies, so it imports none)."""

    types: frozenset[Need] = frozenset()
    code: frozenset[Need] = frozenset()
    calls: frozenset[Need] = frozenset()

    def __or__(self, other: Needs) -> Needs:
        return Needs(self.types | other.types, self.code | other.code, self.calls | other.calls)


def uses(*exprs: PyExpr) -> Needs:
    return Needs(types=needs_of(exprs))


def runs(*exprs: PyExpr) -> Needs:
    return Needs(code=needs_of(exprs))


def calls(*exprs: PyExpr) -> Needs:
    """What a method body uses (cast, create_client, ...): the .py imports it, the stub not."""
    return Needs(calls=needs_of(exprs))


def all_needs(items: Iterable[Needs]) -> Needs:
    out = Needs()
    for item in items:
        out = out | item
    return out
