"""Choosing the sentences that answer: the learned ranker's best sentences, a heading cited with
the block it introduces, a definition with its whole paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dedup import normalise
from .retrieve import Retriever
from .sentence_rank import Candidate, candidates, content_terms, is_heading, load_model
from .sentences import split_sentences
from .sparse import tokenize
from .types import Chunk, Passage

LABELLED = re.compile(r"^(\d{1,2}[.)]|[A-H]\)|[•*\-–]|PRINCIP|Mål|Tema|Indsats)\s", re.IGNORECASE)
REPEAT_SHARE = 0.8
KEEP_WITHIN = 4.0         # logits of the sentence ranker: keep sentences nearly as good as the best


@dataclass(frozen=True)
class Pick:
    """A chosen span of cleaned text in one document, with the passage it came from."""

    doc_id: str
    start: int  # cleaned offsets
    end: int
    chunk: Chunk
    score: float


def pick_sentences(passages: list[Passage], question: str, qtype: str, retriever: Retriever,
                   limit: int | None = None) -> list[Pick]:
    """The sentences that answer, by the learned sentence ranker (see sentence_rank): the best one,
    then up to four more (three for a figure, two for a definition) that score nearly as well and say
    something new."""
    cands = candidates(passages, question, qtype, retriever)
    scores = load_model().score(cands)
    ranked = sorted(zip(scores.tolist(), range(len(cands))), reverse=True)
    picks = [Pick(cands[i].doc_id, cands[i].start, cands[i].end, cands[i].chunk, s) for s, i in ranked]
    if qtype == "definition" and picks:
        whole = _definition_paragraph(picks[0], retriever)
        if whole:
            return [whole]
    chosen: list[Pick] = []
    seen: list[set[str]] = []
    limit = limit or {"definition": 3, "figure": 4}.get(qtype, 5)
    for c in picks:
        if len(chosen) >= limit or (chosen and c.score < chosen[0].score - KEEP_WITHIN):
            break
        if any(o.doc_id == c.doc_id and o.start <= c.start < o.end for o in chosen):
            continue  # already inside a block cited with its heading
        c = extend_pick(c, retriever)
        if any(o.doc_id == c.doc_id and o.start < c.end and c.start < o.end for o in chosen):
            # a block over sentences already chosen (two blocks of one list): cite it once, as one span
            chosen = merge_overlapping(chosen + [c])
            seen = [_words(o, retriever) for o in chosen]
            continue
        words = _words(c, retriever)
        if any(len(words & other) >= REPEAT_SHARE * min(len(words), len(other)) for other in seen):
            continue  # the same statement again (a goal repeated in an overview table, a copy)
        chosen.append(c)
        seen.append(words)
    return chosen


# A time the text states: a year, a month, the end or start of a period ("inden udgangen af 2014").
TIME_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b|\b(?:udgangen|slutningen|starten|begyndelsen) af\b|\b(?:ultimo|primo)\b|"
                          r"\b(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                          r"december)\b", re.IGNORECASE)
TIME_DEPTH = 3  # passages searched for the sentence that states the time asked for


def timed_picks(passages: list[Passage], question: str, retriever: Retriever) -> list[Pick]:
    """The sentence of the top passages that the ranker scores best among those stating a time and sharing a
    term with the question: "Hvornår skulle de syv mål senest være indfriet?" is answered by "Alle mål skal
    nås inden udgangen af 2014", whatever else the best passage says about the goals."""
    terms = content_terms(retriever.expand(retriever.topic(question)))
    cands = [c for c in candidates(passages[:TIME_DEPTH], question, "figure", retriever)
             if TIME_IN_TEXT.search(_text(c, retriever)) and terms & set(tokenize(_text(c, retriever)))]
    if not cands:
        return []
    score, i = max(zip(load_model().score(cands).tolist(), range(len(cands))))
    return [Pick(cands[i].doc_id, cands[i].start, cands[i].end, cands[i].chunk, score)]


def _text(c: Candidate, retriever: Retriever) -> str:
    return retriever.index.documents[c.doc_id].cleaned[c.start:c.end]


