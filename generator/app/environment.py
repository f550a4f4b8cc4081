"""The environment `botoloom install` targets: which Python, and what is installed in it.

One subprocess of the target interpreter (`-I`: no PYTHON* variables, no user site, no
current directory on the path) answers everything at once: its prefix and version, where
its botocore and boto3 keep their data directories and which versions they are, whether it
has pip, and what botoloom installed there before (the distribution's version and the
fingerprint recorded in it).  Nothing of botocore is imported there: the definitions are
read by botoloom's own Loader over exactly those directories (source.load.Data).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError

if TYPE_CHECKING:  # source.load imports boto3: a no-op install never needs it
    from ..source.load import Data

FINGERPRINT = "extra_metadata/botoloom.json"  # in the installed distribution's .dist-info

# Runs in the target interpreter (any Python 3): prints one JSON object.  argv: the
# distribution name and the import name of the package.
PROBE = """
import json, os, sys
import importlib.util
try:
    import importlib.metadata as md
except ImportError:
    md = None

def version(dist):
    try:
        return md.version(dist)
    except Exception:
        return None

def data(name):
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    return {"data": os.path.join(list(spec.submodule_search_locations)[0], "data"), "version": version(name)}

def installed(dist):
    try:
        found = md.distribution(dist)
    except Exception:
        return None
    return {"version": found.version, "fingerprint": found.read_text(sys.argv[3])}

def module(name):
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        return None
    if spec is None:
        return None
    return spec.origin or ", ".join(spec.submodule_search_locations or [])

print(json.dumps({
    "executable": sys.executable,
    "prefix": sys.prefix,
    "python": list(sys.version_info[:2]),
    "botocore": data("botocore"),
    "boto3": data("boto3"),
    "pip": importlib.util.find_spec("pip") is not None,
    "typing_extensions": importlib.util.find_spec("typing_extensions") is not None,
    "installed": installed(sys.argv[1]) if md else None,
    "module": module(sys.argv[2]),
}))
"""


@dataclass(frozen=True)
class Target:
    """What the probe found in the target environment."""

    python: str  # the interpreter botoloom runs pip with
    prefix: str
    version: tuple[int, int]
    paths: tuple[str, ...]  # its botocore's and boto3's data directories
    botocore_version: str
    boto3_version: str
    has_pip: bool
    installed_version: str | None  # the distribution botoloom installed there, if any
    installed_fingerprint: dict[str, Any] | None
    module: str | None  # where `import <package>` resolves there, if anywhere

    @property
    def data(self) -> Data:
        """Its definitions, for the pipeline (source.load.Source reads exactly these)."""
        from ..source.load import Data

        return Data(self.paths, self.botocore_version, self.boto3_version)


def default_python() -> str:
    """The active virtual environment's interpreter ($VIRTUAL_ENV), else the one botoloom runs in."""
    env = os.environ.get("VIRTUAL_ENV")
    if env:
        for candidate in (Path(env) / "bin" / "python", Path(env) / "Scripts" / "python.exe"):
            if candidate.is_file():
                return str(candidate)
    return sys.executable


def probe(python: str | None, dist: str, package: str) -> Target:
    """Ask `python` (default: default_python()) about itself; UserError when it is not a
    usable Python 3.10+ with botocore and boto3."""
    python = python or default_python()
    where = f"--python {python}"
    if not Path(python).exists():
        raise UserError(f"{where}: no such file")
    if Path(python).is_dir() or not os.access(python, os.X_OK):
        raise UserError(f"{where}: not an executable Python interpreter")
    try:
        result = subprocess.run(
            [python, "-I", "-c", PROBE, dist, package, FINGERPRINT],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        raise UserError(f"{where}: cannot run it as Python ({type(exc).__name__}: {exc})") from None
    found = _answer(result.stdout) if result.returncode == 0 else None
    if found is None:
        raise UserError(f"{where}: not a Python 3 interpreter (it did not answer botoloom's question)")
    return _target(found, where)


def _answer(stdout: str) -> dict[str, Any] | None:
    lines = stdout.strip().splitlines()
    try:
        found = json.loads(lines[-1]) if lines else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _target(found: dict[str, Any], where: str) -> Target:
    try:
        version = (int(found["python"][0]), int(found["python"][1]))
        botocore, boto3 = found["botocore"], found["boto3"]
        executable, prefix = str(found["executable"]), str(found["prefix"])
    except (KeyError, TypeError, ValueError, IndexError):
        raise UserError(f"{where}: not a Python 3 interpreter (it did not answer botoloom's question)") from None
    if version < (3, 10):
        raise UserError(
            f"{where} is Python {version[0]}.{version[1]}; the generated package needs Python 3.10 or newer"
        )
    for name, lib in (("botocore", botocore), ("boto3", boto3)):
        if not isinstance(lib, dict) or not isinstance(lib.get("version"), str):
            raise UserError(f"{where} has no {name}: install it there first ({executable} -m pip install boto3)")
    if not os.path.isdir(str(botocore.get("data"))):
        raise UserError(f"{where}: its botocore {botocore['version']} has no data directory ({botocore.get('data')})")
    if version < (3, 11) and not found.get("typing_extensions"):
        raise UserError(f"{where} has no typing_extensions, which the generated package needs on Python 3.10")
    installed = found.get("installed")
    fingerprint = _fingerprint(installed.get("fingerprint")) if isinstance(installed, dict) else None
    return Target(
        python=executable,
        prefix=prefix,
        version=version,
        paths=(str(botocore["data"]), str(boto3["data"])),
        botocore_version=botocore["version"],
        boto3_version=boto3["version"],
        has_pip=bool(found.get("pip")),
        installed_version=str(installed["version"]) if isinstance(installed, dict) else None,
        installed_fingerprint=fingerprint,
        module=found["module"] if isinstance(found.get("module"), str) else None,
    )


def _fingerprint(text: object) -> dict[str, Any] | None:
    """The recorded fingerprint (untrusted: any other shape counts as none)."""
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
