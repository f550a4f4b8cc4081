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
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import UserError
from ..naming.package import package_parts
from ..options import OUTPUT_MODES, Options
from . import boto3_stubs, config, environment, wheel

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
    p.add_argument(
        "--stubs",
        action="store_true",
        help="also <package>-boto3-stubs: unchanged boto3, botocore (and, with --aio, aiobotocore) code typed by the package",
    )
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
    settings = _settings(args)
    package = args.package or settings.package or "aws_typed"
    _top_level(package)
    target = environment.probe(args.python, package, package)
    config.check_botocore(settings, target.botocore_version)  # before the no-op: a pin is never ignored
    want = wanted(args, settings, package, target)  # no definition read yet: a no-op stays cheap
    if _unknown(want, target):
        _plan(args, settings, want, target)  # says which names are unknown and the closest ones
    if command == "build":
        from .targets import check_output

        check_output(Path(args.output), needs_write=True)
        plan, out = _plan(args, settings, want, target), Path(os.path.abspath(args.output))
        made = _build(plan, want, out)
        _say(args, f"botoloom: wrote {made} ({_summary(want)}, botocore {want.botocore})")
        if args.stubs:
            _say(args, f"botoloom: wrote {boto3_stubs.build(plan.root, boto3_stubs.wanted(want), out)}")
        return 0
    if args.check:
        return _check(target, want) or (boto3_stubs.check(target.python, boto3_stubs.wanted(want)) if args.stubs else 0)
    stubs = boto3_stubs.wanted(want) if args.stubs else None  # refused beside another boto3 stubs package
    if stubs is not None and not boto3_stubs.needed(target.python, stubs):
        stubs = None  # installed and current
    if target.installed_fingerprint == want.fingerprint and (stubs is None):
        _say(args, f"botoloom: {want.name} {want.version} in {target.prefix} is unchanged ({_summary(want)})")
        return 0
    _refuse_foreign(target, package)
    if not target.has_pip:
        raise UserError(
            f"{target.python} has no pip to install the package with: add it ({target.python} -m ensurepip), "
            "or write the wheel with botoloom build --output DIR and install that with your installer"
        )
    plan = _plan(args, settings, want, target)
    with tempfile.TemporaryDirectory(prefix="botoloom-wheel-") as tmp:
        made = _build(plan, want, Path(tmp))
        _pip_install(target.python, made, want)
        if stubs is not None:
            _pip_install(target.python, boto3_stubs.build(plan.root, stubs, Path(tmp)), stubs)
    took = time.perf_counter() - started
    _say(
        args, f"botoloom: installed {want.name} {want.version} into {target.prefix} ({_summary(want)}) in {took:.1f} s"
    )
    return 0


def _top_level(package: str) -> None:
    """A wheel of its own is a top-level package: `mylib._aws` belongs to mylib's distribution."""
    parts = package_parts(package)
    if parts is None:
        raise UserError(f"--package {package!r} is not a valid Python package name")
    if len(parts) > 1:
        raise UserError(
            f"--package {package!r}: install and build make a distribution of its own, which needs a top-level "
            f"name; to put the package inside {parts[0]}, generate it there (botoloom --package {package} --output DIR)"
        )


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


def _summary(want: wheel.Distribution) -> str:
    names = want.fingerprint["services"]
    text = "every service" if names == "all" else ", ".join(names) if len(names) <= 8 else f"{len(names)} services"
    return f"{text}{'; aio' if 'aio' in want.fingerprint['options'] else ''}"


def _settings(args: argparse.Namespace) -> config.Config:
    """[tool.botoloom] of the nearest pyproject.toml without --services/--all, as for the main command."""
    if args.jobs is not None and args.jobs < 1:
        raise UserError(f"--jobs must be at least 1 (got {args.jobs})")
    return config.load(Path.cwd()) if not (args.services or args.all) else config.Config()


def wanted(
    args: argparse.Namespace, settings: config.Config, package: str, target: environment.Target
) -> wheel.Distribution:
    """What install would install, and the fingerprint it records: the request (flags over
    [tool.botoloom], merged as config.plan merges them) and the target's botocore and boto3.
    --all is recorded as "all": the services of a botocore version are fixed by that version."""
    services: str | list[str] = "all"
    if not (args.all or (settings.all and not args.services)):
        services = sorted(dict.fromkeys(args.services or settings.services))
    aio = args.aio or settings.aio
    options = Options(outputs=args.outputs or settings.outputs or "sound", required=settings.required, aio=aio)
    fingerprint: dict[str, Any] = {
        "botoloom": __version__,
        "generator": code_digest(),
        "botocore": target.botocore_version,
        "boto3": target.boto3_version,
        "data": list(target.paths),
        "package": package,
        "services": services,
        "options": options.key(),
    }
    version = wheel.dist_version(__version__, target.botocore_version)
    return wheel.Distribution(package, version, target.botocore_version, fingerprint)


