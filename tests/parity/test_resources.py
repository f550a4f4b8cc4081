"""Parity with what boto3 builds at run time, for the nine resource services.

boto3 creates its resource classes when `boto3.resource()` runs, from resources-1 and its
own customisation handlers.  Here every one of them is built the same way (the session's
ResourceFactory with boto3's event handlers) and compared, by introspection only (never
against the generator's model), with the generated class whose `_boto3_class` names it:

- the same public members (identifiers, attributes with boto3's renames, load/reload,
  actions, references, sub-resources, collections, waiters, injected methods,
  get_available_subresources, meta), each a property where boto3 has one and a method
  where boto3 has one;
- modeled actions, waiters, collection filters and batch actions take exactly the
  operation's members that boto3 does not fill in itself, as `boto3`'s own
  `create_request_parameters` fills them on the resource: actions and waiters apply the
  caller's arguments over boto3's (a member boto3 sets whole is no parameter, one it sets
  a field of stays, optional), batch actions build theirs from the page's resources (none
  is a parameter), collections merge lists and structures in (only plain members are no
  parameters; `limit` and `page_size` are boto3's own collection settings);
  waiters also take WaiterConfig;
- sub-resources take the identifiers boto3 takes, in order, and build the same resource;
- methods boto3 injects with a real signature (s3 upload_file, Table.batch_writer, ...)
  have the same parameters;
- collection managers and collections have boto3's public methods;
- identifiers, attributes and references return what boto3's object returns.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import sys
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import boto3
import pytest
from aws_typed._resources import BaseResource
from boto3.resources.params import create_request_parameters
from boto3.utils import LazyLoadedWaiterModel, ServiceContext
from botocore import xform_name

from generator.naming.rules import module_name
from tests.conftest import GENERATED
from tests.helpers import stub_module

SERVICES = ["cloudformation", "cloudwatch", "dynamodb", "ec2", "glacier", "iam", "s3", "sns", "sqs"]
SESSION = boto3.session.Session(region_name="us-east-1")
_UNPACK = re.compile(r"^Unpack\[(\w+)\]$")
_WHOLE = re.compile(r"(\w+)(\[[0-9*]*\])?")  # a target that sets a member whole
# Methods boto3 injects as (self, **kwargs) over an operation (boto3.ec2.createtags and
# boto3.ec2.deletetags): the operation's members minus those it fills in.
INJECTED_OPERATIONS = {
    ("ec2", "ServiceResource", "create_tags"): ("CreateTags", frozenset()),
    ("ec2", "Instance", "delete_tags"): ("DeleteTags", frozenset({"Resources"})),
}


@dataclass
class Counts:
    resources: int = 0
    identifiers: int = 0
    attributes: int = 0
    actions: int = 0
    batch_actions: int = 0
    references: int = 0
    subresources: int = 0
    collections: int = 0
    waiters: int = 0
    injected: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Built:
    service: str
    name: str  # resource name, "ServiceResource" for the service resource
    raw: Any  # boto3's resource object
    typed_class: type[BaseResource]  # as service_resource.pyi declares it (what checkers read)
    module: ModuleType  # aws_typed.<service>.service_resource (the run-time classes)
    type_defs: ModuleType
    classes: dict[str, type[BaseResource]]  # the run-time classes by boto3 class name


def _boto3_resources(service: str) -> dict[str, Any]:
    """Every resource class of `service` as boto3 builds it, instantiated (dummy identifiers)."""
    top = SESSION.resource(service)
    client = top.meta.client
    loader = SESSION._session.get_component("data_loader")
    definitions = loader.load_service_model(service, "resources-1")["resources"]
    context = ServiceContext(
        service_name=service,
        service_model=client.meta.service_model,
        resource_json_definitions=definitions,
        service_waiter_model=LazyLoadedWaiterModel(SESSION._session, service, client.meta.service_model.api_version),
    )
    built: dict[str, Any] = {"ServiceResource": top}
    for name, spec in definitions.items():
        cls = SESSION.resource_factory.load_from_definition(name, spec, context)
        identifiers = [f"id-{i}" for i in range(len(spec.get("identifiers", [])))]
        built[name] = cls(*identifiers, client=client)
    return built


def _typed_classes(module: ModuleType) -> dict[str, type[BaseResource]]:
    """The run-time classes by the boto3 class they are the type of."""
    return {
        obj._boto3_class: obj
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, BaseResource) and obj.__module__ == module.__name__
    }


_MISSING = object()


def _member(owner: Any, name: str, where: str, counts: Counts) -> Any:
    """owner.name, or _MISSING (recorded as a problem) when the typed side lacks it."""
    value = getattr(owner, name, _MISSING)
    if value is _MISSING:
        counts.problems.append(f"{where}.{name}: missing on the typed side")
    return value


def _public(obj: Any) -> set[str]:
    return {n for n in dir(obj) if not n.startswith("_")}


def _kwargs_keys(method: Any, type_defs: ModuleType) -> tuple[set[str], set[str]]:
    """(keys, optional keys) of a method's `**kwargs: Unpack[X]` TypedDict (empty: no **kwargs)."""
    params = inspect.signature(method).parameters
    if "kwargs" not in params:
        assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in params.values()), params
        return set(), set()
    match = _UNPACK.match(str(params["kwargs"].annotation))
    assert match, params["kwargs"].annotation
    typed_dict = getattr(type_defs, match.group(1))
    return set(typed_dict.__required_keys__ | typed_dict.__optional_keys__), set(typed_dict.__optional_keys__)


