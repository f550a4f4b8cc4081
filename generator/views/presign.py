"""The typed generate_presigned_url overloads, for the operations botocore can presign
(model.service.Operation.presignable; how botocore decides it: model/signing.py).  ClientMethod is
a Literal of botocore's method names, Params the operation's request TypedDict: botocore
raises UnknownClientMethodError and ParamValidationError for anything else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types.pyexpr import NONE, TYPE_DEFS, Literal, Name, Or, PyExpr, builtin, runs, sub, typing_name, uses
from ..types.typemap import FILLED_BY_BOTOCORE
from .blocks import SELF, Member, Method, Param
from .overloads import call_protocol, no_match_overload, varying

if TYPE_CHECKING:
    from ..model.service import Operation, Service
    from .service import ServiceContext


def presigned_methods(view: ServiceContext) -> list[Member]:
    """generate_presigned_url: one overload per presignable operation (the operations that
    take no input share one), ClientMethod a Literal of botocore's method name, Params the
    operation's request TypedDict (optional when no member is required), after one that no
    call matches (views/overloads.py: mypy's message for a wrong call); the overloads are the
    `__call__` of a Protocol the client declares the method as (overloads.call_protocol)."""
    ops = [op for op in view.service.operations if op.presignable]
    if not ops:
        return []
    # builtins spelt out: in the class body an operation called `str` or `int` shadows them
    b = builtins_alias(view.service)
    text = builtin(f"{b}.str")
    anything: PyExpr = Or((sub(typing_name("Mapping"), text, typing_name("Any")), NONE))
    variants = _variants(view, ops, anything)
    tail = [Param("ExpiresIn", builtin(f"{b}.int"), "3600"), Param("HttpMethod", Or((text, NONE)), "None")]
    returns = builtin(f"{b}.str")
    if len(variants) > 1:
        # first, the one no call matches: mypy's short message (views/overloads.py)
        taken = [SELF, varying(Param("ClientMethod", text)), varying(Param("Params", anything, "None")), *tail]
        methods = [no_match_overload(_NAME, taken, returns, doc=False)]
        for method, params, default in variants:
            methods.append(
                Method(
                    name=_NAME,
                    params=[SELF, Param("ClientMethod", method), Param("Params", params, default), *tail],
                    returns=returns,
                    decorators=["overload"],
                    ellipsis=True,
                    needs=uses(method, params) | runs(typing_name("overload")),
                )
            )
        return [call_protocol(view.names.calls[_NAME], methods, _DOC)]  # a stub has no implementation
    method, params, default = variants[0]
    return [
        Method(
            name=_NAME,
            params=[SELF, Param("ClientMethod", method), Param("Params", params, default), *tail],
            returns=returns,
            doc=_DOC,
            needs=uses(method, params),
        )
    ]


_NAME = "generate_presigned_url"
_DOC = (
    "A presigned URL for calling ClientMethod with Params (botocore's generate_presigned_url,\n"
    "which validates Params as the call would)."
)


def _variants(view: ServiceContext, ops: list[Operation], anything: PyExpr) -> list[tuple[Literal, PyExpr, str]]:
    """(ClientMethod, Params, Params' default) per overload: one for the operations without
    input, then one per operation with input."""
    variants: list[tuple[Literal, PyExpr, str]] = []
    no_input = [op.method for op in ops if not op.input]
    if no_input:
        variants.append((Literal(tuple(no_input)), anything, "None"))
    for op in ops:
        if op.input:
            request = Name(TYPE_DEFS, view.types.request_name(op.input))
            params: PyExpr = request if _requires(view.service, op.input) else Or((request, NONE))
            variants.append((Literal((op.method,)), params, "" if params is request else "None"))
    return variants


def builtins_alias(service: Service) -> str:
    """The name client.py imports the builtins module as: `builtins`, unless an operation's
    method is called so."""
    taken = {op.method for op in service.operations}
    name = "builtins"
    while name in taken:
        name += "_"
    return name


def builtins_import(service: Service) -> str:
    """The name the overloads need `import builtins` as ("" when there are none)."""
    return builtins_alias(service) if any(op.presignable for op in service.operations) else ""


def _requires(service: Service, shape: str) -> bool:
    """Does the operation's request TypedDict have a required member?"""
    filled = FILLED_BY_BOTOCORE.get(service.name, frozenset())
    return any(m.required and not m.idempotency_token and m.name not in filled for m in service.shape(shape).members)
