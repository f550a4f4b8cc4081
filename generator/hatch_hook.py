"""A hatchling build hook: generate the typed package while a user project's wheel is built.

In the user's pyproject.toml:

    [build-system]
    requires = ["hatchling", "botoloom @ git+<botoloom repository URL>@<commit>"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.botoloom]
    services = ["s3", "dynamodb"]     # or "all"; default: [tool.botoloom] services
    package = "aws_typed"             # default: [tool.botoloom] package, else aws_typed

The generated package is added to the wheel under its import name.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from . import config
from .cli import main
from .fsguard import LOCK
from .incremental import CACHE


class BotoloomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "botoloom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        settings = config.load(Path(self.root))
        services = self.config.get("services") or ("all" if settings.all else list(settings.services))
        package = str(self.config.get("package") or settings.package or "aws_typed")
        if not services:
            raise RuntimeError("botoloom build hook: set services in [tool.hatch.build.hooks.botoloom] or [tool.botoloom]")
        self._tmp = tempfile.TemporaryDirectory(prefix="botoloom-build-")
        out = Path(self._tmp.name)
        selection = ["--all"] if services == "all" else ["--services", *services]
        outputs = ["--outputs", settings.outputs] if settings.outputs else []
        outputs += ["--aio"] * settings.aio
        code = main([*selection, "--output", str(out), "--package", package, *outputs, "--quiet"])
        if code != 0:
            raise RuntimeError(f"botoloom build hook: generation failed (exit {code})")
        for path in sorted((out / package).rglob("*")):
            if path.is_file() and path.name not in (CACHE, LOCK) and "__pycache__" not in path.parts:
                build_data["force_include"][str(path)] = f"{package}/{path.relative_to(out / package).as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()


@hookimpl
def hatch_register_build_hook() -> type[BotoloomBuildHook]:
    return BotoloomBuildHook
