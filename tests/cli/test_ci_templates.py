"""The GitHub Action (``action.yml``) and the GitLab template, their commands run for real.

Neither GitHub's runner nor GitLab's is here, so the tests play their part: they
expand the inputs as the runner would, run every ``run:`` step (and the job's
``script``) in bash with the variables the runner sets, and check what the
steps that only a runner has (setup-python, the SARIF upload) would be given.
The install commands are run as written, with the one address that points at
the published repository swapped for the project as it stands on disk: the
action installs from its own checkout, the template from a tag's archive (made
here by ``git archive``, as GitHub makes it). The install takes about a minute.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker import REPOSITORY, __version__, release_tag
from tests.cli.kit import BAD, EXAMPLES, GOOD, ROOT
from tests.cli.repo_kit import GIT, git, hook_repository

ACTION = ROOT / "action.yml"
TEMPLATE = ROOT / "templates" / "plancheck.gitlab-ci.yml"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ARCHIVE = f"{REPOSITORY}/archive/refs/tags/"


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return data


def template() -> tuple[dict[str, Any], dict[str, Any]]:
    spec, jobs = yaml.safe_load_all(TEMPLATE.read_text(encoding="utf-8"))
    return spec["spec"], jobs


# --- what a reader of the files relies on (fast) ---------------------------------------


def test_every_published_snippet_names_this_release() -> None:
    """The snippets install plancheck by the tag of the release they ship with."""
    tag = release_tag()
    texts = {
        p.name: p.read_text(encoding="utf-8")
        for p in (
            ROOT / "README.md",
            ACTION,
            TEMPLATE,
            EXAMPLES / "github-workflow.yml",
            EXAMPLES / "gitlab-ci.yml",
            EXAMPLES / ".pre-commit-config.yaml",
        )
    }
    for name, text in texts.items():
        assert "pip install plancheck" not in text, name  # no such distribution
        for pinned in re.findall(r"(?:plancheck@|/plancheck/|rev: )(v\d[\w.]*)", text):
            assert pinned == tag, f"{name} pins {pinned}, this release is {tag}"
    assert f"plancheck/plancheck@{tag}" in texts["github-workflow.yml"]
    assert f"/{tag}/templates/plancheck.gitlab-ci.yml" in texts["gitlab-ci.yml"]
    assert template()[0]["inputs"]["version"]["default"] == tag


def test_the_repository_address_is_written_once() -> None:
    """pyproject.toml's [project.urls] and the code name the same repository."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Repository"] == REPOSITORY
    assert all(url.startswith(REPOSITORY) for url in project["urls"].values())


