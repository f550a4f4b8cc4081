"""--all generates every service botocore lists; every package compiles and imports."""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path

import botocore.session

from .helpers import botoloom


def test_all_services_generate_compile_and_import(tmp_path: Path) -> None:
    out = tmp_path / "all"
    result = botoloom("--all", "--output", str(out))
    assert result.returncode == 0, result.stderr[-5000:]
    package = out / "aws_typed"
    expected = botocore.session.get_session().get_available_services()
    from generator.naming import module_name

    for name in expected:
        assert (package / module_name(name) / "client.py").is_file(), name
    assert compileall.compile_dir(str(package), quiet=2, workers=1)
    script = (
        "import importlib, pkgutil, sys\n"
        "import aws_typed\n"
        "mods = [m.name for m in pkgutil.iter_modules(aws_typed.__path__) if m.ispkg]\n"
        "for m in mods:\n"
        "    for sub in ('', '.client', '.type_defs', '.literals', '.exceptions'):\n"
        "        importlib.import_module('aws_typed.' + m + sub)\n"
        "print(len(mods))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-5000:]
    assert int(run.stdout.strip()) == len(expected)
