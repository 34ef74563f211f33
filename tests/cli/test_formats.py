"""Every output format: schema validation (JSON, SARIF) and the shape each consumer needs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator

from checker import formatters
from checker.formatters.github import escape_data, escape_property
from checker.models import Report
from checker.paths import load_schema as load
from tests.cli.kit import BAD, GOOD, lint

SARIF_SCHEMA = (
    Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


def with_unreadable(work: Path) -> list[str]:
    (work / "empty.txt").write_bytes(b"")
    return [GOOD, BAD, "empty.txt"]


def all_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for fr in report["files"]:
        for rec in fr["recommendations"]:
            for act in rec["actions"]:
                out.extend(act["findings"])
        out.extend(fr["findings"])
    return out


def test_json_validates_against_the_report_schema(work: Path) -> None:
    run = lint(*with_unreadable(work), "-f", "json")
    assert run.code == 2
    doc = json.loads(run.stdout)
    errors = list(Draft202012Validator(load("report.schema.json")).iter_errors(doc))
    assert not errors, errors[0].message
    assert doc["schema_version"] == "1" and doc["tool"] == "plancheck"
    assert Report.model_validate(doc).summary.files == 2
    assert doc["errors"] == [{"source": "empty.txt", "message": "is empty"}]


@pytest.fixture
def sarif_schema() -> dict[str, Any]:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not beside the project")
    schema: dict[str, Any] = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return schema


def test_sarif_validates_against_the_official_schema(
    work: Path, sarif_schema: dict[str, Any]
) -> None:
    run = lint(*with_unreadable(work), str(work / BAD), "-f", "sarif")
    doc = json.loads(run.stdout)
    errors = sorted(Draft4Validator(sarif_schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, f"{list(errors[0].path)}: {errors[0].message}"


def test_sarif_content(work: Path) -> None:
    doc = json.loads(lint(BAD, "-f", "sarif", "--no-cache").stdout)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "plancheck" and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    shipped = Path(__file__).resolve().parents[2] / "rules"
    assert len(rules) == len(list(shipped.rglob("*.yaml")))  # every built-in rule, once
    for rule in rules:
        assert {
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        } <= set(rule)
        assert (
            "Instead:" in rule["help"]["text"] and "**Write instead:**" in rule["help"]["markdown"]
        )
        assert "**Bad**" in rule["help"]["markdown"] and "**Good**" in rule["help"]["markdown"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert (levels["PC-S001"], levels["PC-O003"], levels["PC-S008"]) == ("error", "warning", "note")
    results = run["results"]
    assert len(results) == 25
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["partialFingerprints"]["plancheck/v1"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == BAD
        assert (
            loc["region"]["startLine"] >= 1
            and loc["region"]["endColumn"] >= loc["region"]["startColumn"]
        )
    explore = next(r for r in results if r["ruleId"] == "PC-S001")
    assert explore["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 12,
        "startColumn": 98,
        "endLine": 12,
        "endColumn": 105,
    }
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_paths_are_relative_to_the_run_with_a_base_id(
    work: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    def artifact(doc: dict) -> dict:
        return doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]

    # an absolute path inside the run's folder is made relative, so code scanning maps it
    inside = artifact(json.loads(lint(str(work / BAD), "-f", "sarif").stdout))
    assert inside == {"uri": BAD, "uriBaseId": "%SRCROOT%"}
    elsewhere = tmp_path_factory.mktemp("elsewhere") / BAD
    elsewhere.write_bytes((work / BAD).read_bytes())
    outside = artifact(json.loads(lint(str(elsewhere), "-f", "sarif").stdout))
    assert outside == {"uri": elsewhere.as_uri()}


def test_sarif_names_the_cell_of_a_word_plan_and_keeps_fingerprints_distinct(work: Path) -> None:
    from tests.readers.readers_kit import COLUMNS, plan_docx

    rows = [COLUMNS, ["1", "Cold cells.", "We will explore heating.", "SMT", "Ongoing"],
            ["", "", "We will explore heating.", "SMT", "Ongoing"]]  # fmt: skip
    (work / "plan.docx").write_bytes(plan_docx(rows))
    doc = json.loads(lint("plan.docx", "-f", "sarif").stdout)
    results = doc["runs"][0]["results"]
    first = results[0]["locations"][0]
    assert first["message"]["text"].startswith("table 1, row ")
    kinds = [loc["kind"] for loc in first["logicalLocations"]]
    assert kinds == ["namespace", "object", "element"]
    prints = [r["partialFingerprints"]["plancheck/v1"] for r in results]
    assert len(prints) == len(set(prints))


def test_github_annotations(work: Path) -> None:
    run = lint(BAD, "-f", "github")
    lines = run.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 25
    assert (
        "::error file=bad-plan.txt,line=12,col=98,endLine=12,endColumn=105,"
        "title=PC-S001 vague-commitment::'explore' commits to no result"
    ) in commands
    assert any(c.startswith("::warning ") for c in commands)
    assert any(c.startswith("::notice ") for c in commands)
    assert lines[-1].startswith("plancheck: 25 finding(s) in 1 file(s)")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("plans/a,b: c.txt") == "plans/a%2Cb%3A c.txt"


def test_github_escapes_file_names(work: Path) -> None:
    (work / "a,b:c.txt").write_bytes((work / BAD).read_bytes())
    first = lint("a,b:c.txt", "-f", "github").stdout.splitlines()[0]
    assert first.startswith("::error file=a%2Cb%3Ac.txt,line=12,")


def test_junit(work: Path) -> None:
    run = lint(*with_unreadable(work), "-f", "junit")
    root = ET.fromstring(run.stdout)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [GOOD, BAD, "empty.txt"]
    bad = suites[BAD]
    cases = bad.findall("testcase")
    assert len(cases) == 6 and cases[0].get("name", "").startswith("R1.A1 We will explore")
    failures = bad.findall("testcase/failure")
    # one failure per failing test case (dashboards count test cases), its findings inside
    failing = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == len(failing) == int(bad.get("failures", "0")) == 6
    assert failures[0].get("message", "").startswith("5 error finding(s): PC-M001")
    assert (failures[0].text or "").count("\n") == 4
    assert all(c.find("failure") is None for c in suites[GOOD].findall("testcase"))
    assert suites["empty.txt"].find("testcase/error").get("message") == "is empty"  # type: ignore[union-attr]
    assert root.get("tests") == "12" and root.get("failures") == "6" and root.get("errors") == "1"


def test_gitlab_code_quality(work: Path) -> None:
    # the same plan under the same name in another folder: the same fingerprints
    (work / "x").mkdir()
    (work / "x" / BAD).write_bytes((work / BAD).read_bytes())
    issues = json.loads(lint(BAD, f"x/{BAD}", "-f", "gitlab").stdout)
    assert len(issues) == 50
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"major", "minor", "info"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == 50  # unique, as GitLab needs
    first = issues[0]
    assert first["location"] == {"path": BAD, "lines": {"begin": 12}}
    assert first["check_name"] == "PC-M001 nothing-measurable"


def count_formatter(report: Report, context: formatters.FormatContext) -> str:
    return f"{report.summary.findings} findings\n"


def test_formatter_registry_and_plugins(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert formatters.names()[:6] == ["text", "json", "sarif", "github", "junit", "gitlab"]
    plugin = EntryPoint(
        name="count",
        value="tests.cli.test_formats:count_formatter",
        group=formatters.ENTRY_POINT_GROUP,
    )

    def fake(group: str) -> list[EntryPoint]:
        return [plugin] if group == formatters.ENTRY_POINT_GROUP else []

    monkeypatch.setattr("importlib.metadata.entry_points", fake)  # imported where it is used
    assert "count" in formatters.names()
    run = lint(BAD, "-f", "count")
    assert (run.code, run.stdout) == (1, "25 findings\n")
    run = lint(BAD, "-f", "nope")
    assert run.code == 2 and "unknown format 'nope' (formats: text, json, sarif" in run.stderr


def broken_formatter(report: Report, context: formatters.FormatContext) -> str:
    raise KeyError("summary")


def test_a_formatter_plugin_that_raises_is_one_line(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = EntryPoint(
        name="broken",
        value="tests.cli.test_formats:broken_formatter",
        group=formatters.ENTRY_POINT_GROUP,
    )
    monkeypatch.setattr(
        "importlib.metadata.entry_points",
        lambda group: [plugin] if group == formatters.ENTRY_POINT_GROUP else [],
    )
    run = lint(BAD, "-f", "broken")
    assert run.code == 2
    assert run.stderr.strip().splitlines() == [
        "plancheck: error: the 'broken' formatter failed: KeyError: 'summary'"
    ]


def test_gitlab_names_the_cell_of_a_word_plan(work: Path) -> None:
    from tests.readers.readers_kit import COLUMNS, plan_docx

    rows = [COLUMNS, ["1", "Cold cells.", "We will explore heating.", "SMT", "Ongoing"]]
    (work / "plan.docx").write_bytes(plan_docx(rows))
    issues = json.loads(lint("plan.docx", "-f", "gitlab").stdout)
    assert issues and all(i["description"].endswith("[table 1, row 2]") for i in issues)


def test_junit_reads_in_a_junit_library_and_its_counts_match_the_json_report(work: Path) -> None:
    # what CI dashboards do with the file: parse it with a JUnit library, count the cases
    from junitparser import Error, Failure, JUnitXml

    paths = with_unreadable(work)
    xml = JUnitXml.fromstring(lint(*paths, "-f", "junit").stdout.encode("utf-8"))
    report = json.loads(lint(*paths, "-f", "json").stdout)
    by_file = {f["source"]: f for f in report["files"]}
    assert [s.name for s in xml] == [GOOD, BAD, "empty.txt"]
    for suite in xml:
        cases = list(suite)
        failing = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
        assert suite.tests == len(cases) and suite.failures == len(failing)
        if suite.name in by_file:
            fr = by_file[suite.name]
            actions = [a for r in fr["recommendations"] for a in r["actions"]]
            bad = [a for a in actions if "fail" in a["criteria"].values()]
            assert [c.name.split()[0] for c in cases][: len(actions)] == [a["id"] for a in actions]
            assert len([c for c in failing if c.name.split()[0] in {a["id"] for a in bad}]) == len(
                bad
            )
        else:  # a file that could not be read: one case, in error
            assert [type(r) for c in cases for r in c.result] == [Error]


def test_sarif_links_each_rule_to_its_page(work: Path) -> None:
    """plancheck's own rules link to docs/rules/CODE.md at this release's tag; a pack's rule
    to the url its file gives, and to nothing when it gives none."""
    from checker import REPOSITORY, release_tag
    from tests.cli.test_config import LOCAL_RULE, write

    write(work / "local" / "LOC-S901.yaml", LOCAL_RULE)
    write(
        work / "local" / "LOC-S902.yaml",
        LOCAL_RULE.replace("LOC-S901", "LOC-S902").replace("in-house-jargon", "house-jargon")
        + "url: https://example.org/rules/LOC-S902\n",
    )
    write(work / "plancheck.toml", 'packs = ["local"]\n')
    rules = json.loads(lint(BAD, "-f", "sarif").stdout)["runs"][0]["tool"]["driver"]["rules"]
    uri = {r["id"]: r.get("helpUri") for r in rules}
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules"
    prefix = f"{REPOSITORY}/blob/{release_tag()}/docs/rules/"
    for code, link in uri.items():
        if code.startswith("PC-"):
            assert link == f"{prefix}{code}.md" and (docs / f"{code}.md").is_file()
    assert uri["LOC-S901"] is None
    assert uri["LOC-S902"] == "https://example.org/rules/LOC-S902"