def best_in_span(passages: list[Passage], question: str, retriever: Retriever, doc_id: str, start: int, end: int,
                 n: int) -> list[Pick]:
    """The ``n`` sentences of the passages inside [start, end) of a document that the sentence ranker scores
    best for the question, in reading order (no margin to the best: the span is already what is asked)."""
    cands = [c for c in candidates(passages, question, "general", retriever)
             if c.doc_id == doc_id and start <= c.start < end]
    if not cands:
        return []
    scores = load_model().score(cands)
    best = sorted(zip(scores.tolist(), range(len(cands))), reverse=True)[:n]
    return sorted((Pick(cands[i].doc_id, cands[i].start, cands[i].end, cands[i].chunk, sc) for sc, i in best),
                  key=lambda p: p.start)


def merge_overlapping(picks: list[Pick]) -> list[Pick]:
    """The picks with every group of overlapping spans (in one document) cited once, as their union;
    the first pick of a group keeps its place."""
    out: list[Pick] = []
    for p in picks:
        hits = [i for i, o in enumerate(out) if o.doc_id == p.doc_id and o.start < p.end and p.start < o.end]
        if not hits:
            out.append(p)
            continue
        group = [out[i] for i in hits] + [p]
        first = group[0]
        out[hits[0]] = Pick(first.doc_id, min(o.start for o in group), max(o.end for o in group), first.chunk,
                            first.score)
        for i in reversed(hits[1:]):
            del out[i]
    return out


def _words(pick: Pick, retriever: Retriever) -> set[str]:
    return set(normalise(retriever.index.documents[pick.doc_id].cleaned[pick.start:pick.end]))


FOLLOW_ON = re.compile(r"^(dvs\.|det vil sige|dette? (?:betyder|indebærer)|det svarer til|heraf|hermed|dermed|"
                       r"det gælder|det drejer sig om|det handler om|eksempelvis|for eksempel|fx\b|f\. ?eks\.)",
                       re.IGNORECASE)
# "Det er det, vi kalder den interkulturelle integration.": the name of what the sentence before says.
BACK_REFERENCE = re.compile(r"^(?:det|dette)\b[^.]{0,30}?\b(?:vi kalder|kalder vi|kaldes|betegnes|benævnes|"
                            r"kalder man)\b", re.IGNORECASE)
FOLLOW_ON_MAX = 2  # explaining sentences a pick keeps ("Dvs. …" then "Dette indebærer …")
REFERENT_WORDS = 8  # a shorter sentence before ("Det synes vi er positivt.") refers back itself
EXTEND_MAX = 1500  # characters a heading and the block it introduces may span (the draft's five pejlemærker: 966)
BLOCK_KINDS = ("heading", "principle", "goal", "area", "theme", "pejlemaerke", "definition")


def extend_pick(pick: Pick, retriever: Retriever) -> Pick:
    """A heading or a sentence ending in ':' is cited with the block it introduces ("Det er kommunens
    ansvar" with its bullets), a list item with its whole list and the line introducing it, a
    sentence followed by "Dvs. …" or "Dette indebærer …" keeps those sentences, and such a sentence
    (or one that names what it refers back to) is cited with the sentence it explains."""
    doc = retriever.index.documents[pick.doc_id]
    text = doc.cleaned[pick.start:pick.end].strip()
    limit = min(len(doc.cleaned), pick.start + EXTEND_MAX)
    for s in doc.sections:
        if s.kind in BLOCK_KINDS and pick.end <= s.start < limit:
            limit = s.start
    for a, _b in doc.placeholders:
        if pick.end <= a < limit:
            limit = a
    following = split_sentences(doc.cleaned[pick.end:limit], pick.end)
    if following and following[-1][1] >= pick.start + EXTEND_MAX - 1:
        following.pop()  # cut off by the length limit: only whole sentences are quoted
    end = pick.end
    item = bool(LABELLED.match(text)) and not text.endswith(":")
    # "… kræver det noget af os hver især: kommunens ansatte, …" followed by bullets: the list goes with it
    opens_list = ":" in text and bool(following) and \
        bool(LABELLED.match(doc.cleaned[following[0][0]:following[0][1]].strip()))
    if item or is_heading(text) or text.endswith(":") or opens_list:
        for a, b in following:
            part = doc.cleaned[a:b].strip()
            if (is_heading(part) and not LABELLED.match(part)) or ((item or opens_list) and not LABELLED.match(part)):
                break  # a list item runs on only through its siblings
            end = b
    else:  # "… forpligtende for udvalgene." | "Dette indebærer, at …": each sentence that explains the one before
        for a, b in following[:FOLLOW_ON_MAX]:
            if not FOLLOW_ON.match(doc.cleaned[a:b].strip()):
                break
            end = b
    start = _list_start(doc, pick.start) if item else pick.start
    if BACK_REFERENCE.match(text) or FOLLOW_ON.match(text):  # "Dvs. et beskæftigelsesgab på 17 procentpoint."
        start = _referent_start(doc, pick.start)
    if text.endswith(":") and not item:
        start = _lead_in(doc, start)
    return Pick(pick.doc_id, start, end, pick.chunk, pick.score) if (start, end) != (pick.start, pick.end) else pick


