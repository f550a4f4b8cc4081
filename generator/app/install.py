"""`botoloom install` and `botoloom build`: the generated package as a real distribution.

install: generate from the botocore and boto3 installed in the target environment (--python,
else the active virtual environment, else the interpreter botoloom runs in), build a wheel
(wheel.py) and install it there with that environment's own pip, so that `pip show`,
`pip list`, `pip freeze` and `pip uninstall` know it.  A rerun compares the fingerprint
recorded in the installed distribution with what it would install (botoloom, its code,
botocore and boto3 versions, package, services, options) before anything is generated:
equal, it is a no-op; `--check` only compares (exit 1 and why, 0 when current).
build: the same wheel, written to --output DIR.

Generation happens in a work directory botoloom owns, outside the user's tree (per target
environment and package, under the user's cache directory), so nothing botoloom keeps for
itself (manifest, incremental cache, lock) reaches a user's commit; the wheel holds only
the package's files and the manifest.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import UserError
from ..options import OUTPUT_MODES
from . import environment, wheel

if TYPE_CHECKING:
    from ..pipeline import Plan


def parser(command: str) -> argparse.ArgumentParser:
    if command == "install":
        what = (
            "Generate the typed package from the botocore installed in an environment and install it there as a wheel."
        )
    else:
        what = (
            "Generate the typed package from the botocore installed in an environment and write its wheel to --output."
        )
    p = argparse.ArgumentParser(prog=f"botoloom {command}", description=what)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--services", nargs="+", metavar="NAME", help="botocore service names (s3 ec2 lambda ...)")
    which.add_argument("--all", action="store_true", help="every service the environment's botocore ships")
    p.add_argument(
        "--package", metavar="NAME", help="import (and distribution) name of the package (default: aws_typed)"
    )
    p.add_argument(
        "--python",
        metavar="PATH",
        help="the environment's interpreter (default: the active virtual environment's, else the one botoloom runs in)",
    )
    p.add_argument("--aio", action="store_true", help="also typed aiobotocore modules per service")
    p.add_argument("--outputs", choices=OUTPUT_MODES, help="output members: sound (default) or present")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per CPU)")
    p.add_argument("--quiet", action="store_true", help="print only errors")
    if command == "install":
        p.add_argument(
            "--check",
            action="store_true",
            help="install nothing; exit 1 and say why if the installed package is not what would be installed",
        )
    else:
        p.add_argument("--output", metavar="DIR", required=True, help="directory that receives the wheel")
    return p


def main(command: str, argv: Sequence[str]) -> int:
    """`botoloom install ...` / `botoloom build ...` (argv without the command)."""
    args = parser(command).parse_args(list(argv))
    started = time.perf_counter()
    dist_name = args.package or "aws_typed"
    target = environment.probe(args.python, dist_name, dist_name)
    plan = _plan(args, target)
    dist = _distribution(plan, target)
    if command == "build":
        from .targets import check_output

        check_output(Path(args.output), needs_write=True)
        made = _build(plan, dist, Path(args.output))
        _say(args, f"botoloom: wrote {made} ({len(plan.names)} service(s), botocore {target.data.botocore_version})")
        return 0
    if args.check:
        return _check(target, dist)
    if target.installed_fingerprint == dist.fingerprint:
        _say(args, f"botoloom: {dist.name} {dist.version} in {target.prefix} is unchanged ({_summary(plan)})")
        return 0
    _refuse_foreign(target, plan.package)
    if not target.has_pip:
        raise UserError(f"{target.python} has no pip to install the package with ({target.python} -m ensurepip)")
    with tempfile.TemporaryDirectory(prefix="botoloom-wheel-") as tmp:
        made = _build(plan, dist, Path(tmp))
        _pip_install(target.python, made, dist)
    took = time.perf_counter() - started
    _say(
        args, f"botoloom: installed {dist.name} {dist.version} into {target.prefix} ({_summary(plan)}) in {took:.1f} s"
    )
    return 0


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


def _summary(plan: Plan) -> str:
    names = ", ".join(plan.names) if len(plan.names) <= 8 else f"{len(plan.names)} services"
    return f"{names}{'; aio' if plan.options.aio else ''}"


def _plan(args: argparse.Namespace, target: environment.Target) -> Plan:
    """The flags over [tool.botoloom] (read only without --services/--all), as for the main
    command, over the target's definitions, into botoloom's work directory for the target."""
    from . import config

    if args.jobs is not None and args.jobs < 1:
        raise UserError(f"--jobs must be at least 1 (got {args.jobs})")
    package = args.package or "aws_typed"
    request = config.Request(
        services=tuple(args.services or ()),
        all=args.all,
        package=package,
        output=str(work_dir(target, package)),
        jobs=args.jobs,
        outputs=args.outputs,
        aio=args.aio,
        quiet=True,
        data=target.data,
    )
    settings = config.load(Path.cwd()) if not (args.services or args.all) else config.Config()
    return config.plan(request, settings)


def work_dir(target: environment.Target, package: str) -> Path:
    """Where botoloom generates for `target`: its own directory under the user's cache
    (BOTOLOOM_CACHE_DIR, else XDG_CACHE_HOME/botoloom, else ~/.cache/botoloom), one per
    environment and package; never inside the user's project or the wheel."""
    base = os.environ.get("BOTOLOOM_CACHE_DIR")
    if not base:
        cache = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or str(Path.home() / ".cache")
        base = str(Path(cache) / "botoloom")
    key = hashlib.sha256(os.path.realpath(target.prefix).encode()).hexdigest()[:16]
    return Path(base) / "install" / f"{key}-{package}"


