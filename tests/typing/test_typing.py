"""Type-check user code against generated/aws_typed with mypy --strict and pyright.

Every file under snippets/ is a small piece of user code:

* snippets/pass/*.py must type-check with zero errors in both checkers;
* snippets/fail/*.py mark every expected error on the offending line with a
  trailing comment, one marker per expected error:

      client.get_object(Key="k")  # E[mypy]: missing named argument  # E[pyright]: argument missing

  ``# E: text`` expects an error from both checkers, ``# E[mypy]: text`` and
  ``# E[pyright]: text`` from one checker only.  ``text`` is matched as a
  case-insensitive substring of the checker's message.  A checker must report
  errors on exactly the marked lines and on no other line, and every marker
  must match a diagnostic of its own on its line (a checker may add secondary
  errors on a marked line, e.g. pyright's second error on a failed overload).
  Statements in fail snippets stay on one line so that both checkers report
  on the same line; `# fmt: off` keeps black from splitting them.

A snippet that documents a generator bug carries ``# XFAIL: reason`` (or
``# XFAIL[mypy]: reason``) as a comment: its cases become xfail(strict=True), so
they start failing as soon as the generator is fixed and the directive must go.

mypy and pyright each run once per session (once per xdist worker) over all
snippets, concurrently; the parametrized tests only compare their results.  A failure shows the
checker's diagnostics for the file (very long messages, such as ec2's list of
instance types, are cut at MAX_MESSAGE characters).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

import pytest

pytestmark = pytest.mark.typing

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GENERATED = REPO / "generated"
SNIPPETS = HERE / "snippets"
CHECKERS = ("mypy", "pyright")
PYTHON_VERSION = "3.11"
TIMEOUT = 300  # seconds, per checker
MAX_MESSAGE = 1500  # characters of one diagnostic shown in a failure report

_MARKER = re.compile(r"#\s*E(?:\[(?P<checker>[^\]]*)\])?:")
_XFAIL = re.compile(r"#\s*XFAIL(?:\[(?P<checkers>[^\]]*)\])?:\s*(?P<reason>.*)$")


# --------------------------------------------------------------------- snippets


def _display(path: Path) -> str:
    """A path as shown in reports: relative to the repository when inside it."""
    try:
        return path.relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Marker:
    line: int
    checker: str | None  # None: both checkers
    text: str

    def applies_to(self, checker: str) -> bool:
        return self.checker is None or self.checker == checker

    def __str__(self) -> str:
        tag = f"E[{self.checker}]" if self.checker else "E"
        return f"# {tag}: {self.text}"


@dataclass
class Snippet:
    path: Path
    kind: str  # "pass" or "fail"
    markers: list[Marker] = field(default_factory=list)
    xfail: dict[str, str] = field(default_factory=dict)  # checker -> reason
    problems: list[str] = field(default_factory=list)  # malformed markers etc.

    @property
    def rel(self) -> str:
        return _display(self.path)

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.path.stem}"

    def expected(self, checker: str) -> list[Marker]:
        return [m for m in self.markers if m.applies_to(checker)]

    def source_line(self, line: int) -> str:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _comments(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every comment token: markers inside strings do not count."""
    source = path.read_text(encoding="utf-8")
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            yield tok.start[0], tok.string


def _parse_checkers(raw: str | None) -> tuple[list[str], list[str]]:
    """Checker names of an optional [mypy,pyright] tag, and the unknown ones."""
    if raw is None:
        return list(CHECKERS), []
    names = [n.strip() for n in raw.split(",")]
    return [n for n in names if n in CHECKERS], [n for n in names if n not in CHECKERS]