def _members(client: Any, operation: str) -> set[str]:
    shape = client.meta.service_model.operation_model(operation).input_shape
    return set(shape.members) if shape is not None else set()


def _filled(resource: Any, request: Any, kind: str = "action") -> tuple[set[str], set[str]]:
    """(members that are no parameters, members that are optional ones) of a request that
    boto3 fills in from `resource` with its own create_request_parameters."""
    resource.meta.data = resource.meta.data or {}
    params = create_request_parameters(resource, request)
    if kind == "batch":
        return set(params), set()
    if kind == "collection":
        return {k for k, v in params.items() if not isinstance(v, (list, dict))}, set()
    whole = {m.group(1) for p in request.params if (m := _WHOLE.fullmatch(p.target))}
    return set(params) & whole, set(params) - whole


def _expect_kwargs(
    where: str, got: tuple[set[str], set[str]], members: set[str], filled: tuple[set[str], set[str]], counts: Counts
) -> None:
    keys, optional = got
    expected = members - filled[0]
    if keys != expected:
        counts.problems.append(
            f"{where}: parameters differ: missing {sorted(expected - keys)}, extra {sorted(keys - expected)}"
        )
    if not filled[1] <= optional:
        counts.problems.append(f"{where}: {sorted(filled[1] - optional)} are filled by boto3 but required")


# what _resources declares for checkers on every resource, collection manager and collection
BASE_NAMES = {"meta", "get_available_subresources"}
COLLECTION_NAMES = {"all", "limit", "page_size", "pages"}


def _check_names(b: Built, counts: Counts) -> None:
    raw_names = _public(b.raw)
    typed_names = _public(b.typed_class) | BASE_NAMES
    if raw_names != typed_names:
        counts.problems.append(
            f"{b.service}.{b.name}: boto3 has {sorted(raw_names - typed_names)} that the typed class lacks, "
            f"the typed class has {sorted(typed_names - raw_names)} that boto3 lacks"
        )
    for name in sorted(raw_names & typed_names - BASE_NAMES):
        raw_kind = isinstance(inspect.getattr_static(type(b.raw), name), property)
        typed_attr = inspect.getattr_static(b.typed_class, name)
        if raw_kind != isinstance(typed_attr, property):
            counts.problems.append(f"{b.service}.{b.name}.{name}: property in one, method in the other")
        elif raw_kind and typed_attr.fset is not None:
            counts.problems.append(f"{b.service}.{b.name}.{name}: typed property is writable")


def _check_values(b: Built, counts: Counts) -> None:
    """boto3's object is an instance of its typed class (and the old spelling gives it back);
    identifiers, attributes and references are properties of the typed class."""
    model = b.raw.meta.resource_model
    runtime = b.classes[type(b.raw).__name__]
    where = f"{b.service}.{b.name}"
    if not isinstance(b.raw, runtime) or runtime(b.raw) is not b.raw:
        counts.problems.append(f"{where}: boto3's {type(b.raw).__name__} is not a {runtime.__name__}")
    names = [i.name for i in model.identifiers] + [r.name for r in model.references]
    counts.identifiers += len(model.identifiers)
    counts.references += len(model.references)
    if model.shape:
        shape = b.raw.meta.client.meta.service_model.shape_for(model.shape)
        attributes = model.get_attributes(shape)
        counts.attributes += len(attributes)
        names += list(attributes)
    for name in names:
        member = _member(b.typed_class, name, where, counts)
        if member is not _MISSING and not isinstance(member, property):
            counts.problems.append(f"{where}.{name}: not a property of the typed class")


