"""Evaluation and benchmark of Politikassistent, using only the public API."""
