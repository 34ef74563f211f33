"""``require``: a field must hold at least one kind of evidence, or the rule fires.

Each named kind of evidence is a phrase list, token patterns, a regular
expression, or dates mentioned in the text (see ``matching.EvidenceSpec``).
``measurable`` is written in it: a number, a share, a frequency, a deadline, a
deliverable or a monitoring route; so is "no stated outcome".
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from checker.checks.base import Check, Context, Field_, Hit, Options, Params
from checker.checks.matching import Evidence, EvidenceSpec
from checker.models import DueStatus


class RequireParams(Params):
    field: Field_ = "action"
    evidence: dict[str, EvidenceSpec] = Field(min_length=1)
    when_due: list[DueStatus] = Field(default_factory=list)
    min_words: int = Field(default=0, description="texts shorter than this are not checked")
    voided_by: dict[str, EvidenceSpec] = Field(
        default_factory=dict,
        description="wording that makes the text commit to nothing: then no evidence counts",
    )
    message: str
    void_message: str = Field(
        default="", description="message when voided; '{words}' is the voiding wording"
    )


class RequireCheck(Check):
    type_name = "require"
    placeholders = frozenset({"words"})
    params_model = RequireParams
    params: RequireParams

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        self.evidence = [Evidence(name, spec) for name, spec in self.params.evidence.items()]
        self.voids = [Evidence(name, spec) for name, spec in self.params.voided_by.items()]

    def fields(self) -> frozenset[Field_]:
        return frozenset({self.params.field})

    def vocabulary(self) -> frozenset[str]:
        out: set[str] = set()
        for ev in [*self.evidence, *self.voids]:
            out |= ev.words()
        return frozenset(out)

    def found(self, ctx: Context) -> list[tuple[str, str]]:
        """(evidence name, words) for every piece of evidence in the field."""
        doc = ctx.doc(self.params.field)
        out: list[tuple[str, str]] = []
        for ev in self.evidence:
            out.extend((ev.name, words) for _s, _e, words in ev.find(doc, ctx.pipeline))
        return out

    def run(self, ctx: Context) -> Iterable[Hit]:
        p = self.params
        act = ctx.action
        if p.when_due and (act is None or act.due_status not in p.when_due):
            return
        text = ctx.text(p.field)
        if not text.strip() or len(text.split()) < p.min_words:
            return
        doc = ctx.doc(p.field)
        for ev in self.voids:
            hits = ev.find(doc, ctx.pipeline)
            if hits:
                start, end, words = hits[0]
                msg = (p.void_message or p.message).format(words=words)
                yield Hit(msg, p.field, start, end, (words,))
                return
        if not self.found(ctx):
            yield Hit(p.message, p.field)
