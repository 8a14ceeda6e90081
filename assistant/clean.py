"""Danish OCR repair with an offset map back to the original text.

The scanned documents were read by an English OCR model: ø became g/e/@/o, æ became e/a/z/ae,
å became a/4/d/é, ``i`` became ``1``; words are hyphenated across lines; picture frames left
"Billedfelt" and symbol debris. ``clean_text`` repairs this:

1. debris lines are dropped and OCR bullet letters become "•";
2. words hyphenated across a line break are joined;
3. every word that is not Danish gets candidates from the confusion table (up to two
   substitutions); the best valid one wins — fewer substitutions first, real words before
   compounds, then the more frequent word;
4. valid words that are typical OCR forms of a more common word (pa/på, vare/være, mal/mål,
   nar/når, arlig/årlig …) are replaced unless their context says otherwise;
5. a long word still unknown becomes the one word the same document spells right elsewhere that
   is an edit or two away ("fyrtdrnsprojeke" → "fyrtårnsprojekt").

The result keeps, for every cleaned character, the original range it came from, so any span of
cleaned text maps back to exact original offsets. Clean documents come through practically unchanged.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, zipf

WORD_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ@&®]+")
HYPHEN_JOIN_RE = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ@&®]{2,})-[ \t]*\n(?:[ \t]*\n)?[ \t]*([a-zà-öø-ÿ@&®][A-Za-zÀ-ÖØ-öø-ÿ@&®]*)")
# A template placeholder: "[Her indsættes …]"; an unclosed one ends with a line ending in ")" or at a blank line.
PLACEHOLDER_RE = re.compile(r"\[\s*(?:her indsættes|udfyldes af)(?:[^\]\n]|\n(?!\s*\n))*?"
                            r"(?:\]|\)[ \t]*(?=\n)|(?=\n\s*\n)|$)", re.IGNORECASE)
# A slash the scan read for æ or ø inside a word ("MALS/ATNING"); "race/hudfarve" stays two words.
SLASH_JOIN_RE = re.compile(r"(?<![\w/])([A-Za-zÀ-ÖØ-öø-ÿ]{2,})/([A-Za-zÀ-ÖØ-öø-ÿ]{2,})(?![\w/])")
NOT_JOINED_AFTER_HYPHEN = {"og", "eller", "samt", "til", "som", "men", "i", "at"}

# OCR confusions: what the scan shows -> what the letter really was (lower case).
SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("g", "ø"), ("e", "ø"), ("@", "ø"), ("s", "ø"), ("o", "ø"), ("0", "ø"), ("&", "ø"), ("eg", "ø"),
    ("@g", "ø"), ("a", "ø"),
    ("e", "æ"), ("a", "æ"), ("z", "æ"), ("®", "æ"), ("&", "æ"), ("a&", "æ"), ("az", "æ"), ("ae", "æ"),
    ("ee", "æ"), ("ea", "æ"), ("aee", "æ"), ("ax", "æ"), ("ez", "æ"), ("u", "æ"),
    ("a", "å"), ("4", "å"), ("d", "å"), ("é", "å"), ("i", "å"), ("&", "å"), ("a&", "å"), ("3a", "å"),
    ("ad", "å"), ("ada", "å"), ("d&", "å"),
    ("2", "æ"), ("2", "å"), ("3", "å"),
    ("c", "e"), ("1", "i"), ("1", ""), ("7", "i"), ("i1", "i"), ("ij", "j"), ("jj", "j"), ("wv", "v"), ("0", "o"),
    ("at", "af"),
    ("/a", "æ"), ("/", "æ"), ("/", "ø"),
)
TARGET_LETTERS = set("æøå")

# Valid Danish words that in these scans are nearly always an OCR form of another word. The
# replacement is made unless a neighbouring word shows the literal reading is meant.
AMBIGUOUS: dict[str, tuple[str, frozenset[str], frozenset[str]]] = {
    # ocr form: (intended word, previous words that keep it, next words that keep it)
    "pa": ("på", frozenset(), frozenset()),
    "vare": ("være", frozenset({"en", "den", "denne", "hver", "ny", "nye", "vores", "sin", "din",
                                "min", "enhver", "samme"}), frozenset()),
    "mal": ("mål", frozenset(), frozenset()),
    "nar": ("når", frozenset({"en", "den", "som"}), frozenset()),
    "arlig": ("årlig", frozenset(), frozenset()),
    "arlige": ("årlige", frozenset(), frozenset()),
    "far": ("får", frozenset({"sin", "min", "din", "hans", "hendes", "deres", "og", "vores", "jeres"}),
            frozenset({"og", "mor"})),
    "fa": ("få", frozenset(), frozenset()),
    "ma": ("må", frozenset(), frozenset()),
    "ar": ("år", frozenset(), frozenset()),
    "sa": ("så", frozenset(), frozenset()),
    "mode": ("møde", frozenset({"på", "af", "med"}), frozenset()),
    "bade": ("både", frozenset(), frozenset()),
    "malet": ("målet", frozenset({"er", "blev", "var", "har", "være"}), frozenset()),
    "nd": ("nå", frozenset(), frozenset()),
}
# A label before its number that lost its å ("Ml 5: Trygheden skal stige"); elsewhere "ml" is a unit.
NUMBERED_LABELS = {"ml": "mål"}
# An abbreviation that, in lower case before a lower-case word, is a word that lost its å:
# "som nr hele vejen rundt" is "når"; "nr. 4" and "NR 4" stay.
LOST_LETTER_WORDS = {"nr": "når"}
NOISY_SHARE = 0.05  # documents with at least this share of unknown words get the full repair
FREQUENCY_MARGIN = 1.5   # a valid word is replaced when a one-letter variant is this much more common (Zipf)
COMPOUND_MARGIN = 1.0    # a repaired compound must read this much better (rarest part, Zipf)
SUBSTITUTION_COST = 0.75  # what each substitution costs a repaired compound's score (Zipf)


@dataclass(frozen=True)
class Change:
    """One repair: the original span, what it read, and what it became."""

    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class CleanResult:
    """Cleaned text with an offset map: cleaned char i came from original[orig_start[i]:orig_end[i]]."""

    original: str
    text: str
    orig_start: tuple[int, ...]
    orig_end: tuple[int, ...]
    changes: tuple[Change, ...]
    placeholders: tuple[tuple[int, int], ...]  # cleaned-text spans of template placeholders

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the cleaned span [start, end)."""
        if end <= start:
            pos = self.orig_start[start] if start < len(self.orig_start) else len(self.original)
            return pos, pos
        return self.orig_start[start], self.orig_end[end - 1]

    def original_of(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def match_case(template: str, word: str) -> str:
    """Give ``word`` the case pattern of ``template`` (UPPER, Capitalised or lower)."""
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if template[:1].isupper() and not template.startswith("Jj"):
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=100_000)
def _variants(word: str, max_subs: int) -> tuple[tuple[str, int], ...]:
    """All strings reachable from ``word`` with up to ``max_subs`` non-overlapping substitutions."""
    sites: list[tuple[int, int, str]] = []
    for src, dst in SUBSTITUTIONS:
        start = word.find(src)
        while start != -1:
            sites.append((start, start + len(src), dst))
            start = word.find(src, start + 1)
    out: dict[str, int] = {}
    for n in range(1, max_subs + 1):
        for combo in itertools.combinations(sorted(sites), n):
            if any(combo[i][1] > combo[i + 1][0] for i in range(len(combo) - 1)):
                continue
            pieces, pos = [], 0
            for a, b, dst in combo:
                pieces.append(word[pos:a])
                pieces.append(dst)
                pos = b
            pieces.append(word[pos:])
            cand = "".join(pieces)
            if cand not in out:
                out[cand] = n
    return tuple(out.items())


