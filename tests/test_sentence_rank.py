"""The learned answer-sentence ranker: its fit on a synthetic problem and its stored model."""

from __future__ import annotations

import numpy as np

from assistant.sentence_rank import FEATURES, fit, load_model


def test_fit_learns_which_feature_marks_the_gold_sentence():
    rng = np.random.default_rng(7)
    groups = []
    for _ in range(40):
        x = rng.normal(size=(12, 3)).astype(np.float32)
        y = np.zeros(12, dtype=bool)
        y[int(np.argmax(x[:, 1]))] = True  # the gold sentence is the one highest on feature 1
        groups.append((x, y))
    model = fit(groups, l2=0.01, steps=500)
    assert model.weights[1] > 2 * max(abs(model.weights[0]), abs(model.weights[2]))
    top = [bool(y[np.argmax(((x - model.mean) / model.scale) @ model.weights)]) for x, y in groups]
    assert sum(top) >= 38


def test_stored_model_matches_the_features():
    model = load_model()
    assert model.weights.shape == (len(FEATURES),) and np.all(model.scale > 0)


def test_the_defining_sentence_ranks_first(retriever):
    from assistant.sentence_rank import candidates

    question = "Hvad forstås ved MENAPT-lande?"
    cands = candidates(retriever.search(question, k=10), question, "definition", retriever)
    best = cands[int(np.argmax(load_model().score(cands)))]
    assert "MENAPT-lande forstås som" in retriever.index.documents[best.doc_id].cleaned[best.start:best.end]


def test_rerank_keeps_the_passages_and_numbers_them_again(retriever):
    from assistant.sentence_rank import rerank

    question = "Hvad forstås ved MENAPT-lande?"
    fused = retriever.search(question, k=10, rerank=False)
    again = rerank(fused, question, retriever, weight=4.0)
    assert sorted(p.chunk.id for p in again) == sorted(p.chunk.id for p in fused)
    assert [p.rank for p in again] == list(range(1, len(fused) + 1))
    assert "MENAPT-lande forstås som" in again[0].chunk.text
    assert rerank(fused, question, retriever, weight=0) == fused
