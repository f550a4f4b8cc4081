"""The table of generated module kinds: every module of a service package, one row each.

A row says where the module goes (`path`, relative to the service package), which template
prints it, which view gives the template its variables (`context(ctx)`, ctx the service's
views.service.ServiceContext), whether a `.pyi` stub is rendered beside it from the same
template (`stub`), when the service has it (`when`), whether it is the aio twin of a sync
module (`twin`: rendered only with --aio), and what the service's `__init__` re-exports
from it (`exports`).  render/files.py walks the table in its order; nothing else lists the
modules of a service.

Two rows are shaped differently: `parts` makes several modules of one row (`{part}` in
the path; the context is called with the part), and the `__init__` row takes the exports
of every other row (`gathers`).

`PACKAGE_KINDS` is the same table for the package root (paths relative to the package;
contexts take views.root.PackageContext): its `__init__`, py.typed, the entry module and
the runtime.  A row whose template is `AS_IS` is written as its context's `text` gives it:
no template, no formatter (the runtime is copied as it is).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from ..naming.entry import MODULE
from ..options import Options
from ..views import aio, client, entry, exceptions, literals, package, resources, root, stubber, type_defs, wrappers
from ..views.blocks import Export
from ..views.root import PackageContext
from ..views.service import ServiceContext

Context = Callable[..., dict[str, Any]]  # (ctx) -> variables; (ctx, part) with parts; (ctx, exports) if gathers
AS_IS = ""  # the template of a row written as its context's `text` gives it (not rendered, not formatted)


class Made(Protocol):
    """What a row's context is made from: ServiceContext, views.root.PackageContext."""

    @property
    def options(self) -> Options: ...


C = TypeVar("C", bound=Made)


def always(ctx: object) -> bool:
    return True


def no_exports(ctx: object) -> Sequence[Export]:
    return ()


@dataclass(frozen=True)
class ModuleKind(Generic[C]):
    """One kind of generated module (see the module docstring for the columns)."""

    path: str
    template: str
    context: Context
    stub: bool = False
    when: Callable[[C], bool] = always
    twin: str = ""  # the path of the sync module this one is the aio twin of
    exports: Callable[[C], Sequence[Export]] = no_exports
    parts: Callable[[C], Sequence[str]] | None = None
    gathers: bool = False  # the context takes the (module, Export) of every other row

    def applies(self, ctx: C) -> bool:
        return (not self.twin or ctx.options.aio) and self.when(ctx)

    @property
    def module(self) -> str:
        """The module's name in its package (client.py -> client)."""
        return self.path.removesuffix(".py")


def _moved_type_defs(ctx: ServiceContext) -> frozenset[str]:
    """What resource_type_defs.py defines and type_defs.py re-exports (issue #28): the
    resources view decides it, the type_defs view prints it. The table is where the two
    meet, so that neither view imports the other."""
    return ctx.view(resources.ResourceView).type_defs_split() if ctx.service.resources is not None else frozenset()


def _type_defs(ctx: ServiceContext) -> dict[str, Any]:
    return type_defs.context(ctx, _moved_type_defs(ctx))


def _resource_type_defs(ctx: ServiceContext) -> dict[str, Any]:
    return type_defs.resource_context(ctx, _moved_type_defs(ctx))


SERVICE_KINDS: tuple[ModuleKind[ServiceContext], ...] = (
    ModuleKind("__init__.py", "service_init.py.j2", package.init_context, gathers=True),
    ModuleKind("exceptions.py", "exceptions.py.j2", exceptions.context, exports=exceptions.exports),
    ModuleKind("literals.py", "literals.py.j2", literals.context),
    ModuleKind("client.py", "client.py.j2", client.context, stub=True, exports=client.exports),
    ModuleKind("type_defs.py", "type_defs.py.j2", _type_defs, stub=True),
    ModuleKind(
        "resource_type_defs.py",
        "type_defs.py.j2",
        _resource_type_defs,
        stub=True,
        when=lambda c: bool(_moved_type_defs(c)),
    ),
    ModuleKind(
        "paginators.py",
        "wrappers.py.j2",
        wrappers.paginators_context,
        stub=True,
        when=lambda c: bool(c.service.paginators),
    ),
    ModuleKind(
        "waiters.py", "wrappers.py.j2", wrappers.waiters_context, stub=True, when=lambda c: bool(c.service.waiters)
    ),
    ModuleKind("stubber.py", "stubber.py.j2", stubber.context, when=lambda c: bool(c.service.operations)),
    ModuleKind(
        "service_resource.py",
        "service_resource.py.j2",
        resources.context,
        stub=True,
        when=lambda c: c.service.resources is not None,
        exports=resources.exports,
    ),
    ModuleKind("{part}.py", "reexport.py.j2", package.reexport_context, parts=package.reexport_parts),
    ModuleKind(
        "aio_type_defs.py", "type_defs.py.j2", aio.type_defs_context, when=aio.has_variants, twin="type_defs.py"
    ),
    ModuleKind("aio.py", "aio.py.j2", aio.context, stub=True, twin="client.py"),
)

PACKAGE_KINDS: tuple[ModuleKind[PackageContext], ...] = (
    ModuleKind("__init__.py", "package_init.py.j2", root.init_context),
    ModuleKind("py.typed", AS_IS, root.marker_context),
    ModuleKind(f"{MODULE}.py", "entry.py.j2", entry.context, when=lambda p: bool(p.entries)),
    ModuleKind("{part}", AS_IS, root.runtime_context, parts=root.runtime_parts),
)
