"""Which sentences of the retrieved passages answer a question: a small learned ranker.

Every sentence of the top passages becomes a candidate described by a few features — its
embedding closeness to the question (hubness-corrected), the question terms it and its section
share, how rare those terms are, the passage's place in the three rankings, and whether it has
what the question type asks for (a number, a defining verb, "ansvar"). A linear model scores
them; its weights are fitted on the tuning questions by ``python -m evaluation fit`` (a listwise
softmax over each question's candidates) and stored beside this module in ``sentence_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .index import StoredDocument
from .retrieve import Retriever, document_boost, topic_of
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
            "definition_cue", "responsibility_cue", "first_in_passage", "length")


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


def _term_rarity(retriever: Retriever) -> dict[str, float]:
    """Inverse document frequency of each stemmed term over the indexed chunks."""
    cached = getattr(retriever, "_term_rarity", None)
    if cached is None:
        df: dict[str, int] = {}
        for chunk in retriever.index.chunks:
            for t in set(tokenize(chunk.text)):
                df[t] = df.get(t, 0) + 1
        n = max(1, len(retriever.index.chunks))
        cached = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        retriever._term_rarity = cached
    return cached


def _usable(doc: StoredDocument, a: int, b: int) -> bool:
    if any(x < b and a < y for x, y in doc.placeholders):
        return False  # template text is never content
    text = doc.cleaned[a:b]
    return len(text.split()) >= 3 or bool(re.search(r"\d", text))


def candidates(passages: list[Passage], question: str, qtype: str, retriever: Retriever,
               depth: int = DEPTH) -> list[Candidate]:
    """Every usable sentence of the top passages, with its feature vector (see FEATURES)."""
    table = retriever.index.sentences
    if table is None:
        return []
    topic = topic_of(question)  # what is asked, without the phrases that pick a document
    terms = content_terms(retriever.expand(topic)) | content_terms(topic)
    rarity = _term_rarity(retriever)
    default_rarity = max(rarity.values(), default=1.0)
    total_rarity = sum(rarity.get(t, default_rarity) for t in terms) or 1.0
    q = retriever.query_vector(topic)
    spans = []
    for p in passages[:depth]:
        doc = retriever.index.documents[p.chunk.doc_id]
        row = retriever.row_of(p.chunk.id)
        for order, (a, b, vec) in enumerate(retriever.index.sentences_of(row) if row is not None else []):
            if _usable(doc, a, b):
                spans.append((p, doc, a, b, vec, order))
    if not spans:
        return []
    vecs = np.asarray([s[4] for s in spans])
    closeness = table.vectors[vecs] @ q
    corrected = closeness - table.hubness[vecs]
    best = float(closeness.max())
    out = []
    for (p, doc, a, b, _vec, order), close, corr in zip(spans, closeness.tolist(), corrected.tolist()):
        text = doc.cleaned[a:b]
        words = set(tokenize(text))
        shared = terms & words
        section = set(tokenize(" ".join(p.chunk.section_path)))
        features = np.array([
            close, corr, close - best,
            len(shared) / len(terms) if terms else 0.0,
            sum(rarity.get(t, default_rarity) for t in shared) / total_rarity if terms else 0.0,
            len(terms & section) / len(terms) if terms else 0.0,
            1.0 / p.rank,
            1.0 / p.dense_rank if p.dense_rank else 0.0,
            1.0 / p.sparse_rank if p.sparse_rank else 0.0,
            math.log(document_boost(question, doc.meta)),
            float(is_heading(text)),
            float(qtype == "figure" and bool(FIGURE_CUE.search(text))),
            float(qtype == "definition" and bool(DEFINITION_CUE.search(text))),
            float(qtype == "responsibility" and bool(RESPONSIBILITY_CUE.search(text))),
            float(order == 0),
            math.log(1 + len(text.split())),
        ], dtype=np.float32)
        out.append(Candidate(p.chunk.doc_id, a, b, p.chunk, p, features))
    return out


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
