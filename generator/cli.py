"""The botoloom command line: load -> model -> render -> write, for the chosen services."""

from __future__ import annotations

import argparse
import keyword
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import UserError
from .load import Source
from .model import build
from .render import render_package, render_service
from .write import check, write

_SOURCE: Source | None = None


def _source() -> Source:
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = Source()
    return _SOURCE


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="botoloom",
        description="Generate a typed wrapper package around boto3 from botocore's service definitions.",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument("--services", nargs="+", metavar="NAME", help="botocore service names (s3 ec2 lambda ...)")
    which.add_argument("--all", action="store_true", help="every service botocore ships")
    which.add_argument("--list-services", action="store_true", help="print the available service names and exit")
    p.add_argument("--output", default="generated", metavar="DIR", help="directory that receives the package (default: generated)")
    p.add_argument("--package", default="aws_typed", metavar="NAME", help="import name of the generated package (default: aws_typed)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 with a unified diff if DIR differs from what would be generated")
    p.add_argument("--jobs", type=int, default=0, metavar="N", help="worker processes (default: one per CPU)")
    p.add_argument("--quiet", action="store_true", help="print only errors and diffs")
    p.add_argument("--version", action="version", version=f"botoloom {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _run(args)
    except UserError as exc:
        print(f"botoloom: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("botoloom: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    source = _source()
    if args.list_services:
        print("\n".join(source.available_services()))
        return 0
    if not args.package.isidentifier() or keyword.iskeyword(args.package):
        raise UserError(f"--package {args.package!r} is not a valid Python package name")
    if args.all:
        names = source.available_services()
    elif args.services:
        names = sorted(dict.fromkeys(args.services))
        source.check_names(names)
    else:
        raise UserError("name services with --services NAME ..., or use --all (see --help)")
    started = time.perf_counter()
    versions = f"botoloom {__version__} from botocore {source.botocore_version}"
    files = _generate(names, versions, args.jobs or os.cpu_count() or 1)
    files.update(render_package(args.package, names, versions))
    meta: dict[str, object] = {
        "botoloom": __version__,
        "botocore": source.botocore_version,
        "package": args.package,
        "services": names,
    }
    root = Path(args.output) / args.package
    if args.check:
        diffs = check(root, files, meta)
        for diff in diffs:
            sys.stdout.write(diff)
        if diffs:
            print(f"botoloom: {len(diffs)} file(s) in {root} differ from what would be generated", file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"botoloom: {root} is up to date ({len(files)} files)")
        return 0
    outcome = write(root, files, meta)
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(
            f"botoloom: {len(names)} service(s) into {root}: {len(outcome.written)} written, "
            f"{len(outcome.unchanged)} unchanged, {len(outcome.removed)} removed in {elapsed:.1f} s"
        )
        for rel in outcome.kept:
            print(f"botoloom: kept {root / rel}: no longer generated but edited by hand")
    return 0


def _one(name: str, versions: str) -> dict[str, str]:
    """Load, model and render one service (run in a worker process for many services)."""
    return render_service(build(_source().load(name)), versions)


def _generate(names: list[str], versions: str, jobs: int) -> dict[str, str]:
    files: dict[str, str] = {}
    if jobs > 1 and len(names) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(names))) as pool:
            for rendered in pool.map(_one, names, [versions] * len(names), chunksize=4):
                files.update(rendered)
    else:
        for name in names:
            files.update(_one(name, versions))
    return files
