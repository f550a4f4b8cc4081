"""`<service>/literals.py`: the Literal alias of every enum shape, and of the names of the
service's paginators, waiters and operations (templates/literals.py.j2)."""

from __future__ import annotations

from typing import Any

from ..text.layout import statement
from ..types.pyexpr import Literal
from .blocks import dunder_all, header
from .service import ServiceContext


def _fixed(ctx: ServiceContext) -> list[tuple[str, list[str]]]:
    """The aliases of names (naming/table.py step 1), those the service has."""
    service = ctx.service
    return [
        (alias, values)
        for alias, values in (
            ("PaginatorName", [p.method for p in service.paginators]),
            ("WaiterName", [w.method for w in service.waiters]),
            ("OperationName", [op.method for op in service.operations]),
        )
        if values
    ]


def literal_aliases(ctx: ServiceContext) -> list[str]:
    lines = [statement(f"{n} = ", Literal(vals).layout()) for n, vals in ctx.types.literals()]
    return lines + [statement(f"{alias} = ", Literal(tuple(values)).layout()) for alias, values in _fixed(ctx)]


def literal_all(ctx: ServiceContext) -> str:
    return dunder_all([n for n, _ in ctx.types.literals()] + [alias for alias, _ in _fixed(ctx)])


def context(ctx: ServiceContext) -> dict[str, Any]:
    return dict(
        header=header(f"Enums and names of {ctx.title}, as Literal aliases.", ctx.versions),
        all=literal_all(ctx),
        aliases=literal_aliases(ctx),
    )