def load_snippet(path: Path, kind: str) -> Snippet:
    snippet = Snippet(path=path, kind=kind)
    for line, comment in _comments(path):
        xfail = _XFAIL.match(comment)
        if xfail:
            names, unknown = _parse_checkers(xfail["checkers"])
            reason = xfail["reason"].strip()
            if unknown or not reason:
                snippet.problems.append(
                    f"line {line}: malformed XFAIL directive {comment!r}"
                )
            for name in names:
                snippet.xfail[name] = f"{snippet.rel}: {reason}"
            continue
        starts = list(_MARKER.finditer(comment))
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(comment)
            text = comment[match.end() : end].strip()
            raw = match["checker"]
            if raw is not None and raw.strip() not in CHECKERS:
                snippet.problems.append(
                    f"line {line}: unknown checker in {match.group(0)!r}"
                )
                continue
            if not text:
                snippet.problems.append(
                    f"line {line}: marker {match.group(0)!r} has no message text"
                )
                continue
            snippet.markers.append(Marker(line, raw.strip() if raw else None, text))
    if kind == "pass" and snippet.markers:
        snippet.problems.append("a pass snippet must not carry error markers")
    if kind == "fail" and not snippet.markers:
        snippet.problems.append("a fail snippet needs at least one error marker")
    return snippet


def discover() -> list[Snippet]:
    return [
        load_snippet(path, kind)
        for kind in ("pass", "fail")
        for path in sorted((SNIPPETS / kind).glob("*.py"))
    ]


ALL_SNIPPETS = discover()


# --------------------------------------------------------------------- checkers


@dataclass(frozen=True)
class Diagnostic:
    path: Path
    line: int  # 1-based
    column: int  # 1-based
    severity: str
    message: str
    code: str

    def render(self) -> str:
        message = self.message.replace("\n", "\n      ")
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + " ...[truncated]"
        return f"  {_display(self.path)}:{self.line}:{self.column}: {self.severity}: {message} [{self.code}]"


@dataclass
class CheckerRun:
    name: str
    command: list[str]
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    diagnostics: dict[Path, list[Diagnostic]] = field(default_factory=dict)
    outside: list[Diagnostic] = field(default_factory=list)  # not in a snippet
    fatal: str | None = None
    files_analyzed: int | None = None

    def transcript(self) -> str:
        return (
            f"$ {' '.join(self.command)}\n(exit status {self.returncode}, {self.seconds:.1f} s)\n"
            f"--- stdout ---\n{self.stdout[-20000:]}\n--- stderr ---\n{self.stderr[-5000:]}"
        )


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["MYPYPATH"] = str(GENERATED)
    for var in ("MYPY_FORCE_COLOR", "FORCE_COLOR", "PYTHONPATH"):
        env.pop(var, None)
    env["NO_COLOR"] = "1"
    return env


@dataclass
class _Started:
    name: str
    command: list[str]
    process: subprocess.Popen[bytes]
    stdout: IO[bytes]
    stderr: IO[bytes]
    started: float


def _start(name: str, command: list[str], work: Path) -> _Started:
    # Output goes to files, not pipes: two concurrent checkers cannot block each other.
    stdout = open(work / f"{name}.stdout", "w+b")
    stderr = open(work / f"{name}.stderr", "w+b")
    process = subprocess.Popen(
        command, cwd=work, env=_env(), stdout=stdout, stderr=stderr
    )
    return _Started(name, command, process, stdout, stderr, time.monotonic())


def _finish(started: _Started, deadline: float) -> CheckerRun:
    fatal = None
    try:
        started.process.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        started.process.kill()
        started.process.wait()
        fatal = f"{started.name} did not finish within {TIMEOUT} s"
    seconds = time.monotonic() - started.started
    outputs = []
    for handle in (started.stdout, started.stderr):
        handle.seek(0)
        outputs.append(handle.read().decode("utf-8", "replace"))
        handle.close()
    return CheckerRun(
        started.name,
        started.command,
        started.process.returncode,
        outputs[0],
        outputs[1],
        seconds,
        fatal=fatal,
    )


