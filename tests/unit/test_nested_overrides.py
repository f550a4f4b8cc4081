"""[tool.botoloom.required] for nested output structures ("service.Shape" = [...]): the
members a user knows are always returned wherever the structure is returned, in either
output mode (types/typemap.py _listed_nested).  Without a list, nested members stay as the
model says in both modes, as boto3-stubs types them."""

from __future__ import annotations

from typing import Any

from generator.options import Options

from ..tiny import service
from .test_typemap import OPS, SHAPES, fields, typemap

S = {"type": "string"}
# Pair: a structure without lists, used in a request and in a response (one TypedDict, "any").
SHARED: dict[str, Any] = {
    "Str": S,
    "Pair": {"type": "structure", "members": {"Key": {"shape": "Str"}, "Value": {"shape": "Str"}}},
    "SetIn": {"type": "structure", "members": {"Pair": {"shape": "Pair"}}},
    "SetOut": {"type": "structure", "members": {"Pair": {"shape": "Pair"}}},
}
SHARED_OPS = {"SetPair": {"input": {"shape": "SetIn"}, "output": {"shape": "SetOut"}}}


def _node_fields(options: Options) -> dict[str, dict[str, bool]]:
    """Node's TypedDicts by variant: its request side (in) and its response side (out)."""
    types = typemap(service(SHAPES, OPS), options)
    found = {}
    for (shape, variant), name in types.typed_dict_names.items():
        if shape == "Node":
            found[variant.kind] = {k: required for k, (_, required) in fields(types, name).items()}
    return found


def test_nested_members_stay_as_the_model_says_in_both_modes() -> None:
    model = {"in": {"Name": True, "Children": False}, "out": {"Name": True, "Children": False}}
    assert _node_fields(Options()) == model
    assert _node_fields(Options(outputs="present")) == model


def test_listed_members_are_required_on_the_output_side_only() -> None:
    listed = Options(required=(("tiny", "Node", ("Children", "Nope")),))
    assert _node_fields(listed) == {"in": {"Name": True, "Children": False}, "out": {"Name": True, "Children": True}}


def test_a_structure_shared_with_requests_is_required_there_too() -> None:
    svc = service(SHARED, SHARED_OPS)
    types = typemap(svc, Options(required=(("tiny", "Pair", ("Key",)),)))
    names = [name for (shape, _), name in types.typed_dict_names.items() if shape == "Pair"]
    assert len(names) == 1  # one TypedDict for both sides
    assert {k: r for k, (_, r) in fields(types, names[0]).items()} == {"Key": True, "Value": False}


def test_unions_and_other_services_are_left_alone() -> None:
    options = Options(required=(("tiny", "Choice", ("A",)), ("other", "Node", ("Children",))))
    types = typemap(service(SHAPES, OPS), options)
    choice = [name for (shape, _), name in types.typed_dict_names.items() if shape == "Choice"]
    assert choice and all(not r for name in choice for _, r in fields(types, name).values())
    assert _node_fields(options) == _node_fields(Options())
