"""The evaluation set and metrics."""

from __future__ import annotations

import json

import pytest

from evaluation.metrics import Span, first_hit_rank, is_hit, ndcg_at
from evaluation.run import DEFAULT_FILES, load_questions

CATEGORIES = {"principle", "goal", "responsibility", "definition", "fact", "comparison", "english",
              "unanswerable"}


@pytest.mark.parametrize("path", DEFAULT_FILES, ids=lambda p: p.name)
def test_every_evidence_quote_is_an_exact_substring(path, settings):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["category"] in CATEGORIES
        assert (r["category"] == "unanswerable") == (not r["evidence"])
        for ev in r["evidence"]:
            text = (settings.corpus_dir / ev["doc"]).read_text(encoding="utf-8")
            assert ev["quote"] in text, (r["id"], ev["quote"][:50])
            assert 40 <= len(ev["quote"]) <= 300
    assert len(load_questions(path, settings.corpus_dir)) == len(rows)


def test_set_size_and_split():
    tune, held = (sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
                  for p in DEFAULT_FILES)
    assert tune + held >= 100 and held >= 30


def test_hit_needs_half_the_quote():
    ev = [Span("a.txt", 100, 200)]
    assert is_hit(Span("a.txt", 150, 400), ev)
    assert not is_hit(Span("a.txt", 160, 400), ev)
    assert not is_hit(Span("b.txt", 100, 200), ev)
    ranked = [Span("a.txt", 0, 50), Span("a.txt", 90, 210)]
    assert first_hit_rank(ranked, ev, 10) == 2
    assert abs(ndcg_at(ranked, ev, 10) - 1 / 1.5849625007211563) < 1e-9
