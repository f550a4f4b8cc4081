"""The package root: what its modules are made from, and its own small modules.

`PackageContext` is to the package-level modules what views.service.ServiceContext is to a
service's: the package's import name, every generated service's `Entry` (what it offers the
entry module), the versions line and the options.  The rows of render.kinds.PACKAGE_KINDS
take it: the package's `__init__` (init_context), the `py.typed` marker, the entry module
(views/entry.py) and the hand-written runtime, copied as it is (runtime_parts,
runtime_context).

`Entry` lives here, not in views/entry.py, so that the entry view can take the context
without an import cycle; views/entry.py re-exports it.
"""

from __future__ import annotations

import keyword
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..naming.entry import MODULE
from ..naming.rules import module_name
from ..options import DEFAULT, Options
from .blocks import dunder_all, header

RUNTIME_FILES = (
    "_runtime.py",
    "_types.py",
    "_resources.py",
    "_injected.py",
    "_conditions.py",
    "_entry.py",
    "_stubber.py",
)
AIO_RUNTIME = "_aio.py"  # with --aio only


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


@dataclass(frozen=True)
class PackageContext:
    """What every package-level module starts from (see the module docstring)."""

    package: str
    entries: Sequence[Entry]
    versions: str
    options: Options = DEFAULT


def init_context(pkg: PackageContext) -> dict[str, Any]:
    """The package's `__init__.py` (templates/package_init.py.j2)."""
    names = ", ".join(sorted(e.service for e in pkg.entries)) or "none"
    title = (
        f"Typed wrappers around boto3 ({pkg.package}).\n\nServices: {names}.\n\n"
        f"`from {pkg.package} import {MODULE}` is the drop-in for `import boto3`: "
        "typed client(), resource() and Session for these services."
    )
    return dict(header=header(title, pkg.versions), all=dunder_all(["ClientError", "StreamingBody"]))


def marker_context(pkg: PackageContext) -> dict[str, Any]:
    """`py.typed` (PEP 561): empty."""
    return dict(text="")


def runtime_parts(pkg: PackageContext) -> list[str]:
    """The runtime modules copied into the package (`_aio.py` with --aio)."""
    return [*RUNTIME_FILES, *[AIO_RUNTIME] * pkg.options.aio]


def runtime_context(pkg: PackageContext, name: str) -> dict[str, Any]:
    """A runtime module (generator/runtime/), as it is: not a template, not formatted."""
    return dict(text=resources.files("generator.runtime").joinpath(name).read_text(encoding="utf-8"))
