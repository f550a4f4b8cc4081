"""Test seams: named points of a run where the robustness tests make a crash, a pause or
an OS error happen deterministically (no sleeping and hoping).

Set BOTOLOOM_TEST_SEAM to one or more ";"-separated `point=action` entries:

- `point=kill`: the process ends at once (os._exit(137)), as if killed with SIGKILL.
- `point=wait:PATH`: touch PATH.reached, then wait until PATH exists (a slow run; after
  10 minutes the process ends with exit 124).
- `point=oserror:ENOSPC` (any errno name): raise that OSError there, naming the path.

Points: `locked` (the lock is held), `staged` (every temp file written), `pending`
(the pending manifest is in place), `commit:REL` (before REL is renamed into place),
`temp:REL` (half of REL's temp file written), `removed` (stale files removed).
Unset (always, outside the tests), a point costs one dictionary lookup.

Points of `botoloom migrate` (PATH as printed): `migrate-read` (every file read and parsed,
nothing written yet), `migrate-replace:PATH` (before anything is written for PATH),
`migrate-temp:PATH` (PATH's temp file written in full, before the check and the rename).
"""

from __future__ import annotations

import errno
import os
import time
from functools import lru_cache
from pathlib import Path

VARIABLE = "BOTOLOOM_TEST_SEAM"


@lru_cache(maxsize=1)
def _table(spec: str) -> dict[str, str]:
    table = {}
    for entry in filter(None, spec.split(";")):
        point, _, action = entry.partition("=")
        table[point] = action
    return table


def reach(point: str, path: Path | str = "") -> None:
    spec = os.environ.get(VARIABLE)
    if not spec:
        return
    action = _table(spec).get(point)
    if action is None:
        return
    kind, _, arg = action.partition(":")
    if kind == "kill":
        os._exit(137)
    if kind == "wait":
        Path(arg + ".reached").touch()
        deadline = time.monotonic() + 600  # a test that died never leaves a run waiting for ever
        while not os.path.exists(arg):
            if time.monotonic() > deadline:
                os._exit(124)
            time.sleep(0.01)
    elif kind == "oserror":
        code = getattr(errno, arg)
        raise OSError(code, os.strerror(code), str(path))
