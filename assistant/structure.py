"""Recognise a document's structure in its cleaned text: headings, numbered units and lists.

The result is a flat list of Sections whose ``path`` gives the tree. Recognised units:
numbered headings ("1. Visionen …", "1. Beskæftigelsesområdet"), themes ("TEMA NR. 1"),
principles ("PRINCIP 1."), goals ("Mål 1:"), areas ("Indsats 1."), title lines ("Forord",
"Det gør vi allerede"), ALL-CAPS headings, and list items ("1)", "A)", "1.", bullets),
each item a Section of its own that holds its statement. Paragraphs under a heading that
speaks of definitions, or that read "X er/forstås som …", are marked as definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import CONTINUATION_WORDS, broken_by_layout
from .types import Section

UNIT_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # kind, pattern on the first line, label template
    ("theme", re.compile(r"^(TEMA NR\.? ?(\d+))\s*[:.]?\s*(.*)$", re.IGNORECASE), "Tema {n}"),
    ("principle", re.compile(r"^(PRINCIP ([0-9IVX]+))\s*[.:]?\s*(.*)$", re.IGNORECASE), "Princip {n}"),
    ("goal", re.compile(r"^(M(?:ål|l) (\d+))\s*[:.]\s*(.*)$"), "Mål {n}"),  # OCR may drop the å
    ("area", re.compile(r"^(Indsats (\d+))\s*[.:]\s*(.*)$"), "Indsats {n}"),
)
NUMBERED_HEADING = re.compile(r"^(\d{1,2})\.\s+([A-ZÆØÅ].{2,90})$")
ITEM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("numbered_item", re.compile(r"^\(?(\d{1,2})\)\s+\S")),
    ("letter_item", re.compile(r"^([A-H])\)\s+\S")),
    ("numbered_item", re.compile(r"^(\d{1,2})\.\s+\S")),
    ("bullet", re.compile(r"^([•*\-–])\s+\S")),
)
TITLE_LINE = re.compile(r"^[A-ZÆØÅ0-9][^.!?;]{1,80}$")
DEFINITION_HEADING = re.compile(r"definition", re.IGNORECASE)
DEFINITION_SENTENCE = re.compile(
    r"\b(forstås (?:som|ved)|bruges som en samlet betegnelse|anvendes (?:således )?som en samlet betegnelse"
    r"|defineres som|er født i|betyder)\b", re.IGNORECASE)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
UNIT_KINDS = {"theme", "principle", "goal", "area"}


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return out


TITLE_MAX = 120


def _whole_title(lines: list[_Line], i: int, title: str) -> str:
    """A unit's title with the lines it runs on to ("Mangfoldighed og" | "ligebehandling i
    arbejdslivet"; "forbedres for de" | (blank) | "25 procent svageste …"): while it has no closing
    mark and the next line continues it (lower case or a number first, or after a word that cannot end
    it: sentences.broken_by_layout), across at most one blank line, up to TITLE_MAX characters."""
    j = i + 1
    while title and len(title) < TITLE_MAX:
        k = j + 1 if j < len(lines) and lines[j].blank else j
        if k >= len(lines) or lines[k].blank or _starts_unit(lines[k].text) or _item_kind(lines[k].text):
            break
        following = lines[k].text
        if not broken_by_layout(following, title, 0):
            break
        title, j = f"{title} {following}", k + 1
    return title[:TITLE_MAX]


def _starts_unit(text: str) -> bool:
    """Whether a line opens a unit ("Mål 2:", "PRINCIP 3.")."""
    return any(p.match(text) for _k, p, _t in UNIT_PATTERNS)


def _unit_number(raw: str) -> str:
    return str(ROMAN.get(raw.upper(), raw))


def _item_kind(line: str) -> tuple[str, str] | None:
    for kind, pattern in ITEM_PATTERNS:
        m = pattern.match(line)
        if m:
            return kind, m.group(1)
    return None


def _is_title_line(lines: list[_Line], i: int) -> bool:
    """A short line without sentence punctuation that stands alone or opens a block."""
    line = lines[i].text
    if not TITLE_LINE.match(line) or "," in line or line.endswith("-") or len(line.split()) > 9:
        return False
    if line.split()[-1].lower() in CONTINUATION_WORDS:
        return False
    next_line = lines[i + 1] if i + 1 < len(lines) else None
    previous = next((x for x in reversed(lines[:i]) if not x.blank), None)
    if previous is not None and (previous.text.split()[-1].lower() in CONTINUATION_WORDS
                                 or previous.text.endswith(("-", ","))):
        return False  # the rest of a sentence that a blank line broke ("… for de" | "25 procent …",
        # "… Integrationspolitik 2011-" | "2014 til godkendelse …")
    if i > 0 and not lines[i - 1].blank:
        # A heading glued to the previous paragraph by the PDF layout: short, after a closed sentence.
        if not (lines[i - 1].text.endswith((".", ")", "]", ":")) and len(line.split()) <= 6):
            return False
    if next_line is None or next_line.blank or next_line.text.endswith(":"):
        return True
    if _item_kind(next_line.text) and line.split()[0].istitle():
        return True  # a heading directly over its list ("Det er kommunens ansvar" / "* at …")
    return next_line.text[:1].isupper()


def _two_line_list_heading(lines: list[_Line], i: int) -> bool:
    """A heading over a list that the layout broke over two lines: a block of two short lines that
    together read as a title (no sentence punctuation, at most MAX_HEADING_WORDS words), right before
    the list's first item."""
    if i + 1 >= len(lines) or lines[i + 1].blank or (i > 0 and not lines[i - 1].blank):
        return False
    title = f"{lines[i].text} {lines[i + 1].text}"
    if not TITLE_LINE.match(title) or len(title.split()) > MAX_HEADING_WORDS or not title.split()[0].istitle() or \
            _item_kind(lines[i + 1].text) or title.endswith((",", "-")):
        return False
    after = next((line for line in lines[i + 2:] if not line.blank), None)
    return after is not None and _item_kind(after.text) is not None


