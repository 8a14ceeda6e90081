"""Questions answered from the curated goal data (corpus/goals.yaml) rather than from free text:
a goal's status, and which goals or flagship projects belong to a named area ("Hvilke mål hører til
indsatsområdet »Den inddragende by«?"). Every answer is cited from the goals' verified quotes."""

from __future__ import annotations

import re

from .goals import load_goals_cached
from .picks import Pick, chunk_at
from .retrieve import Retriever, topic_of
from .sentence_rank import GENERIC_TERMS
from .sparse import stopwords, tokenize
from .types import Goal, SourceRef

GOAL_STATUS_RE = re.compile(r"\b(hvordan går det|status|nået|opfyldt|hvor langt|går det godt|"
                            r"how is .* going|progress|achieved|reached)\b", re.IGNORECASE)
GOAL_MATCH_MIN = 2  # content terms a goal must share with the question
GOAL_WORDS = {"mål", "målet", "status", "går", "nået", "hvordan", "langt"}

# What a question may ask for under an area, by the goal kind that holds it.
CHILD_NOUNS = {"maal": {"mål", "målene", "goals", "goal", "targets"},
               "fyrtaarn": {"fyrtårnsprojekt", "fyrtårnsprojekter", "fyrtårnsprojektet", "fyrtårnsprojekterne",
                            "flagship"}}
AREA_KINDS = ("indsatsomraade", "tema", "fokusomraade")
AREA_WORDS = {"indsats", "indsatsområde", "indsatsområdet", "indsatsområder", "tema", "temaet", "område", "området",
              "area", "theme", "hører", "høre", "under", "belong", "belongs"}
ASKS_WHICH = re.compile(r"\b(hvilke[nt]?|hvad (?:er|var|hedder|hed) (?:de|det|målene|målet)|nævn|list\w*|"
                        r"which|what are|what were|name)\b", re.IGNORECASE)
AREA_NUMBER = re.compile(r"\b(?:indsats(?:område[t]?)?|tema(?:et)?|område[t]?|area|theme)\s+(?:nr\.?\s*)?(\d)\b",
                         re.IGNORECASE)


def _terms(text: str, lexicon) -> set[str]:
    return set(tokenize(text, lexicon)) - stopwords() - GENERIC_TERMS


def match_goal(question: str, goals, lexicon=None) -> Goal | None:
    """The goal a status question is about: most shared content terms with its title and statement."""
    terms = _terms(question, lexicon) - GOAL_WORDS
    best, best_n = None, 0
    for g in goals:
        if g.placeholder:
            continue
        words = set(tokenize(" ".join(filter(None, (g.title, g.statement, g.indicator, g.area))), lexicon))
        n = len(terms & words)
        if n > best_n:
            best, best_n = g, n
    return best if best_n >= GOAL_MATCH_MIN else None


def source_pick(ref: SourceRef, retriever: Retriever) -> Pick | None:
    """A goal's verified quote as a pick in the cleaned text of its document."""
    doc = retriever.index.documents.get(ref.document)
    if doc is None:
        return None
    a, b = doc.to_cleaned(ref.start, ref.end)
    chunk = chunk_at(retriever, doc.meta.id, a) or retriever.index.chunks[0]
    return Pick(doc.meta.id, a, b, chunk, 1.0)


def named_area(question: str, areas: list[Goal], lexicon) -> Goal | None:
    """The one area the question names: by its number ("indsats 4") or by at least two words of its
    title ("den inddragende by"), and more of them than any other area."""
    number = AREA_NUMBER.search(question)
    if number:
        label = re.compile(rf"^\W*(?:indsats|tema|område)\W+{number.group(1)}\b", re.IGNORECASE)
        hits = [a for a in areas if label.match(a.title)]
        return hits[0] if len(hits) == 1 else None
    words = _terms(topic_of(question), lexicon) - _terms(" ".join(AREA_WORDS), lexicon) - GOAL_WORDS
    for nouns in CHILD_NOUNS.values():
        words -= _terms(" ".join(nouns), lexicon)
    scored = sorted(((len(words & _terms(a.title, lexicon)), i) for i, a in enumerate(areas)), reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return areas[scored[0][1]]


def area_children_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The goals or flagship projects of the area a question names, introduced by the area itself;
    empty when the question does not ask which of them belong to one named area."""
    if not ASKS_WHICH.search(question):
        return []
    asked = set(re.findall(r"\w+", question.lower()))
    kinds = {kind for kind, nouns in CHILD_NOUNS.items() if asked & nouns}
    if not kinds:
        return []
    goals = [g for g in load_goals_cached(retriever.settings.corpus_dir) if g.policy in retriever.index.documents]
    children = [g for g in goals if g.kind in kinds and g.parent and not g.placeholder]
    parents = {g.parent for g in children}
    areas = [g for g in goals if g.kind in AREA_KINDS and g.id in parents]
    area = named_area(question, areas, retriever.lexicon)
    if area is None:
        return []
    picks = [source_pick(ref, retriever) for ref in
             [area.statement_source] + [g.statement_source for g in children if g.parent == area.id]]
    return sorted((p for p in picks if p is not None), key=lambda p: (p.doc_id, p.start))
