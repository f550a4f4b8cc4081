"""The aio modules of a service (generated with --aio): typed aiobotocore clients.

Everything is derived from the sync ServiceView: the same operations, request and
response TypedDicts, paginator and waiter classes and docstrings; only what differs
for aiobotocore is decided here.  Methods return the coroutine aiobotocore returns,
typed Coroutine[Any, Any, T] (not Awaitable) so that a forgotten `await` is reported.
Response TypedDicts that hold a streamed body or an event stream (and those that hold
them) get async variants in `aio_type_defs`, with the same names and text, whose
StreamingBody and EventStream come from the package's `_aio`; every other type is the
sync one.
"""

from __future__ import annotations

from typing import Callable

from .layout import Br, class_def, flat, function_def, import_from, pystr, statement
from .pytext import docstring
from .typemap import TypedDictSpec
from .views import SHARED_NAMES, TYPED_DICT_NAMES, TYPING_NAMES, Block, Method, ServiceView, dunder_all, header, imports_for, names_in
from .views import _UNPACK_IMPORT as UNPACK_IMPORT

ASYNC_TYPES = ("EventStream", "StreamingBody")  # in _aio: the async protocols of the same names
AIO_CLIENT_BASES = {"s3": "S3ClientMethods"}  # aiobotocore's injected coroutine methods, typed in _aio
_RUNTIME = ["BaseClient", "ClientContext", "PageIterator", "Paginator", "Waiter", "create_client"]
_NOTE = "A coroutine: await it."
_WAIT_DOC = (
    "Poll {op} until the waiter succeeds (a coroutine); raises botocore's WaiterError on failure "
    "or timeout. Typed as None: aiobotocore returns the last response, which is the operation's "
    "output or an error response, depending on the acceptor that matched."
)
Renderer = Callable[..., str]


def coroutine(returns: str) -> str:
    return f"Coroutine[Any, Any, {returns}]"


class AioView:
    """What aio.py and aio_type_defs.py of one service print."""

    def __init__(self, view: ServiceView) -> None:
        self.view = view
        self.variants = async_variants(view.types.typed_dicts())
        self.variant_names = frozenset(spec.name for spec in self.variants)

    # ---- aio_type_defs.py --------------------------------------------------------------
    def type_defs_blocks(self) -> list[Block]:
        pending = set(self.variant_names)
        blocks: list[Block] = []
        for spec in self.variants:
            blocks.extend(self.view._typed_dict(spec, pending))
            pending.discard(spec.name)
        return blocks

    def type_defs_imports(self, blocks: list[Block]) -> str:
        used = names_in(b.code for b in blocks)
        sync_names = set(self.view.types.typed_dict_names.values()) - self.variant_names
        groups = [
            [
                imports_for(used, "datetime", ["datetime"]),
                imports_for(used, "typing", TYPING_NAMES - TYPED_DICT_NAMES),
            ],
            [
                imports_for(used, ".._aio", ASYNC_TYPES),
                imports_for(used, ".._types", (SHARED_NAMES | TYPED_DICT_NAMES) - set(ASYNC_TYPES)),
                imports_for(used, ".literals", self.view.types.literal_names.values()),
                imports_for(used, ".type_defs", sync_names),
            ],
        ]
        texts = ["\n".join(line for line in group if line) for group in groups]
        return "\n\n".join(text for text in texts if text)

    # ---- aio.py: the client ------------------------------------------------------------
    def client_methods(self) -> list[Method]:
        view = self.view
        methods = [view._exceptions_property()]
        for op in view.service.operations:
            request = view.types.request_name(op.input) if op.input else ""
            returns = view.types.response_name(op.output) if op.output else "EmptyResponseTypeDef"
            methods.append(view.operation_method(op, request, coroutine(returns), _NOTE))
        methods += view._getter(
            "get_paginator", "operation_name", "PaginatorName", view.paginator_classes, "Paginator", "aio",
            "PAGINATORS", "A typed async paginator for an operation that can be paginated.",
        )
        methods += view._getter(
            "get_waiter", "waiter_name", "WaiterName", view.waiter_classes, "Waiter", "aio",
            "WAITERS", "A typed async waiter: polls an operation until a resource reaches a state.",
        )
        return methods

    def client_bases(self) -> list[str]:
        return [*filter(None, [AIO_CLIENT_BASES.get(self.view.service.name)]), "BaseClient"]

    def client_doc(self) -> str:
        service = self.view.service
        return docstring(
            f"Typed async client for {service.full_name} (botocore service {service.name!r}).\n\n"
            f"Wraps an aiobotocore client: `async with client(...) as c`, or wrap one that is "
            f"already open with {self.view.names.client}(raw). Operations return coroutines.",
            4,
        )

    def factory(self) -> str:
        names = self.view.names
        context = f"ClientContext[{names.client}]"
        sig = function_def(
            "client", ["*", "session: AioSessionLike | None = None", "**kwargs: Unpack[ClientArgsTypeDef]"], context, 0
        )
        doc = docstring(
            f"A typed {self.view.service.name} client in an async context manager: the same arguments "
            f"as aiobotocore's session.create_client({self.view.service.name!r}, ...), from `session` "
            "when given (else a new aiobotocore session). Use it as `async with client(...) as c`.",
            4,
        )
        call = f"create_client({pystr(self.view.service.name)}, session, kwargs)"
        body = statement("return ", Br("ClientContext", (names.client, call), "(", ")"), 4)
        return f"{sig}\n{doc}\n{body}"

    # ---- aio.py: paginators and waiters ------------------------------------------------
    def paginator_classes(self) -> list[tuple[str, str, Method]]:
        return self.view.paginator_methods()  # same text: PageIterator/Paginator are _aio's here

    def waiter_classes(self) -> list[tuple[str, str, Method]]:
        view = self.view
        out = []
        for waiter, (class_header, doc, _) in zip(view.service.waiters, view.waiter_methods()):
            op = view.service.operation(waiter.operation)
            kwargs = view.types.wait_name(op.input) if op.input else "WaitArgsTypeDef"
            returns = coroutine("None")
            method = Method(
                signature=function_def("wait", [*view._self(op.input), f"**kwargs: Unpack[{kwargs}]"], returns, 4),
                doc=docstring(_WAIT_DOC.format(op=op.method), 8),
                body=statement("return ", Br("cast", (pystr(returns), "self._raw.wait(**kwargs)"), "(", ")"), 8),
            )
            out.append((class_header, doc, method))
        return out

    def tables(self) -> list[str]:
        view = self.view
        out = []
        if view.paginator_classes:
            out.append(view.table("PAGINATORS", "Paginator", view.paginator_classes))
        if view.waiter_classes:
            out.append(view.table("WAITERS", "Waiter", view.waiter_classes))
        return out

    def public(self) -> list[str]:
        view = self.view
        names = [view.names.client, "client"]
        names += ["PAGINATORS"] * bool(view.paginator_classes) + list(view.paginator_classes.values())
        names += ["WAITERS"] * bool(view.waiter_classes) + list(view.waiter_classes.values())
        return names

    def imports(self, texts: list[str]) -> tuple[str, str]:
        """(run-time imports, TYPE_CHECKING imports) of aio.py."""
        used = names_in(texts)
        view = self.view
        typing_names = ["TYPE_CHECKING", "Any", "Coroutine", "cast"] + [n for n in ("Literal", "overload") if n in used]
        runtime = [
            "import sys",
            import_from("typing", sorted(typing_names)),
            "",
            import_from(".._aio", sorted(set(_RUNTIME + self.client_bases()) & used)),
            import_from(".exceptions", [view.names.exceptions]),
        ]
        sync_names = set(view.types.typed_dict_names.values()) - self.variant_names
        checking = [
            imports_for(used, ".._aio", ["AioSessionLike"], 4),
            imports_for(used, ".._types", SHARED_NAMES | {"EmptyResponseTypeDef"}, 4),
            imports_for(used, ".aio_type_defs", self.variant_names, 4),
            imports_for(used, ".literals", ["PaginatorName", "WaiterName"], 4),
            imports_for(used, ".type_defs", sync_names, 4),
        ]
        return "\n".join(runtime), "\n".join([UNPACK_IMPORT, ""] + [c for c in checking if c])