def _unknown(want: wheel.Distribution, target: environment.Target) -> bool:
    """Does a requested service have no directory in the target's data (a typo: config.plan
    names it and its closest matches)?"""
    names = want.fingerprint["services"]
    return names != "all" and not all(any(os.path.isdir(os.path.join(p, n)) for p in target.paths) for n in names)


def code_digest() -> str:
    """botoloom's own code and templates, hashed as output.cache.generator_digest hashes them
    (that module imports the pipeline, boto3 included: 0.5 s a no-op install does not need)."""
    package = Path(__file__).resolve().parents[1]  # generator/
    templates = next((d for d in (package / "templates", package.parent / "templates") if d.is_dir()), package)
    hasher = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *templates.glob("*.j2")]):
        hasher.update(path.relative_to(package.parent).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def _plan(
    args: argparse.Namespace, settings: config.Config, want: wheel.Distribution, target: environment.Target
) -> Plan:
    """The Plan for `want` (config.plan: names checked against the target's definitions),
    into botoloom's work directory for the target."""
    request = config.Request(
        services=tuple(args.services or ()),
        all=args.all,
        package=want.name,
        output=str(work_dir(target, want.name)),
        jobs=args.jobs,
        outputs=args.outputs,
        aio=args.aio,
        quiet=True,
        data=target.data,
    )
    plan = replace(config.plan(request, settings), prune=True)  # botoloom's own work directory: as asked, always
    if plan.options.key() != want.fingerprint["options"]:  # the two merges must agree
        raise UserError(f"internal error: options {plan.options.key()} != {want.fingerprint['options']}")
    return plan


def work_dir(target: environment.Target, package: str) -> Path:
    """Where botoloom generates for `target`: its own directory under the user's cache
    (BOTOLOOM_CACHE_DIR, else XDG_CACHE_HOME/botoloom, else ~/.cache/botoloom), one per
    environment and package; never inside the user's project or the wheel."""
    base = os.environ.get("BOTOLOOM_CACHE_DIR")
    if not base:
        cache = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or str(Path.home() / ".cache")
        base = str(Path(cache) / "botoloom")
    key = hashlib.sha256(os.path.realpath(target.prefix).encode()).hexdigest()[:16]
    return Path(os.path.abspath(base)) / "install" / f"{key}-{package}"


def _build(plan: Plan, dist: wheel.Distribution, directory: Path) -> Path:
    from .. import pipeline

    pipeline.generate(plan)
    return wheel.build(plan.root, dist, directory)


def _check(target: environment.Target, want: wheel.Distribution) -> int:
    """0 when the installed distribution is what install would install; else 1 and why."""
    why = differences(target.installed_fingerprint, want.fingerprint)
    if target.installed_version is None:
        why = [f"{want.name} is not installed in {target.prefix}"]
    elif target.installed_fingerprint is None:
        why = [f"{want.name} {target.installed_version} in {target.prefix} was not installed by botoloom install"]
    if not why:
        print(f"botoloom: {want.name} {want.version} in {target.prefix} is up to date")
        return 0
    print(f"botoloom: {want.name} in {target.prefix} is out of date: {'; '.join(why)}", file=sys.stderr)
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
        why.append(_services(have.get("services"), wanted["services"]))
    if have.get("options") != wanted["options"]:
        why.append(f"options differ (installed: {have.get('options')}, wanted: {wanted['options']})")
    if (have.get("botoloom"), have.get("generator")) != (wanted["botoloom"], wanted["generator"]):
        why.append("it was generated by another botoloom version or code")
    if not why and have != wanted:
        why.append("its botocore or boto3 data directories moved")
    return why


def _services(have: object, want: object) -> str:
    if isinstance(have, list) and isinstance(want, list):
        old, new = {str(n) for n in have}, {str(n) for n in want}
        return f"services differ (to add: {_names(sorted(new - old))}; to remove: {_names(sorted(old - new))})"
    return f"services differ (installed: {_names(have)}; wanted: {_names(want)})"


def _names(names: object) -> str:
    if names == "all":
        return "every service"
    if not isinstance(names, list):
        return "unknown"
    if len(names) > 8:
        return f"{len(names)} services"
    return ", ".join(str(n) for n in names) or "none"


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
