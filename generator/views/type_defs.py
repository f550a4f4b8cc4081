"""`<service>/type_defs.py` (and its stub): the TypedDicts of the client's requests and
responses, paginators and waiters (templates/type_defs.py.j2, which the aio
twin aio_type_defs.py reuses).

A service with resources splits it in two (issue #28): resource_type_defs.py defines the
TypedDicts that service_resource.pyi names and all they refer to (`moved`, the
ResourceView's type_defs_split), and type_defs.py re-exports them (`X as X`) before the
rest, so every name stays importable from type_defs while a checker reading only the
resources reads only the small module (9% of ec2's type_defs)."""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import Any

from ..types.imports import ImportSet
from ..types.pyexpr import RESOURCE_TYPE_DEFS, TYPE_DEFS
from .blocks import Block, dunder_all, header
from .service import ServiceContext
from .unions import member_names

NOTHING: frozenset[str] = frozenset()


def typed_dict_blocks(ctx: ServiceContext, keep: Callable[[str], bool] = lambda name: True) -> list[Block]:
    """TypedDicts evaluated at run time (no future import, so typing sees NotRequired),
    in dependency order; a name not defined yet (a cycle) is quoted. `keep`: which
    TypedDicts of the service (by name) the module defines."""
    specs = [spec for spec in ctx.types.typed_dicts() if keep(spec.name)]
    pending = {spec.name for spec in specs}
    blocks: list[Block] = []
    for spec in specs:
        blocks.extend(ctx.spec_blocks(spec, pending))
        pending.discard(spec.name)
    return blocks


def type_defs_imports(blocks: list[Block], own: str = TYPE_DEFS, reexports: Set[str] = NOTHING) -> str:
    """The imports of a TypedDict module `own` (all at run time): what its blocks need (the
    service's TypedDicts, spelt TYPE_DEFS, are its own: closed under reference), and the
    names it re-exports from resource_type_defs."""
    imports = ImportSet(own, checking=False, locate=lambda m, n: own if m == TYPE_DEFS else m)
    for block in blocks:
        imports.need(block.needs)
    for name in sorted(reexports):
        imports.add(RESOURCE_TYPE_DEFS, name, alias=name)  # `X as X`: re-exported in the stub too
    return imports.runtime()


def _defined(ctx: ServiceContext, specs: Set[str]) -> list[str]:
    """The names the blocks of `specs` define: each TypedDict, and a union's members."""
    return [*specs, *member_names({k: v for k, v in ctx.types.one_of.items() if k in specs})]


def type_defs_all(ctx: ServiceContext) -> str:
    return dunder_all(sorted([*ctx.types.typed_dict_names.values(), *member_names(ctx.types.one_of)]))


def context(ctx: ServiceContext, moved: Set[str] = NOTHING) -> dict[str, Any]:
    """type_defs.py: every TypedDict of the service; those of `moved` imported from
    resource_type_defs.py (and re-exported), the others defined here."""
    blocks = typed_dict_blocks(ctx, lambda name: name not in moved)
    return dict(
        header=header(f"Request and response types of {ctx.title}.", ctx.versions),
        imports=type_defs_imports(blocks, reexports=frozenset(_defined(ctx, moved))),
        all=type_defs_all(ctx),
        blocks=blocks,
    )


def resource_context(ctx: ServiceContext, moved: Set[str]) -> dict[str, Any]:
    """resource_type_defs.py: the TypedDicts of `moved` (closed under reference: each one's
    fields name only TypedDicts of `moved`)."""
    blocks = typed_dict_blocks(ctx, moved.__contains__)
    title = f"The request and response types of {ctx.title} that its resources use (type_defs re-exports them)."
    return dict(
        header=header(title, ctx.versions),
        imports=type_defs_imports(blocks, RESOURCE_TYPE_DEFS),
        all=dunder_all(sorted(_defined(ctx, moved))),
        blocks=blocks,
    )
