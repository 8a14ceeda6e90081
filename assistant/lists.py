"""List answers: the complete structured list a question asks for, every item in order."""

from __future__ import annotations

import re

from .compare import named_documents
from .index import StoredDocument
from .picks import Pick, chunk_at
from .question import topic_of
from .retrieve import Retriever
from .sentence_rank import content_terms, passage_sentences
from .sentences import broken_by_layout, ends_with_abbreviation, split_sentences
from .silence import STEM_PREFIX
from .sparse import stopwords, tokenize
from .types import Chunk, Passage

# Words every list heading or question shares, which cannot tell one list from another.
LIST_IGNORE = {"ansvar", "integration", "integrationspolitik", "politik", "politikk"}
COUNT_WORDS = {w: n for n, w in enumerate("to tre fire fem seks syv otte ni ti".split(), start=2)} | \
    {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
LIST_UNIT_KINDS = ("numbered_item", "letter_item", "bullet", "goal", "principle", "theme", "area")
UNIT_NOUNS = {"goal": "mål målene", "principle": "princip principper principperne", "theme": "tema temaer temaerne",
              "area": "indsatsområde indsatsområder indsatsområderne indsats"}


def asked_count(question: str) -> int | None:
    """The number of items a list question names ("de syv mål", "hvilke ti skoler"), if any."""
    m = re.search(r"\b(?:hvilke|de|alle|which|the)\s+(\w+)\s+[^\W\d_]{3,}", question, re.IGNORECASE)
    if not m:
        return None
    word = m.group(1).lower()
    return COUNT_WORDS.get(word) or (int(word) if word.isdigit() and 1 < int(word) < 50 else None)


HEAD_RE = re.compile(r"\b(?:hvilke|which)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", re.IGNORECASE)


def asked_head(question: str, retriever: Retriever) -> set[str]:
    """Stem prefixes of the words right after "hvilke" (what the list must be of: "hvilke grundlæggende
    værdier" → grundlæggende, værdier), with their synonyms; empty when the question has no "hvilke"."""
    m = HEAD_RE.search(question)
    if not m:
        return set()
    words = [w for w in m.groups() if w and w.lower() not in COUNT_WORDS]
    terms = {t for w in words for t in tokenize(retriever.expand(w), retriever.lexicon) if t not in stopwords()}
    # a compound's last part, wherever it starts ("grundprincipper" names principles)
    tails = {t[i:] for t in terms for i in range(3, len(t) - 4)}
    return {t[:STEM_PREFIX] for t in terms | tails}


def enumerated_in_a_sentence(passages: list[Passage], question: str, count: int, retriever: Retriever) -> bool:
    """Whether a top sentence names the count beside a term of the question and lists that many things."""
    names = {w for w, n in COUNT_WORDS.items() if n == count} | {str(count)}
    terms = {t[:STEM_PREFIX] for t in content_terms(topic_of(question))}
    for _p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = doc.cleaned[a:b]
        words = re.findall(r"\w+", text.lower())
        for i, w in enumerate(words):
            if w in names and any(x[:STEM_PREFIX] in terms for x in words[i + 1:i + 4]):
                if text.count(",") + len(re.findall(r"\b(?:og|samt)\b", text)) >= count - 1:
                    return True
    return False


def list_picks(passages: list[Passage], retriever: Retriever, question: str = "",
               min_overlap: int = 0) -> list[Pick]:
    """The complete structured list the question asks for: every item, in order.

    Candidate lists are the item families that start in the top passages (items under one heading)
    and all goals / principles / themes / areas of the top passages' documents when the question
    names them ("målene", "principperne"); the one whose heading shares
    most terms with the question wins, then the better-ranked passage. A question that counts the
    items ("de syv mål") only takes a family of that many.
    """
    wanted = {t for t in tokenize(retriever.expand(question), retriever.lexicon)
              if t not in stopwords() and t not in LIST_IGNORE and not t.isdigit()}
    count = asked_count(question)
    head = asked_head(question, retriever)
    english = bool(question) and retriever.language(question) == "en"  # "the seven goals": through "mål"
    asked = set(re.findall(r"\w+", (retriever.expand(question) if english else question).lower()))
    # "principperne", and by a compound's last part "grundprincipper" (not "indsats": "integrationsindsats")
    named_units = {kind for kind, nouns in UNIT_NOUNS.items()
                   if asked & set(nouns.split())
                   or any(w.endswith(n) for w in asked for n in nouns.split() if n != "indsats")}
    best = unheaded = None  # unheaded: a family of the counted size whose heading names something else
    named = named_documents(question, retriever) if question else []
    for p in passages[:5]:
        if len(named) == 1 and p.chunk.doc_id != named[0]:
            continue  # the question names the one document whose list it wants
        doc = retriever.index.documents[p.chunk.doc_id]
        units = [s for s in doc.sections if s.kind in LIST_UNIT_KINDS
                 and (p.chunk.clean_start <= s.start < p.chunk.clean_end or s.kind in named_units)]
        for kind, parent in dict.fromkeys((u.kind, u.path[:-1] if u.kind not in UNIT_NOUNS else ()) for u in units):
            siblings, heading = _family(doc, kind, parent)
            if len(siblings) < 2:
                continue
            if count and len(siblings) != count:
                continue  # "de syv mål": only a family of exactly seven
            heading_terms = set(tokenize(heading, retriever.lexicon))
            overlap = len(wanted & heading_terms)
            key = (-overlap, p.rank)
            # "hvilke grundlæggende værdier": a list headed by something else is not it (by the heading's
            # whole words: "hvilke områder" does not ask for the indsatsområder) – unless the question
            # counts its items: "hvilke fem leveregler" are the five københavnerprincipper in other words
            if head and not any(t[:STEM_PREFIX] in head for t in tokenize(heading)):
                if count and unheaded is None:
                    unheaded = (key, doc, siblings, p.chunk)
                continue
            if overlap >= min_overlap and (best is None or key < best[0]):
                best = (key, doc, siblings, p.chunk)
    best = best or unheaded
    if best is None:
        return []
    _key, doc, siblings, chunk = best
    return family_picks(doc, siblings, retriever, chunk)


def _family(doc: StoredDocument, kind: str, parent: tuple[str, ...]) -> tuple[list, str]:
    """The units of one kind in a document (principles, goals, …: all of them, named by their noun),
    or the items of one kind under one heading (named by the heading)."""
    if kind in UNIT_NOUNS:
        return [s for s in doc.sections if s.kind == kind], UNIT_NOUNS[kind]
    return [s for s in doc.sections if s.kind == kind and s.path[:-1] == parent], (parent[-1] if parent else "")


def item_families(doc: StoredDocument, min_items: int = 2) -> list[tuple[str, list, str]]:
    """(kind, units, heading) of every list of a document with at least ``min_items`` items, in reading order."""
    keys = dict.fromkeys((s.kind, s.path[:-1] if s.kind not in UNIT_NOUNS else ())
                         for s in doc.sections if s.kind in LIST_UNIT_KINDS)
    families = [(kind, *_family(doc, kind, parent)) for kind, parent in keys]
    return [f for f in families if len(f[1]) >= min_items]


def family_picks(doc: StoredDocument, siblings: list, retriever: Retriever, chunk: Chunk | None = None) -> list[Pick]:
    """A list as picks: the sentence that introduces it (in the first item's passage), then each
    item's own statement, in order."""
    first = chunk_at(retriever, doc.meta.id, siblings[0].start) or chunk
    picks = []
    intro = _intro_sentence(doc, siblings[0].start, first) if first is not None else None
    if intro:
        picks.append(intro)
    for s in siblings:
        end = _statement_end(doc, s.start, s.end)
        picks.append(Pick(doc.meta.id, s.start, end, chunk_at(retriever, doc.meta.id, s.start) or first, 1.0))
    return picks


def _statement_end(doc: StoredDocument, start: int, end: int) -> int:
    """Where a unit's own statement ends: its heading text, up to the first full stop that ends a
    sentence (not "mhp." or "fx." before lower case)."""
    text = doc.cleaned[start:end]
    for m in re.finditer(r"[.!?:](\s|$)|\n\s*\n", text):
        if not m.group().strip() and broken_by_layout(text, text[:m.start()], m.end()):
            continue  # a blank line inside the statement ("for de" | "25 procent")
        if m.group().startswith(".") and ends_with_abbreviation(text[:m.start() + 1]) and \
                text[m.end():m.end() + 1].islower():
            continue  # "monitoreres mhp. på at dokumentere …"
        if len(text[:m.start()].strip()) >= 25:  # past a bare label such as "PRINCIP I."
            return min(start + m.start() + 1, start + 400) if m.group().strip() else start + m.start()
    return min(end, start + 400)


def _intro_sentence(doc: StoredDocument, first_item: int, chunk: Chunk) -> Pick | None:
    before = doc.cleaned[chunk.clean_start:first_item].rstrip()
    if not before:
        return None
    spans = split_sentences(before, chunk.clean_start)
    if not spans:
        return None
    a, b = spans[-1]
    return Pick(doc.meta.id, a, b, chunk, 0.5)
