"""Type-check user code against generated/aws_typed with five type checkers:
mypy --strict, pyright, basedpyright, pyrefly and ty.

Every file under snippets/ is a small piece of user code:

* snippets/pass/*.py must type-check with zero errors in every checker;
* snippets/fail/*.py mark every expected error on the offending line with a
  trailing comment, one marker per expected error:

      client.get_object(Key="k")  # E[mypy]: missing named argument  # E[pyright]: argument missing

  ``# E: text`` expects an error from every checker, ``# E[mypy]: text`` (or
  ``# E[mypy,pyrefly]: text``) from the named checkers only.  ``text`` is matched as a
  case-insensitive substring of the checker's message.  A checker must report
  errors on exactly the marked lines and on no other line, and every marker
  must match a diagnostic of its own on its line (a checker may add secondary
  errors on a marked line, e.g. pyright's second error on a failed overload).
  Statements in fail snippets stay on one line so that every checker reports
  on the same line; `# fmt: off` keeps black from splitting them.

The same markers serve the checkers that came later:

* basedpyright is pyright's engine with pyright's messages: ``E[pyright]`` markers
  apply to it too (``E[basedpyright]`` adds its own).
* pyrefly and ty word their messages differently: on a line that both mypy and
  pyright are expected to report (markers of theirs, or ``# E:``) they must report
  at least one error, whatever its message, unless they have a marker of their own
  there (``# E[pyrefly]: text`` matches text as well); on a line that only one of
  mypy/pyright reports (pyright's indexing of a NotRequired key) they must report
  nothing unless they have a marker of their own.
* Where a checker cannot express or detect what a snippet checks, the line says so,
  for that checker only, with the reason:

      ``# MISS[ty]: reason``  ty reports nothing on this marked line (it cannot
          detect this error); every other checker keeps its markers.
      ``# WRONG[pyrefly]: message -- reason``  pyrefly reports this false error here
          (allowed in pass snippets); the message is matched like an E marker.

  Both are strict: when the checker changes (it starts reporting a MISS line, or
  stops reporting a WRONG one), the case fails and the marker must go.  Neither is a
  skip: the checker still runs over the whole snippet.  mypy and pyright, the checkers
  this project is written for, take no MISS.  The markers for snippet lines that
  this file does not own are kept in CHECKER_LIMITS below (same meaning, matched
  by a piece of the line's text); both forms are reported by the same tests.
* Quotes (``"``, ``'`` and backticks) are ignored when a marker text is matched:
  the checkers quote names differently.

A snippet that documents a generator bug carries ``# XFAIL: reason`` (or
``# XFAIL[mypy]: reason``) as a comment: its cases become xfail(strict=True), so
they start failing as soon as the generator is fixed and the directive must go.

The checkers run once per test run over all snippets, all concurrently (the first
xdist worker runs them, the others read its results); the parametrized tests only
compare their results.  A failure shows the
checker's diagnostics for the file (very long messages, such as ec2's list of
instance types, are cut at MAX_MESSAGE characters).

Environment (used by the world-matrix CI stage, tools/world.sh):

* ``BOTOLOOM_TYPING_GENERATED=DIR``: check against DIR/aws_typed instead of
  generated/ (e.g. a package generated with the newest botocore);
* ``BOTOLOOM_TYPING_CHECKERS=mypy,pyright``: run only these checkers (their cases
  only are collected); the checkers run from the interpreter running pytest, so a
  virtual env with typed boto3 (types-boto3) installed checks against that.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import subprocess
import sys
import time
import tokenize
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

pytestmark = pytest.mark.typing

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = Path(sys.executable).parent
GENERATED = Path(os.environ.get("BOTOLOOM_TYPING_GENERATED") or REPO / "generated").resolve()
SNIPPETS = HERE / "snippets"
ALL_CHECKERS = ("mypy", "pyright", "basedpyright", "pyrefly", "ty")
CHECKERS = tuple(
    name.strip()
    for name in (os.environ.get("BOTOLOOM_TYPING_CHECKERS") or ",".join(ALL_CHECKERS)).split(",")
    if name.strip()
)
ALIASES = {"basedpyright": "pyright"}  # its markers are pyright's (same engine, same messages)
LINE_ONLY = (
    "pyrefly",
    "ty",
)  # on a marked line without a marker of their own: any error
NO_MISS = ("mypy", "pyright")  # the checkers that must report every marked error
PYTHON_VERSION = "3.11"
TIMEOUT = 300  # seconds, per checker
MAX_MESSAGE = 1500  # characters of one diagnostic shown in a failure report

_DIRECTIVE = re.compile(r"#\s*(?P<kind>E|MISS|WRONG)(?:\[(?P<checker>[^\]]*)\])?:")
_QUOTES = str.maketrans("", "", "\"'`")  # checkers quote names differently
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
    checkers: tuple[str, ...] | None  # None: every checker
    text: str  # "" for a line-only expectation (any error)
    kind: str = "E"  # "E", or "WRONG": a false error the checker is known to report
    reason: str = ""  # why (WRONG)

    def applies_to(self, checker: str) -> bool:
        if self.checkers is None:
            return True
        return checker in self.checkers or ALIASES.get(checker) in self.checkers

    def __str__(self) -> str:
        tag = f"{self.kind}[{','.join(self.checkers)}]" if self.checkers else self.kind
        return f"# {tag}: {self.text or '(any error)'}"


@dataclass(frozen=True)
class Limit:
    """A MISS or WRONG marker kept here for a snippet line, because the snippet files
    belong to the generator's typing work: same meaning as the comment on the line."""

    kind: str  # "MISS" or "WRONG"
    checker: str
    snippet: str  # "fail/bad_s3_calls"
    contains: str  # every line of the snippet containing this text
    reason: str
    text: str = ""  # WRONG: the false error's message
    many_services: bool = False  # only for a package of more services than pyrefly's Literal limit


