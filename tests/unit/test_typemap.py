"""typemap and views on tiny hand-written service definitions."""

from __future__ import annotations

import ast
from typing import Any

from generator.model.service import Service
from generator.naming.table import name_table
from generator.options import DEFAULT, Options
from generator.render.files import render_service
from generator.types.resources import type_map
from generator.types.typemap import TypeMap, typed_dict_keys
from generator.types.variants import ANY, IN, OUT, REQUEST

from ..tiny import service

S = {"type": "string"}


def typemap(svc: Service, options: Options = DEFAULT) -> TypeMap:
    return type_map(svc, name_table(svc).types, options)


SHAPES: dict[str, Any] = {
    "Str": S,
    "Int": {"type": "integer"},
    "When": {"type": "timestamp"},
    "Data": {"type": "blob"},
    "Color": {"type": "string", "enum": ["red", "green", 'say "hi"', "back\\slash"]},
    "Tags": {"type": "list", "member": {"shape": "Str"}},
    "Node": {
        "type": "structure",
        "members": {"Name": {"shape": "Str"}, "Children": {"shape": "NodeList"}},
        "required": ["Name"],
    },
    "NodeList": {"type": "list", "member": {"shape": "Node"}},
    "PutIn": {
        "type": "structure",
        "required": ["Id", "Token"],
        "members": {
            "Id": {"shape": "Str"},
            "Token": {"shape": "Str", "idempotencyToken": True},
            "At": {"shape": "When"},
            "Body": {"shape": "Data"},
            "Tags": {"shape": "Tags"},
            "Color": {"shape": "Color"},
            "Root": {"shape": "Node"},
        },
    },
    "PutOut": {
        "type": "structure",
        "required": ["Id"],
        "members": {"Id": {"shape": "Str"}, "At": {"shape": "When"}, "Root": {"shape": "Node"}},
    },
    "GetIn": {"type": "structure", "members": {"from": {"shape": "Str"}, "None": {"shape": "Str"}}},
    "GetOut": {
        "type": "structure",
        "payload": "Body",
        "members": {"Body": {"shape": "Data"}, "Size": {"shape": "Int"}},
    },
    "Choice": {"type": "structure", "union": True, "members": {"A": {"shape": "Str"}, "B": {"shape": "Int"}}},
    "PickIn": {"type": "structure", "members": {"Choice": {"shape": "Choice"}}},
    "Boom": {
        "type": "structure",
        "members": {"message": {"shape": "Str"}},
        "exception": True,
        "error": {"code": "Boom.Code"},
    },
}
OPS = {
    "PutThing": {"input": {"shape": "PutIn"}, "output": {"shape": "PutOut"}, "errors": [{"shape": "Boom"}]},
    "GetThing": {"input": {"shape": "GetIn"}, "output": {"shape": "GetOut"}},
    "Pick": {"input": {"shape": "PickIn"}},
}


def fields(tm: TypeMap, name: str) -> dict[str, tuple[str, bool]]:
    spec = next(s for s in tm.typed_dicts() if s.name == name)
    return {f.key: (f.type.render(), f.required) for f in spec.fields}


def test_request_response_and_variants() -> None:
    tm = typemap(service(SHAPES, OPS))
    req = fields(tm, tm.request_name("PutIn"))
    assert req["Id"] == ("str", True)
    assert req["Token"] == ("str", False)  # idempotency token: botocore fills it in
    assert req["At"] == ("Union[TimestampTypeDef, int, float]", False)  # epochs: parse_to_aware_datetime
    assert req["Body"] == ("EncodedBlobTypeDef", False)  # a blob in a JSON body: base64, no file objects
    assert req["Tags"] == ("Union[List[str], Tuple[str, ...]]", False)  # a str is a Sequence[str]: refused
    assert req["Color"][0] == tm.literal_names["Color"] == "ColorType"
    out = fields(tm, tm.response_name("PutOut"))
    assert out["Id"] == ("str", True)
    assert out["At"] == ("datetime", False)
    assert out["ResponseMetadata"] == ("ResponseMetadataTypeDef", True)
    # Node is used on both sides and differs (list): two TypedDicts, both recursive.
    names = tm.typed_dict_names
    assert names[("Node", IN)] == "NodeTypeDef"
    assert names[("Node", OUT)] == "NodeOutputTypeDef"
    assert fields(tm, "NodeTypeDef")["Children"] == ("Sequence[NodeTypeDef]", False)
    assert fields(tm, "NodeOutputTypeDef")["Children"] == ("List[NodeOutputTypeDef]", False)


