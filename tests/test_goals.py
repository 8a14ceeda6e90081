"""Goal data: coverage, verified sources, status rules, CSV import, chat integration."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from assistant.errors import GoalDataError
from assistant.goals import MEASUREMENTS_FILE, goal_rows, goal_status, import_measurements, load_goals, verify_sources
from assistant.types import Goal, Measurement, SourceRef

from .conftest import CORPUS


@pytest.fixture()
def goal_corpus(tmp_settings):
    for p in CORPUS.iterdir():
        if p.is_file():
            shutil.copy(p, tmp_settings.corpus_dir)
    return tmp_settings.corpus_dir


def _rows(corpus_dir):
    return {r["id"]: r for r in goal_rows(load_goals(corpus_dir))}


def test_goal_list_covers_the_policies(settings):
    rows = _rows(settings.corpus_dir)
    assert rows["p2011-overall"]["deadline"] == "2015-12-31"
    for n in range(1, 8):
        assert f"p2011-maal-{n}" in rows
    assert rows["p2011-maal-2"]["target"]["text"] == "højst 5,8 procent"
    assert rows["p2011-maal-2"]["target"]["value"] == 5.8
    for n in range(1, 5):
        assert rows[f"syn2011-tema-{n}"]["status"] == "ikke fastsat"
    for n in range(1, 6):
        assert rows[f"p2023-pejlemaerke-{n}"]["kind"] == "pejlemaerke"
    for n in range(2, 7):
        assert rows[f"p2023-omraade-{n}"]["status"] == "afventer udvalg"
    assert rows["p2023-omraade-1"]["status"] != "afventer udvalg"


def test_workforce_goal_is_reached_with_the_2023_sentence(settings):
    row = _rows(settings.corpus_dir)["p2011-maal-3"]
    assert row["status"] == "nået"
    src = row["status_source"]
    assert src["document_id"] == "integrations-medborgerskabspolitik-2023-2026"
    text = (settings.corpus_dir / "004_4f75662896d2a60c.txt").read_text(encoding="utf-8")
    assert text[src["start"]:src["end"]] == src["quote"] and "ndet et mal" in src["quote"]


def test_every_quote_is_verified_and_a_broken_one_fails_clearly(goal_corpus):
    verify_sources(load_goals(goal_corpus), goal_corpus)
    path = goal_corpus / "goals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: 7288", "start: 7289", 1), encoding="utf-8")
    with pytest.raises(GoalDataError, match="p2011-overall.*passer ikke længere"):
        verify_sources(load_goals(goal_corpus), goal_corpus)


def test_a_deadline_the_text_states_is_quoted_and_verified(goal_corpus):
    goal = next(g for g in load_goals(goal_corpus) if g.id == "p2011-maal-2")
    assert goal.deadline == "2014-12-31" and goal.deadline_source.quote.endswith("udgangen af 2014.")
    path = goal_corpus / "goals.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("start: 8867", "start: 8866", 1), encoding="utf-8")
    with pytest.raises(GoalDataError, match="p2011-maal-1 \\(frist\\).*passer ikke længere"):
        verify_sources(load_goals(goal_corpus), goal_corpus)


def _goal(**kw):
    ref = SourceRef("d", "q", 0, 1)
    base = dict(id="g", policy="p", period="2011-2014", kind="maal", area="a", title="t", statement="s",
                statement_source=ref)
    return Goal(**{**base, **kw})


def test_status_rules():
    today = date(2026, 1, 1)
    m = lambda d, v, u="procent": Measurement(d, v, u)  # noqa: E731
    at_most = dict(direction="at_most", target_value=5.8, target_unit="procent", deadline="2014-12-31")
    assert goal_status(_goal(**at_most), today).status == "ikke målt"
    assert goal_status(_goal(**at_most, measurements=(m("2013-06-30", 5.1),)), today).status == "nået"
    assert goal_status(_goal(**at_most, measurements=(m("2013-06-30", 7.0),)), today).status == "ikke nået"
    assert goal_status(_goal(**{**at_most, "deadline": "2030-12-31"},
                             measurements=(m("2025-06-30", 7.0),)), today).status == "på vej"
    rising = dict(direction="increase")
    assert goal_status(_goal(**rising, measurements=(m("2016", 50), m("2021", 60))), today).status == "på vej"
    assert goal_status(_goal(**rising, measurements=(m("2016", 60), m("2021", 50))), today).status == "ikke nået"
    assert goal_status(_goal(placeholder=True), today).status == "ikke fastsat"
    assert goal_status(_goal(placeholder=True, committee="SOF"), today).status == "afventer udvalg"
    assert goal_status(_goal(stated_status="nået", stated_text="x"), today).status == "nået"


HEADER = "goal_id,date,value,unit,source,registered_by,registered_at\n"


def test_good_import_changes_status_and_keeps_history(goal_corpus):
    assert _rows(goal_corpus)["p2011-maal-2"]["status"] == "ikke målt"
    n = import_measurements(goal_corpus, HEADER + "p2011-maal-2,2013-12-31,\"5,1\",procent,Integrationsbarometer 2013,"
                                                  "ABC,2014-02-01\n")
    assert n == 1
    row = _rows(goal_corpus)["p2011-maal-2"]
    assert row["status"] == "nået" and row["latest"]["value"] == 5.1
    assert row["latest"]["registered_by"] == "ABC"
    import_measurements(goal_corpus, HEADER + "p2011-maal-2,2014-12-31,7.2,procent,Barometer 2014,ABC,2015-02-01\n")
    row = _rows(goal_corpus)["p2011-maal-2"]
    assert row["status"] == "ikke nået" and len(row["measurements"]) == 2  # appended, not replaced


@pytest.mark.parametrize("line, message", [
    ("p2099-ukendt,2013-12-31,5,procent,x,y,z", "ukendt mål-id"),
    ("p2011-maal-2,2013-12-31,fem,procent,x,y,z", "ikke et tal"),
    ("p2011-maal-2,31-12-2013,5,procent,x,y,z", "ikke en gyldig dato"),
    ("p2011-maal-2,2013-02-30,5,procent,x,y,z", "ikke en gyldig dato"),
    ("p2011-maal-2,2013-12-31,5,personer,x,y,z", "enheden 'personer' passer ikke"),
    ("p2011-maal-2,2013-12-31,5,procent,x,y,z\np2011-maal-2,2013-12-31,5,procent,x,y,z", "dublet"),
])
def test_bad_rows_are_rejected_and_nothing_changes(goal_corpus, line, message):
    import_measurements(goal_corpus, HEADER + "p2011-maal-6,2012-06-30,40,procent,start,ABC,2012-07-01\n")
    before = (goal_corpus / MEASUREMENTS_FILE).read_bytes()
    good = "p2011-maal-7,2012-06-30,20,procent,x,y,z\n"
    with pytest.raises(GoalDataError, match=message) as info:
        import_measurements(goal_corpus, HEADER + good + line + "\n")
    assert all(p.startswith("Række ") for p in info.value.problems)
    assert (goal_corpus / MEASUREMENTS_FILE).read_bytes() == before


def test_status_question_is_answered_from_goal_data(retriever):
    from assistant.answer import answer_question

    answer = answer_question("Hvordan går det med målet om kommunens medarbejdersammensætning?", retriever)
    assert answer.question_type == "goal_status" and "Status: nået" in answer.answer
    for c in answer.citations:
        assert retriever.index.documents[c.document_id].text[c.start:c.end] == c.original
    # "status" without a goal named is no goal's status
    other = answer_question("Hvordan vurderede man status for integrationen i København i 2010 sammenlignet "
                            "med udkastet fra 2022?", retriever)
    assert other.question_type != "goal_status"


def test_a_status_question_naming_years_matches_only_goals_of_that_period(retriever):
    """'… frem til udgangen af 2010, og blev de nået?' is no status question about the 2023-2026
    draft's principle A ('udgangspunkt i viden og data' shares two words with it)."""
    from assistant.curated_answers import match_goal
    from assistant.goals import load_goals_cached

    goals = load_goals_cached(retriever.settings.corpus_dir)
    question = "Hvilke konkrete måltal havde den integrationspolitik, der gjaldt frem til udgangen af 2010, og blev de nået?"
    goal = match_goal(question, goals, retriever.lexicon)
    assert goal is None or goal.period == "2011-2014"
    assert match_goal("Hvordan går det med målet om overledighed i 2013?", goals, retriever.lexicon).period == "2011-2014"
    # the years only choose the period: "2011-2014" shares two terms with every goal of that period
    assert match_goal("Which index was to be used to measure whether Copenhagen reached the overall goal of the "
                      "2011-2014 policy?", goals, retriever.lexicon) is None
