"""`<service>/exceptions.py`: the modeled errors of the service as classes, and the class of
`client.exceptions` (templates/exceptions.py.j2).  Its names: naming/table.py, exceptions."""

from __future__ import annotations

from typing import Any

from ..model import docs
from ..naming.rules import is_plain_key
from ..types.imports import ImportSet
from .blocks import ClassHead, Export, dunder_all, header, import_blocks
from .service import ServiceContext


def exception_classes(ctx: ServiceContext) -> list[tuple[str, ClassHead]]:
    """(attribute name, the class) per modeled error."""
    out = []
    for name in ctx.service.error_shapes:
        shape = ctx.service.shape(name)
        cls = ctx.names.exception_class(name)  # never an error's attribute name (name_table)
        doc = docs.summary(shape.documentation, 300) or f"The service error {name}."
        if shape.error_code != name:
            doc += f"\n\nError code: {shape.error_code}"
        out.append((name if is_plain_key(name) else "", ClassHead(cls, ("ClientError",), doc)))
    return out


def exceptions_doc(ctx: ServiceContext) -> str:
    return (
        f"The exception classes of {ctx.service.name} clients (client.exceptions).\n\n"
        "Attributes are botocore's own classes, looked up on the client, so\n"
        "`except client.exceptions.X` catches exactly what botocore raises."
    )


def context(ctx: ServiceContext) -> dict[str, Any]:
    classes = exception_classes(ctx)
    alias = ctx.names.exception_type  # spells type[...] in the exceptions class body
    attributes = [(attr, head.name) for attr, head in classes if attr]
    imports = ImportSet().add(".._runtime", "BaseClientExceptions", runtime=True)
    if classes:  # the error classes derive from it (under TYPE_CHECKING)
        imports.add(".._types", "ClientError")
    if alias != "type" and attributes:
        imports.add("typing", "Type", alias=alias)
    return dict(
        header=header(f"Modeled errors of {ctx.title}.", ctx.versions),
        all=dunder_all([ctx.names.exceptions]),
        classes=classes,
        exceptions_class=ctx.names.exceptions,
        doc=exceptions_doc(ctx),
        attributes=attributes,
        alias=alias,
        **import_blocks(imports),
    )


def exports(ctx: ServiceContext) -> list[Export]:
    """What the service's `__init__` re-exports from exceptions.py: the class of client.exceptions."""
    return [Export(ctx.names.exceptions)]
