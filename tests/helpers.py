"""Shared test helpers: paths and running the generator / checkers as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated"
BIN = Path(sys.executable).parent
REFERENCE = [
    "s3", "sqs", "dynamodb", "ec2", "iam", "sns", "cloudformation",
    "cloudwatch", "glacier", "lambda", "apigatewayv2", "wafv2", "glue",
]


def botoloom(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the botoloom command line in a fresh process."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True, text=True, env=full_env, cwd=cwd or REPO, check=False,
    )
