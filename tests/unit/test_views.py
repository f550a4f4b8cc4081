"""The service views (generator/views/client.py, type_defs, literals, exceptions, wrappers over
the shared context of views/service.py), built as render_service_entry builds it (name_table first, then the view), on tiny hand-written definitions: the client's
methods (name, parameters, return type, body, docstring), the TypedDict blocks of type_defs
(dependency order, NotRequired, forward references in a cycle, functional form) and their
imports, the Literal aliases, the exception classes, the paginator and waiter classes."""

from __future__ import annotations

import re
from typing import Any

import pytest

from generator.model.service import Service
from generator.naming.table import name_table
from generator.options import DEFAULT
from generator.views import client, exceptions, literals, type_defs, wrappers
from generator.views.blocks import Block, CallProtocol, Method
from generator.views.service import ServiceContext

from ..tiny import service

S = {"type": "string"}
SHAPES: dict[str, Any] = {
    "Str": S,
    "Color": {"type": "string", "enum": ["red", "green", "red"]},
    "Mood": {"type": "string", "enum": ["calm"]},  # reachable from no operation
    "A": {"type": "structure", "required": ["Name"], "members": {"Name": {"shape": "Str"}, "B": {"shape": "B"}}},
    "B": {"type": "structure", "members": {"A": {"shape": "A"}}},
    "PutIn": {
        "type": "structure",
        "required": ["Id", "Token"],
        "members": {
            "Id": {"shape": "Str", "documentation": "<p>The <b>id</b>  of it.</p>"},
            "Token": {"shape": "Str", "idempotencyToken": True},
            "Color": {"shape": "Color"},
            "A": {"shape": "A"},
        },
    },
    "PutOut": {
        "type": "structure",
        "documentation": "<p>What <i>put</i> gives.</p>",
        "members": {"Id": {"shape": "Str"}},
    },
    "OddIn": {"type": "structure", "members": {"self": {"shape": "Str"}, "my-key": {"shape": "Str"}}},
    "Boom": {"type": "structure", "members": {}, "exception": True, "documentation": "<p>It went <b>boom</b>.</p>"},
    "Coded": {"type": "structure", "members": {}, "exception": True, "error": {"code": "Coded.Error"}},
}
OPS: dict[str, Any] = {
    "PutThing": {
        "input": {"shape": "PutIn"},
        "output": {"shape": "PutOut"},
        "errors": [{"shape": "Boom"}],
        "documentation": "<p>Puts a <code>thing</code>.</p><p>More.</p>",
    },
    "Ping": {},
    "Import": {"input": {"shape": "OddIn"}},
}
WAITERS = {
    "ThingPut": {
        "operation": "PutThing",
        "delay": 5,
        "maxAttempts": 3,
        "acceptors": [{"state": "success", "matcher": "path", "argument": "Id", "expected": "x"}],
    }
}


def view(svc: Service) -> ServiceContext:
    names = name_table(svc)  # as render_service_entry: every name before any view
    return ServiceContext(svc, "botoloom test", DEFAULT, names)


def tiny_view(operations_extra: dict[str, Any] | None = None, **kwargs: Any) -> ServiceContext:
    return view(service(SHAPES, OPS | (operations_extra or {}), **kwargs))


def methods(v: ServiceContext) -> dict[str, Method]:
    return {m.name: m for m in client.client_methods(v) if not m.decorators or m.decorators == ["property"]}


def signature(m: Method) -> tuple[list[str], str | None]:
    return [p.text for p in m.params], m.returns.render() if m.returns is not None else None


def block_text(b: Block) -> tuple[str, str]:
    """(the name the block defines, its text)."""
    if b.cls is not None:
        return b.cls.name, "\n".join(b.body)
    return b.statement.split(" = ", 1)[0], b.statement


def test_client_methods_in_order() -> None:
    v = tiny_view(waiters=WAITERS)
    assert [m.name for m in client.client_methods(v)] == [
        "exceptions",
        "ping",
        "put_thing",
        "get_waiter",
    ]  # import: a keyword, not declared


def test_operation_method_params_returns_and_body() -> None:
    put = methods(tiny_view())["put_thing"]
    assert signature(put) == (["self", "**kwargs: Unpack[PutInTypeDef]"], "PutOutTypeDef")
    assert not put.body  # declared in the stub only: the .py is a shim, the object is boto3's
    assert {("typing", "Unpack"), (".type_defs", "PutInTypeDef"), (".type_defs", "PutOutTypeDef")} <= put.needs.types


def test_operation_without_input_or_output() -> None:
    ping = methods(tiny_view())["ping"]
    assert signature(ping) == (["self"], "EmptyResponseTypeDef")


