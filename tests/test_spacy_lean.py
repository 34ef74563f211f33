"""spaCy is imported without its command line, and nothing breaks for code that uses it.

Each test runs in a fresh interpreter: whether spaCy's command line was imported is
a fact about a whole process. The first test fails when a spaCy release (or a
change of plancheck's) brings the heavy modules back into a lint.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["typer", "spacy.cli.download", "spacy.cli.train", "spacy.cli._util", "weasel"]


def run(code: str, cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.split()


def test_a_lint_imports_none_of_spacys_command_line(tmp_path: Path) -> None:
    out = run(
        "import sys\n"
        "from checker.cli.main import main\n"
        "try:\n"
        f"    main(['lint', '--no-cache', '-q', {str(ROOT / 'examples' / 'bad-plan.txt')!r}])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 1, exc.code\n"
        "from checker.spacy_lean import lean\n"
        f"print(lean(), *[m for m in {HEAVY!r} if m in sys.modules])\n",
        tmp_path,
    )
    assert out[-1:] == ["True"], f"spaCy's command line came back: {out}"


def test_spacys_command_line_still_loads_when_it_is_used(tmp_path: Path) -> None:
    out = run(
        "from checker.spacy_lean import import_spacy, lean\n"
        "spacy = import_spacy()\n"
        "assert lean() and len(spacy.blank('en')('two words')) == 2\n"
        "info = spacy.info()\n"  # spaCy's own helper, from the command line package
        "assert isinstance(info, dict) and info['spacy_version'] == spacy.__version__\n"
        "import spacy.cli.download\n"
        "from spacy.cli import download\n"
        "print(lean(), callable(download), hasattr(spacy.cli, 'app'))\n",
        tmp_path,
    )
    assert out == ["False", "True", "True"]


def test_spacy_imported_first_the_ordinary_way_is_left_alone(tmp_path: Path) -> None:
    out = run(
        "import spacy\n"
        "from checker.spacy_lean import import_spacy, lean\n"
        "print(import_spacy() is spacy, lean())\n",
        tmp_path,
    )
    assert out == ["True", "False"]
