"""Hybrid retrieval on the real corpus with the real bundled model, fusion, and language detection."""

from __future__ import annotations

import numpy as np

from assistant.answer import answer_question
from assistant.fusion import boost, rocchio, rrf, with_neighbours
from assistant.language import detect_language
from assistant.lexicon import load_lexicon
from assistant.types import Filters


def test_rrf_hand_computed():
    fused = rrf([["a", "b", "c"], ["b", "d"]], k=10)
    scores = dict(fused)
    assert abs(scores["b"] - (1 / 12 + 1 / 11)) < 1e-12
    assert abs(scores["a"] - 1 / 11) < 1e-12
    assert [x for x, _ in fused] == ["b", "a", "d", "c"]
    weighted = dict(rrf([["a"], ["b"]], k=0, weights=[0.5, 1.0]))
    assert weighted == {"a": 0.5, "b": 1.0}
    assert [x for x, _ in boost([("a", 1.0), ("b", 0.9)], {"b": 2.0})] == ["b", "a"]
    # b sits next to the strong a; c has no scored neighbour
    lifted = with_neighbours([("a", 1.0), ("c", 0.6), ("b", 0.5)], {"a": ["b"], "b": ["a", "x"], "c": ["x"]}, 0.2)
    assert lifted == [("a", 1.1), ("b", 0.7), ("c", 0.6)]


def test_rocchio_moves_the_query_towards_the_feedback_and_stays_a_unit_vector():
    query = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    feedback = np.array([[0.0, 1.0, 0.0], [0.0, 0.6, 0.8]], dtype=np.float32)
    moved = rocchio(query, feedback, beta=0.5)
    assert abs(np.linalg.norm(moved) - 1.0) < 1e-6
    assert moved[0] > moved[1] > moved[2] > 0  # still closest to the query, pulled towards the passages
    assert np.allclose(rocchio(query, feedback, beta=0.0), query)


def test_feedback_ranking_is_the_dense_search_from_the_moved_query(retriever):
    question = "Hvor lav skal arbejdsløsheden blandt minoriteter ned på?"
    top = [row for row, _ in retriever.dense_ranking(question)[:3]]
    moved = retriever.feedback_ranking(question, top)
    assert moved and set(top) <= set(moved[:10]) and moved != [row for row, _ in retriever.dense_ranking(question)]
    assert retriever.feedback_ranking(question, []) == []


def test_finds_the_goal_in_other_words(retriever):
    passages = retriever.search("Hvor lav skal arbejdsløsheden blandt minoriteter ned på?", k=5)
    assert any("5,8 procent" in p.chunk.text for p in passages)
    assert all(p.chunk.start < p.chunk.end for p in passages)
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))


def test_english_question_finds_danish_definition(retriever):
    passages = retriever.search("Who counts as a descendant in the statistics?", k=5)
    assert any("Efterkommere er født i Danmark" in p.chunk.text for p in passages)


def test_filters_restrict_period_and_drafts(retriever):
    only_2023 = retriever.search("beskæftigelse", k=10, filters=Filters(periods=("2023-2026",)))
    assert only_2023 and all(p.chunk.doc_id == "integrations-medborgerskabspolitik-2023-2026" for p in only_2023)
    adopted = retriever.search("beskæftigelse", k=10, filters=Filters(include_drafts=False))
    assert adopted and all(p.chunk.doc_id in {"integrationspolitik-2011-2014", "indstilling-synopsis-2010"}
                           for p in adopted)


def test_short_danish_questions_stay_danish(settings):
    lexicon = load_lexicon(settings.lexicon_path)
    for q in ("Hvem har ansvaret?", "Hvad er MENAPT?", "Hvilke mål er der?", "Hvad er integration?"):
        assert detect_language(q, lexicon) == "da", q
    assert detect_language("What are the goals of the integration policy?", lexicon) == "en"
    assert detect_language("Who is responsible for integration in Copenhagen?", lexicon) == "en"


