"""The typed Stubber of a service (`<service>/stubber.py`): what its template prints.

`<Prefix>Stubber` is botocore's Stubber at run time (runtime/_stubber.py); for the type
checker add_response is overloaded per operation: the method name a Literal,
service_response what botocore's Stubber validates (the output shape: ResponseMetadata
may be left out, members required as the model says), expected_params the operation's
request TypedDict.  add_client_error takes the service's modeled error codes as a Literal.
"""

from __future__ import annotations

from typing import Any

from ..model.service import Operation
from ..text.layout import Br, pystr, statement
from ..types.imports import ImportSet
from ..types.pyexpr import (
    LITERALS,
    NONE,
    STR,
    TYPE_DEFS,
    Literal,
    Name,
    Needs,
    Or,
    PyExpr,
    Subscript,
    all_needs,
    builtin,
    runs,
    sub,
    typing_name,
    uses,
)
from ..types.specs import Field, TypedDictSpec
from ..types.variants import RESPONSE
from .blocks import SELF, Block, ClassHead, Method, Param, dunder_all, header
from .overloads import no_match_overload, varying
from .service import ServiceContext

_RESPONSE = "service_response"
_EXPECTED = "expected_params"
_EMPTY = Name(".._stubber", "EmptyStubResponseTypeDef")
_ANYTHING = sub(typing_name("Mapping"), STR, typing_name("Any"))
_OPTIONAL_ANYTHING = Or((_ANYTHING, NONE))
_OBJECT = builtin("object")
Variant = tuple[list[str], PyExpr, PyExpr]  # add_response's methods, service_response, expected_params


def _typed(methods: list[str], response: PyExpr, expected: PyExpr) -> tuple[list[Param], Needs]:
    """add_response's parameters for `methods`: the Literal, the response and request types."""
    literal = Literal(tuple(methods))
    params = [SELF, Param("method", literal), Param(_RESPONSE, response), Param(_EXPECTED, expected, "None")]
    return params, uses(literal, response, expected)


