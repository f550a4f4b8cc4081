"""The command line in a user's build: clear errors, safe writes, incremental runs, config."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import pipeline
from generator.app import cli, config
from generator.output.package_dir import MANIFEST, PackageDir

from .helpers import REPO, botoloom


def snapshot(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("botoloom: error: ")
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output directory that already holds a user file."""
    directory = tmp_path / "out"
    directory.mkdir()
    (directory / "user.txt").write_text("mine")
    return directory


def test_unknown_service_names_close_matches(out: Path) -> None:
    before = snapshot(out)
    result = botoloom("--services", "s4", "sqs", "--output", str(out))
    assert_error(result, "unknown service 's4'", "did you mean s3")
    assert snapshot(out) == before


def test_invalid_package_name(out: Path) -> None:
    before = snapshot(out)
    assert_error(
        botoloom("--services", "sqs", "--output", str(out), "--package", "my-pkg"),
        "'my-pkg' is not a valid Python package name",
    )
    assert_error(botoloom("--services", "sqs", "--output", str(out), "--package", "class"), "'class'")
    assert snapshot(out) == before


def test_output_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert_error(botoloom("--services", "sqs", "--output", str(target)), "is a file, not a directory")
    assert target.read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere, so permissions cannot be tested")
def test_output_not_writable(out: Path) -> None:
    out.chmod(0o500)
    try:
        assert_error(botoloom("--services", "sqs", "--output", str(out)), "is not writable")
    finally:
        out.chmod(0o700)


@pytest.mark.parametrize(
    "name",
    [
        "a..b",
        ".a",
        "a.",
        "mylib.class",
        "class.mylib",
        "a/b",
        "mylib/_aws",
        "mylib.\ufb01le",
        "mylib.a-b",
        "mylib.__init__",
        "mylib. x",
    ],
)
def test_hostile_dotted_package_names(out: Path, name: str) -> None:
    """Each part an identifier Python imports under that spelling (\ufb01le would import as file)."""
    (out / "mylib").mkdir()
    before = snapshot(out)
    assert_error(
        botoloom("--services", "sqs", "--output", str(out), "--package", name),
        f"--package {name!r} is not a valid Python package name",
    )
    assert snapshot(out) == before


def test_dotted_package_needs_the_users_package_directory(out: Path, tmp_path: Path) -> None:
    """mylib._aws goes inside an existing mylib of --output: never made, never through a link,
    never inside a package botoloom generated."""
    before = snapshot(out)

    def refused(package: str, *needles: str) -> None:
        assert_error(botoloom("--services", "sqs", "--output", str(out), "--package", package), *needles)

    refused("mylib._aws", f"{out / 'mylib'} is not a directory", "inside your existing package mylib")
    (out / "afile").write_text("x")
    refused("afile._aws", f"{out / 'afile'} is not a package directory")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "linked").symlink_to(elsewhere)
    refused("linked._aws", f"{out / 'linked'} is a symbolic link")
    (out / "mylib").mkdir()
    assert botoloom("--services", "sqs", "--output", str(out), "--package", "mylib._aws", "--quiet").returncode == 0
    refused("mylib._aws.inner", f"{out / 'mylib' / '_aws'} is a package botoloom generated")
    refused("os._aws", "os is a standard-library module name")
    assert list(elsewhere.iterdir()) == [] and not (out / "mylib" / "__init__.py").exists()
    assert {p for p in snapshot(out) if not p.startswith("mylib/_aws/")} == {*before, "afile"}


@pytest.mark.parametrize("command", ["install", "build"])
def test_install_and_build_refuse_a_dotted_package(tmp_path: Path, command: str) -> None:
    """A wheel of its own needs a top-level name: one line, exit 2, nothing written."""
    where = ["--output", str(tmp_path / "wheels")] if command == "build" else []
    result = botoloom(command, "--services", "sqs", "--package", "mylib._aws", *where)
    assert_error(result, "--package 'mylib._aws': install and build make a distribution of its own")
    assert not (tmp_path / "wheels").exists()


def test_refuses_foreign_package_directory(out: Path) -> None:
    (out / "aws_typed").mkdir()
    (out / "aws_typed" / "theirs.py").write_text("x = 1\n")
    before = snapshot(out)
    assert_error(botoloom("--services", "sqs", "--output", str(out)), "was not written by botoloom", "refusing")
    assert snapshot(out) == before


def _data_path(tmp_path: Path, name: str, text: str) -> Path:
    data = tmp_path / "models"
    (data / name / "2020-01-01").mkdir(parents=True)
    (data / name / "2020-01-01" / "service-2.json").write_text(text)
    return data


def test_broken_json_definition_names_the_file(tmp_path: Path, out: Path) -> None:
    data = _data_path(tmp_path, "brokensvc", '{"metadata": {,}')
    before = snapshot(out)
    result = botoloom("--services", "brokensvc", "--output", str(out), env={"AWS_DATA_PATH": str(data)})
    assert_error(result, "brokensvc", str(data / "brokensvc" / "2020-01-01" / "service-2.json"))
    assert snapshot(out) == before


