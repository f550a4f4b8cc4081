"""The botoloom command line: arguments and pyproject settings -> a checked Plan -> pipeline.

Bad input ends with one line on stderr and exit 2, never a traceback.  The heavy imports
(boto3, jinja2) happen inside main(), so Ctrl-C during start-up is handled too.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import UserError
from ..options import OUTPUT_MODES

if TYPE_CHECKING:
    from ..pipeline import Plan


def _installed_botocore() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("botocore")
    except PackageNotFoundError:  # pragma: no cover - botocore is a dependency
        return "not installed"


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
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a unified diff if DIR differs from what would be generated",
    )
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per CPU)")
    p.add_argument(
        "--outputs",
        choices=OUTPUT_MODES,
        help="output members: required where the model guarantees them (sound, default), or every top-level member (present, as boto3-stubs)",
    )
    p.add_argument(
        "--aio",
        action="store_true",
        help="also an aio module per service: typed aiobotocore clients, paginators and waiters",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace files at generated paths that botoloom did not write (default: refuse)",
    )
    p.add_argument(
        "--lock-timeout",
        type=float,
        metavar="S",
        default=600.0,
        help="seconds to wait for another run on the same package directory (default: 600)",
    )
    p.add_argument("--quiet", action="store_true", help="print only errors and diffs")
    p.add_argument(
        "--version", action="version", version=f"botoloom {__version__} (botocore {_installed_botocore()} installed)"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["migrate"]:  # botoloom migrate PATH ...: rewrite boto3 code (migrate.py)
            from ..migrate import main as migrate

            return migrate(argv[1:])
        if argv[:1] in (["install"], ["build"]):  # the package as a wheel, installed or written (install.py)
            from .install import main as install

            return install(argv[0], argv[1:])
        args = parser().parse_args(argv)
        return _main(args)
    except UserError as exc:
        print(f"botoloom: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("botoloom: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `botoloom --list-services | head`: the reader left, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _main(args: argparse.Namespace) -> int:
    from .. import seams

    seams.reach("startup")
    from .. import pipeline

    if args.list_services:
        print("\n".join(pipeline.source().available_services()))
        sys.stdout.flush()
        return 0
    plan = _plan(args)
    return pipeline.check(plan) if args.check else pipeline.generate(plan)


def _plan(args: argparse.Namespace) -> Plan:
    """The flags over [tool.botoloom] of the nearest pyproject.toml (read only without
    --services/--all) over the defaults: config.plan, as for the hatch hook."""
    from . import config

    request = config.Request(
        services=tuple(args.services or ()),
        all=args.all,
        package=args.package,
        output=args.output,
        jobs=args.jobs,
        outputs=args.outputs,
        aio=args.aio,
        check=args.check,
        quiet=args.quiet,
        overwrite=args.overwrite,
        lock_timeout=args.lock_timeout,
    )
    settings = config.load(Path.cwd()) if not (args.services or args.all) else config.Config()
    return config.plan(request, settings)
