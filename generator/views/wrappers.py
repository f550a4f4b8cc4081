"""`<service>/paginators.py` and waiters.py (and their stubs): a class per paginator or
waiter, the table of them by name (templates/wrappers.py.j2, one template for both).

The .py holds the run-time classes (their names and what each one is of: isinstance asks
botocore's paginator or waiter); the stub each class's method, with its docstring.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..text.layout import Br, pystr, statement
from ..types.imports import ImportSet
from ..types.pyexpr import NONE, TYPE_DEFS, Name, runs, shared, sub, unpack, uses
from .blocks import ClassHead, Method, dunder_all, header, import_blocks, method_needs, param
from .service import EMPTY_RESPONSE, ServiceContext


def paginator_methods(ctx: ServiceContext) -> list[tuple[ClassHead, Method]]:
    out = []
    for p in ctx.service.paginators:
        op = ctx.operation_of(p.method)
        types = ctx.types
        kwargs = unpack(Name(TYPE_DEFS, types.paginate_name(op.input)) if op.input else shared("PaginateArgsTypeDef"))
        page = Name(TYPE_DEFS, types.response_name(op.output)) if op.output else EMPTY_RESPONSE
        full = Name(TYPE_DEFS, types.full_result_name(op.output)) if op.output else EMPTY_RESPONSE
        returns = sub(Name(".._runtime", "PageIterator"), page, full)
        keys = ", ".join(p.result_keys) or "(none)"
        doc = f"Paginator for {ctx.names.client}.{p.method}: pages over {keys}."
        method = Method(
            name="paginate",
            params=[*ctx.self_params(op.input), param("**kwargs", kwargs)],
            returns=returns,
            doc=f"Iterate over the pages of {p.method}; items in {keys}.",
            needs=uses(kwargs, returns),
        )
        out.append((ClassHead(ctx.paginator_classes[p.method], ("Paginator",), doc), method))
    return out


def waiter_methods(ctx: ServiceContext) -> list[tuple[ClassHead, Method]]:
    out = []
    for w in ctx.service.waiters:
        op = ctx.service.operation(w.operation)
        kwargs = unpack(Name(TYPE_DEFS, ctx.types.wait_name(op.input)) if op.input else shared("WaitArgsTypeDef"))
        states = "; ".join(
            f"{a.state} when {a.matcher}{' ' + a.argument if a.argument else ''} = {a.expected}" for a in w.acceptors
        )
        doc = (
            f"Waiter {w.name}: polls {ctx.names.client}.{op.method} every {w.delay} s, "
            f"at most {w.max_attempts} times.\n\nAcceptors: {states}."
        )
        method = Method(
            name="wait",
            params=[*ctx.self_params(op.input), param("**kwargs", kwargs)],
            returns=NONE,
            doc=f"Poll {op.method} until the waiter succeeds; raises botocore's WaiterError on failure or timeout.",
            needs=uses(kwargs),
        )
        out.append((ClassHead(ctx.waiter_classes[w.method], ("Waiter",), doc), method))
    return out


def paginator_keys(ctx: ServiceContext) -> list[str]:
    """What each paginator class is of, at run time (isinstance asks botocore's paginator)."""
    return [f"_operation = {pystr(ctx.operation_of(p.method).name)}" for p in ctx.service.paginators]


def waiter_keys(ctx: ServiceContext) -> list[str]:
    """What each waiter class is of, at run time (isinstance asks botocore's waiter)."""
    return [f"_waiter = {pystr(w.name)}" for w in ctx.service.waiters]


def table(name: str, classes: dict[str, str]) -> str:
    """`PAGINATORS = {name: class, ...}` (or WAITERS)."""
    items = tuple(f"{pystr(k)}: {v}" for k, v in classes.items())
    return statement(f"{name} = ", Br("", items, "{", "}"))


def wrapper_imports(methods: Iterable[Method], base: str, stub: bool = False) -> ImportSet:
    """The imports of paginators.py or waiters.py, or of their stub (`stub`): classes
    derived from `base`."""
    imports = ImportSet()
    imports.need(method_needs(methods, stub) | runs(Name(".._runtime", base)), stub=stub)
    return imports


def _context(
    ctx: ServiceContext, kind: str, base: str, name: str, classes: list[Any], keys: list[str]
) -> dict[str, Any]:
    names = ctx.paginator_classes if base == "Paginator" else ctx.waiter_classes
    methods = [m for _, m in classes]
    return dict(
        header=header(f"Typed {kind} of {ctx.title}.", ctx.versions),
        **import_blocks(wrapper_imports([], base)),
        pyi=import_blocks(wrapper_imports(methods, base, stub=True)),
        all=dunder_all([name] + list(names.values())),
        classes=[(head, m, key) for (head, m), key in zip(classes, keys)],
        table=table(name, names),
    )


def paginators_context(ctx: ServiceContext) -> dict[str, Any]:
    """paginators.py's variables; `pyi`: what differs in its stub (the imports)."""
    return _context(ctx, "paginators", "Paginator", "PAGINATORS", paginator_methods(ctx), paginator_keys(ctx))


def waiters_context(ctx: ServiceContext) -> dict[str, Any]:
    """waiters.py's variables; `pyi`: what differs in its stub (the imports)."""
    return _context(ctx, "waiters", "Waiter", "WAITERS", waiter_methods(ctx), waiter_keys(ctx))
