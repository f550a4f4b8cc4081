"""How much a checker prints for one mistake (issue #25, item 4): every mistake below stays an
error on its line, and mypy --strict and pyright print at most a few lines for it.

Without a way out, one wrong argument to an overloaded method (generate_presigned_url, the
typed Stubber's add_response, get_paginator, get_waiter, the entry module's client() and
resource()) made mypy list every overload: about 118 lines for s3's generate_presigned_url,
one per operation of ec2 (some 770).  The generated overloads now start with one that no
call matches (`_types.NoMatchingOverload`): mypy reports a call that fits no overload
against it, in a line or two, instead of listing them all.

Both checkers run once, over one file holding every mistake (one per line).  The lines a
checker prints for a mistake are mypy's errors and notes on that line, and the lines of
pyright's diagnostics on it.  Measured on generated/ (13 services), mypy 2.4.1 and pyright
1.1.414, before and after the change:

    mistake                          mypy before -> after    pyright before -> after
    presign_unknown_method                  113 -> 2                  3 -> 3
    presign_params_key                      113 -> 2                  3 -> 3
    presign_params_type                     113 -> 2                  3 -> 3
    presign_params_missing                  113 -> 1                  3 -> 3
    presign_ec2_unknown_method              767 -> 2                  3 -> 3
    stubber_unknown_operation               113 -> 2                  3 -> 3
    stubber_response_type                   113 -> 2                  3 -> 3
    stubber_expected_params_key             113 -> 3                  5 -> 5
    stubber_sqs_response_type                25 -> 2                  3 -> 3
    paginator_unknown                         9 -> 1                  3 -> 3
    paginator_ec2_unknown                   173 -> 1                  3 -> 3
    waiter_unknown                            6 -> 1                  3 -> 3
    entry_client_unknown                     16 -> 1                 11 -> 11
    entry_client_str                         16 -> 1                 11 -> 11
    entry_resource_unknown                   12 -> 1                 11 -> 11
    session_client_unknown                   16 -> 1                 11 -> 11
    service_factory_wrong_keyword             2 -> 2                  1 -> 1
    method_wrong_keyword                      2 -> 2                  1 -> 1
    typed_dict_wrong_type                     1 -> 1                  2 -> 2

("before" is the generator without that first overload; `pytest -s` prints today's numbers).

pyright reports a call that fits no overload against the last of those that fit as well as
any: for an unknown service name to the entry module's client()/resource()/Session.client()
that was the overload over the whole service Literal, and pyright listed the first seven
names (11 lines).  The entry functions now end with an overload that no call matches either,
over a class no value is (`_types.GeneratedClientService`, `GeneratedResourceService`):
pyright says in one line that the name is not one (3 lines in all, measured with the mypy
and pyright above):

    mistake                          mypy before -> after    pyright before -> after
    entry_client_unknown                      1 -> 1                 11 -> 3
    entry_client_str                          1 -> 1                 11 -> 3
    entry_resource_unknown                    1 -> 1                 11 -> 3
    session_client_unknown                    1 -> 1                 11 -> 3
    stubs_client_unknown                      1 -> 1                 11 -> 3   (`import boto3`
    stubs_resource_unknown                    1 -> 1                 11 -> 3    under the boto3
    stubs_session_client_unknown              1 -> 1                 11 -> 3    stubs dist)

A misspelt keyword to client() (`regoin_name=`) is the one mistake mypy still answers at
length: its first line says `Unexpected keyword argument "regoin_name" ...; did you mean
"region_name"?`, then it lists every overload (one per generated service), as no overload
takes that keyword.  A no-match overload that did (`**kwargs` of no value) would make mypy
blame the service name as well, and would become pyright's closest overload, in 14 lines;
its bound below is the listing's length.  What stays long is in README.md, Limitations.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_boto3_stubs_typing import stub_environment, typed_boto3_installed
from .test_typing import CHECKERS, GENERATED, PYTHON_VERSION, TIMEOUT

pytestmark = pytest.mark.typing


@dataclass(frozen=True)
class Mistake:
    name: str
    code: str  # one statement, in a function that has the parameters of PRELUDE
    mypy: int = 4  # most lines mypy may print for it (errors and notes)
    pyright: int = 5  # most lines pyright may print for it
    stubs: bool = False  # plain `import boto3` code, under the boto3 stubs dist (install --stubs)


PRELUDE = """\
from __future__ import annotations

from aws_typed import boto3, ec2, s3, sqs
from aws_typed.s3.stubber import S3Stubber
from aws_typed.sqs.stubber import SQSStubber


