"""The persisted index: a folder with a manifest, built aside and swapped in atomically.

Layout of ``index/``::

    current -> builds/<id>        (a symlink, replaced atomically when a build finishes)
    builds/<id>/manifest.json     format version, embedder id/dim, corpus fingerprint, checksums
    builds/<id>/dense.faiss       chunk embeddings (inner product on normalised vectors)
    builds/<id>/chunks.jsonl      the chunk table, row i = FAISS id i
    builds/<id>/documents.jsonl   metadata, original and cleaned text, sections of each document
    builds/<id>/offsets.npz       the cleaned→original offset map of each document
    builds/<id>/sparse/           the BM25 index
    .build.lock                   serialises builds across processes

Load checks the manifest and every checksum; a stale or damaged index is rebuilt, never half-used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from .clean import display_text
from .config import Settings
from .corpus import METADATA_FILE, file_digest, list_corpus
from .embed import EmbeddingCache, embed_passages_cached, get_embedder
from .errors import IndexCorruptError, IndexMissingError
from .lexicon import VOCABULARY_FILE, corpus_lexicon
from .pipeline import PIPELINE_VERSION, ProcessedCorpus, process_corpus
from .sentences import split_sentences
from .sparse import SparseIndex, tokenize
from .types import Chunk, DocumentMeta, Page, Section

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
HUB_NEIGHBOURS = 10
FILES = ("dense.faiss", "chunks.jsonl", "documents.jsonl", "offsets.npz", "sentences.npz")


@dataclass
class StoredDocument:
    """What the index keeps of a document for answering and showing it."""

    meta: DocumentMeta
    text: str
    cleaned: str
    pages: tuple[Page, ...]
    sections: tuple[Section, ...]
    duplicate_of: str | None
    placeholders: tuple[tuple[int, int], ...]
    orig_start: np.ndarray = field(repr=False, default=None)
    orig_end: np.ndarray = field(repr=False, default=None)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = int(self.orig_start[start]) if start < len(self.orig_start) else len(self.text)
            return pos, pos
        return int(self.orig_start[start]), int(self.orig_end[end - 1])

    def to_cleaned(self, start: int, end: int) -> tuple[int, int]:
        """The cleaned span covering the original span [start, end)."""
        a = int(np.searchsorted(self.orig_start, start, side="left"))
        b = int(np.searchsorted(self.orig_end, end, side="right"))
        return a, max(a, b)

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None


@dataclass
class LoadedIndex:
    """Everything retrieval and answering need, loaded once."""

    folder: Path
    manifest: dict
    chunks: list[Chunk]
    documents: dict[str, StoredDocument]
    dense: object  # faiss.Index
    sparse: SparseIndex
    sentences: "SentenceTable" = None

    def meta(self, doc_id: str) -> DocumentMeta:
        return self.documents[doc_id].meta

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every lower-cased word and number in the documents (cleaned and original text)."""
        words: set[str] = set()
        for doc in self.documents.values():
            for text in (doc.cleaned, doc.text):
                words.update(w.lower() for w in re.findall(r"\w+", text))
        return frozenset(words)

    def sentences_of(self, chunk_row: int) -> list[tuple[int, int, int]]:
        """(clean start, clean end, vector row) of each sentence of a chunk."""
        return self.sentences.by_chunk.get(chunk_row, []) if self.sentences else []


