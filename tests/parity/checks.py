"""Run-time parity between a generated service package and botocore's own model.

Used by the parity suite (every botocore service) and by the fuzz suite (hostile
service definitions).  Everything is checked by introspection of the imported
package against `botocore.model` (never against the generator's own model):

- the typed client has exactly the operations of the boto3 client;
- the request TypedDict of every operation (through ``**kwargs: Unpack[...]``) has
  exactly the input shape's members, required exactly where botocore needs them
  (idempotency tokens and the members of generator/types/typemap.py FILLED_BY_BOTOCORE
  are optional, because botocore fills them in);
- the response TypedDict has exactly the output shape's members + ResponseMetadata;
- nested TypedDicts, lists, maps, enums and scalars have the shape's structure,
  recursively (cycles included);
- paginate() and wait() requests have the operation's members, minus what botocore's
  paginator sets itself (input tokens, limit key; for paginators sharing an input shape,
  what all of them set), plus PaginationConfig / WaiterConfig (which botocore pops, so a
  member of that name is replaced);
- every modeled error is a `client.exceptions` attribute that is botocore's class,
  and a Stubber client error with its code is raised as exactly that class.

Every problem is reported as one line naming service, operation (or shape path) and key.
"""

from __future__ import annotations

import collections.abc
import importlib
import inspect
import keyword
import re
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import botocore.config
import botocore.exceptions
import botocore.model
import typing_extensions  # is_typeddict knows both typing and typing_extensions TypedDicts
from botocore.stub import Stubber

from generator.naming.rules import declarable, module_name
from generator.types.blobs import INPUT_SHAPE_MEMBER_OVERRIDES
from generator.types.inputs import WIDER_INPUT_ENUMS
from generator.types.typemap import (
    FILLED_BY_BOTOCORE,
    INPUT_MEMBER_OVERRIDES,
    OUTPUT_MEMBER_OVERRIDES,
    OUTPUT_SHAPE_OVERRIDES,
)

from ..helpers import stub_module
from . import presign_stub_checks, union_checks

try:  # the generated _types takes ReadOnly from typing_extensions on Python < 3.13
    import typing_extensions

    _WRAPPERS: set[Any] = {
        typing.NotRequired,
        typing.Required,
        typing_extensions.NotRequired,
        typing_extensions.Required,
        typing_extensions.ReadOnly,
    }
except ImportError:  # pragma: no cover
    _WRAPPERS = {typing.NotRequired, typing.Required}
if hasattr(typing, "ReadOnly"):  # pragma: no cover - Python 3.13+
    _WRAPPERS.add(typing.ReadOnly)

_UNPACK = re.compile(r"^Unpack\[(\w+)\]$")
_NAME = re.compile(r"^\w+$")
NO_VALIDATION = botocore.config.Config(parameter_validation=False, retries={"max_attempts": 0})


@dataclass
class Package:
    """The imported modules of one generated service package."""

    package: str  # import name of the generated package, e.g. aws_parity
    service: str  # botocore service name
    client: ModuleType = field(init=False)
    type_defs: ModuleType = field(init=False)
    types: ModuleType = field(init=False)
    runtime: ModuleType = field(init=False)
    runtime_stubber: ModuleType = field(init=False)

    def __post_init__(self) -> None:
        base = f"{self.package}.{module_name(self.service)}"
        self.client = importlib.import_module(f"{base}.client")
        self.type_defs = importlib.import_module(f"{base}.type_defs")
        importlib.import_module(f"{base}.literals")
        importlib.import_module(f"{base}.exceptions")
        importlib.import_module(base)
        self.types = importlib.import_module(f"{self.package}._types")
        self.runtime = importlib.import_module(f"{self.package}._runtime")
        self.runtime_stubber = importlib.import_module(f"{self.package}._stubber")

    @property
    def client_class(self) -> type:
        """The client class as type checkers read it (client.pyi: methods, annotations)."""
        return getattr(stub_module(self.client.__name__), self.client.__all__[0])  # type: ignore[no-any-return]

    @property
    def runtime_client_class(self) -> type:
        """The client class at run time (client.py: isinstance, the old spelling)."""
        return getattr(self.client, self.client.__all__[0])  # type: ignore[no-any-return]

    def submodule(self, name: str) -> ModuleType | None:
        full = f"{self.package}.{module_name(self.service)}.{name}"
        try:
            return importlib.import_module(full)
        except ModuleNotFoundError as exc:
            if exc.name != full:
                raise
            return None

    def resolve(self, name: str) -> Any:
        """A type named in a string annotation of client/paginators/waiters."""
        for module in (self.type_defs, self.types):
            if hasattr(module, name):
                return getattr(module, name)
        raise LookupError(f"{name} is neither in type_defs nor in _types")


