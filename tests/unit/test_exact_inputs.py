"""Inputs as exact as botocore (issue 25): the run-time truth of the typing snippets
(botocore's own validator, serializer and paginator), and checks over every service's types.

Snippets: tests/typing/snippets/fail/bad_bare_str_lists.py, pass/ok_lists_and_tuples.py."""

from __future__ import annotations

import builtins
import collections.abc
import importlib
import typing
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from functools import cache
from typing import Any

import botocore.exceptions
import botocore.serialize
import botocore.session
import botocore.validate
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from botocore.utils import parse_to_aware_datetime

from generator.model.service import build
from generator.naming.table import name_table
from generator.runtime import _types as shared_types
from generator.source.load import Source
from generator.types.pyexpr import LITERALS, TYPE_DEFS, PyExpr
from generator.types.resources import type_map
from generator.types.specs import TypedDictSpec
from generator.types.typemap import TypeMap
from generator.types.variants import PAGINATE

_SESSION = botocore.session.get_session()


def _input(service: str, operation: str) -> Any:
    return _SESSION.get_service_model(service).operation_model(operation).input_shape


# ---- 1. a bare str where botocore wants a list ---------------------------------------------
# (service, operation, params around the list value): the lines of bad_bare_str_lists.py; its
# paginate() and instances.filter() lines call DescribeInstances, modify_attribute
# ModifyInstanceAttribute.
LISTS: list[tuple[str, str, Callable[[object], dict[str, object]]]] = [
    ("ec2", "DescribeInstances", lambda v: {"InstanceIds": v}),
    ("ec2", "DescribeInstances", lambda v: {"Filters": [{"Name": "tag:env", "Values": v}]}),
    ("lambda", "UpdateFunctionConfiguration", lambda v: {"FunctionName": "f", "VpcConfig": {"SubnetIds": v}}),
    (
        "iam",
        "SimulatePrincipalPolicy",
        lambda v: {"PolicySourceArn": "arn:aws:iam::123456789012:user/u", "ActionNames": v},
    ),
    ("sns", "AddPermission", lambda v: {"TopicArn": "t", "Label": "l", "AWSAccountId": v, "ActionName": ["Publish"]}),
    ("ec2", "ModifyInstanceAttribute", lambda v: {"InstanceId": "i-1", "Groups": v}),
]


@pytest.mark.parametrize("service,operation,params", LISTS)
def test_botocore_refuses_a_bare_str_for_a_list(
    service: str, operation: str, params: Callable[[object], dict[str, object]]
) -> None:
    shape = _input(service, operation)
    with pytest.raises(ParamValidationError, match=r"valid types: <class 'list'>, <class 'tuple'>"):
        botocore.validate.validate_parameters(params("x-1"), shape)
    for value in (["x-1"], ("x-1", "x-2"), []):  # ok_lists_and_tuples.py: lists, tuples, responses' lists
        botocore.validate.validate_parameters(params(value), shape)


# ---- every service -----------------------------------------------------------------------
@cache
def _type_map(name: str) -> TypeMap:
    service = build(_source().load(name))
    return type_map(service, name_table(service).types)


@cache
def _source() -> Source:
    return Source()


def _services() -> list[str]:
    return list(_SESSION.get_available_services())


def _specs(name: str) -> Iterator[TypedDictSpec]:
    yield from _type_map(name).typed_dicts()


class _TypedDict(dict[str, Any]):
    """What a name of type_defs stands for here: a TypedDict (no str is one)."""


def evaluate(expr: PyExpr) -> Any:
    """The typing object an input type stands for, its names taken where the generated module
    takes them: the package's _types (generator/runtime/_types.py), typing, builtins; a
    TypedDict and a Literal alias of the service stand for a class a str is no value of."""
    space: dict[str, Any] = {}
    for name in expr.names():
        if name.module == ".._types":
            space[name.name] = getattr(shared_types, name.name)
        elif name.module is not None and not name.module.startswith("."):  # typing, datetime
            space[name.name] = getattr(importlib.import_module(name.module), name.name)
        elif name.module in (TYPE_DEFS, LITERALS):
            space[name.name] = _TypedDict if name.module == TYPE_DEFS else typing.Literal["\0"]
        elif name.name != "...":
            space[name.name] = getattr(builtins, name.name)
    return eval(expr.render(), space)  # noqa: S307 - our own rendered type text


