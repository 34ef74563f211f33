"""The data plancheck works on: a parsed Plan, and the Report the rules make of it.

Every model is a frozen pydantic model that forbids unknown keys, so a canonical
plan read back from JSON or YAML is checked as strictly as one we build. Text
fields are plain strings (the JSON contract of ``../shared/eval/evaluate.py``
reads ``text``, ``owner``, ``target`` and ``due`` as strings); each has a sibling
``*_spans`` field that says where its pieces stand in the source file.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SectionKind = Literal["priority", "key"]
DueStatus = Literal[
    "date",  # a day, month and year
    "month",  # a month and year
    "complete",  # Complete / Completed
    "complete-ongoing",  # "Completed and ongoing": done, yet still going on
    "missing",  # no target at all
    "open-ended",  # Ongoing, Continuous, As required
    "relative",  # "within 6 months", "18-24 post Royal Assent": no anchor date
    "truncated",  # "January 2", "January :": cut off by the export
    "no-year",  # "December": a month with no year
    "imprecise",  # "Spring 2026", "Q3 2026": a season, or a quarter calendar or financial
    "unrecognised",  # text we could not read as a date at all
]
OwnerSource = Literal["own", "lead-in", "group", "none"]
UnplacedKind = Literal["repeated-text", "stray-fragment", "unassigned", "drafting-note"]
Severity = Literal["error", "warning", "info"]
Verdict = Literal["pass", "warn", "fail"]
Criterion = Literal["O", "T", "S", "M", "R", "A", "P"]
CRITERIA: tuple[str, ...] = ("O", "T", "S", "M", "R", "A")
# each criterion's name and what it asks, for reports read by people (SMART.md in short)
CRITERION_NAMES: dict[str, tuple[str, str]] = {
    "O": ("Owner", "a role or named body is accountable"),
    "T": ("Time-bound", "a concrete target date or a completed status"),
    "S": ("Specific", "says what will be done, not only effort"),
    "M": ("Measurable", "progress can be checked"),
    "R": ("Relevant", "addresses its own concern"),
    "A": ("Achievable", "nothing in the plan contradicts it"),
}


class Model(BaseModel):
    """Base: frozen, strict about keys."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(Model):
    """A stretch of the source: 1-based line and column; the end column is exclusive."""

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    where: str | None = Field(
        default=None, description="native location for non-text inputs, e.g. 'table 1, row 4'"
    )


Spans = tuple[Span, ...]


class HeaderFact(Model):
    """A fact from the plan's header block, as printed and normalised."""

    text: str
    value: str | None = Field(default=None, description="ISO date or range where one was read")
    spans: Spans = ()


class Header(Model):
    establishment: HeaderFact | None = None
    submitted: HeaderFact | None = None
    inspection: HeaderFact | None = None
    published: HeaderFact | None = None


ColumnRole = Literal["ref", "concern", "category", "action", "owner", "target", "status", "other"]


class Column(Model):
    role: ColumnRole
    title: str
    spans: Spans = ()


class LeadIn(Model):
    """A sentence that only introduces the steps below it ("... will improve X by:")."""

    text: str
    spans: Spans = ()
    owner: str | None = None
    owner_spans: Spans = ()
    target: str | None = Field(
        default=None, description="the lead-in row's own target, inherited by steps with none"
    )
    target_spans: Spans = ()


class Action(Model):
    """One step of the response, with its owner and target date."""

    id: str = Field(description="stable within a plan: R<rec>.A<action>")
    text: str
    spans: Spans = ()
    step: str | None = Field(default=None, description="the step's printed number, if any")
    step_spans: Spans = ()
    owner: str | None = None
    owner_spans: Spans = ()
    owner_source: OwnerSource = "none"
    target: str | None = None
    target_spans: Spans = ()
    due: str | None = Field(default=None, description="YYYY-MM, YYYY-MM-DD, 'complete' or null")
    due_status: DueStatus = "missing"
    notes: tuple[str, ...] = Field(
        default=(), description="how the parser read a quirk of the layout (codes, see parse/)"
    )


class StatusNote(Model):
    """A status, progress or RAG cell, kept as written: never read as an action or a target."""

    column: str = Field(default="", description="the column's heading")
    text: str
    spans: Spans = ()


class Recommendation(Model):
    id: str = Field(description="stable within a plan: R<n>")
    ref: str | None = None
    ref_spans: Spans = ()
    section: SectionKind | None = None
    concern: str = ""
    concern_spans: Spans = ()
    category: str | None = Field(default=None, description="Agreed / Partly agreed / Not agreed")
    category_spans: Spans = ()
    rationale: str = Field(
        default="",
        description="why a Partly agreed / Not agreed / Rejected response does not do it all, "
        "as printed in the response column (not an action)",
    )
    rationale_spans: Spans = ()
    leadins: tuple[LeadIn, ...] = ()
    actions: tuple[Action, ...] = ()
    status: tuple[StatusNote, ...] = Field(
        default=(), description="status, progress or RAG cells of the recommendation's rows"
    )


class SectionHeading(Model):
    kind: SectionKind | None
    title: str
    spans: Spans = ()


class Unplaced(Model):
    """Text of the response table the parser could not give to a field."""

    kind: UnplacedKind
    text: str
    spans: Spans = ()
    reason: str


