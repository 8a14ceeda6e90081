"""Danish BM25 (bm25s) with Snowball stemming, Danish stop words and compound splitting.

A long compound ("integrationsindsatsen") is indexed as itself and as its parts
("integration", "indsats"), so a question that names a part still finds it. Tokens are also
OCR-folded (æ/ø/å and their usual OCR stand-ins collapse), so variants the cleaner left behind
still match.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from .lexicon import Lexicon

TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+")
MIN_COMPOUND = 9  # only words at least this long are split


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("danish")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_DANISH

    return frozenset(STOPWORDS_DANISH) | {"hvad", "hvilke", "hvilken", "hvordan", "hvorfor", "hvem",
                                          "hvornår", "hvor", "kommunen", "københavns", "kommune"}


NOMINAL = re.compile(r"(?<=\w{3})ering$")  # "finansiering" → "finansi", as "finansiere", "finansieres"
GREEK_SIS = re.compile(r"(?<=\w{2}s)is$")  # "synopsis" → "synops", as "synopsen"


def _stem_word(word: str) -> str:
    """Snowball's Danish stem, with a verb's "-ering" noun on the verb's stem (the stemmer leaves
    "evaluering" whole but makes "evaluere" and "evalueres" "evalu"), and a "-sis" noun on the stem
    of its inflected forms ("synopsis", "synopsen")."""
    return GREEK_SIS.sub("", NOMINAL.sub("", _stemmer().stemWord(word)))


def tokenize(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Stemmed Danish terms of a text, with compound parts added."""
    stem = _stem_word
    stop = stopwords()
    out: list[str] = []
    for raw in TOKEN_RE.findall(text.lower()):
        if raw in stop or (len(raw) < 2 and not raw.isdigit()):
            continue
        out.append(stem(raw))
        if lexicon is not None and len(raw) >= MIN_COMPOUND and raw.isalpha():
            parts = lexicon.compound_parts(raw)
            if parts and len(parts) <= 3:
                out.extend(stem(p) for p in parts if p not in stop and len(p) >= 3)
    return out


@lru_cache(maxsize=8192)
def term_set(text: str, lexicon: Lexicon | None = None) -> frozenset[str]:
    """The set of a text's tokens, remembered: passages and sentences recur from question to question."""
    return frozenset(tokenize(text, lexicon))


class SparseIndex:
    """BM25 over token lists; ``search`` returns (row, score) pairs, best first."""

    def __init__(self, model, n_docs: int):
        self.model = model
        self.n_docs = n_docs

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> "SparseIndex":
        import bm25s

        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index([t or ["∅"] for t in token_lists], show_progress=False)
        return cls(model, len(token_lists))

    def search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        if not tokens or self.n_docs == 0:
            return []
        vocab = self.model.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known:
            return []
        scores = self.model.get_scores(known)  # one query: scoring directly skips retrieve's thread pool
        top = np.argsort(-scores, kind="stable")[:min(k, self.n_docs)]
        return [(int(r), float(scores[r])) for r in top if scores[r] > 0]

    def save(self, folder: Path) -> None:
        self.model.save(str(folder))
        (folder / "sparse.json").write_text(json.dumps({"n_docs": self.n_docs}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "SparseIndex":
        import bm25s

        meta = json.loads((folder / "sparse.json").read_text(encoding="utf-8"))
        model = bm25s.BM25.load(str(folder))
        return cls(model, int(meta["n_docs"]))

