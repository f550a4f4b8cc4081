"""Run-time parity of a generated aio module with aiobotocore's client of the same service.

The sync parity suite (tests/parity/checks.py) checks the request and response types
against botocore's model; the aio module shares them, so here it is checked that:

- the typed async client has exactly the operations of the aiobotocore client, each
  taking the sync method's request TypedDict and returning Coroutine[Any, Any, R] with
  R the sync method's response (or its async variant, see below);
- the async variants in aio_type_defs have the sync TypedDict's keys, required alike,
  with StreamingBody / EventStream[X] of _aio where the sync one has _types' (same X);
- get_paginator/get_waiter give the typed classes for every paginator and waiter of
  aiobotocore's client, with the sync request types; wait() awaits to None;
- every modeled error is botocore's class on client.exceptions, and a stubbed error
  (aiobotocore's AioStubber) raised through the typed async method is exactly it.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from typing import Any

import botocore.model
import typing_extensions
from aiobotocore.stub import AioStubber

from generator.naming.rules import declarable, module_name

from ..helpers import stub_module
from ..parity.checks import Package, _weight, request_params, unwrap

_COROUTINE = "Coroutine[Any, Any, {}]"


class AioChecker:
    def __init__(self, package: str, service: str, raw: Any) -> None:
        self.service = service
        self.raw = raw
        self.sync = Package(package, service)
        base = f"{package}.{module_name(service)}"
        self.aio = importlib.import_module(f"{base}.aio")
        self.runtime = importlib.import_module(f"{package}._aio")
        try:
            self.variants = importlib.import_module(f"{base}.aio_type_defs")
        except ModuleNotFoundError:
            self.variants = None
        self.stub = stub_module(self.aio.__name__)  # the classes as checkers read them (aio.pyi)
        self.cls = getattr(self.stub, self.aio.__all__[0])
        self.typed = getattr(self.aio, self.aio.__all__[0])(raw)  # the old spelling: raw itself
        self.failures: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{self.service}: aio {where}: {message}")

    def operations(self) -> None:
        # _aio's BaseClient declares these for checkers (its TYPE_CHECKING view)
        non_ops = {"exceptions", "get_paginator", "get_waiter", "meta", "waiter_names", "can_paginate"}
        non_ops |= {"close", "generate_presigned_url"}
        typed = {n for n in dir(self.cls) if not n.startswith("_")} - non_ops
        mapping = self.raw.meta.method_to_api_mapping
        expected = {m for m in mapping if callable(getattr(type(self.raw), m, None)) and declarable(m)}
        injected = {n for n in typed - expected if callable(getattr(self.raw, n, None)) and n not in mapping}
        for name in sorted(expected - typed):
            self.fail(self.cls.__name__, f"lacks operation {name!r}")
        for name in sorted(typed - expected - injected):
            self.fail(self.cls.__name__, f"has operation {name!r} that aiobotocore's client does not have")
        for name in sorted(injected):
            if not inspect.iscoroutinefunction(getattr(self.raw, name)):
                self.fail(name, "typed as a coroutine but aiobotocore's method is not one")
        sync_cls = self.sync.client_class
        for name in sorted(expected & typed):
            self.operation(
                name, inspect.get_annotations(getattr(sync_cls, name)), inspect.get_annotations(getattr(self.cls, name))
            )

    def operation(self, name: str, sync: dict[str, Any], aio: dict[str, Any]) -> None:
        if aio.get("kwargs") != sync.get("kwargs"):
            self.fail(name, f"takes **kwargs: {aio.get('kwargs')}, the sync client {sync.get('kwargs')}")
        returns = sync["return"]
        if aio.get("return") != _COROUTINE.format(returns):
            self.fail(name, f"returns {aio.get('return')!r}, not {_COROUTINE.format(returns)!r}")
        if self.variants is not None and returns in self.variants.__all__:
            self.variant(returns)
        elif any(self.streams(hint) for hint in self.sync.resolve(returns).__annotations__.values()):
            self.fail(name, f"{returns} streams but has no async variant")

    def streams(self, hint: Any) -> bool:
        hint = unwrap(hint)
        return hint is self.sync.types.StreamingBody or typing.get_origin(hint) is self.sync.types.EventStream

    def variant(self, name: str) -> None:
        sync, aio = self.sync.resolve(name), getattr(self.variants, name)
        if not typing_extensions.is_typeddict(aio):
            self.fail(name, "async variant is not a TypedDict")
            return
        if (aio.__required_keys__, aio.__optional_keys__) != (sync.__required_keys__, sync.__optional_keys__):
            self.fail(name, "async variant's keys differ from the sync TypedDict's")
        types = self.sync.types
        for key, hint in sync.__annotations__.items():
            hint, got = unwrap(hint), unwrap(aio.__annotations__[key])
            if hint is types.StreamingBody:
                want: Any = self.runtime.StreamingBody
            elif typing.get_origin(hint) is types.EventStream:
                want = self.runtime.EventStream[typing.get_args(hint)]
            else:
                continue
            if got != want:
                self.fail(f"{name}.{key}", f"typed {got!r}, expected {want!r}")

    def getters(self, kind: str) -> None:
        table = dict(getattr(self.aio, kind.upper() + "S", {}))
        sync_module = self.sync.submodule(kind + "s")
        # the sync classes as the stub declares them (the .py classes are run-time shims)
        sync_table = dict(getattr(stub_module(sync_module.__name__), kind.upper() + "S", {})) if sync_module else {}
        if set(table) != set(sync_table):
            self.fail(kind + "s", f"{sorted(set(table) ^ set(sync_table))} differ from the sync module's")
        get = getattr(self.typed, f"get_{kind}")
        method = "paginate" if kind == "paginator" else "wait"
        declared = dict(getattr(self.stub, kind.upper() + "S", {}))
        for name, cls in sorted(table.items()):
            try:
                made = get(name)
            except Exception as exc:  # noqa: BLE001 - a parity failure
                self.fail(name, f"get_{kind}({name!r}) raised {type(exc).__name__}: {exc}")
                continue
            if not isinstance(made, cls):
                self.fail(name, f"get_{kind}({name!r}) gave {type(made).__name__}, not a {cls.__name__}")
            ours = inspect.get_annotations(getattr(declared[name], method))
            theirs = inspect.get_annotations(getattr(sync_table.get(name), method, None) or (lambda: None))
            if ours.get("kwargs") != theirs.get("kwargs"):
                self.fail(name, f"{method}() takes {ours.get('kwargs')}, the sync one {theirs.get('kwargs')}")
            want = theirs.get("return") if kind == "paginator" else _COROUTINE.format("None")
            if ours.get("return") != want:
                self.fail(name, f"{method}() returns {ours.get('return')!r}, not {want!r}")

    async def exceptions(self) -> None:
        model: botocore.model.ServiceModel = self.raw.meta.service_model
        raisers: list[tuple[int, str, str, botocore.model.OperationModel]] = []
        for method, op_name in sorted(self.raw.meta.method_to_api_mapping.items()):
            op = model.operation_model(op_name)
            raisers += [(_weight(op), method, err.name, op) for err in op.error_shapes]
        for shape in model.error_shapes:
            if getattr(self.typed.exceptions, shape.name, None) is not getattr(self.raw.exceptions, shape.name):
                self.fail(f"exception {shape.name}", "client.exceptions does not give botocore's class")
        problems = []
        for _, method, error, op in sorted(raisers, key=lambda r: r[:3])[:3]:  # one error, a few tries
            cls = getattr(self.raw.exceptions, error)
            code = model.shape_for(error).error_code or error
            if self.raw.exceptions.from_code(code) is not cls:
                continue
            for arn in (False, True):  # a dummy "x", then an ARN where a name will not do
                problem = await self.raise_stubbed(method, op, code, cls, arn)
                if problem is None:
                    return
                problems.append(f"{op.name}: {problem}")
        if problems:
            self.fail("exceptions", "; ".join(problems))

    async def raise_stubbed(
        self, method: str, op: botocore.model.OperationModel, code: str, cls: type, arn: bool
    ) -> str | None:
        rules, self.raw._ruleset_resolver = self.raw._ruleset_resolver, None  # dummy values break endpoint rules
        try:
            with AioStubber(self.raw) as stubber:
                stubber.add_client_error(method, service_error_code=code, http_status_code=400)
                await getattr(self.typed, method)(**request_params(op, arn))
        except cls as exc:
            return None if type(exc) is cls else f"raised {type(exc).__name__}, a subclass"
        except Exception as exc:  # noqa: BLE001
            return f"raised {type(exc).__name__}: {exc}"
        finally:
            self.raw._ruleset_resolver = rules
        return "the stubbed error was not raised"


async def check_service(package: str, service: str, session: Any, config: Any) -> list[str]:
    async with session.create_client(service, region_name="us-east-1", config=config) as raw:
        try:
            checker = AioChecker(package, service, raw)
        except Exception as exc:  # noqa: BLE001
            return [f"{service}: cannot import the aio module: {exc!r}"]
        for step in (checker.operations, lambda: checker.getters("paginator"), lambda: checker.getters("waiter")):
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - a crash of the check is a failure too
                checker.fail("check", f"crashed: {type(exc).__name__}: {exc}")
        await checker.exceptions()
        return checker.failures