def unwrap(hint: Any) -> Any:
    """Strip NotRequired/Required/ReadOnly."""
    while typing.get_origin(hint) in _WRAPPERS:
        hint = typing.get_args(hint)[0]
    return hint


def _literal_values(hint: Any) -> set[object] | None:
    """The values of a Literal, or of a Union of Literals; None for anything else."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    args = typing.get_args(hint) if typing.get_origin(hint) is typing.Union else ()
    if args and all(typing.get_origin(a) is typing.Literal for a in args):
        return {v for a in args for v in typing.get_args(a)}
    return None


class Checker:
    """Compares one imported package with botocore's model of the same service."""

    def __init__(self, pkg: Package, model: botocore.model.ServiceModel) -> None:
        self.pkg = pkg
        self.model = model
        self.service = pkg.service
        self.failures: list[str] = []
        self._seen: set[tuple[int, str, str]] = set()

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{self.service}: {where}: {message}")

    def _wider_values(self) -> set[object]:
        """The values the enums named in WIDER_INPUT_ENUMS for this service add."""
        wider = {other for (service, _, _), other in WIDER_INPUT_ENUMS.items() if service == self.service}
        return {v for other in wider for v in self.model.shape_for(other).enum}

    # ---- TypedDicts against shapes ------------------------------------------------
    def hints(self, td: Any) -> dict[str, Any]:
        """The TypedDict's annotations as evaluated at import (the module has no future
        import); string forward references are resolved lazily by `resolve`."""
        return dict(td.__annotations__)

    @staticmethod
    def resolve(hint: Any, owner: Any) -> Any:
        """A ForwardRef('XTypeDef') in the annotations of `owner`, looked up in its module."""
        if isinstance(hint, typing.ForwardRef):
            return getattr(sys.modules[owner.__module__], hint.__forward_arg__)
        return hint

    def typed_dict(
        self,
        td: Any,
        shape: botocore.model.Shape,
        side: str,
        where: str,
        *,
        required: set[str] | None = None,
        extra: dict[str, bool] | None = None,
        drop: frozenset[str] = frozenset(),
        top: bool = False,
        skip_values: frozenset[str] = frozenset(),
    ) -> None:
        """`td` has exactly the members of `shape` (+extra -drop), required exactly as expected."""
        if not typing_extensions.is_typeddict(td):
            self.fail(where, f"expected a TypedDict for shape {shape.name}, got {td!r}")
            return
        key = (id(td), shape.name, side)
        if not top:
            if key in self._seen:
                return
            self._seen.add(key)
        assert isinstance(shape, botocore.model.StructureShape)
        members = {k: v for k, v in shape.members.items() if k not in drop}
        if required is None:
            exactly_one = shape.metadata.get("union") or _is_eventstream(shape)
            required = set() if exactly_one else set(shape.required_members) - drop
        expected_keys = set(members) | set(extra or {})
        expected_required = set(required) | {k for k, req in (extra or {}).items() if req}
        keys = set(td.__required_keys__) | set(td.__optional_keys__)
        for k in sorted(expected_keys - keys):
            self.fail(f"{where} ({td.__name__})", f"missing key {k!r}")
        for k in sorted(keys - expected_keys):
            self.fail(f"{where} ({td.__name__})", f"unexpected key {k!r}")
        for k in sorted(expected_keys & keys):
            want = k in expected_required
            got = k in td.__required_keys__
            if want != got:
                state = "required" if got else "NotRequired"
                self.fail(
                    f"{where} ({td.__name__})",
                    f"key {k!r} is {state}, botocore says {'required' if want else 'optional'}",
                )
        if top:  # what users' tools do: evaluate every annotation (one level deep)
            try:
                typing.get_type_hints(td, include_extras=True)
            except Exception as exc:  # noqa: BLE001 - reported as a parity failure
                self.fail(f"{where} ({td.__name__})", f"get_type_hints fails: {exc!r}")
        hints = self.hints(td)
        for name, member in members.items():
            if name not in hints or name in skip_values:
                continue
            hint = self.resolve(unwrap(self.resolve(hints[name], td)), td)
            self.value(hint, member, side, f"{where}.{name}", parent=shape.name, member=name, owner=td)

    def value(
        self,
        hint: Any,
        shape: botocore.model.Shape,
        side: str,
        where: str,
        *,
        parent: str = "",
        member: str = "",
        owner: Any = None,
    ) -> None:
        """`hint` is the type of a value of `shape` on `side` ("in" or "out");
        `owner` is the TypedDict whose module resolves forward references."""
        hint = self.resolve(hint, owner)
        svc = self.service
        if side == "in" and (
            (svc, member) in INPUT_MEMBER_OVERRIDES or (svc, parent, member) in INPUT_SHAPE_MEMBER_OVERRIDES
        ):
            return  # documented conversion (s3 CopySource also takes a dict, ec2 UserData bytes)
        if side == "out" and (
            (svc, parent, member) in OUTPUT_MEMBER_OVERRIDES or (svc, shape.name) in OUTPUT_SHAPE_OVERRIDES
        ):
            return  # documented conversion (iam policy documents, cloudformation TemplateBody)
        types = self.pkg.types
        kind = shape.type_name
        json_header = shape.serialization.get("jsonvalue") and shape.serialization.get("location") == "header"
        if json_header or (kind == "structure" and shape.metadata.get("document")):
            want = types.DocumentTypeDef if side == "in" else types.DocumentOutputTypeDef
            if hint != want:
                self.fail(where, f"document shape {shape.name} typed {hint!r}")
            return
        if kind == "structure" and side == "in" and shape.metadata.get("union"):
            union_checks.check_union_input(self, hint, shape, where, owner, unwrap)
            return
        if kind == "structure":
            assert isinstance(shape, botocore.model.StructureShape)
            if _is_eventstream(shape) and side == "out":
                if typing.get_origin(hint) is not types.EventStream:
                    self.fail(where, f"event stream {shape.name} typed {hint!r}, not EventStream[...]")
                    return
                (hint,) = typing.get_args(hint)
            self.typed_dict(self.resolve(hint, owner), shape, side, where)
            return
        if kind == "list":
            assert isinstance(shape, botocore.model.ListShape)
            origin = collections.abc.Sequence if side == "in" else list
            if side == "in" and typing.get_origin(hint) is typing.Union:  # items a str is one of (issue 25):
                hint = _exact_list(hint)  # List[X] | Tuple[X, ...] (| a response's List), checked as Sequence[X]
            if typing.get_origin(hint) is not origin:
                self.fail(where, f"list shape {shape.name} typed {hint!r}")
                return
            (item,) = typing.get_args(hint)
            if side == "out" and _sparse(shape):
                item = _optional_arg(item)
            self.value(item, shape.member, side, f"{where}[]", owner=owner)
            return
        if kind == "map":
            assert isinstance(shape, botocore.model.MapShape)
            origin = collections.abc.Mapping if side == "in" else dict
            if typing.get_origin(hint) is not origin:
                self.fail(where, f"map shape {shape.name} typed {hint!r}")
                return
            k, v = typing.get_args(hint)
            if side == "out" and _sparse(shape):
                v = _optional_arg(v)
            self.value(k, shape.key, side, f"{where}{{key}}", owner=owner)
            self.value(v, shape.value, side, f"{where}{{value}}", owner=owner)
            return
        if kind == "string" and shape.enum and not self.model.shape_for(shape.name).enum and hint is str:
            return  # the enum is a trait of the member, not of the shape: typed as the shape (str)
        if kind == "string" and shape.enum:
            got, want = _literal_values(hint), set(shape.enum)
            if got is None:
                self.fail(where, f"enum {shape.name} typed {hint!r}, not a Literal")
            elif side == "in" and got > want and got - want <= self._wider_values():
                return  # an enum botocore's docs widen (types/inputs.py WIDER_INPUT_ENUMS): a Literal more
            elif got != want:
                self.fail(
                    where, f"enum {shape.name}: Literal lacks {sorted(want - got)!r}, has extra {sorted(got - want)!r}"
                )
            return
        scalars_in = {
            "string": str,
            "integer": int,
            "long": int,
            "float": float,
            "double": float,
            "boolean": bool,
            "timestamp": typing.Union[types.TimestampTypeDef, int, float],  # noqa: UP007 - epochs too (issue 25)
            "blob": types.BlobTypeDef,
        }
        scalars_out = dict(scalars_in, timestamp=_datetime(), blob=bytes)
        if side == "in" and kind == "blob" and not self._file_blob(parent, member):
            scalars_in["blob"] = types.EncodedBlobTypeDef  # base64 in a body: no file objects
        want = (scalars_in if side == "in" else scalars_out).get(kind)
        if want is None:
            self.fail(where, f"shape {shape.name} has a type botocore knows but the check does not: {kind}")
        elif hint != want:
            self.fail(where, f"{kind} shape {shape.name} typed {hint!r}, expected {want!r}")

    def _file_blob(self, parent: str, member: str) -> bool:
        """Does botocore take a file object for this blob? As a request's payload (sent as it
        is), and anywhere with the CBOR protocol (which reads it); not where it base64-encodes."""
        if self.model.resolved_protocol == "smithy-rpc-v2-cbor":
            return True
        try:
            return bool(parent) and self.model.shape_for(parent).serialization.get("payload") == member
        except botocore.model.NoShapeFoundError:
            return False

    # ---- the client -----------------------------------------------------------------
    def operations(self, raw: Any) -> None:
        cls = self.pkg.client_class
        base = self.pkg.runtime.BaseClient
        non_ops = {n for n in dir(base) if not n.startswith("_")} | {
            "exceptions",
            "get_paginator",
            "get_waiter",
            "generate_presigned_url",
        }
        wrapper_only = non_ops - {n for n in dir(raw) if not n.startswith("_")}
        if wrapper_only:  # the stub declares only what boto3's client has
            self.fail(f"client {cls.__name__}", f"declares {sorted(wrapper_only)}, which boto3's client lacks")
        typed = {n for n in dir(cls) if not n.startswith("_")} - non_ops
        mapping = raw.meta.method_to_api_mapping
        boto3_ops = {m for m in mapping if callable(getattr(type(raw), m, None))}
        expected = {m for m in boto3_ops if declarable(m)}  # a keyword: getattr only (README)
        for name in sorted(expected - typed):
            self.fail(f"client {cls.__name__}", f"lacks operation {name!r}")
        for name in sorted(typed - expected):
            if callable(getattr(raw, name, None)) and name not in mapping:
                continue  # a method boto3 injects (s3 upload_file, ...), typed by the wrapper
            self.fail(f"client {cls.__name__}", f"has operation {name!r} that the boto3 client does not have")
        for method in sorted(boto3_ops):
            if method in typed:
                self.operation(cls, method, self.model.operation_model(mapping[method]))

    def operation(self, cls: type, method: str, op: botocore.model.OperationModel) -> None:
        where = f"{op.name} ({method})"
        func = getattr(cls, method)
        annotations = inspect.get_annotations(func)
        kwargs = annotations.get("kwargs")
        if op.input_shape is None:
            if kwargs is not None:
                self.fail(where, f"takes **kwargs: {kwargs} but the operation has no input")
        else:
            td = self.unpacked(kwargs, where)
            if td is not None:
                self.request(td, op, where)
        returns = annotations.get("return")
        if not isinstance(returns, str) or not _NAME.match(returns):
            self.fail(where, f"return annotation {returns!r} is not a TypedDict name")
            return
        td = self.pkg.resolve(returns)
        if op.output_shape is None:
            keys = set(td.__required_keys__) | set(td.__optional_keys__)
            if keys != {"ResponseMetadata"}:
                self.fail(f"{where} response", f"operation has no output but {returns} has keys {sorted(keys)}")
            return
        self.response(td, op, f"{where} response")

    def unpacked(self, annotation: Any, where: str) -> Any:
        match = _UNPACK.match(annotation) if isinstance(annotation, str) else None
        if match is None:
            self.fail(where, f"**kwargs annotation {annotation!r} is not Unpack[<TypedDict>]")
            return None
        return self.pkg.resolve(match.group(1))

    def request(
        self,
        td: Any,
        op: botocore.model.OperationModel,
        where: str,
        *,
        drop: frozenset[str] = frozenset(),
        extra: dict[str, bool] | None = None,
    ) -> None:
        shape = op.input_shape
        filled = set(op.idempotent_members) | FILLED_BY_BOTOCORE.get(self.service, frozenset())
        required = set(shape.required_members) - filled - drop
        self.typed_dict(td, shape, "in", where, required=required, extra=extra, drop=drop, top=True)

    def response(self, td: Any, op: botocore.model.OperationModel, where: str) -> None:
        shape = op.output_shape
        assert isinstance(shape, botocore.model.StructureShape)
        required = set(shape.required_members)
        payload = shape.serialization.get("payload")
        skip: frozenset[str] = frozenset()
        # A payload named ResponseMetadata: botocore's parsers put the body there and then
        # fail setting HTTPStatusCode on it (TypeError), so no type is right or wrong.
        if payload and payload in shape.members and payload != "ResponseMetadata":
            target = shape.members[payload]
            if target.type_name == "blob" or _is_eventstream(target):
                required.add(payload)  # botocore always fills in a streamed payload
            if target.type_name == "blob":  # botocore returns a StreamingBody
                skip = frozenset({payload})
                hints = self.hints(td) if typing_extensions.is_typeddict(td) else {}
                if payload in hints and unwrap(hints[payload]) is not self.pkg.types.StreamingBody:
                    self.fail(f"{where}.{payload}", f"streamed payload typed {hints[payload]!r}, not StreamingBody")
        # botocore sets ResponseMetadata itself, over a member of that name
        skip |= {"ResponseMetadata"}
        self.typed_dict(
            td, shape, "out", where, required=required, extra={"ResponseMetadata": True}, top=True, skip_values=skip
        )

    # ---- paginators and waiters -------------------------------------------------------
    def paginators(self, raw: Any) -> None:
        module = self.pkg.submodule("paginators")
        table = dict(getattr(module, "PAGINATORS", {})) if module else {}
        mapping = raw.meta.method_to_api_mapping
        # botocore's paginate() passes every member on to the operation (the input tokens
        # start the first page, the limit key sizes every page); it pops PaginationConfig.
        typed = self.pkg.runtime_client_class(raw)
        declared = getattr(stub_module(module.__name__), "PAGINATORS", {}) if module else {}
        for name, cls in sorted(table.items()):
            op = self.model.operation_model(mapping[name])
            where = f"{op.name} paginate()"
            self.getter(typed.get_paginator, name, cls, where)
            self.config_request(declared[name].paginate, op, where, "PaginationConfig", set())

    def waiters(self, raw: Any) -> None:
        module = self.pkg.submodule("waiters")
        table = dict(getattr(module, "WAITERS", {})) if module else {}
        typed = self.pkg.runtime_client_class(raw)
        declared = getattr(stub_module(module.__name__), "WAITERS", {}) if module else {}
        for name, cls in sorted(table.items()):
            waiter = raw.get_waiter(name)
            op = self.model.operation_model(waiter.config.operation)
            where = f"{op.name} waiter {waiter.name}"
            self.getter(typed.get_waiter, name, cls, where)
            self.config_request(declared[name].wait, op, where, "WaiterConfig", set())

    def config_request(
        self, method: Callable[..., Any], op: botocore.model.OperationModel, where: str, config: str, drop: set[str]
    ) -> None:
        """paginate()/wait(): the operation's request less `drop`, plus the optional `config`
        key (PaginationConfig/WaiterConfig), which the method pops for itself whatever the
        shape says."""
        td = self.unpacked(inspect.get_annotations(method).get("kwargs"), where)
        if td is None:
            return
        if op.input_shape is None:
            keys = set(td.__required_keys__) | set(td.__optional_keys__)
            if keys != {config}:
                self.fail(where, f"operation has no input but {method.__name__}() takes {sorted(keys)}")
            return
        self.request(td, op, where, drop=frozenset(drop | {config}), extra={config: False})

    def getter(self, get: Callable[[str], Any], name: str, cls: type, where: str) -> None:
        """The typed client's get_paginator/get_waiter gives botocore's object, an instance of
        the typed class (and of no other class of the table) at run time."""
        try:
            made = get(name)
        except Exception as exc:  # noqa: BLE001
            self.fail(where, f"{get.__name__}({name!r}) raised {type(exc).__name__}: {exc}")
            return
        if not isinstance(made, cls):
            self.fail(where, f"{get.__name__}({name!r}) gave {type(made).__name__}, not a {cls.__name__}")

    # ---- exceptions ---------------------------------------------------------------------
    def exceptions(self, raw: Any, *, stub: bool = True) -> None:
        typed = self.pkg.runtime_client_class(raw)
        exceptions_module = self.pkg.submodule("exceptions")
        assert exceptions_module is not None
        exceptions_class = getattr(exceptions_module, exceptions_module.__all__[0])
        if not isinstance(typed.exceptions, exceptions_class):
            self.fail("exceptions", f"client.exceptions is not a {exceptions_class.__name__}")
        declared = set(inspect.get_annotations(exceptions_class))
        raisers: dict[str, list[tuple[str, botocore.model.OperationModel]]] = {}
        for method, op_name in sorted(raw.meta.method_to_api_mapping.items()):
            if not callable(getattr(type(raw), method, None)):
                continue
            op = self.model.operation_model(op_name)
            for err in op.error_shapes:
                raisers.setdefault(err.name, []).append((method, op))
        for shape in self.model.error_shapes:
            name = shape.name
            where = f"exception {name}"
            if (
                name.isidentifier()
                and not keyword.iskeyword(name)
                and not name.startswith("__")
                and name not in declared
            ):
                self.fail(where, f"not declared on {exceptions_class.__name__}")
            try:
                cls = getattr(typed.exceptions, name)
            except AttributeError:
                self.fail(where, "client.exceptions has no such attribute")
                continue
            if cls is not getattr(raw.exceptions, name):
                self.fail(where, f"client.exceptions.{name} is {cls!r}, not botocore's class")
                continue
            if not stub or name not in raisers:
                continue
            code = shape.error_code or name
            if raw.exceptions.from_code(code) is not cls:
                continue  # two error shapes share a code: botocore raises the other one
            # The operation with the fewest required members first; a few candidates, and
            # as endpoint rules may reject a dummy value ("x" is no ARN, an ARN not theirs),
            # at last with botocore's endpoint rules out of the way.
            candidates = sorted(raisers[name], key=lambda mo: (_weight(mo[1]), mo[0]))[:3]
            problems = []
            for method, op in candidates:
                for arn in ("x", "arn", "no-rules"):
                    problem = self.raise_stubbed(typed, raw, method, op, code, cls, arn)
                    if problem is None:
                        break
                    problems.append(f"via {op.name}: {problem}")
                else:
                    continue
                break
            else:
                self.fail(where, "; ".join(problems))
        for name in sorted(declared - {s.name for s in self.model.error_shapes}):
            self.fail(f"exception {name}", "declared but not modeled by botocore")

    @staticmethod
    def raise_stubbed(
        typed: Any, raw: Any, method: str, op: botocore.model.OperationModel, code: str, cls: type, mode: str
    ) -> str | None:
        """None when the typed method raises exactly `cls` for a stubbed error `code`."""
        params = request_params(op, mode != "x")
        rules = raw._ruleset_resolver
        if mode == "no-rules":  # botocore then uses the client's endpoint_url as it is
            raw._ruleset_resolver = None
        try:
            with Stubber(raw) as stubber:
                stubber.add_client_error(method, service_error_code=code, http_status_code=400)
                getattr(typed, method)(**params)  # boto3's own client: its method name
        except cls as exc:
            if type(exc) is not cls:
                return f"raised {type(exc).__name__}, a subclass of the modeled class"
            return None
        except Exception as exc:  # noqa: BLE001
            return f"raised {type(exc).__name__}: {exc}, not client.exceptions.{cls.__name__}"
        finally:
            raw._ruleset_resolver = rules
        return "the stubbed error was not raised"