def _mypy_command(work: Path, files: list[Path]) -> list[str]:
    config = work / "mypy.ini"
    # An empty config keeps the repository's own [tool.mypy] section out.
    config.write_text("[mypy]\n", encoding="utf-8")
    return [
        sys.executable, "-m", "mypy",
        "--strict",
        "--python-version", PYTHON_VERSION,
        "--config-file", str(config),
        "--cache-dir", str(work / "mypy_cache"),
        "--output", "json",
        "--show-absolute-path",
        "--no-color-output",
        *map(str, files),
    ]  # fmt: skip


def _pyright_command(work: Path, files: list[Path]) -> list[str]:
    config = work / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "extraPaths": [str(GENERATED)],
                "pythonVersion": PYTHON_VERSION,
                "typeCheckingMode": "standard",
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return [
        sys.executable, "-m", "pyright",
        "--outputjson",
        "--project", str(config),
        "--pythonpath", sys.executable,
        *map(str, files),
    ]  # fmt: skip


def _parse_mypy(run: CheckerRun) -> list[Diagnostic]:
    if run.returncode not in (0, 1):
        run.fatal = run.fatal or f"mypy exited with status {run.returncode}"
        return []
    found = []
    for line in run.stdout.splitlines():
        if not line.startswith("{"):
            continue
        item = json.loads(line)
        if item.get("severity") != "error":
            continue  # notes only explain an error on the same line
        found.append(
            Diagnostic(
                Path(item["file"]).resolve(),
                int(item["line"]),
                int(item["column"]) + 1,
                "error",
                item["message"],
                item.get("code") or "",
            )
        )
    if run.returncode == 1 and not found:
        run.fatal = "mypy reported failure but printed no error"
    return found


def _parse_pyright(run: CheckerRun) -> list[Diagnostic]:
    if run.returncode not in (0, 1):
        run.fatal = run.fatal or f"pyright exited with status {run.returncode}"
        return []
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as exc:
        run.fatal = f"pyright --outputjson printed no JSON: {exc}"
        return []
    run.files_analyzed = report.get("summary", {}).get("filesAnalyzed")
    found = []
    for item in report.get("generalDiagnostics", []):
        if item["severity"] not in ("error", "warning"):
            continue
        start = item.get("range", {}).get("start", {"line": -1, "character": -1})
        found.append(
            Diagnostic(
                Path(item["file"]).resolve(),
                int(start["line"]) + 1,
                int(start["character"]) + 1,
                item["severity"],
                item["message"],
                item.get("rule") or "",
            )
        )
    return found


def run_checkers(work: Path, snippets: list[Snippet]) -> dict[str, CheckerRun]:
    files = [s.path for s in snippets]
    commands = {
        "mypy": _mypy_command(work, files),
        "pyright": _pyright_command(work, files),
    }
    started = {name: _start(name, command, work) for name, command in commands.items()}
    deadline = time.monotonic() + TIMEOUT
    runs = {name: _finish(proc, deadline) for name, proc in started.items()}
    parsers = {"mypy": _parse_mypy, "pyright": _parse_pyright}
    known = {s.path.resolve() for s in snippets}
    for name, run in runs.items():
        for diag in parsers[name](run):
            if diag.path in known:
                run.diagnostics.setdefault(diag.path, []).append(diag)
            else:
                run.outside.append(diag)
    return runs


@pytest.fixture(scope="session")
def checker_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CheckerRun]:
    # mktemp is unique per session and per xdist worker.
    return run_checkers(tmp_path_factory.mktemp("typing-checkers"), ALL_SNIPPETS)


# --------------------------------------------------------------------- comparison