def test_the_action_is_a_composite_whose_steps_say_their_shell() -> None:
    data = action()
    assert data["runs"]["using"] == "composite"
    for step in data["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            # inputs reach scripts through env, never pasted into the script itself
            assert "${{" not in step["run"], step.get("name")
        else:
            assert re.fullmatch(r"[\w-]+/[\w/-]+@v\d+", step["uses"]), step["uses"]


# --- the commands, run ---------------------------------------------------------------

needs_git = pytest.mark.skipif(GIT is None, reason="needs git")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project committed and tagged as a release, as the repository would hold it."""
    folder = tmp_path_factory.mktemp("published") / "plancheck"
    hook_repository(folder)
    git("tag", release_tag(), cwd=folder)
    return folder


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runner's temporary folder, shared so that plancheck's dependencies install once."""
    return tmp_path_factory.mktemp("runner")


def workspace(folder: Path, *plans: str) -> Path:
    (folder / "plans").mkdir(parents=True)
    for name in plans:
        shutil.copy(EXAMPLES / name, folder / "plans" / name)
    return folder


def base_env(home: Path, path: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env["PATH"] = path
    env["HOME"] = str(home)  # plancheck's result cache lands in a fresh folder
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    env.pop("PIP_REQUIRE_VIRTUALENV", None)
    return env


def bash(script: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def expand(value: str, inputs: Mapping[str, str], context: Mapping[str, str]) -> str:
    """A GitHub expression in a step's env or with: ``${{ inputs.x }}`` and friends."""

    def one(m: re.Match[str]) -> str:
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr.removeprefix("inputs.")]
        return context[expr]

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def run_action(
    cwd: Path, temp: Path, checkout: Path, given: Mapping[str, str]
) -> Iterator[tuple[dict[str, Any], subprocess.CompletedProcess[str] | None, dict[str, Any]]]:
    """Each step of the action in turn, as a runner runs it: (step, its run, its with:)."""
    data = action()
    inputs = {name: str(spec.get("default", "")) for name, spec in data["inputs"].items()}
    unknown = set(given) - set(inputs)
    assert not unknown, unknown
    inputs.update(given)
    path = os.environ["PATH"]
    outputs: dict[str, str] = {}
    for step in data["runs"]["steps"]:
        context = {"github.action_path": str(checkout)}
        context.update({f"steps.report.outputs.{k}": v for k, v in outputs.items()})
        if "uses" in step:
            with_ = {k: expand(str(v), inputs, context) for k, v in step.get("with", {}).items()}
            yield step, None, with_
            continue
        github_path, github_output = temp / "GITHUB_PATH", temp / "GITHUB_OUTPUT"
        github_path.write_text("", encoding="utf-8")
        github_output.write_text("", encoding="utf-8")
        env = base_env(cwd / ".home", path)
        env.update({"RUNNER_TEMP": str(temp), "GITHUB_PATH": str(github_path)})
        env["GITHUB_OUTPUT"] = str(github_output)
        env.update({k: expand(str(v), inputs, context) for k, v in step.get("env", {}).items()})
        done = bash(step["run"], cwd, env)
        for line in github_path.read_text(encoding="utf-8").splitlines():
            path = f"{line}{os.pathsep}{path}"
        for line in github_output.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            if step.get("id") == "report":
                outputs[key] = value
        yield step, done, {}


def sarif_is_valid(path: Path) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if SARIF_SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    return log


@pytest.mark.slow
@needs_git
def test_the_gitlab_template_installs_by_tag_and_gates(
    tmp_path: Path, published: Path, runner_temp: Path
) -> None:
    spec, jobs = template()
    given = {"paths": "plans/", "fail-under": "70"}
    inputs = {name: str(v.get("default", "")) for name, v in spec["inputs"].items()} | given
    text = TEMPLATE.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    text = re.sub(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]", lambda m: inputs[m.group(1)], text)
    job = yaml.safe_load(text)["plancheck"]
    assert set(jobs) == {"plancheck"}
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"

    # the tag's archive, as GitHub serves it: one folder named for the project and version
    tag = inputs["version"]
    archive = tmp_path / f"{tag}.tar.gz"
    git(
        "archive",
        "--format=tar.gz",
        f"--prefix=plancheck-{__version__}/",
        "-o",
        str(archive),
        tag,
        cwd=published,
    )
    # the job's image is a Python with pip on PATH: a fresh virtualenv plays it
    venv = runner_temp / "plancheck"
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    path = f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"

    def job_run(project: Path) -> list[subprocess.CompletedProcess[str]]:
        env = base_env(project / ".home", path) | {"CI_PROJECT_DIR": str(project)}
        for name, value in job["variables"].items():
            env[name] = bash(f'printf %s "{value}"', project, env).stdout
        runs = []
        for line in job["script"]:
            assert isinstance(line, str)
            if line.startswith("pip install"):
                assert f"{ARCHIVE}{tag}.tar.gz" in line
                line = line.replace(f"{ARCHIVE}{tag}.tar.gz", str(archive))
            done = bash(line, project, env)
            runs.append(done)
            if done.returncode:
                break
        return runs

    good = workspace(tmp_path / "good", GOOD)
    runs = job_run(good)
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stdout + runs[-1].stderr
    report = json.loads((good / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert isinstance(report, list)
    assert (good / ".cache" / "plancheck").is_dir()  # where the job's cache: keeps it

    bad = workspace(tmp_path / "bad", GOOD, BAD)
    runs = job_run(bad)
    assert [r.returncode for r in runs] == [0, 1], runs[-1].stdout + runs[-1].stderr
    report = json.loads((bad / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert any(issue["location"]["path"] == f"plans/{BAD}" for issue in report)


@pytest.mark.slow
@needs_git
def test_the_github_action_uploads_sarif_and_gates(
    tmp_path: Path, published: Path, runner_temp: Path
) -> None:
    def steps(project: Path, **given: str) -> list[tuple[str, int | None, dict[str, Any]]]:
        out = []
        for step, done, with_ in run_action(project, runner_temp, published, given):
            name = step.get("name") or step["uses"]
            if done is not None:
                assert done.returncode in (0, 1), f"{name}: {done.stdout}{done.stderr}"
            out.append((name, None if done is None else done.returncode, with_))
            if done is not None and done.returncode:
                out[-1] = (name, done.returncode, {"stdout": done.stdout})
                break
        return out

    good = workspace(tmp_path / "good", GOOD)
    ran = steps(good, paths="plans/", **{"fail-under": "70"})
    names = [name for name, _, _ in ran]
    assert names[0].startswith("actions/setup-python@")
    assert [code for _, code, _ in ran] == [None, 0, 0, None, 0]
    upload = ran[3][2]
    assert names[3] == "Upload SARIF" and upload["category"] == "plancheck"
    log = sarif_is_valid(Path(upload["sarif_file"]))
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == REPOSITORY

    bad = workspace(tmp_path / "bad", GOOD, BAD)
    ran = steps(bad, paths="plans/")
    assert [code for _, code, _ in ran] == [None, 0, 0, None, 1]
    log = sarif_is_valid(Path(ran[3][2]["sarif_file"]))
    results = log["runs"][0]["results"]
    assert results and all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f"plans/{BAD}"
        for r in results
    )
    gate = ran[4][2]["stdout"]
    assert f"::error file=plans/{BAD}," in gate
