"""The hatch build hook builds its Plan through config.plan (as the command line does) and
runs the pipeline itself: every [tool.botoloom] setting reaches the plan, jobs included.
In process, on a real project directory; tests/test_packaging.py builds a real wheel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.app import config, hatch_hook
from generator.output.package_dir import CACHE, MANIFEST

PYPROJECT = """\
[project]
name = "userapp"
version = "1.0"

[tool.botoloom]
services = ["sqs"]
package = "from_settings"
jobs = 3
outputs = "present"
aio = true

[tool.botoloom.required]
"sqs.ReceiveMessage" = ["Messages"]
"""


def hook(project: Path, table: dict[str, Any]) -> hatch_hook.BotoloomBuildHook:
    return hatch_hook.BotoloomBuildHook(str(project), table, None, None, str(project / "dist"), "wheel")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(config, "available_cpus", lambda: 8)  # jobs = 3 is not capped (tests/robustness/test_bounds.py)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    return tmp_path


def test_jobs_and_options_reach_the_plan(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans: list[pipeline.Plan] = []
    monkeypatch.setattr(pipeline, "generate", lambda plan: plans.append(plan) or 0)
    build_data: dict[str, Any] = {"force_include": {}}
    built = hook(project, {"services": ["sns"], "package": "userapp_aws"})
    built.initialize("standard", build_data)
    [plan] = plans
    assert plan.names == ["sns"] and plan.package == "userapp_aws"  # the hook's table first
    assert plan.jobs == 3  # [tool.botoloom] jobs: lost when the hook rebuilt an argv
    assert plan.options.outputs == "present" and plan.options.aio
    assert plan.options.required == (("sqs", "ReceiveMessage", ("Messages",)),)
    assert plan.quiet and plan.root.name == "userapp_aws" and plan.root.parent.name.startswith("botoloom-build-")
    built.finalize("standard", build_data, "")
    assert not plan.root.parent.exists()


def test_the_hook_and_the_command_line_merge_alike(project: Path) -> None:
    """No services in the hook's table: the plan is the one `botoloom` makes in the project."""
    out = project / "build"
    from_hook = hatch_hook.build_plan(project, {}, out)
    from_cli = config.plan(config.Request(output=str(out), quiet=True), config.load(project))
    assert from_hook == from_cli
    assert from_hook.names == ["sqs"] and from_hook.package == "from_settings" and from_hook.jobs == 3


def test_hook_generates_and_includes_the_package(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "userapp"\nversion = "1.0"\n\n[tool.botoloom]\njobs = 1\n'
    )
    build_data: dict[str, Any] = {"force_include": {}}
    built = hook(project, {"services": ["sqs"], "package": "userapp_aws"})
    built.initialize("standard", build_data)
    included = build_data["force_include"]
    assert "userapp_aws/sqs/client.py" in included.values() and f"userapp_aws/{MANIFEST}" in included.values()
    assert not any(CACHE in target for target in included.values())
    source = next(src for src, target in included.items() if target == "userapp_aws/sqs/client.py")
    assert "class SQSClient" in Path(source).read_text()
    built.finalize("standard", build_data, "")
    assert not Path(source).exists()


@pytest.mark.parametrize(
    ("table", "needle"),
    [
        ({"services": ["nosuchservice"]}, "unknown service 'nosuchservice'"),
        ({"services": "s3"}, 'must be a list of names or "all"'),
    ],
)
def test_bad_input_fails_the_build_with_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], table: dict[str, Any], needle: str
) -> None:
    with pytest.raises(RuntimeError, match=r"generation failed \(exit 2\)"):
        hook(project, table).initialize("standard", {"force_include": {}})
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("botoloom: error: ") and needle in err[0]


def test_no_services_anywhere(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(RuntimeError, match="set services in"):
        hook(tmp_path, {}).initialize("standard", {"force_include": {}})


def test_a_dotted_package_goes_under_the_projects_package(project: Path) -> None:
    """package = "userapp._aws": the wheel gets userapp/_aws/... (userapp itself comes from the
    project's own files; the hook makes no userapp/__init__.py)."""
    (project / "pyproject.toml").write_text(
        '[project]\nname = "userapp"\nversion = "1.0"\n\n[tool.botoloom]\njobs = 1\n'
    )
    build_data: dict[str, Any] = {"force_include": {}}
    built = hook(project, {"services": ["sqs"], "package": "userapp._aws"})
    built.initialize("standard", build_data)
    included = build_data["force_include"]
    assert "userapp/_aws/sqs/client.py" in included.values() and f"userapp/_aws/{MANIFEST}" in included.values()
    assert not any(target.startswith("userapp._aws") or target == "userapp/__init__.py" for target in included.values())
    built.finalize("standard", build_data, "")
