"""Counted lists: "Hvor mange principper har udkastet?" is answered by the list itself, counted.

A document seldom writes out how many pejlemærker or principles it has, but it lists them, so the
count is the number of items of the list whose heading (or unit: "PRINCIP 2", "Mål 3") names what is
asked for. The answer gives, for each document asked about, the count in its lead ("I udkastet til
politikken 2023-2026 – fem pejlemærker:"), the document's own sentence that states the count when it
has one ("fire indsatsområder med i alt syv mål"), and every item, cited. An enumeration inside one
sentence ("følgende centrale fokusområder: arbejdsmarkedet, …, og børne- og ungdomsområdet") is
counted too. Pure functions of the question and the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asked import SENTENCE_START
from .compare import is_comparison, named_documents
from .document_facts import indexed_sentences
from .index import StoredDocument
from .lists import COUNT_WORDS, UNIT_NOUNS, family_picks, heading_has, item_families
from .picks import Pick
from .question import SPECIFIC_ITEM_RE
from .retrieve import Retriever
from .sparse import stopwords, tokenize
from .types import Filters, Passage

# "hvor mange (konkrete) principper", "lige mange principper", "antallet af mål", "how many principles":
# the words that may name what is counted (a second one: "indsatsområder og mål").
COUNTED_WORDS = re.compile(r"\b(?:(?:hvor|lige|så|how|as)\s+(?:mange|many)|antal(?:let)?(?:\s+af)?|number of)"
                           r"\s+([^\W\d_]+)(?:\s+(?!(?:og|and)\b)([^\W\d_]+))?(?:\s+(?:og|and)\s+([^\W\d_]+))?", re.IGNORECASE)
COUNT_ASKED = re.compile(r"\b(?:hvor|lige|så|how|as)\s+(?:mange|many)\b|\bantal(?:let)?\b|\bnumber of\b",
                         re.IGNORECASE)
# What a count of items is not: how many goals were reached.
NOT_A_LIST_COUNT = re.compile(r"\b(?:nået|opfyldt|indfriet|reached|achieved|met)\b", re.IGNORECASE)
# More than the one document named: "Synopsen og den færdige brochure … – hvor mange har hver af dem?"
EACH = re.compile(r"\b(?:hver af dem|hver især|i hver|hver version|begge|henholdsvis|lige mange|samme antal|endte|"
                  r"forskelligt antal|each|both)\b", re.IGNORECASE)
# Words that name a document, not what it lists ("hvor mange har politikken?").
DOCUMENT_WORDS = re.compile(r"politik|synops|udkast|dokument|brochure|version|bilag|indstilling|polic|draft")
# The plural of a family of items, as a comparison names the lists it compares ("principperne", "målene").
FAMILY_PLURAL = re.compile(r"(?:\w*princip(?:per|perne)|målene|\w*pejlemærke(?:r|rne)|temaer(?:ne)?|"
                           r"\w*område(?:r|rne)|fyrtårnsprojekte(?:r|rne)|principles|goals|themes|areas)")
DANISH_NUMBERS = dict(enumerate("nul en to tre fire fem seks syv otte ni ti elleve tolv".split()))
DOCUMENTS_COUNTED = 3  # at most this many documents (one per period and kind) when the question names none
# English nouns of the unit kinds ("how many principles") in the words the documents use.
ENGLISH_NOUNS = {"principles": "principper", "goals": "mål", "targets": "mål", "themes": "temaer",
                 "areas": "indsatsområder", "guiding": "pejlemærker", "focus": "fokusområder"}


@dataclass(frozen=True)
class CountedList:
    """The items of one document's list that a question counts, with the noun it was asked by."""

    doc_id: str
    noun: str            # as the question writes it ("principper")
    count: int
    picks: tuple[Pick, ...]  # the document's count sentence (if any), the intro and every item

    @property
    def label(self) -> str:
        noun = re.sub(r"(?<=er)ne$|(?<=mål)ene$", "", self.noun)  # "principperne", "målene": tre principper, syv mål
        return f"{DANISH_NUMBERS.get(self.count, str(self.count))} {noun}"


def asked_nouns(question: str, language: str, compared: bool = False) -> tuple[list[str], list[str]]:
    """What a question counts: the words right after "hvor mange" / "antallet af" ("hvor mange
    indsatsområder og mål" → indsatsområder, mål), and the question's other content words, which
    may name it when those do not ("… lige mange principper – hvor mange har hver af dem?"). Both
    empty when it counts nothing."""
    if NOT_A_LIST_COUNT.search(question):
        return [], []
    if not COUNT_ASKED.search(question):  # "Hvordan adskiller principperne i … sig fra …?": the lists, side by side
        if not compared or SPECIFIC_ITEM_RE.search(question):
            return [], []
        return [], [w for w in re.findall(r"[^\W\d_]+", question.lower()) if FAMILY_PLURAL.fullmatch(w)]

    def usable(words):  # a capitalised word inside the question is a name ("Bland dig i byen"), not what is counted
        words = [w.lower() for w in words if w and len(w) > 1 and w.lower() not in stopwords()
                 and not DOCUMENT_WORDS.match(w.lower()) and not (w[0].isupper() and not SENTENCE_START.search(
                     question[:question.find(w)]))]
        if language == "en":
            words = [ENGLISH_NOUNS[w] for w in words if w in ENGLISH_NOUNS]
        return list(dict.fromkeys(words))
    first = usable(w for m in COUNTED_WORDS.finditer(question) for w in m.groups())
    others = [] if first else usable(re.findall(r"[^\W\d_]+", question))  # "hvor mange har hver af dem?"
    return first, others


def _stem(word: str) -> str:
    return (tokenize(word) or [word])[0]