def best_candidate(lexicon: Lexicon, word: str, max_subs: int = 2,
                   words_only: bool = False) -> str | None:
    """The most plausible Danish word for an OCR token, or None.

    Real words before compounds; among real words fewer substitutions, then frequency; among
    compounds the most natural split (rarest part's frequency) less a cost per substitution.
    """
    lower = word.lower()
    scored = []
    for cand, n in _variants(lower, max_subs):
        if not cand.isalpha():
            continue
        if lexicon.is_word(cand):
            scored.append((0, n, -zipf(cand), cand))
        elif not words_only and lexicon.is_compound(cand):
            # Compounds compete on how natural their parts are, each substitution a cost.
            scored.append((1, 0, -(lexicon.compound_score(cand) - SUBSTITUTION_COST * n), cand))
    if not scored:
        return None
    scored.sort()
    return scored[0][3]


def frequent_variant(lexicon: Lexicon, word: str) -> str | None:
    """A one-substitution variant with æ/ø/å that is far more common than a valid word."""
    lower = word.lower()
    base = zipf(lower)
    best, best_z = None, base + FREQUENCY_MARGIN
    for cand, n in _variants(lower, 1):
        if not (set(cand) & TARGET_LETTERS) or not lexicon.is_word(cand):
            continue
        z = zipf(cand)
        if z >= best_z and z >= 4.0:
            best, best_z = cand, z
    return best


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def is_debris_line(line: str) -> bool:
    """Layout leftovers: picture frames ('Billedfelt') and lines of stray symbols and letters."""
    s = line.strip()
    if not s:
        return False
    if s.lower() == "billedfelt":
        return True
    words = re.findall(r"[^\W\d_]+", s)
    if any(len(w) >= 3 for w in words):
        return False
    if re.fullmatch(r"\(?\d{1,3}[.)]?|[A-Za-z][.)]|[-•*–]", s):
        return False
    return bool(re.search(r"[£|@()®{}]", s)) or len(words) >= 2


