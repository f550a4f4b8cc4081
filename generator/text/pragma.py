"""The mypy pragma at the top of every generated module, and its removal for full checks.

Each generated module starts with `# mypy: ignore-errors`. A user's mypy then reads the
package the way it reads an installed one (boto3-stubs in site-packages): signatures and
types count, but the bodies of the wrappers and the overlap of overloads are not checked
again on every cold run (a script over s3, ec2, dynamodb and sqs checks about a fifth
faster). botoloom checks its own output in full: the tests, `make typecheck` and
`make typecheck-all` run mypy --strict over a copy without the pragma (`python -m
generator.text.pragma DIR`). pyright does not read the pragma.

The heavy modules come as .pyi stubs (the typed classes, with docstrings, no bodies) beside
.py run-time shims; checkers prefer a stub to its module, so a check of the shims themselves
runs on a copy without the stubs (`--no-stubs`), and the stubs are checked on their own
(make typecheck does both).
"""

from __future__ import annotations

import sys
from pathlib import Path

PRAGMA = "# mypy: ignore-errors"


def strip(root: Path) -> int:
    """Remove the pragma line from every module and stub under `root`; the number of files
    changed."""
    changed = 0
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.pyi")]):
        text = path.read_text(encoding="utf-8")
        if text.startswith(PRAGMA + "\n"):
            path.write_text(text[len(PRAGMA) + 1 :], encoding="utf-8")
            changed += 1
    return changed


def drop_stubs(root: Path) -> int:
    """Delete the .pyi stubs under `root` (a copy): checkers then read, and check, the .py
    modules themselves; the number of stubs deleted."""
    stubs = sorted(root.rglob("*.pyi"))
    for path in stubs:
        path.unlink()
    return len(stubs)


def main(argv: list[str]) -> int:
    no_stubs = "--no-stubs" in argv
    argv = [a for a in argv if a != "--no-stubs"]
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(
            "usage: python -m generator.text.pragma [--no-stubs] DIR  (removes the mypy pragma from DIR's "
            "modules; --no-stubs also deletes the .pyi stubs, so that the .py modules are checked)",
            file=sys.stderr,
        )
        return 2
    print(f"pragma removed from {strip(Path(argv[0]))} modules")
    if no_stubs:
        print(f"{drop_stubs(Path(argv[0]))} stubs deleted")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
