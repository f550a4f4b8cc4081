"""The generated type definitions are usable at run time, not only by checkers:
every module imports and every TypedDict's annotations resolve (what
typing.get_type_hints, pydantic or typeguard do with them)."""

from __future__ import annotations

import importlib
import pkgutil
import typing

import pytest
import typing_extensions

from .services import SERVICES, GeneratedService


@pytest.mark.parametrize("service", SERVICES, ids=str)
def test_type_defs_resolve_at_run_time(service: GeneratedService) -> None:
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.iter_modules(service.package.__path__, f"{service.package.__name__}.")
    ]
    names = {module.__name__.rsplit(".", 1)[1] for module in modules}
    assert {"client", "exceptions", "literals", "type_defs"} <= names, names
    for name in service.package.__all__:
        assert hasattr(service.package, name), f"{service.package.__name__}.__all__ names missing {name}"

    checked = 0
    failures: list[tuple[str, Exception]] = []
    for module in modules:
        for name, value in vars(module).items():
            # typing_extensions' is_typeddict: below 3.12 the TypedDicts are typing_extensions'
            if not (typing_extensions.is_typeddict(value) and value.__module__ == module.__name__):
                continue
            checked += 1
            try:
                typing.get_type_hints(value)
            except Exception as exc:
                failures.append((f"{module.__name__}.{name}", exc))
    assert checked, f"{service}: no TypedDicts found"

    problems = [f"{where}: {exc!r}" for where, exc in failures]
    assert not problems, "\n".join(problems)


def test_typed_dict_required_keys_at_run_time() -> None:
    """Run-time introspection of a request TypedDict agrees with botocore's model."""
    import boto3
    from aws_typed.s3 import type_defs

    shape = boto3.client("s3").meta.service_model.operation_model("GetObject").input_shape
    typed_dict = type_defs.GetObjectRequestTypeDef
    assert typed_dict.__required_keys__ == set(shape.required_members) == {"Bucket", "Key"}
    assert typed_dict.__optional_keys__ == set(shape.members) - {"Bucket", "Key"}