def test_english_questions_may_name_danish_terms(settings):
    lexicon = load_lexicon(settings.lexicon_path)
    assert detect_language("Since when has the 'Københavnermodel' been used for receiving refugees?", lexicon) == "en"
    assert detect_language("What does 'medborgerskab' mean?", lexicon) == "en"
    for q in ("Hvad er Københavnermodellen?", "Hvem står for det?", "Er der et mål for børnene i Tingbjerg?"):
        assert detect_language(q, lexicon) == "da", q


def test_document_boost_follows_years_and_words():
    from assistant.retrieve import CUE_BOOST, document_boost
    from assistant.types import DocumentMeta

    draft = DocumentMeta(id="d", source_file="d.txt", title="d", period="2023-2026", status="draft", kind="policy")
    adopted = DocumentMeta(id="a", source_file="a.txt", title="a", period="2011-2014", status="adopted",
                           kind="policy")
    assert document_boost("Hvad siger udkastet om job?", draft) == CUE_BOOST
    assert document_boost("Hvad siger udkastet om job?", adopted) == 1.0
    assert document_boost("Hvad var målet i 2012?", adopted) == CUE_BOOST
    assert document_boost("Hvad sagde den vedtagne politik i 2011?", adopted) == CUE_BOOST ** 2
    assert document_boost("Hvad er en efterkommer?", draft) == 1.0
    # A year outside a document's period names it when it is the year the document was written.
    case = DocumentMeta(id="c", source_file="c.txt", title="c", period="2011-2014", status="case", kind="case",
                        date="2010-05-10")
    dated_draft = DocumentMeta(id="d2", source_file="d2.txt", title="d2", period="2023-2026", status="draft",
                               kind="policy", date="2022-11-01")
    assert document_boost("Hvad skulle den nye politik være i 2010?", case) == CUE_BOOST
    assert document_boost("What did the 2022 workshop suggest?", dated_draft) == CUE_BOOST
    assert document_boost("Hvad var målet i 2012?", case) == 1.0  # case papers only by their own year
    assert document_boost("Hvordan har gabet udviklet sig fra 2010 til 2021?", case) == 1.0
    # A month with its year picks the paper written then, among those of the same year
    december = DocumentMeta(id="p", source_file="p.txt", title="p", period="2011-2014", status="adopted",
                            kind="policy", date="2010-12-16")
    assert document_boost("Hvad skulle synopsen bruges til i maj 2010?", case) == CUE_BOOST ** 2
    assert document_boost("Hvad blev der besluttet i maj 2010?", december) == CUE_BOOST  # its year only
    assert document_boost("Hvad skete der på mødet d. 10. maj 2010?", case) == CUE_BOOST  # a day: the year only
    # "den nye politik" is the latest period's, unless an earlier year says which was new then
    new = "Hvem skriver om boliger i den nye integrations- og medborgerskabspolitik?"
    assert document_boost(new, draft, latest="2023-2026") == CUE_BOOST
    assert document_boost(new, adopted, latest="2023-2026") == 1.0
    assert document_boost("Who spoke at the workshop for the new citizenship policy?", draft, "2023-2026") == CUE_BOOST
    assert document_boost("Hvorfor skulle der en ny politik til i 2010?", draft, latest="2023-2026") == 1.0
    assert document_boost("Hvorfor skulle den nye politik være kort i 2010?", draft, latest="2023-2026") == 1.0
    assert document_boost("Hvad skal nye tiltag bygge på?", draft, latest="2023-2026") == 1.0  # not a policy


