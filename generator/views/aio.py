"""The aio modules of a service (generated with --aio): typed aiobotocore clients.

Everything is derived from the service's shared context (views/service.py) and the sync
views of the modules they twin (client, type_defs, wrappers): the same operations, request and
response TypedDicts, paginator and waiter classes and docstrings; only what differs
for aiobotocore is decided here.  Methods return the coroutine aiobotocore returns,
typed Coroutine[Any, Any, T] (not Awaitable) so that a forgotten `await` is reported.
Response TypedDicts that hold a streamed body or an event stream (and those that hold
them) get async variants in `aio_type_defs`, with the same names and text, whose
StreamingBody and EventStream come from the package's `_aio`; every other type is the
sync one.
"""

from __future__ import annotations

from typing import Any

from ..text.layout import pystr
from ..types.imports import ImportSet
from ..types.pyexpr import (
    NONE,
    TYPE_DEFS,
    Name,
    Needs,
    PyExpr,
    all_needs,
    runs,
    shared,
    sub,
    typing_name,
    unpack,
    uses,
)
from ..types.specs import TypedDictSpec
from . import client, wrappers
from .blocks import (
    Block,
    ClassHead,
    Member,
    Method,
    dunder_all,
    factory,
    header,
    import_blocks,
    method_needs,
    param,
)
from .service import ServiceContext

ASYNC_TYPES = ("EventStream", "StreamingBody")  # in _aio: the async protocols of the same names
AIO_CLIENT_BASES = {"s3": "S3ClientMethods"}  # aiobotocore's injected coroutine methods, typed in _aio
AIO = ".._aio"
RUNTIME_ORDER = (AIO, ".exceptions")  # aio.py's run-time imports, in this order
# Imported at run time in aio.py though only annotations use them (as ever: a layout choice).
_RUNTIME_TYPING = ["Any", "Coroutine", "Literal"]
_NOTE = "A coroutine: await it."
_WAIT_DOC = (
    "Poll {op} until the waiter succeeds (a coroutine); raises botocore's WaiterError on failure "
    "or timeout. Typed as None: aiobotocore returns the last response, which is the operation's "
    "output or an error response, depending on the acceptor that matched."
)


def coroutine(returns: PyExpr) -> PyExpr:
    anything = typing_name("Any")
    return sub(typing_name("Coroutine"), anything, anything, returns)


