"""``--format github``: GitHub Actions workflow commands, one per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``
makes an annotation on the pull request's changed lines. Severities map to
``error``, ``warning`` and ``notice``. Values are escaped as the runner
expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from checker.formatters import FormatContext, findings_of, message
from checker.models import Finding, Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, properties: dict[str, object], text: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{level} {props}::{escape_data(text)}"


def annotation(f: Finding, context: FormatContext) -> str:
    props: dict[str, object] = {"file": f.source}
    if f.spans:
        first, last = f.spans[0], f.spans[-1]
        props.update(line=first.line, col=first.column, endLine=last.end_line)
        props["endColumn"] = last.end_column
    props["title"] = f"{f.code} {f.name}"
    where = next((s.where for s in f.spans if s.where), None)
    text = message(f) + (f" [{where}]" if where else "")  # a .docx or .pdf: the cell, in words
    if context.in_baseline(f):  # accepted already: a notice, never an error in the log
        return command("notice", props, text + " (in baseline)")
    return command(COMMAND[f.severity], props, text)


def format_report(report: Report, context: FormatContext) -> str:
    lines = [annotation(f, context) for f in findings_of(report)]
    lines += [
        command("error", {"file": e.source, "title": "plancheck"}, e.message) for e in report.errors
    ]
    s = report.summary
    score = "-" if s.score is None else f"{s.score:.1f}"
    lines.append(
        f"plancheck: {s.findings} finding(s) in {s.files} file(s), score {score}, gate {s.gate}"
    )
    return "\n".join(lines) + "\n"
