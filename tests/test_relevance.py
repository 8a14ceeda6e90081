"""The check of whether a question is about the documents at all, and the help for small talk."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from assistant.answer import HELP, OFF_TOPIC, answer_question
from assistant.relevance import FEATURES, fit_relevance, load_relevance_model, relevance, topic_direction
from assistant.silence import support


def test_fit_separates_the_classes_and_its_threshold_refuses_at_most_the_share_asked_for():
    rng = np.random.default_rng(0)
    positives = rng.normal(1.0, 0.5, size=(400, 2))
    negatives = rng.normal(-1.0, 0.5, size=(40, 2))
    model = fit_relevance(positives, negatives, false_refusals=0.01)
    assert (model.score(positives) < model.threshold).sum() <= 4
    assert (model.score(negatives) < model.threshold).mean() > 0.9
    assert model.weights[0] > 0 and model.weights[1] > 0  # both features point the same way


def test_the_fitted_model_matches_the_features_and_the_default_embedder(retriever):
    model = load_relevance_model()
    assert model is not None and len(model.weights) == len(FEATURES) + 1 and len(model.mean) == len(FEATURES)
    assert model.embedder == retriever.embedder.id and model.direction.shape == (retriever.index.manifest["dimension"],)


def test_the_topic_direction_points_from_the_off_topic_mean_to_the_answerable_mean():
    answerable = np.array([[1.0, 0.1, 0.0], [0.9, -0.1, 0.0]])
    off_topic = np.array([[0.0, 0.0, 1.0], [0.1, 0.0, 0.9]])
    direction = topic_direction(answerable, off_topic)
    assert answerable @ direction @ np.ones(2) > 0 > off_topic @ direction @ np.ones(2)


def test_a_model_fitted_for_another_embedder_is_not_applied(retriever, monkeypatch):
    import assistant.relevance as module

    other = replace(load_relevance_model(), embedder="sentence-transformers:another-model")
    monkeypatch.setattr(module, "load_relevance_model", lambda: other)
    question = "Hvordan fjerner jeg kalk fra min elkedel?"
    passages = retriever.search(question, k=10)
    assert relevance(question, passages, retriever, support(question, passages, retriever).dense) is None


@pytest.mark.parametrize("question", [
    "Jeg har mistet mit sundhedskort. Hvordan bestiller jeg et nyt?",
    "Hvilken slags benzin skal jeg tanke i min bil?",
    "Skal jeg søge byggetilladelse for at bygge en carport på 40 m² ved mit rækkehus?",
    "Hvordan fjerner jeg kalk fra min elkedel?",
    "Hvornår åbner svømmehallen på Nørrebro?",
    "Hvad siger politikken om parkering?",  # names the policy, asks about something it never mentions
])
def test_a_question_about_something_else_is_refused_as_off_topic(retriever, question):
    answer = answer_question(question, retriever)
    assert not answer.answerable and answer.answer == OFF_TOPIC and not answer.citations
    assert answer.passages  # the nearest passages are still offered (måske relevant)


def test_a_price_of_something_else_is_refused_for_the_amount_it_asks(retriever):
    answer = answer_question("Hvad koster en liter benzin i Danmark lige nu?", retriever)
    assert not answer.answerable and "ingen beløb" in answer.answer and not answer.citations


@pytest.mark.parametrize("question", [
    "Hvad er en efterkommer?",
    "Hvor mange folk med rødder i andre lande bor i byen?",  # no word of the text: the closeness carries it
    "Hvem skal tage initiativet?",
    "What does the draft say about language skills?",
    "En kollega skriver 'efterkommer' i et notat – hvem tæller egentlig som det?",
])
def test_a_question_about_the_documents_passes(retriever, question):
    answer = answer_question(question, retriever)
    passages = retriever.search(question, k=10)
    fit = relevance(question, passages, retriever, support(question, passages, retriever).dense)
    assert answer.answer != OFF_TOPIC and fit is not None and not fit.off_topic


@pytest.mark.parametrize("question", [
    "Hvordan er de to politikker bygget op? Sammenlign opbygningen af 2011-2014-politikken med udkastet for 2023-2026.",
    "Hvad er sagsnummeret på punktet om synopsen for integrationspolitikken 2011-2014?",
])
def test_a_question_naming_two_of_the_policies_is_about_the_documents(retriever, question):
    passages = retriever.search(question, k=10)
    assert relevance(question, passages, retriever, support(question, passages, retriever).dense) is None
    assert answer_question(question, retriever).answer != OFF_TOPIC


def test_years_alone_do_not_make_a_question_about_the_policies(retriever):
    question = "Hvad var inflationen i 2012 sammenlignet med 2024?"
    passages = retriever.search(question, k=10)
    assert relevance(question, passages, retriever, support(question, passages, retriever).dense) is not None


@pytest.mark.parametrize("message", ["Hej!", "Hej! Hvordan har du det i dag?", "Hvad kan du hjælpe mig med?",
                                     "Tak for hjælpen", "What can you do?"])
def test_small_talk_gets_what_the_assistant_is_for(retriever, message):
    answer = answer_question(message, retriever)
    assert answer.question_type == "help" and answer.answer == HELP and not answer.answerable
    assert not answer.citations and not answer.passages


@pytest.mark.parametrize("request_text", ["Oversæt 'Tak for et godt samarbejde i årets løb' til tysk.",
                                          "Kan du oversætte princip 1 til engelsk?",
                                          "Translate the three principles into English, please."])
def test_a_translation_request_is_declined_not_answered_from_the_documents(retriever, request_text):
    answer = answer_question(request_text, retriever)
    assert not answer.answerable and "oversætter ikke" in answer.answer
    assert not answer.citations and not answer.passages


def test_a_question_about_translation_is_not_a_translation_request(retriever):
    answer = answer_question("Hvad siger udkastet om oversættelse og tolkning for nyankomne?", retriever)
    assert "oversætter ikke" not in answer.answer
