"""Parity of generate_presigned_url and the typed Stubber with botocore, for one service.

- generate_presigned_url: the overloads' ClientMethod Literals cover exactly the client
  methods that botocore presigns (every method in the client's table, asked to presign a
  minimal request: everything but an UnsupportedSignatureVersionError counts, as a refused
  dummy value or an endpoint rule is not the signer's doing), each with the operation's
  request TypedDict as Params, optional exactly when nothing in it is required;
- the Stubber: add_response overloads cover exactly the client's operations, each with the
  request TypedDict as expected_params and a service_response TypedDict with exactly the
  output shape's members (required as the model says, which is what the Stubber's
  validator checks) plus an optional ResponseMetadata; add_client_error's code Literal is
  exactly the modeled error codes, each raised by botocore as a modeled class.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import typing
from pathlib import Path
from typing import Any

import botocore.exceptions

_LITERAL = re.compile(r"^Literal\[(.*)\]$")
_PARAMS = re.compile(r"^(\w+)( \| None)?$")


def _no_match(annotation: object) -> bool:
    """The first overload of each overloaded method (views/overloads.py): typed
    NoMatchingOverload[NoReturn], it matches no call and only shortens mypy's message."""
    origin = typing.get_origin(annotation) or annotation
    return str(annotation).startswith("NoMatchingOverload[") or getattr(origin, "__name__", "") == "NoMatchingOverload"


def _literal_values(annotation: str) -> list[str]:
    match = _LITERAL.match(annotation)
    if match is None:
        raise ValueError(f"not a Literal: {annotation!r}")
    values = ast.literal_eval(f"[{match.group(1)}]")
    return [str(v) for v in values]


def _variants(func: Any) -> list[Any]:
    """The overloads of `func`, or `func` itself when it has none."""
    return list(typing.get_overloads(func)) or [func]


def _presign_signatures(cls: type) -> list[dict[str, str]]:
    """The annotations (as text) of the typed generate_presigned_url, read from the stub's
    source: the overloads of the `__call__` of the Protocol the class declares it as
    (`generate_presigned_url: Final[_GeneratePresignedUrl]`, views/overloads.py), or the one method."""
    tree = ast.parse(Path(sys.modules[cls.__module__].__file__ or "").read_text(encoding="utf-8"))
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    body = classes[cls.__name__]
    typed = [
        ast.unparse(node.annotation)
        for node in body.body
        if isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "generate_presigned_url"
    ]
    where, name = (
        (classes[typed[0].removeprefix("Final[").removesuffix("]")], "__call__")
        if typed
        else (body, "generate_presigned_url")
    )
    found = [node for node in where.body if isinstance(node, ast.FunctionDef) and node.name == name]
    overloads = [f for f in found if any(ast.unparse(d) == "overload" for d in f.decorator_list)]
    return [
        {a.arg: ast.unparse(a.annotation) for a in f.args.args if a.annotation is not None}
        for f in (overloads or found)
    ]


def presignable(raw: Any, method: str, params: dict[str, Any]) -> bool:
    try:
        raw.generate_presigned_url(method, Params=params)
    except botocore.exceptions.UnsupportedSignatureVersionError:
        return False
    except Exception:  # noqa: BLE001 - a dummy value or an endpoint rule: not the signer
        return True
    return True


def check_presign(checker: Any, raw: Any, request_params: Any) -> None:
    cls = checker.pkg.client_class
    mapping = raw.meta.method_to_api_mapping
    methods = [m for m in sorted(mapping) if callable(getattr(type(raw), m, None))]
    expected = {m for m in methods if presignable(raw, m, request_params(checker.model.operation_model(mapping[m])))}
    typed: dict[str, str] = {}
    for notes in _presign_signatures(cls):
        if _no_match(notes["ClientMethod"]):
            continue
        for name in _literal_values(notes["ClientMethod"]):
            typed[name] = notes["Params"]
    for name in sorted(expected - set(typed)):
        checker.fail("generate_presigned_url", f"botocore presigns {name!r}, the overloads do not take it")
    for name in sorted(set(typed) - expected):
        checker.fail("generate_presigned_url", f"overload for {name!r}, which botocore cannot presign")
    for name in sorted(set(typed) & expected):
        check_params(checker, cls, name, typed[name], checker.model.operation_model(mapping[name]), "Params")


