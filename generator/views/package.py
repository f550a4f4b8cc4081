"""The service package's own modules: `<service>/__init__.py` (what it re-exports from the
other modules: their `exports` column in render/kinds.py) and the re-export modules of a
hand-typed runtime module (dynamodb/conditions.py: model.resources.SERVICE_MODULES)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

from ..model.resources import SERVICE_MODULES
from ..text.layout import pystr
from ..types.imports import ImportSet
from .blocks import Export, dunder_all, header
from .service import ServiceContext

# At run time the package binds the client submodule, not its factory (issue #29): calling
# the module calls client() (_runtime.callable_module).
_CLIENT_MODULE = (
    "else:  # the submodule, not its factory: calling the module calls client() (_runtime.CallableModule)\n"
    "    from . import client"
)


def init_context(ctx: ServiceContext, exports: Sequence[tuple[str, Export]]) -> dict[str, Any]:
    """`__init__.py`: `exports` are (module, name) of every module of the service, in the
    table's order; `lazy` ones are imported on first use (templates/service_init.py.j2)."""
    imports = ImportSet()
    for module, export in exports:
        imports.add(f".{module}", export.name, runtime=export.how == "runtime")
    lazy = [export.name for _, export in exports if export.how == "lazy"]
    checking = f"\n\nif TYPE_CHECKING:\n{imports.checking()}\n{_CLIENT_MODULE}"
    return dict(
        header=header(f"Typed boto3 layer for {ctx.title}.", ctx.versions),
        imports=imports.runtime() + checking,
        all=dunder_all(sorted(export.name for _, export in exports)),
        lazy=[pystr(n) for n in lazy],
    )


def reexport_parts(ctx: ServiceContext) -> list[str]:
    """The re-export modules of the service (dynamodb: conditions)."""
    return list(SERVICE_MODULES.get(ctx.service.name, {}))


def reexport_context(ctx: ServiceContext, module: str) -> dict[str, Any]:
    """A service module that re-exports a hand-typed runtime module (dynamodb.conditions)."""
    runtime, title = SERVICE_MODULES[ctx.service.name][module]
    names = sorted(import_module(f"generator.runtime.{runtime}").__all__)
    imports = ImportSet()
    for name in names:
        imports.add(f"..{runtime}", name, runtime=True)
    return dict(
        header=header(f"{title} of {ctx.title}.", ctx.versions), imports=imports.runtime(), all=dunder_all(names)
    )