def _names(heading_word: str, noun: str, lexicon=None) -> bool:
    """Whether a heading's word is the (stemmed) noun, or a compound of it ("københavnerprincipper"),
    allowing one letter misread by OCR ("københavnereprinsipper")."""
    return heading_has({_stem(heading_word), *tokenize(heading_word, lexicon)}, noun)


GENITIVE = re.compile(r"\w+(?:ernes|enes|ens|ets)$")


def head_noun(heading: str) -> list[str]:
    """The word of a list's heading that names its items: the first that is not a number, a stop word
    or a genitive ("Pejlemærker for …", "De fem københavnerprincipper", "Integrationspolitikens mål";
    "Det er københavnernes ansvar" lists duties, not københavnere)."""
    words = [w for w in re.findall(r"[^\W\d_]+", heading.lower())
             if w not in stopwords() and w not in COUNT_WORDS and not GENITIVE.fullmatch(w)]
    return words[:1]


def counted_list(doc: StoredDocument, noun: str, retriever: Retriever, loose: bool = True) -> CountedList | None:
    """The list of a document that the noun names: a family of units of that kind (principles, goals,
    themes, areas) or of items under a heading that names it, else an enumeration in one sentence.
    Not ``loose`` (a word from elsewhere in the question): no enumeration."""
    stem = _stem(noun)
    if len(stem) < 3:
        return None
    for kind, siblings, heading in item_families(doc):
        words = [w for w in UNIT_NOUNS[kind].split() if w != "indsats"] if kind in UNIT_NOUNS else head_noun(heading)
        if any(_names(w, stem, retriever.lexicon) for w in words):
            picks = _with_count_sentence(family_picks(doc, siblings, retriever), doc, stem, len(siblings), retriever)
            return CountedList(doc.meta.id, noun, len(siblings), tuple(picks))
    return _enumeration(doc, noun, stem, retriever) if loose else None


# "… på følgende centrale fokusområder: arbejdsmarkedet, by- og boligområdet, …, og børne- og ungdomsområdet."
ENUMERATION = re.compile(r"(\w+)\s*:\s*([^:.;]+[.;]?)")
LAST_AND = re.compile(r"(?<!-)\s+(?:og|samt)\s+")


def _enumeration(doc: StoredDocument, noun: str, stem: str, retriever: Retriever) -> CountedList | None:
    sentences = [pick for _text, pick in indexed_sentences(retriever, doc.meta.id)]
    for i, pick in enumerate(sentences):
        a, b = pick.start, pick.end
        if doc.cleaned[a:b].rstrip().endswith(":") and i + 1 < len(sentences):
            b = sentences[i + 1].end  # "… fokusområder:" | "arbejdsmarkedet, …": the items are the next sentence
        for m in ENUMERATION.finditer(doc.cleaned[a:b]):
            if not _names(m.group(1), stem, retriever.lexicon):
                continue
            items = [i for i in re.split(r",\s+", m.group(2).strip(" .;")) if i]
            items = items[:-1] + LAST_AND.split(items[-1]) if items else []
            if len(items) < 3 or any(len(i.split()) > 4 for i in items):
                continue  # a clause, not a list of names
            return CountedList(doc.meta.id, noun, len(items), (Pick(doc.meta.id, a, b, pick.chunk, 1.0),))
    return None


def _with_count_sentence(picks: list[Pick], doc: StoredDocument, stem: str, count: int,
                         retriever: Retriever) -> list[Pick]:
    """The list's picks, after the document's own sentence that gives the count ("fire indsatsområder")
    when it has one outside the list."""
    names = {w for w, n in COUNT_WORDS.items() if n == count} | {str(count)}
    for text, sentence in indexed_sentences(retriever, doc.meta.id):
        words = re.findall(r"\w+", text.lower())
        if any(w in names and i + 1 < len(words) and _names(words[i + 1], stem, retriever.lexicon)
               for i, w in enumerate(words)) \
                and not any(p.start < sentence.end and sentence.start < p.end for p in picks) and len(text) <= 300:
            return [sentence] + picks
    return picks


def counted_lists(question: str, language: str, passages: list[Passage], retriever: Retriever,
                  filters: Filters | None) -> list[CountedList]:
    """The counted lists a question asks for: for each document it names (else each document of the
    top passages, one per period and kind), the list of each counted noun that the document has."""
    compared = not COUNT_ASKED.search(question) and is_comparison(question, retriever)  # only asked when needed
    first, others = asked_nouns(question, language, compared=compared)
    if not first and not others:
        return []
    admitted = lambda d: (filters or Filters()).admits(d.meta) and not d.duplicate_of  # noqa: E731
    docs = [retriever.index.documents[d] for d in named_documents(question, retriever)]
    if len(docs) < 2 and (not docs or EACH.search(question)):  # none named, or "… hvor mange har hver af dem?"
        seen = {(d.meta.period, d.meta.kind, d.meta.status) for d in docs}
        for p in passages[:5]:
            doc = retriever.index.documents[p.chunk.doc_id]
            key = (doc.meta.period, doc.meta.kind, doc.meta.status)
            if key not in seen and admitted(doc):
                seen.add(key)
                docs.append(doc)
        docs = docs[:DOCUMENTS_COUNTED]
    found: list[CountedList] = []
    for doc in filter(admitted, docs):
        lists = [c for c in (counted_list(doc, noun, retriever) for noun in first) if c is not None] or \
            [c for c in (counted_list(doc, noun, retriever, loose=False) for noun in others) if c is not None][:1]
        for c in lists:
            if not any(c.picks[-1] == f.picks[-1] for f in found):  # two words for one list ("mål", "målsætninger")
                found.append(c)
    if not COUNT_ASKED.search(question) and len({c.doc_id for c in found}) < 2:
        return []  # lists compared: one on each side, or none
    return found