_TY_UNPACK = (
    "ty 0.0.108 does not check keyword names against **kwargs: Unpack[TypedDict] "
    "(PEP 692): an unknown keyword passes; types of known keywords are checked"
)
_PYREFLY_BIG_LITERAL = (
    "pyrefly 1.5 widens a Literal of more than about 256 strings to str "
    "(ec2 InstanceTypeType has 1,212): the enum is not checked"
)
_PYREFLY_BIG_ENTRY = (
    "pyrefly 1.5 widens a Literal of more than about 256 strings to str: in a package of "
    "every service, the last client() overload (service_name: ClientServiceName) takes any str"
)
PYREFLY_LITERAL_LIMIT = 256
_PYREFLY_RECURSIVE = (
    "pyrefly 1.5 cannot prove a recursive output TypedDict assignable to the recursive "
    "ReadOnly input TypedDict (dynamodb AttributeValue): mypy and pyright accept it"
)
CHECKER_LIMITS: tuple[Limit, ...] = (
    *(
        Limit("MISS", "ty", snippet, contains, _TY_UNPACK)
        for snippet, contains in (
            ("fail/bad_lambda_sqs", "WaitTime=20"),
            ("fail/bad_paginators", 'paginate(Bucket="b", Limit=10)'),
            ("fail/bad_resources", 'filter(Bucket="other")'),
            ("fail/bad_resources", 'put_object(Bucket="other"'),
            ("fail/bad_resources", 'objects.delete(Bucket="b")'),
            ("fail/bad_resources", "objects.delete(Delete="),
            ("fail/bad_resources", 'wait_until_exists(Bucket="b")'),
            ("fail/bad_resources", 'wait_until_running(InstanceIds=["i-1"])'),
            ("fail/bad_resources", 'query(TableName="t"'),
            ("fail/bad_resources", 'create_tags(Resources=["i-1"]'),
            ("fail/bad_s3_calls", "MaxKey=10"),
            ("fail/bad_s3_calls", 'client(region="us-east-1")'),
            ("fail/bad_waiters", "Delay=5)"),
        )
    ),
    *(
        Limit("MISS", "pyrefly", "fail/bad_ec2_enum", contains, _PYREFLY_BIG_LITERAL)
        for contains in (
            'InstanceType="t9.mega"',
            '"t3.mikro"',
            "InstanceType=instance_type",
        )
    ),
    *(
        Limit("MISS", "pyrefly", "fail/bad_entry_points", contains, _PYREFLY_BIG_ENTRY, many_services=True)
        for contains in ('boto3.client("kinesys")', "boto3.client(name)")
    ),
    *(
        Limit(
            "WRONG",
            "pyrefly",
            "pass/ok_dynamodb_roundtrip",
            contains,
            _PYREFLY_RECURSIVE,
            text,
        )
        for contains, text in (
            (
                'ExclusiveStartKey=resp["LastEvaluatedKey"]',
                "is not assignable to parameter `ExclusiveStartKey`",
            ),
            (
                "put_item(TableName=target, Item=item)",
                "is not assignable to parameter `Item`",
            ),
        )
    ),
)