@dataclass
class SentenceTable:
    """Every sentence of every indexed chunk with its embedding (for choosing answer sentences)."""

    rows: np.ndarray     # chunk row of each sentence
    starts: np.ndarray   # cleaned offsets
    ends: np.ndarray
    vectors: np.ndarray  # (n, dim), normalised

    def __post_init__(self) -> None:
        # Hubness: a generic sentence is close to every question. Its mean similarity to its nearest
        # neighbours is subtracted at query time (cross-domain similarity local scaling, CSLS).
        if len(self.vectors) > HUB_NEIGHBOURS:
            sims = self.vectors @ self.vectors.T
            np.fill_diagonal(sims, -1.0)
            self.hubness = np.sort(sims, axis=1)[:, -HUB_NEIGHBOURS:].mean(axis=1).astype(np.float32)
        else:
            self.hubness = np.zeros(len(self.vectors), dtype=np.float32)
        self.by_chunk: dict[int, list[tuple[int, int, int]]] = {}
        for i, (row, a, b) in enumerate(zip(self.rows.tolist(), self.starts.tolist(), self.ends.tolist())):
            self.by_chunk.setdefault(row, []).append((a, b, i))
        # Sentences are stored chunk by chunk: where each chunk's run starts, for per-chunk maxima.
        self.chunk_rows = np.unique(self.rows)
        self.run_starts = np.searchsorted(self.rows, self.chunk_rows)

    def best_per_chunk(self, q: np.ndarray) -> dict[int, float]:
        """{chunk row: its best sentence's hubness-corrected closeness to the query vector}."""
        if not len(self.vectors):
            return {}
        scores = self.vectors @ q - self.hubness
        best = np.maximum.reduceat(scores, self.run_starts)
        return dict(zip(self.chunk_rows.tolist(), best.tolist()))


def passage_text(chunk: Chunk) -> str:
    """What is embedded and BM25-indexed for a chunk: its section path, then its text."""
    head = " › ".join(chunk.section_path)
    body = display_text(chunk.text)
    return f"{head}\n{body}" if head else body


PIPELINE_MODULES = ("clean", "lexicon", "structure", "sentences", "chunk", "dedup", "pipeline", "sparse", "ingest")


