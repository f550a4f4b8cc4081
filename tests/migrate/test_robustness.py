"""`botoloom migrate` on hostile trees (issue 26): one test per finding, each backing a claim
of README's "What migrate guarantees about your files".  Races and kills are made
deterministic with the seams of generator/seams.py (migrate-read, migrate-replace:PATH,
migrate-temp:PATH), never by sleeping."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.migrate.package import Target
from generator.migrate.transform import rewrite

from ..helpers import GENERATED
from .conftest import Paused, migrate_run

CLIENT = 'import boto3\n\nc = boto3.client("s3")\n'
MIGRATED = "from aws_typed import s3\n\nc = s3.client()\n"
OUT = ("--output", str(GENERATED))
TEMP_SUFFIX = ".botoloom-tmp"
MAX_BYTES = 4 * 1024 * 1024  # README: "at most 4 MiB"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path/project/app with two files to migrate; tmp_path/outside beside it."""
    app = tmp_path / "project" / "app"
    app.mkdir(parents=True)
    (app / "a.py").write_text(CLIENT)
    (app / "b.py").write_text(CLIENT)
    (tmp_path / "outside").mkdir()
    return tmp_path / "project"


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The stderr lines that are errors; none may be a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("botoloom: error: ")]


def temp_files(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob(f"*{TEMP_SUFFIX}"))


# Lost edit ---------------------------------------------------------------------------------


@pytest.mark.parametrize("point", ["migrate-read", "migrate-temp:app/a.py"])
@pytest.mark.parametrize("change", ["edit", "chmod"])
def test_a_file_changed_since_it_was_read_is_left_as_it_is(
    project: Path, paused: Callable[..., Paused], point: str, change: str
) -> None:
    """The user saves a.py (or only changes its mode) while migrate runs: a.py keeps the
    user's version, is named, exit 2; b.py is still migrated."""
    run = paused(project, point, "app", *OUT)
    a = project / "app" / "a.py"
    if change == "edit":
        a.write_text(CLIENT + "x = 1  # saved meanwhile\n")
    else:
        a.chmod(0o600)
    result = run.go_on()
    assert result.returncode == 2, result.stderr
    assert errors(result) == [
        "botoloom: error: app/a.py: cannot write it: changed since it was read; left as it is (run migrate again)"
    ]
    assert a.read_text() == (CLIENT + "x = 1  # saved meanwhile\n" if change == "edit" else CLIENT)
    assert (project / "app" / "b.py").read_text() == MIGRATED
    assert temp_files(project) == []


# Links ---------------------------------------------------------------------------------------


def test_links_named_on_the_command_line_are_never_followed(project: Path) -> None:
    outside = project.parent / "outside"
    (outside / "victim.py").write_text(CLIENT)
    (project / "app" / "link.py").symlink_to(outside / "victim.py")
    (project / "vendored").symlink_to(outside)
    named = ("app/link.py", "vendored", "vendored/victim.py", "app/a.py")
    checked = migrate_run(project, "--check", *named, *OUT)
    assert (checked.returncode, checked.stderr) == (1, "")  # a.py would be rewritten; links are no error
    result = migrate_run(project, *named, *OUT)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "botoloom migrate: app/link.py: a link, skipped (migrate never writes through a link)",
        "botoloom migrate: vendored: a link, skipped (migrate never writes through a link)",
        "botoloom migrate: vendored/victim.py: vendored: a link on the way to it, skipped (migrate never writes through a link)",
    ]
    assert (outside / "victim.py").read_text() == CLIENT
    assert (project / "app" / "link.py").is_symlink()
    assert (project / "app" / "a.py").read_text() == MIGRATED
    scanned = migrate_run(project, ".", *OUT)  # below a directory: links are not even listed
    assert (scanned.returncode, scanned.stderr) == (0, "")
    assert (outside / "victim.py").read_text() == CLIENT
    assert (project / "app" / "b.py").read_text() == MIGRATED


def test_a_directory_swapped_for_a_link_before_the_replace(project: Path, paused: Callable[..., Paused]) -> None:
    """app is replaced by a link to a copy outside the project while migrate stands before
    writing app/a.py: nothing outside is written."""
    run = paused(project, "migrate-replace:app/a.py", "app", *OUT)
    copy = project.parent / "outside" / "app"
    shutil.copytree(project / "app", copy)
    (project / "app").rename(project / "app.moved")
    (project / "app").symlink_to(copy)
    result = run.go_on()
    assert result.returncode == 2
    assert errors(result)[0] == (
        "botoloom: error: app/a.py: app: a link on the way to it; not written (migrate never writes through a link)"
    )
    assert [p.read_text() for p in sorted(copy.iterdir())] == [CLIENT, CLIENT]
    assert temp_files(project.parent) == []


