"""Minimal valid values for botocore shapes: what a request or a response of an
operation must contain at least, built from botocore's own model."""

from __future__ import annotations

import datetime
from typing import Any

from botocore.model import ListShape, MapShape, OperationModel, Shape, StructureShape

TIMESTAMP = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
MAX_DEPTH = 40


def _count(shape: Shape) -> int:
    """How many elements a list/map/string needs to honour its min."""
    return max(1, int(shape.metadata.get("min", 1)))


def _number(shape: Shape, default: int) -> int:
    value = default
    if "min" in shape.metadata:
        value = max(value, int(shape.metadata["min"]))
    if "max" in shape.metadata:
        value = min(value, int(shape.metadata["max"]))
    return value


def _string(shape: Shape, index: int = 0) -> str:
    enum = shape.enum
    if enum:
        return str(enum[index % len(enum)])
    # Letters only: valid as an S3 bucket name, a URI label and a host label.
    text = "x" * _count(shape)
    if index:
        text = f"{text}{'y' * index}"
    return text


def dummy(shape: Shape, depth: int = 0, index: int = 0) -> Any:
    """A minimal valid value of `shape`: required members only, one element per
    list and map (or their min), enums their first value."""
    if depth > MAX_DEPTH:
        raise RecursionError(f"shape {shape.name} nests deeper than {MAX_DEPTH}")
    type_name = shape.type_name
    if type_name == "structure":
        assert isinstance(shape, StructureShape)
        if shape.metadata.get("document"):
            return {}
        members = shape.members
        if shape.metadata.get("union"):
            # Exactly one member; prefer the simplest one.
            name = min(
                members,
                key=lambda n: (members[n].type_name in ("structure", "list", "map"), n),
            )
            return {name: dummy(members[name], depth + 1)}
        return {name: dummy(members[name], depth + 1) for name in shape.required_members}
    if type_name == "list":
        assert isinstance(shape, ListShape)
        return [dummy(shape.member, depth + 1, index=i) for i in range(_count(shape))]
    if type_name == "map":
        assert isinstance(shape, MapShape)
        return {dummy(shape.key, depth + 1, index=i): dummy(shape.value, depth + 1) for i in range(_count(shape))}
    if type_name == "string":
        return _string(shape, index)
    if type_name in ("integer", "long", "short", "byte"):
        return _number(shape, 1) + index
    if type_name in ("float", "double"):
        return float(_number(shape, 1))
    if type_name == "boolean":
        return True
    if type_name == "timestamp":
        return TIMESTAMP
    if type_name == "blob":
        return b"x" * _count(shape)
    raise NotImplementedError(f"no dummy for shape {shape.name} of type {type_name}")


def request(operation: OperationModel) -> dict[str, Any]:
    """Minimal valid keyword arguments for the client method of `operation`."""
    shape = operation.input_shape
    if shape is None:
        return {}
    value = dummy(shape)
    assert isinstance(value, dict)
    return value


def response(operation: OperationModel) -> dict[str, Any]:
    """Minimal valid parsed response of `operation` ({} when it has no output)."""
    shape = operation.output_shape
    if shape is None:
        return {}
    value = dummy(shape)
    assert isinstance(value, dict)
    return value