def compare(snippet: Snippet, checker: str, diagnostics: list[Diagnostic]) -> list[str]:
    """Differences between the snippet's markers for `checker` and what it reported."""
    expected: dict[int, list[Marker]] = {}
    for marker in snippet.expected(checker):
        expected.setdefault(marker.line, []).append(marker)
    actual: dict[int, list[Diagnostic]] = {}
    for diag in diagnostics:
        actual.setdefault(diag.line, []).append(diag)

    problems = []
    for line in sorted(expected.keys() | actual.keys()):
        markers, diags = expected.get(line, []), actual.get(line, [])
        where = f"line {line}: `{snippet.source_line(line)}`"
        if not diags:
            wanted = "; ".join(str(m) for m in markers)
            problems.append(
                f"{where}\n    expected an error ({wanted}) but {checker} reported none"
            )
            continue
        if not markers:
            got = "; ".join(d.message.splitlines()[0] for d in diags)
            problems.append(
                f"{where}\n    unexpected {checker} error: {got[:MAX_MESSAGE]}"
            )
            continue
        unused = list(diags)  # each marker must match its own diagnostic
        for marker in markers:
            hit = next(
                (d for d in unused if marker.text.lower() in d.message.lower()), None
            )
            if hit is None:
                got = " | ".join(
                    d.message.replace("\n", " ")[:MAX_MESSAGE] for d in diags
                )
                problems.append(
                    f"{where}\n    no {checker} error matches {str(marker)!r}; got: {got}"
                )
            else:
                unused.remove(hit)
    return problems


def _cases() -> Iterator[object]:
    for snippet in ALL_SNIPPETS:
        for checker in CHECKERS:
            marks = []
            if checker in snippet.xfail:
                marks.append(
                    pytest.mark.xfail(strict=True, reason=snippet.xfail[checker])
                )
            yield pytest.param(
                snippet, checker, id=f"{snippet.id}-{checker}", marks=marks
            )


@pytest.mark.parametrize(("snippet", "checker"), list(_cases()))
def test_snippet(
    snippet: Snippet, checker: str, checker_runs: dict[str, CheckerRun]
) -> None:
    assert not snippet.problems, f"{snippet.rel} is malformed: " + "; ".join(
        snippet.problems
    )
    run = checker_runs[checker]
    if run.fatal:
        pytest.fail(
            f"{checker} did not run properly: {run.fatal}\n{run.transcript()}",
            pytrace=False,
        )
    diagnostics = run.diagnostics.get(snippet.path.resolve(), [])
    problems = compare(snippet, checker, diagnostics)
    if problems:
        output = "\n".join(d.render() for d in diagnostics) or "  (no diagnostics)"
        pytest.fail(
            f"{checker} on {snippet.rel} does not match the expectations:\n"
            + "\n".join(f"  - {p}" for p in problems)
            + f"\n\n{checker} output for {snippet.rel}:\n{output}",
            pytrace=False,
        )


# --------------------------------------------------------------------- sanity


def test_snippet_inventory() -> None:
    """Snippet files are well formed and can be checked together in one mypy run."""
    problems = [f"{s.rel}: {p}" for s in ALL_SNIPPETS for p in s.problems]
    kinds = {s.kind for s in ALL_SNIPPETS}
    if kinds != {"pass", "fail"}:
        problems.append(f"expected both pass and fail snippets, found {sorted(kinds)}")
    seen: dict[str, str] = {}
    for s in ALL_SNIPPETS:
        # mypy names each snippet by its file name: two equal names would collide.
        if not s.path.stem.isidentifier():
            problems.append(f"{s.rel}: file name is not a valid module name")
        if s.path.stem in seen:
            problems.append(f"{s.rel}: same module name as {seen[s.path.stem]}")
        seen[s.path.stem] = s.rel
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("checker", CHECKERS)
def test_checker_run(checker: str, checker_runs: dict[str, CheckerRun]) -> None:
    """The checker ran, analysed every snippet and reported nothing outside them."""
    run = checker_runs[checker]
    assert (
        run.fatal is None
    ), f"{checker} did not run properly: {run.fatal}\n{run.transcript()}"
    if checker == "pyright":
        assert run.files_analyzed == len(ALL_SNIPPETS), run.transcript()
    assert not run.outside, (
        f"{checker} reported errors outside the snippets (in code they import):\n"
        + "\n".join(d.render() for d in run.outside)
    )
