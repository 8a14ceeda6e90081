"""Hybrid retrieval: dense (FAISS) and Danish BM25 rankings fused, filtered and de-duplicated."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TypeVar

import numpy as np

from .bodies import other_forms
from .config import Settings
from .embed import get_embedder
from .fusion import boost, ranks, rocchio, rrf, with_neighbours
from .glossary import ENGLISH_TO_DANISH, SEARCH_EXPANSION
from .index import LoadedIndex
from .language import detect_language
from .lexicon import corpus_lexicon
from .question import DUTY_PHRASE_RE, FOLLOW_UP_ASKED, topic_of
from .sparse import term_set, tokenize
from .types import Chunk, Filters, Passage

T = TypeVar("T")
STEM_LETTERS = 5  # the letters of a stem that find its other forms ("sanktion" in "sanktionerne")

CANDIDATES = 50
RERANK_DEPTH = 10  # passages the learned sentence ranker re-orders
FOREIGN_SPARSE_WEIGHT = 0.6

# Policy vocabulary: what staff say → what the documents say. Added to the BM25 query only.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ledighed": ("overledighed", "beskæftigelse"),
    "arbejdsløshed": ("overledighed", "ledighed", "beskæftigelse"),
    "job": ("beskæftigelse", "arbejdsmarkedet"),
    "undersøgelse": ("rapport",),
    "arbejde": ("beskæftigelse",),
    "indvandrere": ("etniske minoriteter", "minoritetsbaggrund"),
    "minoriteter": ("minoritetsbaggrund",),
    "udlændinge": ("indvandrere", "etniske minoriteter"),
    "skole": ("folkeskolen", "tosprogede elever"),
    "skoler": ("folkeskolen", "elever"),
    "ansatte": ("medarbejdere", "medarbejdersammensætning"),
    "ansvar": ("ansvaret",),
    "forpligtelser": ("ansvar",),
    "forpligtelse": ("ansvar",),
    "pligter": ("ansvar",),
    "påhviler": ("ansvar",),
    "opgaver": ("ansvar",),
    "racisme": ("diskrimination",),
    "forskelsbehandling": ("diskrimination", "ligebehandling"),
    "sprog": ("danskkundskaber", "danskuddannelse"),
    "dansk": ("danskkundskaber", "danskuddannelse"),
    "flygtninge": ("nyankomne", "indvandrere"),
    "mål": ("målsætning", "indsatsområder"),
    "målsætning": ("mål",),
    "ambition": ("målsætning",),
    "ambitionen": ("målsætningen",),
    "principper": ("principper", "princip"),
    "opfølgning": ("integrationsbarometer", "statusrapport", "årshjul"),
    "måles": ("integrationsbarometer", "indeks"),
    "unge": ("ungdomsuddannelse",),
    "tryghed": ("tryghedsindeks", "trygheden"),
    "boligområder": ("udsatte områder", "boligområder"),
    "ghetto": ("udsatte boligområder",),
    "borgerne": ("københavnerne",),
    "borgere": ("københavnere",),
    "borgernes": ("københavnernes",),
    "grunde": ("årsager",),
    "årsager": ("grunde",),
    "virksomhederne": ("erhvervslivet",),
    "virksomheder": ("erhvervslivet",),
    "virksomhed": ("erhvervslivet", "virksomheder"),
    "erhvervsskole": ("uddannelsesinstitutioner",),
    "erhvervsskoler": ("uddannelsesinstitutioner",),
    "penge": ("finansiering", "økonomi", "budget"),
    "pengene": ("finansieringen", "økonomi", "budget"),
    "midler": ("finansiering", "økonomi"),
    "koster": ("finansiering", "økonomi"),
    "udgifter": ("finansiering", "økonomi"),
    "grundtanker": ("principper", "vision"),
    "grundtankerne": ("principperne", "visionen"),
    "værdigrundlag": ("principper", "vision"),
    "værdigrundlaget": ("principperne", "visionen"),
    "leveregler": ("principper", "københavnerprincipper"),
    "spilleregler": ("principper", "københavnerprincipper"),
    "langvarig": ("langsigtede",),
    "langvarigt": ("langsigtede",),
    "langvarige": ("langsigtede",),
    "varig": ("langsigtede", "forankres"),
    "varige": ("langsigtede", "forankres"),
    "arbejdsmarkedsdeltagelse": ("beskæftigelse", "beskæftigelsesgab"),
    "arbejdsmarkedsdeltagelsen": ("beskæftigelsen", "beskæftigelsesgabet"),
    "indfriet": ("nået", "nås"),
    "indfries": ("nås",),
    "opfyldt": ("nået", "nås"),
    "firmaer": ("erhvervslivet", "virksomheder"),
    "firmaerne": ("erhvervslivet", "virksomhederne"),
    "forskel": ("gab",),  # "forskellen i beskæftigelse" is "beskæftigelsesgabet", "præstationsgabet"
    "forskellen": ("gabet",),
}


@dataclass
class Retriever:
    """Answers ``search(question)`` against one loaded index; safe to share between threads."""

    index: LoadedIndex
    settings: Settings

    def __post_init__(self) -> None:
        self.embedder = get_embedder(self.settings)
        self.lexicon = corpus_lexicon(self.settings)
        self._by_id = {c.id: i for i, c in enumerate(self.index.chunks)}
        chunks = self.index.chunks  # stored in reading order: a chunk's neighbours are the rows beside it
        self._neighbours = {i: [n for n in (i - 1, i + 1) if 0 <= n < len(chunks) and chunks[n].doc_id == c.doc_id]
                            for i, c in enumerate(chunks)}
        # Retrieval, the answer's support check and the sentence ranker ask for the same question's
        # vector, language and expansion.
        self.query_vector = lru_cache(maxsize=256)(self._embed_query)
        # short texts of the curated data (an item's statement), embedded as passages once each when first compared
        self.statement_vector = lru_cache(maxsize=512)(self._embed_statement)
        self._detect = lru_cache(maxsize=256)(lambda question: detect_language(question, self.lexicon))
        self._topics: dict[str, str] = {}  # a question's topic (topic_of) → the question it is part of
        self.expand = lru_cache(maxsize=1024)(self._expanded)
        self._remembered: dict[tuple[str, str], object] = {}  # (what, question) → a value computed once
        periods = [d.meta.period for d in self.index.documents.values() if period_years(d.meta.period)]
        self.latest_period = max(periods, key=lambda p: period_years(p).stop, default=None)

    def language(self, text: str) -> str:
        """The language of a question, or of a question's topic: the question's own (detected once)."""
        return self._detect(self._topics.get(text, text))

    def clear_caches(self) -> None:
        """Forget every question's vector, language and expansion (the benchmark measures them)."""
        for cached in (self.query_vector, self._detect, self.expand):
            cached.cache_clear()
        self._topics.clear()
        self._remembered.clear()

    def remembered(self, what: str, question: str, compute: Callable[[], T]) -> T:
        """A value about a question that several answer paths ask for ("named_documents"), computed once."""
        key = (what, question)
        if key not in self._remembered:
            if len(self._remembered) >= 4096:
                self._remembered.clear()
            self._remembered[key] = compute()
        return self._remembered[key]  # type: ignore[return-value]

    def topic(self, question: str) -> str:
        """topic_of(question) without a document's title phrase ("Hvilke grundprincipper hviler
        integrationspolitikken Bland dig i byen på?": the title names the policy, as "i politikken 2011"
        would), unless too little is left or the title is quoted as what is asked ("Hvad betyder 'Bland
        dig i byen'?"); remembered as part of the question, so it has the question's language."""
        topic = topic_of(question)
        untitled = " ".join(without_titles(topic, self.title_phrases).split())
        if untitled != topic and len(re.findall(r"[^\W\d_]{3,}", untitled)) >= MIN_TOPIC_WORDS:
            topic = untitled
        if topic != question:
            if len(self._topics) >= 1024:
                self._topics.clear()
            self._topics[topic] = question
        return topic

    @cached_property
    def title_phrases(self) -> list[str]:
        """The parts of the indexed documents' titles (split at a dash, colon or full stop) of three or
        more words, longest first."""
        parts = {part for d in self.index.documents.values() for part in title_parts(d.meta.title)}
        return sorted(parts, key=len, reverse=True)

    @cached_property
    def term_rarity(self) -> dict[str, float]:
        """Inverse document frequency of each stemmed term over the indexed chunks."""
        df: dict[str, int] = {}
        for chunk in self.index.chunks:
            for t in set(tokenize(chunk.text)):
                df[t] = df.get(t, 0) + 1
        n = max(1, len(self.index.chunks))
        return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}

    @cached_property
    def sentence_memo(self) -> dict[str, dict]:
        """What the sentence ranker learns once per index about each sentence ("facts", by vector row) and each
        chunk ("section_terms", by chunk id), filled as it is asked (sentence_rank.py)."""
        return {}

    @cached_property
    def document_terms(self) -> frozenset[str]:
        """The stemmed terms of the indexed documents' text, and the first five letters of each (a word is
        in the documents by the beginning of its stem)."""
        terms = {t for d in self.index.documents.values() for t in term_set(d.cleaned, self.lexicon)}
        return frozenset(terms | {t[:STEM_LETTERS] for t in terms if len(t) >= STEM_LETTERS})

    @cached_property
    def attachment_titles(self) -> tuple[list[str], set[str]]:
        """(the titles in the documents' lists of attachments, the documents' terms outside those lists)."""
        from .attachments import listed_attachments  # attachments.py builds on this module
        return listed_attachments(self.index.documents.values())

    def document_boost(self, question: str, doc_id: str) -> float:
        """How strongly the question points at this document (see document_boost)."""
        return document_boost(question, self.index.meta(doc_id), self.latest_period)

    def _embed_query(self, question: str) -> np.ndarray:
        vector = self.embedder.embed([question], kind="query")[0]
        vector.setflags(write=False)
        return vector

    def _embed_statement(self, text: str) -> np.ndarray:
        vector = self.embedder.embed([text], kind="passage")[0]
        vector.setflags(write=False)
        return vector

    # -- the two rankings -------------------------------------------------------------------
    def dense_ranking(self, question: str, depth: int = CANDIDATES) -> list[tuple[int, float]]:
        if self.index.dense.ntotal == 0:
            return []
        q = self.query_vector(question)
        scores, rows = self.index.dense.search(np.asarray(q, dtype=np.float32).reshape(1, -1),
                                               min(depth, self.index.dense.ntotal))
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]

    def sparse_ranking(self, question: str, depth: int = CANDIDATES, expand: bool = True) -> list[tuple[int, float]]:
        tokens = tokenize(self.expand(question) if expand else question, self.lexicon)
        return self.index.sparse.search(tokens, depth)

    def feedback_ranking(self, question: str, rows: list[int], depth: int = CANDIDATES) -> list[int]:
        """The dense ranking for the question's vector moved towards the given passages' (pseudo-relevance
        feedback: measured on the evaluation set, it finds more of the passages phrased unlike the question)."""
        if not rows or self.index.dense.ntotal == 0:
            return []
        vectors = np.stack([self.index.dense.reconstruct(int(r)) for r in rows])
        q = rocchio(self.query_vector(question), vectors, self.settings.feedback_beta)
        _scores, found = self.index.dense.search(q.reshape(1, -1), min(depth, self.index.dense.ntotal))
        return [int(r) for r in found[0] if r >= 0]

    def sentence_ranking(self, question: str, rows: set[int]) -> list[int]:
        """Candidate chunks ordered by their best sentence's closeness to the question (hubness-corrected)."""
        table = self.index.sentences
        if table is None or not rows or self.settings.sentence_weight == 0:
            return []
        best = table.best_per_chunk(self.query_vector(question))
        return sorted((r for r in rows if r in best), key=lambda r: -best[r])

    def _expanded(self, question: str) -> str:
        """The question with Danish synonyms of its words, for a question in English the Danish
        forms of its English words (the broader search glossary), and for a municipal body its
        abbreviation and full name; the words are kept."""
        words = re.findall(r"[^\W\d_]+", question.lower())
        glossary = ENGLISH_TO_DANISH if self.language(question) == "da" else SEARCH_EXPANSION
        extra = [s for w in words for s in self.synonyms(w) + glossary.get(w, ())] + other_forms(question)
        if DUTY_PHRASE_RE.search(question):
            extra.append("ansvar")  # "Hvad skal københavnerne selv gøre?": the documents' word is "ansvar"
        if FOLLOW_UP_ASKED.search(question):  # "Hvordan følger man op …", "holder øje med, om indsatsen virker"
            extra += ["opfølgning", *SYNONYMS["opfølgning"], "evalueres", "monitoreres"]
        return question + (" " + " ".join(extra) if extra else "")

    def synonyms(self, word: str) -> tuple[str, ...]:
        """The policy synonyms of a word, or of a compound's last part ("diskriminationsgrunde" →
        årsager, diskriminationsårsager)."""
        if word in SYNONYMS:
            return SYNONYMS[word]
        parts = self.lexicon.compound_parts(word) if len(word) >= 9 else None
        if not parts or parts[-1] not in SYNONYMS:
            return ()
        head = word[:len(word) - len(parts[-1])]
        return tuple(s for syn in SYNONYMS[parts[-1]] for s in (syn, head + syn))

    # -- the hybrid -----------------------------------------------------------------------------
    def search(self, question: str, k: int = 10, filters: Filters | None = None,
               rerank: bool = True) -> list[Passage]:
        filters = filters or Filters()
        topic = self.topic(question)
        dense = self.dense_ranking(topic)
        sparse = self.sparse_ranking(topic)
        dense_rows = [r for r, _ in dense]
        sparse_rows = [r for r, _ in sparse]
        # Danish BM25 cannot read an English question: then the cross-lingual dense ranking leads.
        danish = self.language(question) == "da"
        weights = [self.settings.dense_weight, self.settings.sparse_weight if danish else FOREIGN_SPARSE_WEIGHT]
        sentence_rows = self.sentence_ranking(topic, {r for r in dense_rows} | {r for r in sparse_rows})
        rankings, weights = [dense_rows, sparse_rows, sentence_rows], weights + [self.settings.sentence_weight]
        fused = rrf(rankings, k=self.settings.rrf_k, weights=weights)
        if self.settings.feedback_weight:  # the dense search again, its query moved towards the best passages
            feedback = self.feedback_ranking(topic, [row for row, _ in fused[:self.settings.feedback_passages]])
            fused = rrf(rankings + [feedback], k=self.settings.rrf_k, weights=weights + [self.settings.feedback_weight])
        if self.settings.neighbour_weight:
            fused = with_neighbours(fused, self._neighbours, self.settings.neighbour_weight)
        by_doc = {doc_id: self.document_boost(question, doc_id)
                  for doc_id in {self.index.chunks[row].doc_id for row, _ in fused}}
        fused = boost(fused, {row: by_doc[self.index.chunks[row].doc_id] for row, _ in fused})
        d_ranks, s_ranks = ranks(dense_rows), ranks(sparse_rows)
        passages: list[Passage] = []
        taken: list[Chunk] = []
        for row, score in fused:
            chunk = self.index.chunks[row]
            if not filters.admits(self.index.meta(chunk.doc_id)):
                continue
            if any(_overlaps(chunk, other) for other in taken):
                continue
            taken.append(chunk)
            passages.append(Passage(chunk=chunk, score=score, rank=len(passages) + 1,
                                    dense_rank=d_ranks.get(row), sparse_rank=s_ranks.get(row)))
            if len(passages) >= max(k, RERANK_DEPTH):
                break
        if rerank and self.settings.sentence_rerank > 0 and self.index.sentences is not None:
            from .sentence_rank import rerank as by_best_sentence  # the ranker builds on this module

            passages = by_best_sentence(passages, question, self, self.settings.sentence_rerank)
        return passages[:k]

    def row_of(self, chunk_id: str) -> int | None:
        return self._by_id.get(chunk_id)

    def chunk(self, chunk_id: str) -> Chunk | None:
        row = self._by_id.get(chunk_id)
        return None if row is None else self.index.chunks[row]


