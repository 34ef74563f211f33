"""Fixtures for the reader tests, built in code: Word, PDF, zip and plan JSON.

The plan text here is made up for the tests (an imaginary HMP Northfield); it
only has the shape of a real action plan.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

import docx
from fpdf import FPDF

from checker.docs.schemas import PlanDocument
from checker.models import Action, Plan, Recommendation

COLUMNS = ["Rec No", "Concern", "Action", "Owner", "Target"]
HEADER = ["Action Plan: HMP Northfield", "Action Plan Submitted: 3rd March 2026"]

ROWS = [
    COLUMNS,
    [
        "1",
        "Evening association was often cancelled.",
        "Recruit six officers.",
        "Governor",
        "May 26",
    ],
    ["", "", "Publish a weekly regime timetable.", "Deputy Governor", "June 26"],
    [
        "2",
        "Cells on B wing were damp.",
        "Survey every cell on B wing.",
        "Head of Estates",
        "Complete",
    ],
]

# Smallest valid PNG: a 1x1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plan_docx(rows: Sequence[Sequence[str]] = ROWS, header: Sequence[str] = HEADER) -> bytes:
    """A Word plan: header paragraphs, then one table holding rows."""
    document = docx.Document()
    for line in header:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return save(document)


def paragraphs_docx(*lines: str) -> bytes:
    """A Word document with paragraphs and no table."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    return save(document)


def plan_pdf(
    rows: Sequence[Sequence[str]] = ROWS, header: Sequence[str] = HEADER, ruled: bool = True
) -> bytes:
    """A PDF plan: header lines, then a table, ruled (fpdf2 draws the cell borders) or not."""
    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in header:
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    borders = "ALL" if ruled else "NONE"
    with pdf.table(borders_layout=borders, text_align="LEFT", v_align="TOP") as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """A PDF with a drawing and no text: what a scan looks like to a text extractor."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def zip_bomb(megabytes: int = 12) -> bytes:
    """A small zip whose one member unpacks to megabytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (megabytes * 1024 * 1024))
    return buffer.getvalue()


def plain_zip() -> bytes:
    """A zip that is not a Word document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "nothing to see")
    return buffer.getvalue()


def sample_plan(source: str = "northfield.txt") -> Plan:
    """A small Plan with three recommendations, built from the models."""
    recs = []
    for n in range(1, 4):
        action = Action(id=f"R{n}.A1", text=f"Step {n}: check the wing rota weekly.")
        recs.append(Recommendation(id=f"R{n}", ref=str(n), concern="A concern.", actions=(action,)))
    return Plan(source=source, recommendations=tuple(recs))


def plan_document(*plans: Plan) -> dict[str, Any]:
    """The canonical document (as plancheck parse --format json writes it), as JSON data."""
    chosen = plans or (sample_plan(),)
    return PlanDocument(version="0.1.0", files=chosen).model_dump(mode="json")
