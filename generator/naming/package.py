"""The generated package's own name: the one rule for `--package` (generate, install/build,
migrate, the hatch hook) and what it means on disk.

A package name is a dotted Python module path: `aws_typed`, or `mylib._aws` to put the package
inside the user's own package `mylib`. Each part is an identifier that Python imports under
that very spelling (NFKC-normalised: Python normalises identifiers, so `ﬁle` would import as
`file`, which is another directory), not a keyword, and not a dunder such as `__init__`.
"""

from __future__ import annotations

import keyword
import unicodedata

__all__ = ["directory", "package_parts", "parent_parts"]


def package_parts(name: object) -> tuple[str, ...] | None:
    """`("mylib", "_aws")` for "mylib._aws"; None when `name` is not a valid package name."""
    if not isinstance(name, str) or not name:
        return None
    parts = tuple(name.split("."))
    if all(_valid_part(part) for part in parts):
        return parts
    return None


def parent_parts(name: str) -> tuple[str, ...]:
    """The packages `name` lives in: ("mylib",) for "mylib._aws", () for a top-level name."""
    return tuple(name.split("."))[:-1]


def directory(name: str) -> str:
    """The package's directory relative to the output directory: "mylib/_aws"."""
    return "/".join(name.split("."))


def _valid_part(part: str) -> bool:
    return (
        part.isidentifier()
        and not keyword.iskeyword(part)
        and unicodedata.normalize("NFKC", part) == part
        and not (part.startswith("__") and part.endswith("__"))
    )
