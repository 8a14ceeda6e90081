"""Politikassistent: cited answers to Danish questions about Københavns Kommune's integration policies.

The public API (see README.md):

- ``process_corpus(settings)`` – ingest, clean, structure and chunk the corpus.
"""

from .config import Settings, load_settings
from .pipeline import process_corpus

__all__ = ["Settings", "load_settings", "process_corpus"]
