"""Excerpts for communications staff: citations with full references as Markdown, Word or CSV."""

from __future__ import annotations

import csv
import io

from .types import Citation


def reference(c: Citation) -> str:
    return c.reference()


def to_markdown(citations: list[Citation]) -> str:
    lines = ["# Uddrag fra Københavns Kommunes integrationspolitikker", ""]
    for i, c in enumerate(citations, start=1):
        lines += [f"## {i}. {c.title}", "", f"> {c.quote}", "", f"Kilde: {reference(c)}", ""]
    return "\n".join(lines)


def to_csv(citations: list[Citation]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["citat", "reference", "dokument", "periode", "status", "afsnit", "side", "fil", "start", "slut",
                     "originaltekst"])
    for c in citations:
        writer.writerow([c.quote, reference(c), c.title, c.period, c.status, c.section, c.page or "",
                         c.source_file, c.start, c.end, c.original])
    return out.getvalue()


def to_docx(citations: list[Citation]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading("Uddrag fra Københavns Kommunes integrationspolitikker", level=1)
    for i, c in enumerate(citations, start=1):
        doc.add_heading(f"{i}. {c.title}", level=2)
        doc.add_paragraph(c.quote, style="Intense Quote")
        doc.add_paragraph(f"Kilde: {reference(c)}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
