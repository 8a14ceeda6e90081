"""Counted lists on the real corpus: "hvor mange …" of what a document lists is answered by the list, counted."""

import re

from assistant import ask
from assistant.counts import asked_nouns, counted_lists


def test_what_a_question_counts():
    assert asked_nouns("Hvor mange pejlemærker har udkastet?", "da") == (["pejlemærker"], [])
    assert asked_nouns("Hvor mange indsatsområder og mål havde politikken?", "da")[0] == ["indsatsområder", "mål"]
    # the counted word elsewhere in the question, when none follows "hvor mange"
    assert "principper" in asked_nouns("De har ikke lige mange principper. Hvor mange har hver?", "da")[0]
    assert asked_nouns("Hvor mange har hver af dem? Synopsen har principper.", "da")[1]
    assert asked_nouns("How many principles does the draft have?", "en")[0] == ["principper"]
    assert asked_nouns("Hvor mange af målene blev nået?", "da") == ([], [])  # a status, not a count
    assert asked_nouns("Hvad er en efterkommer?", "da") == ([], [])


def test_a_count_of_a_documents_list_is_the_list_counted(settings, retriever):
    a = ask("Hvor mange pejlemærker har udkastet til 2023-2026?", settings=settings)
    assert a.answerable and a.question_type == "list"
    assert a.answer.startswith("I udkastet til politikken 2023-2026 – fem pejlemærker:")
    assert [line[:2] for line in a.answer.splitlines() if re.match(r"\d\)", line)] == ["1)", "2)", "3)", "4)", "5)"]
    assert all(c.original == retriever.index.documents[c.document_id].text[c.start:c.end] for c in a.citations)


def test_counts_in_two_documents_are_given_under_each_lead(settings):
    a = ask("Hvor mange principper har synopsen, og hvor mange har den vedtagne politik?", settings=settings)
    assert "I synopsen til politikken 2011-2014 – fem principper:" in a.answer
    assert "I politikken 2011-2014 – tre principper:" in a.answer
    assert "MANGFOLDIGHED ER EN RESSOURCE" in a.answer and "Vi bidrager til byens vækst" in a.answer


def test_the_documents_own_count_sentence_comes_with_the_list(settings):
    a = ask("Hvor mange mål har politikken 2011-2014?", settings=settings)
    assert "syv mål:" in a.answer and "fire indsatsområder med i alt syv mål" in a.answer
    assert all(f"Mål {n}" in a.answer for n in range(1, 8))


def test_an_enumeration_in_one_sentence_is_counted(settings):
    a = ask("Hvor mange fokusområder har udkastet?", settings=settings)
    assert a.answerable and "seks fokusområder" in a.answer and "børne- og ungdomsområdet" in a.answer


def test_people_and_durations_are_not_counted_lists(settings, retriever):
    for question in ("Hvor mange københavnere har etnisk minoritetsbaggrund?",
                     "Hvor mange uger varer et Jobdansk-forløb?",
                     "Hvor mange unge fik en uddannelse?"):
        assert counted_lists(question, "da", retriever.search(question, k=10), retriever, None) == []
    assert "100.826" in ask("Hvor mange københavnere har etnisk minoritetsbaggrund?", settings=settings).answer


def test_lists_compared_are_given_side_by_side_with_their_counts(settings):
    a = ask("Hvordan adskiller principperne i 2011-politikken sig fra principperne i udkastet?", settings=settings)
    assert "I politikken 2011-2014 – tre principper:" in a.answer
    assert "I udkastet til politikken 2023-2026 – fem principper:" in a.answer
    b = ask("Hvad er forskellen på synopsens temaer og den vedtagne politiks indsatsområder?", settings=settings)
    assert "fire temaer:" in b.answer and "fire indsatsområder:" in b.answer and "Den inddragende by" in b.answer
    # one goal compared is not the lists of goals
    c = ask("Hvordan er målet for beskæftigelsen ændret fra 2011 til udkastet for 2023-2026?", settings=settings)
    assert "syv mål:" not in c.answer


def test_a_count_in_a_later_version_brings_the_other_document(settings, retriever):
    for question in ("Synopsen taler om fem principper, men hvor mange principper endte politikken med?",
                     "Synopsen og den færdige politik har ikke lige mange principper – hvor mange har hver af dem?"):
        a = ask(question, settings=settings)
        assert "fem principper:" in a.answer and "tre principper:" in a.answer, question


def test_a_name_in_the_question_is_not_what_is_counted():
    for question in ("Hvor mange Bland dig i byen-tiltag er der?", "Hvor mange projekter har Bland dig i byen?"):
        assert "bland" not in asked_nouns(question, "da")[0]