def is_value(kind: type, annotation: Any) -> bool:
    """Whether a value of class `kind` is a value of `annotation` for a type checker (int is
    a float; a str is a Sequence[str]; Any takes all)."""
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if origin is typing.Union:
        return any(is_value(kind, arg) for arg in typing.get_args(annotation))
    if origin is collections.abc.Sequence:
        return kind is str and is_value(str, typing.get_args(annotation)[0])
    if origin is not None or not isinstance(annotation, type):
        return False  # List, Tuple, Dict, Mapping, IO, Literal: no str, int, float, datetime is one
    return issubclass(kind, annotation) or (kind is int and annotation is float)


def _sequences(annotation: Any) -> Iterator[Any]:
    """Every Sequence[...] inside `annotation`."""
    if typing.get_origin(annotation) is collections.abc.Sequence:
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _sequences(arg)


def test_is_value_judges_as_checkers_do() -> None:
    sequence = typing.Sequence  # as the generated modules spell it  # noqa: UP006
    assert is_value(str, sequence[str]) and is_value(str, sequence[typing.Union[int, str]])  # noqa: UP007
    assert not is_value(str, typing.Union[list[str], tuple[str, ...]])  # noqa: UP007
    assert is_value(int, float) and is_value(str, shared_types.TimestampTypeDef)
    assert not is_value(str, sequence[_TypedDict]) and not is_value(str, sequence[typing.Literal["a"]])


@pytest.mark.parametrize("name", _services())
def test_every_list_input_refuses_a_str(name: str) -> None:
    """Every list a request, paginate(), wait() or resource call takes refuses a bare str:
    each Sequence left in an input type is of items no str is a value of."""
    for spec in _specs(name):
        if not spec.variant.input_side:
            continue
        for field in spec.fields:
            annotation = evaluate(field.type)
            wrong = [seq for seq in _sequences(annotation) if is_value(str, seq)]
            assert not wrong, f"{name} {spec.name}.{field.key}: {field.type.render()} takes a str"


# ---- 2. paginate() takes every member botocore's paginator passes on -----------------------
# (service, operation, params): route53's (issue 25) and the lines of ok_paginate_first_page.py.
FIRST_PAGE: list[tuple[str, str, dict[str, Any]]] = [
    ("route53", "list_resource_record_sets", {"HostedZoneId": "Z1", "StartRecordName": "a.", "StartRecordType": "A"}),
    ("s3", "list_objects_v2", {"Bucket": "b", "ContinuationToken": "t", "MaxKeys": 10}),
    ("iam", "list_users", {"Marker": "m", "MaxItems": 10}),
    ("ec2", "describe_instances", {"NextToken": "t", "MaxResults": 5}),
    ("dynamodb", "scan", {"TableName": "t", "ExclusiveStartKey": {"pk": {"S": "a"}}, "Limit": 5}),
]


RESPONSES: dict[str, dict[str, Any]] = {  # what the Stubber's response validation needs
    "list_resource_record_sets": {"ResourceRecordSets": [], "IsTruncated": False, "MaxItems": "100"},
    "list_users": {"Users": []},
}


@pytest.mark.parametrize("service,method,params", FIRST_PAGE)
def test_paginate_sends_tokens_and_limit_on_the_first_request(
    service: str, method: str, params: dict[str, Any]
) -> None:
    """botocore's paginator validates, serialises and sends them (Stubber: exactly these)."""
    client = _SESSION.create_client(service, region_name="us-east-1", aws_access_key_id="k", aws_secret_access_key="s")
    with Stubber(client) as stubber:
        stubber.add_response(method, RESPONSES.get(method, {}), expected_params=params)
        pages = list(client.get_paginator(method).paginate(**params))
    assert len(pages) == 1


