"""`botoloom migrate PATH ...`: arguments, the files, and what is printed and written.

stdout: diffs (--diff), then the summary (the services found, the counts).  stderr: every
place left as it is (`file:line: why`), notices (`botoloom migrate: ...`: links skipped, own
temp files removed) and errors (`botoloom: error: ...`).  Exit status 0, 1 when --check finds
a file to rewrite (or a temp file to remove), 2 on bad input (a file that cannot be read,
parsed or written is named and left as it is, the others are still migrated).

Every file is read first (seam `migrate-read`), then --write-config writes pyproject.toml,
then the changed files are replaced one by one (safeio: never over an edit made meanwhile).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .. import seams
from ..app import config
from ..errors import UserError
from ..naming.package import package_parts
from . import safeio
from .files import Found, Source, python_files, temp_files
from .imports import first_party
from .package import Target, botocore_services, find_root
from .report import FileResult


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UserError(f"migrate: {message}")


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="botoloom migrate",
        description="Rewrite boto3 code to the generated package: boto3.client/resource and Session "
        "calls to its factories, boto3-stubs imports to its modules. Writes the files in place unless --check or --diff.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories (every *.py below them)")
    p.add_argument(
        "--package",
        metavar="NAME",
        help="import name of the generated package (default: [tool.botoloom] package, else aws_typed)",
    )
    p.add_argument(
        "--output",
        metavar="DIR",
        help="directory holding the generated package (default: [tool.botoloom] output, else generated)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing, print only the summary; exit 1 if a file would be rewritten",
    )
    p.add_argument("--diff", action="store_true", help="write nothing; print unified diffs")
    p.add_argument(
        "--library",
        action="store_true",
        help="keep public signatures compatible with callers passing boto3's objects: a public parameter "
        "annotated with a boto3-stubs class takes that class or the package's, a public return keeps "
        "boto3-stubs' class (imported under TYPE_CHECKING)",
    )
    p.add_argument(
        "--write-config",
        action="store_true",
        help="add the services found to [tool.botoloom] services of the nearest pyproject.toml",
    )
    return p


def main(argv: Sequence[str]) -> int:
    try:
        return _run(parser().parse_args(list(argv)))
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except UserError as exc:
        print(f"botoloom: error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.write_config and (args.check or args.diff):
        raise UserError("--write-config writes pyproject.toml; it does not go with --check or --diff")
    target, warning = _target(args)
    found = python_files(args.paths, target.root)
    if warning and not args.check:
        print(f"botoloom migrate: {warning}", file=sys.stderr)
    if not args.check:
        for link in found.links:
            print(f"botoloom migrate: {link}: a link, skipped (migrate never writes through a link)", file=sys.stderr)
    leftovers, errors = _leftovers(found.leftovers + _config_leftovers(found, args), args)
    results, failed = _migrate_all(found.sources, target, quiet=args.check)
    errors += failed
    seams.reach("migrate-read")
    services = sorted(set().union(*(r.services for r in results)))
    configured = _write_config(services) if args.write_config else None  # before any source is written
    for result in results:
        if not args.check:
            for note in result.notes:
                print(note.format(result.path), file=sys.stderr)
        if result.changed and args.diff:
            sys.stdout.write(_diff(result))
        elif result.changed and not args.check:
            errors += not _write(result)
    _summary(results, services, args)
    if configured:
        print(configured)
    final = _not_final(services, target, configured=args.write_config)
    if final:
        print(final)
    if errors:
        return 2
    return 1 if args.check and (leftovers or any(r.changed for r in results)) else 0


def _target(args: argparse.Namespace) -> tuple[Target, str | None]:
    settings = _settings()
    package = args.package or settings.package or "aws_typed"
    if package_parts(package) is None:
        raise UserError(f"--package {package!r} is not a valid Python package name")
    output = args.output or settings.output
    root = (
        find_root(package, Path(output))
        if output
        else find_root(package, Path("generated")) or find_root(package, None)
    )
    known, resourceful = botocore_services()
    warning = None
    if root is None:
        where = f" in {output}" if output else ""
        warning = f"package {package} not found{where}: every botocore service counts as generated; boto3-stubs imports are left as they are"
    return Target(package, root, known, resourceful, first_party(Path.cwd()), library_mode=args.library), warning


def _settings() -> config.Config:
    """[tool.botoloom] of the nearest pyproject.toml, which must be a regular file of a sane
    size and not nested too deeply for tomllib."""
    path = config.find_pyproject(Path.cwd())
    if path is not None:
        try:
            safeio.read(Source.named(path), to_replace=False)
        except safeio.Link:
            pass  # read through the link (only writing through one is refused)
        except (safeio.Refused, OSError) as exc:
            raise UserError(f"{path}: cannot read it: {_why(exc)}") from None
    return config.load(Path.cwd())  # its parser names the file for what it cannot read (nesting too)


def _config_leftovers(found: Found, args: argparse.Namespace) -> list[Source]:
    """With --write-config, the temp files of one killed before its rename (once)."""
    path = config.find_pyproject(Path.cwd()) if args.write_config else None
    known = {os.path.abspath(temp.path) for temp in found.leftovers}
    temps = temp_files(path) if path is not None else []
    return [Source.named(temp) for temp in temps if os.path.abspath(temp) not in known]


def _leftovers(temps: list[Source], args: argparse.Namespace) -> tuple[int, int]:
    """Own temp files of a killed run: removed, or only listed under --check and --diff.
    Returns (listed, errors)."""
    errors = 0
    for temp in temps:
        if args.check or args.diff:
            print(
                f"botoloom migrate: {temp.path}: a temp file left by an interrupted run (removed by a run without --check or --diff)",
                file=sys.stderr,
            )
            continue
        try:
            safeio.remove_temp(temp)
        except (safeio.Refused, OSError) as exc:
            print(f"botoloom: error: {temp.path}: cannot remove it: {_why(exc)}", file=sys.stderr)
            errors += 1
        else:
            print(f"botoloom migrate: removed {temp.path} (a temp file left by an interrupted run)", file=sys.stderr)
    return (len(temps) if args.check else 0), errors


def _migrate_all(sources: list[Source], target: Target, quiet: bool) -> tuple[list[FileResult], int]:
    """The results, and how many files could not be read or parsed (each named on stderr;
    a link on the way is a notice, left out when `quiet`)."""
    results, errors = [], 0
    for source in sources:
        result = _migrate(source, target)
        if isinstance(result, FileResult):
            results.append(result)
            continue
        error = result.startswith("botoloom: error: ")
        if error or not quiet:
            print(result, file=sys.stderr)
        errors += error
    return results, errors


def _migrate(source: Source, target: Target) -> FileResult | str:
    """The file's result, or the line saying why it is left as it is."""
    import libcst

    from .transform import NotKept, rewrite

    path = source.path
    try:
        read = safeio.read(source)
        new, findings = rewrite(read.data, target, str(path))
    except safeio.Link as exc:
        return f"botoloom migrate: {path}: {exc}, skipped (migrate never writes through a link)"
    except (safeio.Refused, OSError) as exc:
        return f"botoloom: error: {path}: cannot read it: {_why(exc)}"
    except libcst.ParserSyntaxError as exc:
        return f"botoloom: error: {path}{_syntax_error(read.data, exc)}"
    except NotKept as exc:
        return f"botoloom: error: {path}: {exc}"
    except RecursionError:
        return f"botoloom: error: {path}: nested too deeply to migrate (Python's recursion limit); left as it is"
    except MemoryError:
        return f"botoloom: error: {path}: not enough memory to migrate it; left as it is"
    except (UnicodeDecodeError, SyntaxError, ValueError) as exc:
        return f"botoloom: error: {path}: cannot parse it: {exc}"
    notes, services = tuple(findings.notes), frozenset(findings.services)
    return FileResult(str(path), read.data, new, notes, services, source, read.stat)


