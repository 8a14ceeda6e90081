"""The records that flow through the pipeline.

Every span that a reader may check carries ``source_file``, ``start`` and ``end``: character
offsets into the original file text, so that ``original_text[start:end]`` is exactly what was cited.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

STATUS_LABELS = {"draft": "UDKAST", "adopted": "VEDTAGET", "case": "SAGSFREMSTILLING"}


@dataclass(frozen=True)
class DocumentMeta:
    """What corpus/metadata.yaml says about one source file (or the defaults for a new file)."""

    id: str
    source_file: str
    title: str
    kind: str = "other"
    period: str = "ukendt"
    date: str = ""
    status: str = "draft"
    issuer: str = "Københavns Kommune"
    duplicate_of: str | None = None
    described: bool = True  # False when the file had no metadata entry

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status.upper())

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else "u.å."


@dataclass(frozen=True)
class Page:
    """One page of a document: its number (1-based) and character range in the original text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """An ingested source file: original text exactly as stored, and its pages (PDF only)."""

    meta: DocumentMeta
    text: str
    pages: tuple[Page, ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id

    def page_at(self, offset: int) -> int | None:
        """The page number holding an original-text offset, or None for text files."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return self.pages[-1].number if self.pages and offset >= self.pages[-1].end else None


@dataclass(frozen=True)
class Section:
    """A unit of a document's structure: heading, numbered unit, list item or paragraph block.

    ``start``/``end`` are offsets into the cleaned text; ``path`` is the titles from the root.
    """

    id: str
    doc_id: str
    kind: str  # heading | principle | goal | area | theme | pejlemaerke | letter_item | list | definition | paragraph
    title: str
    level: int
    start: int
    end: int
    path: tuple[str, ...]
    label: str = ""  # "Mål 2", "A", "3" … for numbered units


@dataclass(frozen=True)
class Chunk:
    """A retrievable unit: cleaned text plus the exact original span it came from."""

    id: str
    doc_id: str
    source_file: str
    start: int  # original-text offsets
    end: int
    clean_start: int
    clean_end: int
    text: str  # cleaned text
    section_path: tuple[str, ...]
    section_kind: str
    page: int | None = None
    placeholder: bool = False
    duplicate_of: str | None = None  # chunk id of the first copy, for near-duplicate passages

    @property
    def section(self) -> str:
        return " › ".join(self.section_path)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["section_path"] = list(self.section_path)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Chunk":
        values = dict(data)
        values["section_path"] = tuple(values["section_path"])
        return cls(**values)


@dataclass(frozen=True)
class Passage:
    """A chunk ranked for a question, with the ranks it had in each retriever."""

    chunk: Chunk
    score: float
    rank: int
    dense_rank: int | None = None
    sparse_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "rank": self.rank,
            "chunk_id": c.id,
            "document_id": c.doc_id,
            "source_file": c.source_file,
            "start": c.start,
            "end": c.end,
            "score": round(float(self.score), 6),
            "section": c.section,
            "page": c.page,
            "text": c.text,
        }


@dataclass(frozen=True)
class Citation:
    """One numbered source of an answer: the cleaned quote and the exact original span."""

    n: int
    document_id: str
    source_file: str
    title: str
    period: str
    status: str
    section: str
    page: int | None
    quote: str
    original: str
    start: int
    end: int
    chunk_id: str = ""
    year: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def reference(self) -> str:
        """A full reference in Danish, e.g. for excerpts exported by communications staff."""
        parts = [f"Københavns Kommune ({self.year}): {self.title}"]
        if self.section:
            parts.append(f"afsnit {self.section}")
        if self.page:
            parts.append(f"s. {self.page}")
        parts.append(f"tegn {self.start}-{self.end} i {self.source_file}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Answer:
    """What ``assistant.ask`` returns; ``to_dict`` is the documented JSON result."""

    question: str
    language: str
    answerable: bool
    answer: str
    citations: tuple[Citation, ...] = ()
    passages: tuple[Passage, ...] = ()
    question_type: str = "general"
    notices: tuple[str, ...] = ()
    id: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "language": self.language,
            "answerable": self.answerable,
            "question_type": self.question_type,
            "answer": self.answer,
            "notices": list(self.notices),
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
        }


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some periods, kinds, statuses or documents (None = no restriction)."""

    periods: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    documents: tuple[str, ...] | None = None
    include_drafts: bool = True

    def admits(self, meta: DocumentMeta) -> bool:
        if self.periods and meta.period not in self.periods:
            return False
        if self.kinds and meta.kind not in self.kinds:
            return False
        if self.statuses and meta.status not in self.statuses:
            return False
        if self.documents and meta.id not in self.documents and meta.source_file not in self.documents:
            return False
        if not self.include_drafts and meta.status == "draft":
            return False
        return True

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Filters":
        if not data:
            return cls()
        def tup(key: str) -> tuple[str, ...] | None:
            value = data.get(key)
            if value is None:
                return None
            return (value,) if isinstance(value, str) else tuple(value)
        return cls(periods=tup("periods") or tup("period"), kinds=tup("kinds") or tup("kind"),
                   statuses=tup("statuses") or tup("status"),
                   documents=tup("documents") or tup("document"),
                   include_drafts=bool(data.get("include_drafts", True)))


__all__ = ["DocumentMeta", "Page", "Document", "Section", "Chunk", "Passage", "Citation",
           "Answer", "Filters", "STATUS_LABELS"]


@dataclass(frozen=True)
class SourceRef:
    """An exact span of an original file that a curated fact (goal, definition) rests on."""

    document: str
    quote: str
    start: int
    end: int

    @classmethod
    def from_dict(cls, raw: dict) -> "SourceRef":
        """From a curated YAML entry: ``{document, quote, start, end}``."""
        return cls(str(raw["document"]), str(raw["quote"]), int(raw["start"]), int(raw["end"]))


@dataclass(frozen=True)
class Measurement:
    date: str  # ISO date
    value: float
    unit: str
    note: str = ""
    source: SourceRef | None = None
    source_text: str = ""  # free-text source of an imported figure
    registered_by: str = ""
    registered_at: str = ""


@dataclass(frozen=True)
class Goal:
    """One goal-like unit of a policy, as in corpus/goals.yaml (schema documented there and in README)."""

    id: str
    policy: str
    period: str
    kind: str
    area: str
    title: str
    statement: str
    statement_source: SourceRef
    indicator: str | None = None
    direction: str | None = None  # increase | decrease | at_most | at_least | reach
    target_value: float | None = None
    target_unit: str | None = None
    target_text: str | None = None
    deadline: str | None = None
    deadline_source: SourceRef | None = None  # the text that sets the deadline, when it states one
    baseline: Measurement | None = None
    measurements: tuple[Measurement, ...] = ()
    committee: str | None = None
    placeholder: bool = False
    stated_status: str | None = None
    stated_text: str | None = None
    stated_source: SourceRef | None = None
    parent: str | None = None


@dataclass(frozen=True)
class GoalStatus:
    status: str  # nået | på vej | ikke nået | ikke målt | ikke fastsat | afventer udvalg
    reason: str
    latest: Measurement | None = None