@dataclass
class Snippet:
    path: Path
    kind: str  # "pass" or "fail"
    markers: list[Marker] = field(default_factory=list)
    missed: dict[tuple[int, str], str] = field(default_factory=dict)  # (line, checker) -> reason
    xfail: dict[str, str] = field(default_factory=dict)  # checker -> reason
    problems: list[str] = field(default_factory=list)  # malformed markers etc.

    @property
    def rel(self) -> str:
        return _display(self.path)

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.path.stem}"

    def expected(self, checker: str) -> list[Marker]:
        """The markers `checker` must match, including its line-only expectations."""
        own = [m for m in self.markers if m.applies_to(checker) and (m.line, checker) not in self.missed]
        if checker in LINE_ONLY:
            # An error that both mypy and pyright report is one that every checker
            # must find; one that only one of them reports (pyright's NotRequired
            # indexing) is expected only where the checker has a marker of its own.
            covered = {m.line for m in own}
            agreed = {m.line for m in self.markers if m.kind == "E" and m.applies_to("mypy")} & {
                m.line for m in self.markers if m.kind == "E" and m.applies_to("pyright")
            }
            for line in sorted(agreed - covered):
                if (line, checker) not in self.missed:
                    own.append(Marker(line, (checker,), ""))
        return own

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
        return list(ALL_CHECKERS), []
    names = [n.strip() for n in raw.split(",")]
    return [n for n in names if n in ALL_CHECKERS], [n for n in names if n not in ALL_CHECKERS]


def _add_miss(snippet: Snippet, line: int, names: list[str], reason: str) -> None:
    for name in names:
        if name in NO_MISS:
            snippet.problems.append(f"line {line}: {name} must report every marked error; MISS[{name}] is not allowed")
        snippet.missed[(line, name)] = reason


def load_snippet(path: Path, kind: str) -> Snippet:
    snippet = Snippet(path=path, kind=kind)
    for line, comment in _comments(path):
        xfail = _XFAIL.match(comment)
        if xfail:
            names, unknown = _parse_checkers(xfail["checkers"])
            reason = xfail["reason"].strip()
            if unknown or not reason:
                snippet.problems.append(f"line {line}: malformed XFAIL directive {comment!r}")
            for name in names:
                snippet.xfail[name] = f"{snippet.rel}: {reason}"
            continue
        starts = list(_DIRECTIVE.finditer(comment))
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(comment)
            text = comment[match.end() : end].strip()
            directive, raw = match["kind"], match["checker"]
            names, unknown = _parse_checkers(raw)
            if unknown or not names or (directive != "E" and raw is None):
                snippet.problems.append(f"line {line}: unknown or missing checker in {match.group(0)!r}")
                continue
            if not text:
                snippet.problems.append(f"line {line}: {match.group(0)!r} has no text")
                continue
            if directive == "MISS":
                _add_miss(snippet, line, names, text)
            elif directive == "WRONG":
                message, _, reason = text.partition(" -- ")
                if not reason.strip():
                    snippet.problems.append(f"line {line}: {match.group(0)!r} needs 'message -- reason'")
                snippet.markers.append(Marker(line, tuple(names), message.strip(), "WRONG", reason.strip()))
            else:
                snippet.markers.append(Marker(line, None if raw is None else tuple(names), text))
    _apply_limits(snippet)
    if kind == "pass" and (snippet.missed or [m for m in snippet.markers if m.kind == "E"]):
        snippet.problems.append("a pass snippet must not carry E or MISS markers")
    if kind == "fail" and not [m for m in snippet.markers if m.kind == "E"]:
        snippet.problems.append("a fail snippet needs at least one error marker")
    marked = {m.line for m in snippet.markers if m.kind == "E"}
    for line, name in snippet.missed:
        if line not in marked:
            snippet.problems.append(f"line {line}: MISS[{name}] on a line that no checker is expected to report")
    return snippet


def _many_services() -> bool:
    """Whether the package under test has more client services than pyrefly keeps as a Literal."""
    package = GENERATED / "aws_typed"
    return sum(1 for path in package.glob("*/client.py")) > PYREFLY_LITERAL_LIMIT


