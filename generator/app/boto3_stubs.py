"""`botoloom install --stubs` / `build --stubs`: a PEP 561 stub-only distribution for boto3.

`<package>-boto3-stubs` holds `boto3-stubs/` (py.typed says `partial`: a boto3 module not
here is read from boto3 itself, as without the stubs).  It declares no type of its own: the
overloads of `client()`, `resource()` and `Session` are copied, as syntax, from the generated
package's drop-in entry module (`<package>/boto3.py`) and return the typed classes of that
package, so `boto3.client("s3")` IS an `S3Client` for the checker.  One overload is added
last: a service of the environment's botocore that was not generated gives `Any` (boto3's
untyped object, as without the stubs); any other name stays an error, as boto3 raises
UnknownServiceError for it.  `boto3.dynamodb.conditions` re-exports the package's own, and
`boto3.resources.base` names the package's resource base and meta (ServiceResource,
ResourceMeta: every typed resource is a ServiceResource, as at run time).

Beside it, `botocore-stubs/` and, for a package generated with --aio, `aiobotocore-stubs/`
(library_stubs.py): `botocore.exceptions.ClientError` is the package's typed ClientError, and
`get_session().create_client("s3")` the package's aio client context.

Another distribution that owns `boto3-stubs/` (boto3-stubs, types-boto3) is refused: two
stub packages for one module do not merge, the checker would pick one by path order, and
pip would let the second overwrite the first's files.  One that owns `botocore-stubs/`
(botocore-stubs) or `aiobotocore-stubs/` (types-aiobotocore) keeps that library: the part is
left out (`needed()` records which parts go in the fingerprint), install says so, and
uninstalling it and rerunning puts botoloom's in.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import UserError
from . import wheel

TOP = "boto3-stubs"
PARTS = ("boto3-stubs", "botocore-stubs", "aiobotocore-stubs")  # boto3's is never left out
RIVALS = ("boto3-stubs", "boto3-stubs-lite", "types-boto3", "types-boto3-lite")

# Runs in the target interpreter: our stubs' fingerprint and who owns boto3-stubs/ or botocore-stubs/.
PROBE = """
import json, re, sys
import importlib.metadata as md
norm = lambda n: re.sub(r"[-_.]+", "-", n or "").lower()
mine, owners, fingerprint = norm(sys.argv[1]), {}, None
for dist in md.distributions():
    name = dist.metadata["Name"] or ""
    if norm(name) == mine:
        fingerprint = dist.read_text(sys.argv[2])
        continue
    tops = {f.parts[0] for f in (dist.files or ()) if f.parts}
    for top in ("boto3-stubs", "botocore-stubs", "aiobotocore-stubs"):
        if top in tops or (top == "boto3-stubs" and norm(name) in sys.argv[3:]):
            owners.setdefault(top, []).append(name + " " + (dist.version or "?"))