def test_malformed_definition_names_service_and_file(tmp_path: Path, out: Path) -> None:
    definition = {
        "version": "2.0",
        "metadata": {
            "apiVersion": "2020-01-01",
            "serviceId": "Badref",
            "protocol": "json",
            "serviceFullName": "Bad",
            "endpointPrefix": "badref",
            "signatureVersion": "v4",
        },
        "operations": {
            "Go": {"name": "Go", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "Missing"}}
        },
        "shapes": {},
    }
    data = _data_path(tmp_path, "badref", json.dumps(definition))
    before = snapshot(out)
    result = botoloom("--services", "sqs", "badref", "--output", str(out), env={"AWS_DATA_PATH": str(data)})
    assert_error(result, "badref", "service-2.json", "'Missing'")
    assert snapshot(out) == before  # sqs was fine, but nothing is written when the run fails


def test_user_files_survive_generation_regeneration_and_check(out: Path) -> None:
    package = out / "aws_typed"
    assert botoloom("--services", "sqs", "sns", "--output", str(out), "--quiet").returncode == 0
    (package / "mine.py").write_text("MINE = 1\n")
    (package / "sns" / "notes.md").write_text("my notes")
    assert botoloom("--services", "sqs", "--prune", "--output", str(out), "--quiet").returncode == 0
    assert (out / "user.txt").read_text() == "mine"
    assert (package / "mine.py").read_text() == "MINE = 1\n"
    assert (package / "sns" / "notes.md").read_text() == "my notes"
    assert not (package / "sns" / "client.py").exists()  # botoloom's own stale files go
    check = botoloom("--services", "sqs", "--output", str(out), "--check")
    assert check.returncode == 0, check.stdout
    assert (package / "mine.py").exists() and (out / "user.txt").exists()


def test_hand_edited_stale_file_is_kept(out: Path) -> None:
    package = out / "aws_typed"
    assert botoloom("--services", "sqs", "sns", "--output", str(out), "--quiet").returncode == 0
    edited = package / "sns" / "client.py"
    edited.write_text(edited.read_text() + "# my change\n")
    result = botoloom("--services", "sqs", "--prune", "--output", str(out))
    assert result.returncode == 0
    assert edited.exists() and "kept" in result.stdout


def test_crash_half_way_is_repaired(out: Path) -> None:
    """A run stopped (Ctrl-C) after a few files are in place leaves a directory the next run completes."""
    clean = out.parent / "clean"
    assert botoloom("--services", "sqs", "sns", "--output", str(clean), "--quiet").returncode == 0
    stopped = botoloom(
        "--services",
        "sqs",
        "sns",
        "--output",
        str(out),
        "--quiet",
        env={"BOTOLOOM_TEST_SEAM": "commit:sqs/client.py=oserror:EINTR"},
    )
    assert stopped.returncode == 2 and "run botoloom again to repair" in stopped.stderr
    assert (out / "aws_typed" / MANIFEST).exists()  # the pending manifest came first
    assert botoloom("--services", "sqs", "sns", "--output", str(out), "--quiet").returncode == 0
    strip = lambda snap: {k: v for k, v in snap.items() if not k.endswith(".botoloom-cache.json")}  # noqa: E731
    assert strip(snapshot(out / "aws_typed")) == strip(snapshot(clean / "aws_typed"))


def test_killed_process_is_repaired(out: Path) -> None:
    """SIGKILL during a real run; the next run repairs the output."""
    args = [
        sys.executable,
        "-m",
        "generator",
        "--services",
        "ec2",
        "s3",
        "sqs",
        "--output",
        str(out),
        "--jobs",
        "1",
        "--quiet",
    ]
    proc = subprocess.Popen(args, cwd=REPO)
    manifest = out / "aws_typed" / MANIFEST
    deadline = time.monotonic() + 120
    while not manifest.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert botoloom("--services", "ec2", "s3", "sqs", "--output", str(out), "--quiet").returncode == 0
    assert botoloom("--services", "ec2", "s3", "sqs", "--output", str(out), "--check").returncode == 0


def test_incremental_rerenders_only_changed_services(out: Path, tmp_path: Path) -> None:
    assert botoloom("--services", "sqs", "sns", "--output", str(out)).returncode == 0
    again = botoloom("--services", "sqs", "sns", "--output", str(out))
    assert "0 rendered, 0 file(s) written" in again.stdout
    (out / "aws_typed" / "sqs" / "client.py").write_text("damaged\n")
    repaired = botoloom("--services", "sqs", "sns", "--output", str(out))
    assert "1 rendered, 1 file(s) written" in repaired.stdout
    other_package = botoloom("--services", "sqs", "sns", "--output", str(out), "--package", "other")
    assert "2 rendered" in other_package.stdout


