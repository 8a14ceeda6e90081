"""Politikassistent: cited answers to Danish questions about Københavns Kommune's integration policies.

Public API:

- ``ask(question, filters=None) -> Answer`` – an extractive answer with numbered citations;
- ``retrieve(question, k=10, filters=None) -> list[Passage]`` – hybrid dense + BM25 retrieval;
- ``get_retriever(settings)`` – the shared loaded index and retriever;
- ``process_corpus(settings)`` – ingest, clean, structure and chunk the corpus;
- ``build_index(settings)`` – (re)build the persisted index.
"""

from .api import ask, get_retriever, loaded_index, reload, retrieve
from .config import Settings, load_settings
from .index import build_index
from .pipeline import process_corpus
from .types import Answer, Citation, Filters, Passage

__all__ = ["ask", "retrieve", "get_retriever", "loaded_index", "reload", "build_index", "process_corpus",
           "Settings", "load_settings", "Answer", "Citation", "Filters", "Passage"]
