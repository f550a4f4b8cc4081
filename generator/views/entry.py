"""The package's drop-in entry module, `<package>/boto3.py`: typed client(), resource() and
Session with a Literal overload per generated service.

Each service contributes an `Entry` (its module and the class names its own modules chose);
entries of services that are not rendered again come from the cache, so they are validated
like any other untrusted input (`Entry` and the package context: views/root.py).  The text
is rendered from templates/entry.py.j2, a row of render.kinds.PACKAGE_KINDS.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..naming.entry import MODULE as MODULE
from ..naming.entry import entry_aliases
from ..text.layout import Br, pystr, statement
from ..types.imports import ImportSet
from ..types.pyexpr import (
    LITERAL,
    Literal,
    Name,
    PyExpr,
    all_needs,
    builtin,
    calls,
    runs,
    sub,
    typing_name,
    unpack,
    uses,
)
from .blocks import SELF, Method, header, import_blocks, param
from .overloads import no_match_overload, varying
from .root import Entry as Entry
from .root import PackageContext

BASE_CLIENT = Name("._runtime", "BaseClient")
BASE_RESOURCE = sub(Name("._resources", "BaseResource"), typing_name("Any"))
OVERLOAD = typing_name("overload")
CAST = typing_name("cast")
UNKNOWN_NAME = {"client": "GeneratedClientService", "resource": "GeneratedResourceService"}


def context(pkg: PackageContext) -> dict[str, Any]:
    """The template context of the entry module (entries in service-name order)."""
    entries = sorted(pkg.entries, key=lambda e: e.service)
    with_resources = [e for e in entries if e.resource is not None]
    client_names, resource_names = entry_aliases(
        [(e.module, e.client) for e in entries], [(e.module, e.resource or "") for e in with_resources]
    )
    public = ["ClientError", "ClientServiceName", "Credentials", "ReadOnlyCredentials", "ServiceNotGeneratedError"]
    public += ["Session", "client", "setup_default_session"]
    if with_resources:
        public += ["ResourceServiceName", "resource"]
    functions = _functions(entries, client_names, "client", "ClientServiceName", "ClientArgsTypeDef", BASE_CLIENT)
    resource_functions = _functions(
        with_resources, resource_names, "resource", "ResourceServiceName", "ResourceArgsTypeDef", BASE_RESOURCE
    )
    imports = _imports(
        entries, client_names, with_resources, resource_names, [*functions.values(), *resource_functions.values()]
    )
    return {
        "header": header(
            f"Drop-in typed entry points of {pkg.package}: boto3's client(), resource() and Session.", pkg.versions
        ),
        **import_blocks(imports),
        "all": statement("__all__ = ", Br("", tuple(pystr(n) for n in sorted(public)), "[", "]")),
        "client_names": _literal("ClientServiceName", entries),
        "resource_names": _literal("ResourceServiceName", with_resources) if with_resources else "",
        "client_table": _table("_CLIENTS", entries),
        "resource_table": _table("_RESOURCES", with_resources) if with_resources else "",
        "functions": functions,
        "resource_functions": resource_functions,
    }


def _imports(
    entries: list[Entry],
    client_names: list[str],
    with_resources: list[Entry],
    resource_names: list[str],
    made: list[dict[str, Any]],
) -> ImportSet:
    """What the entry module imports: the runtime's entry points, what the functions'
    signatures need, and for the type checker each service's classes (under the names
    naming/entry.py gave them)."""
    imports = ImportSet()
    runtime = ["BaseSession", "Credentials", "ReadOnlyCredentials", "ServiceNotGeneratedError", "create_client"]
    runtime += ["create_resource"] if with_resources else []
    for name in [*runtime, "setup_default_session"]:
        imports.add("._entry", name, runtime=True)
    imports.add("._runtime", "ClientError", runtime=True).add("typing", "Literal", runtime=True)  # the aliases
    imports.need(all_needs(f["needs"] for f in made))
    classes = [(f".{e.module}.client", e.client, alias) for e, alias in zip(entries, client_names)]
    classes += [
        (f".{e.module}.service_resource", e.resource or "", alias) for e, alias in zip(with_resources, resource_names)
    ]
    for module, cls, alias in classes:
        imports.add(module, cls, alias="" if alias == cls else alias)
    return imports


def _literal(alias: str, entries: list[Entry]) -> str:
    return statement(f"{alias} = ", Br("Literal", tuple(pystr(e.service) for e in entries), "[", "]"))


def _table(name: str, entries: list[Entry]) -> str:
    items = tuple(f"{pystr(e.service)}: {pystr(e.module)}" for e in entries)
    return statement(f"{name} = ", Br("", items, "{", "}"))


_DOCS = {
    ("client", "module"): "Create a typed client: the arguments of boto3.client(...), from boto3's default "
    "session (see setup_default_session()).",
    ("resource", "module"): "Create a typed service resource: the arguments of boto3.resource(...), from "
    "boto3's default session (see setup_default_session()).",
    ("client", "session"): "Create a typed client from this session: the arguments of "
    "boto3.session.Session.client(...).",
    ("resource", "session"): "Create a typed service resource from this session: the arguments of "
    "boto3.session.Session.resource(...).",
}


def _functions(
    entries: list[Entry], classes: list[str], kind: str, names: str, args: str, base: PyExpr
) -> dict[str, dict[str, Any]]:
    """`kind` (client or resource) as a module function and as a Session method: a Literal
    overload per service, then one over the whole service Literal, and the implementation
    (with one service, no overloads: the implementation takes that service's Literal and
    casts to its class). Each as blocks.Method, with `needs`: what the signatures and
    bodies need imported."""
    out: dict[str, dict[str, Any]] = {}
    if not entries:
        return out
    unpacked = unpack(Name("._types", args))
    kwargs = param("**kwargs", unpacked)
    table = "_CLIENTS" if kind == "client" else "_RESOURCES"
    for where, first, raw in (("module", [], "None"), ("session", [SELF], "self")):
        overloads = []
        for entry, cls in zip(entries, classes):
            params = [*first, param("service_name", Literal((entry.service,))), kwargs]
            doc = f"The typed {cls}: boto3's {kind}('{entry.service}', ...)."
            overloads.append(Method(kind, params, builtin(cls), doc, decorators=["overload"]))
        needs = uses(unpacked, LITERAL)
        make = f"create_{kind}({table}, service_name, {raw}, kwargs)"
        if len(entries) > 1:
            # The first overload is one no call matches (views/overloads.py: mypy's message for
            # an unknown service). The last takes the whole Literal: a name typed as that alias
            # (a union of every generated service) gets the base class. Checkers stop expanding
            # a union argument over overloads at a limit (pyright: 64 members), so without it a
            # package of many services rejects `client(name)`.
            taken = [*first, varying(param("service_name", builtin(names)), "._types"), kwargs]
            overloads.insert(0, no_match_overload(kind, taken, base))
            params = [*first, param("service_name", builtin(names)), kwargs]
            doc = f"Any generated service, as {next(base.names()).name}: boto3's {kind}(name, ...)."
            overloads.append(Method(kind, params, base, doc, decorators=["overload"]))
            # Last, one that no call matches either, for pyright: it reports a call that fits
            # no overload against the last (of those that fit as well), and against the whole
            # Literal that is some ten lines listing the names (runtime/_types.py).
            taken = [*first, param("service_name", Name("._types", UNKNOWN_NAME[kind])), kwargs]
            overloads.append(no_match_overload(kind, taken, base))
            # the implementation takes what every overload takes
            params = [*first, param("service_name", builtin("object")), kwargs]
            impl = Method(kind, params, base, _DOCS[kind, where], [f"return {make}"])
            needs = needs | uses(base) | overloads[0].needs | overloads[-1].needs | runs(OVERLOAD)
        else:  # the one service's class: create_*() returns the base class
            body = [f"made = {make}", f"return cast({pystr(classes[0])}, made)"]
            impl = replace(overloads.pop(), doc=_DOCS[kind, where], body=body, decorators=[])
            needs = needs | calls(CAST)
        out[where] = {"overloads": overloads, "impl": impl, "needs": needs}
    return out