def test_progress_lines_when_not_a_terminal(out: Path) -> None:
    result = botoloom("--services", "sqs", "sns", "--output", str(out), "--jobs", "1")
    assert "botoloom: [1/2] rendering sns" in result.stderr
    assert "botoloom: [2/2] rendering sqs" in result.stderr
    assert result.stdout.startswith("botoloom: 2 service(s) into")
    quiet = botoloom("--services", "sqs", "sns", "--output", str(out), "--quiet")
    assert quiet.stdout == quiet.stderr == ""


def test_pyproject_configuration(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.botoloom]\nservices = ["sqs"]\npackage = "typed_aws"\noutput = "src"\n'
    )
    result = botoloom(cwd=project / "sub")
    assert result.returncode == 0, result.stderr
    assert (project / "src" / "typed_aws" / "sqs" / "client.py").is_file()
    assert botoloom("--check", cwd=project).returncode == 0
    (project / "pyproject.toml").write_text('[tool.botoloom]\nservises = ["sqs"]\n')
    assert_error(botoloom(cwd=project), "unknown [tool.botoloom] keys: servises")


@pytest.mark.parametrize(
    ("entry", "needles"),
    [
        (
            '"sqs.GetQueueAttribute" = ["Attributes"]',
            ['"sqs.GetQueueAttribute": sqs has no operation', "did you mean GetQueueAttributes,"],
        ),
        (
            '"sqs.GetQueueAttributes" = ["Atributes"]',
            ["sqs.GetQueueAttributes has no member 'Atributes'", "Attributes?"],
        ),
        ('"sqs.Message" = ["body", "Bodi"]', ["sqs.Message has no member 'Bodi' (did you mean Body"]),
        ('"sqs.Queue" = ["dead_letter_source_queue"]', ["sqs.Queue has no member 'dead_letter_source_queue'"]),
        ('"sqss.GetQueueUrl" = ["QueueUrl"]', ["unknown service 'sqss' (did you mean sqs"]),
    ],
)
def test_required_entries_that_name_nothing(tmp_path: Path, entry: str, needles: list[str]) -> None:
    """[tool.botoloom.required]: a key or member a generated service does not have, or a
    service botocore does not have, is refused in one line (it used to be left out silently),
    before anything is written; names that exist pass, by model or Python name."""
    project = tmp_path / "project"
    project.mkdir()
    head = '[tool.botoloom]\nservices = ["sqs"]\noutput = "src"\n\n[tool.botoloom.required]\n'
    (project / "pyproject.toml").write_text(head + entry + "\n")
    result = botoloom(cwd=project)
    assert_error(result, "[tool.botoloom.required]", *needles)
    assert len(result.stderr.splitlines()) == 1 and not (project / "src").exists()
    good = ['"sqs.GetQueueAttributes" = ["Attributes"]', '"sqs.Message" = ["body", "MessageId"]']
    good += ['"sqs.Queue" = ["attributes", "Attributes"]', '"sts.GetCallerIdentity" = ["Account"]']
    (project / "pyproject.toml").write_text(head + "\n".join(good) + "\n")
    result = botoloom("--quiet", cwd=project)
    assert result.returncode == 0, result.stderr


def test_no_services_anywhere(tmp_path: Path) -> None:
    assert_error(botoloom(cwd=tmp_path), "name services with --services")


def test_list_services() -> None:
    result = botoloom("--list-services")
    names = result.stdout.split()
    assert result.returncode == 0 and "s3" in names and "lambda" in names and len(names) > 400


def test_output_not_writable_in_process(
    out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same as above where the tests run as root: the writability check itself."""
    before = snapshot(out)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert cli.main(["--services", "sqs", "--output", str(out)]) == 2
    assert "is not writable" in capsys.readouterr().err
    assert snapshot(out) == before


def test_changed_generator_code_renders_again(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache key includes botoloom's own code, not just its version number."""
    from generator.output import cache as incremental

    assert cli.main(["--services", "sqs", "--output", str(out), "--quiet", "--jobs", "1"]) == 0
    plan = config.plan(config.Request(services=("sqs",), output=str(out), jobs=1, quiet=True), config.Config())
    with PackageDir.locked(plan.root, 10, quiet=True) as package:
        assert package.unchanged("sqs", pipeline.cache_keys(plan)["sqs"]) is not None
    monkeypatch.setattr(incremental, "generator_digest", lambda: "patched")
    rendered: list[str] = []
    real_one = pipeline._one
    monkeypatch.setattr(
        pipeline, "_one", lambda name, versions, options: rendered.append(name) or real_one(name, versions, options)
    )
    assert cli.main(["--services", "sqs", "--output", str(out), "--quiet", "--jobs", "1"]) == 0
    assert rendered == ["sqs"]