class PlanComment(Model):
    """A comment a reader found in the document (a Word comment), and where it is anchored."""

    where: str = Field(description="the place as the reader names it, e.g. 'table 1, row 5'")
    text: str
    author: str = ""


class Plan(Model):
    """One plan document."""

    source: str = Field(description="path as given, or '-' for standard input")
    reader: str = "text"
    header: Header = Header()
    preamble: tuple[HeaderFact, ...] = Field(
        default=(), description="lines before the response table that are not header facts"
    )
    columns: tuple[Column, ...] = ()
    sections: tuple[SectionHeading, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
    comments: tuple[PlanComment, ...] = Field(
        default=(), description="comments in the document (Word), for suppressions"
    )
    notes: tuple[str, ...] = Field(
        default=(),
        description="how the parser read the plan as a whole (codes): 'columns-lost' when the "
        "text names a table's columns but prints its cells as running text",
    )

    def actions(self) -> list[tuple[Recommendation, Action]]:
        """Every action with the recommendation it answers, in document order."""
        return [(rec, act) for rec in self.recommendations for act in rec.actions]


# ---------------------------------------------------------------- the report


class Finding(Model):
    """What one rule found in one place."""

    code: str
    name: str
    criterion: Criterion
    severity: Severity
    message: str
    words: tuple[str, ...] = Field(default=(), description="the words that triggered the rule")
    spans: Spans = Field(default=(), description="where those words are")
    action: str | None = Field(default=None, description="the action's id, for action findings")
    recommendation: str | None = None
    source: str = ""
    fingerprint: str = Field(default="", description="stable across edits that move lines")


class ActionReport(Model):
    id: str
    step: str | None = None
    text: str
    spans: Spans = ()
    owner: str | None = None
    owner_source: OwnerSource = "none"
    target: str | None = None
    due: str | None = None
    due_status: DueStatus = "missing"
    criteria: dict[str, Verdict]
    score: float = Field(ge=0, le=100)
    findings: tuple[Finding, ...] = ()


class RecommendationReport(Model):
    id: str
    ref: str | None = None
    section: SectionKind | None = None
    category: str | None = None
    concern: str = ""
    spans: Spans = ()
    score: float | None = Field(default=None, ge=0, le=100)
    actions: tuple[ActionReport, ...] = ()
    findings: tuple[Finding, ...] = ()
    status: tuple[StatusNote, ...] = Field(
        default=(), description="status, progress or RAG cells, as the plan has them"
    )


class SuppressedFinding(Model):
    code: str
    message: str
    action: str | None = None
    recommendation: str | None = None
    reason: str
    by: str = Field(description="'config' or 'comment' (a Word comment in the plan)")


class FileReport(Model):
    source: str
    establishment: str | None = None
    submitted: str | None = None
    score: float | None = Field(default=None, ge=0, le=100)
    recommendations: tuple[RecommendationReport, ...] = ()
    findings: tuple[Finding, ...] = Field(
        default=(), description="findings about the plan as a whole"
    )
    counts: dict[str, int] = Field(default_factory=dict, description="findings per criterion")
    notices: tuple[str, ...] = Field(
        default=(), description="what the run could not do, e.g. rules skipped"
    )
    suppressed: tuple[SuppressedFinding, ...] = Field(
        default=(), description="findings a suppression (config or Word comment) took out, and why"
    )
    cached: bool = False

    def all_findings(self) -> list[Finding]:
        """Every finding, in document order: each action's, then the plan's own."""
        out = [f for rec in self.recommendations for act in rec.actions for f in act.findings]
        return out + list(self.findings)


class FileError(Model):
    source: str
    message: str


class Summary(Model):
    files: int = 0
    actions: int = 0
    findings: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_criterion: dict[str, int] = Field(default_factory=dict)
    by_rule: dict[str, int] = Field(default_factory=dict)
    score: float | None = None
    gate: Literal["pass", "fail"] = "pass"
    gate_reasons: tuple[str, ...] = ()
    baselined: int | None = Field(
        default=None, description="with --baseline: findings of the run already in it"
    )
    fixed: int | None = Field(
        default=None, description="with --baseline: its findings that no longer fire"
    )


class RuleInfo(Model):
    """A rule in force in the run, as the report describes it to every formatter."""

    code: str
    name: str
    criterion: Criterion
    severity: Severity = Field(description="the rule's severity in this run, config applied")
    weight: float
    summary: str = ""
    why: str = ""
    instead: str = Field(default="", description="what to write instead")
    bad: tuple[str, ...] = Field(default=(), description="examples the rule fires on")
    good: tuple[str, ...] = Field(default=(), description="examples the rule is quiet on")
    help_uri: str = Field(default="", description="the rule's documentation page, when it has one")


class Report(Model):
    """What ``plancheck lint`` says; ``--format json`` writes exactly this."""

    schema_version: str = "1"
    tool: str = "plancheck"
    version: str = ""
    files: tuple[FileReport, ...] = ()
    errors: tuple[FileError, ...] = ()
    summary: Summary = Summary()
    rules: tuple[RuleInfo, ...] = Field(
        default=(), description="every rule in force in the run, sorted by code"
    )
