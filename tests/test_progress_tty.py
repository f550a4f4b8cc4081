"""The progress bar in a real terminal (issue 29, item 13): botoloom run inside tmux, every
byte it writes to the terminal recorded (pipe-pane) and the screen read at the end
(capture-pane). Skipped where tmux is not installed.

What a user must see: the bar (tqdm) while the services render, a warning on a line of its
own above it (not appended to the bar's line), and at the end a clean screen: no bar left
over, the summary intact. With stderr piped instead: plain lines, no carriage return and no
escape sequence."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers import REPO, botoloom

SERVICES = [
    "sqs", "sns", "sts", "kms", "iam", "lambda", "glacier", "cloudwatch", "cloudformation", "apigatewayv2",
    "wafv2", "ecr", "logs", "events", "kinesis", "route53", "ssm", "sesv2", "acm", "secretsmanager",
]  # fmt: skip
GHOST = "ghosty"  # a custom service whose paginator names an operation it does not have: a warning

GHOST_DEFINITION = {
    "version": "2.0",
    "metadata": {
        "apiVersion": "2020-01-01",
        "endpointPrefix": "ghosty",
        "protocol": "json",
        "serviceFullName": "Ghosty",
        "serviceId": "Ghosty",
        "signatureVersion": "v4",
        "uid": "ghosty-2020-01-01",
        "jsonVersion": "1.1",
        "targetPrefix": "Ghosty",
    },
    "operations": {
        "ListThings": {"name": "ListThings", "http": {"method": "POST", "requestUri": "/"}, "output": {"shape": "Out"}}
    },
    "shapes": {"Out": {"type": "structure", "members": {"Things": {"shape": "S"}}}, "S": {"type": "string"}},
}
PAGINATORS = {"pagination": {"ListGhosts": {"input_token": "T", "output_token": "T", "result_key": "Things"}}}


def models(root: Path) -> Path:
    directory = root / "models" / GHOST / "2020-01-01"
    directory.mkdir(parents=True)
    (directory / "service-2.json").write_text(json.dumps(GHOST_DEFINITION))
    (directory / "paginators-1.json").write_text(json.dumps(PAGINATORS))
    return root / "models"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_progress_bar_in_a_real_terminal(tmp_path: Path) -> None:
    data = models(tmp_path)
    go, done, raw = tmp_path / "go", tmp_path / "done", tmp_path / "terminal.raw"
    command = shlex.join(
        [sys.executable, "-m", "generator", "--services", *SERVICES, GHOST, "--output", str(tmp_path), "--jobs", "2"]
    )
    script = (
        f"cd {shlex.quote(str(REPO))}; while [ ! -e {go} ]; do sleep 0.05; done; "
        f"AWS_DATA_PATH={shlex.quote(str(data))} {command}; echo EXIT=$? > {done}; sleep 600"
    )
    session = f"botoloom-progress-{tmp_path.name}"
    tmux("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "150", "-y", "40", "sh", "-c", script)
    try:
        tmux("pipe-pane", "-o", "-t", session, f"cat >> {shlex.quote(str(raw))}")  # before botoloom starts
        go.touch()
        deadline = time.monotonic() + 300
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.read_text().strip() == "EXIT=0"
        time.sleep(0.5)  # the pipe-pane reader catches up
        screen = [
            line.rstrip() for line in tmux("capture-pane", "-p", "-J", "-t", session).splitlines() if line.strip()
        ]
        stream = raw.read_bytes().decode("utf-8", "replace")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    total = len(SERVICES) + 1
    frames = re.findall(rf"rendering:\s+\d+%\|[^|\r\n]*\|\s*(\d+)/{total}", stream)
    assert frames and frames[0] == "0", stream[:2000]  # the bar was drawn, from 0 of 21
    assert len(frames) >= 2  # and drawn again as services were done
    warning = f"botoloom: warning: {data / GHOST / '2020-01-01' / 'paginators-1.json'}: pagination.ListGhosts"
    warned = [line for line in screen if "botoloom: warning:" in line]
    assert len(warned) == 1 and warned[0].startswith(warning), screen  # on a line of its own
    assert not [line for line in screen if "rendering" in line or "service/s" in line], screen  # no bar left over
    summary = [
        line for line in screen if line.startswith(f"botoloom: {total} service(s) into {tmp_path / 'aws_typed'}")
    ]
    assert len(summary) == 1 and " rendered, " in summary[0], screen


def test_progress_when_piped_is_plain_lines(tmp_path: Path) -> None:
    data = models(tmp_path)
    result = botoloom(
        "--services", "sqs", "sns", GHOST, "--output", str(tmp_path), "--jobs", "1", env={"AWS_DATA_PATH": str(data)}
    )
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr + result.stdout and "\x1b" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert lines[:3] == ["botoloom: [1/3] rendering ghosty", lines[1], "botoloom: [2/3] rendering sns"]
    assert lines[1].startswith("botoloom: warning: ")
    assert lines[3:] == ["botoloom: [3/3] rendering sqs", f"botoloom: creating {tmp_path / 'aws_typed'}"]