def test_typed_dict_keys_are_what_the_typemap_builds() -> None:
    svc = service(SHAPES, OPS)
    keys = typed_dict_keys(svc)
    assert set(typemap(svc).typed_dict_names) == keys.keys  # the name table names exactly these
    assert keys.key("GetIn", "request") == keys.key("GetIn", "out") == ("GetIn", ANY)  # same text both ways
    assert keys.key("Node", "in") == ("Node", IN) and keys.key("Node", "out") == ("Node", OUT)
    assert keys.key("PutIn", "request") == ("PutIn", REQUEST)  # an idempotency token: its own request


def test_streaming_payload_is_required_streaming_body() -> None:
    tm = typemap(service(SHAPES, OPS))
    out = fields(tm, tm.response_name("GetOut"))
    assert out["Body"] == ("StreamingBody", True)
    assert out["Size"] == ("int", False)


def test_union_members_all_optional() -> None:
    tm = typemap(service(SHAPES, OPS))
    assert all(not req for _, req in fields(tm, "ChoiceTypeDef").values())


def test_rendered_module_compiles_with_hostile_names() -> None:
    files = render_service(service(SHAPES, OPS), "botoloom test from botocore test")
    for path, text in files.items():
        ast.parse(text, filename=path)
    type_defs = files["tiny/type_defs.py"]
    assert 'GetInTypeDef = TypedDict(\n    "GetInTypeDef",' in type_defs  # keyword keys: functional form
    assert '"from": NotRequired[str]' in type_defs
    literals = files["tiny/literals.py"]
    values = ast.literal_eval(literals.split("ColorType = Literal[")[1].split("]")[0].join("[]"))
    assert values == ["red", "green", 'say "hi"', "back\\slash"]
    exceptions = files["tiny/exceptions.py"]
    assert "class Boom(ClientError):" in exceptions and "Error code: Boom.Code" in exceptions
    client = files["tiny/client.pyi"]  # the class as checkers and editors read it
    assert "def pick(self, **kwargs: Unpack[PickInTypeDef]) -> EmptyResponseTypeDef:" in client
    assert "https://docs.aws.amazon.com/goto/WebAPI/tiny-2020-01-01/PutThing" in client


def test_model_keeps_only_reachable_shapes_and_client_methods() -> None:
    shapes = dict(SHAPES, Unused={"type": "structure", "members": {}})
    svc = service(shapes, OPS)
    assert "Unused" not in svc.shapes
    assert [op.method for op in svc.operations] == ["get_thing", "pick", "put_thing"]
    assert svc.error_shapes == ("Boom",)


def test_output_presence_modes() -> None:
    """sound: required where the model says; present: every top-level output member (nested
    ones as the model says); per-operation overrides add members in either mode."""

    svc = service(SHAPES, OPS)
    sound = typemap(svc)
    assert {k: r for k, (_, r) in fields(sound, sound.response_name("PutOut")).items()} == {
        "Id": True,
        "At": False,
        "Root": False,
        "ResponseMetadata": True,
    }
    present = typemap(svc, Options(outputs="present"))
    put = fields(present, present.response_name("PutOut"))
    assert all(required for _, required in put.values()), put
    nested = [name for (shape, _), name in present.typed_dict_names.items() if shape == "Node"]
    assert nested and all(fields(present, name)["Children"][1] is False for name in nested)  # as the model says
    chosen = typemap(svc, Options(required=(("tiny", "PutThing", ("At", "Nope")),)))
    put = fields(chosen, chosen.response_name("PutOut"))
    assert put["At"][1] is True and put["Root"][1] is False and "Nope" not in put