class StubberView:
    """Everything templates/stubber.py.j2 needs for one service."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.service = ctx.service
        self.stubber = ctx.names.stubber
        self.error_codes = sorted({ctx.service.shape(e).error_code for e in ctx.service.error_shapes})
        self.code_alias = ctx.names.error_code
        self.response_names = dict(ctx.names.stub_responses)

    # ---- the stub response TypedDicts ------------------------------------------------
    def response_blocks(self) -> list[Block]:
        return [
            block
            for shape, name in self.response_names.items()
            for block in self.ctx.spec_blocks(self._response_spec(shape, name), frozenset())
        ]

    def _response_spec(self, shape_name: str, name: str) -> TypedDictSpec:
        """The response TypedDict as botocore's Stubber checks it: the output shape's members,
        required where the model says (its validator), ResponseMetadata optional (the Stubber
        fills it in), an event stream as one event (the validator wants a dict there)."""
        shape = self.service.shape(shape_name)
        # the Stubber drops ResponseMetadata before validating, so even a member of that name
        # that the model requires may be left out
        required = {m.name for m in shape.members if m.required} - {"ResponseMetadata"}
        response = self.ctx.types.spec(shape_name, RESPONSE, self.ctx.types.response_name(shape_name))
        fields = []
        for f in response.fields:
            stream = isinstance(f.type, Subscript) and f.type.base.name == "EventStream"
            expr = f.type.args[0] if isinstance(f.type, Subscript) and stream else f.type
            fields.append(Field(f.key, expr, f.key in required, f.documentation))
        doc = f"{self.stubber}.add_response: a stubbed {shape_name} (ResponseMetadata may be left out)."
        return TypedDictSpec(name, shape_name, RESPONSE, tuple(fields), doc)

    # ---- the class ---------------------------------------------------------------------
    def class_head(self) -> ClassHead:
        client = self.ctx.names.client
        doc = (
            f"botocore's Stubber for a {self.service.name} client, typed per operation.\n\n"
            f"Wrap a {client} (or its .raw boto3 client): {self.stubber}(client). add_response takes the\n"
            "operation's response and request types; add_client_error the service's modeled error codes."
        )
        return ClassHead(self.stubber, ("BaseStubber",), doc)

    def methods(self) -> list[Method]:
        ops = list(self.service.operations)
        variants: list[Variant] = []
        silent = [op.method for op in ops if not op.output and not op.input]
        if silent:
            variants.append((silent, _EMPTY, _OPTIONAL_ANYTHING))
        for op in ops:
            if op.output or op.input:
                variants.append(([op.method], self._response_type(op), self._expected_type(op)))
        out = []
        if len(variants) > 1:  # first, one no call matches: mypy's short message (views/overloads.py)
            taken = [SELF, varying(Param("method")), varying(Param(_RESPONSE)), varying(Param(_EXPECTED, None, "None"))]
            out.append(no_match_overload("add_response", taken, NONE, doc=False))
        for variant in variants if len(variants) > 1 else []:
            typed, needs = _typed(*variant)
            out.append(
                Method(
                    name="add_response",
                    params=typed,
                    returns=NONE,
                    decorators=["overload"],
                    ellipsis=True,
                    needs=needs | runs(typing_name("overload")),
                )
            )
        if len(variants) > 1:  # the implementation takes what every overload takes (object)
            params = [SELF, Param("method", _OBJECT), Param(_RESPONSE, _OBJECT), Param(_EXPECTED, _OBJECT, "None")]
            needs = Needs()
        else:
            params, needs = _typed(*variants[0])
        out.append(
            Method(
                name="add_response",
                params=params,
                returns=NONE,
                doc="Queue a successful response to the next call of `method`; with expected_params, the call must have exactly those parameters.",
                body=[f"self._stub_response(method, {_RESPONSE}, {_EXPECTED})"],
                needs=needs,
            )
        )
        out.append(self._client_error())
        return out

    def _response_type(self, op: Operation) -> PyExpr:
        return Name(None, self.response_names[op.output]) if op.output else _EMPTY

    def _expected_type(self, op: Operation) -> PyExpr:
        return Or((Name(TYPE_DEFS, self.ctx.types.request_name(op.input)), NONE)) if op.input else _OPTIONAL_ANYTHING

    def _client_error(self) -> Method:
        code = Name(None, self.code_alias) if self.code_alias else STR
        meta = Or((sub(typing_name("Mapping"), STR, STR), NONE))
        params = [
            SELF,
            Param("method", Name(LITERALS, "OperationName")),
            Param("service_error_code", code),
            Param("service_message", STR, '""'),
            Param("http_status_code", builtin("int"), "400"),
            Param("service_error_meta", meta, "None"),
            *(Param(name, _OPTIONAL_ANYTHING, "None") for name in (_EXPECTED, "response_meta", "modeled_fields")),
        ]
        args = [p.name for p in params[1:]]  # passed on in the order they are declared
        return Method(
            name="add_client_error",
            params=params,
            returns=NONE,
            doc="Queue a service error (one of the service's modeled error codes) for the next call of `method`.",
            body=[f"self._stub_client_error({', '.join(args)})"],
            needs=uses(*(p.annotation for p in params if p.annotation is not None)),
        )

    # ---- the module ----------------------------------------------------------------------
    def context(self) -> dict[str, object]:
        blocks = self.response_blocks()
        methods = self.methods() if self.service.operations else []
        aliases = (
            [statement(f"{self.code_alias} = ", Br("Literal", tuple(pystr(c) for c in self.error_codes)))]
            if self.code_alias
            else []
        )
        ctx = self.ctx
        imports = ImportSet(".stubber", checking=False)
        imports.add(".._stubber", "ANY").add(".._stubber", "BaseStubber")  # re-exported; the class's base
        imports.need(all_needs([*(b.needs for b in blocks), *(m.needs for m in methods)]))
        if self.code_alias:
            imports.need(uses(Literal(tuple(self.error_codes))))
        return {
            "header": header(f"Typed botocore Stubber for {ctx.title}.", ctx.versions),
            "imports": imports.runtime(),
            "all": dunder_all(
                sorted(
                    [
                        "ANY",
                        self.stubber,
                        *self.response_names.values(),
                        *([self.code_alias] if self.code_alias else []),
                    ]
                )
            ),
            "blocks": blocks,
            "aliases": aliases,
            "cls": self.class_head(),
            "service_literal": pystr(self.service.name),
            "methods": methods,
        }


def context(ctx: ServiceContext) -> dict[str, Any]:
    """stubber.py's variables, from the service's one StubberView."""
    return ctx.view(StubberView).context()