class AioView:
    """What aio.py and aio_type_defs.py of one service print."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.variants = async_variants(ctx.types.typed_dicts())
        self.variant_names = frozenset(spec.name for spec in self.variants)

    # ---- aio_type_defs.py --------------------------------------------------------------
    def type_defs_blocks(self) -> list[Block]:
        pending = set(self.variant_names)
        blocks: list[Block] = []
        for spec in self.variants:
            blocks.extend(self.ctx.spec_blocks(spec, pending))
            pending.discard(spec.name)
        return blocks

    def locate(self, module: str, name: str) -> str:
        """Where the aio modules import a name from: the async variants and protocols, and
        everything of _runtime, are the aio ones."""
        if module == TYPE_DEFS and name in self.variant_names:
            return ".aio_type_defs"
        if (module == ".._types" and name in ASYNC_TYPES) or module == ".._runtime":
            return AIO
        return module

    def type_defs_imports(self, blocks: list[Block]) -> str:
        imports = ImportSet(".aio_type_defs", checking=False, locate=self.locate)
        for block in blocks:
            imports.need(block.needs)
        return imports.runtime()

    # ---- aio.py: the client ------------------------------------------------------------
    def client_methods(self) -> list[Member]:
        ctx = self.ctx
        methods: list[Member] = [client.exceptions_property(ctx)]
        for op in ctx.declared_operations():
            methods.append(ctx.operation_method(op, ctx.request_name(op), coroutine(ctx.response_type(op)), _NOTE))
        return methods + client.getters(ctx, "aio", "aio", "async ")

    def client_bases(self) -> list[Name]:
        return [Name(AIO, n) for n in filter(None, [AIO_CLIENT_BASES.get(self.ctx.service.name), "BaseClient"])]

    def client_class(self) -> ClassHead:
        service = self.ctx.service
        doc = (
            f"Typed async client for {service.full_name} (botocore service {service.name!r}).\n\n"
            f"The type of aiobotocore's own {service.name} client: `async with client(...) as c` "
            f"gives it; {self.ctx.names.client}(raw) is a client that is already open, typed. "
            "Operations return coroutines."
        )
        return ClassHead(self.ctx.names.client, (", ".join(n.render() for n in self.client_bases()),), doc)

    def factory(self) -> Method:
        names = self.ctx.names
        returns = sub(Name(AIO, "ClientContext"), Name(None, names.client))
        doc = (
            f"A typed {self.ctx.service.name} client in an async context manager: the same arguments "
            f"as aiobotocore's session.create_client({self.ctx.service.name!r}, ...), from `session` "
            "when given (else a new aiobotocore session). Use it as `async with client(...) as c`."
        )
        creator, session = Name(AIO, "create_client"), Name(AIO, "AioSessionLike")
        return factory("client", self.ctx.service.name, returns, creator, session, shared("ClientArgsTypeDef"), doc)

    # ---- aio.py: paginators and waiters ------------------------------------------------
    def paginator_classes(self) -> list[tuple[ClassHead, Method]]:
        return wrappers.paginator_methods(self.ctx)  # same text: PageIterator/Paginator are _aio's here

    def waiter_classes(self) -> list[tuple[ClassHead, Method]]:
        ctx = self.ctx
        out = []
        for waiter, (head, _) in zip(ctx.service.waiters, wrappers.waiter_methods(ctx)):
            op = ctx.service.operation(waiter.operation)
            kwargs = unpack(Name(TYPE_DEFS, ctx.types.wait_name(op.input)) if op.input else shared("WaitArgsTypeDef"))
            returns = coroutine(NONE)
            method = Method(
                name="wait",
                params=[*ctx.self_params(op.input), param("**kwargs", kwargs)],
                returns=returns,
                doc=_WAIT_DOC.format(op=op.method),
                needs=uses(kwargs, returns),
            )
            out.append((head, method))
        return out

    def tables(self) -> list[str]:
        ctx = self.ctx
        out = []
        if ctx.paginator_classes:
            out.append(wrappers.table("PAGINATORS", ctx.paginator_classes))
        if ctx.waiter_classes:
            out.append(wrappers.table("WAITERS", ctx.waiter_classes))
        return out

    def public(self) -> list[str]:
        ctx = self.ctx
        names = [ctx.names.client, "client"]
        names += ["PAGINATORS"] * bool(ctx.paginator_classes) + list(ctx.paginator_classes.values())
        names += ["WAITERS"] * bool(ctx.waiter_classes) + list(ctx.waiter_classes.values())
        return names

    def imports(self, methods: list[Member], factory: Method, stub: bool = False) -> ImportSet:
        """The imports of aio.pyi (`stub`: what the signatures of `methods` use), or of the
        aio.py shim (the factory and the bases)."""
        at_runtime = [("typing", n) for n in _RUNTIME_TYPING] if stub else []
        imports = ImportSet(".aio", at_runtime=at_runtime, locate=self.locate)
        members = method_needs(methods, stub) if stub else Needs()
        imports.need(all_needs([members, factory.needs, runs(*self.client_bases())]), stub=stub)
        return imports


def async_variants(specs: list[TypedDictSpec]) -> list[TypedDictSpec]:
    """The TypedDicts that hold a StreamingBody or EventStream, directly or through another
    one, in the (dependency) order of `specs`."""
    uses = {spec.name: {n.name for f in spec.fields for n in f.type.names()} for spec in specs}
    marked = set(ASYNC_TYPES)
    while True:
        more = {name for name, used in uses.items() if name not in marked and used & marked}
        if not more:
            break
        marked |= more
    return [spec for spec in specs if spec.name in marked]


def has_variants(ctx: ServiceContext) -> bool:
    """Does the service get aio_type_defs.py (a response TypedDict streams)?"""
    return bool(ctx.view(AioView).variants)


def type_defs_context(ctx: ServiceContext) -> dict[str, Any]:
    """aio_type_defs.py: the async variants, printed by type_defs.py.j2 (the sync template)."""
    aio = ctx.view(AioView)
    blocks = aio.type_defs_blocks()
    return dict(
        header=header(f"Async variants of the streaming response types of {ctx.title}.", ctx.versions),
        imports=aio.type_defs_imports(blocks),
        all=dunder_all([spec.name for spec in aio.variants]),
        blocks=blocks,
    )


def context(ctx: ServiceContext) -> dict[str, Any]:
    """aio.py's variables; `pyi`: what differs in aio.pyi (its imports)."""
    aio = ctx.view(AioView)
    methods = aio.client_methods()
    paginators, waiters = aio.paginator_classes(), aio.waiter_classes()
    made = aio.factory()
    bases = [Name(".._runtime", "Paginator")] * bool(paginators) + [Name(".._runtime", "Waiter")] * bool(waiters)
    members = [*methods, *(m for _, m in paginators + waiters)]
    keys = wrappers.paginator_keys(ctx) + wrappers.waiter_keys(ctx)  # what each class is of, at run time
    imports = {stub: aio.imports(members, made, stub).need(runs(*bases)) for stub in (False, True)}
    return dict(
        header=header(f"Typed async (aiobotocore) client of {ctx.title}.", ctx.versions),
        **import_blocks(imports[False], RUNTIME_ORDER, grouped=False),
        pyi=import_blocks(imports[True], RUNTIME_ORDER, grouped=False),
        all=dunder_all(aio.public()),
        client=aio.client_class(),
        service_literal=pystr(ctx.service.name),
        methods=methods,
        classes=[(head, m, key) for (head, m), key in zip(paginators + waiters, keys)],
        tables=aio.tables(),
        factory=made,
    )