MAX_HEADING_WORDS = 10


def parse_structure(doc_id: str, text: str) -> list[Section]:
    """The sections of a cleaned document, in reading order."""
    lines = _lines(text)
    heads: list[tuple[int, str, str, str, int]] = []  # (line index, kind, label, title, level)
    items: list[tuple[int, str, str]] = []  # (line index, kind, label)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        unit = next(((k, m, tpl) for k, p, tpl in UNIT_PATTERNS if (m := p.match(line.text))), None)
        if unit:
            kind, m, tpl = unit
            title = m.group(3).strip()
            step = 1
            if not title and i + 1 < len(lines) and not lines[i + 1].blank:
                title, step = lines[i + 1].text, 2  # "PRINCIP 1." with its title on the next line
            else:
                title = _whole_title(lines, i, title)
            heads.append((i, kind, tpl.format(n=_unit_number(m.group(2))), title, 2))
            i += step
            continue
        item = _item_kind(line.text)
        numbered_heading = NUMBERED_HEADING.match(line.text)
        if numbered_heading and item and _in_item_run(lines, i):
            numbered_heading = None
        if numbered_heading:
            heads.append((i, "heading", numbered_heading.group(1), numbered_heading.group(2).strip(), 1))
        elif item:
            items.append((i, item[0], item[1]))
        elif _is_title_line(lines, i):
            heads.append((i, "heading", "", line.text, 2))
        elif _two_line_list_heading(lines, i):  # "Det er foreningernes, organisationernes og" | "lokalsamfundets ansvar"
            heads.append((i, "heading", "", f"{line.text} {lines[i + 1].text}", 2))
            i += 1
        i += 1
    return _build_sections(doc_id, text, lines, _after_the_numbered_sections(heads), items)


def _after_the_numbered_sections(heads: list[tuple[int, str, str, str, int]]) -> list[tuple[int, str, str, str, int]]:
    """Headings after the last numbered section's own subsections start sections of their own.

    When numbered sections share their subsection titles ("Situationen i København", "Det gør vi
    allerede", …), the last one ends with the last of those: a title that none of them has
    ("Tilblivelsen af …", "Statiske definitioner") follows at the top level, and a title ending in a
    colon ("Uddannelse:") belongs to the one before it.
    """
    numbered = [n for n, h in enumerate(heads) if h[1] == "heading" and h[2] and h[4] == 1]
    if len(numbered) < 2:
        return heads
    owners: dict[str, set[int]] = {}
    for k, (a, b) in enumerate(zip(numbered, numbered[1:] + [len(heads)])):
        for n in range(a + 1, b):
            if heads[n][1] == "heading" and not heads[n][2]:
                owners.setdefault(_title_key(heads[n][3]), set()).add(k)
    shared = {t for t, ks in owners.items() if len(ks) >= 2}
    last = numbered[-1]
    own = [n for n in range(last + 1, len(heads)) if heads[n][1] == "heading" and not heads[n][2]]
    closing = max((n for n in own if _title_key(heads[n][3]) in shared), default=None)
    if closing is None:
        return heads
    out = list(heads)
    for n in own:
        if n > closing and _title_key(heads[n][3]) not in shared:
            li, kind, label, title, _level = heads[n]
            out[n] = (li, kind, label, title, 2 if title.endswith(":") else 1)
    return out


