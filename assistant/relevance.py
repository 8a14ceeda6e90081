"""Whether a question is about the documents at all: a small learned check before an answer is composed.

A question far from the policies ("Har du en god opskrift på frikadeller?", "Hvornår er næste
kommunalvalg?") still retrieves passages and sentences that share a word or two with it. No single
closeness separates those from real questions phrased in other words than the documents (the
bundled model's cosines lie between 0.80 and 0.95 for both), so a few signals are combined:

- how close the best passage and the best sentence come, and how far the best sentences stand out
  from the question's closeness to every indexed sentence (a real question has a few sentences that
  stand out; an unrelated one is about as close to everything);
- the learned sentence ranker's best score;
- how much of what the question asks (weighted by rarity) the top passages hold, and how much of it
  the documents never use (an English word: none of the glossary's Danish words);
- where the question itself points: its embedding along the direction from the mean of the off-topic
  questions it was fitted on to the mean of the answerable ones (a learned prototype of each class;
  measured by five-fold cross-validation on the fitted sets and on the never-read blind sets, it lifts
  the off-topic refusals from about two thirds to about nine in ten).

A logistic model scores them; its weights, threshold and direction are fitted by ``python -m evaluation
fit-relevance`` (answerable questions against off-topic ones) and stored beside this module in
``relevance_model.json``, with the embedder they belong to (with another embedder the check is off
until it is fitted again). Below the threshold the question is refused as outside the documents.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .glossary import ENGLISH_TO_DANISH
from .compare import named_documents
from .question import COMPARISON_RE, question_type
from .retrieve import Retriever
from .sentence_rank import candidates, content_terms, load_model
from .sparse import term_set
from .types import Passage

MODEL_PATH = Path(__file__).with_name("relevance_model.json")
FEATURES = ("dense", "sentence_closeness", "best_sentence", "stand_out", "top_five", "weighted_coverage",
            "unknown_share", "english", "topic_direction")
TOP = 3  # passages whose words count as found
# English words a question about anything carries (function words and the policies' generic words).
ENGLISH_STOP = frozenset(
    "a an and are as at be been by can could did do does for from had has have how i in into is it its many much of "
    "on or should that the their there these this those to was were what when where which who whom whose why will "
    "with would about after any before between during other than them they under our me my you your we us here also "
    "more most some such if not no yes please just get got give tell".split())


@dataclass(frozen=True)
class Relevance:
    """The signals of one question and the model's score (higher: more likely about the documents)."""

    features: tuple[float, ...]
    score: float
    threshold: float

    @property
    def off_topic(self) -> bool:
        return self.score < self.threshold


def relevance_features(question: str, passages: list[Passage], retriever: Retriever, dense: float,
                       direction: np.ndarray) -> np.ndarray:
    """The FEATURES of a question (``dense``: its best passage's closeness, from the support check;
    ``direction``: the fitted model's, see topic_direction)."""
    topic = retriever.topic(question)
    english = retriever.language(question) == "en"
    q = retriever.query_vector(topic)
    table = retriever.index.sentences
    if table is not None and len(table.vectors):
        sims = table.vectors @ q
        mean, spread = float(sims.mean()), float(sims.std()) or 1.0
        stand_out = (float(sims.max()) - mean) / spread
        top_five = float(np.sort(sims)[-5:].mean()) - mean
    else:
        stand_out = top_five = 0.0
    cands = candidates(passages, question, question_type(question), retriever)
    best = float(load_model().score(cands).max()) if cands else -10.0
    closeness = max((float(c.features[0]) for c in cands), default=0.0)
    coverage, unknown = asked_coverage(topic, english, passages[:TOP], retriever)
    return np.array([dense, closeness, best, stand_out, top_five, coverage, unknown, float(english),
                     float(q @ direction)], dtype=np.float32)


def question_vector(question: str, retriever: Retriever) -> np.ndarray:
    """The embedding of what the question asks about (its topic, as the search and relevance_features embed it)."""
    return retriever.query_vector(retriever.topic(question))


def topic_direction(answerable: np.ndarray, off_topic: np.ndarray) -> np.ndarray:
    """From the mean of the off-topic questions' vectors to the mean of the answerable ones' (each
    normalised): a question's projection on it says which class it resembles."""
    unit = lambda v: v / (np.linalg.norm(v) or 1.0)  # noqa: E731
    return (unit(answerable.mean(axis=0)) - unit(off_topic.mean(axis=0))).astype(np.float32)


def asked_coverage(topic: str, english: bool, passages: list[Passage], retriever: Retriever) -> tuple[float, float]:
    """(share of what the question asks that the passages hold, share the documents never use),
    each weighted by the terms' rarity in the corpus (a word the corpus lacks weighs most)."""
    rarity = retriever.term_rarity
    most = max(rarity.values(), default=1.0)
    vocabulary = retriever.index.sparse.model.vocab_dict
    if english:
        words = [w for w in re.findall(r"[a-z]+", topic.lower()) if len(w) > 2 and w not in ENGLISH_STOP]
        asked = {w: [t for d in ENGLISH_TO_DANISH.get(w, ()) for t in content_terms(d)] for w in words}
    else:
        asked = {t: [t] for t in content_terms(topic)}
    if not asked:
        return 1.0, 0.0
    found = {t for p in passages for t in term_set(p.chunk.text + " " + " ".join(p.chunk.section_path),
                                                     retriever.lexicon)}
    weight = {w: max((rarity.get(t, most) for t in forms), default=most) for w, forms in asked.items()}
    total = sum(weight.values()) or 1.0
    held = sum(weight[w] for w, forms in asked.items() if any(t in found for t in forms))
    unknown = sum(weight[w] for w, forms in asked.items() if not any(t in vocabulary for t in forms))
    return held / total, unknown / total


