"""The README's CLI sections, the examples' configs and snippets, and the hook manifest."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from checker.cli import settings_view
from checker.cli.main import lint as lint_command
from checker.config import Settings, load_file
from tests.cli.kit import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_settings_table_is_current() -> None:
    assert settings_view.main(["--check"]) == 0
    for name in Settings.model_fields:
        assert f"| `{name}` |" in README


def test_readme_sections() -> None:
    for heading in (
        "## Command line",
        "### Exit codes",
        "## Output formats",
        "## Configuration",
        "## pre-commit",
        "## Continuous integration",
    ):
        assert f"\n{heading}\n" in README, heading


def test_readme_names_every_lint_option() -> None:
    for param in lint_command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in README or f"{opt}`" in README or f", `{opt}" in README, opt


def test_readme_report_excerpt_is_real_output() -> None:
    excerpt = README.split("which `examples/plancheck.toml` governs):\n\n```\n", 1)[1].split(
        "```", 1
    )[0]
    golden = (ROOT / "tests" / "golden" / "expected" / "bad-plan.text").read_text(encoding="utf-8")
    for line in excerpt.splitlines():
        assert line + "\n" in golden, line


def test_example_config_is_valid_and_the_good_plan_passes_under_it() -> None:
    settings = load_file(EXAMPLES / "plancheck.toml")
    assert settings.fail_under == 70 and settings.weights == {"O": 2}
    from tests.cli.kit import cli

    run = cli(
        [
            "lint",
            str(EXAMPLES / "good-plan.txt"),
            "--config",
            str(EXAMPLES / "plancheck.toml"),
            "--no-cache",
        ]
    )
    assert run.code == 0, run.stdout


def test_hook_manifest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "plancheck")
    assert hook["entry"] == "plancheck lint --force-exclude"  # pre-commit names every file
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    for name in ("plans/a.txt", "b.DOCX", "c.pdf", "d.md", "e.csv", "f.tsv"):
        assert files.search(name), name
    for name in ("setup.py", "a.txt.bak", "image.png"):
        assert not files.search(name), name


def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("pre_commit")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_pre_commit_accepts_the_manifest_and_the_example_config() -> None:
    done = pre_commit("validate-manifest", ".pre-commit-hooks.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    done = pre_commit("validate-config", "examples/.pre-commit-config.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((EXAMPLES / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "plancheck" and hook["files"] == "(^|/)(plans?|action-plans?)/"


def test_ci_snippets_use_the_action_and_the_template_with_inputs_they_declare() -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["plancheck"]["steps"]
    step = next(s for s in steps if s.get("uses", "").startswith("plancheck/plancheck@"))
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(step["with"]) <= set(action["inputs"])
    assert workflow["permissions"]["security-events"] == "write"  # the SARIF upload
    gitlab = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    (include,) = gitlab["include"]
    spec = next(yaml.safe_load_all((ROOT / "templates" / "plancheck.gitlab-ci.yml").open()))
    assert include["remote"].endswith("/templates/plancheck.gitlab-ci.yml")
    assert set(include["inputs"]) <= set(spec["spec"]["inputs"])
    assert set(gitlab) == {"include", "plancheck"}  # the example only narrows the job's rules
