"""Stage 5, render: jinja2 templates turn prepared views into source text, in memory."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path
from typing import Any

import jinja2

from .layout import Br, class_def, import_from, pystr, statement
from .model import Service
from .options import DEFAULT, Options
from .resources_model import SERVICE_MODULES
from .resources_views import ResourceView
from .views import ServiceView, dunder_all, header

RUNTIME_FILES = ("_runtime.py", "_types.py", "_resources.py", "_injected.py", "_conditions.py")


def template_dir() -> Path:
    """templates/ beside the package in a checkout, generator/templates in a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("botoloom templates not found (broken installation)")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def _render(template: str, **context: Any) -> str:
    text = environment().get_template(template).render(**context)
    return text.rstrip("\n") + "\n"


def render_service(service: Service, versions: str, options: Options = DEFAULT) -> dict[str, str]:
    """All files of one service package, keyed by path relative to the package root."""
    view = ServiceView(service, versions, options)
    resources = ResourceView(view) if service.resources is not None else None
    mod = view.names.module
    files = {
        f"{mod}/__init__.py": _service_init(view, resources),
        f"{mod}/client.py": _client(view),
        f"{mod}/exceptions.py": _exceptions(view),
        f"{mod}/literals.py": _literals(view),
        f"{mod}/type_defs.py": _type_defs(view),
    }
    if service.paginators:
        files[f"{mod}/paginators.py"] = _wrappers(
            view, "paginators", "Paginator", "PAGINATORS", view.paginator_methods(), view.paginator_classes
        )
    if service.waiters:
        files[f"{mod}/waiters.py"] = _wrappers(
            view, "waiters", "Waiter", "WAITERS", view.waiter_methods(), view.waiter_classes
        )
    if resources is not None:
        files[f"{mod}/service_resource.py"] = _render("service_resource.py.j2", **resources.context())
    for module, (runtime, title) in SERVICE_MODULES.get(service.name, {}).items():
        files[f"{mod}/{module}.py"] = _reexport(view, runtime, title)
    if options.aio:  # typed aiobotocore clients (aio_views.py)
        from .aio_views import render_aio

        files.update(render_aio(view, _render))
    return files


def _reexport(view: ServiceView, runtime: str, title: str) -> str:
    """A service module that re-exports a hand-typed runtime module (dynamodb.conditions)."""
    names = sorted(import_module(f".runtime.{runtime}", __package__).__all__)
    return _render(
        "reexport.py.j2",
        header=header(f"{title} of {view.title}.", view.versions),
        imports=import_from(f"..{runtime}", names),
        all=dunder_all(names),
    )


def _client(view: ServiceView) -> str:
    methods = view.client_methods()
    runtime_imports, checking_imports = view.client_imports(methods)
    return _render(
        "client.py.j2",
        header=header(f"Typed client for {view.title}.", view.versions),
        runtime_imports=runtime_imports,
        checking_imports=checking_imports,
        all=dunder_all([view.names.client, "client"]),
        client_class=view.names.client,
        client_bases=view.client_bases(),
        client_header=view.client_header(),
        client_doc=view.client_doc(),
        service_literal=pystr(view.service.name),
        methods=methods,
        factory=view.factory(),
    )


def _type_defs(view: ServiceView) -> str:
    blocks = view.typed_dict_blocks()
    return _render(
        "type_defs.py.j2",
        header=header(f"Request and response types of {view.title}.", view.versions),
        imports=view.type_defs_imports(blocks),
        all=view.type_defs_all(),
        blocks=blocks,
    )


def _literals(view: ServiceView) -> str:
    return _render(
        "literals.py.j2",
        header=header(f"Enums and names of {view.title}, as Literal aliases.", view.versions),
        all=view.literal_all(),
        aliases=view.literal_aliases(),
    )


def _exceptions(view: ServiceView) -> str:
    classes = view.exception_classes()
    alias = view.exception_type_alias(classes)
    attributes = [statement(f"{attr}: ", Br(alias, (cls,)), 4) for attr, cls, _ in classes if attr]
    return _render(
        "exceptions.py.j2",
        header=header(f"Modeled errors of {view.title}.", view.versions),
        all=dunder_all([view.names.exceptions]),
        classes=classes,
        exceptions_class=view.names.exceptions,
        exceptions_header=class_def(view.names.exceptions, ["BaseClientExceptions"]),
        doc=view.exceptions_doc(),
        attributes=attributes,
        type_import="" if alias == "type" else f"from typing import Type as {alias}",
    )


def _wrappers(view: ServiceView, kind: str, base: str, table: str, classes: list[Any], names: dict[str, str]) -> str:
    blocks = [m.signature for _, _, m in classes]
    return _render(
        "wrappers.py.j2",
        header=header(f"Typed {kind} of {view.title}.", view.versions),
        runtime_import=f"from .._runtime import {'PageIterator, ' if base == 'Paginator' else ''}{base}",
        checking_imports=view.wrapper_imports(blocks, ["PaginateArgsTypeDef", "WaitArgsTypeDef", "EmptyResponseTypeDef"]),
        all=dunder_all([table] + list(names.values())),
        classes=classes,
        table=view.table(table, base, names),
    )


def _service_init(view: ServiceView, resources: ResourceView | None) -> str:
    lines = [
        import_from(".client", [view.names.client, "client"]),
        import_from(".exceptions", [view.names.exceptions]),
    ]
    public = [view.names.client, view.names.exceptions, "client"]
    lazy = ""
    if resources is not None:  # the service resource and its factory, imported on first use
        before, after, lazy = resources.package_exports()
        lines = [*before, *lines, *after]
        public += [resources.service_class, "resource"]
    return _render(
        "service_init.py.j2",
        header=header(f"Typed boto3 layer for {view.title}.", view.versions),
        imports="\n".join(lines),
        all=dunder_all(sorted(public)),
        lazy=lazy,
    )


def render_package(package: str, services: list[str], versions: str, aio: bool = False) -> dict[str, str]:
    """The package's own files: __init__, the copied runtime (with _aio for --aio), py.typed."""
    names = ", ".join(services) or "none"
    files = {
        "__init__.py": _render(
            "package_init.py.j2",
            header=header(f"Typed wrappers around boto3 ({package}).\n\nServices: {names}.", versions),
            all=dunder_all(["ClientError"]),
        ),
        "py.typed": "",
    }
    runtime = resources.files("generator.runtime")
    for name in RUNTIME_FILES + ("_aio.py",) * aio:
        files[name] = runtime.joinpath(name).read_text(encoding="utf-8")
    return files
