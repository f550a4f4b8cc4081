"""One import set per generated module: it collects what the emitted expressions and names
need (pyexpr.Needs, never read back from rendered text) and renders the import blocks.

A module has at most two blocks: what runs at import time, and what only the type checker
reads (`if TYPE_CHECKING:`; `checking=False` puts annotation needs at the top level, as in
type_defs.py, which has no such block).  Within a block: `import x` lines, then
`from m import ...` lines; the standard library before the package's own (relative)
modules, each part sorted by module unless the caller gives the order of the relative
ones; names sorted.  `typing.Unpack` is imported with its typing_extensions fallback
(Python < 3.11), which needs `import sys` at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..text.layout import import_from
from .pyexpr import Need, Needs

Locate = Callable[[str, str], "str | None"]  # (module, name) -> the module to import it from, None: defined here
UNPACK: Need = ("typing", "Unpack")
UNPACK_BLOCK = """    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:  # pragma: no cover
        from typing_extensions import Unpack"""


def _same(module: str, name: str) -> str | None:
    return module


class ImportSet:
    """The imports of one generated module.

    own: the module's own spelling (".type_defs"): its names need no import.
    at_runtime: needs that go in the run-time block even when only annotations use them.
    locate: where a need is imported from in this module (aio: `_aio`'s protocols)."""

    def __init__(
        self,
        own: str | None = None,
        *,
        checking: bool = True,
        at_runtime: Iterable[Need] = (),
        locate: Locate = _same,
    ) -> None:
        self._own = own
        self._checking = checking
        self._at_runtime = frozenset(at_runtime)
        self._locate = locate
        self._froms: dict[bool, dict[str, set[str]]] = {True: {}, False: {}}  # runtime? -> module -> names
        self._modules: dict[bool, set[str]] = {True: set(), False: set()}  # `import x [as y]`

    # ---- collecting -------------------------------------------------------------------
    def need(self, needs: Needs, *, stub: bool = False) -> ImportSet:
        """`needs`; for a .pyi stub (`stub`) without what only method bodies call."""
        for module, name in needs.types:
            self.add(module, name)
        for module, name in needs.code:
            self.add(module, name, runtime=True)
        for module, name in () if stub else needs.calls:
            self.add(module, name, runtime=True)
        return self

    def add(self, module: str, name: str, *, runtime: bool = False, alias: str = "") -> ImportSet:
        """`from module import name [as alias]`."""
        located = self._locate(module, name)
        if located is None or located == self._own:
            return self
        runtime = runtime or not self._checking or (located, name) in self._at_runtime
        if (located, name) == UNPACK and not runtime:
            self._modules[True].add("sys")
        self._froms[runtime].setdefault(located, set()).add(f"{name} as {alias}" if alias else name)
        return self

    def add_module(self, module: str, *, alias: str = "", runtime: bool = False) -> ImportSet:
        """`import module [as alias]`."""
        self._modules[runtime or not self._checking].add(
            f"{module} as {alias}" if alias and alias != module else module
        )
        return self

    @property
    def has_checking(self) -> bool:
        return bool(self._modules[False]) or any(
            n - self._froms[True].get(m, set()) for m, n in self._froms[False].items()
        )

    # ---- rendering --------------------------------------------------------------------
    def runtime(self, order: Sequence[str] = (), *, grouped: bool = True) -> str:
        """The run-time block; `order`: the relative modules in the order they are printed."""
        froms = {m: set(n) for m, n in self._froms[True].items()}
        if self.has_checking:
            froms.setdefault("typing", set()).add("TYPE_CHECKING")
        return self._block(self._modules[True], froms, 0, order, grouped)

    def checking(self, *, grouped: bool = True) -> str:
        """The body of `if TYPE_CHECKING:` (the Unpack fallback first, a blank line after it)."""
        # what the run-time block imports is there for the type checker too
        froms = {m: n - self._froms[True].get(m, set()) for m, n in self._froms[False].items()}
        froms = {m: n for m, n in froms.items() if n}
        unpack = "Unpack" in froms.get("typing", set())
        if unpack:
            froms["typing"].discard("Unpack")
            froms = {m: n for m, n in froms.items() if n}
        rest = self._block(self._modules[False], froms, 4, (), grouped)
        return "\n\n".join(part for part in (UNPACK_BLOCK if unpack else "", rest) if part)

    @staticmethod
    def _block(modules: set[str], froms: dict[str, set[str]], indent: int, order: Sequence[str], grouped: bool) -> str:
        pad = " " * indent
        local = [m for m in froms if m.startswith(".")]
        unknown = set(local) - set(order)
        if order and unknown:
            raise ValueError(f"no place given for imports from {sorted(unknown)}")
        local = [m for m in order if m in froms] if order else sorted(local)
        stdlib = [f"{pad}import {m}" for m in sorted(modules)]
        stdlib += [import_from(m, sorted(froms[m]), indent) for m in sorted(froms) if not m.startswith(".")]
        own = [import_from(m, sorted(froms[m]), indent) for m in local]
        if not grouped:
            return "\n".join(stdlib + own)
        return "\n\n".join("\n".join(group) for group in (stdlib, own) if group)
