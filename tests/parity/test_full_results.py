"""build_full_result() against its FullResult TypedDict, for every paginator of every service.

Each paginator of botocore's boto3 client runs over one synthetic page given through
botocore's Stubber, twice: a page with every member of the output shape (the output
tokens left out, so that it is the last page) and a page with only the required members.  What build_full_result
returns must have exactly the keys the TypedDict allows with the first page (NextToken
aside: set only when MaxItems cuts the pages short) and at least its required keys, and
nothing else, with the second, each required key being None there only where the
TypedDict says `| None`; dicts under dotted result paths are compared the same way.
"""

from __future__ import annotations

import re
import sys
import typing
from pathlib import Path
from typing import Any

import boto3
import botocore.exceptions
import botocore.model
import pytest
from botocore.stub import Stubber

from ..helpers import stub_module
from ..runtime import dummies
from .checks import NO_VALIDATION, Package, request_params, unwrap
from .conftest import PACKAGE
from .test_parity import SERVICES, _forget

_RETURNS = re.compile(r"^PageIterator\[(\w+), (\w+)\]$")
_FIRST_NAME = re.compile(r"^\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
_SESSION: boto3.session.Session | None = None
# Paginators no stubbed page can end: the model requires the output token in every page.
ENDLESS = {("iotsitewise", "list_actions")}


def _session() -> boto3.session.Session:
    global _SESSION
    if _SESSION is None:
        _SESSION = boto3.session.Session(region_name="us-east-1")
    return _SESSION


def build(raw: Any, name: str, op: botocore.model.OperationModel, page: dict[str, Any]) -> Any:
    """build_full_result() over `page`; as endpoint rules may refuse a dummy value, again
    with ARN values, and at last with botocore's endpoint rules out of the way."""
    rules = raw._ruleset_resolver
    try:
        for mode in ("x", "arn", "no-rules"):
            if mode == "no-rules":
                raw._ruleset_resolver = None
            try:
                with Stubber(raw) as stubber:
                    stubber.add_response(name, page)
                    return raw.get_paginator(name).paginate(**request_params(op, mode != "x")).build_full_result()
            except botocore.exceptions.EndpointResolutionError:
                if mode == "no-rules":
                    raise
    finally:
        raw._ruleset_resolver = rules


def full_page(shape: botocore.model.StructureShape, config: dict[str, Any], minimal: bool = False) -> dict[str, Any]:
    """Every member of `shape` (or only the required ones) with a valid value (nested: the
    required members; the members on result paths too), made the last page: its
    more_results flag false, else the paths its output tokens read removed."""
    names = shape.required_members if minimal else list(shape.members)
    page = {name: dummies.dummy(shape.members[name], 1) for name in names}
    if not minimal:
        _fill_paths(page, shape, _listed(config, "result_key") + _listed(config, "non_aggregate_keys"))
    page.pop("EncodingType", None)  # s3 url-decodes every Key of a listing with EncodingType "url"
    if config.get("more_results"):
        _set_path(page, str(config["more_results"]), False)
        return page
    for expression in _listed(config, "output_token"):
        for alternative in expression.split("||"):
            match = _FIRST_NAME.match(alternative)
            if match is not None:
                _set_path(page, match.group(1), None)
    return page


def _listed(config: dict[str, Any], key: str) -> list[str]:
    value = config.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _set_path(page: dict[str, Any], path: str, value: Any) -> None:
    """Set (or, for None, remove) a dotted path of `page`, where its parents exist."""
    *parents, last = path.split(".")
    target: Any = page
    for part in parents:
        target = target.get(part) if isinstance(target, dict) else None
    if isinstance(target, dict):
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value


def _fill_paths(page: dict[str, Any], shape: botocore.model.StructureShape, paths: list[str]) -> None:
    """Dotted result paths reach members that are not required: give them a value."""
    for path in paths:
        target: Any = page
        current: Any = shape
        for part in path.split("."):
            if (
                not isinstance(current, botocore.model.StructureShape)
                or part not in current.members
                or not isinstance(target, dict)
            ):
                break
            current = current.members[part]
            if part not in target:
                target[part] = dummies.dummy(current, 1)
            target = target[part]


def allows_none(hint: Any) -> bool:
    return type(None) in typing.get_args(unwrap(hint))


def compare(td: Any, value: Any, where: str, *, full: bool, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{where}: build_full_result gave {type(value).__name__}, the type is a TypedDict")
        return
    required = set(td.__required_keys__)
    allowed = required | set(td.__optional_keys__)
    got = set(value)
    if got - allowed:
        problems.append(f"{where} ({td.__name__}): keys {sorted(got - allowed)} are not in the type")
    if required - got:
        problems.append(f"{where} ({td.__name__}): required keys {sorted(required - got)} are missing")
    if full and td.__name__.endswith("FullResultTypeDef") and allowed - got - {"NextToken"}:
        problems.append(
            f"{where} ({td.__name__}): keys {sorted(allowed - got - {'NextToken'})} never set although every page member was"
        )
    hints = td.__annotations__
    module = sys.modules[td.__module__]
    for key in sorted(got & allowed):
        hint = hints[key]
        if value[key] is None and not allows_none(hint):
            problems.append(f"{where}.{key}: None, the type does not allow it")
        inner = unwrap(hint)
        if isinstance(inner, typing.ForwardRef):
            inner = getattr(module, inner.__forward_arg__)
        if isinstance(inner, type) and typing.is_typeddict(inner) and value[key] is not None:
            compare(inner, value[key], f"{where}.{key}", full=full, problems=problems)


def check_paginators(service: str) -> list[str]:
    raw = _session().client(service, region_name="us-east-1", config=NO_VALIDATION)
    pkg = Package(PACKAGE, service)
    module = pkg.submodule("paginators")
    # the classes as checkers read them (paginators.pyi): the .py classes are run-time shims
    table = dict(getattr(stub_module(module.__name__), "PAGINATORS", {})) if module else {}
    mapping = raw.meta.method_to_api_mapping
    problems: list[str] = []
    for name, cls in sorted(table.items()):
        op = raw.meta.service_model.operation_model(mapping[name])
        match = _RETURNS.match(str(cls.paginate.__annotations__.get("return", "")))
        if match is None or op.output_shape is None or (service, name) in ENDLESS:
            continue
        td = pkg.resolve(match.group(2))
        config = raw.get_paginator(name)._pagination_cfg
        page = full_page(op.output_shape, config)
        least = full_page(op.output_shape, config, minimal=True)
        for label, stubbed, full in (("every member", page, True), ("required members only", least, False)):
            where = f"{service}.{name} ({label})"
            try:
                result = build(raw, name, op, stubbed)
            except Exception as exc:  # noqa: BLE001 - reported
                problems.append(f"{where}: {type(exc).__name__}: {exc}")
                continue
            compare(td, result, where, full=full, problems=problems)
    return problems


@pytest.mark.parametrize("service", SERVICES)
def test_full_result_is_what_botocore_builds(service: str, all_services_dir: Path) -> None:
    try:
        problems = check_paginators(service)
    finally:
        _forget(service)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:100])
