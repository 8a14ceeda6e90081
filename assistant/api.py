"""The Python API: one shared, lazily loaded assistant per settings (index, model, retriever)."""

from __future__ import annotations

import threading

from .config import Settings, load_settings
from .index import LoadedIndex, load_index
from .retrieve import Retriever
from .types import Answer, Filters, Passage

_cache: dict[Settings, Retriever] = {}
_lock = threading.Lock()


def get_retriever(settings: Settings | None = None, progress=None) -> Retriever:
    """The loaded index and retriever for these settings (built on first use if needed)."""
    settings = settings or load_settings()
    with _lock:
        if settings not in _cache:
            _cache[settings] = Retriever(load_index(settings, progress=progress), settings)
        return _cache[settings]


def reload(settings: Settings | None = None) -> Retriever:
    """Forget the loaded index (after a rebuild) and load it again."""
    settings = settings or load_settings()
    with _lock:
        _cache.pop(settings, None)
    return get_retriever(settings)


def retrieve(question: str, k: int = 10, filters: Filters | dict | None = None,
             settings: Settings | None = None) -> list[Passage]:
    """The k best passages for a question (hybrid dense + BM25), optionally filtered."""
    if isinstance(filters, dict) or filters is None:
        filters = Filters.from_dict(filters)
    return get_retriever(settings).search(question, k=k, filters=filters)


def loaded_index(settings: Settings | None = None) -> LoadedIndex:
    return get_retriever(settings).index


def ask(question: str, filters: Filters | dict | None = None, settings: Settings | None = None,
        id=None) -> Answer:
    """An extractive answer with numbered citations (see ``assistant.answer``)."""
    from dataclasses import replace

    from .answer import answer_question

    settings = settings or load_settings()
    if isinstance(filters, dict) or filters is None:
        filters = Filters.from_dict(filters)
    answer = answer_question(question, get_retriever(settings), filters, settings.max_question_chars)
    return replace(answer, id=id) if id is not None else answer