def test_a_file_swapped_for_a_link_after_the_temp_file(project: Path, paused: Callable[..., Paused]) -> None:
    run = paused(project, "migrate-temp:app/a.py", "app/a.py", *OUT)
    victim = project.parent / "outside" / "victim.py"
    victim.write_text(CLIENT)
    (project / "app" / "a.py").unlink()
    (project / "app" / "a.py").symlink_to(victim)
    result = run.go_on()
    assert result.returncode == 2
    assert errors(result) == [
        "botoloom: error: app/a.py: cannot write it: changed since it was read; left as it is (run migrate again)"
    ]
    assert victim.read_text() == CLIENT
    assert (project / "app" / "a.py").is_symlink()
    assert temp_files(project) == []


def test_a_file_with_another_hard_link_is_left_as_it_is(project: Path) -> None:
    other = project.parent / "outside" / "other.py"
    os.link(project / "app" / "a.py", other)
    result = migrate_run(project, "app", *OUT)
    assert result.returncode == 2
    assert errors(result) == [
        "botoloom: error: app/a.py: cannot read it: has 2 hard links; replacing it would part them; left as it is"
    ]
    assert (project / "app" / "a.py").read_text() == other.read_text() == CLIENT
    assert (project / "app" / "b.py").read_text() == MIGRATED


# Owner, group and mode -------------------------------------------------------------------------

root_only = pytest.mark.skipif(os.geteuid() != 0, reason="needs root: chown to another user")