def test_the_rankings_search_without_the_phrases_that_pick_a_document():
    from assistant.question import topic_of

    assert topic_of("Hvad forstår politikken 2011-2014 ved interkulturel integration?") == \
        "Hvad forstår ved interkulturel integration?"
    assert topic_of("Hvad er kommunens ansvar ifølge den vedtagne integrationspolitik 2011-2014?") == \
        "Hvad er kommunens ansvar ?"
    assert topic_of("Stiller 2011-politikken krav til borgerne?") == "Stiller krav til borgerne?"
    # a year that is what the question asks about stays; too little left → the whole question
    assert "2014" in topic_of("Hvad var ledigheden ved udgangen af 2014?")
    assert topic_of("Hvad er integrationspolitikken 2011-2014?") == "Hvad er integrationspolitikken 2011-2014?"
    # a case paper and the month it was written pick a document too; a meeting's date is content
    assert topic_of("Hvordan bliver fagudvalgene holdt fast på deres handleplaner ifølge indstillingen fra "
                    "maj 2010?") == "Hvordan bliver fagudvalgene holdt fast på deres handleplaner ?"
    assert topic_of("Hvad står der i indstillingen til Beskæftigelses- og Integrationsudvalget om tidsplanen?") == \
        "Hvad står der om tidsplanen?"
    assert "10. maj 2010" in topic_of("Hvad besluttede udvalget på mødet d. 10. maj 2010 om synopsen?")
    # whole words only: "politikkerne" is a reference, "politik" is not cut out of "politikker", nor "i"
    # out of "integration"
    assert topic_of("Hvordan definerer politikkerne integration?") == "Hvordan definerer integration?"
    assert topic_of("Hvem er målgruppen i de to politikker?") == "Hvem er målgruppen i de to ?"
    assert topic_of("Hvad er kommunens opgaver ifølge brochuren?") == "Hvad er kommunens opgaver ?"


def test_a_documents_title_names_it_and_is_not_searched_for(retriever):
    from assistant.compare import named_documents

    question = "Hvilke grundprincipper hviler integrationspolitikken Bland dig i byen på?"
    assert retriever.topic(question) == "Hvilke grundprincipper hviler på?"
    assert named_documents(question, retriever) == ["integrationspolitik-2011-2014"]  # adopted before the synopsis
    policy = retriever.index.meta("integrationspolitik-2011-2014")
    draft = "integrations-medborgerskabspolitik-2023-2026"
    assert retriever.document_boost(question, policy.id) > retriever.document_boost(question, draft)
    # a quoted title is what is asked about; a title after a document's name is that document's
    assert retriever.topic("Hvad betyder 'Bland dig i byen'?") == "Hvad betyder 'Bland dig i byen'?"
    assert named_documents("Hvad står der i synopsen Bland dig i byen om sprog?", retriever) == ["synopsis-2011-2014"]


def test_the_broader_search_glossary_expands_english_questions_only(retriever):
    """glossary_corpus.tsv (written from the documents' own word list) adds 'kommunikation' for
    'communication' in an English question; a Danish question's words are not read as English."""
    from assistant.glossary import ENGLISH_TO_DANISH, SEARCH_EXPANSION, read_glossary, CORPUS_GLOSSARY

    listed = read_glossary(CORPUS_GLOSSARY)
    assert len(listed) >= 500 and "communication" not in ENGLISH_TO_DANISH
    vocabulary = retriever.index.vocabulary
    assert all(form in vocabulary for forms in listed.values() for form in forms)  # every form is the corpus's
    assert "kommunikation" in retriever.expand("How will the city improve communication with minorities?")
    assert SEARCH_EXPANSION["inspiration"] and \
        retriever.expand("Skal København hente inspiration fra andre storbyer?") == \
        "Skal København hente inspiration fra andre storbyer?"


def test_english_words_are_expanded_with_the_danish_the_documents_use(retriever):
    expanded = retriever.expand("How high may unemployment among ethnic minorities be?")
    assert "overledighed" in expanded and "minoriteter" in expanded
    passages = retriever.search("How high may unemployment among ethnic minorities be?", k=5)
    assert any("5,8 procent" in p.chunk.text for p in passages)


def test_the_search_glossary_finds_an_english_word_by_its_other_forms():
    from assistant.glossary import ENGLISH_TO_DANISH, SEARCH_EXPANSION

    assert "finansiering" in SEARCH_EXPANSION.get("funded")  # fund → funds, funding
    assert SEARCH_EXPANSION.get("internships") == SEARCH_EXPANSION["internship"]
    assert SEARCH_EXPANSION.get("has") == () and SEARCH_EXPANSION.get("xyzzy", ("x",)) == ("x",)
    assert ENGLISH_TO_DANISH.get("groups") is None  # the checks' word-by-word table stays exact


