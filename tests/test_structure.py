"""Structure and chunking on the real corpus, plus the chunk offset property."""

from __future__ import annotations

from hypothesis import given, settings as hsettings, strategies as st

from assistant.chunk import chunk_document
from assistant.clean import clean_text
from assistant.config import load_settings
from assistant.lexicon import load_lexicon
from assistant.structure import parse_structure
from assistant.types import Document, DocumentMeta


def _units(corpus, doc_id):
    d = corpus.by_id(doc_id)
    return d, [s for s in d.sections if s.kind != "definition"]


def _statement(d, section) -> str:
    return " ".join(d.cleaned.text[section.start:section.end].split())


def test_2011_policy_principles_areas_and_goals(corpus):
    d, units = _units(corpus, "integrationspolitik-2011-2014")
    principles = [s for s in units if s.kind == "principle"]
    assert [s.label for s in principles] == ["Princip 1", "Princip 2", "Princip 3"]
    assert "MANGFOLDIGHED ER EN RESSOURCE" in _statement(d, principles[0])
    areas = [s for s in units if s.kind == "area"]
    assert [s.label for s in areas] == [f"Indsats {n}" for n in range(1, 5)]
    goals = {s.label: s for s in units if s.kind == "goal"}
    assert sorted(goals) == [f"Mål {n}" for n in range(1, 8)]
    assert "5,8 procent" in _statement(d, goals["Mål 2"])
    assert "diskrimination" in _statement(d, goals["Mål 7"])
    # a title runs on over its line break, and over a blank line after "for de"
    assert areas[1].title == "Indsats 2 Mangfoldighed og ligebehandling i arbejdslivet"
    assert goals["Mål 1"].title == "Mål 1 De faglige resultater skal forbedres for de 25 procent svageste tosprogede elever"
    assert principles[0].title == "Princip 1 MANGFOLDIGHED ER EN RESSOURCE"  # the next line starts anew


def test_2023_draft_pejlemaerker_and_principles(corpus):
    d, units = _units(corpus, "integrations-medborgerskabspolitik-2023-2026")
    pejl = [s for s in units if s.kind == "numbered_item" and any("Pejlemærker" in p for p in s.path)]
    assert [s.label for s in pejl] == ["1", "2", "3", "4", "5"]
    assert "mestrer det danske sprog" in _statement(d, pejl[1])
    letters = [s for s in units if s.kind == "letter_item"]
    assert [s.label for s in letters] == ["A", "B", "C", "D", "E"]
    assert _statement(d, letters[3]).startswith("D) Er langsigtede")
    top = [s for s in units if s.kind == "heading" and s.level == 1]
    assert [s.label for s in top if s.label] == ["1", "2", "3", "4", "5", "6"]
    # after the last area's own subsections ("Situationen i København", …) come sections of their own
    assert [s.title for s in top if not s.label] == ["Tilblivelsen af integrations- og medborgerskabspolitikken",
                                                     "Statiske definitioner"]
    lists = [s for s in units if s.title == "Beskæftigelse:"]
    assert [s.path for s in lists] == [("Tilblivelsen af integrations- og medborgerskabspolitikken", "Beskæftigelse:")]
    sixth = [s for s in units if s.path[:1] == ("6. Børne- og ungdomsområdet",) and s.kind == "heading"]
    assert [s.title for s in sixth][:3] == ["6. Børne- og ungdomsområdet", "Situationen i København",
                                            "Det gør vi allerede"]
    assert not any("Tilblivelsen" in s.title or "Statiske" in s.title for s in sixth)


def test_lists_stay_whole_in_one_chunk(corpus):
    synopsis = corpus.by_id("synopsis-2011-2014")
    holders = [c for c in synopsis.chunks if "1. Vi behandler alle lige" in c.text]
    assert len(holders) == 1 and "5. Vi bidrager til byens vækst" in holders[0].text
    draft = corpus.by_id("integrations-medborgerskabspolitik-2023-2026")
    holders = [c for c in draft.chunks if "1) bidrage til" in c.text]
    assert len(holders) == 1 and "5) bidrage til, at alle børn" in holders[0].text


def test_chunks_point_at_the_original_text_and_have_stable_ids(corpus):
    for d in corpus.documents:
        for c in d.chunks:
            assert d.document.text[c.start:c.end] == d.cleaned.original_of(c.clean_start, c.clean_end)
            assert c.text == d.cleaned.text[c.clean_start:c.clean_end]
            assert c.id == f"{d.document.id}:{c.start}-{c.end}"
            assert c.source_file == d.document.meta.source_file


