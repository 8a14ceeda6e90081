"""Evaluation metrics over ranked spans, as pure functions.

A retrieved span is a hit for a question when it overlaps one of the question's evidence spans
(in the same source file) by at least half the evidence quote's length.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    source_file: str
    start: int
    end: int


def is_hit(span: Span, evidence: list[Span]) -> bool:
    for ev in evidence:
        if ev.source_file != span.source_file:
            continue
        overlap = min(span.end, ev.end) - max(span.start, ev.start)
        if overlap >= 0.5 * (ev.end - ev.start):
            return True
    return False


def cites_evidence(cited: list[Span], evidence: list[Span]) -> bool:
    """Whether an answer's citations point at the gold passage.

    Citations are sentences, gold passages often several sentences, so a citation counts when it
    lies at least half inside a gold span (a sentence of the gold passage), or when the citations
    together cover at least half of a gold span (a list cited item by item).
    """
    for ev in evidence:
        same = [c for c in cited if c.source_file == ev.source_file]
        overlaps = [(max(c.start, ev.start), min(c.end, ev.end), c.end - c.start) for c in same]
        if any(b - a > 0 and b - a >= 0.5 * min(length, ev.end - ev.start) for a, b, length in overlaps):
            return True
        covered, reached = 0, ev.start
        for a, b, _length in sorted(overlaps):
            a = max(a, reached)
            if b > a:
                covered, reached = covered + b - a, b
        if covered >= 0.5 * (ev.end - ev.start):
            return True
    return False


def citation_precision(cited: list[Span], evidence: list[Span]) -> float | None:
    """Share of the citations that overlap a gold span at all (None without citations).

    Only the labelled passages count, so other sentences that also answer count against it: it is
    a lower bound, for comparing answer lengths rather than an absolute precision."""
    if not cited:
        return None
    hits = [any(c.source_file == e.source_file and c.start < e.end and e.start < c.end for e in evidence)
            for c in cited]
    return sum(hits) / len(hits)


def first_hit_rank(ranked: list[Span], evidence: list[Span], k: int) -> int | None:
    for i, span in enumerate(ranked[:k], start=1):
        if is_hit(span, evidence):
            return i
    return None


def recall_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None, k: int = 10) -> float:
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def ndcg_at(ranked: list[Span], evidence: list[Span], k: int = 10) -> float:
    """Binary-relevance nDCG; the ideal ranking has the question's relevant spans on top."""
    gains = [1.0 if is_hit(s, evidence) else 0.0 for s in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal_hits = max(1, min(int(sum(gains)), k))
    idcg = sum(1.0 / math.log2(i + 2) for i in range(ideal_hits))
    return dcg / idcg


# A keyword copied from the scanned text can carry its OCR spelling ("Europaradet", "sammenhang")
# while the answer quotes the repaired word, so æ, ø and å are compared as a, o and a; and the
# documents write a share as "%", "procent" or "pct." alike.
DANISH_FOLD = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
PERCENT = re.compile(r"\s*(?:%|procent|pct\b\.?)")


def _folded(text: str) -> str:
    return " ".join(PERCENT.sub(" %", text.lower()).translate(DANISH_FOLD).split())


def keywords_present(text: str, keywords: list[str | tuple[str, ...]]) -> bool:
    """Whether every keyword occurs in the text (case, whitespace, æ/ø/å-spelling and the way a
    percentage is written aside). A keyword may be a tuple of its spellings: any one counts."""
    folded = _folded(text)
    return all(any(_folded(form) in folded for form in ((k,) if isinstance(k, str) else k)) for k in keywords)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")
