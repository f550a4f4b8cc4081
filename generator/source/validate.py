"""Check the parts of botocore's definition files that the generator relies on.

Definitions are untrusted input (custom models from AWS_DATA_PATH, ~/.aws/models): a file
of the wrong shape stops the run with one line naming the file and the place in it
(`shapes.Name.enum`), instead of being read wrongly ("abc" as the enum a, b, c) or
ending in a traceback.  Only the keys botoloom reads are checked.
"""

from __future__ import annotations

from typing import Any, NoReturn, cast

from ..errors import UserError

SHAPE_TYPES = frozenset(
    {
        "structure",
        "list",
        "map",
        "string",
        "integer",
        "long",
        "float",
        "double",
        "boolean",
        "timestamp",
        "blob",
        "character",
        "byte",
        "short",
        "bigdecimal",
        "biginteger",
    }
)
MAX_NESTING = 50
"""Lists and maps nested deeper than this (without a structure between) are refused:
Python's parser stops at 200 nested brackets, and no botocore definition comes close."""


def _short(value: Any) -> str:
    """A value for a message: the start of a scalar's repr, a container's type (its repr
    could be 50 MB, or nested deeper than repr can go)."""
    return repr(value)[:60] if isinstance(value, str | int | float | bool | type(None)) else type(value).__name__


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> NoReturn:
        raise UserError(f"{self.path}: {where}: {problem}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, f"must be an object (got {type(value).__name__})")
        return cast(dict[str, Any], value)

    def text(self, value: Any, where: str) -> None:
        if not isinstance(value, str):
            self.fail(where, f"must be a string (got {_short(value)})")

    def texts(self, value: Any, where: str) -> None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(where, f"must be a list of strings (got {_short(value)})")

    def ref(self, value: Any, where: str) -> None:
        self.text(self.obj(value, where).get("shape"), f"{where}.shape")

    def optional(self, spec: dict[str, Any], where: str, **kinds: str) -> None:
        for key, kind in kinds.items():
            if key in spec:
                getattr(self, kind)(spec[key], f"{where}.{key}")


def service(data: dict[str, Any], path: str) -> None:
    """service-2: metadata, operations, shapes (types, members, enums, required, nesting)."""
    check = _Checker(path)
    meta = check.obj(data.get("metadata"), "metadata")
    for key in ("serviceFullName", "serviceAbbreviation", "serviceId", "apiVersion", "uid", "protocol"):
        if key in meta:
            check.text(meta[key], f"metadata.{key}")
    check.optional(data, "service", documentation="text")
    for name, op in check.obj(data.get("operations", {}), "operations").items():
        where = f"operations.{name}"
        check.obj(op, where)
        check.optional(op, where, input="ref", output="ref", documentation="text")
        errors = op.get("errors", [])
        if not isinstance(errors, list):
            check.fail(f"{where}.errors", "must be a list")
        for i, error in enumerate(errors):
            check.ref(error, f"{where}.errors[{i}]")
    shapes = check.obj(data.get("shapes", {}), "shapes")
    for name, spec in shapes.items():
        _shape(check, name, spec)
    _nesting(check, shapes)


def _shape(check: _Checker, name: str, spec: Any) -> None:
    where = f"shapes.{name}"
    check.obj(spec, where)
    kind = spec.get("type")
    if kind not in SHAPE_TYPES:
        check.fail(f"{where}.type", f"unknown shape type {kind!r}")
    check.optional(spec, where, enum="texts", required="texts", documentation="text", payload="text")
    if kind == "structure":
        for member, ref in check.obj(spec.get("members", {}), f"{where}.members").items():
            check.ref(ref, f"{where}.members.{member}")
            check.optional(ref, f"{where}.members.{member}", documentation="text", location="text")
        if "error" in spec:
            check.obj(spec["error"], f"{where}.error")
    elif kind == "list":
        check.ref(spec.get("member"), f"{where}.member")
    elif kind == "map":
        check.ref(spec.get("key"), f"{where}.key")
        check.ref(spec.get("value"), f"{where}.value")


def _nesting(check: _Checker, shapes: dict[str, Any]) -> None:
    """Longest chain of lists and maps (a cycle ends a chain: it becomes a named alias)."""
    depth: dict[str, int] = {}
    for root in shapes:
        stack: list[tuple[str, list[str]]] = [(root, _containers(shapes, root))]
        on_path = {root}
        while stack:
            name, todo = stack[-1]
            child = next((c for c in todo if c not in depth and c not in on_path), None)
            if child is None:
                stack.pop()
                on_path.discard(name)
                inner = [depth.get(c, 0) for c in _containers(shapes, name)]
                depth[name] = (1 + max(inner, default=0)) if shapes[name].get("type") in ("list", "map") else 0
                continue
            todo.remove(child)
            on_path.add(child)
            stack.append((child, _containers(shapes, child)))
    deepest = max(depth, key=lambda n: depth[n], default=None)
    if deepest is not None and depth[deepest] > MAX_NESTING:
        check.fail(f"shapes.{deepest}", f"lists and maps nest {depth[deepest]} levels deep (at most {MAX_NESTING})")


def _containers(shapes: dict[str, Any], name: str) -> list[str]:
    spec = shapes[name]
    if spec.get("type") == "list":
        refs = [spec["member"]["shape"]]
    elif spec.get("type") == "map":
        refs = [spec["key"]["shape"], spec["value"]["shape"]]
    else:
        return []
    return [r for r in refs if r in shapes]


def paginators(data: dict[str, Any], path: str) -> None:
    check = _Checker(path)
    for name, spec in data.items():
        where = f"pagination.{name}"
        check.obj(spec, where)
        for key in ("input_token", "output_token", "result_key"):
            value = spec.get(key)
            if value is not None and not isinstance(value, str):
                check.texts(value, f"{where}.{key}")
        check.optional(spec, where, limit_key="text")


def waiters(data: dict[str, Any], path: str) -> None:
    check = _Checker(path)
    for name, spec in data.items():
        where = f"waiters.{name}"
        check.obj(spec, where)
        check.text(spec.get("operation"), f"{where}.operation")
        for key in ("delay", "maxAttempts"):
            if key in spec and (not isinstance(spec[key], int) or isinstance(spec[key], bool)):
                check.fail(f"{where}.{key}", f"must be an integer (got {_short(spec[key])})")
        acceptors = spec.get("acceptors", [])
        if not isinstance(acceptors, list):
            check.fail(f"{where}.acceptors", "must be a list")
        for i, acceptor in enumerate(acceptors):
            check.obj(acceptor, f"{where}.acceptors[{i}]")
        check.optional(spec, where, description="text")