def _check_actions(b: Built, counts: Counts) -> None:
    model = b.raw.meta.resource_model
    client = b.raw.meta.client
    for action in model.actions:
        counts.actions += 1
        method = _member(b.typed_class, action.name, f"{b.service}.{b.name}", counts)
        if method is _MISSING:
            continue
        got = _kwargs_keys(method, b.type_defs)
        members = _members(client, action.request.operation)
        _expect_kwargs(f"{b.service}.{b.name}.{action.name}", got, members, _filled(b.raw, action.request), counts)
    for waiter in model.waiters:
        counts.waiters += 1
        config = client.get_waiter(xform_name(waiter.waiter_name)).config
        members = _members(client, config.operation) | {"WaiterConfig"}
        method = _member(b.typed_class, waiter.name, f"{b.service}.{b.name}", counts)
        if method is _MISSING:
            continue
        got = _kwargs_keys(method, b.type_defs)
        _expect_kwargs(f"{b.service}.{b.name}.{waiter.name}", got, members, _filled(b.raw, waiter), counts)
    for sub in model.subresources:
        counts.subresources += 1
        _check_subresource(b, sub, counts)


def _check_subresource(b: Built, sub: Any, counts: Counts) -> None:
    where = f"{b.service}.{b.name}.{sub.name}"
    expected = [xform_name(i.target) for i in sub.resource.identifiers if i.source == "input"]
    method = _member(b.typed_class, sub.name, f"{b.service}.{b.name}", counts)
    if method is _MISSING:
        return
    params = list(inspect.signature(method).parameters)[1:]
    if params != expected:
        counts.problems.append(f"{where}: takes {params}, boto3 takes {expected}")
        return
    values = [f"v{i}" for i in range(len(params))]
    raw = getattr(b.raw, sub.name)(*values)
    declared = inspect.get_annotations(method).get("return")
    runtime = b.classes.get(type(raw).__name__)
    if runtime is None or not isinstance(raw, runtime) or not isinstance(raw, BaseResource):
        counts.problems.append(f"{where}: boto3 builds {raw!r}, no typed class of it")
    elif str(declared).rpartition(".")[2] != runtime.__name__:  # Stack, or _module.Stack where a method shadows it
        counts.problems.append(f"{where}: typed {declared!r}, boto3 builds a {runtime.__name__}")


def _check_collections(b: Built, resources: dict[str, Any], counts: Counts) -> None:
    model = b.raw.meta.resource_model
    client = b.raw.meta.client
    stub = sys.modules[b.typed_class.__module__]
    for collection in model.collections:
        counts.collections += 1
        where = f"{b.service}.{b.name}.{collection.name}"
        prop = _member(b.typed_class, collection.name, where, counts)
        if prop is _MISSING:
            continue
        runtime_manager = getattr(b.module, inspect.get_annotations(prop.fget)["return"])
        manager = getattr(stub, runtime_manager.__name__)
        coll = getattr(stub, inspect.get_annotations(manager.filter)["return"])  # filter() gives the collection
        runtime_coll = getattr(b.module, coll.__name__)
        raw_manager = getattr(b.raw, collection.name)
        raw_coll = raw_manager.all()
        for label, raw_obj, typed_cls, runtime_cls in (
            ("manager", raw_manager, manager, runtime_manager),
            ("collection", raw_coll, coll, runtime_coll),
        ):
            if _public(raw_obj) != _public(typed_cls) | COLLECTION_NAMES:
                counts.problems.append(
                    f"{where} {label}: {sorted(_public(raw_obj) ^ (_public(typed_cls) | COLLECTION_NAMES))}"
                )
            if not isinstance(raw_obj, runtime_cls):
                counts.problems.append(f"{where} {label}: boto3's {raw_obj!r} is not a {runtime_cls.__name__}")
        # limit and page_size: boto3's own collection settings (ResourceCollection.pages() pops them)
        members = _members(client, collection.request.operation) - {"limit", "page_size"}
        filled = _filled(b.raw, collection.request, "collection")
        for method in (manager.filter, manager.iterator, coll.filter):
            _expect_kwargs(f"{where}.{method.__name__}", _kwargs_keys(method, b.type_defs), members, filled, counts)
        item = resources[collection.resource.type]
        for batch in collection.batch_actions:
            counts.batch_actions += 1
            members = _members(client, batch.request.operation)
            filled = _filled(item, batch.request, "batch")
            for owner in (manager, coll):
                method = _member(owner, xform_name(batch.name), where, counts)
                if method is not _MISSING:
                    _expect_kwargs(f"{where}.{batch.name}", _kwargs_keys(method, b.type_defs), members, filled, counts)