def _structural_edits(text: str) -> list[Change]:
    """Debris lines, OCR bullets and line-break hyphenation (before word repair)."""
    edits: list[Change] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if is_debris_line(body):
            lead = len(body) - len(body.lstrip())
            edits.append(Change(pos + lead, pos + len(body.rstrip()), body.strip(), "", "debris"))
        else:
            m = re.match(r"([ \t]*)([e+«]|o(?=[ \t]+[^\W\d_]{2}))[ \t]+(?=\S)", body)  # "o" before a word
            if m:
                a = pos + m.start(2)
                edits.append(Change(a, a + 1, m.group(2), "•", "bullet"))
            edits.extend(Change(pos + c.start(1), pos + c.end(1), c.group(1), "I", "ocr-i")
                         for c in CAPS_I.finditer(body) if _all_caps(body))
            edits.extend(Change(pos + c.start(), pos + c.start() + 1, "1", "I ", "ocr-i")
                         for c in I_BEFORE_YEAR.finditer(body))
        pos += len(line)
    return edits


# In an all-caps heading a lone "|" or "1" between words is the word I: "STORBY | EUROPA 1 2015".
CAPS_I = re.compile(r"(?:(?<=[A-ZÆØÅ]{2} )|^)([|1])(?= (?:[A-ZÆØÅ]{2}|(?:19|20)\d\d\b))")
# A sentence opening "I 2020 vil …" read as one number: "12020 vil en ud af fire …".
I_BEFORE_YEAR = re.compile(r"(?:^|(?<=[.!?] ))1(?=(?:19|20)\d\d [a-zæøå])")
LABEL_BEFORE_NUMBER = re.compile(r"\b(?:NR|TEMA|PRINCIP|MÅL|MAL|INDSATS|KAPITEL|AFSNIT|SIDE|PUNKT)\.? 1 ")


def _all_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 6 and all(ch.isupper() for ch in letters) and not LABEL_BEFORE_NUMBER.search(line)


def _hyphen_joins(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, joined word) for words split by a hyphen at a line end."""
    joins = []
    for m in HYPHEN_JOIN_RE.finditer(text):
        head, tail = m.group(1), m.group(2)
        if tail.lower() in NOT_JOINED_AFTER_HYPHEN:
            continue
        joins.append((m.start(), m.end(), head + tail))
    return joins


def _slash_joins(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, word) for "head/tail" that is one word with a misread æ or ø: a part is no word,
    and the whole, with the slash as a letter, is."""
    joins = []
    for m in SLASH_JOIN_RE.finditer(text):
        if lexicon.is_known(m.group(1).lower()) and lexicon.is_known(m.group(2).lower()):
            continue
        if best_candidate(lexicon, m.group(0), words_only=True):
            joins.append((m.start(), m.end(), m.group(0)))
    return joins


