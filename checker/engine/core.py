"""Runs rules over a plan: annotate once, run every rule, isolate failures, score.

The engine knows no rule: it asks each check type which texts it needs,
annotates those once (one ``nlp.pipe``), runs action-scope checks per action
and plan-scope checks once, and turns hits into findings with source spans.
A check that raises becomes an internal-error finding naming the rule; the
run goes on.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from checker.checks.base import Context, Field_, Hit
from checker.checks.matching import prepare
from checker.checks.user_regex import PatternTimeout
from checker.config import Settings
from checker.dates.calendar import iso_date
from checker.engine.packs import Rule
from checker.engine.selection import named
from checker.engine.suppress import Active, for_plan
from checker.errors import PackError
from checker.models import (
    Action,
    ActionReport,
    FileReport,
    Finding,
    Plan,
    Recommendation,
    RecommendationReport,
    Span,
    SuppressedFinding,
)
from checker.nlp import BLANK, Annotator
from checker.scoring import action_score, mean, unanswered_counts, verdicts

INTERNAL_CODE = "PC-X000"


def locate(
    text: str, spans: Sequence[Span], start: int | None, end: int | None
) -> tuple[Span, ...]:
    """Source spans of text[start:end], where text is the spans' pieces joined by single spaces."""
    if start is None or end is None or not spans:
        return tuple(spans)
    out: list[Span] = []
    pos = 0
    for s in spans:
        length = s.end_column - s.column if s.line == s.end_line else None
        if length is None:
            return tuple(spans)
        lo, hi = max(start, pos), min(end, pos + length)
        if lo < hi or (start == end and pos <= start <= pos + length):
            out.append(
                Span(
                    line=s.line,
                    column=s.column + lo - pos,
                    end_line=s.line,
                    end_column=s.column + hi - pos,
                    where=s.where,
                )
            )
        pos += length + 1
    if pos - 1 != len(text):  # not the plain join of the spans: point at the whole field
        return tuple(spans)
    return tuple(out) or tuple(spans[:1])


def _field_spans(hit: Hit, rec: Recommendation | None, act: Action | None) -> tuple[Span, ...]:
    if hit.extra_spans:
        return tuple(hit.extra_spans)
    field: Field_ = hit.field
    if field == "concern" and rec is not None:
        return locate(rec.concern, rec.concern_spans, hit.start, hit.end)
    if act is None:
        return ()
    if field == "owner":
        return act.owner_spans or act.spans[:1]
    if field == "target":
        return act.target_spans or act.spans[:1]
    return locate(act.text, act.spans, hit.start, hit.end)


def fingerprint(code: str, where: str, text: str, words: Iterable[str]) -> str:
    """A finding's identity for baselines and code scanning, stable across the edits a
    draft goes through: the rule, the recommendation's number and the words that
    triggered it (or, with none, the opening words of the action). Neither the file's
    name (a renamed draft keeps its baseline) nor line numbers nor the rest of the
    action's wording (a light rewording keeps it) are part of it."""
    said = sorted(" ".join(w.lower().split()) for w in words if w.strip())
    if not said:
        said = re.findall(r"[a-z0-9]+", text.lower())[:8]
    basis = "\x1f".join([code, where, *said])
    return hashlib.sha256(basis.encode("utf-8", "surrogateescape")).hexdigest()[:20]


