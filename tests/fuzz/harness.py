"""Feed a service definition through the real pipeline and check what comes out.

The definition is written under a directory of its own as
`<service>/<api-version>/service-2.json` (+ paginators-1, waiters-2 and an endpoint rule
set) and AWS_DATA_PATH points botocore's Loader at it, exactly as a user's override
would.  Generation runs in-process (load -> model -> render); the files are written as
package `<package>`, compiled, compared with black's output, imported, and checked
for parity against a boto3 client of the same definition (tests/parity/checks.py).
Type checking runs once over a batch of packages (`type_check`).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import black

from generator import __version__
from generator.model.service import build
from generator.naming.rules import module_name
from generator.render.files import render_package, render_service_entry
from generator.source.load import Source
from generator.text import pragma

from ..helpers import BIN
from ..parity.checks import check_service
from .strategies import API_VERSION, Definition

BLACK_MODE = black.Mode()
BLACK_PYI_MODE = black.Mode(is_pyi=True)


@contextmanager
def data_path(path: Path) -> Iterator[None]:
    """AWS_DATA_PATH=path for the block (sessions created inside read it)."""
    old = os.environ.get("AWS_DATA_PATH")
    os.environ["AWS_DATA_PATH"] = str(path)
    try:
        yield
    finally:
        if old is None:
            del os.environ["AWS_DATA_PATH"]
        else:
            os.environ["AWS_DATA_PATH"] = old


def write_definition(definition: Definition, root: Path) -> Path:
    """The definition's files under root/<service>/<api-version>/; returns root."""
    folder = root / definition.name / API_VERSION
    folder.mkdir(parents=True, exist_ok=True)
    for type_name, data in definition.files().items():
        # ensure_ascii keeps lone surrogates and odd characters intact as \\u escapes
        (folder / f"{type_name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return root


def generate(definition: Definition, data: Path, packages: Path, package: str) -> dict[str, str]:
    """Run load -> model -> render on the definition; write package `package` under `packages`."""
    assert not data.exists() and not (packages / package).exists(), f"{package} is not fresh"
    write_definition(definition, data)
    with data_path(data):
        source = Source()
        assert definition.name in source.available_services()
        versions = f"botoloom {__version__} from botocore {source.botocore_version}"
        files, entry = render_service_entry(build(source.load(definition.name)), versions)
    files.update(render_package(package, [entry], versions))
    for rel, text in files.items():
        target = packages / package / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return files


def check_files(files: dict[str, str], package: str) -> list[str]:
    """Every file compiles and is exactly what black makes of it (but the runtime modules
    copied verbatim into every package: tests/test_golden.py checks those once)."""
    problems = []
    for rel, text in sorted(files.items()):
        if not rel.endswith((".py", ".pyi")) or ("/" not in rel and rel != "__init__.py"):
            continue
        try:
            compile(text, f"{package}/{rel}", "exec")
        except SyntaxError as exc:
            problems.append(f"{rel}: does not compile: {exc}")
            continue
        formatted = black.format_str(text, mode=BLACK_PYI_MODE if rel.endswith(".pyi") else BLACK_MODE)
        if formatted != text:
            problems.append(f"{rel}: not black-stable:\n{_first_difference(text, formatted)}")
    return problems


def _first_difference(text: str, formatted: str) -> str:
    import difflib

    diff = difflib.unified_diff(text.splitlines(), formatted.splitlines(), "generated", "black", lineterm="", n=2)
    return "\n".join(list(diff)[:40])


def import_and_check(definition: Definition, data: Path, packages: Path, package: str) -> list[str]:
    """Import every module of the package, then compare it with a boto3 client (parity)."""
    if str(packages) not in sys.path:
        sys.path.insert(0, str(packages))
    import boto3

    mod = module_name(definition.name)
    problems = []
    for sub in ("", ".client", ".type_defs", ".literals", ".exceptions", ".paginators", ".waiters"):
        if sub in (".paginators", ".waiters") and not (packages / package / mod / f"{sub[1:]}.py").exists():
            continue
        try:
            importlib.import_module(f"{package}.{mod}{sub}")
        except Exception as exc:  # noqa: BLE001
            problems.append(f"import {package}.{mod}{sub}: {type(exc).__name__}: {exc}")
    if problems:
        return problems
    with data_path(data):
        session = boto3.session.Session(region_name="us-east-1", aws_access_key_id="fuzz", aws_secret_access_key="fuzz")
        return check_service(package, definition.name, session)


def run_example(definition: Definition, work: Path, package: str) -> list[str]:
    """Everything but type checking, for one definition; [] when all is well."""
    data, packages = work / "data" / package, work / "packages"
    files = generate(definition, data, packages, package)
    problems = check_files(files, package)
    if not any("does not compile" in p for p in problems):
        problems += import_and_check(definition, data, packages, package)
    return problems


def forget(package: str) -> None:
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


def type_check(packages: Path, names: list[str], *, pyright: bool = False) -> list[str]:
    """mypy --strict (and pyright) over the packages at once: the error lines."""
    if not names:
        return []
    problems = []
    pragma.strip(packages)  # check the generated modules in full
    cache = packages / ".mypy_cache"
    run = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(cache), "--no-incremental", *names],
        cwd=packages,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        problems += [line for line in run.stdout.splitlines() if ": error:" in line] or [
            run.stdout[-3000:] + run.stderr[-3000:]
        ]
    if pyright:
        run = subprocess.run([str(BIN / "pyright"), *names], cwd=packages, capture_output=True, text=True)
        if run.returncode != 0:
            problems += [line.strip() for line in run.stdout.splitlines() if " - error: " in line] or [
                run.stdout[-3000:]
            ]
    return problems