def test_member_called_self_makes_self_positional_only() -> None:
    odd = methods(tiny_view(operations_extra={"Odd": {"input": {"shape": "OddIn"}}}))["odd"]
    assert signature(odd) == (["self", "/", "**kwargs: Unpack[OddInTypeDef]"], "EmptyResponseTypeDef")


@pytest.mark.parametrize("operation", ["Import", "Global", "Overload", "Property"])
def test_an_operation_boto3_names_so_is_not_declared_under_another_name(operation: str) -> None:
    """boto3's client has `import` (getattr only), `overload`, `property`: a class body cannot
    declare them as such (a keyword; the decorators of the body), so the stub leaves them out
    (README, Limitations) and never declares `import_` or `raw_`, which boto3's client lacks."""
    names = [m.name for m in client.client_methods(tiny_view(operations_extra={operation: {}}))]
    assert not {operation.lower(), operation.lower() + "_"} & set(names)


def test_an_operation_called_raw_keeps_its_name() -> None:
    """Nothing of botoloom's lives on boto3's object: `raw` is boto3's own method name."""
    names = [m.name for m in client.client_methods(tiny_view(operations_extra={"Raw": {}}))]
    assert "raw" in names and "raw_" not in names


def test_operation_docstring() -> None:
    m = methods(tiny_view())
    assert m["put_thing"].doc == (
        "Puts a thing.\n\n"
        "Parameters:\n- Id (required): The id of it.\n- Token (optional)\n- Color (optional)\n- A (optional)\n\n"
        "API reference: https://docs.aws.amazon.com/goto/WebAPI/tiny-2020-01-01/PutThing"
    )  # first paragraph only, HTML stripped; an idempotency token is optional (botocore fills it in)
    assert m["ping"].doc.startswith("No documentation in the service definition.\n\nAPI reference: ")


def test_exceptions_property() -> None:
    v = tiny_view()
    prop = methods(v)["exceptions"]
    cls = v.names.exceptions
    assert prop.decorators == ["property"] and signature(prop) == (["self"], cls)
    assert (".exceptions", cls) in prop.needs.types


def test_one_waiter_getter_takes_its_literal() -> None:
    (getter,) = [m for m in client.client_methods(tiny_view(waiters=WAITERS)) if m.name == "get_waiter"]
    assert signature(getter) == (["self", 'waiter_name: Literal["thing_put"]'], "ThingPutWaiter")
    assert [m.name for m in client.client_methods(tiny_view())][-1] == "put_thing"  # no waiter: no getter


def test_several_paginators_get_overloads() -> None:
    svc = service({"S": S}, {"ListA": {}, "ListB": {}}, paginators={"ListA": {"result_key": "X"}, "ListB": {}})
    (getter,) = [m for m in client.client_methods(view(svc)) if m.name == "get_paginator"]
    # an attribute typed by a Protocol whose __call__ carries the overloads (pyright's completion)
    assert isinstance(getter, CallProtocol) and getter.cls == "_GetPaginator" and getter.doc
    assert [(m.name, m.decorators, signature(m)) for m in getter.calls] == [
        ("__call__", ["overload"], (["self", "operation_name: NoMatchingOverload[NoReturn]"], "Any")),  # mypy's
        ("__call__", ["overload"], (["self", 'operation_name: Literal["list_a"]'], "ListAPaginator")),
        ("__call__", ["overload"], (["self", 'operation_name: Literal["list_b"]'], "ListBPaginator")),
    ]  # no implementation: the stub needs none, and the .py shim declares no methods


def test_typed_dicts_required_and_not_required() -> None:
    blocks = dict(block_text(b) for b in type_defs.typed_dict_blocks(tiny_view()))
    assert blocks["PutInTypeDef"].splitlines() == [
        "Id: str",
        "Token: NotRequired[str]",
        "Color: NotRequired[ColorType]",
        "A: NotRequired[ATypeDef]",
    ]
    assert blocks["PutOutTypeDef"].splitlines() == ["Id: NotRequired[str]", "ResponseMetadata: ResponseMetadataTypeDef"]