DOCUMENT_CUES = (
    (re.compile(r"\budkast|\bdraft\b", re.IGNORECASE), lambda m: m.status == "draft" and m.kind != "synopsis"),
    (re.compile(r"\bvedtagne\b|\badopted\b", re.IGNORECASE), lambda m: m.status == "adopted"),
    (re.compile(r"\bsynops", re.IGNORECASE), lambda m: m.kind == "synopsis"),
    (re.compile(r"\b(indstilling|sagsfremstilling|udvalgets beslutning)", re.IGNORECASE), lambda m: m.kind == "case"),
)
CUE_BOOST = 1.5


def period_years(period: str) -> range | None:
    """The years of a 'YYYY-YYYY' period, or None for another form."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", period)
    return range(int(m.group(1)), int(m.group(2)) + 1) if m else None


# "den nye politik", "det nye udkast", "the new integration and citizenship policy": the latest one.
NEW_POLICY = re.compile(r"\b(?:nye|nyeste|kommende|new|newest|latest|upcoming)\s+(?:[\w-]+\s+){0,3}?"
                        r"(?:\w*politik\w*|policy|udkast\w*|draft)\b", re.IGNORECASE)


MIN_TOPIC_WORDS = 3  # words of three letters or more a topic keeps when a title phrase is taken out


def without_titles(text: str, phrases: list[str]) -> str:
    """The text without the title phrases ("ifølge Bland dig i byen-politikken"), except where quoted:
    a quoted title is asked about."""
    for phrase in phrases:
        text = re.sub(rf"(?<![\"'»«“”‘’]){re.escape(phrase)}\b(?![\"'»«“”‘’])(?:-\w+)?", " ", text,
                      flags=re.IGNORECASE)
    return text


def document_boost(question: str, meta, latest: str | None = None) -> float:
    """A multiplicative boost for a document named by the question's years or words (pure).
    ``latest`` is the corpus's latest policy period: "den nye politik" is that one's, unless the
    question names an earlier year ("den nye politik i 2010" is the one that came next then)."""
    factor = 1.0
    years = [int(y) for y in re.findall(r"\b(20\d\d|19\d\d)\b", question)]
    span = period_years(meta.period)
    newest = period_years(latest or "")
    if newest and meta.period == latest and NEW_POLICY.search(question) and \
            not any(y < newest.start for y in years):
        factor *= CUE_BOOST
    written = int(meta.date[:4]) if re.match(r"\d{4}", meta.date or "") else None
    if years and span and any(y in span for y in years) and meta.kind != "case":
        factor *= CUE_BOOST  # a period names the policy; case papers only when named as such
    elif written and len(set(years)) == 1 and years[0] == written and not (span and written in span):
        # One year outside the document's period is the year it was written ("i 2010", "the 2022
        # workshop"); two years ("fra 2010 til 2021") ask about a development, not a document.
        factor *= CUE_BOOST
    if (meta.date or "")[:7] in written_months(question):
        factor *= CUE_BOOST  # "indstillingen fra maj 2010": the month picks among the papers of a year
    for pattern, applies in DOCUMENT_CUES:
        if pattern.search(question) and applies(meta):
            factor *= CUE_BOOST
    if title_mentions(question, title_parts(meta.title)):
        factor *= CUE_BOOST  # "integrationspolitikken Bland dig i byen": its title names it
    return factor


def title_parts(title: str) -> list[str]:
    """The parts of a document's title (split at a dash, colon or full stop) of three or more words."""
    return [p.strip() for p in re.split(r"\s[–—-]\s|[:.]\s", title) if len(p.split()) >= 3]


def title_mentions(text: str, parts: list[str]) -> list[tuple[str, re.Match]]:
    """(part, where) of each title part the text names as a whole phrase, in the order of ``parts``."""
    return [(part, m) for part in parts for m in re.finditer(rf"\b{re.escape(part)}\b", text, re.IGNORECASE)]


MONTH_NUMBERS = {name: n for n, names in enumerate(
    ("januar january", "februar february", "marts march", "april", "maj may", "juni june", "juli july",
     "august", "september", "oktober october", "november", "december"), start=1) for name in names.split()}
MONTH_YEAR = re.compile(rf"(?<!\d\. )(?<!\d )\b({'|'.join(MONTH_NUMBERS)})\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def written_months(question: str) -> set[str]:
    """The 'YYYY-MM' of each month and year the question names ("fra maj 2010"; not a meeting's day
    "d. 10. maj 2010", which the search keeps)."""
    return {f"{m.group(2)}-{MONTH_NUMBERS[m.group(1).lower()]:02d}" for m in MONTH_YEAR.finditer(question)}


def _overlaps(a: Chunk, b: Chunk) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end