@root_only
def test_owner_group_and_mode_are_kept(project: Path) -> None:
    a = project / "app" / "a.py"
    os.chown(a, 1234, 2345)
    a.chmod(0o640)
    result = migrate_run(project, "app", *OUT)
    assert result.returncode == 0, result.stderr
    info = a.stat()
    assert (a.read_text(), info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (MIGRATED, 1234, 2345, 0o640)


@root_only
@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv (util-linux)")
def test_a_file_whose_owner_cannot_be_kept_is_left_as_it_is(project: Path) -> None:
    """Run as root without CAP_CHOWN (setpriv) on a file of uid 1234: it could replace the
    file, but only as root's: refused."""
    a = project / "app" / "a.py"
    os.chown(a, 1234, 2345)
    a.chmod(0o640)
    result = subprocess.run(
        ["setpriv", "--bounding-set", "-chown", "--inh-caps", "-chown"]
        + [sys.executable, "-m", "generator", "migrate", "app", *OUT],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert errors(result) == [
        "botoloom: error: app/a.py: cannot write it: owned by 1234:2345; cannot keep its owner and group; left as it is"
    ]
    info = a.stat()
    assert (a.read_text(), info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (CLIENT, 1234, 2345, 0o640)
    assert (project / "app" / "b.py").read_text() == MIGRATED
    assert temp_files(project) == []


# Only regular files, bounded ------------------------------------------------------------------


def test_only_regular_files_are_read(project: Path) -> None:
    """A FIFO in a scanned directory and one named, a link to /dev/zero named, a file over
    the size limit: each named, nothing blocks or reads without limit, the rest migrated."""
    app = project / "app"
    os.mkfifo(app / "pipe.py")
    os.mkfifo(project / "named_pipe.py")
    (project / "zero.py").symlink_to("/dev/zero")
    with (app / "big.py").open("wb") as big:
        big.write(CLIENT.encode())
        big.truncate(MAX_BYTES + 1)
    result = migrate_run(project, "app", "named_pipe.py", "zero.py", *OUT, timeout=120)
    assert result.returncode == 2, result.stderr
    assert errors(result) == [
        f"botoloom: error: app/big.py: cannot read it: {MAX_BYTES + 1} bytes, over the size limit of {MAX_BYTES} bytes; left as it is",
        "botoloom: error: app/pipe.py: cannot read it: a FIFO; only regular files are read",
        "botoloom: error: named_pipe.py: cannot read it: a FIFO; only regular files are read",
    ]
    assert "botoloom migrate: zero.py: a link, skipped (migrate never writes through a link)" in result.stderr
    assert (app / "a.py").read_text() == (app / "b.py").read_text() == MIGRATED


# Kill between the temp file and the rename ----------------------------------------------------


def test_a_killed_run_leaves_a_temp_file_the_next_run_removes(project: Path) -> None:
    killed = migrate_run(project, "app", *OUT, seam="migrate-temp:app/a.py=kill")
    assert killed.returncode == 137
    [temp] = temp_files(project)
    assert temp.startswith(".a.py.")
    assert (project / "app" / "a.py").read_text() == CLIENT
    (project / "app" / "a.py").write_text("x = 1\n")  # nothing else to do: only the temp file
    (project / "app" / "b.py").write_text("x = 2\n")
    for args in (["--check", "app"], ["--check", "app/a.py"], ["--diff", "app"]):
        listed = migrate_run(project, *args, *OUT)
        assert listed.returncode == (1 if "--check" in args else 0), listed.stderr
        assert listed.stderr == (
            f"botoloom migrate: app/{temp}: a temp file left by an interrupted run (removed by a run without --check or --diff)\n"
        )
        assert temp_files(project) == [temp]
    cleaned = migrate_run(project, "app", *OUT)
    assert cleaned.returncode == 0, cleaned.stderr
    assert cleaned.stderr == f"botoloom migrate: removed app/{temp} (a temp file left by an interrupted run)\n"
    assert temp_files(project) == []
    assert migrate_run(project, "--check", "app", *OUT).returncode == 0


@pytest.mark.parametrize("named", ["app", "."])
def test_a_killed_write_config_leaves_a_temp_file_the_next_one_removes(project: Path, named: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[tool.botoloom]\nservices = ["sqs"]\n')
    killed = migrate_run(project, "--write-config", named, *OUT, seam=f"migrate-temp:{pyproject}=kill")
    assert killed.returncode == 137
    [temp] = temp_files(project)
    assert temp.startswith(".pyproject.toml.")
    assert pyproject.read_text() == '[tool.botoloom]\nservices = ["sqs"]\n'
    cleaned = migrate_run(project, "--write-config", named, *OUT)
    assert cleaned.returncode == 0, cleaned.stderr
    assert temp_files(project) == []
    assert "(a temp file left by an interrupted run)" in cleaned.stderr
    assert pyproject.read_text() == '[tool.botoloom]\nservices = ["s3", "sqs"]\n'


def test_a_pyproject_with_another_hard_link_is_read(project: Path) -> None:
    """Only a file to be replaced must have one name: settings are read from any."""
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[tool.botoloom]\npackage = "typed_aws"\n')
    os.link(pyproject, project.parent / "outside" / "pyproject.toml")
    result = migrate_run(project, "--diff", "app/a.py")
    assert result.returncode == 0, result.stderr
    assert "+from typed_aws import s3\n" in result.stdout


# Line endings -----------------------------------------------------------------------------------

UNTOUCHED = [
    "x = 1",
    "# a comment",
    "",
    "   ",
    "\t",
    "\x0c",
    "def f():",
    "    return (1,",
    "            2)",
    's = """a',
    'b"""',
    "y = [  # inside",
    "]",
]


@st.composite
def sources(draw: st.DrawFn, endings: str) -> tuple[bytes, bytes]:
    """(a file with `import boto3` and one `boto3.client("s3")` among untouched lines, what
    it must become): every byte outside the two rewritten spans kept, the rewritten import
    line's own line ending too."""

    def lines(n: int, pool: list[str] = UNTOUCHED[:6]) -> str:
        return "".join(line + eol() for line in draw(st.lists(st.sampled_from(pool), max_size=n)))

    def eol() -> str:
        return draw(st.sampled_from(["\n", "\r", "\r\n"])) if endings == "mixed" else endings

    head = lines(3, UNTOUCHED[1:6])  # comments and blank lines above the import
    newline, blank = eol(), eol()
    if (newline, blank) == ("\r", "\n"):  # one CRLF: the blank line after the import would be gone
        blank = "\r"
    block = draw(st.sampled_from([[], UNTOUCHED[6:9], UNTOUCHED[9:]]))
    rest = lines(4) + "".join(line + eol() for line in block)
    end = "".join(eol() + line for line in draw(st.lists(st.sampled_from(UNTOUCHED[:6]), max_size=4)))
    end += draw(st.sampled_from(["", eol()]))  # no final line ending, or any
    before = f'{head}import boto3{newline}{blank}{rest}c = boto3.client("s3"){end}'
    after = f"{head}from aws_typed import s3{newline}{blank}{rest}c = s3.client(){end}"
    return before.encode(), after.encode()


@pytest.mark.parametrize("endings", ["\r", "\r\n", "\n", "mixed"])
def test_every_byte_outside_the_rewritten_spans_is_kept(target: Target, endings: str) -> None:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(sources(endings))
    def check(case: tuple[bytes, bytes]) -> None:
        before, after = case
        assert rewrite(before, target, "endings.py")[0] == after

    check()


def test_a_cr_only_file_keeps_its_final_line_ending(project: Path) -> None:
    (project / "app" / "a.py").write_bytes(b'import boto3\r\rc = boto3.client("s3")\rx = 1\r')
    result = migrate_run(project, "app/a.py", *OUT)
    assert result.returncode == 0, result.stderr
    assert (project / "app" / "a.py").read_bytes() == b"from aws_typed import s3\r\rc = s3.client()\rx = 1\r"


def test_a_file_libcst_would_not_give_back_is_left_as_it_is(project: Path) -> None:
    """libcst drops a form feed that starts a file: the file is named, not changed."""
    text = b'\x0cimport boto3\nc = boto3.client("s3")\n'
    (project / "app" / "a.py").write_bytes(text)
    result = migrate_run(project, "app", *OUT)
    assert result.returncode == 2
    assert errors(result) == [
        "botoloom: error: app/a.py: libcst would not give it back byte for byte (a form feed before code on its line); "
        "left as it is"
    ]
    assert (project / "app" / "a.py").read_bytes() == text
    assert (project / "app" / "b.py").read_text() == MIGRATED


# Deep nesting ---------------------------------------------------------------------------------

DEEP = {
    "concat.py": "import boto3\nx = (" + " ".join(['"a"'] * 800) + ")\n",
    "plus.py": "import boto3\nx = " + " + ".join(["1"] * 400) + "\n",
    "elif.py": "import boto3\nif x == 0:\n    pass\n" + "".join(f"elif x == {i}:\n    pass\n" for i in range(1, 800)),
}


@pytest.mark.parametrize("check", [False, True])
def test_deeply_nested_files_are_named_and_the_rest_migrated(project: Path, check: bool) -> None:
    for name, text in DEEP.items():
        (project / "app" / name).write_text(text)
    result = migrate_run(project, *(["--check"] if check else []), "app", *OUT)
    assert result.returncode == 2, result.stderr
    assert errors(result) == [
        f"botoloom: error: app/{name}: nested too deeply to migrate (Python's recursion limit); left as it is"
        for name in sorted(DEEP)
    ]
    assert (project / "app" / "a.py").read_text() == (CLIENT if check else MIGRATED)
    assert {name: (project / "app" / name).read_text() for name in DEEP} == DEEP


# pyproject.toml ---------------------------------------------------------------------------------


def test_write_config_on_another_file_system_changes_nothing(project: Path) -> None:
    """pyproject.toml is a link to a file on another file system: one line, exit 2, and no
    source rewritten (the config is written before any source)."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == project.stat().st_dev:
        pytest.skip("needs /dev/shm on another file system")
    elsewhere = Path(tempfile.mkdtemp(dir=shm))
    try:
        (elsewhere / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sqs"]\n')
        (project / "pyproject.toml").symlink_to(elsewhere / "pyproject.toml")
        result = migrate_run(project, "--write-config", "app", *OUT)
        assert result.returncode == 2
        assert result.stderr == (
            f"botoloom: error: {project / 'pyproject.toml'}: a link; botoloom never writes through a link: "
            'add services = ["s3"] to [tool.botoloom] by hand\n'
        )
        assert (elsewhere / "pyproject.toml").read_text() == '[tool.botoloom]\nservices = ["sqs"]\n'
    finally:
        shutil.rmtree(elsewhere)
    assert (project / "app" / "a.py").read_text() == CLIENT


def test_write_config_meeting_an_os_error_changes_nothing(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[tool.botoloom]\nservices = ["sqs"]\n')
    result = migrate_run(project, "--write-config", "app", *OUT, seam=f"migrate-temp:{pyproject}=oserror:EXDEV")
    assert result.returncode == 2
    assert result.stderr == (
        f"botoloom: error: {pyproject}: cannot write it: Invalid cross-device link; "
        'add services = ["s3", "sqs"] to [tool.botoloom] by hand\n'
    )
    assert pyproject.read_text() == '[tool.botoloom]\nservices = ["sqs"]\n'
    assert (project / "app" / "a.py").read_text() == CLIENT
    assert temp_files(project) == []


@pytest.mark.parametrize("args", [["app"], ["--check", "app"], ["--write-config", "app"]])
def test_a_deeply_nested_pyproject_is_one_line(project: Path, args: list[str]) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text("[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n")
    result = migrate_run(project, *args, *OUT)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"botoloom: error: {pyproject}: cannot read it: arrays or tables nested too deeply\n"
    assert (project / "app" / "a.py").read_text() == CLIENT


def test_a_pyproject_over_the_size_limit_is_one_line(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    with pyproject.open("wb") as handle:
        handle.write(b"[tool.botoloom]\n")
        handle.truncate(MAX_BYTES + 1)
    result = migrate_run(project, "app", *OUT)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"botoloom: error: {pyproject}: cannot read it: {MAX_BYTES + 1} bytes, over the size limit of "
        f"{MAX_BYTES} bytes; left as it is\n"
    )


def test_write_config_reads_a_deeply_nested_pyproject_without_a_traceback(tmp_path: Path) -> None:
    from generator.errors import UserError
    from generator.migrate.pyproject import add_services

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.botoloom]\nservices = []\n[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(UserError, match="cannot read it: nested too deeply"):
        add_services(pyproject, ["s3"])