def _apply_limits(snippet: Snippet) -> None:
    lines = snippet.path.read_text(encoding="utf-8").splitlines()
    for limit in CHECKER_LIMITS:
        if limit.snippet != snippet.id or (limit.many_services and not _many_services()):
            continue
        hits = [n for n, text in enumerate(lines, 1) if limit.contains in text]
        if not hits:
            snippet.problems.append(
                f"CHECKER_LIMITS: no line contains {limit.contains!r} (stale entry for {limit.checker})"
            )
        for line in hits:
            if limit.kind == "MISS":
                _add_miss(snippet, line, [limit.checker], limit.reason)
            else:
                snippet.markers.append(Marker(line, (limit.checker,), limit.text, "WRONG", limit.reason))


def discover() -> list[Snippet]:
    return [load_snippet(path, kind) for kind in ("pass", "fail") for path in sorted((SNIPPETS / kind).glob("*.py"))]


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
    process = subprocess.Popen(command, cwd=work, env=_env(), stdout=stdout, stderr=stderr)
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


def _mypy_command(work: Path, files: list[Path], python: str = sys.executable) -> list[str]:
    config = work / "mypy.ini"
    # An empty config keeps the repository's own [tool.mypy] section out.
    config.write_text("[mypy]\n", encoding="utf-8")
    return [
        sys.executable, "-m", "mypy",
        "--strict",
        "--python-executable", python,
        "--python-version", PYTHON_VERSION,
        "--config-file", str(config),
        "--cache-dir", str(work / "mypy_cache"),
        "--output", "json",
        "--show-absolute-path",
        "--no-color-output",
        *map(str, files),
    ]  # fmt: skip


def _pyright_command(work: Path, files: list[Path], python: str = sys.executable, name: str = "pyright") -> list[str]:
    # pyright and basedpyright read the same settings; each gets its own directory.
    home = work / name
    home.mkdir(exist_ok=True)
    config = home / "pyrightconfig.json"
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
    program = [sys.executable, "-m", "pyright"] if name == "pyright" else [str(BIN / name)]
    return [
        *program,
        "--outputjson",
        "--project", str(config),
        "--pythonpath", python,
        *map(str, files),
    ]  # fmt: skip


def _pyrefly_command(work: Path, files: list[Path], python: str = sys.executable) -> list[str]:
    config = work / "pyrefly.toml"  # explicit, so that no project configuration is found
    config.write_text("", encoding="utf-8")
    return [
        str(BIN / "pyrefly"), "check",
        "--config", str(config),
        "--output-format", "json",
        "--relative-to", "/",  # paths relative to /: absolute once "/" is put back
        "--summary", "none",
        "--progress-bar", "no",
        "--search-path", str(GENERATED),
        "--python-version", PYTHON_VERSION,
        "--python-interpreter-path", python,
        *map(str, files),
    ]  # fmt: skip


