"""From the corpus folder to citable chunks: ingest → clean → structure → chunk → de-duplicate."""

from __future__ import annotations

from dataclasses import dataclass

from .chunk import chunk_document
from .clean import CleanResult, unknown_share
from .clean_cache import cached_clean
from .config import Settings
from .corpus import list_corpus
from .dedup import duplicate_documents, mark_duplicate_chunks
from .errors import DocumentError
from .ingest import ingest
from .lexicon import corpus_lexicon
from .structure import parse_structure
from .types import Chunk, Document, Section

PIPELINE_VERSION = "1"  # bump when cleaning, structure or chunking change what is indexed
STATUS_PRIORITY = {"adopted": 0, "draft": 1, "case": 2}


@dataclass(frozen=True)
class ProcessedDocument:
    """One document after the whole text pipeline."""

    document: Document
    cleaned: CleanResult
    sections: tuple[Section, ...]
    chunks: tuple[Chunk, ...]
    duplicate_of: str | None  # document id, when the whole document repeats another


@dataclass(frozen=True)
class ProcessedCorpus:
    documents: tuple[ProcessedDocument, ...]
    errors: tuple[DocumentError, ...]
    warnings: tuple[str, ...]

    @property
    def chunks(self) -> list[Chunk]:
        return [c for d in self.documents for c in d.chunks]

    def by_id(self, doc_id: str) -> ProcessedDocument | None:
        return next((d for d in self.documents if d.document.id == doc_id), None)

    def by_file(self, source_file: str) -> ProcessedDocument | None:
        return next((d for d in self.documents if d.document.meta.source_file == source_file), None)


def process_document(doc: Document, settings: Settings) -> tuple[CleanResult, list[Section], list[Chunk]]:
    cleaned = cached_clean(doc.text, corpus_lexicon(settings), settings.cache_dir)
    sections = parse_structure(doc.id, cleaned.text)
    chunks = chunk_document(doc, cleaned, sections, settings.chunk_max_chars, settings.chunk_min_chars)
    return cleaned, sections, chunks


def canonical_order(docs: list[Document]) -> list[Document]:
    """Documents in the order their passages are kept: not-declared-duplicates first, adopted
    texts before drafts before case papers, then by file name."""
    return sorted(docs, key=lambda d: (d.meta.duplicate_of is not None,
                                       STATUS_PRIORITY.get(d.meta.status, 3), d.meta.source_file))


def process_corpus(settings: Settings) -> ProcessedCorpus:
    listing = list_corpus(settings.corpus_dir)
    result = ingest(settings.corpus_dir, listing.metas)
    processed: dict[str, tuple[CleanResult, list[Section], list[Chunk]]] = {}
    for doc in result.documents:
        processed[doc.id] = process_document(doc, settings)
    ordered = canonical_order(list(result.documents))
    dup_docs = duplicate_documents({d.id: processed[d.id][0].text for d in ordered})
    all_chunks = mark_duplicate_chunks([c for d in ordered for c in processed[d.id][2]])
    chunks_by_doc: dict[str, list[Chunk]] = {}
    for c in all_chunks:
        chunks_by_doc.setdefault(c.doc_id, []).append(c)
    documents = tuple(
        ProcessedDocument(document=d, cleaned=processed[d.id][0], sections=tuple(processed[d.id][1]),
                          chunks=tuple(chunks_by_doc.get(d.id, [])),
                          duplicate_of=dup_docs.get(d.id) or d.meta.duplicate_of)
        for d in result.documents)
    return ProcessedCorpus(documents, result.errors, listing.warnings)


def ocr_statistics(doc: ProcessedDocument, settings: Settings) -> dict[str, float]:
    """Share of word tokens not in the Danish lexicon, before and after cleaning."""
    lexicon = corpus_lexicon(settings)
    return {"unknown_before": round(unknown_share(doc.document.text, lexicon), 4),
            "unknown_after": round(unknown_share(doc.cleaned.text, lexicon), 4),
            "changes": len(doc.cleaned.changes)}
