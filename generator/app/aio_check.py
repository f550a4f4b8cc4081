"""--aio: does the installed aiobotocore support the botocore the aio modules are generated from?

aiobotocore pins botocore tightly (3.10.0: >=1.43.115,<1.43.118), and installing one or the
other can move the pair apart without a word from pip's resolver in a later install. The
aio modules are generated from the installed botocore; when aiobotocore's own requirement
(its distribution metadata, read with importlib.metadata and packaging) excludes that
botocore, the run says so in one line.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, distribution
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packaging.requirements import Requirement


def mismatch(botocore: str) -> str | None:
    """The warning when the installed aiobotocore's botocore requirement excludes `botocore`;
    None when it includes it, when aiobotocore is not installed, or when its metadata
    cannot be read (packaging missing, no botocore requirement)."""
    try:
        dist = distribution("aiobotocore")
        from packaging.requirements import InvalidRequirement, Requirement
        from packaging.utils import canonicalize_name
    except (PackageNotFoundError, ImportError):
        return None
    for line in dist.requires or []:
        try:
            requirement = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(requirement.name) != "botocore" or not _applies(requirement):
            continue
        if requirement.specifier.contains(botocore, prereleases=True):
            return None
        bounds = sorted(requirement.specifier, key=lambda s: (not s.operator.startswith(">"), str(s)))
        wanted = ",".join(str(s) for s in bounds)  # lower bound first: >=1.43.115,<1.43.118
        return (
            f"aiobotocore {dist.version} (installed) supports botocore {wanted}, but the aio modules are generated "
            f"from botocore {botocore}: install a botocore it supports (pip install 'botocore{wanted}') and "
            f"regenerate, or an aiobotocore release that supports botocore {botocore}"
        )
    return None


def _applies(requirement: Requirement) -> bool:
    """Is the requirement unconditional here (no marker, or one true without extras)?"""
    return requirement.marker is None or requirement.marker.evaluate({"extra": ""})
