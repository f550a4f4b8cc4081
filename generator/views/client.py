"""`<service>/client.py` and client.pyi: the typed client (templates/client.py.j2).

client.py is the run-time shim (the class names, the factory); client.pyi the class as type
checkers and editors read it: every declared operation, with its docstring, the presigned-URL
overloads (views/presign.py), get_paginator and get_waiter.
"""

from __future__ import annotations

from typing import Any

from ..model import docs
from ..model.resources import CLIENT_BASES
from ..text.layout import pystr
from ..types.imports import ImportSet
from ..types.pyexpr import Literal, Name, runs, shared, typing_name, uses
from .blocks import (
    SELF,
    ClassHead,
    Export,
    Member,
    Method,
    Param,
    dunder_all,
    factory,
    header,
    import_blocks,
    method_needs,
    param,
)
from .overloads import call_protocol, no_match_overload, varying
from .presign import builtins_import, presigned_methods
from .service import OVERLOAD, ServiceContext

CLIENT_RUNTIME_ORDER = (".._runtime", ".exceptions", ".._injected")  # client.py's run-time imports


def client_methods(ctx: ServiceContext) -> list[Member]:
    methods: list[Member] = [exceptions_property(ctx)]
    methods += [
        ctx.operation_method(op, ctx.request_name(op), ctx.response_type(op)) for op in ctx.declared_operations()
    ]
    return methods + getters(ctx, "paginators", "waiters")


def exceptions_property(ctx: ServiceContext) -> Method:
    exceptions = Name(".exceptions", ctx.names.exceptions)
    return Method(
        name="exceptions",
        params=[SELF],
        returns=Name(None, ctx.names.exceptions),
        decorators=["property"],
        doc="The service's modeled errors: the classes botocore raises.",
        needs=uses(exceptions),
    )


def getters(ctx: ServiceContext, paginators: str, waiters: str, kind: str = "") -> list[Member]:
    """get_paginator and get_waiter, returning the classes of the modules `paginators` and
    `waiters`; `kind` qualifies what they give ("async ")."""
    return getter_methods(
        ("get_paginator", ctx.names.calls["get_paginator"]),
        "operation_name",
        ctx.paginator_classes,
        paginators,
        f"A typed {kind}paginator for an operation that can be paginated.",
    ) + getter_methods(
        ("get_waiter", ctx.names.calls["get_waiter"]),
        "waiter_name",
        ctx.waiter_classes,
        waiters,
        f"A typed {kind}waiter: polls an operation until a resource reaches a state.",
    )


def getter_methods(named: tuple[str, str], arg: str, classes: dict[str, str], module: str, doc: str) -> list[Member]:
    """get_paginator/get_waiter (`named`: the method and its call Protocol): a Literal
    overload per name on the Protocol's __call__ (views/overloads.py), or one method for a
    single name."""
    method, protocol = named
    if not classes:
        return []
    if len(classes) > 1:  # after one no call matches (views/overloads.py: mypy's message)
        out = [no_match_overload(method, [SELF, varying(Param(arg))], typing_name("Any"))]
        for name, cls in classes.items():
            literal = Literal((name,))
            needs = uses(literal, Name(f".{module}", cls)) | runs(OVERLOAD)
            params = [SELF, param(arg, literal)]
            out.append(Method(method, params, Name(None, cls), f"{cls} for {name}.", [], ["overload"], needs=needs))
        return [call_protocol(protocol, out, doc)]
    name, cls = next(iter(classes.items()))
    literal, returns = Literal((name,)), Name(f".{module}", cls)
    return [Method(method, [SELF, param(arg, literal)], returns, doc, needs=uses(literal, returns))]


def client_imports(ctx: ServiceContext, methods: list[Member], factory: Method, stub: bool = False) -> ImportSet:
    """The imports of client.py (the factory and the class's bases), or of client.pyi
    (`stub`: what the signatures of `methods` use)."""
    imports = ImportSet(".client", at_runtime=[("typing", "Literal")] if stub else ())
    imports.need(method_needs([*methods, factory], stub), stub=stub)
    for base in client_base_names(ctx):
        imports.need(runs(base))
    return imports


def client_base_names(ctx: ServiceContext) -> list[Name]:
    injected = CLIENT_BASES.get(ctx.service.name)  # typed methods boto3 injects (s3 upload_file, ...)
    return [*([Name(".._injected", injected)] if injected else []), Name(".._runtime", "BaseClient")]


def client_class(ctx: ServiceContext) -> ClassHead:
    service = ctx.service
    first = docs.summary(service.documentation) or f"{service.full_name}."
    doc = (
        f"Typed client for {service.full_name} (botocore service {service.name!r}).\n\n{first}\n\n"
        f"The type of boto3's own {service.name} client: client(...) returns "
        f"boto3.client({service.name!r}, ...) unchanged, and "
        f"isinstance(boto3.client({service.name!r}), {ctx.names.client}) is true."
    )
    return ClassHead(ctx.names.client, tuple(n.render() for n in client_base_names(ctx)), doc)


def client_factory(ctx: ServiceContext) -> Method:
    client, name = ctx.names.client, ctx.service.name
    doc = (
        f"boto3.client({name!r}, ...) with the same arguments, from `session` "
        f"when given: boto3's client itself, typed {client}."
    )
    creator = Name(".._runtime", "create_client")
    return factory("client", name, Name(None, client), creator, shared("SessionLike"), shared("ClientArgsTypeDef"), doc)


def context(ctx: ServiceContext) -> dict[str, Any]:
    """client.py's variables; `pyi`: what differs in client.pyi (its imports)."""
    methods = client_methods(ctx) + presigned_methods(ctx)
    made = client_factory(ctx)
    builtins = builtins_import(ctx.service)  # what the presign overloads spell builtins as
    shim = client_imports(ctx, [], made, False).add(".._runtime", "callable_module", runtime=True)
    stub = client_imports(ctx, methods, made, True)
    if builtins:
        stub.add_module("builtins", alias=builtins)
    return dict(
        header=header(f"Typed client for {ctx.title}.", ctx.versions),
        **import_blocks(shim, CLIENT_RUNTIME_ORDER, grouped=False),
        pyi=import_blocks(stub, CLIENT_RUNTIME_ORDER, grouped=False),
        all=dunder_all([ctx.names.client, "client"]),
        client=client_class(ctx),
        service_literal=pystr(ctx.service.name),
        methods=methods,
        factory=made,
        module_call="callable_module(__name__)",
    )


def exports(ctx: ServiceContext) -> list[Export]:
    """What the service's `__init__` re-exports from client.py: the class (imported at run
    time) and, for checkers, the factory (at run time the package binds the submodule)."""
    return [Export(ctx.names.client), Export("client", "checking")]
