"""The botoloom command line: arguments and pyproject settings -> a checked Plan -> pipeline.

Bad input ends with one line on stderr and exit 2, never a traceback.  The heavy imports
(boto3, jinja2) happen inside main(), so Ctrl-C during start-up is handled too.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import UserError
from ..options import OUTPUT_MODES

if TYPE_CHECKING:
    from ..pipeline import Plan

EPILOG = """\
other commands:
  botoloom install --services NAME ...   generate from the active environment's botocore and
                                          install the package there as a wheel (install --help)
  botoloom build --services NAME ...     the same wheel, written to a directory (build --help)
  botoloom migrate PATH ...   rewrite boto3 / boto3-stubs code to use the generated package
                              (botoloom migrate --help)

examples:
  botoloom --services s3 dynamodb --output src    write src/aws_typed/
  botoloom --check                                compare with [tool.botoloom] of pyproject.toml
"""


# botoloom's dependencies and what botoloom needs them for (the distribution to install is
# the same name, dateutil's aside): a missing one is one line and exit 2, not a traceback.
DEPENDENCIES = {
    "botocore": "botocore",
    "boto3": "boto3",
    "s3transfer": "s3transfer",
    "jmespath": "jmespath",
    "dateutil": "python-dateutil",
    "urllib3": "urllib3",
    "jinja2": "jinja2",
    "markupsafe": "markupsafe",
    "tqdm": "tqdm",
    "libcst": "libcst",
    "yaml": "pyyaml",
    "ruff": "ruff",
    "typing_extensions": "typing_extensions",
}


def _botocore_version() -> str:
    """`(botocore X installed)`, or `(botocore not installed)`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"botocore {version('botocore')} installed"
    except PackageNotFoundError:
        return "botocore not installed"


def missing_dependency(exc: ModuleNotFoundError) -> str | None:
    """The one line for an import of a dependency that failed; None for any other module."""
    module = (exc.name or "").partition(".")[0]
    if module not in DEPENDENCIES:
        return None
    return (
        f"botoloom needs {module}, which this Python ({sys.executable}) cannot import: "
        f"install it with `{sys.executable} -m pip install {DEPENDENCIES[module]}` "
        "(or reinstall botoloom, which brings its dependencies)"
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="botoloom",
        description="Generate a typed wrapper package around boto3 from botocore's service definitions. "
        "Without --services/--all, [tool.botoloom] of the nearest pyproject.toml is used.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        help="write nothing; exit 1 if DIR differs from what would be generated: which files, why and what to run, "
        'then the start of the diff ("missing" when there is no package)',
    )
    p.add_argument("--diff", action="store_true", help="with --check: print the whole unified diff")
    p.add_argument(
        "--prune",
        action="store_true",
        help="remove services (and aio modules) that the package has and this run does not generate "
        "(default: refuse and name them; a run driven by [tool.botoloom] services removes and names them)",
    )
    p.add_argument(
        "--parents",
        action="store_true",
        help="create --output's missing parent directories (default: refuse, a typo is likely)",
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
    p.add_argument("--version", action="version", version=f"botoloom {__version__} ({_botocore_version()})")
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
        return _main(args, argv)
    except UserError as exc:
        print(f"botoloom: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("botoloom: interrupted", file=sys.stderr)
        return 130
    except ModuleNotFoundError as exc:
        line = missing_dependency(exc)
        if line is None:
            raise
        print(f"botoloom: error: {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `botoloom --list-services | head`: the reader left, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _main(args: argparse.Namespace, argv: list[str]) -> int:
    from .. import seams

    seams.reach("startup")
    from .. import pipeline

    if args.list_services:
        print("\n".join(pipeline.source().available_services()))
        sys.stdout.flush()
        return 0
    if args.diff and not args.check:
        raise UserError("--diff shows what --check found: use it with --check")
    plan = _plan(args, argv)
    if plan.options.aio:
        from .aio_check import mismatch

        warning = mismatch(pipeline.source().botocore_version)
        if warning:
            print(f"botoloom: warning: {warning}", file=sys.stderr)
    if args.check:
        return pipeline.check(plan)
    _before_writing(args, plan)
    return pipeline.generate(plan)


def _before_writing(args: argparse.Namespace, plan: Plan) -> None:
    """Refuse an --output whose parent does not exist: a typo, unless --parents (the pipeline
    says "creating ..." when it makes the package directory)."""
    if args.output and not args.parents:
        output = Path(args.output)
        parent = output.absolute().parent
        if not output.exists() and not parent.exists():
            raise UserError(
                f"--output {args.output}: {parent} does not exist; check the path, or pass --parents to create it"
            )


def _plan(args: argparse.Namespace, argv: list[str]) -> Plan:
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
    explicit = bool(args.services or args.all)
    settings = config.load(Path.cwd()) if not explicit else config.Config()
    plan = config.plan(request, settings)
    # A run driven by [tool.botoloom] services removes (and names) the services the list dropped;
    # one given --services/--all removes services only with --prune (pipeline._prune).
    rerun = shlex.join(["botoloom", *(a for a in argv if a not in ("--check", "--diff"))])
    return replace(plan, prune=args.prune or not explicit, diff=args.diff, rerun=rerun)
