"""The model stage (generator/model/service.py build(), generator/model/docs.py) on tiny
hand-written definitions: what the frozen Service carries (operations, reachable shapes,
members, kinds, errors, paginators, waiters), the warnings for odd definitions, the error
for a broken one, and the plain text made of the definitions' HTML documentation."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from generator.errors import UserError
from generator.model import docs
from generator.model.service import build

from ..tiny import raw, service

S = {"type": "string"}

SHAPES: dict[str, Any] = {
    "Str": S,
    "Int": {"type": "integer"},
    "Color": {"type": "string", "enum": ["red", "green", "red"]},
    "Tags": {"type": "list", "member": {"shape": "Str"}},
    "Labels": {"type": "map", "key": {"shape": "Str"}, "value": {"shape": "Int"}},
    "Doc": {"type": "structure", "members": {}, "document": True},
    "Choice": {"type": "structure", "union": True, "members": {"A": {"shape": "Str"}, "B": {"shape": "Int"}}},
    "Node": {
        "type": "structure",
        "required": ["Name"],
        "members": {"Name": {"shape": "Str"}, "Kids": {"shape": "Nodes"}},
    },
    "Nodes": {"type": "list", "member": {"shape": "Node"}},
    "PutIn": {
        "type": "structure",
        "required": ["Id", "Token"],
        "documentation": "<p>The request.</p>",
        "members": {
            "Id": {"shape": "Str", "documentation": "<p>The <b>id</b>.</p>"},
            "Token": {"shape": "Str", "idempotencyToken": True},
            "Meta": {"shape": "Str", "jsonvalue": True, "location": "header"},
            "Body": {"shape": "Str", "jsonvalue": True},
            "Color": {"shape": "Color"},
            "Labels": {"shape": "Labels"},
            "Doc": {"shape": "Doc"},
            "Choice": {"shape": "Choice"},
            "Root": {"shape": "Node"},
        },
    },
    "PutOut": {"type": "structure", "members": {"Tags": {"shape": "Tags"}, "Next": {"shape": "Str"}}},
    "Boom": {
        "type": "structure",
        "members": {"message": {"shape": "Str"}},
        "exception": True,
        "error": {"code": "Bang"},
    },
    "Spare": {"type": "structure", "members": {}, "exception": True},  # used by no operation
    "Unused": {"type": "structure", "members": {"X": {"shape": "Orphan"}}},
    "Orphan": {"type": "string"},
}
OPS: dict[str, Any] = {
    "PutThing": {
        "input": {"shape": "PutIn"},
        "output": {"shape": "PutOut"},
        "errors": [{"shape": "Boom"}, {"shape": "Boom"}],
        "documentation": "<p>Puts a <code>thing</code>.</p>",
        "deprecated": True,
    },
    "Ping": {},
}


def test_operations_carry_names_shapes_errors_and_flags() -> None:
    svc = service(SHAPES, OPS)
    assert [(op.name, op.method) for op in svc.operations] == [("Ping", "ping"), ("PutThing", "put_thing")]
    put = svc.operation("PutThing")
    assert (put.input, put.output, put.errors) == ("PutIn", "PutOut", ("Boom",))  # the duplicate error once
    assert put.deprecated is True and put.documentation == "<p>Puts a <code>thing</code>.</p>"  # HTML kept as is
    ping = svc.operation("Ping")
    assert (ping.input, ping.output, ping.errors, ping.deprecated) == ("", "", (), False)
    with pytest.raises(KeyError):
        svc.operation("put_thing")  # looked up by API name, not method name


def test_service_metadata() -> None:
    svc = service(SHAPES, OPS)
    assert (svc.name, svc.service_id, svc.full_name) == ("tiny", "Tiny", "Tiny tiny")
    assert (svc.api_version, svc.uid, svc.protocol) == ("2020-01-01", "tiny-2020-01-01", "json")
    assert svc.warnings == () and svc.resources is None


def test_protocol_is_botocores_choice_among_those_listed() -> None:
    definition = raw(SHAPES, OPS)
    definition.service["metadata"]["protocols"] = ["query", "rest-json"]
    assert build(definition).protocol == "rest-json"  # botocore prefers rest-json over query


def test_only_reachable_shapes_are_kept_sorted() -> None:
    svc = service(SHAPES, OPS)
    assert "Unused" not in svc.shapes and "Orphan" not in svc.shapes
    assert list(svc.shapes) == sorted(svc.shapes)
    assert {"PutIn", "PutOut", "Str", "Int", "Color", "Tags", "Labels", "Node", "Nodes", "Boom"} <= set(svc.shapes)
    with pytest.raises(TypeError):
        svc.shapes["New"] = svc.shapes["Str"]  # type: ignore[index]  # the model is frozen


def test_exception_shapes_are_errors_even_when_unused() -> None:
    svc = service(SHAPES, OPS)
    assert svc.error_shapes == ("Boom", "Spare")  # botocore has a class for every exception shape
    assert "Spare" in svc.shapes
    assert svc.shape("Boom").exception and svc.shape("Boom").error_code == "Bang"
    assert svc.shape("Spare").error_code == "Spare"  # no error code: the shape's name


def test_members_required_token_and_jsonvalue() -> None:
    members = {m.name: m for m in service(SHAPES, OPS).shape("PutIn").members}
    assert list(members) == ["Id", "Token", "Meta", "Body", "Color", "Labels", "Doc", "Choice", "Root"]  # model order
    assert members["Id"].required and members["Token"].required and not members["Color"].required
    assert members["Token"].idempotency_token and not members["Id"].idempotency_token
    assert members["Meta"].jsonvalue  # a jsonvalue header: botocore JSON-encodes it
    assert not members["Body"].jsonvalue  # elsewhere botocore does not
    assert members["Id"].documentation == "<p>The <b>id</b>.</p>"


def test_kinds_and_children() -> None:
    svc = service(SHAPES, OPS)
    kinds = {name: svc.shape(name).kind for name in ("Str", "Int", "Color", "Tags", "Labels", "Doc", "Choice", "Node")}
    assert kinds == {
        "Str": "string",
        "Int": "integer",
        "Color": "enum",
        "Tags": "list",
        "Labels": "map",
        "Doc": "document",
        "Choice": "union",
        "Node": "structure",
    }
    assert svc.shape("Color").enum == ("red", "green", "red")  # as defined: the types stage dedupes
    assert svc.shape("Tags").children() == ("Str",)
    assert svc.shape("Labels").children() == ("Str", "Int")
    assert svc.shape("Choice").children() == ("Str", "Int")
    assert svc.shape("Str").children() == ()


def test_recursive_shapes_terminate() -> None:
    shapes = {
        "A": {"type": "structure", "members": {"B": {"shape": "B"}, "Self": {"shape": "A"}}},
        "B": {"type": "structure", "members": {"A": {"shape": "A"}}},
    }
    svc = service(shapes, {"Go": {"input": {"shape": "A"}}})
    assert list(svc.shapes) == ["A", "B"]
    assert svc.shape("A").children() == ("B", "A") and svc.shape("B").children() == ("A",)


def test_undefined_shape_is_a_user_error_naming_the_service_and_file() -> None:
    shapes = {"In": {"type": "structure", "members": {"X": {"shape": "Missing"}}}}
    definition = raw(shapes, {"Go": {"input": {"shape": "In"}}})
    with pytest.raises(UserError, match=r"^tiny: malformed service definition: KeyError: .*'Missing'"):
        build(definition)
    with pytest.raises(UserError, match=r"\(/defs/tiny/service-2\.json\)"):
        build(dataclasses.replace(definition, source="/defs/tiny/service-2.json"))


@pytest.mark.parametrize(
    ("shapes", "operations"),
    [
        ({"In": {"members": {}}}, {"Go": {"input": {"shape": "In"}}}),  # no type
        ({"In": {"type": "structure", "members": {"X": {}}}}, {"Go": {"input": {"shape": "In"}}}),  # no shape
        ({"S": S}, {"Go": {"errors": [{"shape": "Nope"}]}}),  # an error that is not defined
    ],
)
def test_malformed_definitions_raise_user_error(shapes: dict[str, Any], operations: dict[str, Any]) -> None:
    with pytest.raises(UserError, match="malformed service definition"):
        service(shapes, operations)


def test_operations_botocore_removed_are_left_out_silently() -> None:
    definition = dataclasses.replace(
        raw({"S": S}, {"Kept": {}, "Gone": {}}, paginators={"Gone": {}}, waiters={"W": {"operation": "Gone"}}),
        client_methods=("generate_presigned_url", "kept"),
    )
    svc = build(definition)
    assert [op.name for op in svc.operations] == ["Kept"]
    assert svc.paginators == () and svc.waiters == () and svc.warnings == ()  # removed on purpose: no warning
    assert svc.extra_methods == ("generate_presigned_url",)  # injected by botocore, not an operation


def test_paginators_and_waiters() -> None:
    paginators = {
        "PutThing": {"input_token": "Next", "output_token": "Next", "result_key": ["Tags"], "limit_key": "Max"}
    }
    waiters = {
        "ThingPut": {
            "operation": "PutThing",
            "delay": 5,
            "maxAttempts": 3,
            "description": "Waits.",
            "acceptors": [{"state": "success", "matcher": "path", "argument": "Next", "expected": "done"}],
        }
    }
    svc = service(SHAPES, OPS, paginators=paginators, waiters=waiters)
    (p,) = svc.paginators
    assert (p.method, p.operation, p.input_token, p.output_token) == ("put_thing", "PutThing", ("Next",), ("Next",))
    assert (p.result_keys, p.limit_key, p.non_aggregate_keys) == (("Tags",), "Max", ())
    (w,) = svc.waiters
    assert (w.name, w.method, w.operation, w.delay, w.max_attempts) == ("ThingPut", "thing_put", "PutThing", 5, 3)
    assert w.documentation == "Waits."
    assert [(a.state, a.matcher, a.argument, a.expected) for a in w.acceptors] == [("success", "path", "Next", "done")]


def test_paginator_and_waiter_without_operation_are_warned_about() -> None:
    svc = service(
        SHAPES,
        OPS,
        paginators={"ListNothing": {"result_key": "X"}},
        waiters={"NeverThere": {"operation": "Missing", "acceptors": []}},
    )
    assert svc.paginators == () and svc.waiters == ()
    assert svc.warnings == (
        "tiny/paginators-1: pagination.ListNothing: no such operation; paginator left out",
        "tiny/waiters-2: waiters.NeverThere: operation 'Missing' does not exist; waiter left out",
    )


def test_docs_paragraphs_clean_html() -> None:
    html = "<p>Puts  a <code>thing</code>\n in.</p><ul><li>one</li><li>two &amp; three</li></ul><p>a&nbsp;b</p>"
    assert docs.paragraphs(html) == ["Puts a thing in.", "- one", "- two & three", "a b"]
    assert docs.paragraphs("plain   text\nhere") == ["plain text here"]
    assert docs.paragraphs("") == [] and docs.summary("") == ""
    assert docs.paragraphs("<p>x <script>1<2</script> y</p>") == ["x 1<2 y"]  # not simple: HTMLParser


def test_docs_summary_and_method_doc() -> None:
    assert docs.summary("<p>First.</p><p>Second.</p>") == "First."
    long = docs.summary("<p>" + "word " * 100 + "</p>", 22)
    assert long == "word word word word ..."
    assert docs.api_reference("", "Go") == ""
    text = docs.method_doc("<p>Does it.</p>", [("Id", True, "<p>The <b>id</b>.</p>"), ("Max", False, "")], "L")
    assert text == "Does it.\n\nParameters:\n- Id (required): The id.\n- Max (optional)\n\nAPI reference: L"
    assert docs.method_doc("", [], "") == "No documentation in the service definition."