def _referent_start(doc, start: int) -> int:
    """Where what a naming sentence refers back to begins: the sentence before it, and the one before
    that when the first is short ("… i byens udvikling. Det synes vi er positivt. Det kalder vi …")."""
    floor = _paragraph_start(doc.cleaned, start - EXTEND_MAX // 2)
    before = [(a, b) for a, b in split_sentences(doc.cleaned[floor:start], floor)
              if not is_heading(doc.cleaned[a:b])]
    begin = start
    for a, b in reversed(before[-2:]):
        begin = a
        if len(doc.cleaned[a:b].split()) >= REFERENT_WORDS:
            break
    return begin


def _lead_in(doc, start: int) -> int:
    """Where a line introducing a block ("Sådan løfter kommunen sit ansvar:") begins with the sentence
    before it in the same paragraph ("Kommunen har initiativforpligtigelsen …"), if there is one."""
    para = doc.cleaned.rfind("\n\n", 0, start)
    before = split_sentences(doc.cleaned[para + 2 if para >= 0 else 0:start], para + 2 if para >= 0 else 0)
    if before and not is_heading(doc.cleaned[before[-1][0]:before[-1][1]]):
        return before[-1][0]
    return start


def _list_start(doc, start: int) -> int:
    """Where the list that an item belongs to begins: back over its earlier sibling items to the
    sentence ending in ':' or the heading that introduces them (when there is one within reach)."""
    floor = _paragraph_start(doc.cleaned, start - EXTEND_MAX // 2)
    for s in doc.sections:
        if s.kind in BLOCK_KINDS and floor <= s.start <= start:
            floor = s.start
    before = split_sentences(doc.cleaned[floor:start], floor)
    begin = start
    for a, b in reversed(before):
        part = doc.cleaned[a:b].strip()
        if LABELLED.match(part):
            begin = a
            continue
        if part.endswith(":") or (is_heading(part) and begin < start):  # "Det er kommunens ansvar" over its items
            begin = a
        break
    return begin


def _paragraph_start(text: str, pos: int) -> int:
    """The start of the paragraph that holds ``pos``: text split into sentences from there begins at a
    sentence, not inside a word ("…nyan|komne vil vi …")."""
    if pos <= 0:
        return 0
    blank = text.rfind("\n\n", 0, pos)
    return blank + 2 if blank >= 0 else 0


def _definition_paragraph(best: Pick, retriever: Retriever) -> Pick | None:
    """The whole defining paragraph around the best sentence, when it is a definition (≤ 700 chars)."""
    doc = retriever.index.documents[best.doc_id]
    for s in doc.sections:
        if s.kind == "definition" and s.start <= best.start < s.end and s.end - s.start <= 700:
            return Pick(best.doc_id, s.start, s.end, best.chunk, best.score)
    return None


def chunk_at(retriever: Retriever, doc_id: str, pos: int) -> Chunk | None:
    for c in retriever.index.chunks:
        if c.doc_id == doc_id and c.clean_start <= pos < c.clean_end:
            return c
    return None
