"""Attachments the documents list only by title ("Bilag" | "1. Synopsis for …" | "3. De 4 integrationstyper og
eksempler …"): the attachments themselves are not in the corpus, so a question about one is not answered
from its title."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .index import StoredDocument
from .question import topic_of
from .retrieve import Retriever, title_mentions
from .sparse import tokenize

MIN_STEM = 5  # the shortest word stem that can name an attachment

ATTACHMENT_LIST = re.compile(r"^[ \t]*(?:bilag|bilagsliste|annex(?:es)?|attachments?|appendix)[ \t]*:?[ \t]*\n"
                             r"((?:[ \t]*\d{1,2}[.:)][ \t]+\S.*(?:\n|$))+)", re.IGNORECASE | re.MULTILINE)
ATTACHMENTS_ASKED = re.compile(r"\b(?:hvilke|hvad (?:er|var) (?:de|bilagene)|which|what are the)\s+(?:\w+\s+)?"
                               r"(?:bilag\w*|annex\w*|attachments?|appendi\w*)", re.IGNORECASE)


def attachment_only(question: str, retriever: Retriever) -> str | None:
    """The title of the attachment a question asks about when a word it asks with occurs in the documents
    only in attachment titles ("Hvad er de fire integrationstyper?": only "De 4 integrationstyper og
    eksempler på integrationsindsatser" in the case paper's lists of attachments), or None; asking which
    attachments there are is answered from the list."""
    if ATTACHMENTS_ASKED.search(question):
        return None
    titles, elsewhere = retriever.attachment_titles
    asked = {t for t in tokenize(topic_of(question)) if len(t) >= MIN_STEM and not t.isdigit()} - ASKING_NOUNS
    for title in titles:
        if asked & set(tokenize(title)) - elsewhere and not in_the_corpus(title, retriever):
            return title
    return None


ASKING_NOUNS = set(tokenize("eksempel eksempler eksemplerne oversigt oversigten beskrivelse liste listen"))


def in_the_corpus(title: str, retriever: Retriever) -> bool:
    """Whether an attachment is one of the indexed documents: its title holds a part of one of theirs
    ("Skabelon for Københavns Integrationspolitik 2011-2014" is the synopsis)."""
    return bool(title_mentions(title, retriever.title_phrases))


def listed_attachments(documents: Iterable[StoredDocument]) -> tuple[list[str], set[str]]:
    """(the title of each item of the documents' attachment lists, the terms of the documents outside them)."""
    titles: list[str] = []
    outside: set[str] = set()
    for doc in documents:
        rest, last = [], 0
        for m in ATTACHMENT_LIST.finditer(doc.cleaned):
            titles += [" ".join(re.sub(r"^\s*\d{1,2}[.:)]\s*", "", line).split())
                       for line in m.group(1).splitlines() if line.strip()]
            rest.append(doc.cleaned[last:m.start(1)])
            last = m.end(1)
        rest.append(doc.cleaned[last:])
        outside |= set(tokenize(" ".join(rest)))
    return titles, outside