def _check_injected(b: Built, counts: Counts) -> None:
    """Methods boto3 adds outside the model: the same parameters."""
    model = b.raw.meta.resource_model
    modeled = {a.name for a in model.actions} | {w.name for w in model.waiters}
    modeled |= {s.name for s in model.subresources} | {"get_available_subresources"}
    for name in sorted(_public(b.raw) - modeled):
        raw_attr = inspect.getattr_static(type(b.raw), name)
        typed_attr = getattr(b.typed_class, name, _MISSING)
        if not inspect.isfunction(raw_attr) or name in ("load", "reload") or typed_attr is _MISSING:
            continue  # a missing one is reported by _check_names
        counts.injected += 1
        where = f"{b.service}.{b.name}.{name}"
        if (b.service, b.name, name) in INJECTED_OPERATIONS:
            operation, drop = INJECTED_OPERATIONS[(b.service, b.name, name)]
            members = _members(b.raw.meta.client, operation)
            _expect_kwargs(where, _kwargs_keys(typed_attr, b.type_defs), members, (set(drop), set()), counts)
            continue
        raw_params = [str(p) for p in inspect.signature(raw_attr).parameters.values()][1:]
        typed_params = [
            p.name + (f"={p.default!r}" if p.default is not p.empty else "")
            for p in inspect.signature(typed_attr).parameters.values()
        ][1:]
        if raw_params != typed_params:
            counts.problems.append(f"{where}: typed takes {typed_params}, boto3 takes {raw_params}")


def check_service(service: str) -> Counts:
    counts = Counts()
    module = importlib.import_module(f"aws_typed.{module_name(service)}.service_resource")
    type_defs = importlib.import_module(f"aws_typed.{module_name(service)}.type_defs")
    classes = _typed_classes(module)
    resources = _boto3_resources(service)
    names = {type(raw).__name__ for raw in resources.values()}
    if names != set(classes):
        counts.problems.append(f"{service}: boto3 classes {sorted(names ^ set(classes))} differ")
    for name, raw in resources.items():
        cls = classes.get(type(raw).__name__)
        if cls is None:
            continue
        counts.resources += name != "ServiceResource"
        built = Built(
            service, name, raw, getattr(stub_module(module.__name__), cls.__name__), module, type_defs, classes
        )
        for check in (_check_names, _check_values, _check_actions, _check_injected):
            check(built, counts)
        _check_collections(built, resources, counts)
    return counts


@pytest.mark.parametrize("service", SERVICES)
def test_resource_parity(service: str) -> None:
    counts = check_service(service)
    assert not counts.problems, f"{service}: {len(counts.problems)} problem(s):\n" + "\n".join(counts.problems)


def test_parity_covers_the_census() -> None:
    """Everything botocore 1.43's resources-1 defines is checked (see CENSUS.md): 80
    resources, 318 actions (+ boto3's injected delete_tags), 15 batch actions, 87
    collections, 17 waiters."""
    total = Counts()
    for service in SERVICES:
        counts = check_service(service)
        for name in (
            "resources",
            "identifiers",
            "attributes",
            "actions",
            "batch_actions",
            "references",
            "subresources",
            "collections",
            "waiters",
            "injected",
        ):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
    assert total.resources == 80
    assert total.actions == 318 and total.collections == 87 and total.waiters == 17
    assert total.batch_actions == 36  # the 15 batch actions, on each collection of their resource
    assert total.injected == 12  # s3 transfers on Bucket and Object, batch_writer, delete_tags
    assert total.attributes >= 700 and total.references >= 28 and total.subresources >= 148


def test_service_packages_export_the_service_resource() -> None:
    for service in SERVICES:
        package = importlib.import_module(f"aws_typed.{module_name(service)}")
        module = importlib.import_module(f"{package.__name__}.service_resource")
        assert package.resource is module.resource
        cls = getattr(module, inspect.signature(module.resource).return_annotation)
        assert cls._boto3_class == f"{service}.ServiceResource"
        assert getattr(package, cls.__name__) is cls


def test_s3_client_declares_boto3s_injected_methods() -> None:
    """S3ClientMethods (declarations for type checkers only) has boto3's signatures."""
    tree = ast.parse((GENERATED / "aws_typed" / "_injected.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "S3ClientMethods"]
    declared = {
        f.name: [a.arg for a in f.args.args[1:]]
        for node in ast.walk(cls)
        if isinstance(node, ast.FunctionDef)
        for f in [node]
    }
    client = SESSION.client("s3")
    injected = {"upload_file", "download_file", "upload_fileobj", "download_fileobj", "copy", "generate_presigned_post"}
    assert set(declared) == injected
    for name in injected:
        assert declared[name] == list(inspect.signature(getattr(client, name)).parameters), name