print(json.dumps({"fingerprint": fingerprint, "owners": owners}))
"""


def dist_name(package: str) -> str:
    return f"{package}-boto3-stubs"


def wanted(main: wheel.Distribution) -> wheel.Distribution:
    """The stubs distribution beside `main`: same version, the same fingerprint marked as stubs."""
    return wheel.Distribution(dist_name(main.name), main.version, main.botocore, {**main.fingerprint, "stubs": "boto3"})


def needed(python: str, stubs: wheel.Distribution) -> bool:
    """Refuse a rival boto3 stub distribution in the environment of `python`; say who keeps
    botocore / aiobotocore (their parts are then left out: `stubs.fingerprint["parts"]`);
    False when `stubs` is installed there as it would be installed."""
    command = [python, "-I", "-c", PROBE, stubs.name, "extra_metadata/" + wheel.FINGERPRINT_NAME, *RIVALS]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    try:
        found = json.loads(result.stdout.strip().splitlines()[-1])
        owners, text = dict(found["owners"]), found["fingerprint"]
    except (ValueError, IndexError, KeyError, TypeError):
        raise UserError(f"--python {python}: cannot list its installed distributions") from None
    if owners.get(TOP):
        rival = ", ".join(map(str, owners[TOP]))
        raise UserError(
            f"{rival} already types boto3 in {python}'s environment and two stub packages for boto3 do not merge: "
            f"pip uninstall it to use botoloom's boto3 stubs, or drop --stubs to keep it"
        )
    for top in PARTS[1:]:
        if owners.get(top):
            library = top.removesuffix("-stubs")
            print(
                f"botoloom: note: {', '.join(map(str, owners[top]))} keeps typing {library}'s modules "
                f"(pip uninstall it and rerun for botoloom's {library} stubs)"
            )
    stubs.fingerprint["parts"] = [top for top in PARTS if not owners.get(top)]
    try:
        return not isinstance(text, str) or json.loads(text) != stubs.fingerprint
    except ValueError:
        return True


def check(python: str, stubs: wheel.Distribution) -> int:
    """`install --stubs --check`, once the package itself is current: 0, or 1 and why."""
    if needed(python, stubs):
        print(f"botoloom: {stubs.name} is not installed as botoloom install --stubs would install it", file=sys.stderr)
        return 1
    return 0


def build(root: Path, stubs: wheel.Distribution, directory: Path) -> Path:
    """The stubs wheel for the generated package at `root` into `directory`; its path."""
    from hatchling.builders.wheel import WheelBuilder
    from hatchling.plugin.manager import PluginManager

    data = stubs.fingerprint.get("data", [])
    parts = stubs.fingerprint.get("parts", PARTS)
    files = stub_files(Path(root), [str(d) for d in data] if isinstance(data, list) else [], parts)
    with tempfile.TemporaryDirectory(prefix="botoloom-stubs-") as tmp:
        base = Path(tmp)
        for rel, text in files.items():
            (base / rel).parent.mkdir(parents=True, exist_ok=True)
            (base / rel).write_text(text, encoding="utf-8")
        fingerprint = base / wheel.FINGERPRINT_NAME
        fingerprint.write_text(json.dumps(stubs.fingerprint, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        config = _project(stubs, Path(root).name, {rel: str(base / rel) for rel in files}, fingerprint)
        directory.mkdir(parents=True, exist_ok=True)
        try:
            (made,) = WheelBuilder(tmp, PluginManager(), config=config).build(
                directory=str(directory), versions=["standard"]
            )
        except (OSError, ValueError, TypeError) as exc:
            raise UserError(f"cannot build the boto3 stubs wheel of {root}: {exc}") from None
    return Path(made)


def _project(stubs: wheel.Distribution, package: str, files: dict[str, str], fingerprint: Path) -> dict[str, Any]:
    metadata = {
        "name": stubs.name,
        "version": stubs.version,
        "description": f"Types for unchanged boto3 code: boto3's objects as {package}'s typed classes",
        "requires-python": ">=3.10",
        "dependencies": [f"{package}=={stubs.version}", "boto3"],
    }
    return wheel.hatch_project(metadata, dict(sorted((path, rel) for rel, path in files.items())), fingerprint)


def stub_files(root: Path, data: Sequence[str], parts: Sequence[str] = PARTS) -> dict[str, str]:
    """Path (boto3-stubs/..., botocore-stubs/..., aiobotocore-stubs/...) -> text, from the
    generated package at `root` and the botocore/boto3 data directories `data` (the services
    that were not generated; botocore's source beside its data), for the `parts` wanted."""
    from . import library_stubs

    files = {f"{TOP}/{rel}": text for rel, text in _boto3_files(root, data).items()}
    source = library_stubs.botocore_dir(data)
    if "botocore-stubs" in parts and source is not None:
        files.update({f"botocore-stubs/{rel}": t for rel, t in library_stubs.botocore_files(source, root.name).items()})
    if "aiobotocore-stubs" in parts:
        aio = library_stubs.aiobotocore_files(root, root.name, _services(data, "service-2.json"))
        files.update({f"aiobotocore-stubs/{rel}": text for rel, text in aio.items()})
    return files


def _boto3_files(root: Path, data: Sequence[str]) -> dict[str, str]:
    from .boto3_stubs_text import conditions, init, resources_base, session

    entry = root / "boto3.py"
    try:
        tree = ast.parse(entry.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError) as exc:
        raise UserError(f"{entry}: cannot read the generated entry module ({exc})") from None
    files = {
        "py.typed": "partial\n",
        "__init__.pyi": init(tree, root.name, _services(data, "service-2.json")),
        "session.pyi": session(tree, root.name, _services(data, "service-2.json"), _services(data, "resources-1.json")),
        "resources/__init__.pyi": "",
        "resources/base.pyi": resources_base(root.name),
    }
    cond = root / "dynamodb" / "conditions.py"
    if cond.is_file():
        files["dynamodb/__init__.pyi"] = ""
        files["dynamodb/conditions.pyi"] = conditions(cond, root.name)
    return files


def _services(data: Sequence[str], definition: str) -> list[str]:
    """Service names with a `definition` file in any of the data directories."""
    names = set()
    for base in data:
        if not os.path.isdir(base):
            continue
        for name in os.listdir(base):
            folder = os.path.join(base, name)
            if os.path.isdir(folder) and any(
                os.path.isfile(os.path.join(folder, v, definition))
                or os.path.isfile(os.path.join(folder, v, f"{definition}.gz"))
                for v in os.listdir(folder)
                if os.path.isdir(os.path.join(folder, v))
            ):
                names.add(name)
    return sorted(names)
