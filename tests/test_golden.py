"""Golden record: generated/ is exactly what the generator produces, and --check says so."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.incremental import CACHE

from .helpers import BIN, GENERATED, REFERENCE, botoloom


def test_check_passes_on_committed_output() -> None:
    result = botoloom("--services", *REFERENCE, "--output", str(GENERATED), "--check")
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


def test_check_fails_with_diff_after_hand_edit(tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(GENERATED, copy)
    target = copy / "aws_typed" / "sqs" / "client.py"
    target.write_text(target.read_text().replace("class SQSClient(BaseClient):", "class SQSClient(BaseClient):  # edited"))
    result = botoloom("--services", *REFERENCE, "--output", str(copy), "--check")
    assert result.returncode == 1
    assert "--- a/sqs/client.py" in result.stdout
    assert "-class SQSClient(BaseClient):  # edited" in result.stdout
    assert "+class SQSClient(BaseClient):" in result.stdout


def test_check_reports_missing_and_extra_services(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert botoloom("--services", "sqs", "--output", str(out)).returncode == 0
    result = botoloom("--services", "sqs", "sns", "--output", str(out), "--check")
    assert result.returncode == 1
    assert "+++ b/sns/client.py" in result.stdout


def test_generated_is_black_clean() -> None:
    result = subprocess.run([str(BIN / "black"), "--check", str(GENERATED)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-5000:]


@pytest.mark.parametrize("seeds", [("0", "12345")])
def test_deterministic_across_hash_seeds(tmp_path: Path, seeds: tuple[str, str]) -> None:
    outputs = []
    for seed in seeds:
        out = tmp_path / f"seed{seed}"
        result = botoloom("--services", "s3", "dynamodb", "wafv2", "--output", str(out), "--jobs", "1", env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        files = sorted(p for p in out.rglob("*") if p.is_file() and p.name != CACHE)  # the cache is not output
        outputs.append({p.relative_to(out): p.read_bytes() for p in files})
    assert outputs[0] == outputs[1]
    header = outputs[0][Path("aws_typed/s3/client.py")].decode()
    assert "from botocore 1." in header.split('"""')[1]
