"""Which TypedDict keys boto3-stubs requires that a botoloom package leaves NotRequired.

    python tools/present_parity.py SITE_PACKAGES GENERATED SERVICE...

SITE_PACKAGES holds boto3-stubs' mypy_boto3_<service> packages (pip install
'boto3-stubs[ec2,sqs]' into a throwaway virtual env); GENERATED is the --output directory of
`botoloom --services ... --outputs present`.  TypedDicts of the same name are compared
key by key; the README's "Outputs: sound or present" quotes the result.  Exit status 1 when
any key differs.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def required_keys(path: Path) -> dict[str, dict[str, bool]]:
    """TypedDict name -> key -> required, from a .pyi of class-syntax TypedDicts."""
    found: dict[str, dict[str, bool]] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        if not any(isinstance(base, ast.Name) and base.id == "TypedDict" for base in node.bases):
            continue
        keys = {}
        for item in node.body:
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                keys[item.target.id] = not ast.unparse(item.annotation).startswith("NotRequired[")
        found[node.name] = keys
    return found


def compare(site: Path, generated: Path, service: str) -> tuple[int, list[str]]:
    """(TypedDicts compared, "Name.Key" required in boto3-stubs and NotRequired here)."""
    theirs = required_keys(site / f"mypy_boto3_{service}" / "type_defs.pyi")
    module = f"{service}_" if service in ("lambda",) else service
    ours: dict[str, dict[str, bool]] = {}
    for stub in ("type_defs.pyi", "resource_type_defs.pyi"):  # a resource service splits its TypedDicts in two
        path = generated / "aws_typed" / module / stub
        ours |= required_keys(path) if path.exists() else {}
    common = sorted(set(theirs) & set(ours))
    differ = [
        f"{name}.{key}"
        for name in common
        for key in sorted(set(theirs[name]) & set(ours[name]))
        if theirs[name][key] and not ours[name][key]
    ]
    return len(common), differ


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site, generated, services = Path(argv[0]), Path(argv[1]), argv[2:]
    status = 0
    for service in services:
        count, differ = compare(site, generated, service)
        print(
            f"{service}: {count} TypedDicts of the same name; required in boto3-stubs, NotRequired here: {len(differ)}"
        )
        for key in differ:
            print(f"    {key}")
        status = status or int(bool(differ))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