def _write(result: FileResult) -> bool:
    try:
        safeio.replace(result.source, safeio.Snapshot(result.old, result.stat), result.new)
    except safeio.Link as exc:
        print(
            f"botoloom: error: {result.path}: {exc}; not written (migrate never writes through a link)", file=sys.stderr
        )
    except (safeio.Refused, OSError) as exc:
        print(f"botoloom: error: {result.path}: cannot write it: {_why(exc)}", file=sys.stderr)
    else:
        return True
    return False


def _why(exc: Exception) -> str:
    return exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)


def _syntax_error(source: bytes, exc: Exception) -> str:
    """:LINE: cannot parse it: WHY, in Python's words when Python refuses the file too."""
    try:
        compile(source, "<file>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as error:
        return f":{error.lineno}: cannot parse it: {error.msg}" if error.lineno else f": cannot parse it: {error.msg}"
    except ValueError as error:  # null bytes
        return f": cannot parse it: {error}"
    line = getattr(exc, "raw_line", 0)
    return f":{line}: cannot parse it (libcst): {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"


def _diff(result: FileResult) -> str:
    old = result.old.decode("utf-8", "replace").splitlines(keepends=True)
    new = result.new.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=result.path, tofile=result.path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _summary(results: list[FileResult], services: list[str], args: argparse.Namespace) -> None:
    changed = sum(r.changed for r in results)
    notes = sum(len(r.notes) for r in results)
    verb = "would be rewritten" if args.check or args.diff else "rewritten"
    where = "run without --check to list them" if args.check else "listed on stderr"
    print(f"services found: {' '.join(services) if services else 'none'}")
    left = (
        f", {notes} place{'s' * (notes != 1)} left as {'they are' if notes != 1 else 'it is'} ({where})"
        if notes
        else ""
    )
    print(f"{changed} file{'s' * (changed != 1)} {verb}, {len(results) - changed} unchanged{left}")


def _not_final(services: list[str], target: Target, configured: bool) -> str | None:
    """Why a run after this one would change more, if it would: services (or the whole package)
    not generated yet. Once they are, one run converges: a second changes nothing."""
    if target.root is None:
        return (
            f"not final: package {target.package} not found, so boto3-stubs imports were left as they are; "
            "generate it, then run migrate again"
        )
    missing = [service for service in services if not target.generated(service)]
    if not missing:
        return None
    add = (
        ""
        if configured
        else f"add {'them' if len(missing) > 1 else 'it'} to [tool.botoloom] services (--write-config), "
    )
    return f"not final: {' '.join(missing)} not generated in {target.package}; {add}generate, then run migrate again"


def _write_config(services: list[str]) -> str:
    """Add the services to pyproject.toml (before any source is written); the line to print."""
    from .pyproject import add_services

    path = config.find_pyproject(Path.cwd())
    if path is None:
        raise UserError("--write-config: no pyproject.toml in the current directory or above")
    added = add_services(path, services)
    if added:
        return f"{path}: added to [tool.botoloom] services: {' '.join(added)}"
    return f"{path}: [tool.botoloom] services already has every service found"
