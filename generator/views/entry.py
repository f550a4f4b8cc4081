"""The package's drop-in entry module, `<package>/boto3.py`: typed client(), resource() and
Session with a Literal overload per generated service.

Each service contributes an `Entry` (its module and the class names its own modules chose);
entries of services that are not rendered again come from the cache, so they are validated
like any other untrusted input.  The text is rendered by render.py from templates/entry.py.j2.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass
from typing import Any

from ..naming.rules import module_name
from ..text.layout import Br, function_def, import_from, pystr, statement
from ..text.pytext import docstring

MODULE = "boto3"  # `from <package> import boto3` is the drop-in for `import boto3`


@dataclass(frozen=True)
class Entry:
    """What one generated service offers the entry module."""

    service: str
    module: str
    client: str
    resource: str | None

    def to_json(self) -> list[str | None]:
        return [self.service, self.module, self.client, self.resource]

    @classmethod
    def from_json(cls, service: str, data: Any) -> Entry | None:
        """The entry recorded for `service`, or None when it is not one botoloom wrote."""
        if not isinstance(data, list) or len(data) != 4 or data[0] != service:
            return None
        _, module, client, resource = data
        if module != module_name(service) or not _identifier(client):
            return None
        if resource is not None and not _identifier(resource):
            return None
        return cls(service, module, client, resource)


def _identifier(name: Any) -> bool:
    return isinstance(name, str) and name.isidentifier() and name.isascii() and not keyword.iskeyword(name)


def context(entries: list[Entry]) -> dict[str, Any]:
    """The template context of the entry module (entries in service-name order)."""
    entries = sorted(entries, key=lambda e: e.service)
    clients = _imported(entries, "client", lambda e: e.client)
    with_resources = [e for e in entries if e.resource is not None]
    resources = _imported(with_resources, "service_resource", lambda e: e.resource or "")
    public = ["ClientError", "ClientServiceName", "Credentials", "ReadOnlyCredentials", "ServiceNotGeneratedError"]
    public += ["Session", "client", "setup_default_session"]
    if with_resources:
        public += ["ResourceServiceName", "resource"]
    functions = _functions(entries, clients, "client", "ClientServiceName", "ClientArgsTypeDef", "BaseClient")
    resource_functions = _functions(
        with_resources, resources, "resource", "ResourceServiceName", "ResourceArgsTypeDef", "BaseResource[Any]"
    )
    made = [*functions.values(), *resource_functions.values()]
    typing = {"TYPE_CHECKING", "Literal"} | ({"Any"} if with_resources else set())
    typing |= {"overload" for f in made if f["overloads"]} | {"cast" for f in made if f["cast"]}
    return {
        "typing_import": import_from("typing", sorted(typing)),
        "imports": "\n".join(import_from(f".{module}", [name], 4) for module, name, _ in [*clients, *resources]),
        "all": statement("__all__ = ", Br("", tuple(pystr(n) for n in sorted(public)), "[", "]")),
        "client_names": _literal("ClientServiceName", entries),
        "resource_names": _literal("ResourceServiceName", with_resources) if with_resources else "",
        "client_table": _table("_CLIENTS", entries),
        "resource_table": _table("_RESOURCES", with_resources) if with_resources else "",
        "functions": functions,
        "resource_functions": resource_functions,
    }


def _imported(entries: list[Entry], submodule: str, name_of: Any) -> list[tuple[str, str, str]]:
    """(module, `Class` or `Class as Alias`, the name to use) per entry; a class name that an
    earlier service already uses is imported under an alias."""
    seen: set[str] = set()
    out = []
    for entry in entries:
        name = name_of(entry)
        alias = name if name not in seen else f"{name}_{entry.module}"
        seen.add(alias)
        out.append((f"{entry.module}.{submodule}", name if alias == name else f"{name} as {alias}", alias))
    return out


def _literal(alias: str, entries: list[Entry]) -> str:
    return statement(f"{alias} = ", Br("Literal", tuple(pystr(e.service) for e in entries), "[", "]"))


def _table(name: str, entries: list[Entry]) -> str:
    items = tuple(f"{pystr(e.service)}: {pystr(e.module)}" for e in entries)
    return statement(f"{name} = ", Br("", items, "{", "}"))


def _functions(
    entries: list[Entry], imported: list[tuple[str, str, str]], kind: str, names: str, args: str, base: str
) -> dict[str, dict[str, Any]]:
    """`kind` (client or resource) as a module function (indent 0) and as a Session method
    (indent 4): a Literal overload per service, then one over the whole service Literal, and
    the implementation's signature (with one service, no overloads: the implementation takes
    that service's Literal)."""
    out: dict[str, dict[str, Any]] = {}
    if not entries:
        return out
    many = len(entries) > 1
    for where, indent, first in (("module", 0, ()), ("session", 4, ("self",))):
        overloads = []
        for entry, (_, _, cls) in zip(entries, imported):
            params = [*first, f"service_name: Literal[{pystr(entry.service)}]", f"**kwargs: Unpack[{args}]"]
            doc = f"The typed {cls}: boto3's {kind}({entry.service!r}, ...)."
            overloads.append({"signature": function_def(kind, params, cls, indent), "doc": docstring(doc, indent + 4)})
        if many:
            # The last overload takes the whole Literal: a name typed as that alias (a union of
            # every generated service) gets the base class. Checkers stop expanding a union
            # argument over overloads at a limit (pyright: 64 members), so without it a package
            # of many services rejects `client(name)`.
            params = [*first, f"service_name: {names}", f"**kwargs: Unpack[{args}]"]
            signature = function_def(kind, params, base, indent)
            doc = f"Any generated service, as {base.split('[')[0]}: boto3's {kind}(name, ...)."
            overloads.append({"signature": signature, "doc": docstring(doc, indent + 4)})
            out[where] = {"overloads": overloads, "signature": signature, "cast": ""}
        else:  # the one service's class: create_*() returns the base class
            out[where] = {"overloads": [], "signature": overloads[0]["signature"], "cast": pystr(imported[0][2])}
    return out
