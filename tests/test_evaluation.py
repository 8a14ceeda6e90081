"""The evaluation set and metrics."""

from __future__ import annotations

import json

import pytest

from evaluation.metrics import Span, cites_evidence, first_hit_rank, is_hit, ndcg_at
from evaluation.run import DEFAULT_FILES, load_questions

CATEGORIES = {"principle", "goal", "responsibility", "definition", "fact", "comparison", "english",
              "unanswerable", "offtopic"}  # offtopic: about something else than the policies (refused)


@pytest.mark.parametrize("path", DEFAULT_FILES, ids=lambda p: p.name)
def test_every_evidence_quote_is_an_exact_substring(path, settings):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["category"] in CATEGORIES
        assert (r["category"] in ("unanswerable", "offtopic")) == (not r["evidence"])
        for ev in r["evidence"]:
            text = (settings.corpus_dir / ev["doc"]).read_text(encoding="utf-8")
            assert ev["quote"] in text, (r["id"], ev["quote"][:50])
            assert 20 <= len(ev["quote"]) <= 400  # a heading or a name can be the whole evidence
    assert len(load_questions(path, settings.corpus_dir)) == len(rows)


def test_set_size_and_split():
    sizes = [sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line.strip()) for p in DEFAULT_FILES]
    assert sum(sizes) >= 150 and min(sizes[1:]) >= 30  # the first file tunes, every other file has 30 or more


def test_hit_needs_half_the_quote():
    ev = [Span("a.txt", 100, 200)]
    assert is_hit(Span("a.txt", 150, 400), ev)
    assert not is_hit(Span("a.txt", 160, 400), ev)
    assert not is_hit(Span("b.txt", 100, 200), ev)
    ranked = [Span("a.txt", 0, 50), Span("a.txt", 90, 210)]
    assert first_hit_rank(ranked, ev, 10) == 2
    assert abs(ndcg_at(ranked, ev, 10) - 1 / 1.5849625007211563) < 1e-9


def test_a_citation_hits_when_it_is_part_of_the_gold_passage_or_the_citations_cover_it():
    ev = [Span("a.txt", 100, 300)]
    assert cites_evidence([Span("a.txt", 100, 150)], ev)            # one sentence of the passage
    assert not cites_evidence([Span("a.txt", 280, 400)], ev)        # mostly outside it
    assert not cites_evidence([Span("b.txt", 100, 150)], ev)        # another file
    assert cites_evidence([Span("a.txt", 0, 2000)], ev)              # a long quote around it
    straddling = [Span("a.txt", 0, 160), Span("a.txt", 240, 400)]   # each mostly outside, together 60 %
    assert not cites_evidence(straddling[:1], ev)
    assert cites_evidence(straddling, ev)
    assert cites_evidence([Span("a.txt", 0, 600)], [Span("a.txt", 0, 1000)])


def test_citation_precision_is_the_share_of_citations_touching_gold():
    from evaluation.metrics import citation_precision

    ev = [Span("a.txt", 100, 300), Span("b.txt", 0, 50)]
    cited = [Span("a.txt", 280, 400), Span("a.txt", 300, 350), Span("b.txt", 10, 20), Span("c.txt", 0, 10)]
    assert citation_precision(cited, ev) == 0.5
    assert citation_precision([], ev) is None


def test_keywords_ignore_case_spacing_and_the_ocr_spelling_of_æøå():
    from evaluation.metrics import keywords_present

    answer = "Indekset er udviklet af Interkulturelle Bynetværk under Europarådet, en sammenhæng [1]"
    assert keywords_present(answer, ["europaradet", "sammenhang", "Bynetværk  under"])
    assert not keywords_present(answer, ["Europarådet", "Eurocities"])
    assert keywords_present("op mod 20 % i 2010, et gab på 17 procentpoint", ["20 procent", "17 procentpoint"])
    assert keywords_present("20 procent", ["20 %"]) and not keywords_present("20 procent", ["21 %"])


def test_a_keyword_copied_from_the_scan_counts_in_its_repaired_spelling(retriever):
    from evaluation.metrics import keywords_present
    from evaluation.run import keyword_spellings

    answer = "Københavnermodellen har siden 2016 været kommunens model; praktik inden for den første måned [1]"
    forms = keyword_spellings(["Kgbenhavnermodellen", "fgrste", "2016"], retriever.lexicon)
    assert forms[0] == ("Kgbenhavnermodellen", "Københavnermodellen") and forms[2] == ("2016",)
    assert keywords_present(answer, forms)
    assert not keywords_present(answer, keyword_spellings(["Kgbenhavnermodellen", "2017"], retriever.lexicon))
    assert not keywords_present("Aarhusmodellen [1]", keyword_spellings(["Kgbenhavnermodellen"], retriever.lexicon))


def test_the_same_wording_in_a_copy_or_elsewhere_in_the_document_is_the_same_passage(retriever):
    from evaluation.run import same_text_spans

    docs = {d.meta.source_file: d for d in retriever.index.documents.values()}
    original, copy = "000_73e07699bac7e1b6.txt", "001_9fbd5f416afa9f39.txt"
    quote = "Vi bekæmper diskrimination i byen"  # a list item of the synopsis, which is in the corpus twice
    gold = Span(copy, docs[copy].text.index(quote), docs[copy].text.index(quote) + len(quote))
    found = same_text_spans([gold], retriever.index.documents)
    assert [(s.source_file, docs[s.source_file].text[s.start:s.end]) for s in found] == [(original, quote)]
    # a goal stated in the policy's overview and again in its area: the second place is the passage too
    policy = "002_329ba3183d33abe5.txt"
    text = docs[policy].text
    goal = "Overledigheden blandt etniske minoriteter skal vare pi max 5,8 procent."
    first = text.index(goal)
    again = same_text_spans([Span(policy, first, first + len(goal))], retriever.index.documents)
    assert len(again) == 1 and again[0].source_file == policy and again[0].start > first + len(goal)
    assert "5,8 procent" in text[again[0].start:again[0].end]
    # a phrase shorter than a sentence is not matched elsewhere in the same document
    phrase = text.index("integrationsindsats")
    assert same_text_spans([Span(policy, phrase, phrase + 19)], retriever.index.documents) == []


def test_a_new_question_file_runs_unchanged(built_settings, tmp_path):
    from evaluation.run import evaluate, format_table

    path = tmp_path / "nye.jsonl"
    rows = [
        {"id": "n1", "question": "Hvad sker der med børn af danskfødte forældre, der beholder udenlandsk "
                                 "statsborgerskab?", "lang": "da", "category": "definition",
         "evidence": [{"doc": "004_4f75662896d2a60c.txt",
                       "quote": "Fastholder danskfgdte foraldre imidlertid begge et\nudenlandsk statsborgerskab"}],
         "answer_keywords": ["efterkommere"]},
        {"id": "n2", "question": "Hvad koster en busbillet i Aarhus?", "lang": "da", "category": "unanswerable",
         "evidence": [], "answer_keywords": []},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    questions = load_questions(path, built_settings.corpus_dir)
    result = evaluate(questions, k=5, settings=built_settings)
    summary = result["summary"]["alle"]
    assert summary["n"] == 2 and summary["answerable"] == 1 and summary["unanswerable"] == 1
    assert set(summary["systems"]) == {"full", "retrieve", "bm25", "dense", "naive"}
    assert "recall@5" in summary["systems"]["full"] and "alle" in format_table(result["summary"], 5)