def _repair_word(lexicon: Lexicon, word: str, prev: str, nxt: str,
                 noisy: bool = True) -> tuple[str, str] | None:
    """(replacement, reason) for one word token, or None to keep it.

    In a clean document (``noisy`` False) only unknown lower-case words are repaired, and only
    into real words: names, abbreviations and rare compounds stay as written.
    """
    if not noisy:
        if word[:1].isupper() or word.isdigit() or lexicon.is_known(word) or len(word) < 3:
            return None
        cand = best_candidate(lexicon, word, words_only=True)
        return (match_case(word, cand), "lexicon") if cand else None
    if word.isdigit():
        if word == "1" and prev.isalpha() and prev.islower() and nxt[:1].islower():
            return "i", "ocr-i"
        return None
    if re.fullmatch(r"@[A-ZÆØÅ]{1,5}", word):  # an abbreviation in capitals ("@KF" for ØKF)
        return "Ø" + word[1:], "ocr-abbreviation"
    lower = word.lower()
    if lower in NUMBERED_LABELS and nxt.isdigit():
        return match_case(word, NUMBERED_LABELS[lower]), "context"
    if lower in LOST_LETTER_WORDS and word.islower() and nxt.isalpha() and nxt.islower():
        return LOST_LETTER_WORDS[lower], "context"
    if lower in AMBIGUOUS:
        target, keep_prev, keep_next = AMBIGUOUS[lower]
        if prev.lower() in keep_prev or nxt.lower() in keep_next:
            return None
        return match_case(word, target), "context"
    if (split := run_on_function_words(lexicon, lower)) is not None:
        return match_case(word, split), "run-on"  # "MULIGHED FORAT VÆRE MED": "FOR AT"
    if RUN_ON_ER.search(lower) and lower not in lexicon and lower[:-2] in lexicon:
        return match_case(word, lower[:-2]) + " er", "run-on"  # "Indvandrereer født …": "Indvandrere er"
    if lexicon.is_word(lower):
        variant = frequent_variant(lexicon, word)
        return (match_case(word, variant), "frequency") if variant else None
    if len(lower) == 1:
        return None
    if lexicon.is_compound(lower) and lower.isalpha():
        # A compound reading exists, but an OCR form often splits into odd parts
        # ("malgruppen" = mal+gruppen): a real word one or two letters away wins.
        cand = best_candidate(lexicon, word, words_only=True)
        if cand is None:
            cand = best_candidate(lexicon, word)
            if cand and lexicon.compound_score(cand) < lexicon.compound_score(lower) + COMPOUND_MARGIN:
                cand = None
        return (match_case(word, cand), "lexicon") if cand else None
    cand = best_candidate(lexicon, word) or dropped_letter(lexicon, lower)
    if cand is None and (joined := run_on_at(lexicon, lower)):
        return match_case(word, joined), "run-on"  # "atindgd i partnerskaber": "at indgå"
    if cand is None or cand == lower:
        return None
    return match_case(word, cand), "lexicon"


def run_on_at(lexicon: Lexicon, lower: str) -> str | None:
    """The infinitive marker "at" run on into its verb, which the scan may also have misread ("atindgd"):
    "at indgå", when the rest is, or repairs into, a real word of at least four letters."""
    rest = lower[2:]
    if not lower.startswith("at") or len(rest) < 4 or not rest.isalpha():
        return None
    verb = rest if lexicon.is_word(rest) else best_candidate(lexicon, rest, words_only=True)
    return f"at {verb}" if verb else None


# Short function words the scan may run together ("forat" for "for at"); a listed word made of two
# of them ("idet", "derfor") stays.
FUNCTION_WORDS = frozenset("at af de den der det en er et for i med og om på som til".split())


def run_on_function_words(lexicon: Lexicon, lower: str) -> str | None:
    """Two function words run together, when the token is no listed word: "forat" → "for at"."""
    if lower in lexicon.words:
        return None
    for i in range(1, len(lower)):
        if lower[:i] in FUNCTION_WORDS and lower[i:] in FUNCTION_WORDS:
            return f"{lower[:i]} {lower[i:]}"
    return None


# A plural in -e run on into the verb "er" after it (the scan lost the space): "Indvandrereer".
RUN_ON_ER = re.compile(r"[^\W\d_]{4,}eer$")


def dropped_letter(lexicon: Lexicon, lower: str) -> str | None:
    """The scan lost an æ, ø or å ("indgr" for "indgår"): the one real word that putting one back
    makes, or None when none or several do. Short tokens are left alone (abbreviations: "mv", "dvs")."""
    if not lower.isalpha() or len(lower) < 4:
        return None
    found = {lower[:i] + letter + lower[i:] for i in range(1, len(lower) + 1) for letter in TARGET_LETTERS}
    words = [w for w in found if lexicon.is_word(w)]
    return words[0] if len(words) == 1 else None


