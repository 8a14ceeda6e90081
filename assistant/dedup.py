"""Near-duplicate detection by content: whole documents and single passages.

Texts are compared as sets of word 4-shingles over a normalised form (lower case, letters only,
æøå folded to their OCR-proof forms), so two extractions of the same document with different
line breaks, bullets and small spelling variants still match.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .types import Chunk

SHINGLE = 4
DOCUMENT_THRESHOLD = 0.6   # Jaccard of whole documents
PASSAGE_THRESHOLD = 0.7    # share of a passage's shingles found in an earlier passage


def normalise(text: str) -> list[str]:
    folded = text.lower().replace("aa", "å")
    folded = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", folded)
    return re.findall(r"[a-zæøå0-9]+", folded)


def shingles(text: str, size: int = SHINGLE) -> set[tuple[str, ...]]:
    words = normalise(text)
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def duplicate_documents(texts: dict[str, str]) -> dict[str, str]:
    """{doc id: id of the earlier document it duplicates} for near-identical documents."""
    ids = list(texts)
    sets = {i: shingles(texts[i]) for i in ids}
    result: dict[str, str] = {}
    for n, doc in enumerate(ids):
        for earlier in ids[:n]:
            if earlier not in result and jaccard(sets[doc], sets[earlier]) >= DOCUMENT_THRESHOLD:
                result[doc] = earlier
                break
    return result


def mark_duplicate_chunks(chunks: list[Chunk]) -> list[Chunk]:
    """Mark every chunk whose content earlier chunks of other documents already hold.

    Chunk boundaries differ between copies, so a passage is compared with everything indexed
    before it; ``duplicate_of`` names the earlier chunk that shares the most with it.
    """
    owner: dict[tuple[str, ...], Chunk] = {}
    out: list[Chunk] = []
    for chunk in chunks:
        own = shingles(chunk.text)
        found = [owner[s] for s in own if s in owner and owner[s].doc_id != chunk.doc_id]
        if len(own) >= 3 and len(found) / len(own) >= PASSAGE_THRESHOLD:
            best = Counter(c.id for c in found).most_common(1)[0][0]
            out.append(replace(chunk, duplicate_of=best))
            continue
        out.append(chunk)
        for s in own:
            owner.setdefault(s, chunk)
    return out
