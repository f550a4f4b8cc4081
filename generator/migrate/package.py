"""What `botoloom migrate` rewrites into: the generated package, its services and their names.

The package directory is found through --output, the pyproject's [tool.botoloom] output,
the default `generated/`, the project itself for a dotted name (`mylib._aws` in ./mylib or
src/mylib), or the current interpreter's import path.  When it is found, only
the services generated in it are rewritten and every boto3-stubs name is checked against the
`__all__` of the module it would come from; when it is not, every botocore service counts as
generated and names cannot be checked (boto3-stubs imports are then left as they are).
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from ..naming.package import directory
from ..naming.rules import module_name

STUB_PREFIXES = ("mypy_boto3_", "types_boto3_")

# boto3-stubs submodule -> the generated package's module with the same names
STUB_MODULES = {
    "client": "client",
    "service_resource": "service_resource",
    "type_defs": "type_defs",
    "literals": "literals",
    "paginator": "paginators",
    "waiter": "waiters",
}

# where a name imported from the top of mypy_boto3_<svc> is looked for ("" is __init__)
TOP_LEVEL_SEARCH = ("", "client", "service_resource", "paginators", "waiters", "literals", "type_defs")

# boto3-stubs' top-level aliases: Client = S3Client, ServiceResource = S3ServiceResource
STUB_ALIASES = {"Client": ("client", "Client"), "ServiceResource": ("service_resource", "ServiceResource")}


# boto3 / botocore modules whose names the package types: module -> (service, its module)
# ("" service: the package's top level; botocore.response's StreamingBody: annotations only, stubs.py)
LIBRARY_MODULES = {
    "botocore.exceptions": ("", ""),
    "botocore.response": ("", ""),
    "boto3.dynamodb.conditions": ("dynamodb", "conditions"),
}


@dataclass(frozen=True)
class Located:
    """Where a boto3-stubs name lives in the generated package."""

    module: str  # dotted: aws_typed.s3.client
    name: str  # the generated name (S3Client for boto3-stubs' Client)


@dataclass
class Target:
    package: str
    root: Path | None  # the package directory, when found
    known: frozenset[str]  # every botocore service name
    resourceful: frozenset[str]  # services boto3 has resources for
    first_party: frozenset[str] = frozenset()  # the project's own top-level modules (ruff's first party)
    library_mode: bool = False  # --library: public signatures keep taking boto3-stubs' types (library.py)
    _exports: dict[Path, frozenset[str] | None] = field(default_factory=dict)

    def generated(self, service: str) -> bool:
        if self.root is None:
            return service in self.known
        return (self.root / module_name(service) / "__init__.py").is_file()

    def has_resource(self, service: str) -> bool:
        if self.root is None:
            return service in self.resourceful
        return (self.root / module_name(service) / "service_resource.py").is_file()

    def module_path(self, service: str, module: str = "") -> str:
        return ".".join(part for part in (self.package, module_name(service), module) if part)

    def stub_service(self, stub_module: str) -> str | None:
        """pinpoint_sms_voice (of mypy_boto3_pinpoint_sms_voice) -> pinpoint-sms-voice."""
        by_stub_name = {name.replace("-", "_"): name for name in self.known}
        return by_stub_name.get(stub_module)

    def service_of_module(self, module: str) -> str | None:
        """lambda_ (a module of the generated package) -> lambda."""
        by_module = {module_name(name): name for name in self.known}
        return by_module.get(module)

    def exports(self, service: str, module: str) -> frozenset[str] | None:
        """The __all__ of a generated module; None when the package is not found or the
        module has none."""
        if self.root is None:
            return None
        directory = self.root / module_name(service)
        path = directory / f"{module}.py" if module else directory / "__init__.py"
        if path not in self._exports:
            self._exports[path] = read_all(path)
        return self._exports[path]

    def library(self, dotted: str) -> tuple[str, frozenset[str]] | None:
        """(the package's module, the names it has) for a boto3 / botocore module whose
        names it types (LIBRARY_MODULES); None when there is none here or it cannot be checked."""
        if dotted not in LIBRARY_MODULES or self.root is None:
            return None
        service, module = LIBRARY_MODULES[dotted]
        if not service:
            path = self.root / "__init__.py"
            if path not in self._exports:
                self._exports[path] = read_all(path)
            names = self._exports[path]
        else:
            names = self.exports(service, module) if self.generated(service) else None
        return (self.module_path(service, module) if service else self.package, names) if names else None

    def locate(self, service: str, stub_module: str | None, name: str) -> Located | None:
        """Where `name` of boto3-stubs' mypy_boto3_<service>[.<stub_module>] lives here."""
        if stub_module is None and name in STUB_ALIASES:
            module, suffix = STUB_ALIASES[name]
            found = sorted(n for n in self.exports(service, module) or () if n.endswith(suffix) and n[0].isupper())
            return Located(self.module_path(service, module), found[0]) if len(found) == 1 else None
        searched = TOP_LEVEL_SEARCH if stub_module is None else (STUB_MODULES.get(stub_module, ""),)
        for candidate in searched:
            if (stub_module is None or candidate) and name in (self.exports(service, candidate) or ()):
                return Located(self.module_path(service, candidate), name)
        return None


def read_all(path: Path) -> frozenset[str] | None:
    """The names of a module's top-level `__all__ = [...]`, without importing it.

    Only the assignment is parsed (a type_defs module has megabytes of classes before and
    after it); the whole module is parsed when the quick way fails.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    start = text.find("\n__all__ = [")
    end = text.find("\n]", start)
    if start >= 0 and end >= 0:
        names = _all_of(text[start + 1 : end + 2])
        if names is not None:
            return names
    return _all_of(text)


def _all_of(source: str) -> frozenset[str] | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in statement.targets
        ):
            try:
                value = ast.literal_eval(statement.value)
            except ValueError:
                return None
            if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return frozenset(value)
    return None


def find_root(package: str, output: Path | None) -> Path | None:
    """The generated package directory: output/package (output/mylib/_aws for mylib._aws),
    else (a dotted name) in the project (./mylib/_aws, src/mylib/_aws), else where `import
    package` goes, found without importing anything (a dotted name's parents are the user's
    packages: their __init__ is not run)."""
    if output is not None:
        candidate = output / directory(package)
        return candidate.resolve() if (candidate / "__init__.py").is_file() else None
    top, *below = package.split(".")
    for project in (Path.cwd(), Path.cwd() / "src") if below else ():  # mylib._aws: inside the project's mylib
        found = find_root(package, project)
        if found is not None:
            return found
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location).joinpath(*below)
        if (candidate / "__init__.py").is_file():
            return candidate.resolve()
    return None


def botocore_services() -> tuple[frozenset[str], frozenset[str]]:
    """(every botocore service, the services boto3 has resources for)."""
    from ..source.load import Source

    source = Source()
    return frozenset(source.available_services()), frozenset(source.resource_services())
