"""The engine: plug-in check types and packs through entry points, isolation of failing
rules, rules that need part-of-speech tags, and findings' spans in the source."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from checker.checks.base import Check, Context, Hit, Params
from checker.config import Settings
from checker.engine import registry
from checker.parse import parse_text
from checker.run.runner import Runner

RULE = """\
code: XT-S{num}
name: {name}
criterion: S
severity: error
summary: A rule from a third-party pack.
why: Third-party packs must load and run through the same entry points as ours.
instead: Nothing to do here.
check:
  type: {type}
  message: found it
{extra}examples:
  bad: ["Shout LOUDLY."]
  good: ["speak softly."]
"""


class ShoutParams(Params):
    message: str


class ShoutCheck(Check):
    """Fires on a word in capitals: a stand-in for a third party's check type."""

    type_name = "shout"
    params_model = ShoutParams

    def run(self, ctx: Context) -> Iterable[Hit]:
        text = ctx.action.text if ctx.action else ""
        for word in text.split():
            if word.isupper() and len(word) > 2:
                start = text.index(word)
                yield Hit(self.params.message, "action", start, start + len(word), (word,))  # type: ignore[attr-defined]


class BrokenCheck(Check):
    type_name = "broken"
    params_model = ShoutParams

    def run(self, ctx: Context) -> Iterable[Hit]:
        raise ValueError("deliberately broken")


def _fake_entry_points(tmp_path: Path, rules: dict[str, str]) -> Any:
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, text in rules.items():
        (pack / name).write_text(text, encoding="utf-8")
    module = tmp_path / "thirdparty_plancheck.py"
    module.write_text(
        "from tests.rules.test_engine import ShoutCheck, BrokenCheck\n"
        f"def checks():\n    return {{'shout': ShoutCheck, 'broken': BrokenCheck}}\n"
        f"def pack():\n    return {str(pack)!r}\n",
        encoding="utf-8",
    )
    eps = {
        "plancheck.checks": [
            EntryPoint("third", "thirdparty_plancheck:checks", "plancheck.checks")
        ],
        "plancheck.packs": [EntryPoint("third", "thirdparty_plancheck:pack", "plancheck.packs")],
    }
    return lambda group: eps.get(group, [])


@pytest.fixture
def third_party(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = {
        "S901.yaml": RULE.format(num="901", name="shouting", type="shout", extra=""),
        "S902.yaml": RULE.format(num="902", name="always-broken", type="broken", extra=""),
    }
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("importlib.metadata.entry_points", _fake_entry_points(tmp_path, rules))
    registry.check_types.cache_clear()
    yield
    registry.check_types.cache_clear()


def _plan(text: str = "Shout LOUDLY at the wing.") -> Any:
    head = "Rec No\tConcern\tAction\tOwner\tTarget\n"
    return parse_text(
        f"{head}1\tNoise on the wing.\t{text}\tHead of Residence\tMarch 2026\n", "t.txt"
    )


def test_third_party_check_type_and_pack_load_through_entry_points(third_party: None) -> None:
    runner = Runner(Settings(select=("XT-S901",)))
    report = runner.lint_plan(_plan())
    (finding,) = report.recommendations[0].actions[0].findings
    assert finding.code == "XT-S901" and finding.words == ("LOUDLY",)
    (span,) = finding.spans
    assert (span.line, span.column, span.end_column) == (2, 28, 34)


def test_a_rule_that_raises_becomes_an_internal_error_and_the_run_goes_on(
    third_party: None,
) -> None:
    runner = Runner(Settings(select=("XT",)))
    report = runner.lint_plan(_plan())
    codes = [f.code for f in report.recommendations[0].actions[0].findings]
    assert "XT-S901" in codes
    internal = [f for f in report.recommendations[0].actions[0].findings if f.code == "PC-X000"]
    assert (
        internal
        and "XT-S902" in internal[0].message
        and "deliberately broken" in internal[0].message
    )


def test_rule_needing_pos_is_skipped_with_a_notice(tmp_path: Path) -> None:
    pack = tmp_path / "pos"
    pack.mkdir()
    text = RULE.format(num="903", name="needs-tags", type="phrase", extra="needs: [pos]\n")
    text = text.replace("  message: found it\n", "  message: found it\n  phrases: [shout]\n")
    (pack / "S903.yaml").write_text(text.replace("XT-", "PT-"), encoding="utf-8")
    runner = Runner(Settings(packs=(str(pack),), select=("PT",)))
    report = runner.lint_plan(_plan())
    assert report.recommendations[0].actions[0].findings == ()
    assert len(report.notices) == 1 and "PT-S903" in report.notices[0]


def test_spans_point_at_the_words_in_the_file() -> None:
    text = "Rec No\tConcern\tAction\tOwner\tTarget\n1\tFood was poor.\tWe will explore new\tChef\tMay 2026\n\t\tmenus where possible.\t\t\n"
    plan = parse_text(text, "t.txt")
    report = Runner(Settings(select=("PC-S001", "PC-S003"))).lint_plan(plan)
    lines = text.split("\n")
    for f in report.recommendations[0].actions[0].findings:
        for span in f.spans:
            found = lines[span.line - 1][span.column - 1 : span.end_column - 1]
            assert found.lower() in " ".join(f.words).lower()
    assert {f.code for f in report.recommendations[0].actions[0].findings} == {"PC-S001", "PC-S003"}


def test_inherited_owner_is_said_once_per_lead_in_group() -> None:
    text = (
        "Rec No\tConcern\tAction\tOwner\tTarget\n"
        "1\tLearners left early.\tThe Head of Learning will raise attendance by:\tHead of Learning\t\n"
        "\t\t1. Phoning each absent learner on the day.\t\tJanuary 2026\n"
        "\t\t2. Reporting attendance weekly to the Quality Board.\t\tFebruary 2026\n"
        "\t\t3. Rewarding full attendance each month.\t\tMarch 2026\n"
    )
    report = Runner(Settings(select=("PC-O004",))).lint_plan(parse_text(text, "t.txt"))
    found = [f for a in report.recommendations[0].actions for f in a.findings]
    assert len(found) == 1
    assert found[0].action == "R1.A1" and "by 3 action(s)" in found[0].message
