"""A committed copy of the project as it stands on disk, for tests that install plancheck
the way users do (pre-commit, the GitHub Action, the GitLab template)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.cli.kit import ROOT

GIT = shutil.which("git")
SKIP_DIRS = {".git", ".venv", "venv", "build", "dist", ".plancheck_cache", "__pycache__"}


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "plancheck tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "plancheck tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    }
    done = subprocess.run(
        [str(GIT), "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def project_files() -> list[Path]:
    """The project's files as they are on disk: tracked and new, without ignored ones."""
    if (ROOT / ".git").exists():
        listed = git("ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=ROOT)
        names = [n for n in listed.split("\0") if n]
        return [Path(n) for n in names if (ROOT / n).is_file()]
    out = []
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT)
        if path.is_file() and not SKIP_DIRS.intersection(rel.parts):
            out.append(rel)
    return out


def hook_repository(folder: Path) -> str:
    """A committed copy of the project; its commit id."""
    for rel in project_files():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    git("init", "-q", cwd=folder)
    git("add", "-A", cwd=folder)
    git("commit", "-q", "-m", "plancheck under test", cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder)
