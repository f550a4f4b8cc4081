"""The resource stages on a tiny hand-written service: model, boto3's naming, the types of
resource-side requests, and the rendered module (compiles, imports, black-stable)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from botocore import xform_name

from generator.errors import DefinitionError
from generator.model.resources import Filled, build_resources
from generator.model.service import Service, build
from generator.naming.rules import resource_names
from generator.render.files import render_package, render_service_entry
from generator.views.service import ServiceContext
from tests.helpers import BIN
from tests.tiny import raw

STR = {"type": "string"}
SHAPES: dict[str, Any] = {
    "String": STR,
    "Boolean": {"type": "boolean"},
    "Ids": {"type": "list", "member": {"shape": "String"}},
    "Tag": {
        "type": "structure",
        "required": ["Key"],
        "members": {"Key": {"shape": "String"}, "Value": {"shape": "String"}},
    },
    "Tags": {"type": "list", "member": {"shape": "Tag"}},
    "Datum": {
        "type": "structure",
        "required": ["Name"],
        "members": {"Name": {"shape": "String"}, "Value": {"shape": "String"}},
    },
    "Data": {"type": "list", "member": {"shape": "Datum"}},
    "Thing": {
        "type": "structure",
        "required": ["ThingId"],
        "members": {"ThingId": {"shape": "String"}, "ParentId": {"shape": "String"}, "Children": {"shape": "Ids"}},
    },
    "ThingList": {"type": "list", "member": {"shape": "Thing"}},
    "GetThingRequest": {"type": "structure", "required": ["ThingId"], "members": {"ThingId": {"shape": "String"}}},
    "GetThingOutput": {"type": "structure", "members": {"Thing": {"shape": "Thing"}}},
    "ListThingsRequest": {
        "type": "structure",
        "members": {"ParentId": {"shape": "String"}, "Prefix": {"shape": "String"}, "limit": {"shape": "String"}},
    },
    "ListThingsOutput": {"type": "structure", "members": {"Things": {"shape": "ThingList"}}},
    "DeleteThingsRequest": {
        "type": "structure",
        "required": ["Ids"],
        "members": {"Ids": {"shape": "Ids"}, "Force": {"shape": "Boolean"}},
    },
    "TagThingRequest": {
        "type": "structure",
        "required": ["ThingId", "Tags"],
        "members": {"ThingId": {"shape": "String"}, "Tags": {"shape": "Tags"}},
    },
    "PutDataRequest": {
        "type": "structure",
        "required": ["Namespace", "Data"],
        "members": {"Namespace": {"shape": "String"}, "Data": {"shape": "Data"}},
    },
}
OPERATIONS = {
    "GetThing": {"input": {"shape": "GetThingRequest"}, "output": {"shape": "GetThingOutput"}},
    "ListThings": {"input": {"shape": "ListThingsRequest"}, "output": {"shape": "ListThingsOutput"}},
    "DeleteThings": {"input": {"shape": "DeleteThingsRequest"}},
    "TagThing": {"input": {"shape": "TagThingRequest"}},
    "PutData": {"input": {"shape": "PutDataRequest"}},
}
ID = [{"target": "ThingId", "source": "identifier", "name": "Id"}]
RESOURCES = {
    "service": {
        "hasMany": {
            "Things": {
                "request": {"operation": "ListThings"},
                "resource": {
                    "type": "Thing",
                    "identifiers": [{"target": "Id", "source": "response", "path": "Things[].ThingId"}],
                    "path": "Things[]",
                },
            }
        }
    },
    "resources": {
        "Thing": {
            "identifiers": [{"name": "Id", "memberName": "ThingId"}],
            "shape": "Thing",
            "load": {"request": {"operation": "GetThing", "params": ID}, "path": "Thing"},
            "actions": {
                "Tag": {
                    "request": {
                        "operation": "TagThing",
                        "params": [*ID, {"target": "Tags[0].Key", "source": "string", "value": "k"}],
                    }
                },
                "PutData": {
                    "request": {
                        "operation": "PutData",
                        "params": [
                            {"target": "Namespace", "source": "string", "value": "ns"},
                            {"target": "Data[].Name", "source": "identifier", "name": "Id"},
                        ],
                    }
                },
            },
            "batchActions": {
                "Delete": {
                    "request": {
                        "operation": "DeleteThings",
                        "params": [{"target": "Ids[]", "source": "identifier", "name": "Id"}],
                    }
                }
            },
            "has": {
                "Parent": {
                    "resource": {
                        "type": "Thing",
                        "identifiers": [{"target": "Id", "source": "data", "path": "ParentId"}],
                    }
                }
            },
            "hasMany": {
                "Children": {
                    "request": {
                        "operation": "ListThings",
                        "params": [{"target": "ParentId", "source": "identifier", "name": "Id"}],
                    },
                    "resource": {
                        "type": "Thing",
                        "identifiers": [{"target": "Id", "source": "response", "path": "Things[].ThingId"}],
                        "path": "Things[]",
                    },
                }
            },
        }
    },
}


def tiny_service() -> Service:
    return build(dataclasses.replace(raw(SHAPES, OPERATIONS), resources=RESOURCES))


def test_filled_follows_how_boto3_applies_arguments() -> None:
    request = build_resources("tiny", RESOURCES, set(OPERATIONS), set()).get("Thing").actions[1].request
    assert request.operation == "PutData"
    assert request.filled() == Filled(frozenset({"Namespace"}), frozenset({"Data"}))
    assert request.filled("batch") == Filled(frozenset({"Namespace", "Data"}))
    assert request.filled("collection") == Filled(frozenset({"Namespace"}))


def test_model_and_boto3_names() -> None:
    service = tiny_service()
    assert service.resources is not None
    thing = service.resources.get("Thing")
    assert [r.name for r in service.resources.service.related] == ["Thing"]  # boto3 adds every resource
    names = resource_names("tiny", thing, service.resources.definitions, ["ThingId", "ParentId", "Children"])
    assert names.identifiers == {"Id": "id"}
    assert names.collections == {"Children": "children"}
    assert names.attributes == {"thing_id": "ThingId", "parent_id": "ParentId", "children_attribute": "Children"}
    assert names.aliases == {"thing_id": "id"}
    assert names.related == {"Parent": "parent"} and names.batch_actions == {"Delete": "delete"}


def test_resource_requests_drop_what_boto3_fills() -> None:
    types = ServiceContext(tiny_service(), "test").types
    assert types.resources is not None
    specs = {spec.name: spec for spec in types.typed_dicts()}

    def fields(name: str) -> dict[str, bool]:
        return {f.key: f.required for f in specs[name].fields}

    assert fields("PutDataRequestThingPutDataTypeDef") == {"Data": False}  # Namespace filled, Data partly
    assert fields("TagThingRequestThingTagTypeDef") == {"Tags": False}
    assert fields("DeleteThingsRequestThingDeleteTypeDef") == {"Force": False}
    assert fields("ListThingsRequestThingChildrenTypeDef") == {"Prefix": False}  # limit: boto3's own
    assert types.resources.request_name("GetThingRequest", Filled(frozenset({"ThingId"}))) == ""


def test_rendered_module_compiles_imports_and_is_black_stable(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    files, entry = render_service_entry(tiny_service(), "test")
    files.update(render_package("pkg", [entry], "test"))
    for rel, text in files.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(text, encoding="utf-8")
    source = files["tiny/service_resource.pyi"]  # the classes as checkers read them
    assert "def children_attribute(self) -> Optional[List[str]]:" in source
    assert "def Thing(self, id: str) -> _module.Thing:" in source  # the method shadows the class: the
    assert "from . import service_resource as _module" in source  # module spells it (checkers print Thing)
    assert "def parent(self) -> Optional[Thing]:" in source
    black = subprocess.run([str(BIN / "black"), "--check", "-q", str(package)], capture_output=True, text=True)
    assert black.returncode == 0, black.stderr
    script = (
        "import boto3, pkg.tiny as t\n"
        "from pkg.tiny.service_resource import Thing, ThingChildrenCollectionManager\n"
        "assert t.resource is t.service_resource.resource\n"
        "assert Thing._boto3_class == 'tiny.Thing'\n"
        "assert issubclass(ThingChildrenCollectionManager, t.service_resource.CollectionManager)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_resource_members_are_declarations_only() -> None:
    """Every method of a resource, collection or manager class is in the stub and has no
    body (boto3's object has the member; the .py shim holds only `_boto3_class`)."""
    from generator.views.resources import ResourceView

    context = ResourceView(ServiceContext(tiny_service(), "test")).context()
    methods = [m for c in context["classes"] for m in c.methods]
    assert methods and all(not m.body and m.stub for m in methods)
    attributes = [line for c in context["classes"] for line in c.attributes]
    assert attributes and all(line.startswith("_boto3_class = ") for line in attributes)  # what isinstance reads


@pytest.mark.parametrize(
    ("kind", "name", "refused"),
    [
        ("actions", "GetAvailableSubresources", True),  # boto3's own method, declared by the base class
        ("batchActions", "Filter", True),  # the collection's own filter()
        ("actions", "Raw", False),  # nothing of botoloom's on boto3's object: a plain name
    ],
)
def test_a_member_named_like_boto3s_own_is_refused_cleanly(kind: str, name: str, refused: bool) -> None:
    thing = dict(RESOURCES["resources"]["Thing"])
    thing[kind] = {**thing[kind], name: {"request": {"operation": "DeleteThings"}}}
    service = build(
        dataclasses.replace(raw(SHAPES, OPERATIONS), resources={**RESOURCES, "resources": {"Thing": thing}})
    )
    assert service.resources is not None
    args = ("tiny", service.resources.get("Thing"), service.resources.definitions, ["ThingId"])
    if not refused:
        assert xform_name(name) in resource_names(*args).actions.values()
        return
    with pytest.raises(DefinitionError, match="which boto3's own class has"):
        resource_names(*args)