def _is_eventstream(shape: botocore.model.Shape) -> bool:
    return shape.type_name == "structure" and bool(shape.serialization.get("eventstream"))


def _sparse(shape: botocore.model.Shape) -> bool:
    return bool(getattr(shape, "_shape_model", {}).get("sparse"))


def _optional_arg(hint: Any) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if typing.get_origin(hint) is typing.Union and len(args) == 1 else hint


def _datetime() -> type:
    import datetime

    return datetime.datetime


# ---- minimal requests for the exception check ------------------------------------------
ARN = "arn:aws:service:us-east-1:123456789012:resource/x"


def _weight(op: botocore.model.OperationModel) -> int:
    return len(op.input_shape.required_members) if op.input_shape is not None else 0


def dummy(shape: botocore.model.Shape, arn: bool = False, stack: tuple[str, ...] = ()) -> Any:
    """A small value of `shape` with its required members (validation is off anyway,
    but rest protocols need their URI labels and endpoint rules their parameters).
    A structure already being built (a cycle of required members) is left empty."""
    kind = shape.type_name
    if kind == "structure":
        assert isinstance(shape, botocore.model.StructureShape)
        if shape.metadata.get("document") or shape.metadata.get("union") or shape.name in stack:
            return {}
        inner = (*stack, shape.name)
        return {n: dummy(shape.members[n], arn, inner) for n in shape.required_members}
    if kind == "list":
        return []
    if kind == "map":
        return {}
    if kind == "string":
        return str(shape.enum[0]) if shape.enum else ARN if arn else "x"
    if kind in ("integer", "long"):
        return 1
    if kind in ("float", "double"):
        return 1.0
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return _datetime()(2020, 1, 2)
    if kind == "blob":
        return b"x"
    return None


