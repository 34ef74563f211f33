"""plancheck diff: what got better and what got worse from one draft to the next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.kit import cli, lint

OLD = (
    "Action Plan Submitted: 3rd March 2026\n"
    "Rec No\tConcern\tAction\tOwner\tTarget\n"
    "1\tThe showers were broken for weeks.\tReplace all 12 shower heads on B wing and test them"
    " weekly.\tSMT\tOngoing\n"
    "2\tMail was opened late.\tOpen all mail within 24 hours, checked by a daily audit.\t"
    "Business Hub Manager\tJune 2026\n"
)


# every test runs in its own current folder (the CLI tests' `work` fixture)
pytestmark = pytest.mark.usefixtures("work")


def _codes(path: str) -> dict[str, set[str]]:
    report = json.loads(lint("--no-cache", "-f", "json", path).stdout)
    return {
        a["id"]: {f["code"] for f in a["findings"]}
        for f in report["files"]
        for r in f["recommendations"]
        for a in r["actions"]
    }


def _diff(old: str, new: str) -> tuple[int, dict]:
    run = cli(["diff", "--no-cache", "-f", "json", old, new])
    return run.code, json.loads(run.stdout)


def test_a_fix_is_reported_as_fixed_and_a_plan_against_itself_as_no_change(tmp_path: Path) -> None:
    Path("old.txt").write_text(OLD, encoding="utf-8")
    Path("new.txt").write_text(
        OLD.replace("\tSMT\tOngoing", "\tHead of Estates\tMay 2026"), "utf-8"
    )
    code, diff = _diff("old.txt", "new.txt")
    assert code == 0 and diff["fixed"] == 2 and diff["introduced"] == 0
    (change,) = [c for r in diff["recommendations"] for c in r["actions"]]
    assert change["fixed"] == ["PC-O002", "PC-T002"] and change["now_passing"] == ["O", "T"]
    code, same = _diff("old.txt", "old.txt")
    assert (
        code == 0 and same["fixed"] == same["introduced"] == same["added"] == same["removed"] == 0
    )
    assert all(not r["actions"] for r in same["recommendations"])
    code, back = _diff("new.txt", "old.txt")  # the other way round is worse: exit 1
    assert code == 1 and back["introduced"] == 2
    text = cli(["diff", "--no-cache", "old.txt", "new.txt"]).stdout
    assert "fixed PC-O002, PC-T002" in text


def test_added_and_removed_actions(tmp_path: Path) -> None:
    Path("old.txt").write_text(OLD, encoding="utf-8")
    extra = "\t\tFit anti-ligature shower heads in all 40 cells of C wing.\tHead of Estates\tJuly 2026\n"
    Path("new.txt").write_text(OLD.replace("2\tMail", extra.lstrip("\n") + "2\tMail"), "utf-8")
    code, diff = _diff("old.txt", "new.txt")
    assert code == 1  # the added action has findings of its own
    assert diff["added"] == 1 and diff["removed"] == 0
    _, diff = _diff("new.txt", "old.txt")
    assert diff["added"] == 0 and diff["removed"] == 1


def test_the_authored_draft_against_a_copy_fixed_by_hand(shared: Path, tmp_path: Path) -> None:
    source = shared / "corpus" / "authored" / "hmp-brackwater-2026-draft.tables.txt"
    text = source.read_text(encoding="utf-8")
    Path("old.txt").write_text(text, encoding="utf-8")
    fixed = text.replace("Look into a Safety Hub\tHead of Safety\txx/xx/2026",
                         "Look into a Safety Hub\tHead of Safety\t30/09/2026")  # fmt: skip
    fixed = fixed.replace("Improve links with local councils\t[owner]",
                          "Improve links with local councils\tHead of Reducing Reoffending")  # fmt: skip
    Path("new.txt").write_text(fixed, encoding="utf-8")
    before, after = _codes("old.txt"), _codes("new.txt")
    expected = {(k, c) for k in before for c in before[k] - after.get(k, set())}
    assert expected  # the hand fixes removed some findings
    code, diff = _diff("old.txt", "new.txt")
    got = {
        (c["old"], code_)
        for r in diff["recommendations"]
        for c in r["actions"]
        for code_ in c["fixed"]
    }
    assert got == expected
    assert diff["introduced"] == 0 and code == 0
