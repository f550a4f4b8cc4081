"""Prepare what the templates print: names, types (pyexpr), parameters, docstring texts,
statements (unindented).

The templates write the code around them (the `def` and `class` lines, decorators,
indentation); what is printed is decided here, from the model, the naming authority and
the typemap.  Every block and method says what it needs imported (pyexpr.Needs); each
module's imports.ImportSet collects those.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import AbstractSet

from ..model import docs
from ..model.resources import CLIENT_BASES
from ..model.service import Operation, Service
from ..naming.rules import declarable, is_plain_key
from ..naming.table import NameTable, name_table
from ..options import DEFAULT, Options
from ..text.layout import Br, pystr, statement
from ..types.imports import ImportSet
from ..types.pyexpr import (
    NONE,
    TYPE_DEFS,
    TYPED_DICT,
    Literal,
    Name,
    Needs,
    Or,
    PyExpr,
    calls,
    runs,
    shared,
    sub,
    typing_name,
    unpack,
    uses,
)
from ..types.resources import type_map
from ..types.specs import TypedDictSpec
from ..types.variants import IN
from .blocks import SELF, Block, ClassHead, Method, Param, dunder_all, method_needs, param, quote_names
from .overloads import no_match_overload, varying
from .unions import member_names, render_one_of

CAST = typing_name("cast")
OVERLOAD = typing_name("overload")
EMPTY_RESPONSE = shared("EmptyResponseTypeDef")
CLIENT_RUNTIME_ORDER = (".._runtime", ".exceptions", ".._injected")  # client.py's run-time imports


class ServiceView:
    """Everything the templates of one service need."""

    def __init__(
        self, service: Service, versions: str, options: Options = DEFAULT, names: NameTable | None = None
    ) -> None:
        self.service = service
        self.versions = versions
        self.names = names if names is not None else name_table(service)
        self.types = type_map(service, self.names.types, options)
        self.paginator_classes = dict(self.names.paginators)
        self.waiter_classes = dict(self.names.waiters)
        self._ops = {op.method: op for op in service.operations}
        self._docs: dict[str, str] = {}  # operation -> method_doc (the client and aio client both ask)
        self.title = f"{service.full_name} (botocore service {service.name!r})"

    # ---- literals.py ------------------------------------------------------------------
    def literal_aliases(self) -> list[str]:
        lines = [statement(f"{n} = ", Literal(vals).layout()) for n, vals in self.types.literals()]
        for alias, values in (
            ("PaginatorName", [p.method for p in self.service.paginators]),
            ("WaiterName", [w.method for w in self.service.waiters]),
            ("OperationName", [op.method for op in self.service.operations]),
        ):
            if values:
                lines.append(statement(f"{alias} = ", Literal(tuple(values)).layout()))
        return lines

    def literal_all(self) -> str:
        names = [n for n, _ in self.types.literals()]
        names += [
            a
            for a, ok in (
                ("PaginatorName", self.service.paginators),
                ("WaiterName", self.service.waiters),
                ("OperationName", self.service.operations),
            )
            if ok
        ]
        return dunder_all(names)

    # ---- type_defs.py -----------------------------------------------------------------
    def typed_dict_blocks(self) -> list[Block]:
        """TypedDicts evaluated at run time (no future import, so typing sees NotRequired),
        in dependency order; a name not defined yet (a cycle) is quoted."""
        pending = set(self.types.typed_dict_names.values())
        blocks: list[Block] = []
        for spec in self.types.typed_dicts():
            blocks.extend(self.spec_blocks(spec, pending))
            pending.discard(spec.name)
        return blocks

    def spec_blocks(self, spec: TypedDictSpec, local: AbstractSet[str]) -> list[Block]:
        if spec.name in self.types.one_of:  # a union input: exactly one member (views/unions.py)
            return render_one_of(spec, self.types.one_of[spec.name], local)
        read_only = spec.variant == IN
        fields: list[tuple[str, PyExpr]] = []
        for f in spec.fields:
            expr = quote_names(f.type, local)
            expr = sub(shared("ReadOnly"), expr) if read_only else expr
            fields.append((f.key, expr if f.required else sub(shared("NotRequired"), expr)))
        needs = runs(TYPED_DICT, *(t for _, t in fields))
        # Class syntax unless a key is not an identifier, or would shadow a name that the
        # class's own annotations use (a glue member is called Mapping).
        used = {n.name for _, t in fields for n in t.names()}
        if fields and all(is_plain_key(k) and k not in used for k, _ in fields):
            doc = docs.summary(spec.documentation, 300) or f"{spec.shape} ({spec.variant.label})."
            body = [f"{k}: {t.render()}" for k, t in fields]
            return [Block(ClassHead(spec.name, ("TypedDict",), doc), body, needs=needs)]
        items = tuple(f"{pystr(k)}: {t.render()}" for k, t in fields)
        head = statement(f"{spec.name} = ", Br("TypedDict", (pystr(spec.name), Br("", items, "{", "}")), "(", ")"))
        return [Block(statement=head, needs=needs)]

    def type_defs_imports(self, blocks: list[Block]) -> str:
        imports = ImportSet(TYPE_DEFS, checking=False)
        for block in blocks:
            imports.need(block.needs)
        return imports.runtime()

    def type_defs_all(self) -> str:
        return dunder_all(sorted([*self.types.typed_dict_names.values(), *member_names(self.types.one_of)]))

    # ---- client.py --------------------------------------------------------------------
    def client_methods(self) -> list[Method]:
        methods = [self.exceptions_property()]
        methods += [self._operation_method(op) for op in self.declared_operations()]
        return methods + self.getters("paginators", "waiters")

    def getters(self, paginators: str, waiters: str, kind: str = "") -> list[Method]:
        """get_paginator and get_waiter, returning the classes of the modules `paginators` and
        `waiters`; `kind` qualifies what they give ("async ")."""
        return self.getter_methods(
            "get_paginator",
            "operation_name",
            self.paginator_classes,
            paginators,
            f"A typed {kind}paginator for an operation that can be paginated.",
        ) + self.getter_methods(
            "get_waiter",
            "waiter_name",
            self.waiter_classes,
            waiters,
            f"A typed {kind}waiter: polls an operation until a resource reaches a state.",
        )

    def declared_operations(self) -> list[Operation]:
        """The operations the typed client declares: those whose botocore method name a class
        body can hold (naming.rules.declarable; a keyword is reachable only with getattr)."""
        return [op for op in self.service.operations if declarable(op.method)]

    def exceptions_property(self) -> Method:
        exceptions = Name(".exceptions", self.names.exceptions)
        return Method(
            name="exceptions",
            params=[SELF],
            returns=Name(None, self.names.exceptions),
            decorators=["property"],
            doc="The service's modeled errors: the classes botocore raises.",
            needs=uses(exceptions),
        )

    def self_params(self, input_shape: str) -> list[Param]:
        """`self`, positional-only when a request member is called self (else its key would
        clash with the parameter: a type error in mypy and pyright)."""
        members = self.service.shape(input_shape).members if input_shape else ()
        return [SELF, Param("/")] if any(m.name == "self" for m in members) else [SELF]

    def _operation_method(self, op: Operation) -> Method:
        request = self.types.request_name(op.input) if op.input else ""
        returns = Name(TYPE_DEFS, self.types.response_name(op.output)) if op.output else EMPTY_RESPONSE
        return self.operation_method(op, request, returns)

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

    def getter_methods(self, method: str, arg: str, classes: dict[str, str], module: str, doc: str) -> list[Method]:
        """get_paginator/get_waiter: a Literal overload per name (the stub has no implementation
        of its overloads), or one method for a single name."""
        if not classes:
            return []
        out = []
        if len(classes) > 1:  # after one no call matches (views/overloads.py: mypy's message)
            out.append(no_match_overload(method, [SELF, varying(Param(arg))], typing_name("Any")))
            for name, cls in classes.items():
                literal = Literal((name,))
                needs = uses(literal, Name(f".{module}", cls)) | runs(OVERLOAD)
                out.append(
                    Method(
                        name=method,
                        params=[SELF, param(arg, literal)],
                        returns=Name(None, cls),
                        decorators=["overload"],
                        doc=f"{cls} for {name}.",
                        needs=needs,
                    )
                )
            return out
        name, cls = next(iter(classes.items()))
        literal, returns = Literal((name,)), Name(f".{module}", cls)
        return [Method(method, [SELF, param(arg, literal)], returns, doc, needs=uses(literal, returns))]

    def client_imports(self, methods: list[Method], factory: Method, stub: bool = False) -> ImportSet:
        """The imports of client.py (the factory and the class's bases), or of client.pyi
        (`stub`: what the signatures of `methods` use)."""
        imports = ImportSet(".client", at_runtime=[("typing", "Literal")] if stub else ())
        imports.need(method_needs([*methods, factory], stub), stub=stub)
        for base in self.client_base_names():
            imports.need(runs(base))
        return imports

    def client_base_names(self) -> list[Name]:
        injected = CLIENT_BASES.get(self.service.name)  # typed methods boto3 injects (s3 upload_file, ...)
        return [*([Name(".._injected", injected)] if injected else []), Name(".._runtime", "BaseClient")]

    def client_class(self) -> ClassHead:
        first = docs.summary(self.service.documentation) or f"{self.service.full_name}."
        doc = (
            f"Typed client for {self.service.full_name} (botocore service {self.service.name!r}).\n\n{first}\n\n"
            f"The type of boto3's own {self.service.name} client: client(...) returns "
            f"boto3.client({self.service.name!r}, ...) unchanged, and "
            f"isinstance(boto3.client({self.service.name!r}), {self.names.client}) is true."
        )
        return ClassHead(self.names.client, tuple(n.render() for n in self.client_base_names()), doc)

    def factory(self) -> Method:
        session = Or((shared("SessionLike"), NONE))
        kwargs = unpack(shared("ClientArgsTypeDef"))
        doc = (
            f"boto3.client({self.service.name!r}, ...) with the same arguments, from `session` "
            f"when given: boto3's client itself, typed {self.names.client}."
        )
        return Method(
            name="client",
            params=[Param("*"), param("session", session, "None"), param("**kwargs", kwargs)],
            returns=Name(None, self.names.client),
            doc=doc,
            body=[
                f"return cast({pystr(self.names.client)}, create_client({pystr(self.service.name)}, session, kwargs))"
            ],
            needs=uses(session, kwargs) | calls(Name(".._runtime", "create_client"), CAST),
        )

    # ---- exceptions.py ----------------------------------------------------------------
    def exception_classes(self) -> list[tuple[str, ClassHead]]:
        """(attribute name, the class) per modeled error."""
        out = []
        for name in self.service.error_shapes:
            shape = self.service.shape(name)
            cls = self.names.exception_class(name)  # never an error's attribute name (name_table)
            doc = docs.summary(shape.documentation, 300) or f"The service error {name}."
            if shape.error_code != name:
                doc += f"\n\nError code: {shape.error_code}"
            out.append((name if is_plain_key(name) else "", ClassHead(cls, ("ClientError",), doc)))
        return out

    def exceptions_doc(self) -> str:
        return (
            f"The exception classes of {self.service.name} clients (client.exceptions).\n\n"
            "Attributes are botocore's own classes, looked up on the client, so\n"
            "`except client.exceptions.X` catches exactly what botocore raises."
        )

    # ---- paginators.py and waiters.py -------------------------------------------------
    def paginator_methods(self) -> list[tuple[ClassHead, Method]]:
        out = []
        for p in self.service.paginators:
            op = self._ops[p.method]
            kwargs = unpack(
                Name(TYPE_DEFS, self.types.paginate_name(op.input)) if op.input else shared("PaginateArgsTypeDef")
            )
            page = Name(TYPE_DEFS, self.types.response_name(op.output)) if op.output else EMPTY_RESPONSE
            full = Name(TYPE_DEFS, self.types.full_result_name(op.output)) if op.output else EMPTY_RESPONSE
            pages = Name(".._runtime", "PageIterator")
            returns = sub(pages, page, full)
            keys = ", ".join(p.result_keys) or "(none)"
            doc = f"Paginator for {self.names.client}.{p.method}: pages over {keys}."
            method = Method(
                name="paginate",
                params=[*self.self_params(op.input), param("**kwargs", kwargs)],
                returns=returns,
                doc=f"Iterate over the pages of {p.method}; items in {keys}.",
                needs=uses(kwargs, returns),
            )
            out.append((ClassHead(self.paginator_classes[p.method], ("Paginator",), doc), method))
        return out

    def waiter_methods(self) -> list[tuple[ClassHead, Method]]:
        out = []
        for w in self.service.waiters:
            op = self.service.operation(w.operation)
            kwargs = unpack(Name(TYPE_DEFS, self.types.wait_name(op.input)) if op.input else shared("WaitArgsTypeDef"))
            states = "; ".join(
                f"{a.state} when {a.matcher}{' ' + a.argument if a.argument else ''} = {a.expected}"
                for a in w.acceptors
            )
            doc = (
                f"Waiter {w.name}: polls {self.names.client}.{op.method} every {w.delay} s, "
                f"at most {w.max_attempts} times.\n\nAcceptors: {states}."
            )
            method = Method(
                name="wait",
                params=[*self.self_params(op.input), param("**kwargs", kwargs)],
                returns=NONE,
                doc=f"Poll {op.method} until the waiter succeeds; raises botocore's WaiterError on failure or timeout.",
                needs=uses(kwargs),
            )
            out.append((ClassHead(self.waiter_classes[w.method], ("Waiter",), doc), method))
        return out

    def paginator_keys(self) -> list[str]:
        """What each paginator class is of, at run time (isinstance asks botocore's paginator)."""
        return [f"_operation = {pystr(self._ops[p.method].name)}" for p in self.service.paginators]

    def waiter_keys(self) -> list[str]:
        """What each waiter class is of, at run time (isinstance asks botocore's waiter)."""
        return [f"_waiter = {pystr(w.name)}" for w in self.service.waiters]

    def table(self, name: str, base: str, classes: dict[str, str]) -> str:
        items = tuple(f"{pystr(k)}: {v}" for k, v in classes.items())
        return statement(f"{name} = ", Br("", items, "{", "}"))

    def wrapper_imports(self, methods: Iterable[Method], base: str, stub: bool = False) -> ImportSet:
        """The imports of paginators.py or waiters.py, or of their stub (`stub`): classes
        derived from `base`."""
        imports = ImportSet()
        imports.need(method_needs(methods, stub) | runs(Name(".._runtime", base)), stub=stub)
        return imports
