"""Responsibilities on the real corpus: an actor's duty list, and whose duty a task is."""

from assistant import ask
from assistant.duties import duty_lists, duty_picks
from assistant.question import question_type


def _quotes(picks, retriever):
    return [" ".join(retriever.index.documents[p.doc_id].cleaned[p.start:p.end].split()) for p in picks]


def test_the_duty_lists_are_found_with_their_actors(retriever):
    actors = [a for _doc, a, _items in duty_lists(retriever, None, [])]
    assert {"kommune"} in actors and {"københavner"} in actors and {"erhvervsliv", "uddannelsesinstitution"} in actors


def test_an_actor_named_in_other_words_gets_its_whole_list(retriever):
    quotes = _quotes(duty_picks("Hvad skal den enkelte borger selv gøre?", retriever), retriever)
    assert quotes[0] == "Det er københavnernes ansvar" and len(quotes) == 6  # the five duties, not the next list's
    assert _quotes(duty_picks("Hvad er virksomhedernes ansvar?", retriever), retriever)[0] == \
        "Det er erhvervslivets og uddannelsesinstitutionernes ansvar"


def test_a_list_under_a_heading_broken_over_two_lines_is_its_own_actors(retriever):
    quotes = _quotes(duty_picks("Hvad skal foreningerne bidrage med ifølge politikken 2011-2014?", retriever), retriever)
    assert quotes == ["Det er foreningernes, organisationernes og lokalsamfundets ansvar",
                      "• at bidrage til løsningen af byens integrationsudfordringer gennem samarbejde og partnerskaber."]
    expected = _quotes(duty_picks("Hvad forventer kommunen af virksomhederne i Bland dig i byen?", retriever), retriever)
    assert expected[0] == "Det er erhvervslivets og uddannelsesinstitutionernes ansvar"  # theirs, not the municipality's


def test_an_english_question_names_the_actor_in_english(retriever):
    assert _quotes(duty_picks("What are the citizens expected to do according to the 2011-2014 policy?", retriever),
                   retriever)[0] == "Det er københavnernes ansvar"
    assert _quotes(duty_picks("What is expected of businesses?", retriever), retriever)[0] == \
        "Det er erhvervslivets og uddannelsesinstitutionernes ansvar"


def test_an_english_question_about_an_actors_role_gets_its_duties(retriever):
    for question, heading in (("What role do businesses play in the 2011 policy?",
                               "Det er erhvervslivets og uddannelsesinstitutionernes ansvar"),
                              ("What is the role of the citizens?", "Det er københavnernes ansvar")):
        assert question_type(question) == "responsibility"
        assert _quotes(duty_picks(question, retriever), retriever)[0] == heading


def test_whose_duty_a_task_is_gives_the_items_naming_it_under_their_actors(settings, retriever):
    a = ask("Hvis opgave er det at lære dansk – borgerens eller kommunens?", settings=settings)
    assert a.answerable and a.question_type == "responsibility"
    assert "Det er kommunens ansvar" in a.answer and "danskundervisning" in a.answer
    assert "Det er københavnernes ansvar" in a.answer and "at lære det danske sprog" in a.answer
    assert "erhvervslivets" not in a.answer  # not an actor the question names


def test_a_question_about_something_else_is_not_answered_with_a_duty_list(retriever):
    for question in ("Hvornår overtager kommunen ansvaret for integrationen af fordrevne ukrainere?",
                     "Hvad siger princip E om borgernes eget ansvar for integrationen?",
                     "Hvem skulle rådgive udvalget om, hvorvidt handleplanerne var gode nok til at nå målene?",
                     "Hvem har ansvaret for integrationen?"):
        assert duty_picks(question, retriever) == [], question