def clean_text(text: str, lexicon: Lexicon) -> CleanResult:
    """Repair OCR errors in ``text``; see the module docstring for the steps.

    A document whose share of unknown words is below NOISY_SHARE counts as clean: only its
    layout debris is removed and unknown words are repaired conservatively.
    """
    noisy = unknown_share(text, lexicon) >= NOISY_SHARE
    edits = _structural_edits(text) if noisy else [e for e in _structural_edits(text) if e.reason == "debris"]
    taken = [(e.start, e.end) for e in edits]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # Hyphenated words become one token spanning "head-\ntail"; "MALS/ATNING" one spanning the slash.
    tokens: list[tuple[int, int, str]] = []
    for a, b, joined in (_hyphen_joins(text, lexicon) + _slash_joins(text, lexicon) if noisy else []):
        if free(a, b):
            tokens.append((a, b, joined))
            taken.append((a, b))
    for a, b, word in _word_spans(text):
        if free(a, b):
            tokens.append((a, b, word))
    tokens.sort()
    unresolved: list[tuple[int, int, str]] = []
    for i, (a, b, word) in enumerate(tokens):
        prev = tokens[i - 1][2] if i > 0 and a - tokens[i - 1][1] < 4 else ""
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) and tokens[i + 1][0] - b < 4 else ""
        original = text[a:b]
        if word.isdigit() and (text[b:b + 1] in ").:" or text[a - 1:a] == "("):
            continue  # a list number such as "1)" or "1." is never the letter i
        repaired = _repair_word(lexicon, word, prev, nxt, noisy)
        if repaired is not None:
            edits.append(Change(a, b, original, repaired[0], repaired[1]))
        elif noisy and word.isalpha() and len(word) >= DOCUMENT_REPAIR_MIN and not lexicon.is_known(word):
            unresolved.append((a, b, word))
        elif word != original:  # a hyphen join that needed no letter repair
            edits.append(Change(a, b, original, word, "hyphenation"))
    if unresolved:
        from_document = {(e.start, e.end): e for e in _repair_from_document(text, unresolved, edits, tokens, lexicon)}
        for a, b, word in unresolved:
            change = from_document.get((a, b))
            if change is None and text[a:b] != word:  # a join the document could not repair is still joined
                change = Change(a, b, text[a:b], word, "hyphenation")
            if change is not None:
                edits.append(change)
    return _apply(text, sorted(edits, key=lambda e: e.start))


DOCUMENT_REPAIR_MIN = 7  # letters a word needs before it is compared with the document's own words


def _repair_from_document(text: str, unresolved: list[tuple[int, int, str]], edits: list[Change],
                          tokens: list[tuple[int, int, str]], lexicon: Lexicon) -> list[Change]:
    """A word the table could not repair ("fyrtdrnsprojeke", "hjemlpse") becomes the one known word
    of the same document that is at most one edit away (two from nine letters on): the document
    spells it right elsewhere ("FYRTÅRNSPROJEKT")."""
    repaired = {(e.start, e.end): e.after for e in edits}
    own = {repaired.get((a, b), word).lower() for a, b, word in tokens}
    known = [w for w in own if len(w) >= DOCUMENT_REPAIR_MIN - 1 and w.isalpha() and lexicon.is_known(w)]
    out = []
    for a, b, word in unresolved:
        cap = 1 if len(word) < 9 else 2
        near = [w for w in known if abs(len(w) - len(word)) <= cap and edit_distance(word.lower(), w, cap) <= cap]
        if len(near) == 1:
            out.append(Change(a, b, text[a:b], match_case(word, near[0]), "document"))
    return out


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance of a and b, or cap + 1 as soon as it must exceed cap."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def _apply(text: str, edits: list[Change]) -> CleanResult:
    """Build the cleaned text and its per-character offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for e in edits:
        for i in range(pos, e.start):
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        for ch in e.after:
            out.append(ch)
            starts.append(e.start)
            ends.append(e.end)
        pos = e.end
    for i in range(pos, len(text)):
        out.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    cleaned = "".join(out)
    placeholders = tuple((m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(cleaned))
    return CleanResult(text, cleaned, tuple(starts), tuple(ends), tuple(edits), placeholders)


def unknown_share(text: str, lexicon: Lexicon) -> float:
    """Share of word tokens (letters only, ≥ 2 long) not in the lexicon — the OCR statistic."""
    words = [w for w in re.findall(r"[^\W\d_]+|\S*[@&®]\S*", text) if len(w) >= 2]
    if not words:
        return 0.0
    unknown = sum(1 for w in words if not (w.isalpha() and lexicon.is_known(w)))
    return unknown / len(words)


def display_text(text: str) -> str:
    """Cleaned text for reading: single line breaks inside paragraphs become spaces."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