def _ty_command(work: Path, files: list[Path], python: str = sys.executable) -> list[str]:
    config = work / "ty.toml"  # explicit, so that no project configuration is found
    config.write_text("", encoding="utf-8")
    return [
        str(BIN / "ty"), "check",
        "--config-file", str(config),
        "--output-format", "gitlab",
        "--python", python,
        "--python-version", PYTHON_VERSION,
        "--extra-search-path", str(GENERATED),
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
        run.fatal = run.fatal or f"{run.name} exited with status {run.returncode}"
        return []
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as exc:
        run.fatal = f"{run.name} --outputjson printed no JSON: {exc}"
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


def _parse_pyrefly(run: CheckerRun) -> list[Diagnostic]:
    if run.returncode not in (0, 1):
        run.fatal = run.fatal or f"pyrefly exited with status {run.returncode}"
        return []
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as exc:
        run.fatal = f"pyrefly --output-format json printed no JSON: {exc}"
        return []
    found = []
    for item in report.get("errors", []):
        if item.get("severity", "error") not in ("error", "warn", "warning"):
            continue  # info and hints are not problems
        found.append(
            Diagnostic(
                Path("/", item["path"]).resolve(),
                int(item["line"]),
                int(item["column"]),
                item.get("severity", "error"),
                item["description"],
                item.get("name") or "",
            )
        )
    if run.returncode == 1 and not [d for d in found if d.severity == "error"]:
        run.fatal = "pyrefly reported failure but printed no error"
    return found


def _parse_ty(run: CheckerRun) -> list[Diagnostic]:
    if run.returncode not in (0, 1):
        run.fatal = run.fatal or f"ty exited with status {run.returncode}"
        return []
    try:
        report = json.loads(run.stdout or "[]")
    except json.JSONDecodeError as exc:
        run.fatal = f"ty --output-format gitlab printed no JSON: {exc}"
        return []
    found = []
    for item in report:
        begin = item["location"]["positions"]["begin"]
        found.append(
            Diagnostic(
                Path(item["location"]["path"]).resolve(),
                int(begin["line"]),
                int(begin["column"]),
                ("error" if item.get("severity") in ("major", "critical", "blocker") else "warning"),
                item["description"],
                item.get("check_name") or "",
            )
        )
    if run.returncode == 1 and not found:
        run.fatal = "ty reported failure but printed no diagnostic"
    return found


_COMMANDS = {
    "mypy": _mypy_command,
    "pyright": _pyright_command,
    "basedpyright": lambda work, files, python=sys.executable: _pyright_command(work, files, python, "basedpyright"),
    "pyrefly": _pyrefly_command,
    "ty": _ty_command,
}
_PARSERS = {
    "mypy": _parse_mypy,
    "pyright": _parse_pyright,
    "basedpyright": _parse_pyright,
    "pyrefly": _parse_pyrefly,
    "ty": _parse_ty,
}


def run_checkers(
    work: Path, snippets: list[Snippet], checkers: tuple[str, ...] = CHECKERS, python: str = sys.executable
) -> dict[str, CheckerRun]:
    """Every checker over all snippets, all at once, against the environment of `python`;
    each one's diagnostics by file."""
    files = [s.path for s in snippets]
    commands = {name: _COMMANDS[name](work, files, python) for name in checkers}
    started = {name: _start(name, command, work) for name, command in commands.items()}
    deadline = time.monotonic() + TIMEOUT
    runs = {name: _finish(proc, deadline) for name, proc in started.items()}
    known = {s.path.resolve() for s in snippets}
    for name, run in runs.items():
        for diag in _PARSERS[name](run):
            if diag.path in known:
                run.diagnostics.setdefault(diag.path, []).append(diag)
            else:
                run.outside.append(diag)
    return runs


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: every worker runs its own checkers
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def checker_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CheckerRun]:
    """The checkers run once per test run: the first xdist worker runs them, the
    others read its results (five checkers twice over would double the cost)."""
    base = tmp_path_factory.getbasetemp()
    shared = os.environ.get("PYTEST_XDIST_WORKER") and os.name == "posix"
    root = base.parent if shared else base
    key = f"typing-checkers-{'-'.join(CHECKERS)}"
    result = root / f"{key}.pickle"
    with _locked(root / f"{key}.lock"):
        if result.exists():
            with open(result, "rb") as handle:
                runs: dict[str, CheckerRun] = pickle.load(handle)
            return runs
        work = root / key
        work.mkdir(exist_ok=True)
        runs = run_checkers(work, ALL_SNIPPETS)
        with open(result, "wb") as handle:
            pickle.dump(runs, handle)
        return runs


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
            problems.append(f"{where}\n    expected an error ({wanted}) but {checker} reported none")
            continue
        if not markers:
            got = "; ".join(d.message.splitlines()[0] for d in diags)
            missed = snippet.missed.get((line, checker))
            if missed is not None:
                problems.append(
                    f"{where}\n    {checker} now reports this line, marked MISS[{checker}] "
                    f"({missed}): remove the MISS marker (or give it an E[{checker}] marker): "
                    f"{got[:MAX_MESSAGE]}"
                )
            else:
                problems.append(f"{where}\n    unexpected {checker} error: {got[:MAX_MESSAGE]}")
            continue
        unused = list(diags)  # each marker must match its own diagnostic
        for marker in markers:
            wanted = marker.text.lower().translate(_QUOTES)
            hit = next(
                (d for d in unused if wanted in d.message.lower().translate(_QUOTES)),
                None,
            )
            if hit is None and marker.kind == "WRONG":
                problems.append(
                    f"{where}\n    {checker} no longer reports the false error of "
                    f"{str(marker)!r} ({marker.reason}): remove the WRONG marker"
                )
            elif hit is None:
                got = " | ".join(d.message.replace("\n", " ")[:MAX_MESSAGE] for d in diags)
                problems.append(f"{where}\n    no {checker} error matches {str(marker)!r}; got: {got}")
            else:
                unused.remove(hit)
    return problems


