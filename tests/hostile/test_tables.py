"""Tables of any width parse; a wide tracker is an ordinary plan."""

from __future__ import annotations

from pathlib import Path

from tests.cli.kit import cli


def test_a_24_column_csv_parses_at_once(here: Path) -> None:
    heads = "Rec No,Concern,Action,Owner,Target Date," + ",".join(f"U{i}" for i in range(19))
    (here / "t.csv").write_text(
        heads + "\n1,Dirty.,Clean weekly.,Governor,March 2026" + "," * 19 + "\n"
    )
    run = cli(["parse", "t.csv"])
    assert run.code == 0, run.stderr
    assert "Clean weekly." in run.stdout and "Governor" in run.stdout


def test_a_200_column_tab_table_parses_at_once(here: Path) -> None:
    heads = ["Rec No", "Concern", "Action", "Owner", "Target Date"] + [
        f"Col {i}" for i in range(195)
    ]
    row = ["1", "Showers broken.", "Repair all showers.", "Head of Estates", "June 2026"]
    rows = [row + [""] * 195, ["", "", "Test them weekly.", "Estates", "Ongoing"] + ["x"] * 195]
    text = "\t".join(heads) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    (here / "wide.txt").write_text(text, encoding="utf-8")
    run = cli(["parse", "wide.txt"])
    assert run.code == 0, run.stderr
    assert "Repair all showers." in run.stdout