def async_variants(specs: list[TypedDictSpec]) -> list[TypedDictSpec]:
    """The TypedDicts that hold a StreamingBody or EventStream, directly or through another
    one, in the (dependency) order of `specs`."""
    uses = {spec.name: names_in(flat(f.type) for f in spec.fields) for spec in specs}
    marked = set(ASYNC_TYPES)
    while True:
        more = {name for name, used in uses.items() if name not in marked and used & marked}
        if not more:
            break
        marked |= more
    return [spec for spec in specs if spec.name in marked]


def render_aio(view: ServiceView, render: Renderer) -> dict[str, str]:
    """aio.py (and aio_type_defs.py when a response streams) of one service."""
    aio = AioView(view)
    mod = view.names.module
    files = {}
    if aio.variants:
        blocks = aio.type_defs_blocks()
        files[f"{mod}/aio_type_defs.py"] = render(
            "type_defs.py.j2",
            header=header(f"Async variants of the streaming response types of {view.title}.", view.versions),
            imports=aio.type_defs_imports(blocks),
            all=dunder_all([spec.name for spec in aio.variants]),
            blocks=blocks,
            stub=False,
        )
    methods = aio.client_methods()
    paginators, waiters = aio.paginator_classes(), aio.waiter_classes()
    factory = aio.factory()
    texts = [m.signature + m.body + "".join(m.decorators) for m in methods]
    texts += [h + m.signature + m.body for h, _, m in paginators + waiters] + [factory, ", ".join(aio.client_bases())]
    runtime_imports, checking_imports = aio.imports(texts)
    files[f"{mod}/aio.py"] = render(
        "aio.py.j2",
        header=header(f"Typed async (aiobotocore) client of {view.title}.", view.versions),
        runtime_imports=runtime_imports,
        checking_imports=checking_imports,
        all=dunder_all(aio.public()),
        client_header=class_def(view.names.client, [", ".join(aio.client_bases())]),
        client_doc=aio.client_doc(),
        service_literal=pystr(view.service.name),
        methods=methods,
        classes=paginators + waiters,
        tables=aio.tables(),
        factory=factory,
    )
    return files
