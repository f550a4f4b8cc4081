"""The mypy pragma at the top of every generated module, and its removal for full checks.

Each generated module starts with `# mypy: ignore-errors`. A user's mypy then reads the
package the way it reads an installed one (boto3-stubs in site-packages): signatures and
types count, but the bodies of the wrappers and the overlap of overloads are not checked
again on every cold run (a script over s3, ec2, dynamodb and sqs checks about a fifth
faster). botoloom checks its own output in full: the tests, `make typecheck` and
`make typecheck-all` run mypy --strict over a copy without the pragma (`python -m
generator.pragma DIR`). pyright does not read the pragma.
"""

from __future__ import annotations

import sys
from pathlib import Path

PRAGMA = "# mypy: ignore-errors"


def strip(root: Path) -> int:
    """Remove the pragma line from every module under `root`; the number of files changed."""
    changed = 0
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if text.startswith(PRAGMA + "\n"):
            path.write_text(text[len(PRAGMA) + 1 :], encoding="utf-8")
            changed += 1
    return changed


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m generator.pragma DIR  (removes the mypy pragma from DIR's modules)", file=sys.stderr)
        return 2
    print(f"pragma removed from {strip(Path(argv[0]))} modules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
