"""The botoloom command line: load -> model -> render -> write, for the chosen services."""

from __future__ import annotations

import argparse
import keyword
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from . import __version__, config, incremental
from .errors import UserError
from .load import Source
from .model import build
from .progress import Progress
from .render import render_package, render_service
from .write import check, read_manifest, write

_SOURCE: Source | None = None


def _source() -> Source:
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = Source()
    return _SOURCE


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="botoloom",
        description="Generate a typed wrapper package around boto3 from botocore's service definitions. "
        "Without --services/--all, [tool.botoloom] of the nearest pyproject.toml is used.",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--services", nargs="+", metavar="NAME", help="botocore service names (s3 ec2 lambda ...)")
    which.add_argument("--all", action="store_true", help="every service botocore ships")
    which.add_argument("--list-services", action="store_true", help="print the available service names and exit")
    p.add_argument("--output", metavar="DIR", help="directory that receives the package (default: generated)")
    p.add_argument("--package", metavar="NAME", help="import name of the generated package (default: aws_typed)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 with a unified diff if DIR differs from what would be generated")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per CPU)")
    p.add_argument("--quiet", action="store_true", help="print only errors and diffs")
    p.add_argument("--version", action="version", version=f"botoloom {__version__}")
    return p


@dataclass(frozen=True)
class Plan:
    """What to do, from the command line and the user's pyproject.toml."""

    names: list[str]
    root: Path
    package: str
    jobs: int


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.list_services:
            print("\n".join(_source().available_services()))
            return 0
        plan = _plan(args)
        return _check(plan, args.quiet) if args.check else _write(plan, args.quiet)
    except UserError as exc:
        print(f"botoloom: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("botoloom: interrupted", file=sys.stderr)
        return 130


def _plan(args: argparse.Namespace) -> Plan:
    settings = config.load(Path.cwd()) if not (args.services or args.all) else config.Config()
    package = args.package or settings.package or "aws_typed"
    if not package.isidentifier() or keyword.iskeyword(package):
        raise UserError(f"--package {package!r} is not a valid Python package name")
    source = _source()
    if args.all or (settings.all and not args.services):
        names = source.available_services()
    elif args.services or settings.services:
        names = sorted(dict.fromkeys(args.services or settings.services))
        source.check_names(names)
    else:
        raise UserError("name services with --services NAME ..., use --all, or add [tool.botoloom] services to pyproject.toml")
    output = Path(args.output or settings.output or "generated")
    _check_output(output, needs_write=not args.check)
    jobs = args.jobs or settings.jobs or os.cpu_count() or 1
    if jobs < 1:
        raise UserError("--jobs must be at least 1")
    return Plan(names=names, root=output / package, package=package, jobs=jobs)


def _check_output(output: Path, needs_write: bool) -> None:
    if output.exists() and not output.is_dir():
        raise UserError(f"--output {output} is a file, not a directory")
    existing = next((p for p in (output, *output.absolute().parents) if p.exists()), None)
    if needs_write and existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise UserError(f"--output {output}: {existing} is not writable")


def _versions() -> str:
    return f"botoloom {__version__} from botocore {_source().botocore_version}"


def _meta(plan: Plan) -> dict[str, object]:
    return {
        "botoloom": __version__,
        "botocore": _source().botocore_version,
        "package": plan.package,
        "services": plan.names,
    }


def _check(plan: Plan, quiet: bool) -> int:
    files: dict[str, str] = {}
    for _, rendered in _render(plan.names, plan.jobs, quiet):
        files.update(rendered)
    files.update(render_package(plan.package, plan.names, _versions()))
    diffs = check(plan.root, files, _meta(plan))
    for diff in diffs:
        sys.stdout.write(diff)
    if diffs:
        print(f"botoloom: {len(diffs)} file(s) in {plan.root} differ from what would be generated", file=sys.stderr)
        return 1
    if not quiet:
        print(f"botoloom: {plan.root} is up to date ({len(files)} files)")
    return 0


def _write(plan: Plan, quiet: bool) -> int:
    started = time.perf_counter()
    source = _source()
    cache = incremental.load(plan.root)
    manifest = read_manifest(plan.root)
    code = incremental.generator_digest()
    keys = {n: [_versions(), code, source.boto3_version, plan.package, source.fingerprint(n)] for n in plan.names}
    kept: dict[str, str] = {}
    files_by_service: dict[str, list[str]] = {}
    todo = []
    for name in plan.names:
        unchanged = incremental.unchanged(cache, plan.root, name, keys[name], manifest)
        if unchanged is None:
            todo.append(name)
        else:
            kept.update(unchanged)
            files_by_service[name] = list(unchanged)
    files: dict[str, str] = {}
    for name, rendered in _render(todo, plan.jobs, quiet):
        files.update(rendered)
        files_by_service[name] = list(rendered)
    files.update(render_package(plan.package, plan.names, _versions()))
    outcome = write(plan.root, files, _meta(plan), kept)
    incremental.save(plan.root, keys, files_by_service, [*files, *kept])
    if not quiet:
        print(
            f"botoloom: {len(plan.names)} service(s) into {plan.root}: {len(todo)} rendered, "
            f"{len(outcome.written)} file(s) written, {len(outcome.unchanged)} unchanged, "
            f"{len(outcome.removed)} removed in {time.perf_counter() - started:.1f} s"
        )
        for rel in outcome.kept:
            print(f"botoloom: kept {plan.root / rel}: no longer generated but edited by hand")
    return 0


def _one(name: str, versions: str) -> tuple[str, dict[str, str]]:
    """Load, model and render one service (run in a worker process for many services)."""
    raw = _source().load(name)
    service = build(raw)
    try:
        return name, render_service(service, versions)
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError(f"{name}: cannot generate from {raw.source}: {type(exc).__name__}: {exc}") from None


def _render(names: list[str], jobs: int, quiet: bool) -> Iterator[tuple[str, dict[str, str]]]:
    """(service, {path: text}) per service, in the order of `names`."""
    versions = _versions()
    with Progress(len(names), "rendering", quiet) as progress:
        if jobs > 1 and len(names) > 1:
            with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
                for name, rendered in pool.map(_one, names, [versions] * len(names), chunksize=2):
                    progress.step(name)
                    yield name, rendered
        else:
            for name in names:
                result = _one(name, versions)
                progress.step(name)
                yield result
