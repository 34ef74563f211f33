"""CSV and TSV reader: one record per tab-separated line."""

from __future__ import annotations

from checker.readers.csv import read_csv, read_tsv

CSV = (
    "Rec No,Concern,Action,Owner,Target\r\n"
    '1,"Food arrived cold, often.","Buy heated trolleys.\nCheck temperatures daily.",'
    "Catering Manager,May 26\r\n"
    ',,"Survey prisoners, twice a year",Catering Manager,Ongoing\r\n'
)


def test_each_record_is_one_tab_line() -> None:
    doc = read_csv(CSV.encode(), "plan.csv")
    lines = doc.text.split("\n")
    assert lines[0] == "Rec No\tConcern\tAction\tOwner\tTarget"
    assert lines[1].split("\t") == [
        "1",
        "Food arrived cold, often.",
        "Buy heated trolleys. Check temperatures daily.",
        "Catering Manager",
        "May 26",
    ]
    assert lines[2].split("\t")[2] == "Survey prisoners, twice a year"
    assert doc.reader == "csv"
    assert doc.where == {1: "record 1", 2: "record 2", 3: "record 3"}


def test_tsv_uses_tabs_and_pads_ragged_rows() -> None:
    data = "Rec No\tConcern\tAction\n1\tDamp\n2\tNoise\tFit seals\tExtra\n"
    doc = read_tsv(data.encode(), "plan.tsv")
    rows = [line.split("\t") for line in doc.text.split("\n") if line]
    assert rows == [
        ["Rec No", "Concern", "Action"],
        ["1", "Damp", ""],
        ["2", "Noise", "Fit seals", "Extra"],
    ]
    assert doc.reader == "tsv"


def test_tab_inside_a_quoted_csv_field_becomes_a_space() -> None:
    doc = read_csv(b'A,B\n"x\ty",z\n', "plan.csv")
    assert doc.text.split("\n")[1] == "x y\tz"


def test_blank_records_are_skipped_but_counted() -> None:
    doc = read_csv(b"A,B\n\n1,2\n", "plan.csv")
    assert doc.text == "A\tB\n1\t2\n"
    assert doc.where == {1: "record 1", 2: "record 3"}


def test_cp1252_csv_is_decoded() -> None:
    text = "Rec No,Concern\n1,The budget of £40,000 was spent – all of it – on agency staff\n"
    doc = read_csv(text.encode("cp1252"), "plan.csv")
    assert "£40" in doc.text
    assert "–" in doc.text