def test_typed_dicts_in_dependency_order_with_a_quoted_cycle() -> None:
    blocks = [block_text(b) for b in type_defs.typed_dict_blocks(tiny_view())]
    local = {name for name, _ in blocks}
    defined: set[str] = set()
    for name, text in blocks:
        unquoted = set(re.findall(r'(?<!")\b(\w+TypeDef)\b(?!")', text)) & local - {name}
        assert unquoted <= defined, (name, unquoted - defined)
        defined.add(name)
    order = [name for name, _ in blocks]
    first, second = sorted(["ATypeDef", "BTypeDef"], key=order.index)
    text = dict(blocks)
    assert f'NotRequired["{second}"]' in text[first]  # not defined yet: a forward reference
    assert f"NotRequired[{first}]" in text[second]  # defined above: plain
    quoted = [q for _, body in blocks for q in re.findall(r'\["(\w+TypeDef)"', body)]
    assert quoted == [second]  # in dependency order only the cycle needs a forward reference


def test_class_heads_and_their_docstrings() -> None:
    heads = {b.cls.name: b.cls for b in type_defs.typed_dict_blocks(tiny_view()) if b.cls is not None}
    assert heads["PutOutTypeDef"].bases == ("TypedDict",)
    assert heads["PutOutTypeDef"].doc == "What put gives."  # the shape's documentation, as text
    assert heads["BTypeDef"].doc == "B (input and output)."  # none: the shape and its variant


def test_non_identifier_key_gives_functional_typed_dict() -> None:
    (odd,) = [b for b in type_defs.typed_dict_blocks(tiny_view()) if block_text(b)[0] == "OddInTypeDef"]
    assert odd.cls is None
    assert odd.statement == (
        'OddInTypeDef = TypedDict("OddInTypeDef", {"self": NotRequired[str], "my-key": NotRequired[str]})'
    )


def test_type_defs_imports_only_what_is_used() -> None:
    v = tiny_view()
    imports = type_defs.type_defs_imports(type_defs.typed_dict_blocks(v))
    assert imports.splitlines() == [
        "from .._types import NotRequired, ResponseMetadataTypeDef, TypedDict",
        "from .literals import ColorType",
    ]
    lists = view(
        service(
            {
                "S": S,
                "L": {"type": "list", "member": {"shape": "S"}},
                "O": {"type": "structure", "members": {"L": {"shape": "L"}}},
            },
            {"Get": {"output": {"shape": "O"}}},
        )
    )
    imports = type_defs.type_defs_imports(type_defs.typed_dict_blocks(lists))
    assert "from typing import List" in imports and "Sequence" not in imports and "Literal" not in imports


def test_type_defs_all_lists_every_typed_dict() -> None:
    v = tiny_view()
    names = sorted(block_text(b)[0] for b in type_defs.typed_dict_blocks(v))
    assert type_defs.type_defs_all(v) == "__all__ = [" + ", ".join(f'"{n}"' for n in names) + "]"


def test_literal_aliases() -> None:
    v = tiny_view(waiters=WAITERS)
    assert literals.literal_aliases(v) == [
        'ColorType = Literal["red", "green"]',  # each value once; Mood is not reachable
        'WaiterName = Literal["thing_put"]',
        'OperationName = Literal["import", "ping", "put_thing"]',  # botocore's method names
    ]
    assert literals.literal_all(v) == '__all__ = ["ColorType", "WaiterName", "OperationName"]'


def test_exception_classes() -> None:
    classes = exceptions.exception_classes(tiny_view())
    assert [(attr, head.name, head.bases) for attr, head in classes] == [
        ("Boom", "Boom", ("ClientError",)),
        ("Coded", "Coded", ("ClientError",)),
    ]
    assert classes[0][1].doc == "It went boom."
    assert classes[1][1].doc == "The service error Coded.\n\nError code: Coded.Error"


def test_waiter_class_and_method() -> None:
    ((head, wait),) = wrappers.waiter_methods(tiny_view(waiters=WAITERS))
    assert (head.name, head.bases) == ("ThingPutWaiter", ("Waiter",))
    assert head.doc.endswith("put_thing every 5 s, at most 3 times.\n\nAcceptors: success when path Id = x.")
    assert signature(wait) == (["self", "**kwargs: Unpack[PutInWaitTypeDef]"], "None")
    assert not wait.body
    assert "PutInWaitTypeDef" in {block_text(b)[0] for b in type_defs.typed_dict_blocks(tiny_view(waiters=WAITERS))}


def test_stub_only_methods_have_no_body() -> None:
    """The class methods of client, paginators and waiters are declared in the stubs only
    (the .py shims hold none): a body or a method left out of the stub would be dead code."""
    svc = service(SHAPES, OPS, waiters=WAITERS, paginators={"Ping": {}})
    v = view(svc)
    members = (
        client.client_methods(v)
        + [m for _, m in wrappers.paginator_methods(v)]
        + [m for _, m in wrappers.waiter_methods(v)]
    )
    assert members and all(not m.body and m.stub for m in members)
