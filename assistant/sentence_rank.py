"""Which sentences of the retrieved passages answer a question: a small learned ranker.

Every sentence of the top passages becomes a candidate described by a few features — its
embedding closeness to the question (hubness-corrected), the question terms it and its section
share, how rare those terms are, the passage's place in the three rankings and how close its best
sentence comes, and whether it has what the question type asks for (a number, a defining verb,
"ansvar"). A linear model scores them; its weights are fitted by ``python -m evaluation fit`` (a
listwise softmax over each question's candidates) and stored beside this module in
``sentence_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .index import StoredDocument
from .question import question_type
from .retrieve import Retriever
from .sparse import stopwords, tokenize
from .types import Chunk, Passage

MODEL_PATH = Path(__file__).with_name("sentence_model.json")
DEPTH = 6  # passages whose sentences are candidates

GENERIC_TERMS = {"københavn", "københavns", "kommun", "kommune", "integration", "integrationspolitik",
                 "politik", "politikk", "dokument", "dokumenter", "copenhagen", "city", "policy"}
FIGURE_CUE = re.compile(r"\d")
DEFINITION_CUE = re.compile(r"\b(forstås|betegnelse|er født|defineres|betyder|handler om|omfatter|dækker)\b",
                            re.IGNORECASE)
RESPONSIBILITY_CUE = re.compile(r"\bansvar", re.IGNORECASE)

FEATURES = ("closeness", "hub_corrected", "closeness_gap", "term_share", "rare_term_share", "section_share",
            "passage_prior", "dense_prior", "sparse_prior", "document_cue", "heading", "figure_cue",
            "definition_cue", "responsibility_cue", "first_in_passage", "length", "passage_best",
            "best_in_passage")


def content_terms(question: str) -> set[str]:
    stop = stopwords()
    return {t for t in tokenize(question, None) if t not in stop and t not in GENERIC_TERMS and len(t) > 2}


def is_heading(text: str) -> bool:
    """A title line rather than a sentence: short and without a closing full stop."""
    flat = " ".join(text.split())
    return not re.search(r"[.!?:)]$", flat) and len(flat.split()) <= 14


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage (cleaned offsets) and its features."""

    doc_id: str
    start: int
    end: int
    chunk: Chunk
    passage: Passage
    features: np.ndarray


@dataclass(frozen=True)
class _Facts:
    """What a sentence is, whatever the question: computed once per index and kept."""

    usable: bool
    template: bool  # inside a template placeholder ("[Her indsættes …]")
    words: frozenset[str]
    heading: bool
    number: bool
    defines: bool
    assigns: bool
    length: float


def _facts(retriever: Retriever, doc: StoredDocument, a: int, b: int, vec: int) -> _Facts:
    cache = retriever.sentence_memo.setdefault("facts", {})
    facts = cache.get(vec)
    if facts is None:
        text = doc.cleaned[a:b]
        facts = _Facts(usable=len(text.split()) >= 3 or bool(re.search(r"\d", text)),
                       template=any(x < b and a < y for x, y in doc.placeholders),
                       words=frozenset(tokenize(text)), heading=is_heading(text),
                       number=bool(FIGURE_CUE.search(text)), defines=bool(DEFINITION_CUE.search(text)),
                       assigns=bool(RESPONSIBILITY_CUE.search(text)), length=math.log(1 + len(text.split())))
        cache[vec] = facts
    return facts


def _section_terms(retriever: Retriever, chunk: Chunk) -> frozenset[str]:
    cache = retriever.sentence_memo.setdefault("section_terms", {})
    if chunk.id not in cache:
        cache[chunk.id] = frozenset(tokenize(" ".join(chunk.section_path)))
    return cache[chunk.id]


def passage_sentences(passages: list[Passage], retriever: Retriever,
                      depth: int) -> Iterator[tuple[Passage, StoredDocument, int, int, int, int]]:
    """(passage, document, position in the passage, start, end, sentence row) of every indexed
    sentence of the top ``depth`` passages, in order (cleaned offsets)."""
    for p in passages[:depth]:
        doc = retriever.index.documents[p.chunk.doc_id]
        row = retriever.row_of(p.chunk.id)
        for order, (a, b, vec) in enumerate(retriever.index.sentences_of(row) if row is not None else []):
            yield p, doc, order, a, b, vec