def test_placeholder_chunks_are_marked(corpus):
    synopsis = corpus.by_id("synopsis-2011-2014")
    marked = [c for c in synopsis.chunks if c.placeholder]
    assert marked and all("[Her indsættes" in c.text or "[her indsættes" in c.text for c in marked)


WORDS = st.sampled_from(["Kgbenhavn", "skal", "vare", "pa", "mal", "integration", "-", "PRINCIP 1.",
                         "Mål 2:", "A)", "1)", "•", "Billedfelt", "[Her indsættes mål]", "beskaf-\ntigelse",
                         "bl.a.", "og", "Der", "er", "fem", "principper", ".", "\n", "\n\n", "æøå"])


@hsettings(max_examples=40, deadline=None)
@given(st.lists(WORDS, max_size=120))
def test_every_chunk_maps_back_exactly(words):
    settings = load_settings({})
    text = " ".join(words)
    lexicon = load_lexicon(settings.lexicon_path)
    doc = Document(DocumentMeta(id="t", source_file="t.txt", title="t"), text)
    cleaned = clean_text(text, lexicon)
    sections = parse_structure("t", cleaned.text)
    for c in chunk_document(doc, cleaned, sections, max_chars=200, min_chars=40):
        assert text[c.start:c.end] == cleaned.original_of(c.clean_start, c.clean_end)
        assert c.text == cleaned.text[c.clean_start:c.clean_end]
        assert c.text.strip()


def test_a_short_line_ending_in_a_colon_is_chunked_with_what_it_introduces(corpus):
    policy = corpus.by_id("integrationspolitik-2011-2014")
    holder = next(c for c in policy.chunks if "DEN OVERORDNEDE" in c.text)
    assert "AT KØBENHAVN ER DEN BEDST" in holder.text and "Interculturel Cities Index" in holder.text


def test_a_line_after_a_hyphen_or_comma_is_not_a_heading(corpus):
    """"… Integrationspolitik 2011-" | (blank) | "2014 til godkendelse i Økonomiudvalget og derefter" is one row."""
    paper = corpus.by_id("indstilling-synopsis-2010")
    assert not any(s.title.startswith("2014 til godkendelse") for s in paper.sections)


def test_a_cover_title_is_not_chunked_with_the_first_section(corpus):
    """The draft's cover line names the whole policy; glued to the foreword it made the foreword
    match every question that names the policy."""
    draft = corpus.by_id("integrations-medborgerskabspolitik-2023-2026")
    first = next(c for c in draft.chunks if c.section_path == ("Forord",))
    assert first.text.startswith("Forord") and not any(c.text.startswith("Bilag 1. Udkast") for c in draft.chunks)


def test_a_line_after_a_word_that_cannot_end_a_sentence_is_not_a_heading(corpus):
    d, units = _units(corpus, "integrationspolitik-2011-2014")
    goal = next(s for s in units if s.label == "Mål 1")
    assert "25 procent svageste tosprogede elever" in _statement(d, goal)  # "… for de" | blank | "25 procent"
    assert not any(s.title.startswith("25 procent") for s in d.sections)


def test_a_heading_over_a_list_broken_over_two_lines_starts_its_own_list(corpus):
    """"Det er foreningernes, organisationernes og" | "lokalsamfundets ansvar" heads its own duty; it
    is not a sixth item of the citizens' list before it."""
    policy = corpus.by_id("integrationspolitik-2011-2014")
    heading = "Det er foreningernes, organisationernes og lokalsamfundets ansvar"
    assert any(s.kind == "heading" and s.title == heading for s in policy.sections)
    citizens = [s for s in policy.sections if s.kind == "bullet" and s.path[-2] == "Det er københavnernes ansvar"]
    assert len(citizens) == 5
    sections = parse_structure("t", "Indledning\n\nDet er to\nlinjers ansvar\n\n• at gøre noget\n• at gøre mere\n")
    assert [s.title for s in sections if s.kind == "heading"][-1] == "Det er to linjers ansvar"
    sentence = parse_structure("t", "Indledning\n\nDette er en sætning, der\nfortsætter her.\n\n• at gøre noget\n")
    assert not any(s.title.startswith("Dette er") for s in sentence if s.kind == "heading")
