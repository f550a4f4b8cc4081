"""The name table (generator/naming/table.py) on tiny definitions: who gets which name when
candidates clash, that the table is frozen, and that the rendered modules use its names."""

from __future__ import annotations

import ast
import dataclasses
from types import MappingProxyType
from typing import Any

import pytest

from generator.model.resources import RUNTIME_BASES
from generator.model.service import build
from generator.naming.rules import importable
from generator.naming.table import RESOURCE_MODULE_RESERVED, NameTable, name_table
from generator.render.files import render_service
from generator.source.load import RawService
from generator.types.variants import ANY, IN, OUT, RESPONSE

from ..tiny import raw

S = {"type": "string"}
WHEN = {"type": "timestamp"}
ERROR = {"type": "structure", "members": {}, "exception": True}


def struct(**members: str) -> dict[str, Any]:
    return {"type": "structure", "members": {k: {"shape": v} for k, v in members.items()}}


def op(input: str = "", output: str = "", errors: tuple[str, ...] = ()) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    if input:
        spec["input"] = {"shape": input}
    if output:
        spec["output"] = {"shape": output}
    if errors:
        spec["errors"] = [{"shape": e} for e in errors]
    return spec


def tiny(shapes: dict[str, Any], operations: dict[str, Any], abbreviation: str = "Tiny", **kwargs: Any) -> RawService:
    definition = raw({"String": S, **shapes}, operations, **kwargs)
    definition.service["metadata"]["serviceAbbreviation"] = abbreviation
    return definition


def table(shapes: dict[str, Any], operations: dict[str, Any], **kwargs: Any) -> NameTable:
    return name_table(build(tiny(shapes, operations, **kwargs)))


