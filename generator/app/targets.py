"""Checks on what a run will create, before anything is loaded or written: the package
name, the service modules inside it, and the output directory."""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import sys
from pathlib import Path

from ..errors import UserError
from ..naming.package import package_parts, parent_parts
from ..naming.rules import module_name
from ..output.manifest import MANIFEST
from ..render.files import RUNTIME_FILES
from ..views.entry import MODULE

# The generated package's own modules and files: a service module must not take one.
PACKAGE_MODULES = frozenset({name.removesuffix(".py") for name in RUNTIME_FILES} | {"__init__", MODULE})
# Names whose shadowing breaks the generated code itself, installed or not.
_NEEDED = frozenset({"boto3", "botocore", "typing_extensions", "s3transfer", "jmespath", "dateutil", "urllib3"})


def check_package(package: object, output: Path) -> None:
    """The import name of the generated package: a module path (naming.package) that shadows
    nothing; a dotted one (`mylib._aws`) goes inside the user's existing package `mylib` in
    `output`, which must be a real directory (not a link) that botoloom did not generate."""
    parts = package_parts(package)
    if parts is None:
        raise UserError(f"--package {package!r} is not a valid Python package name")
    assert isinstance(package, str)
    top = parts[0]
    if top in sys.stdlib_module_names or top in sys.builtin_module_names:
        raise UserError(
            f"--package {package!r}: {top} is a standard-library module name; the generated package would shadow it"
        )
    if top in _NEEDED:
        raise UserError(f"--package {package!r} would shadow {top}, which the generated code imports")
    if len(parts) > 1:
        _check_parents(package, output)
        return
    spec = _find(package)
    if spec is not None and not _is_target(spec, output / package):
        where = spec.origin or ", ".join(spec.submodule_search_locations or []) or "?"
        raise UserError(
            f"--package {package!r} is already an installed module ({where}); importing the generated package would pick one of the two"
        )


def _check_parents(package: str, output: Path) -> None:
    """Each package a dotted name lives in is an existing directory of `output`, entered without
    following a link, and not a package botoloom generated (whose directory it owns)."""
    here = output
    for part in parent_parts(package):
        here = here / part
        try:
            mode = os.lstat(here).st_mode
        except OSError:
            raise UserError(
                f"--package {package!r}: {here} is not a directory; a dotted name goes inside your existing "
                f"package {part} (create it, or point --output at the directory that holds it)"
            ) from None
        if stat.S_ISLNK(mode):
            raise UserError(f"--package {package!r}: {here} is a symbolic link; botoloom never writes through links")
        if not stat.S_ISDIR(mode):
            raise UserError(f"--package {package!r}: {here} is not a package directory")
        if (here / MANIFEST).exists():
            raise UserError(
                f"--package {package!r}: {here} is a package botoloom generated; generate beside it, not inside it"
            )


def _find(package: str) -> importlib.machinery.ModuleSpec | None:
    try:
        return importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None


def _is_target(spec: importlib.machinery.ModuleSpec, root: Path) -> bool:
    """Is the installed module the package being regenerated, or an earlier botoloom
    build of it (an editable install, a src layout, a wheel built by the hatch hook)?"""
    places = [Path(p) for p in spec.submodule_search_locations or []]
    if spec.origin and spec.origin not in ("namespace", "built-in", "frozen"):
        places.append(Path(spec.origin).parent)
    try:
        target = root.resolve()
        return any(p.resolve() == target or _generated_by_botoloom(p) for p in places)
    except OSError:
        return False


def _generated_by_botoloom(place: Path) -> bool:
    try:
        head = (place / "__init__.py").read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return False
    return re.search(r"Generated\s+by\s+botoloom\s", head) is not None and (place / "_runtime.py").is_file()


def check_services(names: list[str]) -> None:
    """Each service gets its own module: refuse names that become the same module
    (a-b and a_b) or a module of the package itself (_types, _runtime, ...)."""
    seen: dict[str, str] = {}
    for name in names:
        module = module_name(name)
        if module in PACKAGE_MODULES or module.startswith("_"):
            raise UserError(
                f"service {name!r} would become module {module!r}, which the generated package reserves for itself"
            )
        if module in seen:
            raise UserError(
                f"services {seen[module]!r} and {name!r} would both become module {module!r}; generate them into separate packages"
            )
        seen[module] = name


def check_output(output: Path, needs_write: bool) -> None:
    if output.exists() and not output.is_dir():
        raise UserError(f"--output {output} is a file, not a directory")
    existing = next((p for p in (output, *output.absolute().parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise UserError(f"--output {output}: {existing} is a file, not a directory")
    if needs_write and existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise UserError(f"--output {output}: {existing} is not writable")