@pytest.mark.parametrize("name", _services())
def test_every_paginate_takes_what_botocore_passes_on(name: str) -> None:
    """paginate() takes exactly the operation's input members (botocore's paginator pops only
    PaginationConfig and passes the rest on), and PaginationConfig."""
    types = _type_map(name)
    model = _SESSION.get_service_model(name)
    try:
        paginators = _SESSION.get_paginator_model(name)._paginator_config
    except botocore.exceptions.UnknownServiceError:
        paginators = {}
    specs = {(spec.shape, spec.variant): spec for spec in types.typed_dicts()}
    for operation in paginators:
        if operation not in model.operation_names:
            continue
        shape = model.operation_model(operation).input_shape
        if shape is None:
            continue
        keys = {f.key for f in specs[(shape.name, PAGINATE)].fields}
        assert keys == set(shape.members) | {"PaginationConfig"}, f"{name} {operation}"


# ---- 3. timestamps in every form parse_to_aware_datetime takes ----------------------------
EPOCHS: list[tuple[str, str, dict[str, Any]]] = [  # the lines of ok_timestamps.py
    ("s3", "GetObject", {"Bucket": "b", "Key": "k", "ResponseExpires": 1.5, "IfModifiedSince": 1700000000}),
    ("s3", "GetObject", {"Bucket": "b", "Key": "k", "IfUnmodifiedSince": "1700000000"}),
    (
        "cloudwatch",
        "GetMetricStatistics",
        {"Namespace": "n", "MetricName": "m", "StartTime": 0, "EndTime": 1.7e9, "Period": 60, "Statistics": ["Sum"]},
    ),
    ("dynamodb", "ListBackups", {"TimeRangeLowerBound": 1700000000, "TimeRangeUpperBound": datetime.now()}),
]


@pytest.mark.parametrize("service,operation,params", EPOCHS)
def test_botocore_takes_epoch_timestamps(service: str, operation: str, params: dict[str, Any]) -> None:
    """botocore's validator and its serialiser (parse_to_aware_datetime) take them."""
    model = _SESSION.get_service_model(service)
    operation_model = model.operation_model(operation)
    botocore.validate.validate_parameters(params, operation_model.input_shape)
    request = botocore.serialize.create_serializer(model.resolved_protocol).serialize_to_request(
        params, operation_model
    )
    assert request["url_path"]


TIMESTAMPS = [datetime(2020, 1, 2, tzinfo=timezone.utc), "2020-01-02T00:00:00Z", 1700000000, 1.5]


def _timestamp_types(annotation: Any, shape: Any) -> Iterator[Any]:
    """The types a field gives the timestamps of `shape` (botocore's), in lists and maps too."""
    if shape.type_name == "timestamp":
        yield annotation
    elif shape.type_name in ("list", "map"):
        if typing.get_origin(annotation) is typing.Union:  # List[X] | Tuple[X, ...] (| List[Y])
            annotation = typing.get_args(annotation)[0]
        inner = shape.member if shape.type_name == "list" else shape.value
        yield from _timestamp_types(typing.get_args(annotation)[-1], inner)


@pytest.mark.parametrize("name", _services())
def test_every_timestamp_input_takes_what_botocore_parses(name: str) -> None:
    model = _SESSION.get_service_model(name)
    for value in TIMESTAMPS:
        parse_to_aware_datetime(value)
    for spec in _specs(name):
        if not spec.variant.input_side:
            continue
        members = model.shape_for(spec.shape).members
        for field in spec.fields:
            if field.key not in members:  # PaginationConfig, WaiterConfig
                continue
            for annotation in _timestamp_types(evaluate(field.type), members[field.key]):
                wrong = [type(v).__name__ for v in TIMESTAMPS if not is_value(type(v), annotation)]
                assert not wrong, f"{name} {spec.name}.{field.key}: {field.type.render()} refuses {wrong}"
