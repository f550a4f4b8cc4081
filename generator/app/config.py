"""Settings: [tool.botoloom] of the user's pyproject.toml (load), and the one merge of what a
caller asked for (command-line flags, the hatch hook's table: a Request) over those settings
and the defaults into a checked pipeline Plan (plan).  The CLI reads pyproject.toml only
when it gets no services; the hatch hook always reads the project's."""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomllib

from ..errors import UserError
from ..options import OUTPUT_MODES

if TYPE_CHECKING:
    from ..pipeline import Plan
    from ..source.load import Data, Source

KEYS = frozenset({"services", "package", "output", "jobs", "outputs", "required", "aio", "botocore"})


@dataclass(frozen=True)
class Config:
    services: tuple[str, ...] = ()
    all: bool = False
    package: str | None = None
    output: str | None = None
    jobs: int | None = None
    path: Path | None = None
    outputs: str | None = None  # "sound" or "present" (options.py)
    required: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # [tool.botoloom.required]
    aio: bool = False  # aio = true: typed aiobotocore modules too (--aio)
    botocore: str | None = None  # botocore = "==1.43.11": the botocore the project pins (check_botocore)


@dataclass(frozen=True)
class Request:
    """What a caller asked for explicitly; unset fields come from [tool.botoloom] (Config),
    then the defaults.  check: compare only (the output need not be writable)."""

    services: tuple[str, ...] = ()
    all: bool = False
    package: str | None = None
    output: str | None = None
    jobs: int | None = None
    outputs: str | None = None
    aio: bool = False
    check: bool = False
    quiet: bool = False
    overwrite: bool = False
    lock_timeout: float = 600.0
    data: Data | None = None  # another environment's botocore (botoloom install --python)


def plan(request: Request, settings: Config) -> Plan:
    """`request` over `settings` over the defaults, checked: bad input raises UserError
    before anything is rendered or written (the package directory is checked by the pipeline)."""
    from .. import pipeline
    from ..naming.package import directory
    from ..options import Options
    from . import targets

    package = request.package or settings.package or "aws_typed"
    source = pipeline.use(request.data)
    check_botocore(settings, source.botocore_version)
    if request.all or (settings.all and not request.services):
        names = source.available_services()
    elif request.services or settings.services:
        names = sorted(dict.fromkeys(request.services or settings.services))
        source.check_names(names)
    else:
        raise UserError(
            "name services with --services NAME ..., use --all, or add [tool.botoloom] services to pyproject.toml"
        )
    output = Path(request.output or settings.output or "generated")
    targets.check_package(package, output)
    targets.check_services(names)
    targets.check_output(output, needs_write=not request.check)
    if request.jobs is not None and request.jobs < 1:
        raise UserError(f"--jobs must be at least 1 (got {request.jobs})")
    if not request.lock_timeout >= 0:
        raise UserError("--lock-timeout must be a number of seconds, 0 or more")
    jobs = _jobs(request.jobs, settings)
    check_required(settings, source)
    outputs = request.outputs or settings.outputs or "sound"
    options = Options(outputs=outputs, required=settings.required, aio=request.aio or settings.aio)
    return pipeline.Plan(
        names,
        output / directory(package),  # mylib._aws: output/mylib/_aws
        package,
        jobs,
        request.quiet,
        request.overwrite,
        request.lock_timeout,
        options,
        data=request.data,  # by keyword: Plan has gained fields before it (prune, diff, rerun)
    )


def check_botocore(settings: Config, installed: str) -> None:
    """Refuse, in one line, to generate from a botocore other than the one [tool.botoloom]
    botocore pins (a PEP 440 specifier, already checked by load); no pin: no check."""
    if settings.botocore is None:
        return
    from packaging.specifiers import SpecifierSet
    from packaging.version import InvalidVersion, Version

    try:
        matches = Version(installed) in SpecifierSet(settings.botocore)
    except InvalidVersion:
        matches = False
    if not matches:
        raise UserError(
            f'{settings.path}: [tool.botoloom] botocore = "{settings.botocore}", but this environment has '
            f"botocore {installed}: install the pinned botocore (and its boto3) here, or change the pin"
        )


def _pin(path: Path, value: object) -> str | None:
    """botocore = "==1.43.11" (any PEP 440 specifier; a bare version means ==that version)."""
    if value is None:
        return None
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version

    want = 'a version specifier such as "==1.43.11"'
    if not isinstance(value, str) or not value.strip():
        raise UserError(f"{path}: [tool.botoloom] botocore must be {want}")
    try:
        return f"=={Version(value.strip())}" if value.strip()[0].isdigit() else str(SpecifierSet(value))
    except (InvalidSpecifier, InvalidVersion):
        raise UserError(f"{path}: [tool.botoloom] botocore = {value!r} is not {want}") from None


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the system has one, as in a
    container limited with --cpuset-cpus or taskset), else the CPUs of the machine."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def check_required(settings: Config, source: Source) -> None:
    """Refuse, in one line, a [tool.botoloom.required] entry for a service botocore does not
    have.  What an entry names inside a service is checked where the service's model is
    built (pipeline._one, types/required.py): only generated services' entries matter."""
    where = f"{settings.path}: [tool.botoloom.required]"
    known = source.available_services()
    for name in sorted({service for service, _, _ in settings.required} - set(known)):
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UserError(f"{where}: unknown service {name!r}{hint}")


