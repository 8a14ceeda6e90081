"""The Danish lexicon: which words exist (Debian's wdanish word list) and how common they are
(wordfreq). Used by the OCR repair and by language detection.

wordfreq's Danish list is small and itself contains OCR forms ("pa", "vaere"), so it decides
only between valid candidates; validity comes from the much larger word list.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import yaml

from .corpus import parse_yaml
from .errors import AssistantError, LexiconMissingError

# Productive compound tails that word lists leave out ("helbreds-mæssig").
BOUND_TAILS = {"mæssig", "mæssige", "mæssigt", "agtig", "agtige", "agtigt"}
LINKING = ("s", "e", "")  # Danish compound joints: integration-s-indsats, børn-e-have
MIN_PART = 3
UNRANKED_ZIPF = 2.5  # listed words that wordfreq's small Danish list does not rank
# Regular Danish inflection endings; the word list lacks many inflected forms ("særskilte").
DOUBLING = "bdfgklmnprsv"  # consonants that double after a short vowel (t: see _is_word_form)
INFLECTIONS = ("heden", "hed", "erne", "ene", "ede", "er", "es", "te", "ne", "en", "et", "s", "e", "t", "r")


class Lexicon:
    """A set of lower-case Danish word forms with compound analysis and frequencies."""

    def __init__(self, words: set[str], digest: str = ""):
        self.words = words
        self.digest = digest  # names the word list and vocabulary it was read from ("" = unnamed)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words

    def is_word(self, word: str) -> bool:
        """A listed word or a regular inflection of one (the list lacks many inflected forms)."""
        return _is_word_form(self, word.lower())

    def is_compound(self, word: str) -> bool:
        """True for a word made of lexicon words (each ≥ 3 letters), e.g. 'integrationsindsats'."""
        return _compound_parts(self, word.lower()) is not None

    def compound_parts(self, word: str) -> tuple[str, ...] | None:
        return _compound_parts(self, word.lower())

    def is_known(self, word: str) -> bool:
        """A real word or a compound of real words."""
        w = word.lower()
        return _is_word_form(self, w) or (len(w) >= 2 * MIN_PART and _compound_parts(self, w) is not None)

    def compound_score(self, word: str) -> float:
        """How plausible a compound reading is: the frequency of its rarest part, less a cost per part."""
        parts = _compound_parts(self, word.lower())
        if parts is None:
            return float("-inf")
        return min(max(zipf(p), UNRANKED_ZIPF) for p in parts) - 1.0 * (len(parts) - 2)

    def __hash__(self) -> int:  # identity hash so lru_cache can key on the instance
        return id(self)


@lru_cache(maxsize=400_000)
def _is_word_form(lexicon: Lexicon, word: str) -> bool:
    if word in lexicon.words:
        return True
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_PART:
            stem = word[: -len(suffix)]
            if stem in lexicon.words or stem + "e" in lexicon.words:
                return True
            # A short vowel doubles the final consonant before an ending: praktik → praktikker. Not
            # after t, where OCR's æ → e makes present tenses of participles ("ansetter" ← "anset").
            if suffix[0] in "ae" and len(stem) > MIN_PART and stem[-1] == stem[-2] and stem[-1] in DOUBLING \
                    and stem[:-1] in lexicon.words:
                return True
    return False


@lru_cache(maxsize=200_000)
def _compound_parts(lexicon: Lexicon, word: str) -> tuple[str, ...] | None:
    """Split a word into lexicon words (longest head first); None when it cannot be split."""
    if len(word) < 2 * MIN_PART:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in LINKING:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if len(stem) < MIN_PART or stem not in lexicon.words:
                continue
            if _is_word_form(lexicon, tail):
                return (stem, tail)
            rest = _compound_parts(lexicon, tail)
            if rest is not None:
                return (stem, *rest)
    return None


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Danish word (0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "da")


VOCABULARY_FILE = "vocabulary.yaml"  # in the corpus folder: the documents' own words (see README)


def read_vocabulary(path: Path) -> set[str]:
    """The lower-case words listed under ``words:`` in a vocabulary file; no file, no words."""
    if not Path(path).is_file():
        return set()
    try:
        data = parse_yaml(Path(path).read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise AssistantError(f"{Path(path).name} kan ikke læses: {exc}") from exc
    words = data.get("words") if isinstance(data, dict) else None
    return {str(w).strip().lower() for w in words or [] if str(w).strip()}


def corpus_lexicon(settings) -> Lexicon:
    """The Danish word list plus the corpus folder's own vocabulary (domain words such as
    'fleksjob' and 'taskforce' that the list lacks and the OCR repair must neither change nor miss)."""
    return _with_words(load_lexicon(settings.lexicon_path),
                       frozenset(read_vocabulary(settings.corpus_dir / VOCABULARY_FILE)))


@lru_cache(maxsize=4)
def _with_words(base: Lexicon, words: frozenset[str]) -> Lexicon:
    if not words - base.words:
        return base
    listed = "\n".join(sorted(words)).encode()
    return Lexicon(base.words | words, digest=hashlib.sha256(base.digest.encode() + listed).hexdigest())


@lru_cache(maxsize=4)
def load_lexicon(path: Path) -> Lexicon:
    """The word list at ``path`` (one word per line), loaded once per process."""
    if not Path(path).exists():
        raise LexiconMissingError(
            f"Den danske ordliste {path} mangler. Installér den med `apt-get install wdanish` "
            "eller peg ASSISTANT_LEXICON_PATH på en ordliste med ét dansk ord pr. linje.")
    words: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            w = line.strip()
            if w and not w.endswith("'s"):
                words.add(w.lower())
    words.update(BOUND_TAILS)
    stat = Path(path).stat()
    return Lexicon(words, digest=hashlib.sha256(f"{Path(path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
                                                .encode()).hexdigest())
