"""Which sections of a document are still templates: "Hvilke afsnit i udkastet er ikke udfyldt endnu?",
"Hvem skal udfylde de tomme afsnit?". Every template span of the documents asked about, with the
section it stands in. Pure functions of the question and the index."""

from __future__ import annotations

import re

from .compare import named_documents
from .picks import Pick, chunk_at
from .question import COMPARISON_RE
from .retrieve import Retriever
from .types import Filters

# A question about the unfinished parts of a document, not about what one section holds.
TEMPLATES_ASKED = re.compile(
    r"\b(?:(?:ikke|endnu ikke)\s+(?:er\s+|blevet\s+)?(?:skrevet|udfyldt|færdig\w*|fyldt ud)|tomme|skabelon\w*|"
    r"mangler\s+(?:at blive\s+|endnu\s+)?(?:skrevet|udfyldt)|unfinished|empty|placeholders?|templates?|"
    r"not (?:yet )?(?:written|filled(?: in)?|finished))\b", re.IGNORECASE)
ASKS_WHICH_OR_WHO = re.compile(r"\b(?:hvilke\w*|hvem|hvad|which|who|what)\b", re.IGNORECASE)
# … about the sections of a document, or who is to write them.
SECTIONS_ASKED = re.compile(r"\b(?:afsnit\w*|dele|delene|kapitl\w*|udfylde|sections?|parts?|chapters?|fill in)\b",
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
        for a, b in doc.placeholders:
            chunk = chunk_at(retriever, doc.meta.id, a)
            if chunk is not None:
                found.append((" › ".join(chunk.section_path) or "—", Pick(doc.meta.id, a, b, chunk, 1.0)))
    return found
