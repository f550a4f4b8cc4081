"""The shared per-service context every view of one service builds on: the service (model),
its names (naming/table.py), its types (the TypeMap), and what more than one module prints.

Each generated module has a view module of its own that turns this context into its
template's variables (`context(ctx)`): views/literals.py, type_defs.py, client.py,
exceptions.py, wrappers.py (paginators and waiters), package.py (the service's `__init__`,
re-exports), aio.py (the aio twins), stubber.py, resources.py.  A view depends on this
context, never on another view's module; the table of module kinds (render/kinds.py) says
which view renders which file.

Kept here, because several modules print them: the TypedDict blocks of a spec
(`spec_blocks`: type_defs, aio_type_defs, stubber), an operation's method (`operation_method`:
the client, the aio client, the resource client), and which shapes qualify for a TypedDict
(`typed_dict_name`).  A view that needs another view's object takes it through `view()`,
which makes it once per service (the stubber and the resource module share nothing else).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import AbstractSet, Any, TypeVar

from ..model import docs
from ..model.service import Operation, Service
from ..naming.rules import declarable
from ..naming.table import NameTable, name_table
from ..options import DEFAULT, Options
from ..types.pyexpr import TYPE_DEFS, Name, Needs, PyExpr, shared, typing_name, unpack, uses
from ..types.resources import type_map
from ..types.specs import TypedDictSpec
from .blocks import SELF, Block, Method, Param, param
from .typed_dicts import spec_blocks

CAST = typing_name("cast")
OVERLOAD = typing_name("overload")
EMPTY_RESPONSE = shared("EmptyResponseTypeDef")
V = TypeVar("V")


class ServiceContext:
    """What every view of one service starts from: `service`, `names`, `types`, `title`,
    `versions`, `options`; and the pieces several modules print (see the module docstring)."""

    def __init__(
        self, service: Service, versions: str, options: Options = DEFAULT, names: NameTable | None = None
    ) -> None:
        self.service = service
        self.versions = versions
        self.options = options
        self.names = names if names is not None else name_table(service)
        self.types = type_map(service, self.names.types, options)
        self.paginator_classes = dict(self.names.paginators)
        self.waiter_classes = dict(self.names.waiters)
        self.title = f"{service.full_name} (botocore service {service.name!r})"
        self._ops = {op.method: op for op in service.operations}
        self._docs: dict[str, str] = {}  # operation -> method_doc (the client and aio client both ask)
        self._views: dict[Any, Any] = {}  # view() made once per service

    def view(self, make: Callable[[ServiceContext], V]) -> V:
        """The one `make(self)` of this service (ResourceView, AioView, StubberView...): the
        `__init__` and service_resource.py ask the same ResourceView, aio.py and
        aio_type_defs.py the same AioView."""
        if make not in self._views:
            self._views[make] = make(self)
        made: V = self._views[make]
        return made

    def release(self) -> None:
        """Drop the views made through view(): each refers back to this context, a cycle that
        the cyclic collector (run rarely while botoloom renders: pipeline.collect_less) would
        otherwise keep alive, with the whole service, long after the service is written."""
        self._views.clear()

    # ---- which shapes qualify ---------------------------------------------------------
    def typed_dict_name(self, shape: str, mode: str) -> str | None:
        """The TypedDict of `shape` used in `mode` (a variant kind: "request", "response",
        "in", "out", "paginate", "wait", ...), or None when the service's client has none
        (the shape is not reached that way).  Ask this, not the typemap's keys."""
        return self.types.typed_dict_names.get(self.types.keys.key(shape, mode))

    def qualifying(self, shapes: Iterable[str], mode: str) -> list[str]:
        """Those of `shapes` that have a TypedDict in `mode` (typed_dict_name), in order."""
        return [s for s in shapes if self.typed_dict_name(s, mode) is not None]

    def operation_of(self, method: str) -> Operation:
        """The operation of a client method name (a paginator's `method`)."""
        return self._ops[method]

    # ---- printed by several modules ---------------------------------------------------
    def spec_blocks(self, spec: TypedDictSpec, local: AbstractSet[str]) -> list[Block]:
        """The blocks of one TypedDict (views/typed_dicts.py); names in `local` are quoted."""
        return spec_blocks(self.types.one_of, spec, local)

    def declared_operations(self) -> list[Operation]:
        """The operations the typed client declares: those whose botocore method name a class
        body can hold (naming.rules.declarable; a keyword is reachable only with getattr)."""
        return [op for op in self.service.operations if declarable(op.method)]

    def self_params(self, input_shape: str) -> list[Param]:
        """`self`, positional-only when a request member is called self (else its key would
        clash with the parameter: a type error in mypy and pyright)."""
        members = self.service.shape(input_shape).members if input_shape else ()
        return [SELF, Param("/")] if any(m.name == "self" for m in members) else [SELF]

    def operation_method(self, op: Operation, request: str, returns: PyExpr, note: str = "") -> Method:
        """A client method of `op` taking `request` (a TypedDict of type_defs, "" for none) and
        returning `returns`; `note`, when given, is a paragraph of the docstring after the summary."""
        params = self.self_params(op.input)
        kwargs = unpack(Name(TYPE_DEFS, request))
        if request:
            params.append(param("**kwargs", kwargs))
        return Method(
            name=op.method,
            params=params,
            returns=returns,
            doc=self._operation_doc(op, note),
            needs=(uses(kwargs) if request else Needs()) | uses(returns),
        )

    def _operation_doc(self, op: Operation, note: str = "") -> str:
        doc = self._docs.get(op.name)
        if doc is None:
            params = []
            if op.input:
                shape = self.service.shape(op.input)
                params = [(m.name, m.required and not m.idempotency_token, m.documentation) for m in shape.members]
            link = docs.api_reference(self.service.uid, op.name)
            doc = self._docs[op.name] = docs.method_doc(op.documentation, params, link)
        if not note:
            return doc
        first, _, rest = doc.partition("\n\n")
        return "\n\n".join(part for part in (first, note, rest) if part)

    def response_type(self, op: Operation) -> PyExpr:
        """What the client method of `op` returns: its response TypedDict, else the empty one."""
        return Name(TYPE_DEFS, self.types.response_name(op.output)) if op.output else EMPTY_RESPONSE

    def request_name(self, op: Operation) -> str:
        """The request TypedDict of `op` ("" when it takes none)."""
        return self.types.request_name(op.input) if op.input else ""
