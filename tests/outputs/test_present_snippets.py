"""The typing snippets of tests/typing/snippets/present, with the five checkers and the marker
syntax of tests/typing/test_typing.py, against a package generated with --outputs present
(the snippets under snippets/pass and snippets/fail check the default, sound, package).

What they pin: resource attributes and references are present in that mode (as boto3-stubs
types them), and nested output members stay as the model says (as boto3-stubs types them).
"""

from __future__ import annotations

import pytest

from ..helpers import botoloom
from ..typing import test_typing as checking

pytestmark = pytest.mark.typing

SERVICES = ["cloudformation", "iam", "s3", "sqs"]
SNIPPETS = checking.SNIPPETS / "present"
PRESENT_SNIPPETS = [
    checking.load_snippet(path, kind) for kind in ("pass", "fail") for path in sorted((SNIPPETS / kind).glob("*.py"))
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, checking.CheckerRun]:
    work = tmp_path_factory.mktemp("present-snippets")
    generated = work / "generated"
    result = botoloom("--services", *SERVICES, "--output", str(generated), "--outputs", "present", "--quiet")
    assert result.returncode == 0, result.stderr
    with pytest.MonkeyPatch.context() as patch:  # the checkers' search path: this package
        patch.setattr(checking, "GENERATED", generated)
        return checking.run_checkers(work, PRESENT_SNIPPETS)


def test_inventory() -> None:
    assert {s.kind for s in PRESENT_SNIPPETS} == {"pass", "fail"}
    assert [f"{s.rel}: {p}" for s in PRESENT_SNIPPETS for p in s.problems] == []
    names = [s.path.stem for s in [*PRESENT_SNIPPETS, *checking.ALL_SNIPPETS]]
    assert len(names) == len(set(names))  # one mypy run each, but keep module names apart anyway


def test_present_snippets(runs: dict[str, checking.CheckerRun]) -> None:
    """Every checker (one test: the checkers run once per worker that gets it)."""
    problems = []
    for checker in checking.CHECKERS:
        run = runs[checker]
        if run.fatal is not None:
            problems.append(f"{checker} did not run properly: {run.fatal}\n{run.transcript()}")
            continue
        problems += [f"{checker}: {d.render()}" for d in run.outside]
        for snippet in PRESENT_SNIPPETS:
            diagnostics = run.diagnostics.get(snippet.path.resolve(), [])
            found = checking.compare(snippet, checker, diagnostics)
            if found:
                output = "\n".join(d.render() for d in diagnostics) or "  (no diagnostics)"
                problems.append(f"{checker} on {snippet.rel}:\n" + "\n".join(f"  - {p}" for p in found) + f"\n{output}")
    assert not problems, "--outputs present:\n" + "\n".join(problems)
