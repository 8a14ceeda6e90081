"""Danish sentence splitting with offsets (abbreviations such as "bl.a." and "fx." do not end a sentence)."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "bl.a", "fx", "f.eks", "mhp", "ml", "pt", "jf", "m.m", "mv", "ca", "dvs", "nr", "tidl", "adm",
    "dir", "el", "ift", "evt", "inkl", "ekskl", "kr", "mio", "mia", "pct", "s", "ang", "vedr",
    "mht", "iht", "osv", "etc", "bl.ai", "f.cks", "el.lign", "ff", "stk", "kap", "jan", "feb",
    "aug", "sep", "okt", "nov", "dec", "mfl", "m.fl", "u.å", "st", "ngo", "pr", "hhv", "ifm", "vha", "tlf",
}
MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# A sentence ends at a full stop before a capital or a digit, at a blank line, and before a line that
# opens a list item ("• …", "2) …") or a dated entry of a timetable ("22. november BIU sender …").
BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(•\-–]?\s*[A-ZÆØÅ0-9])|\n\s*\n|\n(?=\s*[•*\-–]\s)"
                      rf"|\n(?=\s*(?:\d{{1,2}}|[A-H])\)\s)|\n(?=\s*\d{{1,2}}\.\s+(?:{MONTHS})\b)")


# Words a line cannot end a sentence or a heading with: what follows them continues it.
CONTINUATION_WORDS = {"og", "i", "af", "for", "til", "med", "at", "der", "som", "en", "et", "de", "den",
                      "det", "på", "om", "fra", "eller", "samt", "ved", "over", "under", "efter"}
JOINING_WORDS = CONTINUATION_WORDS | {"end", "mod", "op"}


def broken_by_layout(text: str, piece: str, after: int) -> bool:
    """A blank line inside a sentence (PDF/OCR layout): no closing mark before, and lower case after,
    or anything after a word that cannot end a sentence ("for de" | "25 procent", "som i" |
    "Tryghedsindekset 2010"), after a word broken by a hyphen ("2011-" | "2014 til …") or after a
    comma, unless a new list item follows it."""
    if re.search(r"[.!?:;)\]\"”]\s*$", piece):
        return False
    following = text[after:after + 1]
    words = piece.split()
    if piece.rstrip().endswith(","):  # "… over for målgruppen," | "[eks. jobtræningsprogrammet …"
        new_item = following in "•*-–" or re.match(r"(?:\d{1,2}|[A-H])\)\s", text[after:after + 4])
        return bool(following) and not new_item
    if following.isalnum() and re.search(r"\w-$", piece.rstrip()):  # "… Integrationspolitik 2011-" | "2014 til …"
        return True
    return following.islower() or (following.isalnum() and bool(words) and words[-1].lower() in JOINING_WORDS)


def ends_with_abbreviation(text: str) -> bool:
    m = re.search(r"(\S+)\.$", text.rstrip("\"”’) "))
    if not m:
        return False
    word = m.group(1).lower().lstrip("(\"“").rsplit("/", 1)[-1]  # "og/el."
    return word in ABBREVIATIONS or bool(re.fullmatch(r"\d{1,2}", word)) or len(word) == 1


def _unbulleted_item(text: str, piece: str, after: int, under_heading: bool) -> bool:
    """An item of a list whose bullets the scan lost, ending at a blank line: under a heading or
    after another such item, it starts in lower case and does not run on into the next paragraph,
    which starts in lower case too ("FYRTÅRNSPROJEKT" | "styrke sprogstimulering i daginstitutioner"
    | "skabe en bedre fordeling …")."""
    words, following = piece.split(), text[after:].split(None, 1)
    return (under_heading and bool(words) and bool(following) and words[0][:1].islower()
            and following[0][:1].islower() and not re.search(r"[.!?:;,]$", piece.rstrip())
            and words[-1].lower() not in JOINING_WORDS and following[0].lower() not in JOINING_WORDS)


def _items_on_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """An unbulleted item that holds the next item on its own line, opening with the same verb
    ("sikre en indsats, som når hele vejen rundt om svage familier" | "sikre bedre overgang …"):
    one span per item."""
    opener = text[a:b].split(None, 1)[0]
    cuts = [a + m.start() for m in re.finditer(rf"(?<=\n)[ \t]*{re.escape(opener)}\s", text[a:b])]
    bounds = [a, *cuts, b]
    return [trim_span(text, x, y) for x, y in zip(bounds, bounds[1:])]


def _reads_as_heading(text: str) -> bool:
    return len(text.split()) <= 14 and not re.search(r"[.!?:;,]$", text.rstrip())


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences in ``text``, shifted by ``offset``; whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    items = False  # the last span was an item of a list that lost its bullets
    for m in BOUNDARY.finditer(text):
        piece = text[start:m.start()]
        if m.group().strip() == "" and "\n" not in m.group() and ends_with_abbreviation(piece):
            continue
        under_heading = items or bool(spans) and _reads_as_heading(text[spans[-1][0]:spans[-1][1]])
        item = "\n" in m.group() and _unbulleted_item(text, piece, m.end(), under_heading)
        # a heading in capitals ("FYRTÅRNSPROJEKT") does not run on into a paragraph in lower case
        caps_heading = "\n" in m.group() and piece.strip().isupper() and text[m.end():m.end() + 1].islower()
        if not (item or caps_heading) and broken_by_layout(text, piece, m.end()):
            continue
        if piece.strip():
            span = trim_span(text, start, m.start())
            if _runs_on_without_words(text, spans, span):
                spans[-1] = (spans[-1][0], span[1])
            else:
                spans.extend(_items_on_lines(text, *span) if item else [span])
            items = item
        start = m.end()
    if text[start:].strip():
        span = trim_span(text, start, len(text))
        if _runs_on_without_words(text, spans, span):
            spans[-1] = (spans[-1][0], span[1])
        else:
            spans.append(span)
    return [(a + offset, b + offset) for span in spans for a, b in _without_heading_line(text, *span)]


def _runs_on_without_words(text: str, spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """A piece without a word ("2011-2014.") after a sentence left open ("… til Københavns
    Integrationspolitik") ends that sentence; it is no sentence of its own."""
    return bool(spans) and not re.search(r"[^\W\d_]", text[span[0]:span[1]]) and \
        not re.search(r"[.!?:;)\]\"”]$", text[spans[-1][0]:spans[-1][1]])


HEADING_LINE_WORDS = 5


def _without_heading_line(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A span whose first line is a heading ("Videre proces", "Problemstilling") directly above a
    sentence that starts with a capital: the heading and the sentence, each on its own."""
    cut = text.find("\n", a, b)
    if cut == -1:
        return [(a, b)]
    line = text[a:cut].strip()
    words = line.split()
    rest = trim_span(text, cut, b)
    next_line = text[rest[0]:b].split("\n", 1)[0]
    if (not words or len(words) > HEADING_LINE_WORDS or not line[:1].isupper() or re.search(r"[.!?:;,]$", line)
            or words[-1].lower() in JOINING_WORDS or not next_line[:1].isupper()
            or words[0].lower() in SENTENCE_OPENERS  # "Det skal Københavns Kommunes" | "Integrations- …"
            or (line.isupper() and next_line.isupper())):  # a heading set on two lines
        return [(a, b)]
    return [trim_span(text, a, cut), rest]


# Words that open a sentence, never a heading.
SENTENCE_OPENERS = {"det", "der", "den", "de", "vi", "du", "man", "hvis", "når", "som", "men", "og", "i", "at",
                    "en", "et", "dette", "disse", "her", "så"}


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past leading and trailing whitespace."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