class Engine:
    """Holds the selected rules and the annotator; lints plan after plan."""

    def __init__(
        self, rules: list[Rule], settings: Settings, cache_dir: Path | None = None
    ) -> None:
        self._seen: dict[str, int] = {}  # fingerprints given in the plan being linted
        self._prepared = False  # the rules' matchers joined to the pipeline's pool
        self.settings = settings
        self.notices: list[str] = []
        # the lemma table is cut to the words of the rules that can run: with the built-in
        # pipeline, those that need no part-of-speech tags (a trained one has its own lemmas)
        blank = settings.pipeline in (None, BLANK)
        vocab = frozenset().union(
            *(r.check.vocabulary() for r in rules if not (blank and "pos" in r.spec.needs))
        )
        self.annotator = Annotator(vocab, settings.pipeline, cache_dir)
        rules = self._runnable(rules)
        self.rules = rules
        self.action_rules = [r for r in rules if r.check.scope == "action"]
        self.plan_rules = [r for r in rules if r.check.scope == "plan"]
        self.fields: set[str] = set().union(*(r.check.fields() for r in rules)) if rules else set()
        self.weights = {r.code: r.weight for r in rules}
        self.criterion_weights = {c: float(w) for c, w in settings.weights.items() if len(c) == 1}

    def _runnable(self, rules: list[Rule]) -> list[Rule]:
        """Rules whose needs this pipeline meets; the others are skipped with a notice."""
        if not any(r.spec.needs for r in rules):
            return rules
        kept = []
        for rule in rules:
            if "pos" in rule.spec.needs and not self.annotator.has_pos:
                self.notices.append(
                    f"{rule.code} ({rule.name}) skipped: it needs part-of-speech tags, which the "
                    f"pipeline '{self.annotator.pipeline}' does not give (set 'pipeline' to a "
                    "trained spaCy pipeline that is installed)"
                )
                continue
            kept.append(rule)
        return kept

    def _annotate(self, plan: Plan) -> None:
        texts: list[str] = []
        for rec, act in plan.actions():
            if "action" in self.fields:
                texts.append(act.text)
            if "owner" in self.fields and act.owner:
                texts.append(act.owner)
            if "target" in self.fields and act.target:
                texts.append(act.target)
            if "concern" in self.fields:
                texts.append(rec.concern)
        if texts:
            self.annotator.annotate(texts)

    def _context(self, plan: Plan, submitted: date | None) -> Context:
        def docs(text: str):  # type: ignore[no-untyped-def]
            return self.annotator.doc(text)

        ctx = Context(plan=plan, submitted=submitted, settings=self.settings, docs=docs)
        if self.fields:
            self.warm()
            ctx.nlp = self.annotator.nlp
        return ctx

    def warm(self) -> None:
        """The pipeline built, and every rule's phrases and patterns joined to its one
        matcher pass per text (done by the first lint, or before forking workers)."""
        if self.fields and not self._prepared:
            prepare(self.annotator.nlp, *(r.check for r in self.rules))
            self._prepared = True

    def _finding(
        self, rule: Rule, hit: Hit, plan: Plan, rec: Recommendation | None, act: Action | None
    ) -> Finding:
        spans = _field_spans(hit, rec, act)
        text = act.text if act else (rec.concern if rec else "")
        return Finding(
            code=rule.code,
            name=rule.name,
            criterion=rule.criterion,
            severity=rule.severity,
            message=hit.message,
            words=hit.words,
            spans=spans,
            action=act.id if act else None,
            recommendation=rec.id if rec else None,
            source=plan.source,
            fingerprint=self._distinct(
                fingerprint(rule.code, (rec.ref or rec.id) if rec else "", text, hit.words)
            ),
        )

    def _distinct(self, fp: str) -> str:
        """The same rule on the same words twice in one plan: '-1', '-2' keep them apart."""
        n = self._seen.get(fp, 0)
        self._seen[fp] = n + 1
        return f"{fp}-{n}" if n else fp

    def _internal(self, rule: Rule, exc: BaseException, plan: Plan, act: Action | None) -> Finding:
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        return Finding(
            code=INTERNAL_CODE,
            name="internal-error",
            criterion="P",
            severity="error",
            message=(
                f"rule {rule.code} ({rule.name}) failed: {exc.__class__.__name__}: {exc}{at}; "
                "the other rules ran"
            ),
            action=act.id if act else None,
            source=plan.source,
            spans=act.spans[:1] if act else (),
            fingerprint=fingerprint(INTERNAL_CODE, "", rule.code, ()),
        )

    def _run(self, rule: Rule, ctx: Context) -> list[Finding]:
        try:
            return [
                self._finding(
                    rule, h, ctx.plan, h.recommendation or ctx.rec, h.action or ctx.action
                )
                for h in rule.check.run(ctx)
            ]
        except PatternTimeout as exc:  # a pack's pattern, not our bug: the run stops, named
            raise PackError(f"{rule.path}: rule {rule.code} ({rule.name}): {exc}") from None
        except Exception as exc:  # a rule's bug must not end the run
            return [self._internal(rule, exc, ctx.plan, ctx.action)]

    def lint(self, plan: Plan, ignore: Iterable[str] = ()) -> FileReport:
        """The report of one plan."""
        ignored = tuple(ignore)
        self._seen = {}
        submitted = iso_date(plan.header.submitted.value if plan.header.submitted else None)
        self.annotator.forget()  # one plan's Docs at a time
        self._annotate(plan)
        ctx = self._context(plan, submitted)
        recs = []
        all_scores: list[float] = []
        suppressions = for_plan(plan, self.settings)
        suppressed: list[SuppressedFinding] = []
        for rec in plan.recommendations:
            ctx.rec = rec
            actions = []
            for act in rec.actions:
                ctx.action = act
                found: list[Finding] = []
                for rule in self.action_rules:
                    if not named(rule, ignored):
                        hits = self._run(rule, ctx)
                        by = next((s for s in suppressions if s.covers(rule, rec, act)), None)
                        if by is not None and hits:
                            by.used = True
                            suppressed.extend(_suppressed(f, by) for f in hits)
                            continue
                        found.extend(hits)
                actions.append(self._action_report(act, found))
            ctx.action = None
            scores = [a.score for a in actions]
            if not scores and unanswered_counts(rec.category):
                all_scores.append(0.0)
            all_scores.extend(scores)
            recs.append(_rec_report(rec, actions, mean(scores)))
        ctx.rec = None
        ctx.unused_suppressions = [f"{s.label}: {s.reason}" for s in suppressions if not s.used]
        plan_findings: list[Finding] = []
        for rule in self.plan_rules:
            if not named(rule, ignored):
                plan_findings.extend(self._run(rule, ctx))
        recs = _attach(recs, plan_findings)
        report = _file_report(plan, recs, plan_findings, mean(all_scores))
        if suppressed:
            report = report.model_copy(update={"suppressed": tuple(suppressed)})
        return (
            report.model_copy(update={"notices": tuple(self.notices)}) if self.notices else report
        )

    def _action_report(self, act: Action, found: list[Finding]) -> ActionReport:
        return ActionReport(
            id=act.id,
            step=act.step,
            text=act.text,
            spans=act.spans,
            owner=act.owner,
            owner_source=act.owner_source,
            target=act.target,
            due=act.due,
            due_status=act.due_status,
            criteria=verdicts(found),
            score=action_score(found, self.weights, self.criterion_weights or _default_cw()),
            findings=tuple(sorted(found, key=_order)),
        )