def _title_key(title: str) -> str:
    return "".join(ch for ch in title.lower() if ch.isalpha())


def _in_item_run(lines: list[_Line], i: int) -> bool:
    """True when a '1. …' line is one of a run of numbered lines (a list, not a heading)."""
    m = re.match(r"^(\d{1,2})\.", lines[i].text)
    if not m:
        return False
    n = int(m.group(1))
    return _neighbour_number(lines, range(i + 1, min(i + 6, len(lines)))) == n + 1 or \
        _neighbour_number(lines, range(i - 1, max(i - 6, -1), -1)) == n - 1


def _neighbour_number(lines: list[_Line], indices: range) -> int | None:
    """The number of the nearest non-blank line in ``indices`` when it is a numbered line."""
    for j in indices:
        if lines[j].blank:
            continue
        m = re.match(r"^(\d{1,2})\.\s", lines[j].text)
        return int(m.group(1)) if m else None
    return None


def _build_sections(doc_id: str, text: str, lines: list[_Line],
                    heads: list[tuple[int, str, str, str, int]],
                    items: list[tuple[int, str, str]]) -> list[Section]:
    sections: list[Section] = []
    end_of_text = len(text.rstrip())
    # Headings: each runs to the next heading of the same or a higher level.
    stack: list[tuple[int, str, str]] = []  # (level, title, kind)
    head_spans = []
    for n, (li, kind, label, title, level) in enumerate(heads):
        if level == 2 and kind == "heading" and not title.isupper() and \
                any(k in UNIT_KINDS for _lv, _t, k in stack):
            level = 3  # a title line inside a principle/goal/theme belongs to it; CAPS lines close it
        while stack and stack[-1][0] >= level:
            stack.pop()
        name = f"{label} {title}".strip() if kind != "heading" or label else title
        if kind == "heading" and label:
            name = f"{label}. {title}"
        stack.append((level, name, kind))
        end = end_of_text
        for li2, _k2, _l2, _t2, level2 in heads[n + 1:]:
            if level2 <= level:
                end = lines[li2].start
                break
        path = tuple(t for _lv, t, _k in stack)
        head_spans.append((lines[li].start, end, path, level))
        sections.append(Section(id=f"{doc_id}:s{lines[li].start}", doc_id=doc_id, kind=kind, title=name,
                                level=level, start=lines[li].start, end=end, path=path, label=label))
    # List items: from the item line to the line before the next item, heading or blank line
    # that is followed by something other than another item of the list or the rest of its sentence.
    boundaries = sorted({li for li, *_ in heads} | {li for li, *_ in items})
    for li, kind, label in items:
        later = [b for b in boundaries if b > li]
        stop = later[0] if later else len(lines)
        last = li
        for j in range(li + 1, stop):
            if lines[j].blank:
                nxt = next((k for k in range(j + 1, stop) if not lines[k].blank), None)
                if nxt is None or (_item_kind(lines[nxt].text) is None
                                   and not broken_by_layout(text, lines[last].text, lines[nxt].start)):
                    break  # the item's sentence does not run on over the blank line
                continue
            last = j
        start, end = lines[li].start, lines[last].end
        parent = _enclosing(head_spans, start)
        sections.append(Section(id=f"{doc_id}:i{start}", doc_id=doc_id, kind=kind,
                                title=_first_words(lines[li].text), level=4, start=start, end=end,
                                path=parent + (label,), label=label))
    # Definition paragraphs.
    for start, end in paragraph_spans(text):
        para = text[start:end]
        parent = _enclosing(head_spans, start)
        if any(DEFINITION_HEADING.search(t) for t in parent) or DEFINITION_SENTENCE.search(para):
            sections.append(Section(id=f"{doc_id}:d{start}", doc_id=doc_id, kind="definition",
                                    title=_first_words(para), level=5, start=start, end=end,
                                    path=parent, label=""))
    sections.sort(key=lambda s: (s.start, s.level))
    return sections


def _enclosing(head_spans: list[tuple[int, int, tuple[str, ...], int]], pos: int) -> tuple[str, ...]:
    best: tuple[str, ...] = ()
    best_level = 0
    for start, end, path, level in head_spans:
        if start <= pos < end and level >= best_level:
            best, best_level = path, level
    return best


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a text (separated by blank lines)."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def _first_words(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def section_path_at(sections: list[Section], pos: int) -> tuple[tuple[str, ...], str]:
    """The deepest heading path and unit kind enclosing a cleaned-text offset."""
    best: Section | None = None
    for s in sections:
        if s.kind == "definition":
            continue
        if s.start <= pos < s.end and (best is None or s.level >= best.level):
            best = s
    if best is None:
        return (), "paragraph"
    return best.path, best.kind