def check_params(checker: Any, cls: type, method: str, annotation: Any, op: Any, what: str) -> None:
    """`annotation` (text or object) is the request TypedDict of the typed method, `| None`
    exactly when nothing is required; for an operation without input, a Mapping."""
    where = f"{op.name} {what}"
    text = annotation if isinstance(annotation, str) else _text(annotation)
    if op.input_shape is None:
        if not re.match(r"Mapping\[(builtins_*\.)?str, Any\]", text):
            checker.fail(where, f"operation has no input, typed {text!r}")
        return
    match = _PARAMS.match(text)
    if not hasattr(cls, method):  # not declarable (a keyword: naming.rules.declarable): no method to compare
        kwargs = f"Unpack[{match.group(1)}]" if match else ""
    else:
        kwargs = inspect.get_annotations(getattr(cls, method)).get("kwargs", "")
    request = kwargs[len("Unpack[") : -1] if isinstance(kwargs, str) else ""
    if match is None or match.group(1) != request:
        checker.fail(where, f"typed {text!r}, the method takes {request!r}")
        return
    td = checker.pkg.resolve(request)
    optional = not td.__required_keys__
    if what == "Params" and optional != bool(match.group(2)):
        checker.fail(where, f"typed {text!r} but the request has required keys {sorted(td.__required_keys__)}")


def _text(annotation: Any) -> str:
    """An evaluated annotation as the text check_params reads: X, X | None, Mapping[...]."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType) and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        return _text(inner[0]) + " | None" if len(inner) == 1 else repr(annotation)
    if typing.get_origin(annotation) is not None and "Mapping" in repr(annotation):
        return "Mapping[str, Any]"
    return getattr(annotation, "__name__", repr(annotation))


def check_stubber(checker: Any, raw: Any) -> None:
    module = checker.pkg.submodule("stubber")
    base = checker.pkg.runtime_stubber.BaseStubber
    classes = (
        [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, base) and v is not base]
        if module
        else []
    )
    if len(classes) != 1:
        checker.fail("stubber", f"expected one Stubber class, found {classes}")
        return
    (stubber,) = classes
    mapping = raw.meta.method_to_api_mapping
    ops = {m for m in mapping if callable(getattr(type(raw), m, None))}
    seen: set[str] = set()
    for variant in _variants(stubber.add_response):
        notes = inspect.get_annotations(variant)
        if _no_match(notes["method"]):
            continue
        for name in typing.get_args(notes["method"]):
            seen.add(name)
            if name in ops:
                op = checker.model.operation_model(mapping[name])
                check_params(
                    checker,
                    checker.pkg.client_class,
                    name,
                    notes["expected_params"],
                    op,
                    "add_response expected_params",
                )
                check_stub_response(checker, notes["service_response"], op)
    for name in sorted(ops - seen):
        checker.fail("stubber add_response", f"no overload for {name!r}")
    for name in sorted(seen - ops):
        checker.fail("stubber add_response", f"overload for {name!r}, not an operation of the client")
    check_error_codes(checker, raw, inspect.get_annotations(stubber.add_client_error)["service_error_code"])


def check_stub_response(checker: Any, td: Any, op: Any) -> None:
    where = f"{op.name} add_response service_response ({getattr(td, '__name__', td)})"
    shape = op.output_shape
    members = set(shape.members) if shape is not None else set()
    required = set(shape.required_members) if shape is not None else set()
    keys = set(td.__required_keys__) | set(td.__optional_keys__)
    if keys != members | {"ResponseMetadata"}:
        checker.fail(where, f"keys {sorted(keys ^ (members | {'ResponseMetadata'}))} differ from the output shape")
    if set(td.__required_keys__) != required - {"ResponseMetadata"}:
        checker.fail(
            where, f"required {sorted(td.__required_keys__)}, the Stubber's validator requires {sorted(required)}"
        )


def check_error_codes(checker: Any, raw: Any, annotation: Any) -> None:
    codes = {str(s.error_code) for s in checker.model.error_shapes}
    typed = set(typing.get_args(annotation)) if codes else {"str"} if annotation is str else {repr(annotation)}
    if codes and typed != codes:
        checker.fail(
            "stubber add_client_error", f"codes differ: lacks {sorted(codes - typed)}, extra {sorted(typed - codes)}"
        )
    for code in sorted(codes & typed):
        if raw.exceptions.from_code(code) is botocore.exceptions.ClientError:
            checker.fail("stubber add_client_error", f"botocore raises plain ClientError for {code!r}")
