"""What a question asks and whether a text says it: the content terms asked, matched by their
first letters or by the documents' own words for them, and the part of a question that asks (not a
case told before it, nor a second question after it). Shared by the checks of what the documents
cannot hold (figures, details, silence). Pure functions of the question, the text and the index."""

from __future__ import annotations

import re
from functools import lru_cache

from .glossary import ENGLISH_TO_DANISH
from .retrieve import STEM_LETTERS, SYNONYMS, Retriever
from .sentence_rank import content_terms, passage_sentences
from .sparse import stopwords, term_set, tokenize
from .types import Passage

# "definerer" is found in "definitionen", "diskriminationsgrunde" in "diskrimination" (as Retriever.document_terms)
STEM_PREFIX = STEM_LETTERS

FIGURE_SHARE = 0.5  # a quantity's sentence names more than half of the question's content terms


def passage_words(passages: list[Passage], retriever: Retriever) -> set[str]:
    """The stemmed terms of the passages' text and section titles."""
    return {t for p in passages for t in term_set(p.chunk.text + " " + " ".join(p.chunk.section_path),
                                                  retriever.lexicon)}


def names_most(asked: set[str] | None, text: str, retriever: Retriever, half: bool = False) -> bool:
    """Whether the text names more than FIGURE_SHARE of the asked terms (``half``: at least that share),
    each as it is or by a word the documents use for it ("borgere" by "københavnere", SYNONYMS); with no
    terms, it does."""
    if not asked:
        return True
    words = term_set(text, retriever.lexicon)
    found = set(terms_found(asked, words))
    found |= {t for t in asked - found if terms_found(synonym_stems().get(t, frozenset()), words)}
    return len(found) >= FIGURE_SHARE * len(asked) if half else len(found) > FIGURE_SHARE * len(asked)


@lru_cache(maxsize=1)
def synonym_stems() -> dict[str, frozenset[str]]:
    """The stem of each word of the policy vocabulary (SYNONYMS) → the stems of the words the documents
    use for it."""
    out: dict[str, set[str]] = {}
    for word, others in SYNONYMS.items():
        for stem in tokenize(word):
            out.setdefault(stem, set()).update(t for other in others for t in tokenize(other))
    return {stem: frozenset(alternatives - {stem}) for stem, alternatives in out.items()}


def terms_found(terms: set[str], words: set[str]) -> list[str]:
    """The terms that occur among the words, as they are or by their first STEM_PREFIX letters."""
    prefixes = {w[:STEM_PREFIX] for w in words if len(w) >= STEM_PREFIX}
    return [t for t in terms if t in words or (len(t) >= STEM_PREFIX and t[:STEM_PREFIX] in prefixes)]


def top_sentences(passages: list[Passage], retriever: Retriever) -> list[str]:
    """The sentences of the top five passages, their whitespace made single."""
    return [" ".join(doc.cleaned[a:b].split())
            for _p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5)]


def asked_terms(topic: str, language: str, asking: str) -> set[str] | None:
    """The content terms of what a quantity question asks about, without its asking words. An
    English question is read through the glossary's Danish words; with fewer than two of them
    there is too little to check (None)."""
    if language == "da":
        return content_terms(topic) - content_terms(asking)
    own = {t for w in re.findall(r"[^\W\d_]+", topic.lower()) for d in ENGLISH_TO_DANISH.get(w, ())
           for t in content_terms(d)}
    return own if len(own) >= 2 else None


def under_its_heading(passage: Passage, sentence: str) -> str:
    """A sentence read with the headings above it: "PRINCIP 2" says which principle it is part of."""
    return " ".join((*passage.chunk.section_path, sentence))


# Where the part of a question that asks for a number ends: "…, og hvilke af dem …", "… and which …".
NEXT_QUESTION_PART = re.compile(r"(?:,\s*|\s+)(?:og|and)\s+(?=(?:hv|wh)\w+\b)|,\s*(?=(?:hv|wh)\w+\b)|[?;]",
                                re.IGNORECASE)
# The asking part points back at what the context before it names: "… – hvor mange procent af dem …".
POINTS_BACK = re.compile(r"\b(?:af|for|blandt|of|among)\s+(?:dem|them)\b", re.IGNORECASE)
# What ends a context told before the question: "Jeg skriver en nyhed om processen: Hvor mange …".
CONTEXT_END = re.compile(r"[:–—]\s+|\s-\s+")


def asked_clause(question: str, at: int) -> str:
    """The part of the question that asks for a number or an outcome (its asking phrase is at ``at``): a
    second question after it ("…, og hvilke af dem har politikken fokus på?") and a context told before
    it need not be said by the sentence that answers."""
    asked_from = asked_sentence_start(question)
    if at < asked_from:  # "Jeg skal svare en borger, der spørger, hvor mange der … i 2010. Hvad viste …?"
        told = question[:at]
        begin = max([0, *(m.end() for m in re.finditer(rf"[.!]\s+|,\s*$|{CONTEXT_END.pattern}", told))])
        end = min((m for m in (NEXT_QUESTION_PART.search(question, at), SENTENCE_END.search(question, at)) if m),
                  key=lambda m: m.start())
    else:
        begin = max([asked_from, *(m.end() for m in CONTEXT_END.finditer(question[:at]))])
        end = NEXT_QUESTION_PART.search(question, at)
        if POINTS_BACK.search(question[at:end.start() if end else len(question)]):
            begin = asked_from  # "For dem med vestlig baggrund – hvor mange procent af dem …": who "dem" are
    return question[begin:end.start() if end else len(question)].strip() + "?"


SENTENCE_END = re.compile(r"[.!](?=\s+[A-ZÆØÅ])")


def asked_sentence_start(question: str) -> int:
    """Where the sentence that asks begins: a case told before it ("Et barn er født på Hvidovre Hospital.
    … Tæller barnet som efterkommer?") may name places the documents never need to mention."""
    ends = [m.end() for m in re.finditer(r"[.!]\s+(?=[A-ZÆØÅ])", question.rstrip())]
    return ends[-1] if ends and "?" in question[ends[-1]:] else 0


# What may stand before a word that starts a sentence (a capital there is no name): nothing, or a
# full stop, question mark, colon, dash or quote, with spaces.
SENTENCE_START = re.compile(r"(?:^|[.!?:;–—\-\"'»«(])\W*$")


NEGATED = r"(?:ikke|non)(?:-|\s+)"


def negated_words(question: str, texts: list[str]) -> set[str]:
    """The words the question says plainly ("københavnere med vestlig baggrund") that a text says negated
    ("ikke-vestlig", "ikke vestlig"): they set the group asked about apart from the one the text names."""
    plain = {m.group(1) for m in re.finditer(r"(?<![\w-])(?<!ikke\s)(?<!non-)([^\W\d_]{4,})", question.lower())}
    low = " ".join(texts).lower()
    return {w for w in plain - stopwords() if re.search(rf"\b{NEGATED}{re.escape(w)}\b", low)}


def says_plainly(word: str, text: str) -> bool:
    """Whether the text has the word not negated ("vestlige lande", not "ikke-vestlige lande")."""
    return bool(re.search(rf"(?<!ikke-)(?<!ikke\s)(?<!non-)\b{re.escape(word)}", text.lower()))