def pipeline_digest() -> str:
    """Hash of the text pipeline's own code: an index built by other code is stale."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in PIPELINE_MODULES:
        h.update((here / f"{name}.py").read_bytes())
    return h.hexdigest()


def corpus_fingerprint(settings: Settings) -> str:
    """Hash of the source files, metadata, vocabulary, pipeline code and version, and chunking settings."""
    h = hashlib.sha256()
    h.update(pipeline_digest().encode())
    h.update(f"pipeline={PIPELINE_VERSION};format={FORMAT_VERSION};"
             f"chunk={settings.chunk_max_chars}/{settings.chunk_min_chars}".encode())
    listing = list_corpus(settings.corpus_dir)
    for meta in listing.metas:
        h.update(meta.source_file.encode())
        h.update(file_digest(settings.corpus_dir / meta.source_file).encode())
    for extra in (METADATA_FILE, VOCABULARY_FILE):
        if (settings.corpus_dir / extra).exists():
            h.update(f"{extra}={file_digest(settings.corpus_dir / extra)}".encode())
    return h.hexdigest()


def _sha256(path: Path) -> str:
    if path.is_dir():
        h = hashlib.sha256()
        for p in sorted(path.rglob("*")):
            if p.is_file():
                h.update(p.relative_to(path).as_posix().encode())
                h.update(file_digest(p).encode())
        return h.hexdigest()
    return file_digest(path)


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def choose_faiss_index(dim: int, n: int, exact_max: int):
    """Exact inner-product search up to ``exact_max`` vectors, HNSW above it."""
    import faiss

    if n <= exact_max:
        return faiss.IndexFlatIP(dim)
    index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 80
    index.hnsw.efSearch = 64
    return index


def _document_row(d) -> dict:
    cleaned = d.cleaned
    return {"meta": asdict(d.document.meta), "text": d.document.text, "cleaned": cleaned.text,
            "pages": [asdict(p) for p in d.document.pages],
            "sections": [{**asdict(s), "path": list(s.path)} for s in d.sections],
            "duplicate_of": d.duplicate_of, "placeholders": [list(p) for p in cleaned.placeholders]}


def build_index(settings: Settings, progress=None, corpus: ProcessedCorpus | None = None) -> Path:
    """Build the index for the current corpus and swap it in; returns the new build folder.

    ``progress(fraction, message)`` is called along the way. Builds are serialised by a file
    lock; an interrupted build leaves the previous index in place.
    """
    from filelock import FileLock

    root = settings.index_dir
    (root / "builds").mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / ".build.lock")):
        return _build_locked(settings, progress or (lambda f, m: None), corpus)


def _build_locked(settings: Settings, progress, corpus: ProcessedCorpus | None) -> Path:
    import faiss

    started = time.time()
    root = settings.index_dir
    progress(0.02, "Læser og renser dokumenterne …")
    fingerprint = corpus_fingerprint(settings)
    corpus = corpus or process_corpus(settings)
    verify_curated_data(settings)
    chunks = [c for c in corpus.chunks if not c.duplicate_of]
    lexicon = corpus_lexicon(settings)
    embedder = get_embedder(settings)
    cache = EmbeddingCache(settings.cache_dir / "embeddings.sqlite")
    texts = [passage_text(c) for c in chunks]
    sentence_spans = [(row, a, b) for row, c in enumerate(chunks) for a, b in split_sentences(c.text, c.clean_start)]
    sentence_texts = [" ".join(chunks[row].text[a - chunks[row].clean_start:b - chunks[row].clean_start].split())
                      for row, a, b in sentence_spans]
    progress(0.1, f"Beregner embeddings for {len(texts)} tekststykker og {len(sentence_texts)} sætninger …")
    all_vectors, fresh = embed_passages_cached(
        embedder, texts + sentence_texts, cache,
        progress=lambda done, total: progress(0.1 + 0.8 * done / max(total, 1),
                                              f"Embeddings: {done}/{total} nye tekster"))
    vectors, sentence_vectors = all_vectors[:len(texts)], all_vectors[len(texts):]
    dim = vectors.shape[1] if len(vectors) else getattr(embedder, "dim", 0)
    progress(0.92, "Bygger FAISS- og BM25-indeks …")
    build_id = time.strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:8]}"
    tmp = root / "builds" / f".tmp-{build_id}"
    tmp.mkdir(parents=True)
    try:
        dense = choose_faiss_index(dim, len(chunks), settings.exact_index_max)
        if len(vectors):
            dense.add(vectors)
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        _write_jsonl(tmp / "chunks.jsonl", (c.to_dict() for c in chunks))
        np.savez(tmp / "sentences.npz", rows=np.asarray([r for r, _, _ in sentence_spans], dtype=np.int32),
                 starts=np.asarray([a for _, a, _ in sentence_spans], dtype=np.int32),
                 ends=np.asarray([b for _, _, b in sentence_spans], dtype=np.int32),
                 vectors=np.asarray(sentence_vectors, dtype=np.float32).reshape(len(sentence_spans), -1))
        _write_jsonl(tmp / "documents.jsonl", (_document_row(d) for d in corpus.documents))
        np.savez(tmp / "offsets.npz", **{
            f"{d.document.id}__start": np.asarray(d.cleaned.orig_start, dtype=np.int32) for d in corpus.documents
        }, **{f"{d.document.id}__end": np.asarray(d.cleaned.orig_end, dtype=np.int32) for d in corpus.documents})
        sparse = SparseIndex.build([tokenize(t, lexicon) for t in texts])
        sparse.save(tmp / "sparse")
        manifest = {
            "format_version": FORMAT_VERSION, "pipeline_version": PIPELINE_VERSION,
            "embedder": embedder.id, "dimension": int(dim), "corpus_fingerprint": fingerprint,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "build_seconds": round(time.time() - started, 2),
            "documents": len(corpus.documents), "chunks": len(chunks), "newly_embedded": fresh,
            "faiss_type": type(dense).__name__,
            "errors": [str(e) for e in corpus.errors], "warnings": list(corpus.warnings),
            "checksums": {name: _sha256(tmp / name) for name in (*FILES, "sparse")},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        final = root / "builds" / build_id
        os.rename(tmp, final)
        _point_current_at(root, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_builds(root, keep=final)
    progress(1.0, f"Indekset er bygget ({len(chunks)} tekststykker, {fresh} nye embeddings).")
    return final


def verify_curated_data(settings: Settings) -> None:
    """Every quote in goals.yaml and definitions.yaml must still match its original file."""
    from .definitions import definition_sources, load_definitions
    from .goals import load_goals, verify_sources

    verify_sources(load_goals(settings.corpus_dir), settings.corpus_dir,
                   definition_sources(load_definitions(settings.corpus_dir)))


def _point_current_at(root: Path, target: Path) -> None:
    link = root / "current"
    tmp_link = root / f".current-{os.getpid()}-{threading.get_ident()}"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(target, root), tmp_link)
    os.replace(tmp_link, link)  # atomic: readers see the old or the new build, never neither


def _remove_old_builds(root: Path, keep: Path) -> None:
    for old in (root / "builds").iterdir():
        if old.resolve() != keep.resolve() and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)


def current_folder(settings: Settings) -> Path | None:
    link = settings.index_dir / "current"
    return link.resolve() if link.exists() else None


def verify(folder: Path) -> dict:
    """The manifest of a build folder after checking every checksum; raises IndexCorruptError."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"Indeksets manifest mangler eller er beskadiget ({exc}).") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexCorruptError("Indekset har et forældet format.")
    for name, digest in manifest.get("checksums", {}).items():
        path = folder / name
        if not path.exists() or _sha256(path) != digest:
            raise IndexCorruptError(f"Indeksfilen {name} er beskadiget (kontrolsummen passer ikke).")
    return manifest