def _distribution(plan: Plan, target: environment.Target) -> wheel.Distribution:
    from ..output.cache import generator_digest

    fingerprint: dict[str, Any] = {
        "botoloom": __version__,
        "generator": generator_digest(),
        "botocore": target.data.botocore_version,
        "boto3": target.data.boto3_version,
        "data": list(target.data.paths),
        "package": plan.package,
        "services": list(plan.names),
        "options": plan.options.key(),
    }
    version = wheel.dist_version(__version__, target.data.botocore_version)
    return wheel.Distribution(plan.package, version, target.data.botocore_version, fingerprint)


def _build(plan: Plan, dist: wheel.Distribution, directory: Path) -> Path:
    from .. import pipeline

    pipeline.generate(plan)
    return wheel.build(plan.root, dist, directory)


def _check(target: environment.Target, dist: wheel.Distribution) -> int:
    """0 when the installed distribution is what install would install; else 1 and why."""
    why = differences(target.installed_fingerprint, dist.fingerprint)
    if target.installed_version is None:
        why = [f"{dist.name} is not installed in {target.prefix}"]
    elif target.installed_fingerprint is None:
        why = [f"{dist.name} {target.installed_version} in {target.prefix} was not installed by botoloom install"]
    if not why:
        print(f"botoloom: {dist.name} {dist.version} in {target.prefix} is up to date")
        return 0
    print(f"botoloom: {dist.name} in {target.prefix} is out of date: {'; '.join(why)}", file=sys.stderr)
    print("botoloom: run botoloom install again (with the same options) to bring it up to date", file=sys.stderr)
    return 1


def differences(installed: dict[str, Any] | None, wanted: dict[str, Any]) -> list[str]:
    """Why `installed` is not `wanted`, in words, most telling first."""
    have = installed or {}
    why = []
    for lib in ("botocore", "boto3"):
        if have.get(lib) != wanted[lib]:
            why.append(
                f"it was generated from {lib} {have.get(lib)}, the environment has {lib} {wanted[lib]} (upgraded?)"
            )
    if have.get("services") != wanted["services"]:
        old, new = set(have.get("services") or ()), set(wanted["services"])
        why.append(f"services differ (to add: {_names(new - old)}; to remove: {_names(old - new)})")
    if have.get("options") != wanted["options"]:
        why.append(f"options differ (installed: {have.get('options')}, wanted: {wanted['options']})")
    if (have.get("botoloom"), have.get("generator")) != (wanted["botoloom"], wanted["generator"]):
        why.append("it was generated by another botoloom version or code")
    if not why and have != wanted:
        why.append("its botocore or boto3 data directories moved")
    return why


def _names(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "none"


def _refuse_foreign(target: environment.Target, package: str) -> None:
    """Refuse to install over an importable `package` that botoloom install did not put there."""
    if target.module is not None and target.installed_fingerprint is None:
        raise UserError(
            f"--package {package!r} is already importable in {target.prefix} ({target.module}) and was not "
            "installed by botoloom install; choose another --package or remove it"
        )


def _pip_install(python: str, made: Path, dist: wheel.Distribution) -> None:
    """`made` installed with the target's own pip, found by name and version in its directory
    (not as a file: then `pip freeze` says name==version rather than a temporary path)."""
    command = [python, "-I", "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall"]
    command += ["--disable-pip-version-check", "--no-warn-script-location", "--quiet", "--find-links"]
    command += [str(made.parent), f"{dist.name}=={dist.version}"]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()[-1]
        raise UserError(f"{python} -m pip install {made.name} failed (exit {result.returncode}): {last}")
