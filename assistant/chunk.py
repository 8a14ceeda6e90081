"""Split a cleaned, structured document into chunks along its structure.

A chunk never crosses a section boundary and never ends mid-sentence. A heading opens the
chunk of its section; a list stays whole with its introduction where it fits (all five
principles in one chunk), otherwise it is split between items. Chunk ids are derived from
the document id and the original span, so they are the same on every build.
"""

from __future__ import annotations

import re

from .clean import CleanResult
from .sentences import split_sentences, trim_span
from .structure import paragraph_spans, section_path_at
from .types import Chunk, Document, Section

ITEM_KINDS = {"numbered_item", "letter_item", "bullet"}
LIST_STRETCH = 1.7  # a list may make its chunk this much longer than max_chars to stay whole


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Split one over-long block at sentence boundaries into pieces of at most ~limit chars."""
    pieces: list[tuple[int, int]] = []
    cur_a, cur_b = None, None
    for a, b in split_sentences(text[start:end], start):
        if cur_a is None:
            cur_a, cur_b = a, b
        elif b - cur_a <= limit:
            cur_b = b
        else:
            pieces.append((cur_a, cur_b))
            cur_a, cur_b = a, b
    if cur_a is not None:
        pieces.append((cur_a, cur_b))
    return pieces


def _group_key(sections: list[Section], pos: int) -> tuple[tuple[str, ...], str]:
    path, kind = section_path_at(sections, pos)
    if kind in ITEM_KINDS:
        return path[:-1], kind  # items group under the heading that holds the list
    return path, kind


def chunk_document(doc: Document, cleaned: CleanResult, sections: list[Section],
                   max_chars: int = 900, min_chars: int = 120) -> list[Chunk]:
    """Chunks of one document, in reading order."""
    text = cleaned.text
    units: list[tuple[int, int, tuple[str, ...], str]] = []
    for a, b in paragraph_spans(text):
        # A block is split where a section or list item starts inside it (PDF layouts glue
        # headings to the paragraph above), so no unit crosses a section boundary.
        inner = sorted({s.start for s in sections if s.kind != "definition" and a < s.start < b})
        bounds = [a, *inner, b]
        for x, y in zip(bounds, bounds[1:]):
            x, y = trim_span(text, x, y)
            if x >= y:
                continue
            key, kind = _group_key(sections, x)
            for p, q in (_split_long(text, x, y, max_chars) if y - x > max_chars else [(x, y)]):
                units.append((p, q, key, kind))
    chunks: list[Chunk] = []
    group: list[tuple[int, int, tuple[str, ...], str]] = []

    def flush() -> None:
        if group:
            chunks.append(_make_chunk(doc, cleaned, group, sections))
            group.clear()

    list_max = int(max_chars * LIST_STRETCH)
    for unit in units:
        limit = list_max if unit[3] in ITEM_KINDS else max_chars
        if group and (unit[2] != group[-1][2] or unit[1] - group[0][0] > limit):
            # Keep a short heading-only group together with what follows in the same section, and a
            # short line ending in ':' with what it introduces ("DEN OVERORDNEDE MÅLSÆTNING:").
            short = group[-1][1] - group[0][0] < min_chars
            introduces = text[group[0][0]:group[-1][1]].rstrip().endswith(":")
            # (The lines before the first section, a cover's title, are no heading of it.)
            heads = _is_prefix(group[-1][2], unit[2]) and bool(group[-1][2])
            if unit[1] - group[0][0] > limit or not (short and (introduces or heads)):
                flush()
        group.append(unit)
    flush()
    return [c for c in chunks if c.placeholder or not _headings_only(c.text)]


def _headings_only(text: str) -> bool:
    """A chunk of bare headings ("Det gør vi allerede") has nothing to cite."""
    return all(len(ln.split()) <= 8 and not re.search(r"[.!?:]$", ln.strip())
               for ln in text.splitlines() if ln.strip())


def _is_prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[: len(short)] == short


def _make_chunk(doc: Document, cleaned: CleanResult, group, sections: list[Section]) -> Chunk:
    clean_start, clean_end = group[0][0], group[-1][1]
    start, end = cleaned.to_original(clean_start, clean_end)
    path = max((u[2] for u in group), key=len)
    kinds = {u[3] for u in group}
    kind = "list" if kinds & ITEM_KINDS else next(iter(kinds))
    if any(s.kind == "definition" and clean_start <= s.start < clean_end for s in sections):
        kind = "definition" if kind != "list" else kind
    content = cleaned.text[clean_start:clean_end]
    placeholder = _only_placeholder(content, clean_start, cleaned.placeholders)
    return Chunk(id=f"{doc.id}:{start}-{end}", doc_id=doc.id, source_file=doc.meta.source_file,
                 start=start, end=end, clean_start=clean_start, clean_end=clean_end, text=content,
                 section_path=path, section_kind=kind, page=doc.page_at(start), placeholder=placeholder)


def _only_placeholder(content: str, offset: int, placeholders: tuple[tuple[int, int], ...]) -> bool:
    """True when everything but headings in the chunk is template placeholder text."""
    inside = [(max(a, offset) - offset, min(b, offset + len(content)) - offset)
              for a, b in placeholders if a < offset + len(content) and b > offset]
    if not inside:
        return False
    rest = content
    for a, b in sorted(inside, reverse=True):
        rest = rest[:a] + rest[b:]
    long_lines = [ln for ln in rest.splitlines() if len(ln.split()) > 8]
    return not long_lines