def candidates(passages: list[Passage], question: str, qtype: str, retriever: Retriever,
               depth: int = DEPTH, templates: bool = False) -> list[Candidate]:
    """Every usable sentence of the top passages, with its feature vector (see FEATURES).

    Template text is never content; ``templates=True`` keeps it, to rank a placeholder passage.
    """
    table = retriever.index.sentences
    if table is None:
        return []
    topic = retriever.topic(question)  # what is asked, without the phrases that pick a document
    terms = content_terms(retriever.expand(topic)) | content_terms(topic)
    rarity = retriever.term_rarity
    default_rarity = max(rarity.values(), default=1.0)
    total_rarity = sum(rarity.get(t, default_rarity) for t in terms) or 1.0
    q = retriever.query_vector(topic)
    spans = []
    for p, doc, order, a, b, vec in passage_sentences(passages, retriever, depth):
        facts = _facts(retriever, doc, a, b, vec)
        if facts.usable and (templates or not facts.template):
            spans.append((p, doc, a, b, vec, order, facts))
    if not spans:
        return []
    vecs = np.asarray([s[4] for s in spans])
    closeness = table.vectors[vecs] @ q
    corrected = closeness - table.hubness[vecs]
    best = float(closeness.max())
    in_passage: dict[str, float] = {}  # each passage's closest sentence: how well it answers at all
    for (p, *_rest), close in zip(spans, closeness.tolist()):
        in_passage[p.chunk.id] = max(in_passage.get(p.chunk.id, close), close)
    cue = {d: math.log(retriever.document_boost(question, d)) for d in {s[1].meta.id for s in spans}}
    out = []
    for (p, doc, a, b, _vec, order, facts), close, corr in zip(spans, closeness.tolist(), corrected.tolist()):
        shared = terms & facts.words
        features = np.array([
            close, corr, close - best,
            len(shared) / len(terms) if terms else 0.0,
            sum(rarity.get(t, default_rarity) for t in shared) / total_rarity if terms else 0.0,
            len(terms & _section_terms(retriever, p.chunk)) / len(terms) if terms else 0.0,
            1.0 / p.rank,
            1.0 / p.dense_rank if p.dense_rank else 0.0,
            1.0 / p.sparse_rank if p.sparse_rank else 0.0,
            cue[doc.meta.id],
            float(facts.heading),
            float(qtype == "figure" and facts.number),
            float(qtype == "definition" and facts.defines),
            float(qtype == "responsibility" and facts.assigns),
            float(order == 0),
            facts.length,
            in_passage[p.chunk.id],
            float(close >= in_passage[p.chunk.id]),
        ], dtype=np.float32)
        out.append(Candidate(p.chunk.doc_id, a, b, p.chunk, p, features))
    return out


def rerank(passages: list[Passage], question: str, retriever: Retriever, weight: float) -> list[Passage]:
    """Re-rank passages by their best sentence's learned score, weighted against their fused rank.

    Score = weight × (best sentence logit − best overall) − log(rank), higher first (it becomes the
    passage's score); the order the fusion gave decides among passages whose sentences score alike.
    """
    if weight <= 0 or len(passages) < 2:
        return passages
    cands = candidates(passages, question, question_type(question), retriever, depth=len(passages), templates=True)
    if not cands:
        return passages
    best: dict[str, float] = {}
    for c, s in zip(cands, load_model().score(cands).tolist()):
        best[c.chunk.id] = max(best.get(c.chunk.id, s), s)
    top = max(best.values())
    floor = top - 10.0  # a passage without a usable sentence (a placeholder, a heading)
    scored = sorted(((weight * (best.get(p.chunk.id, floor) - top) - math.log(p.rank), p) for p in passages),
                    key=lambda sp: -sp[0])
    return [replace(p, rank=i, score=round(score, 4)) for i, (score, p) in enumerate(scored, start=1)]


@dataclass(frozen=True)
class SentenceModel:
    weights: np.ndarray
    mean: np.ndarray
    scale: np.ndarray

    def score(self, cands: list[Candidate]) -> np.ndarray:
        if not cands:
            return np.zeros(0, dtype=np.float32)
        x = (np.stack([c.features for c in cands]) - self.mean) / self.scale
        return x @ self.weights

    def to_json(self, **extra) -> str:
        return json.dumps({"features": list(FEATURES), "weights": self.weights.round(5).tolist(),
                           "mean": self.mean.round(5).tolist(), "scale": self.scale.round(5).tolist(), **extra},
                          ensure_ascii=False, indent=1)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> SentenceModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path.name} er tilpasset andre træk end {FEATURES}; kør `python -m evaluation fit`.")
    return SentenceModel(*(np.asarray(data[k], dtype=np.float32) for k in ("weights", "mean", "scale")))


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 0.3, steps: int = 3000,
        rate: float = 0.2) -> SentenceModel:
    """Listwise softmax regression: each group is (features of one question's candidates, 0/1 labels).

    Maximises the probability mass the softmax over a question's candidates puts on its gold sentences.
    """
    groups = [(x, y) for x, y in groups if len(x) and y.any()]
    if not groups:
        raise ValueError("Ingen spørgsmål med en guldsætning blandt kandidaterne.")
    allx = np.concatenate([x for x, _ in groups])
    mean, scale = allx.mean(axis=0), allx.std(axis=0)
    scale[scale < 1e-6] = 1.0
    std = [((x - mean) / scale, y.astype(np.float64)) for x, y in groups]
    w = np.zeros(allx.shape[1])
    for _ in range(steps):
        grad = l2 * w
        for x, y in std:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            gold = p * y
            q = gold / gold.sum()  # the model's distribution restricted to gold sentences
            grad -= (q - p) @ x / len(std)
        w -= rate * grad
    return SentenceModel(w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32))