def mistakes(
    client: s3.S3Client,
    compute: ec2.EC2Client,
    queue: sqs.SQSClient,
    stubber: S3Stubber,
    queue_stubber: SQSStubber,
    name: str,
) -> None:
"""

STUBS_PRELUDE = """\
from __future__ import annotations

import boto3
import boto3.session


def mistakes() -> None:
"""

# An unknown service name: 1 line from mypy, 3 from pyright (11 before: module docstring).
_SERVICE_NAME = 4


def _overloads(function: str) -> int:
    """How many overloads the golden entry module gives `function` (one per service and three)."""
    return (GENERATED / "aws_typed" / "boto3.py").read_text(encoding="utf-8").count(f"@overload\ndef {function}(")


# mypy on a misspelt keyword: "Unexpected keyword argument", "No overload variant", "Possible
# overload variants:" and one line per overload (see the module docstring).
_MYPY_LISTS_OVERLOADS = 3 + _overloads("client")

MISTAKES = (
    Mistake(
        "presign_unknown_method", 'client.generate_presigned_url("get_objects", Params={"Bucket": "b", "Key": "k"})'
    ),
    Mistake("presign_params_key", 'client.generate_presigned_url("get_object", Params={"Bucket": "b", "Kee": "k"})'),
    Mistake("presign_params_type", 'client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": 1})'),
    Mistake("presign_params_missing", 'client.generate_presigned_url("get_object")'),
    Mistake("presign_ec2_unknown_method", 'compute.generate_presigned_url("describe_instance", Params={})'),
    Mistake("stubber_unknown_operation", 'stubber.add_response("get_objects", {})'),
    Mistake("stubber_response_type", 'stubber.add_response("list_buckets", {"Buckets": "b"})'),
    Mistake(
        "stubber_expected_params_key",
        'stubber.add_response("list_objects_v2", {}, expected_params={"Bucket": "b", "Prefx": "p"})',
    ),
    Mistake("stubber_sqs_response_type", 'queue_stubber.add_response("send_message", {"MD5OfMessageBody": 5})'),
    Mistake("paginator_unknown", 'client.get_paginator("list_objects_v3")'),
    Mistake("paginator_ec2_unknown", 'compute.get_paginator("describe_instance")'),
    Mistake("waiter_unknown", 'client.get_waiter("bucket_exist")'),
    Mistake("entry_client_unknown", 'boto3.client("kinesys")', pyright=_SERVICE_NAME),
    Mistake("entry_client_str", "boto3.client(name)", pyright=_SERVICE_NAME),
    Mistake("entry_resource_unknown", 'boto3.resource("lambda")', pyright=_SERVICE_NAME),
    Mistake("session_client_unknown", 'boto3.Session().client("kinesys")', pyright=_SERVICE_NAME),
    Mistake("session_resource_unknown", 'boto3.Session().resource("lambda")', pyright=_SERVICE_NAME),
    Mistake("entry_client_wrong_keyword", 'boto3.client("s3", regoin_name="us-east-1")', mypy=_MYPY_LISTS_OVERLOADS),
    Mistake("stubs_client_unknown", 'boto3.client("s4")', pyright=_SERVICE_NAME, stubs=True),
    Mistake("stubs_resource_unknown", 'boto3.resource("lambda")', pyright=_SERVICE_NAME, stubs=True),
    Mistake("stubs_session_client_unknown", 'boto3.session.Session().client("s4")', pyright=_SERVICE_NAME, stubs=True),
    Mistake("service_factory_wrong_keyword", 's3.client(region="us-east-1")'),
    Mistake("method_wrong_keyword", 'client.list_objects_v2(Bucket="b", Prefx="p")'),
    Mistake(
        "typed_dict_wrong_type", 'client.put_bucket_tagging(Bucket="b", Tagging={"TagSet": [{"Key": "k", "Value": 1}]})'
    ),
)

FILES = {False: ("mistakes.py", PRELUDE), True: ("stubs_mistakes.py", STUBS_PRELUDE)}


def _source(stubs: bool) -> str:
    return FILES[stubs][1] + "".join(f"    {m.code}\n" for m in MISTAKES if m.stubs == stubs)


def _lines(stubs: bool) -> dict[int, str]:
    """The line of each mistake in its file -> its name."""
    first = FILES[stubs][1].count("\n") + 1
    return {first + i: m.name for i, m in enumerate(m for m in MISTAKES if m.stubs == stubs)}


@dataclass
class Printed:
    errors: int  # error diagnostics on the line
    lines: int  # lines printed for the line (errors, notes, continuation lines)


def _mypy(path: Path, work: Path, python: str) -> dict[int, Printed]:
    config = work / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # keeps the repository's [tool.mypy] out
    command = [sys.executable, "-m", "mypy", "--strict", "--python-version", PYTHON_VERSION]
    command += ["--python-executable", python, "--config-file", str(config)]
    command += ["--cache-dir", str(work / "mypy_cache"), "--no-error-summary"]
    command += ["--no-pretty", "--no-color-output", "--hide-error-context", str(path)]
    out = _run(command, work).stdout
    printed: dict[int, Printed] = {}
    for text in out.splitlines():
        match = re.match(rf"^(?:.*/)?{re.escape(path.name)}:(\d+): (error|note): ", text)
        assert match, f"unexpected mypy output line: {text!r}\n{out[-3000:]}"
        entry = printed.setdefault(int(match[1]), Printed(0, 0))
        entry.lines += 1
        entry.errors += match[2] == "error"
    return printed


def _pyright(path: Path, work: Path, python: str) -> dict[int, Printed]:
    config = work / "pyrightconfig.json"
    settings = {"extraPaths": [str(GENERATED)], "pythonVersion": PYTHON_VERSION, "typeCheckingMode": "standard"}
    config.write_text(json.dumps(settings), encoding="utf-8")
    command = [sys.executable, "-m", "pyright", "--outputjson", "--project", str(config)]
    command += ["--pythonpath", python, str(path)]
    result = _run(command, work)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        pytest.fail(f"pyright gave no JSON report:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    printed: dict[int, Printed] = {}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "information":
            continue
        entry = printed.setdefault(diagnostic["range"]["start"]["line"] + 1, Printed(0, 0))
        entry.lines += diagnostic["message"].count("\n") + 1
        entry.errors += diagnostic["severity"] == "error"
    return printed


def _run(command: list[str], work: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPY_FORCE_COLOR", "FORCE_COLOR")}
    env["MYPYPATH"] = str(GENERATED)
    env["NO_COLOR"] = "1"
    return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)


RUNNERS = {"mypy": _mypy, "pyright": _pyright}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Printed]]:
    """Each checker's lines per mistake (None: reported outside them), over two files: the
    package's own mistakes, and plain boto3 code's under the boto3 stubs dist."""
    found: dict[str, dict[str, Printed]] = {name: {} for name in RUNNERS if name in CHECKERS}
    for stubs in (False, True):
        if stubs and typed_boto3_installed():  # botoloom's boto3 stubs refuse to go beside it
            continue
        work = tmp_path_factory.mktemp("error_lengths")
        python = str(stub_environment(work)) if stubs else sys.executable
        path = work / FILES[stubs][0]
        path.write_text(_source(stubs), encoding="utf-8")
        lines = _lines(stubs)
        for name in found:
            for line, count in RUNNERS[name](path, work, python).items():
                found[name][lines.get(line, f"{path.name}:{line} (outside the mistakes)")] = count
    return found


def _table(printed: dict[str, dict[str, Printed]]) -> str:
    rows = [f"    {'mistake':<32}" + "".join(f"{name:>10}" for name in printed)]
    for mistake in MISTAKES:
        counts = "".join(f"{printed[name].get(mistake.name, Printed(0, 0)).lines:>10}" for name in printed)
        rows.append(f"    {mistake.name:<32}{counts}")
    return "\n".join(rows)


@pytest.mark.parametrize("checker", [c for c in RUNNERS if c in CHECKERS])
def test_every_mistake_is_short_and_still_an_error(checker: str, printed: dict[str, dict[str, Printed]]) -> None:
    print(f"\nlines printed per mistake:\n{_table(printed)}")
    found = printed[checker]
    names = {m.name for m in MISTAKES}
    assert not {n: p for n, p in found.items() if n not in names}, f"{checker} reports outside the mistakes"
    problems = []
    for mistake in [m for m in MISTAKES if not (m.stubs and typed_boto3_installed())]:
        got = found.get(mistake.name, Printed(0, 0))
        bound = getattr(mistake, checker)
        if not got.errors:
            problems.append(f"{mistake.name}: no error from {checker}")
        elif got.lines > bound:
            problems.append(f"{mistake.name}: {got.lines} lines from {checker} (at most {bound})")
    assert not problems, "\n".join(problems) + f"\n{_table(printed)}"