def stale_reason(settings: Settings) -> str | None:
    """Why the current index cannot be used as it is (Danish: "mangler", "er forældet …",
    "er beskadiget: …"), or None when it matches the corpus, the code and the embedder."""
    folder = current_folder(settings)
    if folder is None:
        return "mangler"
    try:
        manifest = verify(folder)
    except IndexCorruptError as exc:
        return f"er beskadiget: {exc}"
    if manifest["corpus_fingerprint"] != corpus_fingerprint(settings):
        return "er forældet (korpusset er ændret)"
    if manifest["embedder"] != get_embedder(settings).id:
        return "er bygget med en anden embedding-model"
    return None


def load_index(settings: Settings, rebuild: bool = True, progress=None) -> LoadedIndex:
    """Load the current index; build or rebuild it when missing, stale or damaged."""
    reason = stale_reason(settings)
    if reason:
        if not rebuild:
            raise IndexMissingError(f"Indekset {reason}. Kør `python -m assistant build`.")
        log.warning("Indekset %s – bygger det igen.", reason)
        build_index(settings, progress)
    return _read(current_folder(settings))


def _read(folder: Path) -> LoadedIndex:
    import faiss

    manifest = verify(folder)
    chunks = [Chunk.from_dict(row) for row in _read_jsonl(folder / "chunks.jsonl")]
    offsets = np.load(folder / "offsets.npz")
    documents: dict[str, StoredDocument] = {}
    for row in _read_jsonl(folder / "documents.jsonl"):
        meta = DocumentMeta(**row["meta"])
        documents[meta.id] = StoredDocument(
            meta=meta, text=row["text"], cleaned=row["cleaned"],
            pages=tuple(Page(**p) for p in row["pages"]),
            sections=tuple(Section(**{**s, "path": tuple(s["path"])}) for s in row["sections"]),
            duplicate_of=row["duplicate_of"], placeholders=tuple(tuple(p) for p in row["placeholders"]),
            orig_start=offsets[f"{meta.id}__start"], orig_end=offsets[f"{meta.id}__end"])
    dense = faiss.read_index(str(folder / "dense.faiss"))
    if dense.ntotal != len(chunks):
        raise IndexCorruptError("FAISS-indekset og tekststykketabellen passer ikke sammen.")
    with np.load(folder / "sentences.npz") as data:
        sentences = SentenceTable(data["rows"], data["starts"], data["ends"], data["vectors"])
    return LoadedIndex(folder, manifest, chunks, documents, dense, SparseIndex.load(folder / "sparse"), sentences)
