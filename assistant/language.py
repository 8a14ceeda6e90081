"""Question language: langdetect (seeded, deterministic), corrected for short Danish questions.

langdetect calls many short Danish questions Norwegian, Swedish or even Catalan. Scandinavian
answers count as Danish; any other answer must be confirmed by the Danish lexicon (few Danish
words) before we leave Danish, the default.
"""

from __future__ import annotations

import re
import threading

from .lexicon import Lexicon

SCANDINAVIAN = {"da", "no", "nb", "nn", "sv"}
ENGLISH_HINTS = {"the", "what", "which", "who", "how", "is", "are", "does", "do", "of", "and", "for",
                 "policy", "goals", "goal", "city", "when", "why", "there", "this", "that", "with"}
SOME_ENGLISH = 0.15  # share of English hint words that lets langdetect's "en" stand
MOSTLY_DANISH = 0.6  # share of Danish words that keeps Danish unless English words are there too
FEW_DANISH = 0.4  # below it, another language that langdetect is sure of stands
ENGLISH_AROUND_DANISH_NAMES = 0.2  # share of English hint words that outweighs æ, ø and å
MOSTLY_ENGLISH = 0.5  # half the words English hints: English whatever langdetect says
_lock = threading.Lock()


def _langdetect(text: str) -> list[tuple[str, float]]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:  # langdetect's factory is global; seeding makes it deterministic
        DetectorFactory.seed = 0
        try:
            return [(r.lang, r.prob) for r in detect_langs(text)]
        except LangDetectException:
            return []


def detect_language(text: str, lexicon: Lexicon | None = None) -> str:
    """ISO code of the question's language; 'da' unless another language is clear."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return "da"
    english_share = sum(1 for w in words if w in ENGLISH_HINTS) / len(words)
    if re.search(r"[æøå]", text.lower()) and english_share < ENGLISH_AROUND_DANISH_NAMES:
        return "da"  # æ, ø, å: Danish, unless English words carry a Danish name ("the Københavnermodel")
    danish_share = sum(1 for w in words if lexicon.is_word(w)) / len(words) if lexicon else 0.0
    if english_share < SOME_ENGLISH and danish_share >= MOSTLY_DANISH:
        return "da"  # whatever langdetect said, the rules below would keep Danish: skip it (~4 ms)
    if english_share >= MOSTLY_ENGLISH and len(words) >= 3:
        return "en"  # "What does 'medborgerskab' mean?": langdetect reads the Danish term
    guesses = _langdetect(text)
    top = guesses[0][0] if guesses else "da"
    if top in SCANDINAVIAN:
        return "da"
    if top == "en" and (english_share >= SOME_ENGLISH or danish_share < MOSTLY_DANISH):
        return "en"
    if top != "en" and guesses and guesses[0][1] > 0.9 and danish_share < FEW_DANISH and len(words) >= 3:
        return top
    return "da"
