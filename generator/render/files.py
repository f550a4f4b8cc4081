"""Stage 5, render: jinja2 templates turn prepared views into source text, in memory."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..model.service import Service
from ..naming.steps import SERVICE_STEPS, Step
from ..naming.table import name_table
from ..options import DEFAULT, Options
from ..text import layout
from ..text.layout import docstring
from ..views import entry as entrypoints
from ..views.blocks import Export, Param, dunder_all, header
from ..views.entry import Entry
from ..views.service import ServiceContext
from .format import format_files
from .kinds import SERVICE_KINDS, ModuleKind

RUNTIME_FILES = (
    "_runtime.py",
    "_types.py",
    "_resources.py",
    "_injected.py",
    "_conditions.py",
    "_entry.py",
    "_stubber.py",
)


def template_dir() -> Path:
    """templates/ beside the package in a checkout, generator/templates in a wheel."""
    package = Path(__file__).resolve().parents[1]  # generator/
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("botoloom templates not found (broken installation)")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["params"] = _params
    env.filters["docstring"] = docstring
    env.filters["lines"] = _lines
    return env


def _render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    return text.rstrip("\n") + "\n"


def _lines(lines: list[str], indent: int) -> str:
    """Statements one per line at column `indent` ("" a blank line): jinja's join and indent
    filters do the same, slower (a TypedDict's fields, every method's body)."""
    pad = " " * indent
    return "\n".join([pad + line if line else "" for line in lines])


def _params(params: list[Param], indent: int) -> str:
    """A signature's parameters, each at column `indent` when the formatter splits them (an
    annotation with a top-level `|` is parenthesised when it does not fit: layout.param)."""
    return ", ".join([layout.param(p.text, indent) for p in params])


def render_kind(
    files: dict[str, str], kind: ModuleKind, ctx: ServiceContext, exports: Sequence[tuple[str, Export]]
) -> None:
    """The module(s) of one row of the table (render/kinds.py) into `files`: the .py and,
    for a stub kind, its .pyi from the same template and context (`pyi`: what differs in
    the stub, its imports): the stub has no docstrings and `...` bodies, so type checkers
    read less; editors still show the docstrings, from the .py beside it."""
    made: list[tuple[str, dict[str, Any]]]
    if kind.parts is not None:
        made = [(kind.path.format(part=part), kind.context(ctx, part)) for part in kind.parts(ctx)]
    else:
        made = [(kind.path, kind.context(ctx, exports) if kind.gathers else kind.context(ctx))]
    for path, context in made:
        rel = f"{ctx.names.module}/{path}"
        files[rel] = _render(kind.template, stub=False, **context)
        if kind.stub:
            files[rel + "i"] = _render(kind.template, stub=True, **{**context, **context.get("pyi", {})})


def render_service(service: Service, versions: str, options: Options = DEFAULT) -> dict[str, str]:
    """All files of one service package, keyed by path relative to the package root."""
    return render_service_entry(service, versions, options)[0]


def render_service_entry(
    service: Service,
    versions: str,
    options: Options = DEFAULT,
    *,
    formatted: bool = True,
    kinds: Sequence[ModuleKind] = SERVICE_KINDS,
    steps: Sequence[Step] = SERVICE_STEPS,
) -> tuple[dict[str, str], Entry]:
    """render_service(), and what the service offers the package's entry module; with
    formatted=False the files as rendered, for format.format_many() over several services.
    `kinds`: the table of module kinds walked (render/kinds.py); `steps`: the naming order
    (naming/steps.py)."""
    names = name_table(service, steps)  # every module-level name, before any view (naming/table.py)
    ctx = ServiceContext(service, versions, options, names)
    files: dict[str, str] = {}
    try:
        applying = [kind for kind in kinds if kind.applies(ctx)]
        exports = [(kind.module, export) for kind in applying for export in kind.exports(ctx)]
        for kind in applying:
            render_kind(files, kind, ctx, exports)
    finally:
        ctx.release()
    entry = Entry(service.name, names.module, names.client, names.service_resource or None)
    return (format_files(files) if formatted else files), entry


def render_package(package: str, entries: list[Entry], versions: str, aio: bool = False) -> dict[str, str]:
    """The package's own files: __init__, the entry module, the copied runtime (with _aio for
    --aio), py.typed."""
    names = ", ".join(sorted(e.service for e in entries)) or "none"
    title = (
        f"Typed wrappers around boto3 ({package}).\n\nServices: {names}.\n\n"
        f"`from {package} import {entrypoints.MODULE}` is the drop-in for `import boto3`: "
        "typed client(), resource() and Session for these services."
    )
    files = {
        "__init__.py": _render(
            "package_init.py.j2", header=header(title, versions), all=dunder_all(["ClientError", "StreamingBody"])
        ),
        "py.typed": "",
    }
    if entries:
        files[f"{entrypoints.MODULE}.py"] = _render(
            "entry.py.j2",
            header=header(
                f"Drop-in typed entry points of {package}: boto3's client(), resource() and Session.", versions
            ),
            **entrypoints.context(entries),
        )
    files = format_files(files)  # the runtime modules below are copied as they are
    runtime = resources.files("generator.runtime")
    for name in RUNTIME_FILES + ("_aio.py",) * aio:
        files[name] = runtime.joinpath(name).read_text(encoding="utf-8")
    return files
