"""generator.render.format: one isolated ruff run per batch of rendered files, .pyi as stubs,
black's output where ruff differs, and one clear error when ruff fails."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from generator.errors import UserError
from generator.render import format as fmt

LONG = "def f(self, first_parameter: int, second_parameter: str, third_parameter: bytes) -> None:"


def _black(src: str, pyi: bool = False) -> str:
    black: Any = pytest.importorskip("black", reason="black (a dev dependency) is the judge of the layout")
    return str(black.format_str(src, mode=black.Mode(is_pyi=pyi)))


def test_formats_py_and_pyi_in_one_run_and_leaves_other_files(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], **kwargs: Any) -> Any:
        runs.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    body = f"class C:\n    {LONG}\n        pass\n    def g(self) -> int:\n        return 1\n"
    stub = "class C:\n    def f(self) -> None: ...\n\n    def g(self) -> int: ...\nx = 'a'\n"
    files = {"s/m.py": body, "s/m.pyi": stub, "py.typed": "", "s/notes.txt": "x  =  'a'\n"}
    out = fmt.format_files(files)
    assert len(runs) == 1 and runs[0][1] == "format"
    assert out["py.typed"] == "" and out["s/notes.txt"] == files["s/notes.txt"]
    assert out["s/m.py"] == _black(body)
    assert "\n\n    def g" in out["s/m.py"]  # a .py: a blank line between methods
    assert (
        out["s/m.pyi"]
        == _black(stub, pyi=True)
        == 'class C:\n    def f(self) -> None: ...\n    def g(self) -> int: ...\n\nx = "a"\n'
    )


def test_no_python_files_no_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("ruff ran"))
    assert fmt.format_files({"py.typed": ""}) == {"py.typed": ""}


def test_user_configuration_never_applies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ruff.toml / pyproject.toml above the temporary directory, in the working directory
    and in the user's config directory, and RUFF_* variables, change nothing."""
    hostile = "line-length = 20\nindent-width = 2\n[format]\nquote-style = 'single'\nskip-magic-trailing-comma = true\n"
    for name, text in [
        ("ruff.toml", hostile),
        (".ruff.toml", hostile),
        ("pyproject.toml", "[tool.ruff]\n" + hostile.replace("[format]", "[tool.ruff.format]")),
    ]:
        (tmp_path / name).write_text(text)
    (tmp_path / "config" / "ruff").mkdir(parents=True)
    (tmp_path / "config" / "ruff" / "ruff.toml").write_text(hostile)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(fmt, "_scratch", lambda: str(tmp_path / "tmp"))  # the private directory in there
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("RUFF_PREVIEW", "true")
    source = 'X = ["a", "b",]\nY = {"k": "value"}\n' + f"class C:\n    {LONG}\n        pass\n"
    out = fmt.format_files({"m.py": source})["m.py"]
    assert out == _black(source)
    assert list((tmp_path / "tmp").iterdir()) == []  # the private directory is gone


def test_stub_keeps_a_blank_line_that_opens_an_if_block() -> None:
    """ruff drops it in a stub, black keeps it: the golden keeps it (presigned-URL overloads)."""
    stub = (
        "class C:\n    def g(self) -> int: ...\n    if TYPE_CHECKING:\n\n        @overload\n"
        "        def f(self, x: int) -> str: ...\n        @overload\n        def f(self, x: str) -> str: ...\n"
    )
    plain = stub.replace(":\n\n", ":\n")
    out = fmt.format_files({"a.pyi": stub, "b.pyi": plain})
    assert out["a.pyi"] == stub == _black(stub, pyi=True)
    assert out["b.pyi"] == plain == _black(plain, pyi=True)


def test_code_ruff_cannot_parse_is_one_line_naming_the_file() -> None:
    with pytest.raises(UserError) as caught:
        fmt.format_files({"ok.py": "x = 1\n", "s3/client.py": "def f(:\n"})
    message = str(caught.value)
    assert "\n" not in message
    assert "s3/client.py" in message and "botoloom bug" in message
    assert tempfile.gettempdir() not in message


def test_missing_ruff_binary_is_a_user_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fmt, "ruff_bin", lambda: str(tmp_path / "no-such-ruff"))
    with pytest.raises(UserError, match="cannot run ruff"):
        fmt.format_files({"m.py": "x = 1\n"})


def test_ruff_package_without_binary_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import ruff.__main__

    def missing() -> str:
        raise FileNotFoundError

    monkeypatch.setattr(ruff.__main__, "find_ruff_bin", missing)
    fmt.ruff_bin.cache_clear()
    try:
        with pytest.raises(UserError, match="reinstall ruff"):
            fmt.ruff_bin()
    finally:
        fmt.ruff_bin.cache_clear()


def test_command_is_isolated_and_fully_configured() -> None:
    args = fmt.command(["x.py"])
    assert {"--isolated", "--no-cache", "--no-force-exclude"} <= set(args)
    assert args[args.index("--line-length") + 1] == "88"
    assert args[args.index("--target-version") + 1] == "py310"
    assert args[-2:] == ["--", "x.py"]
    assert fmt.ruff_version().startswith("ruff ")


def test_another_ruff_version_renders_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The incremental cache keys on the formatter: another ruff may format differently."""
    from generator import pipeline

    plan = pipeline.Plan(names=["sqs"], root=tmp_path / "out" / "aws_typed", package="aws_typed", jobs=1)
    for version, rendered in [(None, "1 rendered"), (None, "0 rendered"), ("ruff 99.0.0", "1 rendered")]:
        if version is not None:
            monkeypatch.setattr(pipeline, "ruff_version", lambda: version)
        assert pipeline.generate(plan) == 0
        assert rendered in capsys.readouterr().out


def test_cli_without_ruff_is_one_line_and_exit_2(tmp_path: Path) -> None:
    script = (
        "import sys, generator.render.format as f\n"
        f"f.ruff_bin = lambda: {str(tmp_path / 'no-such-ruff')!r}\n"
        "from generator.app.cli import main\n"
        "sys.exit(main(['--services', 'sqs', '--jobs', '1', '--quiet', '--output', sys.argv[1]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("botoloom: error: cannot run ruff"), done.stderr


def test_format_many_is_one_run_split_back(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[list[str]] = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kwargs: runs.append(args) or real(args, **kwargs))
    batches = [{"a/m.py": "x  =  1\n", "py.typed": ""}, {"a/m.py": "y=[1,]\n"}, {}]
    assert fmt.format_many(batches) == [{"a/m.py": "x = 1\n", "py.typed": ""}, {"a/m.py": "y = [\n    1,\n]\n"}, {}]
    assert len(runs) == 1
