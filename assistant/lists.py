"""List answers: the complete structured list a question asks for, every item in order."""

from __future__ import annotations

import re

from .asked import STEM_PREFIX
from .clean import edit_distance
from .compare import named_documents
from .index import StoredDocument
from .picks import Pick, chunk_at
from .question import topic_of
from .retrieve import Retriever
from .sentence_rank import content_terms, passage_sentences
from .sentences import broken_by_layout, ends_with_abbreviation, split_sentences
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


def asked_head_words(question: str, retriever: Retriever, expand: bool = False) -> set[str]:
    """The stemmed words right after "hvilke" (what the list must be of: "hvilke grundlæggende
    værdier" → grundlæggende, værdier), ``expand``: with their synonyms; empty when the question has
    no "hvilke"."""
    m = HEAD_RE.search(question)
    words = [w for w in (m.groups() if m else ()) if w and w.lower() not in COUNT_WORDS]
    return {t for w in words for t in tokenize(retriever.expand(w) if expand else w, retriever.lexicon)
            if t not in stopwords()}


def asked_head(question: str, retriever: Retriever) -> set[str]:
    """Stem prefixes of the words right after "hvilke", with their synonyms (asked_head_words)."""
    terms = asked_head_words(question, retriever, expand=True)
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
    names them ("målene", "principperne"); the one whose heading shares the most of the question's
    terms (by their letters) wins, then the better-ranked passage. When the question names one
    document and none of its lists is found that way, every list of that document is a candidate.
    A question that counts the items ("de syv mål") only takes a family of that many.
    """
    wanted = {t for t in tokenize(retriever.expand(question), retriever.lexicon)
              if t not in stopwords() and t not in LIST_IGNORE and not t.isdigit()}
    count = asked_count(question)
    head = asked_head(question, retriever)
    head_words = asked_head_words(question, retriever)
    english = bool(question) and retriever.language(question) == "en"  # "the seven goals": through "mål"
    asked = set(re.findall(r"\w+", (retriever.expand(question) if english else question).lower()))
    # "principperne", and by a compound's last part "grundprincipper" (not "indsats": "integrationsindsats")
    named_units = {kind for kind, nouns in UNIT_NOUNS.items()
                   if asked & set(nouns.split())
                   or any(w.endswith(n) for w in asked for n in nouns.split() if n != "indsats")}
    best = unheaded = None  # unheaded: a family of the counted size whose heading names something else
    named = named_documents(question, retriever) if question else []
    candidates = [(p.rank, p.chunk, p.chunk.doc_id) for p in passages[:5]
                  if len(named) != 1 or p.chunk.doc_id == named[0]]  # the one document whose list it wants
    if len(named) == 1:  # …and, when the search found none of its lists, every list of that document
        candidates.append((len(passages) + 1, None, named[0]))
    for rank, chunk, doc_id in candidates:
        if chunk is None and best is not None:
            break
        doc = retriever.index.documents[doc_id]
        units = [s for s in doc.sections if s.kind in LIST_UNIT_KINDS
                 and (chunk is None or chunk.clean_start <= s.start < chunk.clean_end or s.kind in named_units)]
        for kind, parent in dict.fromkeys((u.kind, u.path[:-1] if u.kind not in UNIT_NOUNS else ()) for u in units):
            siblings, heading = _family(doc, kind, parent)
            if len(siblings) < 2:
                continue
            if count and len(siblings) != count:
                continue  # "de syv mål": only a family of exactly seven
            fit = _heading_fit(heading, wanted, head, head_words, chunk is None, retriever)
            if fit is None:
                continue
            matched, names_head = fit
            overlap = len(matched)
            key = (-sum(map(len, matched)), rank)  # "københavnerprincipper" names more than "princip" and "per"
            if head and not names_head:  # unless the question counts its items: "hvilke fem leveregler"
                if count and unheaded is None:  # are the five københavnerprincipper in other words
                    unheaded = (key, doc, siblings, chunk)
                continue
            if overlap >= min_overlap and (best is None or key < best[0]):
                best = (key, doc, siblings, chunk)
    best = best or unheaded
    if best is None:
        return []
    _key, doc, siblings, chunk = best
    return family_picks(doc, siblings, retriever, chunk)


def _heading_fit(heading: str, wanted: set[str], head: set[str], head_words: set[str], whole_document: bool,
                 retriever: Retriever) -> tuple[list[str], bool] | None:
    """The question's terms a list heading has, and whether it names what "hvilke" asks for.

    "hvilke grundlæggende værdier": a list headed by something else is not it (by the heading's whole
    words: "hvilke områder" does not ask for the indsatsområder; a long word may be spelled otherwise:
    "københavnerprincipper" for "københavnereprinsipper"). A list found only among the lists of the
    document the question names (``whole_document``) must be named by the question's own word, a
    compound too ("principper" in "københavnereprinsipper"; "which group" is no "mål" by the glossary):
    else None.
    """
    heading_terms = set(tokenize(heading, retriever.lexicon))
    # the nouns that name a kind of unit are whole words: "hvilke områder" are no indsatsområder
    tails = heading not in UNIT_NOUNS.values()
    named_by = heading_terms if tails else set(tokenize(heading))  # not split into the compound's parts
    if whole_document and not any(heading_has(named_by, t, misread_from=7, tails=tails) for t in head_words):
        return None
    matched = [w for w in wanted if w in heading_terms or long_word_in(heading_terms, w)
               or (whole_document and w in head_words and heading_has(heading_terms, w, misread_from=7))]
    names_head = whole_document or any(t[:STEM_PREFIX] in head for t in tokenize(heading)) or \
        any(long_word_in(heading_terms, t) for t in head_words)
    return matched, names_head


LONG_WORD = 10  # a compound this long may differ from its heading's spelling by two letters


def long_word_in(heading_terms: set[str], term: str) -> bool:
    """Whether a heading has a long term spelled differently by up to two letters
    ("københavnerprincipper" for "københavnereprinsipper")."""
    return len(term) >= LONG_WORD and any(len(h) >= LONG_WORD and edit_distance(term, h, 2) <= 2
                                          for h in heading_terms)


def heading_has(heading_terms: set[str], term: str, misread_from: int = 6, tails: bool = True) -> bool:
    """Whether a heading's (stemmed) terms have the term: as it is, as a compound's last part
    ("principper" in "københavnerprincipper"; only if ``tails``), there with one letter misread by OCR
    ("københavnereprinsipper", for terms of ``misread_from`` letters), or as a long word (long_word_in)."""
    for h in heading_terms:
        if h == term or (tails and len(term) >= 5 and h.endswith(term)):
            return True
        tail = h[-len(term):] if tails else h
        if len(term) >= misread_from and len(tail) == len(term) and sum(a != b for a, b in zip(tail, term)) == 1:
            return True
    return long_word_in(heading_terms, term)


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
