"""One run: load -> model -> render -> write (or check) for a plan, under the package lock.

The command line (cli.py), the hatch hook and the benchmarks build a `Plan` (config.plan)
and call generate(plan) or check(plan); everything after that is here.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import DefinitionError, UserError
from .model.service import build
from .naming.rules import module_name
from .options import DEFAULT, Options
from .output import cache as incremental
from .output.package_dir import Cached, PackageDir, Rendered
from .progress import Progress
from .render.files import render_package, render_service_entry
from .render.format import format_many, ruff_version
from .source.load import Data, Source
from .types.required import first_problem
from .views.entry import Entry

_SOURCE: Source | None = None
_DATA: Data | None = None  # where _SOURCE reads: None for the botocore botoloom runs with


def source() -> Source:
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = Source(_DATA)
    return _SOURCE


def use(data: Data | None) -> Source:
    """Read definitions from `data` (another environment's botocore) from now on; None:
    the botocore botoloom runs with.  Worker processes are started with the same."""
    global _SOURCE, _DATA
    if _SOURCE is None or data != _DATA:
        _SOURCE, _DATA = Source(data), data
    return _SOURCE


@dataclass(frozen=True)
class Plan:
    """What to do: made by config.plan from a request (command line, hatch hook) over
    [tool.botoloom] of the user's pyproject.toml."""

    names: list[str]
    root: Path
    package: str
    jobs: int
    quiet: bool = False
    overwrite: bool = False
    lock_timeout: float = 600.0
    options: Options = DEFAULT
    prune: bool = False  # may remove services (and aio modules) the package has and this run does not generate
    diff: bool = False  # check: print every differing file's whole diff, not only the start of a few
    rerun: str = "botoloom"  # check: the command that regenerates the package, as the user typed it
    data: Data | None = None  # another environment's definitions (botoloom install)


def versions() -> str:
    return f"botoloom {__version__} from botocore {source().botocore_version}"


def _meta(plan: Plan) -> dict[str, object]:
    return {
        "botoloom": __version__,
        "botocore": source().botocore_version,
        "package": plan.package,
        "services": plan.names,
    }


# Python's default thresholds (700, 10, 10) run the cyclic collector so often over the
# many small values a service's rendering keeps alive (type expressions, blocks, the name
# table) that it took a quarter of the rendering time of all services; those values hold
# next to no cycles (all services in one process: 421 MB with the defaults, 435 MB with no
# collection at all). Collect as rarely as mypy does, only while botoloom runs.
THRESHOLDS = (200_000, 30, 30)


@contextmanager
def collect_less() -> Iterator[None]:
    """THRESHOLDS for the duration, the caller's own settings after (the hatch hook runs
    inside the user's build)."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_start(data: Data | None = None) -> None:
    gc.set_threshold(*THRESHOLDS)  # a worker process is botoloom's own
    use(data)


def check(plan: Plan) -> int:
    """Exit 1 with diffs when plan.root differs from what would be generated."""
    use(plan.data)
    with collect_less():
        return _check(plan)


def _check(plan: Plan) -> int:
    out = PackageDir.open(plan.root)  # a foreign or broken directory stops the run before anything is rendered
    if not out.contents():
        print(
            f"botoloom: {plan.root} is missing: nothing was generated there; run `{plan.rerun}` to generate it",
            file=sys.stderr,
        )
        return 1
    files: dict[str, str] = {}
    entries = []
    for _, rendered, entry in _render(plan.names, plan.jobs, plan.quiet, plan.options):
        files.update(rendered)
        entries.append(entry)
    files.update(render_package(plan.package, entries, versions(), plan.options.aio))
    diffs = out.check(files, _meta(plan))
    if diffs:
        rerun = plan.rerun + " --prune" * bool(not plan.prune and dropped(plan, out.contents()))
        order = sorted(diffs, key=lambda diff: ORDER.index(_status(diff)[0]))  # stable: by path within a kind
        _summary(plan, out.botocore, order, rerun)
        _preview(order, plan.diff)
        return 1
    if not plan.quiet:
        print(f"botoloom: {plan.root} is up to date ({len(files)} files)")
    return 0


ORDER = ("changed", "temp file", "new", "removed")  # --check lists and shows the most telling first
LISTED = 20  # --check names this many differing files, then counts the others
PREVIEW_FILES, PREVIEW_LINES = 10, 30  # --check without --diff: the start of the first files' diffs


def _status(diff: str) -> tuple[str, str]:
    """(changed | new | removed | temp file, path) of one of PackageDir.check's diffs."""
    head = diff.split("\n", 3)
    rel = head[0].removeprefix("--- a/")
    if head[1] == "+++ /dev/null":
        return "temp file", rel
    hunk = head[2] if len(head) > 2 else ""
    return ("new" if hunk.startswith("@@ -0,0 ") else "removed" if " +0,0 @@" in hunk else "changed"), rel


def _summary(plan: Plan, made: str, diffs: list[str], rerun: str) -> None:
    """What differs, why, and what to run: on stderr, before any diff."""
    statuses = [_status(diff) for diff in diffs]
    counts = ", ".join(f"{n} {kind}" for kind in ORDER if (n := sum(s == kind for s, _ in statuses)))
    why = _why(made) or " (same botocore: edited by hand, or generated with other services, options or botoloom)"
    err = sys.stderr
    print(
        f"botoloom: {len(diffs)} file(s) in {plan.root} differ from what would be generated ({counts}){why}", file=err
    )
    for kind, rel in statuses[:LISTED]:
        print(f"botoloom:   {kind:<9} {rel}", file=err)
    if len(statuses) > LISTED:
        print(f"botoloom:   ... and {len(statuses) - LISTED} more", file=err)
    more = "" if plan.diff else "; add --diff to see the whole diff"
    print(f"botoloom: run `{rerun}` to regenerate it{more}", file=err)
    err.flush()


def _preview(diffs: list[str], full: bool) -> None:
    """Every diff (--diff), or the first PREVIEW_LINES lines of the first PREVIEW_FILES."""
    for diff in diffs if full else diffs[:PREVIEW_FILES]:
        lines = diff.splitlines(keepends=True)
        if full or len(lines) <= PREVIEW_LINES:
            sys.stdout.write(diff)
        else:
            sys.stdout.write("".join(lines[:PREVIEW_LINES]))
            sys.stdout.write(f"# ... {len(lines) - PREVIEW_LINES} more lines of this diff (--diff shows them)\n")
    if not full and len(diffs) > PREVIEW_FILES:
        sys.stdout.write(f"# ... the diffs of {len(diffs) - PREVIEW_FILES} more file(s) (--diff shows them)\n")


def _why(made: str) -> str:
    installed = source().botocore_version
    if made and made != installed:
        return f" (generated from botocore {made}, installed is botocore {installed}: that is why; pin botocore=={made} or regenerate)"
    return ""


def generate(plan: Plan) -> int:
    """Write plan.root: render the services whose inputs or files changed, keep the others."""
    use(plan.data)
    with collect_less():
        return _generate(plan)


def _generate(plan: Plan) -> int:
    started = time.perf_counter()
    new = not plan.root.exists()
    with PackageDir.locked(plan.root, plan.lock_timeout, plan.quiet) as out:
        removing = _prune(plan, dropped(plan, out.contents()))
        keys = cache_keys(plan)
        services: dict[str, Rendered | Cached] = {}
        for name in plan.names:
            cached = out.unchanged(name, keys[name])
            if cached is not None:
                services[name] = cached
        todo = [name for name in plan.names if name not in services]
        for name, rendered, entry in _render(todo, plan.jobs, plan.quiet, plan.options):
            services[name] = Rendered(rendered, entry)
        entries = [services[name].entry for name in plan.names]
        shared = render_package(plan.package, entries, versions(), plan.options.aio)
        for line in ([f"creating {plan.root}"] * new + removing) * (not plan.quiet):
            print(f"botoloom: {line}", file=sys.stderr)
        outcome = out.write(services, shared, _meta(plan), keys, plan.overwrite)
    if not plan.quiet:
        print(
            f"botoloom: {len(plan.names)} service(s) into {plan.root}: {len(todo)} rendered, "
            f"{len(outcome.written)} file(s) written, {len(outcome.unchanged)} unchanged, "
            f"{len(outcome.removed)} removed in {time.perf_counter() - started:.1f} s"
        )
        for rel in outcome.kept:
            print(f"botoloom: kept {plan.root / rel}: no longer generated but edited by hand")
    return 0


def dropped(plan: Plan, contents: list[str]) -> list[str]:
    """What writing `plan` would remove from a package that holds `contents` (PackageDir's
    files): the services it has and the plan does not name, and its aio modules without --aio."""
    wanted = {module_name(name) for name in plan.names}
    modules = sorted({rel.split("/", 1)[0] for rel in contents if "/" in rel} - wanted)
    names = {module_name(name): name for name in source().available_services()} if modules else {}
    gone = [names.get(module, module) for module in modules]
    return gone + ["the aio modules"] * ("_aio.py" in contents and not plan.options.aio)


def _prune(plan: Plan, gone: list[str]) -> list[str]:
    """The line that says which services (and aio modules) this run removes, printed before
    it writes; without plan.prune (--prune, or [tool.botoloom] services driving the run)
    refuse instead, naming them, before anything is rendered."""
    if not gone:
        return []
    services = [g for g in gone if g != "the aio modules"]
    shown = ", ".join(services[:10]) + (f" and {len(services) - 10} more" if len(services) > 10 else "")
    what = " and ".join(
        filter(None, [f"{len(services)} service(s) ({shown})" if services else "", *gone[len(services) :]])
    )
    if not plan.prune:
        keep = " and ".join(
            filter(
                None, ["name them in --services" if services else "", "pass --aio" if len(gone) > len(services) else ""]
            )
        )
        raise UserError(
            f"this run would remove {what} from {plan.root}; {keep} to keep them, or pass --prune to remove them"
        )
    return [f"removing {what} from {plan.root}: this run does not generate them"]


def cache_keys(plan: Plan) -> dict[str, list[object]]:
    """Per service, everything its rendered files depend on: a changed one renders it again."""
    code = incremental.generator_digest()
    src = source()
    options = plan.options.key()
    ruff = ruff_version()  # another formatter may format differently
    return {
        n: [versions(), code, src.boto3_version, plan.package, src.fingerprint(n), options, ruff] for n in plan.names
    }


BATCH = 8  # services rendered by one worker task at most, their files formatted by one ruff run


def _some(
    names: list[str], versions: str, options: Options = DEFAULT
) -> list[tuple[str, dict[str, str], Entry, tuple[str, ...]]]:
    """_one() for a few services (a worker task), their files formatted together."""
    done = [_one(name, versions, options) for name in names]
    files = format_many([rendered for _, rendered, _, _ in done])
    return [(name, formatted, entry, warnings) for (name, _, entry, warnings), formatted in zip(done, files)]


def _one(name: str, versions: str, options: Options = DEFAULT) -> tuple[str, dict[str, str], Entry, tuple[str, ...]]:
    """Load, model and render one service, not yet formatted."""
    raw = source().load(name)
    try:
        service = build(raw)
        wrong = first_problem(service, options.required)
        if wrong:
            raise UserError(f"[tool.botoloom.required] {wrong}")
        files, entry = render_service_entry(service, versions, options, formatted=False)
        return name, files, entry, service.warnings
    except DefinitionError as exc:
        raise UserError(f"{raw.source_of(exc.kind)}: {exc.where}: {exc.problem}") from None
    except RecursionError:
        raise UserError(f"{name}: cannot generate from {raw.source}: its shapes nest too deeply") from None
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError(f"{name}: cannot generate from {raw.source}: {type(exc).__name__}: {exc}") from None


Result = tuple[str, dict[str, str], Entry]


def _render(names: list[str], jobs: int, quiet: bool, options: Options = DEFAULT) -> Iterator[Result]:
    """(service, {path: text}, entry) per service, in the order of `names`; warnings to stderr."""
    size = max(1, min(BATCH, len(names) // (2 * jobs)))  # two tasks per worker at least
    batches = [names[i : i + size] for i in range(0, len(names), size)]
    with Progress(len(names), "rendering", quiet) as progress:
        if jobs > 1 and len(names) > 1:
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(names)), initializer=_worker_start, initargs=(_DATA,)
            ) as pool:
                results = pool.map(_some, batches, [versions()] * len(batches), [options] * len(batches))
                yield from _report((r for batch in results for r in batch), progress)
        else:
            yield from _report((r for batch in batches for r in _some(batch, versions(), options)), progress)


def _report(
    results: Iterator[tuple[str, dict[str, str], Entry, tuple[str, ...]]], progress: Progress
) -> Iterator[Result]:
    for name, rendered, entry, warnings in results:
        progress.step(name)
        for warning in warnings:
            progress.write(f"botoloom: warning: {warning}")
        yield name, rendered, entry