def request_params(op: botocore.model.OperationModel, arn: bool = False) -> dict[str, Any]:
    return dummy(op.input_shape, arn) if op.input_shape is not None else {}


def client(session: Any, service: str) -> Any:
    """A boto3 client that does not validate parameters (the exception check sends
    minimal requests) and never retries."""
    return session.client(service, region_name="us-east-1", config=NO_VALIDATION)


def check_service(package: str, service: str, session: Any, *, stub_errors: bool = True) -> list[str]:
    """Every parity problem of one generated service package (one line each).

    `session` is a boto3 Session whose loader sees the service's definition."""
    raw = client(session, service)
    try:
        pkg = Package(package, service)
    except Exception as exc:  # noqa: BLE001
        return [f"{service}: cannot import the generated package: {exc!r}"]
    checker = Checker(pkg, raw.meta.service_model)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("operations", lambda: checker.operations(raw)),
        ("paginators", lambda: checker.paginators(raw)),
        ("waiters", lambda: checker.waiters(raw)),
        ("exceptions", lambda: checker.exceptions(raw, stub=stub_errors)),
        ("presign", lambda: presign_stub_checks.check_presign(checker, raw, request_params)),
        ("stubber", lambda: presign_stub_checks.check_stubber(checker, raw)),
    ]
    for step, run in steps:
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - a crash of the check is a failure too
            checker.fail(step, f"check crashed: {type(exc).__name__}: {exc}")
    return checker.failures


def _exact_list(hint: Any) -> Any:
    """Union[List[X], Tuple[X, ...], (List[Y])] as Sequence[X]; anything else as it is."""
    args = typing.get_args(hint)
    if len(args) < 2 or typing.get_origin(args[0]) is not list or typing.get_origin(args[1]) is not tuple:
        return hint
    (item,) = typing.get_args(args[0])
    if typing.get_args(args[1]) != (item, ...) or any(typing.get_origin(a) is not list for a in args[2:]):
        return hint
    return typing.Sequence[item]  # noqa: UP006 - what the check compares origins with
