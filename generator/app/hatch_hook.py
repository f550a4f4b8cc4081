"""A hatchling build hook: generate the typed package while a user project's wheel is built.

In the user's pyproject.toml:

    [build-system]
    requires = ["hatchling", "botoloom @ git+<botoloom repository URL>@<commit>"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.botoloom]
    services = ["s3", "dynamodb"]     # or "all"; default: [tool.botoloom] services
    package = "aws_typed"             # default: [tool.botoloom] package, else aws_typed

Everything else (jobs, outputs, required, aio) comes from [tool.botoloom], merged by the same
code as the command line's (config.plan); the hook then runs pipeline.generate itself.
The generated package is added to the wheel under its import name.

The botocore it generates from is the build environment's; [tool.botoloom] botocore (a
version specifier, "==1.43.11") is the project's pin: a build environment whose botocore
does not satisfy it fails the build in one line (config.check_botocore), and a project with
no pin gets a one-line warning naming the botocore used.  The pin does not install anything:
the same version goes into [build-system] requires.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from ..errors import UserError
from ..naming.package import directory, package_parts
from ..output import fsguard
from ..output.package_dir import BOOKKEEPING, PackageDir
from . import config

if TYPE_CHECKING:  # the pipeline (boto3, jinja2) is imported when a build runs the hook
    from ..pipeline import Plan

TABLE = "[tool.hatch.build.hooks.botoloom]"


def build_plan(project: Path, table: Mapping[str, Any], output: Path) -> Plan:
    """The hook's services and package over [tool.botoloom] of the project's pyproject.toml
    (jobs, outputs, required, aio, ...), merged by config.plan as for the command line."""
    settings = config.load(project)
    services = table.get("services") or ("all" if settings.all else list(settings.services))
    package = table.get("package")
    if services != "all" and not (isinstance(services, list) and all(isinstance(s, str) for s in services)):
        raise UserError(f'{TABLE} services must be a list of names or "all"')
    if package is not None and not isinstance(package, str):
        raise UserError(f"{TABLE} package must be a string (a Python package name)")
    if not services:
        raise RuntimeError(f"botoloom build hook: set services in {TABLE} or [tool.botoloom]")
    parts = package_parts(package or settings.package or "aws_typed") or ()
    for depth in range(1, len(parts)):  # mylib._aws: the wheel's mylib/ comes from the project
        output.joinpath(*parts[:depth]).mkdir(exist_ok=True)
    request = config.Request(
        services=() if services == "all" else tuple(services),
        all=services == "all",
        package=package,
        output=str(output),
        quiet=True,
    )
    return config.plan(request, settings)


class BotoloomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "botoloom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from .. import pipeline

        tmp = tempfile.TemporaryDirectory(prefix="botoloom-build-")
        try:
            plan = build_plan(Path(self.root), self.config, Path(tmp.name))
            pipeline.generate(plan)
        except UserError as exc:
            tmp.cleanup()
            print(f"botoloom: error: {exc}", file=sys.stderr)
            raise RuntimeError("botoloom build hook: generation failed (exit 2)") from None
        except BaseException:
            tmp.cleanup()
            raise
        self._tmp = tmp
        if config.load(Path(self.root)).botocore is None:
            print(
                f"botoloom: warning: no [tool.botoloom] botocore pin: generated from botocore "
                f"{pipeline.source().botocore_version}, whichever the build environment installed",
                file=sys.stderr,
            )
        for rel in PackageDir.open(plan.root).contents():
            build_data["force_include"][str(plan.root / rel)] = f"{directory(plan.package)}/{rel}"
        self._leave_out_bookkeeping(directory(plan.package))

    def _leave_out_bookkeeping(self, package: str) -> None:  # package: its directory, mylib/_aws
        """Keep botoloom's bookkeeping (cache, lock, its .gitignore) of a package generated in
        the source tree (in-source mode, [tool.botoloom] output) out of the artifact: hatchling
        reads only the project's top .gitignore, and a hook cannot add exclude patterns, so
        their distribution paths are reserved (hatchling then skips project files there)."""
        reserved = getattr(self.build_config, "build_reserved_paths", None)
        if not isinstance(reserved, set):
            return
        source = config.load(Path(self.root)).output
        names = list(BOOKKEEPING)
        if source is not None and os.path.isdir(os.path.join(source, package)):
            try:  # temp files a killed run left there (the next run removes them)
                names += fsguard.scan(Path(source) / package)
            except UserError:  # a link or a special file in it: not the hook's to judge
                pass
        for name in names:
            reserved.add(f"{package}/{name}")
            if source is not None:
                rel = os.path.relpath(os.path.join(source, package, name), self.root)
                reserved.add(self.build_config.get_distribution_path(rel.replace(os.sep, "/")))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()


@hookimpl
def hatch_register_build_hook() -> type[BotoloomBuildHook]:
    return BotoloomBuildHook