def module_all(source: str) -> list[str]:
    """The names in a module's __all__."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__":
            return [ast.literal_eval(e) for e in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("no __all__")


# ---- the service package ---------------------------------------------------------------
def test_shapes_that_escape_to_the_same_name_are_numbered_in_key_order() -> None:
    shapes = {"Thing": struct(A="String"), "_Thing": struct(B="String"), "thing": struct(C="String")}
    names = table(shapes, {"GetA": op(output="Thing"), "GetB": op(output="_Thing"), "GetC": op(output="thing")})
    # sorted keys: "Thing" < "_Thing" < "thing"; plain candidates: ThingTypeDef, ThingResponseTypeDef
    assert names.typed_dict("Thing", RESPONSE) == "ThingTypeDef"
    assert names.typed_dict("_Thing", RESPONSE) == "ThingResponseTypeDef"
    assert names.typed_dict("thing", RESPONSE) == "ThingResponseTypeDef2"


def test_plain_names_come_before_variant_suffixed_ones() -> None:
    # Foo differs between input and output (a timestamp): FooTypeDef in, FooOutputTypeDef out;
    # but the shape FooOutput takes its plain name first, so Foo's output variant moves on.
    shapes = {
        "When": WHEN,
        "Foo": struct(At="When"),
        "FooOutput": struct(X="String"),
        "PutIn": struct(Foo="Foo"),
        "GetOut": struct(Foo="Foo", Other="FooOutput"),
    }
    names = table(shapes, {"Put": op(input="PutIn"), "Get": op(output="GetOut")})
    assert names.typed_dict("Foo", IN) == "FooTypeDef"
    assert names.typed_dict("FooOutput", ANY) == "FooOutputTypeDef"
    assert names.typed_dict("Foo", OUT) == "FooOutputOutTypeDef"


def test_enums_that_escape_alike() -> None:
    enum = {"type": "string", "enum": ["a", "b"]}
    names = table({"Color": enum, "color": enum, "Paint": struct(A="Color", B="color")}, {"Get": op(output="Paint")})
    assert (names.literal("Color"), names.literal("color")) == ("ColorType", "ColorType2")


def test_client_class_named_like_a_reserved_name() -> None:
    names = table({}, {"Ping": op()}, abbreviation="Base")
    assert (names.client, names.exceptions) == ("BaseClient2", "BaseExceptions")  # BaseClient: the runtime's


def test_union_members_come_after_structures() -> None:
    shapes = {
        "Choice": {"type": "structure", "union": True, "members": {"a": {"shape": "String"}, "b": {"shape": "String"}}},
        "ChoiceA": struct(X="String"),
        "PutIn": struct(Choice="Choice"),
        "GetOut": struct(Other="ChoiceA"),
    }
    names = table(shapes, {"Put": op(input="PutIn"), "Get": op(output="GetOut")})
    assert names.typed_dict("ChoiceA", ANY) == "ChoiceATypeDef"
    assert dict(names.types.one_of) == {"ChoiceTypeDef": (("a", "ChoiceAMemberTypeDef"), ("b", "ChoiceBTypeDef"))}


def test_paginators_and_waiters() -> None:
    shapes = {"ListIn": struct(NextToken="String"), "ListOut": struct(NextToken="String", Items="String")}
    paginators = {"ListThings": {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Items"}}
    acceptors = [{"state": "success", "matcher": "path", "argument": "Items", "expected": "x"}]
    waiter = {"operation": "ListThings", "delay": 1, "maxAttempts": 2, "acceptors": acceptors}
    waiters = {"ListThings": waiter, "Ready": waiter, "_Ready": waiter}  # the last two: both ReadyWaiter
    names = table(shapes, {"ListThings": op("ListIn", "ListOut")}, paginators=paginators, waiters=waiters)
    assert dict(names.paginators) == {"list_things": "ListThingsPaginator"}  # a waiter of the same name beside
    assert dict(names.waiters) == {
        "list_things": "ListThingsWaiter",
        "ready": "ReadyWaiter",
        "_Ready": "ReadyWaiterClass",
    }


def test_stub_responses_come_after_typed_dicts() -> None:
    shapes = {"GetStub": struct(A="String"), "Get": struct(B="String")}
    names = table(shapes, {"A": op(output="GetStub"), "B": op(output="Get")})
    assert names.typed_dict("GetStub", RESPONSE) == "GetStubTypeDef"
    assert names.stub_response("Get") == "GetStubTypeDef2"
    assert names.stub_response("GetStub") == "GetStubStubTypeDef"
    assert (names.stubber, names.error_code) == ("TinyStubber", "")


def test_exceptions_keep_their_names_unless_they_cannot() -> None:
    errors = ("TinyExceptions", "TypedDict", "type", "bad-name", "bad_name", "ThingTypeDef")
    shapes = {e: ERROR for e in errors} | {"Thing": struct(A="String")}
    names = table(shapes, {"Get": op(output="Thing", errors=errors)})
    assert dict(names.exception_classes) == {
        "TinyExceptions": "TinyExceptionsError",  # the exceptions class itself
        "ThingTypeDef": "ThingTypeDef",  # another module's namespace than the TypedDict's
        "TypedDict": "TypedDictError",  # reserved
        "bad-name": "bad_nameError",  # bad_name is another error's attribute
        "bad_name": "bad_name",
        "type": "typeError",  # would shadow type[...] in the class body
    }
    assert names.typed_dict("Thing", RESPONSE) == "ThingTypeDef"
    assert names.error_code == "TinyErrorCode"


def test_the_table_is_frozen() -> None:
    names = table({"Thing": struct(A="String"), "Oops": ERROR}, {"Get": op(output="Thing", errors=("Oops",))})
    with pytest.raises(dataclasses.FrozenInstanceError):
        names.client = "Other"  # type: ignore[misc]
    for mapping in (
        names.paginators,
        names.exception_classes,
        names.stub_responses,
        names.types.typed_dicts,
        names.types.literals,
    ):
        assert isinstance(mapping, MappingProxyType)
    with pytest.raises(TypeError):
        names.exception_classes["Oops"] = "Other"  # type: ignore[index]
    with pytest.raises(TypeError):
        names.types.typed_dicts[("Thing", RESPONSE)] = "Other"  # type: ignore[index]


def test_rendered_modules_use_the_table() -> None:
    shapes = {"Thing": struct(A="String"), "thing": struct(B="String"), "Oops": ERROR}
    service = build(tiny(shapes, {"GetA": op(output="Thing", errors=("Oops",)), "GetB": op(output="thing")}))
    names = name_table(service)
    files = render_service(service, "test")
    assert module_all(files["tiny/type_defs.py"]) == sorted(names.types.typed_dicts.values())
    assert module_all(files["tiny/__init__.py"]) == sorted([names.client, names.exceptions, "client"])
    assert f"class {names.exception_class('Oops')}(ClientError):" in files["tiny/exceptions.py"]
    stubs = module_all(files["tiny/stubber.py"])
    assert set(names.stub_responses.values()) | {names.stubber, names.error_code} <= set(stubs)


# ---- service_resource.py ---------------------------------------------------------------
ID = [{"target": "Id", "source": "identifier", "name": "Id"}]
RESOURCE_SHAPES = {
    "Thing": struct(Id="String"),
    "GetIn": {"type": "structure", "required": ["Id"], "members": {"Id": {"shape": "String"}}},
    "GetOut": struct(Thing="Thing"),
    "ListOut": {"type": "structure", "members": {"Things": {"shape": "ThingList"}}},
    "ThingList": {"type": "list", "member": {"shape": "Thing"}},
}
RESOURCE_OPS = {"GetThing": op("GetIn", "GetOut"), "ListThings": op(output="ListOut")}


def resource_service(resources: dict[str, Any]) -> Any:
    return build(dataclasses.replace(tiny(RESOURCE_SHAPES, RESOURCE_OPS), resources=resources))


def loaded(**extra: Any) -> dict[str, Any]:
    return {
        "identifiers": [{"name": "Id"}],
        "shape": "Thing",
        "load": {"request": {"operation": "GetThing", "params": ID}, "path": "Thing"},
        **extra,
    }


def test_resource_classes_avoid_what_the_module_imports() -> None:
    things = {
        "request": {"operation": "ListThings"},
        "resource": {
            "type": "Sequence",
            "identifiers": [{"target": "Id", "source": "response", "path": "Things[].Id"}],
        },
    }
    resources = {
        "service": {"hasMany": {"Things": things}},
        "resources": {"Sequence": loaded(), "BaseResource": {"identifiers": [{"name": "Id"}]}},
    }
    names = name_table(resource_service(resources)).resources
    assert names is not None
    assert dict(names.classes) == {
        "ServiceResource": "TinyServiceResource",
        "Sequence": "SequenceResource",  # typing's
        "BaseResource": "BaseResourceResource",  # the runtime's
    }
    assert names.collection("ServiceResource", "Things") == (
        "ServiceResourceThingsCollection",
        "ServiceResourceThingsCollectionManager",
    )
    assert (names.typed_client, names.client_class) == ("TinyClient", "TinyClient")
    assert names.alias("Sequence") == "_Sequence"  # the service resource's method Sequence shadows typing's


def test_a_resource_named_like_the_client_class() -> None:
    """The resource class keeps the name; the typed client is imported under another one.
    The service resource's sub-resource method TinyClient returns the class through the
    stub's import of its own module (`_module.TinyClient`: checkers print `TinyClient`); its
    alias is still named before the typed client's import (the names stay as they were)."""
    service = resource_service({"service": {}, "resources": {"TinyClient": loaded()}})
    names = name_table(service).resources
    assert names is not None
    assert names.resource_class("TinyClient") == "TinyClient"
    assert (names.alias("TinyClient"), names.typed_client) == ("_TinyClient", "_TinyClient2")
    files = render_service(service, "test")
    text, stub = files["tiny/service_resource.py"], files["tiny/service_resource.pyi"]
    assert "from .client import TinyClient as _TinyClient2" in stub  # for `meta`
    assert ".client import" not in text  # the run-time shim names no client (BaseResource[Any])
    assert "def TinyClient(self, id: str) -> _module.TinyClient:" in stub and "_TinyClient = " not in stub
    assert "from . import service_resource as _module" in stub and "_module" not in text
    compile(text, "service_resource.py", "exec")
    compile(stub, "service_resource.pyi", "exec")


def test_the_resource_module_reserves_every_name_it_imports() -> None:
    assert importable() <= RESOURCE_MODULE_RESERVED
    # what the module imports from the runtime: its bases, and the injected s3/dynamodb bases
    assert {"BaseResource", "CollectionManager", "ResourceCollection", "create_resource"} <= importable()
    assert set(RUNTIME_BASES.values()) <= importable()
    assert {"Sequence", "Mapping", "Literal", "datetime"} <= importable()


def test_an_error_called_type_renames_the_type_builtin_of_exceptions_py() -> None:
    errors = ("type", "Type_")
    names = table({e: ERROR for e in errors}, {"Ping": op(errors=errors)})
    assert dict(names.exception_classes) == {"type": "typeError", "Type_": "Type_"}
    assert names.exception_type == "Type_1"
    assert table({"Oops": ERROR}, {"Ping": op(errors=("Oops",))}).exception_type == "type"
