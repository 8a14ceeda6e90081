"""Questions that compare policies or versions: which documents a question names, and the best
sentences of each, side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from .picks import Pick, pick_sentences
from .question import CHANGE_SINCE, COMPARISON_RE
from .retrieve import Retriever, period_years, title_mentions, title_parts
from .types import Filters, Passage

# A comparison asking how much something grew or shrank, or how it stands now, is answered by figures.
SIZE_CHANGE = re.compile(r"\b(?:blevet|er|bliver) (?:mindre|større|bedre|værre|lavere|højere)\b|\b(?:steget|faldet|"
                         r"udvikling\w*|udviklet|ser det ud|grown|fallen|risen|smaller|larger|narrowed)\b", re.IGNORECASE)
STATUS_ORDER = {"adopted": 0, "draft": 1, "case": 2}
SIDE_SENTENCES = 3  # with two, 8 of the evaluation's 99 comparisons missed one side's detail
# "den nye integrations- og medborgerskabspolitik", not "nye tiltag" or "en tidligere minister".
OF_A_POLICY = r"(?=(?:\s+\S+){0,3}?\s+(?:\S*politik\w*|udkast\w*|polic\w*|draft|version\w*)\b)"
# Words that name one document of the corpus: (pattern, which documents, which of them first).
DOCUMENT_NAMES = (
    (re.compile(r"\bsynops|\bskitse", re.IGNORECASE),  # "skitsen fra 2010": the synopsis in other words
     lambda m, latest, first: m.kind == "synopsis"),
    (re.compile(r"\budkast|\bdraft\b", re.IGNORECASE),
     lambda m, latest, first: m.status == "draft" and m.kind != "synopsis"),
    (re.compile(r"\b(vedtagne|endelige|færdige|adopted|final)\b", re.IGNORECASE),
     lambda m, latest, first: m.status == "adopted"),
    (re.compile(rf"\b(nye|nyeste|nuværende|new|current)\b{OF_A_POLICY}", re.IGNORECASE),
     lambda m, latest, first: m.period == latest),
    (re.compile(rf"\b(gamle|tidligere|old|previous)\b{OF_A_POLICY}", re.IGNORECASE),
     lambda m, latest, first: m.period == first),
    (re.compile(r"\b(?:indstilling|sagsfremstilling)", re.IGNORECASE),
     lambda m, latest, first: m.kind == "case"),
)


def named_documents(question: str, retriever: Retriever) -> list[str]:
    """The documents the question names, in the order it names them (_named_documents), computed once a question."""
    return list(retriever.remembered("named_documents", question, lambda: tuple(_named_documents(question, retriever))))


def _named_documents(question: str, retriever: Retriever) -> list[str]:
    """The documents the question names, in the order it names them: each mention of a year in a
    policy's period (or, in a comparison, just before it: _shortly_before), or of the synopsis, the
    draft, the adopted, the new or the old policy, stands for the one document it fits best (adopted
    before draft, newer before older). Years right after a name that they fit ("synopsen for
    2011-2014", "indstillingen fra 2010") belong to that name. A case paper ("indstillingen") named
    in a question that compares nothing is its only source."""
    metas = [d.meta for d in retriever.index.documents.values() if not d.duplicate_of]
    periods = sorted({m.period for m in metas if re.fullmatch(r"\d{4}-\d{4}", m.period) and m.status != "case"})
    latest, first = (periods[-1], periods[0]) if periods else ("", "")
    preference = lambda m: (STATUS_ORDER.get(m.status, 3), [-ord(c) for c in m.period])  # noqa: E731
    by_name: list[tuple[int, int, str]] = []  # (start, end, document) of each name ("synopsen")
    years_of_names: set[int] = set()  # where a year that belongs to the name after it starts
    for pattern, names in DOCUMENT_NAMES:
        for m in pattern.finditer(question):
            fits = [meta for meta in metas if names(meta, latest, first)]
            before = YEAR_BEFORE_NAME.search(question[:m.start()])
            if before:  # "the 2011-2014 policy draft": one document, of that period, though no draft of it
                year = int(before.group(1))
                fits = [meta for meta in fits if _names(year, meta)] or \
                    [meta for meta in metas if meta.status != "case" and _within(year, meta.period)]
                years_of_names.add(before.start())
            if fits:
                by_name.append((m.start(), m.end(), min(fits, key=preference).id))
    meta_of = {meta.id: meta for meta in metas}
    for part, m in title_mentions(question, retriever.title_phrases):  # "… Bland dig i byen": its title
        fits = [meta for meta in metas if part in title_parts(meta.title)]  # (not a part of a copy's title only)
        if fits and not any(s <= m.start() < e or part in title_parts(meta_of[doc].title) for s, e, doc in by_name):
            # (not inside another name, nor the title of a document named already: "synopsen Bland dig i byen")
            by_name.append((m.start(), m.end(), min(fits, key=preference).id))
    mentions = [(start, doc) for start, _end, doc in by_name]
    compares = bool(COMPARISON_RE.search(question) or CHANGE_SINCE.search(question))
    for m in re.finditer(r"\b(?:19|20)\d\d\b", question):
        year = int(m.group())
        if m.start() in years_of_names or any(
                end <= m.start() and ATTACHED.fullmatch(question[end:m.start()]) and _names(year, meta_of[doc])
                for _s, end, doc in by_name):
            continue  # "synopsen for 2011-2014": the years say which synopsis, not another document
        policies = [meta for meta in metas if meta.status != "case"]  # a year names a policy, not a case paper
        fits = [meta for meta in policies if _within(year, meta.period)] or \
            [meta for meta in policies if compares and _shortly_before(year, meta.period)]
        if fits:
            mentions.append((m.start(), min(fits, key=preference).id))
    named = list(dict.fromkeys(doc for _pos, doc in sorted(mentions)))
    papers = [doc for doc in named if meta_of[doc].status == "case"]
    if papers and not compares:
        return papers  # "politikken 2011-2014 ifølge indstillingen": the paper is the source, the policy its topic
    return named


# A year right before a name, in English word order: "the 2011-2014 policy draft", "2023-2026 draft".
YEAR_BEFORE_NAME = re.compile(r"\b((?:19|20)\d\d)(?:\s*[-–]\s*(?:19|20)\d\d)?[\s-]+(?:(?:\w*polic\w*|\w*politik\w*)\s+)?$",
                              re.IGNORECASE)
# What may stand between a document's name and the years that belong to it: the rest of the word
# and "for", "fra", "til", "i" ("synopsen for 2011-2014", "udkastet til perioden 2023-2026"); the
# second year of a period ("2011-2014") belongs to the same name.
ATTACHED = re.compile(r"\w*\s*(?:(?:for|fra|til|i|af|from|of|for the)\s+)?(?:(?:perioden|period)\s+)?"
                      r"(?:(?:19|20)\d\d\s*[-–]\s*)?", re.IGNORECASE)


def _names(year: int, meta) -> bool:
    """A year right after a document's name belongs to it: a year of its period, or the year it was
    written ("indstillingen fra 2010")."""
    return _within(year, meta.period) or (meta.date or "")[:4] == str(year)


def fits_period(year: int, period: str) -> bool:
    """A year of the period, or one of the years just before it whose figures it reports."""
    return _within(year, period) or _shortly_before(year, period)


def _within(year: int, period: str) -> bool:
    return year in (period_years(period) or ())


DATA_YEARS_BEFORE = 2  # a policy reports figures of the years just before its period


def _shortly_before(year: int, period: str) -> bool:
    """A year in no policy's period but just before one ("i 2010" for 2011-2014, "2021" for 2023-2026)
    stands for that policy: its figures are of those years."""
    years = period_years(period)
    return bool(years) and years.start - DATA_YEARS_BEFORE <= year < years.start


def is_comparison(question: str, retriever: Retriever) -> bool:
    """A question that names two documents ("synopsen og den vedtagne politik"), or compares without
    naming one document (a comparison inside one document, "forskellen på pejlemærker og principper
    i udkastet", is answered from that document)."""
    named = len(named_documents(question, retriever))
    return named > 1 or (named == 0 and bool(COMPARISON_RE.search(question))) or \
        (named == 1 and bool(CHANGE_SINCE.search(question)))


def comparison_picks(question: str, qtype: str, passages: list[Passage], retriever: Retriever,
                     filters: Filters | None) -> list[Pick]:
    """For a question comparing two policies or versions: the best sentences of each (up to
    SIDE_SENTENCES, so the answer stays within six), side by side.

    The two sides are the documents the question names, then the policies of the periods of the top
    three passages, or of the further ones while a side is missing (one a period, the adopted text
    before a draft or a synopsis of that period). Each side's sentences come from its passages among the
    top ten and from its own three best passages (the side searched on its own).
    """
    sides = named_documents(question, retriever)
    meta = retriever.index.meta
    if len(sides) == 1 and CHANGE_SINCE.search(question):  # "… blevet mindre siden 2010?": then and now
        sides += newest_after(meta(sides[0]).period, retriever)
    filled: set[str] = set()  # periods of the sides the question does not name: one side a period
    for i, p in enumerate(passages):
        period = meta(p.chunk.doc_id).period
        if i >= 3 and len(sides) >= 2:
            break  # the top three passages decide; further ones only add a side still missing
        if meta(p.chunk.doc_id).status == "case" or p.chunk.doc_id in sides or period in filled:
            continue
        # the period's policy as adopted (or drafted) rather than its synopsis, searched on its own if need be
        kin = [d for d, doc in retriever.index.documents.items() if meta(d).period == period
               and meta(d).status != "case" and d not in sides and not doc.duplicate_of]
        sides.append(min(kin, key=lambda d: (STATUS_ORDER.get(meta(d).status, 3), meta(d).kind == "synopsis", d)))
        filled.add(period)
    sides = sides[:2]
    if len(sides) < 2:
        return []
    pool = list(passages)
    base = filters or Filters()
    asked = without_comparison_words(question)
    if qtype == "general" and SIZE_CHANGE.search(question):
        qtype = "figure"  # "Er gabet blevet mindre fra 2010 til 2022?": each side's figure says how much
    picks = []
    for doc_id in sides:
        mine = [p for p in pool if p.chunk.doc_id == doc_id and not p.chunk.placeholder]
        # the side's own best passages too (the question's vector is already computed: a few ms)
        mine += [p for p in retriever.search(question, k=3, filters=replace(base, documents=(doc_id,)))
                 if not p.chunk.placeholder and p.chunk not in {m.chunk for m in mine}]
        picks += pick_sentences(mine, asked, qtype, retriever, limit=SIDE_SENTENCES)
    return picks


def newest_after(period: str, retriever: Retriever) -> list[str]:
    """The policy of the newest period after ``period`` (adopted before draft), if there is one."""
    later = [d.meta for d in retriever.index.documents.values()
             if not d.duplicate_of and d.meta.status != "case" and d.meta.kind != "synopsis" and d.meta.period > period]
    if not later:
        return []
    newest = max(m.period for m in later)
    return [min((m for m in later if m.period == newest), key=lambda m: STATUS_ORDER.get(m.status, 3)).id]


def without_comparison_words(question: str) -> str:
    """The question without the words that make it a comparison ("sammenlignet med", "forskellen på"):
    they ask for two sides, they are not what either side must say."""
    rest = " ".join(COMPARISON_RE.sub(" ", question).split())
    return rest or question
