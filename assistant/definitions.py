"""Terms the corpus defines (corpus/definitions.yaml), searchable, each with its exact source span."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import GoalDataError
from .types import SourceRef

DEFINITIONS_FILE = "definitions.yaml"


@dataclass(frozen=True)
class Definition:
    id: str
    term: str
    aliases: tuple[str, ...]
    period: str
    document: str
    text: str
    sources: tuple[SourceRef, ...]  # the first span, then any continuation spans


def load_definitions(corpus_dir: Path) -> list[Definition]:
    path = corpus_dir / DEFINITIONS_FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out = []
        for d in data.get("definitions") or []:
            spans = [d["source"], *(d.get("further_sources") or [])]
            out.append(Definition(
                id=str(d["id"]), term=str(d["term"]), aliases=tuple(d.get("aliases") or ()),
                period=str(d.get("period") or ""), document=str(d["document"]), text=str(d["text"]),
                sources=tuple(SourceRef.from_dict(s) for s in spans)))
        return out
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GoalDataError([f"{DEFINITIONS_FILE} kan ikke læses: {exc}"]) from exc


def search_definitions(definitions: list[Definition], query: str) -> list[Definition]:
    """Definitions whose term, aliases or text contain the query (case-insensitive); all for ''."""
    q = " ".join(query.lower().split())
    if not q:
        return list(definitions)
    def rank(d: Definition) -> int:
        names = [d.term.lower(), *(a.lower() for a in d.aliases)]
        if q in names:
            return 0
        if any(q in n for n in names):
            return 1
        return 2 if q in d.text.lower() else 3
    return sorted((d for d in definitions if rank(d) < 3), key=lambda d: (rank(d), d.term))


def definition_sources(definitions: list[Definition]) -> list[tuple[str, SourceRef]]:
    """(label, span) of every definition source, for verification with the goals."""
    return [(f"definition {d.id}", ref) for d in definitions for ref in d.sources]
