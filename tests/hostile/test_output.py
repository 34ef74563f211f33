"""Plan text never reaches a terminal or a CI log raw, and every error is one line."""

from __future__ import annotations

import xml.dom.minidom
from pathlib import Path

from tests.cli.kit import lint

HEAD = (
    "Rec No\tConcern\tAction\tOwner\tTarget\n"
    "1\tThe library opened late on most days.\tOpen the library at 9am.\tHead of Learning\tJune 2026\n"
    "2\tThe gym was closed at weekends.\tOpen the gym on Saturdays.\tPE Manager\tJuly 2026\n"
)
# a screen clear, a bell, an OSC 8 hyperlink and a forged GitHub Actions command
NASTY = "3\tCold \x1b[2Jcells.\tFit radiators\x07 \x1b]8;;http://x\x07here\x1b]8;;\x07.\tGovernor\tMay 2026\n"


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def test_escape_sequences_in_a_cell_are_shown_not_obeyed(here: Path) -> None:
    (here / "plan.txt").write_text(HEAD + NASTY, encoding="utf-8")
    run = lint("--no-cache", "plan.txt")
    assert _raw_controls(run.stdout) == []
    assert "\\x1b[2J" in run.stdout


def test_junit_output_is_well_formed_whatever_a_cell_holds(here: Path) -> None:
    (here / "plan.txt").write_text(
        HEAD + NASTY.replace("May 2026", "May 2026\x01"), encoding="utf-8"
    )
    run = lint("--no-cache", "--format", "junit", "plan.txt")
    xml.dom.minidom.parseString(run.stdout)  # raises on an illegal character


def test_a_file_name_cannot_forge_a_ci_log_line(here: Path) -> None:
    run = lint("--no-cache", "gone\n::error::forged.txt")
    assert run.code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("plancheck: error: ")
    assert not any(line.startswith("::") for line in run.stderr.splitlines())


def test_an_escape_sequence_in_a_file_name_is_shown(here: Path) -> None:
    run = lint("--no-cache", "\x1b[2Jgone.txt")
    assert run.code == 2
    assert "\x1b" not in run.stderr and "\\x1b[2J" in run.stderr


def test_endless_standard_input_is_refused_at_the_size_limit(here: Path) -> None:
    import subprocess
    import sys

    code = "from checker.cli.main import main; main()"
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [sys.executable, "-c", code, "lint", "--no-cache", "--max-file-size", "100000", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "plancheck: error: -: is larger than the limit of 97.7 KB (100000 bytes); "
        "raise it with max-file-size in the config or --max-file-size"
    ]


def test_a_file_whose_name_is_not_utf8_is_linted_in_every_format(here: Path) -> None:
    import os

    from tests.cli.kit import EXAMPLES, GOOD

    folder = here / "plans"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as fh:
            fh.write((EXAMPLES / GOOD).read_bytes())
    except OSError:  # a file system that only takes UTF-8 names
        return
    for fmt in ("text", "json", "sarif", "junit", "github", "gitlab"):
        for cache in ("--no-cache", "--cache-dir=.c"):
            run = lint(cache, "--format", fmt, "plans")
            assert run.code == 0, (fmt, run.stderr)
            assert "xff.txt" in run.stdout or fmt not in ("text", "json", "junit"), fmt


def test_an_encrypted_pdf_says_so(here: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Rec No Concern Action Owner Target")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(here / "locked.pdf"))
    run = lint("--no-cache", "locked.pdf")
    assert run.code == 2
    (line,) = run.stderr.strip().splitlines()
    assert "is encrypted or password protected (PDFPasswordIncorrect)" in line
