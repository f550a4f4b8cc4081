"""`botoloom migrate`: move boto3 / boto3-stubs code over to the generated package (libcst).

cli.py        arguments, files, output, exit status
transform.py  the codemod: one libcst transformer, then libcst's import visitors
calls.py      boto3.client/resource and Session calls -> the package's factories (sessions traced
              through `x or boto3.Session()` and parameters annotated `Session | None`)
attributes.py sessions held in `self.<attribute>`, traced for calls.py
pinned.py     boto3-stubs names annotating a value not traced to a boto3 object: kept, reported
library.py    --library: public signatures keep taking boto3-stubs' classes (widened)
arguments.py  editing argument lists (positional -> keyword) keeping comments
bindings.py   pre-pass: session assignments, boto3 imports, names already taken
stubs.py      mypy_boto3_<svc> / types_boto3_<svc> imports -> the package's modules (and
              botocore.exceptions' ClientError, boto3.dynamodb.conditions)
imports.py    where the package's imports go: ruff's isort order, lazy imports kept lazy
package.py    the generated package: its services and the names of its modules
pyproject.py  --write-config: [tool.botoloom] services, the rest byte-identical
files.py      which files (never through a link), and botoloom's own leftover temp files
safeio.py     reading and replacing a file: regular, bounded, no link, no lost edit, owner kept
report.py     places left as they are, per-file results
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    """`botoloom migrate ARGS...` (argv without "migrate"); returns the exit status."""
    try:
        import libcst  # noqa: F401
    except ImportError:
        import sys

        print("botoloom: error: botoloom migrate needs libcst: pip install libcst", file=sys.stderr)
        return 2
    from .cli import main as run

    return run(argv)


__all__ = ["main"]