@dataclass(frozen=True)
class RelevanceModel:
    weights: np.ndarray   # one per feature, then the bias
    mean: np.ndarray
    scale: np.ndarray
    threshold: float
    direction: np.ndarray  # see topic_direction
    embedder: str = ""     # the embedder whose vectors the direction and the closeness features are

    def score(self, features: np.ndarray) -> np.ndarray:
        x = (np.atleast_2d(features) - self.mean) / self.scale
        return x @ self.weights[:-1] + self.weights[-1]

    def to_json(self, **extra) -> str:
        return json.dumps({"features": list(FEATURES), "weights": self.weights.round(5).tolist(),
                           "mean": self.mean.round(5).tolist(), "scale": self.scale.round(5).tolist(),
                           "threshold": round(self.threshold, 5), **extra, "embedder": self.embedder,
                           "direction": self.direction.round(5).tolist()}, ensure_ascii=False, indent=1)


@lru_cache(maxsize=1)
def load_relevance_model(path: Path = MODEL_PATH) -> RelevanceModel | None:
    """The fitted model, or None before the first ``python -m evaluation fit-relevance``."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path.name} er tilpasset andre træk end {FEATURES}; kør `python -m evaluation fit-relevance`.")
    return RelevanceModel(*(np.asarray(data[k], dtype=np.float32) for k in ("weights", "mean", "scale")),
                          threshold=float(data["threshold"]), direction=np.asarray(data["direction"], dtype=np.float32),
                          embedder=data["embedder"])


# Words that only say which document or how documents differ ("den gamle og den nye", "forskellen").
DOCUMENT_WORDS = content_terms("gamle gammel gamles nye ny nyt nyeste tidligere nuværende seneste første sidste "
                               "vedtagne endelige færdige to begge forskel forskellen forskellene forskellig "
                               "old new former current latest first final adopted two both difference differences "
                               "between")

ENGLISH_STOP_TERMS = content_terms(" ".join(ENGLISH_STOP))


def about_the_documents_only(question: str, retriever: Retriever) -> bool:
    """Whether a question asks nothing but about the documents it names or compares ("Hvad er
    forskellen på den gamle og den nye politik?"): it is about them by its words, whatever the
    closeness of its few words to any passage."""
    if not named_documents(question, retriever) and not COMPARISON_RE.search(question):
        return False
    rest = content_terms(COMPARISON_RE.sub(" ", retriever.topic(question))) - DOCUMENT_WORDS - ENGLISH_STOP_TERMS
    return not {t for t in rest if not t.isdigit()}  # "fra 2011 til 2023": years name documents


# A word that names a policy document, beside the years that say which ("2011-2014-politikken").
POLICY_WORD = re.compile(r"politik|udkast|synops|indstilling|polic|draft", re.IGNORECASE)


def relevance(question: str, passages: list[Passage], retriever: Retriever, dense: float) -> Relevance | None:
    """The relevance of a question to the documents, or None when no model has been fitted for the
    embedder in use, or the question is about the documents by its words alone: it asks only about
    the documents it names or compares, or it names two of them with a word for a policy ("Hvordan er
    de to politikker bygget op? Sammenlign 2011-2014-politikken med udkastet for 2023-2026.")."""
    model = load_relevance_model()
    if model is None or not passages or model.embedder != retriever.embedder.id or \
            about_the_documents_only(question, retriever) or \
            (len(named_documents(question, retriever)) >= 2 and POLICY_WORD.search(question)):
        return None
    features = relevance_features(question, passages, retriever, dense, model.direction)
    return Relevance(tuple(features.tolist()), float(model.score(features)[0]), model.threshold)


def fit_relevance(positives: np.ndarray, negatives: np.ndarray, false_refusals: float, l2: float = 0.05,
                  steps: int = 4000, rate: float = 0.5, direction: np.ndarray | None = None,
                  embedder: str = "") -> RelevanceModel:
    """Logistic regression, answerable (1) against off-topic (0) questions, the classes weighted alike; the
    threshold refuses at most ``false_refusals`` of the positives it was fitted on. ``direction`` and
    ``embedder`` are what the features were computed with; they are kept with the model."""
    direction = np.zeros(0, dtype=np.float32) if direction is None else direction
    x = np.vstack([positives, negatives]).astype(np.float64)
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    sample = np.r_[np.full(len(positives), 0.5 / len(positives)), np.full(len(negatives), 0.5 / len(negatives))]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = np.c_[(x - mean) / scale, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ ((p - y) * sample) + l2 * np.r_[w[:-1], 0.0]
        w -= rate * grad
    model = RelevanceModel(w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32), 0.0,
                           direction, embedder)
    scores = np.sort(model.score(positives))
    cut = int(np.floor(false_refusals * len(scores)))
    threshold = float(scores[cut]) if cut < len(scores) else float(scores[-1])  # refuse below the cut-th lowest
    return replace(model, threshold=threshold)
