"""The pre-commit hook, for real: pre-commit builds plancheck's hook environment and runs it.

The project as it stands on disk (committed or not) is copied into a temporary
git repository, committed there, and named by path and commit in the
``.pre-commit-config.yaml`` of a second temporary repository that holds a good
and a bad plan. pre-commit installs plancheck into its own virtualenv with pip
(from whatever index this machine's pip is set up for), so this takes about a
minute; it is skipped when git or pre-commit is missing.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.kit import BAD, EXAMPLES, GOOD
from tests.cli.repo_kit import GIT, git, hook_repository

HAS_PRE_COMMIT = importlib.util.find_spec("pre_commit") is not None

pytestmark = pytest.mark.skipif(
    GIT is None or not HAS_PRE_COMMIT, reason="needs git and pre-commit"
)


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_the_hook_passes_a_good_plan_and_fails_a_bad_one(tmp_path: Path) -> None:
    rev = hook_repository(tmp_path / "plancheck")
    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    for name in (GOOD, BAD):
        shutil.copy(EXAMPLES / name, project / "plans" / name)
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {tmp_path / 'plancheck'}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: plancheck\n"
        "        files: '(^|/)(plans?|action-plans?)/'\n",
        encoding="utf-8",
    )
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    home = tmp_path / "pre-commit-home"

    good = pre_commit("run", "plancheck", "--files", f"plans/{GOOD}", cwd=project, home=home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    bad = pre_commit("run", "plancheck", "--files", f"plans/{BAD}", cwd=project, home=home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "plans/bad-plan.txt:12:98 PC-S001 'explore' commits to no result (error)" in bad.stdout

    both = pre_commit("run", "plancheck", "--all-files", cwd=project, home=home)
    assert both.returncode == 1
    assert f"plans/{GOOD}" in both.stdout and f"plans/{BAD}" in both.stdout

    # a PDF plan just works in the hook's own environment (PDF reading is in the default install)
    from tests.readers.readers_kit import COLUMNS, plan_pdf

    (project / "plans" / "good.pdf").write_bytes(plan_pdf())
    rows = [
        COLUMNS,
        ["1", "Cells were cold.", "We will explore heating where possible.", "SMT", "Ongoing"],
    ]
    (project / "plans" / "bad.pdf").write_bytes(plan_pdf(rows))
    git("add", "-A", cwd=project)
    good_pdf = pre_commit("run", "plancheck", "--files", "plans/good.pdf", cwd=project, home=home)
    assert good_pdf.returncode == 0, good_pdf.stdout + good_pdf.stderr
    bad_pdf = pre_commit("run", "plancheck", "--files", "plans/bad.pdf", cwd=project, home=home)
    assert bad_pdf.returncode == 1, bad_pdf.stdout + bad_pdf.stderr
    assert "plans/bad.pdf (page 1, table 1, row 2) PC-S001" in bad_pdf.stdout
