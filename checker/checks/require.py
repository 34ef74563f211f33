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
from checker.checks.matching import Evidence, EvidenceSpec, sentence_of
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
    kept_by: dict[str, EvidenceSpec] = Field(
        default_factory=dict,
        description="wording that keeps a commitment although voiding wording heads it: a "
        "target stated outright ('encourage take-up, with a target of 90% of places filled')",
    )
    scoped_by: dict[str, EvidenceSpec] = Field(
        default_factory=dict,
        description="wording whose scope, from it to the end of its sentence, holds no "
        "evidence that counts ('consider relocation' relocates nothing)",
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
        self.keeps = [Evidence(name, spec) for name, spec in self.params.kept_by.items()]
        self.scopes = [Evidence(name, spec) for name, spec in self.params.scoped_by.items()]

    def fields(self) -> frozenset[Field_]:
        return frozenset({self.params.field})

    def vocabulary(self) -> frozenset[str]:
        out: set[str] = set()
        for ev in [*self.evidence, *self.voids, *self.keeps, *self.scopes]:
            out |= ev.words()
        return frozenset(out)

    def scoped(self, ctx: Context) -> list[tuple[int, int, str]]:
        """(start, end of its sentence, words) of each wording whose scope discounts evidence."""
        doc = ctx.doc(self.params.field)
        out = []
        for ev in self.scopes:
            for start, _end, words in ev.find(doc, ctx.pipeline):
                out.append((start, sentence_of(doc, start)[1], words))
        return out

    def counts(self, ctx: Context) -> tuple[bool, list[tuple[int, int, str]] | None]:
        """Whether any evidence in the field counts, and the scopes if they were looked
        for: the first evidence that counts ends the search (kinds in the order the rule
        lists them), and scopes are looked for only once there is evidence to discount."""
        doc = ctx.doc(self.params.field)
        scopes: list[tuple[int, int, str]] | None = None
        for ev in self.evidence:
            for start, _e, _words in ev.find(doc, ctx.pipeline):
                if scopes is None:
                    scopes = self.scoped(ctx)
                if not any(lo <= start < hi for lo, hi, _w in scopes):
                    return True, scopes
        return False, scopes

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
                if any(keep.find(doc, ctx.pipeline) for keep in self.keeps):
                    break  # a target stated outright: the evidence decides, as with no void
                start, end, words = hits[0]
                msg = (p.void_message or p.message).format(words=words)
                yield Hit(msg, p.field, start, end, (words,))
                return
        counted, scopes = self.counts(ctx)
        if not counted:
            scopes = self.scoped(ctx) if scopes is None else scopes
            if scopes and p.void_message:
                start, _hi, words = scopes[0]
                yield Hit(
                    p.void_message.format(words=words), p.field, start, start + len(words), (words,)
                )
            else:
                yield Hit(p.message, p.field)
