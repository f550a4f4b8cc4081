"""The first overload of every generated overloaded method: one that no call matches.

When a call fits none of a method's overloads, mypy looks for an overload whose parameters
have the shape of the arguments (a str for a Literal is not one, nor a dict for a
TypedDict) and, when there is none, lists every overload: some 118 lines for s3's
generate_presigned_url, one per operation of ec2.  With this overload first, every argument
has the shape of its parameter (`_types.NoMatchingOverload`, a Protocol every object has
the shape of), so mypy reports the call against it, a line per argument it was given,
and lists nothing.  No value is a NoMatchingOverload[NoReturn]: the overload never
matches, and a correct call keeps the type of its own overload.  pyright, which reports
against the overload that got furthest (the last of equals), never picks it, being first;
the entry module's client() and resource() end with one more for pyright (views/entry.py).

In client.pyi and aio.pyi an overloaded method is declared as an attribute typed by a Protocol
whose `__call__` carries its overloads, this one first (call_protocol): pyright's completion
after `client.` evaluates the type of every decorated method of the class to give each item its
kind, so it built all of generate_presigned_url's overloads (112 for s3, 766 for ec2) on every
completion and after every edit; an attribute's type is evaluated only where it is used.
"""

from __future__ import annotations

from dataclasses import replace

from ..types.pyexpr import NONE, Name, Or, PyExpr, runs, sub, typing_name, uses
from .blocks import CallProtocol, Method, Param

_DOC = "No overload matches these arguments: the call is a type error (see the other overloads)."


def no_match(runtime: str) -> PyExpr:
    """The parameter type no value has, `runtime` the module the package's _types is
    imported from (".._types" in a service module, "._types" in the package's)."""
    return sub(Name(runtime, "NoMatchingOverload"), typing_name("NoReturn"))


def varying(param: Param, runtime: str = ".._types") -> Param:
    """`param` as the no-match overload takes it: NoMatchingOverload[NoReturn], optional
    (None) when `param` has a default."""
    never = no_match(runtime)
    return Param(param.name, Or((never, NONE)), "None") if param.default else Param(param.name, never)


def no_match_overload(name: str, params: list[Param], returns: PyExpr, *, doc: bool = True) -> Method:
    """The overload of `name` no call matches: `params` (with `self` for a method) are the
    other overloads' parameters, those that differ between them made `varying()`, the
    others as they are (a correct ExpiresIn or **kwargs is then not reported); with
    doc=False its body is `...`, as the other overloads' of the method."""
    annotations = [p.annotation for p in params if p.annotation is not None]
    return Method(
        name=name,
        params=params,
        returns=returns,
        doc=_DOC if doc else "",
        decorators=["overload"],
        ellipsis=not doc,
        needs=uses(returns, *annotations) | runs(typing_name("overload")),
    )


def call_protocol(cls: str, overloads: list[Method], doc: str) -> CallProtocol:
    """`overloads` (of one method, the no-match one first) as the `__call__` of the Protocol
    `cls`, `doc` the docstring of the attribute and of the Protocol (module docstring)."""
    return CallProtocol(overloads[0].name, cls, doc, tuple(replace(m, name="__call__") for m in overloads))