def _jobs(asked: int | None, settings: Config) -> int:
    """Worker processes: as asked (--jobs over [tool.botoloom] jobs), never more than the CPUs
    available (rendering is CPU-bound: more would only cost memory), saying so in one line
    when a request is capped; one per available CPU by default."""
    cpus = available_cpus()
    wanted = asked or settings.jobs
    if wanted is None:
        return cpus
    if wanted > cpus:
        where = f"--jobs {wanted}" if asked else f"jobs = {wanted} in {settings.path}"
        print(
            f"botoloom: warning: {where}: only {cpus} CPU(s) available, using {cpus} worker process(es)",
            file=sys.stderr,
        )
        return cpus
    return wanted


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def _inside(project: Path, output: str) -> bool:
    """Is `output` (from an untrusted pyproject.toml) a relative path inside `project`?"""
    if Path(output).is_absolute() or "\0" in output:
        return False
    base = project.resolve()
    target = (base / output).resolve()
    return target == base or base in target.parents


def _output_options(
    path: Path, table: dict[str, object]
) -> tuple[str | None, tuple[tuple[str, str, tuple[str, ...]], ...]]:
    """outputs = "sound" | "present"; [tool.botoloom.required] "sts.GetCallerIdentity" = ["Account"]
    (an operation's output members) or "cloudformation.Stack" = ["Outputs"] (a resource's
    attributes and references, by model or Python name: types/resources.py present())."""
    outputs = table.get("outputs")
    if outputs is not None and outputs not in OUTPUT_MODES:
        raise UserError(f'{path}: [tool.botoloom] outputs must be "sound" or "present"')
    required = table.get("required", {})
    if not isinstance(required, dict):
        raise UserError(f"{path}: [tool.botoloom.required] must be a table")
    entries = []
    for key, members in sorted(required.items()):
        service, _, operation = key.rpartition(".")
        if (
            not service
            or not operation
            or not isinstance(members, list)
            or not all(isinstance(m, str) for m in members)
        ):
            raise UserError(
                f'{path}: [tool.botoloom.required] "{key}": want "service.Operation" (or "service.Resource") = ["Member", ...]'
            )
        entries.append((service, operation, tuple(members)))
    return outputs if isinstance(outputs, str) else None, tuple(entries)


MAX_PYPROJECT = 16 * 1024 * 1024
"""Bytes of pyproject.toml botoloom reads at most (untrusted input: no configuration is that large)."""


def _parse(path: Path) -> dict[str, Any]:
    """The TOML document at `path`; one line naming it for anything it cannot read: not
    readable, too large, not UTF-8, not TOML, or nested too deeply for the parser."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PYPROJECT + 1)
        if len(raw) > MAX_PYPROJECT:
            raise UserError(f"{path}: cannot read it: larger than {MAX_PYPROJECT // (1024 * 1024)} MB")
        return tomllib.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise UserError(f"{path}: cannot read it: {(exc.strerror or type(exc).__name__).lower()}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: cannot read it: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: cannot read it: {exc}") from None
    except RecursionError:
        raise UserError(f"{path}: cannot read it: arrays or tables nested too deeply") from None
    except MemoryError:
        raise UserError(f"{path}: cannot read it: too large") from None


def load(start: Path) -> Config:
    """[tool.botoloom] of the nearest pyproject.toml; an empty Config when there is none.

    services = ["s3", "dynamodb"] (or "all"), package = "aws_typed", output = "src",
    jobs = 2.  output is relative to the pyproject.toml's directory and must stay inside it
    (the file is untrusted: a pull request can change it).
    """
    path = find_pyproject(start)
    if path is None:
        return Config()
    data = _parse(path)
    tool = data.get("tool", {})
    table = tool.get("botoloom") if isinstance(tool, dict) else None
    if table is None:
        return Config(path=path)
    if not isinstance(table, dict):
        raise UserError(f"{path}: [tool.botoloom] must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise UserError(
            f"{path}: unknown [tool.botoloom] keys: {', '.join(unknown)} (known: {', '.join(sorted(KEYS))})"
        )
    services = table.get("services", [])
    if services != "all" and not (isinstance(services, list) and all(isinstance(s, str) for s in services)):
        raise UserError(f'{path}: [tool.botoloom] services must be a list of names or "all"')
    package = table.get("package")
    if package is not None and not isinstance(package, str):
        raise UserError(f"{path}: [tool.botoloom] package must be a string (a Python package name)")
    output = table.get("output")
    if output is not None and not isinstance(output, str):
        raise UserError(f"{path}: [tool.botoloom] output must be a string")
    if output is not None and not _inside(path.parent, output):
        raise UserError(
            f"{path}: [tool.botoloom] output {output!r} is outside the project; use a path inside {path.parent} (or --output)"
        )
    jobs = table.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise UserError(f"{path}: [tool.botoloom] jobs must be a positive integer")
    outputs, required = _output_options(path, table)
    aio = table.get("aio", False)
    if not isinstance(aio, bool):
        raise UserError(f"{path}: [tool.botoloom] aio must be true or false")
    return Config(
        botocore=_pin(path, table.get("botocore")),
        aio=aio,
        outputs=outputs,
        required=required,
        services=() if services == "all" else tuple(services),
        all=services == "all",
        package=package,
        output=str(path.parent / output) if output else None,
        jobs=jobs,
        path=path,
    )
