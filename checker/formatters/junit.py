"""``--format junit``: JUnit XML, for CI systems that show test results.

One ``testsuite`` per plan file, one ``testcase`` per action (named by its id
and the start of its text), failing with one ``failure`` element that lists the
action's error findings (findings already in the baseline do not fail), so the
counts are of test cases, as test dashboards read them. Warnings and advice
go to the test case's ``system-out``. Findings about the plan as a whole make
a test case of their own; a file that could not be read is a suite whose one
test case has an ``error``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.formatters import FormatContext, shorten
from checker.formatters.text import Painter, finding_line
from checker.models import FileReport, Finding, Report

PLAIN = Painter(False)


def testcase(
    suite: ET.Element,
    classname: str,
    name: str,
    line: int | None,
    findings: Sequence[Finding],
    context: FormatContext,
) -> int:
    """Add one test case; 1 when it fails (one failure element holds all its error
    findings, so the suite's counts are of test cases, as dashboards expect), else 0."""
    case = ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")
    case.set("file", suite.get("name", ""))
    if line is not None:
        case.set("line", str(line))
    failing = [f for f in findings if f.severity == "error" and not context.in_baseline(f)]
    if failing:
        codes = ", ".join(dict.fromkeys(f.code for f in failing))
        message = f"{len(failing)} error finding(s): {codes}"
        failure = ET.SubElement(case, "failure", message=message, type="plancheck")
        failure.text = "\n".join(finding_line(f, PLAIN, context) for f in failing)
    rest = [f for f in findings if f not in failing]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(
            finding_line(f, PLAIN, context) for f in rest
        )
    return 1 if failing else 0


def file_suite(root: ET.Element, fr: FileReport, context: FormatContext) -> None:
    suite = ET.SubElement(root, "testsuite", name=fr.source)
    tests = failures = 0
    for rec in fr.recommendations:
        for act in rec.actions:
            line = act.spans[0].line if act.spans else None
            name = f"{act.id} {shorten(act.text, 60)}"
            failures += testcase(suite, f"{fr.source}.{rec.id}", name, line, act.findings, context)
            tests += 1
    if fr.findings or not tests:
        failures += testcase(suite, fr.source, "plan as a whole", None, fr.findings, context)
        tests += 1
    props = ET.Element("properties")
    ET.SubElement(
        props, "property", name="score", value="-" if fr.score is None else f"{fr.score:.1f}"
    )
    suite.insert(0, props)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")


def format_report(report: Report, context: FormatContext) -> str:
    root = ET.Element("testsuites", name="plancheck")
    for fr in report.files:
        file_suite(root, fr, context)
    for err in report.errors:
        suite = ET.SubElement(
            root, "testsuite", name=err.source, tests="1", failures="0", errors="1"
        )
        case = ET.SubElement(suite, "testcase", classname=err.source, name="read the plan")
        ET.SubElement(case, "error", message=err.message, type="unreadable")
    suites = root.findall("testsuite")
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    return _legal(ET.tostring(root, encoding="unicode", xml_declaration=True)) + "\n"


# characters XML 1.0 cannot hold, even escaped; only plan text can bring them in
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _legal(xml: str) -> str:
    xml = xml.encode("utf-8", "backslashreplace").decode("utf-8")  # a name's stray bytes
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", xml)
