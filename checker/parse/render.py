"""A plain-text view of a parsed plan, for ``plancheck parse``."""

from __future__ import annotations

from checker.models import Plan


def render_plan(plan: Plan) -> str:
    """What was understood, one recommendation after another."""
    out = [f"{plan.source}"]
    h = plan.header
    for label, fact in (
        ("establishment", h.establishment),
        ("submitted", h.submitted),
        ("inspection", h.inspection),
        ("published", h.published),
    ):
        if fact is not None:
            out.append(f"  {label}: {fact.value or fact.text}")
    if plan.columns:
        out.append("  columns: " + " | ".join(f"{c.title} -> {c.role}" for c in plan.columns))
    for rec in plan.recommendations:
        ref = rec.ref or "(no number)"
        section = f" [{rec.section}]" if rec.section else ""
        cat = f" ({rec.category})" if rec.category else ""
        out.append(f"\n  {rec.id} ref {ref}{section}{cat}: {_short(rec.concern, 90)}")
        for lead in rec.leadins:
            owner = f" [owner: {lead.owner}]" if lead.owner else ""
            out.append(f"    lead-in: {_short(lead.text, 80)}{owner}")
        for act in rec.actions:
            step = f"{act.step}. " if act.step else ""
            out.append(f"    {act.id} {step}{_short(act.text, 80)}")
            owner = act.owner or "-"
            if act.owner_source not in ("own", "none"):
                owner += f" (from {act.owner_source})"
            due = act.due or act.due_status
            out.append(f"        owner: {owner} | target: {act.target or '-'} -> {due}")
            if act.notes:
                out.append(f"        notes: {', '.join(act.notes)}")
        for note in rec.status:
            out.append(f"    {note.column or 'status'}: {_short(note.text, 80)}")
    for item in plan.unplaced:
        s = item.spans[0] if item.spans else None
        where = f"{s.line}:{s.column}" if s else "?"
        out.append(
            f"\n  unplaced ({item.kind}) at {where}: {_short(item.text, 70)} - {item.reason}"
        )
    return "\n".join(out)


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
