"""The committed generated package on every Python 3.10-3.13 this machine has.

For each interpreter (pyenv's ~/.pyenv/versions/3.1X.*, else python3.1X on PATH) a
virtual env is made once and cached under the repository (.venv-py/3.1X, git-ignored;
rebuilt when constraints.txt changes) with boto3 at the pinned version, typing_extensions
and pydantic.  In it, every reference service's modules are imported from generated/,
`PutObjectRequestTypeDef.__required_keys__` is exactly {"Bucket", "Key"} (Python 3.10's
typing.TypedDict ignores NotRequired), `typing.get_type_hints` resolves every request
TypedDict of s3, and pydantic's TypeAdapter over request TypedDicts (flat and nested)
validates good input and rejects bad input (pydantic refuses typing.TypedDict below 3.12).

Marked `compat`: `make test` leaves it out (four virtual envs); `make world` and the CI
stage (tools/world.sh) run it.  An interpreter the machine does not have is skipped,
named in the skip reason.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..helpers import BIN, GENERATED, REFERENCE, REPO

pytestmark = pytest.mark.compat

VERSIONS = ("3.10", "3.11", "3.12", "3.13")
PACKAGES = ("boto3", "typing_extensions", "pydantic")  # versions from constraints.txt
CACHE = REPO / ".venv-py"


def find_python(version: str) -> str | None:
    """The newest pyenv interpreter of `version`, else python<version> on PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = sorted(
        glob.glob(str(root / f"{version}.*" / "bin" / "python")),
        key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parts[-3].split(".")],
    )
    return found[-1] if found else shutil.which(f"python{version}")


def _pins() -> list[str]:
    wanted = {p.lower().replace("_", "-") for p in PACKAGES}
    pins = []
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        name = line.split("==")[0].strip().lower().replace("_", "-")
        if "==" in line and name in wanted:
            pins.append(line.strip())
    assert len(pins) == len(PACKAGES), f"constraints.txt pins {pins}, wanted {PACKAGES}"
    return pins


def _locked_venv(version: str, python: str) -> Path:
    """CACHE/<version>, created (under a lock: xdist workers) when missing or stale."""
    import fcntl

    CACHE.mkdir(exist_ok=True)
    venv = CACHE / version
    pins = _pins()
    stamp_text = json.dumps({"python": python, "pins": pins})
    stamp = venv / ".botoloom-stamp"
    with open(CACHE / f"{version}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.is_file() and stamp.read_text() == stamp_text:
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        uv = BIN / "uv"  # a dev dependency: seconds where pip takes a minute per env
        if uv.is_file():
            made = [str(uv), "venv", "--quiet", "--python", python, str(venv)]
            install = [str(uv), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), *pins]
        else:
            made = [python, "-m", "venv", str(venv)]
            install = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                       "--disable-pip-version-check", *pins]  # fmt: skip
        subprocess.run(made, check=True, capture_output=True)
        result = subprocess.run(install, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        stamp.write_text(stamp_text)
    return venv


CHECK = r"""
import importlib, json, pkgutil, sys, typing
import aws_typed
report = {"python": sys.version.split()[0], "modules": 0, "problems": []}
services = sys.argv[1].split(",")
for service in services:
    package = importlib.import_module(f"aws_typed.{service}")
    names = [m.name for m in pkgutil.iter_modules(package.__path__)]
    for name in names:
        importlib.import_module(f"aws_typed.{service}.{name}")
        report["modules"] += 1
    for name in getattr(package, "__all__", []):
        getattr(package, name)  # the lazy service resource too

from aws_typed.s3 import type_defs as s3
required = set(s3.PutObjectRequestTypeDef.__required_keys__)
if required != {"Bucket", "Key"}:
    report["problems"].append(f"PutObjectRequestTypeDef.__required_keys__ is {sorted(required)}")
for name in dir(s3):
    if name.endswith("RequestTypeDef"):
        typing.get_type_hints(getattr(s3, name))

import pydantic
from aws_typed.sqs import type_defs as sqs
cases = [
    (s3.ListObjectsV2RequestTypeDef, {"Bucket": "b", "MaxKeys": 10, "EncodingType": "url"},
     [{"MaxKeys": 10}, {"Bucket": "b", "MaxKeys": "ten"}, {"Bucket": "b", "EncodingType": "gzip"}]),
    (sqs.ReceiveMessageRequestTypeDef, {"QueueUrl": "u", "MaxNumberOfMessages": 5, "MessageAttributeNames": ["a"]},
     [{"MaxNumberOfMessages": 5}, {"QueueUrl": "u", "WaitTimeSeconds": "soon"}]),
    (s3.DeleteObjectsRequestTypeDef, {"Bucket": "b", "Delete": {"Objects": [{"Key": "k"}], "Quiet": True}},
     [{"Bucket": "b"}, {"Bucket": "b", "Delete": {"Objects": [{"VersionId": "v"}]}}]),
]
# Not here: TypedDicts with blob members (bytes | bytearray | IO[bytes]: PutObject's Body,
# SendMessage's BinaryValue); pydantic has no schema for bytearray/IO without
# arbitrary_types_allowed, which a TypeAdapter cannot set on a TypedDict.
for typed_dict, good, bads in cases:
    try:
        adapter = pydantic.TypeAdapter(typed_dict)
        checked = adapter.validate_python(good)
    except Exception as exc:
        report["problems"].append(f"{typed_dict.__name__}: {type(exc).__name__}: {exc}"[:600])
        continue
    if checked != good:
        report["problems"].append(f"{typed_dict.__name__}: validated {good!r} as {checked!r}")
    for bad in bads:
        try:
            adapter.validate_python(bad)
        except pydantic.ValidationError:
            continue
        report["problems"].append(f"{typed_dict.__name__}: accepted {bad!r}")
print(json.dumps(report))
"""


@pytest.mark.parametrize("version", VERSIONS)
def test_generated_package_on_python(version: str) -> None:
    python = find_python(version)
    if python is None:
        pytest.skip(f"no Python {version} on this machine (pyenv or PATH)")
    venv = _locked_venv(version, python)
    services = ",".join(sorted(p.name for p in (GENERATED / "aws_typed").iterdir()
                               if (p / "__init__.py").is_file() and not p.name.startswith("_")))  # fmt: skip
    assert len(services.split(",")) == len(REFERENCE)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = str(GENERATED)
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-c", CHECK, services],
        capture_output=True, text=True, env=env, cwd=str(CACHE), timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, f"Python {version} ({python}):\n{result.stderr[-6000:]}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["python"].startswith(version + "."), report
    assert report["modules"] >= 6 * len(REFERENCE), report
    assert report["problems"] == [], f"Python {report['python']}:\n" + "\n".join(report["problems"])


def test_every_version_is_tried() -> None:
    """The matrix is 3.10-3.13 (the generated package's claim); this lists what is found."""
    found = {v: find_python(v) for v in VERSIONS}
    print(json.dumps(found))
    assert any(found.values()), "no Python 3.10-3.13 at all"


def test_cache_key_changes_with_the_pins() -> None:
    digest = hashlib.sha256(" ".join(_pins()).encode()).hexdigest()
    assert digest  # _pins() found boto3, typing_extensions and pydantic in constraints.txt