def _default_cw() -> dict[str, float]:
    from checker.scoring import DEFAULT_CRITERION_WEIGHTS

    return dict(DEFAULT_CRITERION_WEIGHTS)


def _suppressed(f: Finding, by: Active) -> SuppressedFinding:
    return SuppressedFinding(
        code=f.code,
        message=f.message,
        action=f.action,
        recommendation=f.recommendation,
        reason=by.reason,
        by=by.by,
    )


def _order(f: Finding) -> tuple[int, int, str]:
    s = f.spans[0] if f.spans else None
    return (s.line if s else 0, s.column if s else 0, f.code)


def _rec_report(
    rec: Recommendation, actions: list[ActionReport], score: float | None
) -> RecommendationReport:
    return RecommendationReport(
        id=rec.id,
        ref=rec.ref,
        section=rec.section,
        category=rec.category,
        concern=rec.concern,
        spans=rec.concern_spans[:1] or rec.ref_spans,
        score=score,
        actions=tuple(actions),
        status=rec.status,
    )


def _attach(
    recs: list[RecommendationReport], plan_findings: list[Finding]
) -> list[RecommendationReport]:
    """Plan-rule findings about one recommendation are listed under it as well."""
    by_rec: dict[str, list[Finding]] = {}
    for f in plan_findings:
        if f.recommendation and not f.action:
            by_rec.setdefault(f.recommendation, []).append(f)
    return [r.model_copy(update={"findings": tuple(by_rec.get(r.id, ()))}) for r in recs]


def _file_report(
    plan: Plan, recs: list[RecommendationReport], plan_findings: list[Finding], score: float | None
) -> FileReport:
    counts: Counter[str] = Counter()
    for r in recs:
        for a in r.actions:
            counts.update(f.criterion for f in a.findings)
    counts.update(f.criterion for f in plan_findings)
    est = plan.header.establishment
    sub = plan.header.submitted
    return FileReport(
        source=plan.source,
        establishment=est.value if est else None,
        submitted=sub.value if sub else None,
        score=score,
        recommendations=tuple(recs),
        findings=tuple(sorted(plan_findings, key=_order)),
        counts=dict(sorted(counts.items())),
    )
