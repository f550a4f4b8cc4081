"""The names of the package's entry module (`<package>/boto3.py`, views/entry.py), decided in
one pass over every generated service.

The module is one namespace: nothing takes a name of ENTRY_RESERVED (what the template
defines or imports itself).  Then, services in name order, each client class and after
them each service-resource class is imported under its own name where that is free, else
as `<Class>_<module>` (two services whose definitions give the same class name), else with
the smallest free number after that.
"""

from __future__ import annotations

from collections.abc import Sequence

from .registry import Registry

MODULE = "boto3"  # the entry module's name: `from <package> import boto3` is the drop-in for `import boto3`

# what templates/entry.py.j2 defines or imports, besides the services' classes
ENTRY_RESERVED = frozenset(
    {
        "annotations", "sys", "Any", "Literal", "TYPE_CHECKING", "cast", "overload", "Unpack",
        "BaseSession", "Credentials", "ReadOnlyCredentials", "ServiceNotGeneratedError",
        "create_client", "create_resource", "setup_default_session", "ClientError",
        "BaseClient", "BaseResource", "ClientArgsTypeDef", "ResourceArgsTypeDef", "NoMatchingOverload", "NoReturn",
        "GeneratedClientService", "GeneratedResourceService",
        "ClientServiceName", "ResourceServiceName", "_CLIENTS", "_RESOURCES",
        "client", "resource", "Session", "__all__",
    }
)  # fmt: skip


def entry_aliases(
    clients: Sequence[tuple[str, str]], resources: Sequence[tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """The names the entry module imports the classes as: `clients` and `resources` are
    (module, class name) pairs in service-name order; the answer follows that order."""
    registry = Registry(ENTRY_RESERVED)
    return (
        [registry.take(name, f"{name}_{module}") for module, name in clients],
        [registry.take(name, f"{name}_{module}") for module, name in resources],
    )