def test_a_compound_gets_the_synonyms_of_its_last_part(retriever):
    expanded = retriever.expand("Hvilke diskriminationsgrunde nævner politikken?")
    assert "diskriminationsårsager" in expanded.split() and "årsager" in expanded.split()
    top = retriever.search("Hvilke diskriminationsgrunde nævner integrationspolitikken?", k=3)
    assert any("handikap" in p.chunk.text for p in top)


def test_following_up_is_searched_in_the_documents_words(retriever):
    """"følger op" and "holder øje med" are the follow-up (integrationsbarometer, evaluering); "følgende"
    and "følger den enkelte" are not."""
    for question in ("Hvordan følges der op på den vedtagne politik?", "Hvordan holder man øje med indsatsen?"):
        assert "integrationsbarometer" in retriever.expand(question).split()
    assert "integrationsbarometer" not in retriever.expand("Hvilke følgende tiltag følger mentoren?").split()
    answer = answer_question("Hvordan følges der op på den vedtagne politik?", retriever)
    assert "Integrationsbarometer" in answer.answer


def test_municipal_bodies_are_found_by_abbreviation_and_by_name():
    from assistant.bodies import bodies_named, other_forms

    named = [(b.acronym, span) for b, span in bodies_named("Hvad skal Sundhedsforvaltningen og BIU gøre?")]
    assert named == [("SUF", (10, 31)), ("BIU", (35, 38))]
    assert {b.acronym for b, _ in bodies_named("Beskæftigelses- og Integrationsudvalgets beslutning")} == {"BIU"}
    assert {b.acronym for b, _ in bodies_named("socialforvaltningens tilbud og Socialudvalget")} == {"SOF", "SOU"}
    assert bodies_named("Børne- og ungdomsområdet og integrationspolitikken; SOFA") == []
    assert other_forms("Hvad gør TMF?") == ["TMF", "Teknik- og Miljøforvaltningen"]


def test_a_body_asked_by_name_is_searched_by_its_abbreviation(retriever):
    assert "SOF" in retriever.expand("Hvad skal Socialforvaltningen skrive?")
    top = retriever.search("Hvad skal Socialforvaltningen skrive ind i udkastet?", k=3)
    assert any("Udfyldes af SOF" in p.chunk.text for p in top)


def test_a_verbs_ering_noun_is_searched_as_the_verb():
    """"finansiering" and "finansiere" are one term (the stemmer keeps "-ering" nouns whole), so "Hvem skal
    finansiere handleplanerne?" finds "finansiering til … handleplanerne"; other nouns keep their stem."""
    from assistant.sparse import tokenize

    assert tokenize("finansiering") == tokenize("finansiere") == tokenize("finansieres")
    assert tokenize("evaluering") == tokenize("evalueres")
    assert tokenize("forandring") == ["forandring"] and tokenize("ering") == ["ering"]
    assert tokenize("synopsis") == tokenize("synopsen") and tokenize("krisis") == tokenize("krisen")  # "-sis" nouns


def test_what_a_question_names_is_computed_once_and_forgotten_with_the_other_caches(retriever):
    from assistant.compare import named_documents

    question = "Hvad er forskellen på synopsen og udkastet for 2023-2026?"
    first = named_documents(question, retriever)
    assert first == ["synopsis-2011-2014", "integrations-medborgerskabspolitik-2023-2026"]
    first.append("changed by a caller")  # each call gets its own list
    assert named_documents(question, retriever) == first[:2]
    calls = []
    assert retriever.remembered("named_documents", question, lambda: calls.append(1)) == tuple(first[:2])
    assert not calls  # remembered, not computed again
    retriever.clear_caches()
    assert retriever.remembered("probe", question, lambda: 7) == 7
    assert retriever.remembered("probe", question, lambda: 8) == 7
    retriever.clear_caches()
    assert retriever.remembered("probe", question, lambda: 8) == 8
