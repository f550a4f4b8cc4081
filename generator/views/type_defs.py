"""`<service>/type_defs.py` (and its stub): the TypedDicts of the client's requests and
responses, paginators and waiters (templates/type_defs.py.j2, which the aio
twin aio_type_defs.py reuses)."""

from __future__ import annotations

from typing import Any

from ..types.imports import ImportSet
from ..types.pyexpr import TYPE_DEFS
from .blocks import Block, dunder_all, header
from .service import ServiceContext
from .unions import member_names


def typed_dict_blocks(ctx: ServiceContext) -> list[Block]:
    """TypedDicts evaluated at run time (no future import, so typing sees NotRequired),
    in dependency order; a name not defined yet (a cycle) is quoted."""
    pending = set(ctx.types.typed_dict_names.values())
    blocks: list[Block] = []
    for spec in ctx.types.typed_dicts():
        blocks.extend(ctx.spec_blocks(spec, pending))
        pending.discard(spec.name)
    return blocks


def type_defs_imports(blocks: list[Block]) -> str:
    imports = ImportSet(TYPE_DEFS, checking=False)
    for block in blocks:
        imports.need(block.needs)
    return imports.runtime()


def type_defs_all(ctx: ServiceContext) -> str:
    return dunder_all(sorted([*ctx.types.typed_dict_names.values(), *member_names(ctx.types.one_of)]))


def context(ctx: ServiceContext) -> dict[str, Any]:
    blocks = typed_dict_blocks(ctx)
    return dict(
        header=header(f"Request and response types of {ctx.title}.", ctx.versions),
        imports=type_defs_imports(blocks),
        all=type_defs_all(ctx),
        blocks=blocks,
    )
