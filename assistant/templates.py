"""Which sections of a document are still templates: "Hvilke afsnit i udkastet er ikke udfyldt endnu?",
"Hvem skal udfylde de tomme afsnit?". Every template span of the documents asked about, with the
section it stands in; and the goals of a document whose goals are all templates ("Hvad er målene i
synopsen?"). Pure functions of the question and the index."""

from __future__ import annotations

import re

from .compare import named_documents
from .index import StoredDocument
from .picks import Pick, chunk_at
from .question import COMPARISON_RE
from .retrieve import Retriever
from .sparse import stopwords, tokenize
from .types import Filters

# A question about the unfinished parts of a document, not about what one section holds.
TEMPLATES_ASKED = re.compile(
    r"\b(?:(?:ikke|endnu ikke)\s+(?:er\s+|blevet\s+)?(?:skrevet|udfyldt|færdig\w*|fyldt ud)|tomme|skabelon\w*|"
    r"mangler\s+(?:at blive\s+|endnu\s+)?(?:skrevet|udfyldt)|unfinished|empty|placeholders?|templates?|"
    r"not (?:yet )?(?:written|filled(?: in)?|finished)|(?:still )?(?:needs?|remains?|are|is) (?:still )?to be "
    r"(?:filled(?: in)?|written))\b", re.IGNORECASE)
ASKS_WHICH_OR_WHO = re.compile(r"\b(?:hvilke\w*|hvem|hvad|which|who|what)\b", re.IGNORECASE)
# … about the sections of a document, or who is to write them.
SECTIONS_ASKED = re.compile(r"\b(?:afsnit\w*|dele|delene|kapitl\w*|\w*områder(?:ne)?|udfylde|sections?|parts?|"
                            r"chapters?|areas?|fill in)\b",
                            re.IGNORECASE)


def unfinished_sections(question: str, retriever: Retriever, filters: Filters | None) -> list[tuple[str, Pick]]:
    """(section, template) of every template in the documents the question names (all documents when it
    names none), in reading order; empty unless the question asks which parts are unfinished."""
    if not (TEMPLATES_ASKED.search(question) and ASKS_WHICH_OR_WHO.search(question) and SECTIONS_ASKED.search(question)):
        return []
    named = named_documents(question, retriever)
    if len(named) > 1 or COMPARISON_RE.search(question):
        return []  # "synopsen havde kun en skabelon – hvad blev det i politikken?" compares two documents
    found = []
    for doc in retriever.index.documents.values():
        if doc.duplicate_of or (named and doc.meta.id not in named) or not (filters or Filters()).admits(doc.meta):
            continue
        found += _templates_of(doc, retriever)
    return found


def _templates_of(doc: StoredDocument, retriever: Retriever, goals_only: bool = False) -> list[tuple[str, Pick]]:
    """(section, template) of a document's templates, in reading order (``goals_only``: those that
    are to state a goal: "[Her indsættes konkrete mål …]", not "[… initiativer … for at nå målene]")."""
    found = []
    for a, b in doc.placeholders:
        chunk = chunk_at(retriever, doc.meta.id, a)
        if chunk is not None and (not goals_only or GOAL_WORD.search(" ".join(doc.cleaned[a:b].split()[:5]))):
            found.append((" › ".join(chunk.section_path) or "—", Pick(doc.meta.id, a, b, chunk, 1.0)))
    return found


# The goals asked for; "målet med synopsen" is its purpose.
GOALS_ASKED = re.compile(r"\b(?:mål|målene|målet(?! med\b)|målsætning\w*|goals?|targets?|objectives?)\b", re.IGNORECASE)
GOAL_WORD = re.compile(r"\b(?:mål|målsætning)\w*", re.IGNORECASE)


def unset_goals(question: str, retriever: Retriever, filters: Filters | None) -> list[tuple[str, Pick]]:
    """(section, template) of every goal template of the one document the question asks the goals of,
    when that document states no goal of its own: its goals are not set yet."""
    if not GOALS_ASKED.search(question) or COMPARISON_RE.search(question):
        return []
    named = named_documents(question, retriever)
    if len(named) != 1:
        return []
    doc = retriever.index.documents[named[0]]
    if any(s.kind == "goal" for s in doc.sections) or not (filters or Filters()).admits(doc.meta):
        return []
    found = _templates_of(doc, retriever, goals_only=True)
    # "… for tema 3 'En blandet by'", "den overordnede målsætning": the templates the question names, by
    # the words (and labels: "tema 2") that set their sections and texts apart, not "mål", which most share
    marks = [_marks(f"{section} {doc.cleaned[pick.start:pick.end]}", retriever) for section, pick in found]
    shared = {w for w in set().union(*marks) if sum(w in m for m in marks) > len(marks) / 2}
    asked = _marks(question, retriever)
    overlap = [len(asked & (mark - shared)) for mark in marks]
    return [item for item, n in zip(found, overlap) if n == max(overlap)] if max(overlap, default=0) else found


def _marks(text: str, retriever: Retriever) -> set[str]:
    """A text's content words (their first letters: "overordnede" is "overordnet") and its labels with
    their number ("tema 2")."""
    labels = {" ".join(m.groups()).lower() for m in re.finditer(r"\b([^\W\d_]+)\s+(\d+)\b", text)}
    return {t[:MARK_LETTERS] for t in tokenize(text, retriever.lexicon) if t not in stopwords()} | labels


MARK_LETTERS = 6
