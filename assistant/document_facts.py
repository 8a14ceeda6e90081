"""Questions about a document itself rather than what it says: which period a policy covers
("Hvilken periode dækker den vedtagne integrationspolitik?") and when it was adopted ("Hvornår blev
integrationspolitikken 2011-2014 vedtaget?"). Answered from the documents' own sentences that name its
period (and its adoption), so the answer is cited like any other."""

from __future__ import annotations

import re

from .compare import named_documents
from .index import StoredDocument
from .picks import Pick
from .question import ADOPTION_ASKED
from .retrieve import Retriever, period_years

COVERS = r"(?:gælder|gjaldt|dækker|dækkede|omfatter|løber|strækker|cover\w*|appl(?:y|ies)|run\w*|span\w*|last\w*)"
PERIOD_ASKED = re.compile(rf"\b(?:(?:hvilken|hvilket|hvilke)\s+(?:periode|tidsrum|år)|(?:which|what)\s+"
                          rf"(?:period|time span|years))\b(?:\s+\S+){{0,8}}?\s+{COVERS}\b|"
                          rf"\b(?:hvor længe|how long)\b(?:\s+\S+){{0,3}}?\s+{COVERS}\b", re.IGNORECASE)
SAYS_PERIOD = re.compile(r"\b(?:periode\w*|gælder|period)\b", re.IGNORECASE)


def period_picks(question: str, retriever: Retriever) -> list[Pick]:
    """For a question asking which period a policy covers: the sentence of each document it names
    (or of every policy, when it names none) that names the document's period; empty otherwise."""
    if not PERIOD_ASKED.search(question):
        return []
    named = named_documents(question, retriever)
    documents = [retriever.index.documents[d] for d in named] if named else \
        [d for d in retriever.index.documents.values() if d.meta.kind == "policy" and not d.duplicate_of]
    return [pick for pick in (period_sentence(doc, retriever) for doc in documents) if pick is not None]


def period_sentence(doc: StoredDocument, retriever: Retriever) -> Pick | None:
    """The document's first sentence naming its period ("2023-2026") that also speaks of a period or
    of what it applies to ("Politikken gælder for en fireårig periode i 2023-2026"), else its first
    sentence naming the period (the title); None when its period is not a span of years it names."""
    pattern = period_pattern(doc.meta.period)
    if pattern is None:
        return None
    first = None
    for text, pick in indexed_sentences(retriever, doc.meta.id):
        if not pattern.search(text):
            continue
        if SAYS_PERIOD.search(text):
            return pick
        first = first or pick
    return first


def period_pattern(period: str) -> re.Pattern[str] | None:
    """The period written out ("2011-2014", "2011-\n\n2014"); None when it is not a span of years."""
    years = period_years(period)
    return re.compile(rf"\b{years.start}\s*[-–]\s*{years.stop - 1}\b") if years else None


def indexed_sentences(retriever: Retriever, doc_id: str | None = None):
    """(cleaned text, pick) of every indexed sentence, in index order (of one document, if given)."""
    for row, chunk in enumerate(retriever.index.chunks):
        if doc_id is not None and chunk.doc_id != doc_id:
            continue
        doc = retriever.index.documents[chunk.doc_id]
        for a, b, _vec in retriever.index.sentences_of(row):
            yield doc.cleaned[a:b], Pick(chunk.doc_id, a, b, chunk, 1.0)


ADOPTS = re.compile(r"\b(?:vedtager|vedtaget|vedtog|vedtages|vedtagelse|adopted|adopts)\b", re.IGNORECASE)
DATE = re.compile(r"\b\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                  r"december)\b|\b(?:19|20)\d\d\b", re.IGNORECASE)


def adoption_picks(question: str, retriever: Retriever) -> list[Pick]:
    """For a question asking when an adopted policy was adopted: the sentences of any document that
    say so, naming the policy's period and a date ("16. december Borgerrepræsentationen vedtager
    Københavns Integrationspolitik 2011-2014" in the case paper's timetable); empty otherwise (the
    silence check answers for a policy that is only a draft)."""
    if not ADOPTION_ASKED.search(question):
        return []
    named = [retriever.index.documents[d] for d in named_documents(question, retriever)]
    periods = [p for p in (period_pattern(d.meta.period) for d in named if d.meta.status == "adopted") if p]
    return [pick for period in periods for text, pick in indexed_sentences(retriever)
            if ADOPTS.search(text) and period.search(text) and DATE.search(period.sub(" ", text))]