def _cases() -> Iterator[object]:
    for snippet in ALL_SNIPPETS:
        for checker in CHECKERS:
            marks = []
            if checker in snippet.xfail:
                marks.append(pytest.mark.xfail(strict=True, reason=snippet.xfail[checker]))
            yield pytest.param(snippet, checker, id=f"{snippet.id}-{checker}", marks=marks)


# Snippets whose expectations are about boto3 and botocore read from their own, untyped source:
# beside typed boto3 (types-boto3 / botocore-stubs, the world's stubs step) the checkers read
# other types for boto3.client() and botocore's BaseClient, so these expectations do not apply.
UNTYPED_BOTO3_ONLY = {"pass/ok_interop"}  # Snippet.id


def _typed_boto3_installed() -> bool:
    import importlib.metadata

    for dist in ("types-boto3", "boto3-stubs", "botocore-stubs"):
        try:
            importlib.metadata.distribution(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
        return True
    return False


@pytest.mark.parametrize(("snippet", "checker"), list(_cases()))
def test_snippet(snippet: Snippet, checker: str, checker_runs: dict[str, CheckerRun]) -> None:
    assert not snippet.problems, f"{snippet.rel} is malformed: " + "; ".join(snippet.problems)
    if snippet.id in UNTYPED_BOTO3_ONLY and _typed_boto3_installed():
        pytest.skip(f"{snippet.rel} describes untyped boto3; typed boto3 is installed here")
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
    assert run.fatal is None, f"{checker} did not run properly: {run.fatal}\n{run.transcript()}"
    if checker in ("pyright", "basedpyright"):
        assert run.files_analyzed == len(ALL_SNIPPETS), run.transcript()
    assert not run.outside, f"{checker} reported errors outside the snippets (in code they import):\n" + "\n".join(
        d.render() for d in run.outside
    )


def test_marker_grammar(tmp_path: Path) -> None:
    """E, MISS and WRONG markers as written in a snippet, and what each checker expects."""
    fail = tmp_path / "grammar_fail.py"
    fail.write_text(
        "f(x=1)  # E[mypy]: unexpected keyword  # E[pyright]: no parameter named  # MISS[ty]: Unpack kwargs\n"
        "g()  # E: missing  # E[pyrefly]: `a` missing\n"
        'h["k"]  # E[pyright]: not a required key\n',
        encoding="utf-8",
    )
    snippet = load_snippet(fail, "fail")
    assert snippet.problems == []
    by_checker = {c: sorted((m.line, m.text) for m in snippet.expected(c)) for c in ALL_CHECKERS}
    assert by_checker["mypy"] == [(1, "unexpected keyword"), (2, "missing")]
    assert (
        by_checker["basedpyright"]
        == by_checker["pyright"]
        == [
            (1, "no parameter named"),
            (2, "missing"),
            (3, "not a required key"),
        ]
    )
    assert by_checker["ty"] == [(2, "missing")]  # line 1: MISS; line 3: pyright only
    assert by_checker["pyrefly"] == [(1, ""), (2, "`a` missing"), (2, "missing")]
    assert snippet.missed == {(1, "ty"): "Unpack kwargs"}

    ok = tmp_path / "grammar_pass.py"
    ok.write_text(
        "x(y)  # WRONG[pyrefly]: not assignable -- recursive TypedDicts\n",
        encoding="utf-8",
    )
    snippet = load_snippet(ok, "pass")
    assert snippet.problems == []
    assert [(m.kind, m.text, m.reason) for m in snippet.expected("pyrefly")] == [
        ("WRONG", "not assignable", "recursive TypedDicts")
    ]
    assert snippet.expected("mypy") == []

    bad = tmp_path / "grammar_bad.py"
    bad.write_text(
        "f()  # E: x  # MISS[mypy]: no\ng()  # MISS[ty]: nothing marked here\n",
        encoding="utf-8",
    )
    problems = " ".join(load_snippet(bad, "fail").problems)
    assert "MISS[mypy] is not allowed" in problems
    assert "no checker is expected to report" in problems
