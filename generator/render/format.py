"""The formatting pass: rendered Python files in black's style, by one ruff run per batch
(a few services' files: pipeline._some; the package's own files: render.files.render_package).

The templates and ``layout`` write statements flat; ruff splits what is too long, in the
style black 24+ gives (black stays the check in the tests). ruff runs isolated and fully
configured on the command line (``--isolated``: no ruff.toml or pyproject.toml of the user
is read), on copies in a private temporary directory (in /dev/shm where there is one), so
nothing outside it is touched.
.pyi files are formatted as stubs.

Two differences from black are undone here: in a stub, ruff drops a blank line that opens
an ``if`` block (``if TYPE_CHECKING:`` before the presigned-URL overloads), which black keeps
as the template wrote it; and a ``def`` whose return annotation is a subscript split one item
per line keeps ruff's split of its parameters, where black (on its second pass) joins
``def f(self, **kwargs: X) -> PageIterator[`` onto one line when that fits.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from ..errors import UserError

SUFFIXES = (".py", ".pyi")
LINE_LENGTH = 88
TARGET = "py310"  # the oldest Python the generated package supports
# the format settings spelled out (with --isolated): a default that changes in a later
# ruff, or a user's configuration, does not change our output
SETTINGS = (
    f"line-length = {LINE_LENGTH}",
    "indent-width = 4",
    "format.indent-style = 'space'",
    "format.quote-style = 'double'",
    "format.skip-magic-trailing-comma = false",
    "format.line-ending = 'lf'",
    "format.docstring-code-format = false",
    "format.preview = false",
)
_IF_OPENER = re.compile(r" *if .*:\Z")
# ruff's `def f(\n    params\n) -> Head[` (params on one line, no trailing comma, no comment)
_SPLIT_HEAD = re.compile(
    r"^(?P<ind> *)(?P<kw>(?:async )?def \w+)\(\n(?P=ind)    (?P<params>[^\n#]*[^,\n#])\n(?P=ind)\) -> (?P<head>[\w.]+\[)"
    r"\n(?P<body>(?:(?P=ind)    [^\n]*\n)+?)(?P=ind)\]",
    re.M,
)


@lru_cache(maxsize=1)
def ruff_bin() -> str:
    """The ruff executable of the installed ruff package (looked up once per process)."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:
        raise UserError(
            "ruff is not installed (botoloom formats its output with it): pip install 'ruff>=0.17'"
        ) from None
    try:
        return os.fsdecode(find_ruff_bin())
    except FileNotFoundError:
        raise UserError("the ruff package is installed without its ruff executable: reinstall ruff") from None


@lru_cache(maxsize=1)
def ruff_version() -> str:
    """`ruff --version` of the formatter in use (part of the incremental cache key)."""
    return _run([ruff_bin(), "--version"], {}, "ruff --version failed").stdout.strip()


def command(paths: list[str]) -> list[str]:
    config = [arg for setting in SETTINGS for arg in ("--config", setting)]
    return [
        ruff_bin(), "format", "--isolated", "--no-cache", "--no-force-exclude",
        "--target-version", TARGET, "--line-length", str(LINE_LENGTH), *config, "--", *paths,
    ]  # fmt: skip


def format_files(files: Mapping[str, str]) -> dict[str, str]:
    """``files`` ({relative path: text}) with every .py and .pyi formatted, in one ruff run;
    other files as they are. Text ruff cannot parse (a generator bug) is a UserError."""
    todo = sorted(rel for rel in files if rel.endswith(SUFFIXES))
    out = dict(files)
    if not todo:
        return out
    with tempfile.TemporaryDirectory(prefix="botoloom-format-", dir=_scratch()) as tmp:
        paths = [str(Path(tmp, f"{i}{Path(rel).suffix}")) for i, rel in enumerate(todo)]
        for path, rel in zip(paths, todo):
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(files[rel])
        _run(command(paths), dict(zip(paths, todo)), _CANNOT_FORMAT)
        for path, rel in zip(paths, todo):
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            text = _join_split_heads(text)
            out[rel] = _keep_if_blank(files[rel], text) if rel.endswith(".pyi") else text
    return out


_CANNOT_FORMAT = "ruff cannot format the generated code (a botoloom bug, please report it)"


def format_many(batches: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """format_files() for the files of several services at once (one ruff run: starting
    ruff costs more than formatting a small service)."""
    merged = {f"{i}/{rel}": text for i, files in enumerate(batches) for rel, text in files.items()}
    done = format_files(merged)
    return [{rel: done[f"{i}/{rel}"] for rel in files} for i, files in enumerate(batches)]


@lru_cache(maxsize=1)
def _scratch() -> str | None:
    """Where the copies go: a memory file system when there is one (Linux /dev/shm: files
    written, read and removed at once cost the disk nothing), else the temporary directory."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _run(args: list[str], names: Mapping[str, str], failure: str) -> subprocess.CompletedProcess[str]:
    """Run ruff; a failure is one line naming the generated file (``names``: temporary path
    -> relative path), not the temporary one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUFF_")}
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    except OSError as exc:
        raise UserError(f"cannot run ruff ({args[0]}): {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = next((line for line in done.stderr.splitlines() if line.strip()), f"exit status {done.returncode}")
        for path, rel in names.items():
            message = message.replace(path, rel)
        raise UserError(f"{failure}: {message}")
    return done


def _join_split_heads(text: str) -> str:
    """``text`` with each ``def`` head ruff split before a subscript return annotation that
    is itself split (``) -> PageIterator[`` then one item per line) joined onto one line when
    it fits, as black lays it out."""
    if ") -> " not in text:
        return text

    def join(match: re.Match[str]) -> str:
        line = f"{match['ind']}{match['kw']}({match['params']}) -> {match['head']}"
        if len(line) > LINE_LENGTH or not match["body"].endswith(",\n"):  # items on one line: black keeps the split
            return match.group(0)
        return f"{line}\n{match['body']}{match['ind']}]"

    return _SPLIT_HEAD.sub(join, text)


def _keep_if_blank(source: str, formatted: str) -> str:
    """``formatted`` with the blank line back after each ``if ...:`` line that had one in
    ``source`` (ruff drops it in a stub; ruff keeps the ``if`` lines, one for one)."""
    src = source.split("\n")
    wanted = [i + 1 < len(src) and not src[i + 1] for i, line in enumerate(src) if _IF_OPENER.match(line)]
    if not any(wanted):
        return formatted
    lines = formatted.split("\n")
    openers = [i for i, line in enumerate(lines) if _IF_OPENER.match(line)]
    if len(openers) != len(wanted):
        return formatted
    for i, blank in reversed(list(zip(openers, wanted))):
        if blank and lines[i + 1]:
            lines.insert(i + 1, "")
    return "\n".join(lines)
