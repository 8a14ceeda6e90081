"""Extractive answers with numbered citations.

Every sentence of an answer is a sentence of a document, cited with its exact original span.
Steps: tidy the question → detect its language and type → retrieve → decide whether the
documents answer it → choose sentences (or the whole structured list) → group by policy period
→ number the citations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .dedup import normalise
from .index import StoredDocument
from .question import COMPARISON_RE, question_type
from .retrieve import Retriever, topic_of
from .sentence_rank import GENERIC_TERMS, candidates, content_terms, is_heading, load_model
from .sentences import broken_by_layout, split_sentences
from .sparse import stopwords, tokenize
from .types import Answer, Chunk, Citation, Filters, Passage

RESPONSIBILITY_LIST_RE = re.compile(r"\b(ansvar\w*|responsib\w*|forpligt\w*)", re.IGNORECASE)
LABELLED = re.compile(r"^(\d{1,2}[.)]|[A-H]\)|[•*\-–]|PRINCIP|Mål|Tema|Indsats)\s", re.IGNORECASE)
REPEAT_SHARE = 0.8
PLACEHOLDER_NAMED = 2     # question terms a template section's path must share to be what is asked
KEEP_WITHIN = 4.0         # logits of the sentence ranker: keep sentences nearly as good as the best
PERIOD_LEAD = {"adopted": "I politikken {period}", "draft": "I udkastet til politikken {period}",
               "case": "I sagsfremstillingen ({period})"}
INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")


@dataclass(frozen=True)
class Support:
    """Calibrated evidence that the documents answer a question."""

    dense: float      # best cosine between question and a top passage
    coverage: float   # share of the question's content terms found in the top passages


# Calibrated on the tuning questions: closeness and term coverage hardly separate covered from
# not-covered questions here, so they only stop questions that share almost nothing with the text;
# the answer-type checks below (names, years, money, contact details) do the real work.
REFUSAL_DENSE = 0.78
REFUSAL_COVERAGE = 0.2
STEM_PREFIX = 5  # "definerer" is found in "definitionen", "diskriminationsgrunde" in "diskrimination"
QUANTITY_RE = re.compile(r"\b(hvor (?:mange|meget|stor|store|høj|lav)|procent\w*|andel\w*|hvad (?:var|er|blev) "
                         r"(?:den |det )?\w*(?:ledighed|beskæftigelse|frekvens|antal|niveau|gab|tal)\w*)\b",
                         re.IGNORECASE)
NUMBER_WORDS = re.compile(r"\b(halvdel\w*|hver(?:t)? (?:anden|andet|tredje|fjerde|femte)|en tredjedel|en fjerdedel|"
                          r"to|tre|fire|fem|seks|syv|otte|ni|ti|tyve)\b", re.IGNORECASE)
FIGURE_SHARE = 0.5  # a quantity's sentence names more than half of the question's content terms
MONEY_RE = re.compile(r"\b(kroner|kr\.|koster|pris|budget\w*|mio\.|millioner|bevilling\w*)", re.IGNORECASE)
MONEY_IN_TEXT = re.compile(r"\b(kr\.|kroner|mio\.|millioner|mia\.)", re.IGNORECASE)
CONTACT_RE = re.compile(r"\b(kontaktperson\w*|telefon\w*|e-?mail\w*|mailadresse|adresse\w*|ringe til)\b", re.IGNORECASE)
CONTACT_IN_TEXT = re.compile(r"@|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")


def tidy_question(raw: str, max_chars: int) -> tuple[str, list[str]]:
    """Strip control and invisible characters, collapse space, truncate; returns notices."""
    notices = []
    text = INVISIBLE.sub("", raw or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0]
        notices.append(f"Spørgsmålet var meget langt og er afkortet til de første {len(text)} tegn.")
    return text, notices


def support(question: str, passages: list[Passage], retriever: Retriever) -> Support:
    if not passages:
        return Support(0.0, 0.0)
    topic = topic_of(question)  # the document-picking phrases are the boost's business
    dense_hits = retriever.dense_ranking(topic, depth=3)
    best = dense_hits[0][1] if dense_hits else 0.0
    terms = content_terms(retriever.expand(topic))
    if not terms:
        return Support(float(best), 1.0)
    found: set[str] = set()
    for p in passages[:3]:
        found |= set(tokenize(p.chunk.text + " " + " ".join(p.chunk.section_path), retriever.lexicon))
    own = content_terms(topic)
    stems = {t[:STEM_PREFIX] for t in found if len(t) >= STEM_PREFIX}
    hits = [t for t in own if t in found or (len(t) >= STEM_PREFIX and t[:STEM_PREFIX] in stems)]
    coverage = len(hits) / len(own) if own else 1.0
    return Support(float(best), coverage)


def missing_detail(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A Danish reason why the documents cannot hold the specific detail asked for, or None.

    The question names a policy period no document covers, a place or body the documents never
    mention, a year they never mention, asks for money while no passage has an amount, or for contact details the documents never give.
    """
    periods = {m.period for m in (d.meta for d in retriever.index.documents.values())}
    for m in re.finditer(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", question):
        if f"{m.group(1)}-{m.group(2)}" not in periods:
            return f"Ingen af dokumenterne er en politik for perioden {m.group(1)}-{m.group(2)}."
    vocabulary = retriever.index.vocabulary
    words = re.findall(r"\w+", question)
    for i, word in enumerate(words):
        if re.fullmatch(r"(19|20)\d\d", word) and word not in vocabulary:
            return f"Dokumenterne nævner ikke året {word}."
        if language == "da" and i > 0 and word[:1].isupper() and len(word) > 3 and not word.isupper() \
                and word.lower() not in vocabulary and not _known_stem(word, vocabulary):
            return f"Dokumenterne nævner ikke »{word}«."
    texts = " ".join(p.chunk.text for p in passages[:5])
    if MONEY_RE.search(question) and not MONEY_IN_TEXT.search(texts):
        return "Dokumenterne angiver ingen beløb om dette."
    if CONTACT_RE.search(question) and not CONTACT_IN_TEXT.search(texts):
        return "Dokumenterne indeholder ingen kontaktoplysninger."
    if language == "da" and QUANTITY_RE.search(question) and not is_comparison(question, retriever) and \
            not figure_found(question, passages, retriever):
        return "De fundne passager angiver ikke det tal, der spørges om."
    return None


def figure_found(question: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a sentence of the top passages has a number and names more than half of what a
    quantity question asks about (and the year it asks for, if it names one outside a policy's name)."""
    topic = topic_of(question)
    own = content_terms(topic)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", topic))
    for p in passages[:5]:
        doc = retriever.index.documents[p.chunk.doc_id]
        row = retriever.row_of(p.chunk.id)
        for a, b, _vec in retriever.index.sentences_of(row) if row is not None else []:
            text = doc.cleaned[a:b]
            numbers = set(re.findall(r"\d+(?:[.,]\d+)?", text)) - years
            if not (numbers or NUMBER_WORDS.search(text)):
                continue
            if not years <= set(re.findall(r"\d{4}", text)):
                continue
            words = set(tokenize(text, retriever.lexicon))
            prefixes = {w[:STEM_PREFIX] for w in words}
            named = [t for t in own if t in words or (len(t) >= STEM_PREFIX and t[:STEM_PREFIX] in prefixes)]
            if not own or len(named) / len(own) > FIGURE_SHARE:
                return True
    return False


def _known_stem(word: str, vocabulary: frozenset[str]) -> bool:
    """Inflected forms of a word the documents use ('Københavns' for 'København')."""
    low = word.lower()
    return any(low[:-n] in vocabulary for n in (1, 2, 3) if len(low) - n >= 4) or \
        any(v.startswith(low[:-1]) for v in vocabulary if len(low) > 5 and v[:3] == low[:3])


def is_supported(s: Support) -> bool:
    return s.dense >= REFUSAL_DENSE and s.coverage >= REFUSAL_COVERAGE


# -- sentence selection ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Pick:
    """A chosen span of cleaned text in one document, with the passage it came from."""

    doc_id: str
    start: int  # cleaned offsets
    end: int
    chunk: Chunk
    score: float


def pick_sentences(passages: list[Passage], question: str, qtype: str, retriever: Retriever,
                   limit: int | None = None) -> list[Pick]:
    """The sentences that answer, by the learned sentence ranker (see sentence_rank): the best one,
    then up to two more that score nearly as well and say something new."""
    cands = candidates(passages, question, qtype, retriever)
    scores = load_model().score(cands)
    ranked = sorted(zip(scores.tolist(), range(len(cands))), reverse=True)
    picks = [Pick(cands[i].doc_id, cands[i].start, cands[i].end, cands[i].chunk, s) for s, i in ranked]
    if qtype == "definition" and picks:
        whole = _definition_paragraph(picks[0], retriever)
        if whole:
            return [whole]
    chosen: list[Pick] = []
    seen: list[set[str]] = []
    limit = limit or (3 if qtype in ("figure", "definition") else 4)
    for c in picks:
        if len(chosen) >= limit or (chosen and c.score < chosen[0].score - KEEP_WITHIN):
            break
        if any(o.doc_id == c.doc_id and o.start <= c.start < o.end for o in chosen):
            continue  # already inside a block cited with its heading
        c = extend_pick(c, retriever)
        words = set(normalise(retriever.index.documents[c.doc_id].cleaned[c.start:c.end]))
        if any(len(words & other) >= REPEAT_SHARE * min(len(words), len(other)) for other in seen):
            continue  # the same statement again (a goal repeated in an overview table, a copy)
        chosen.append(c)
        seen.append(words)
    return chosen


FOLLOW_ON = re.compile(r"^(dvs\.|det vil sige|det betyder|det svarer til|heraf|hermed|dermed)", re.IGNORECASE)
EXTEND_MAX = 900  # characters a heading and the block it introduces may span
BLOCK_KINDS = ("heading", "principle", "goal", "area", "theme", "pejlemaerke", "definition")


def extend_pick(pick: Pick, retriever: Retriever) -> Pick:
    """A heading or a sentence ending in ':' is cited with the block it introduces ("Det er kommunens
    ansvar" with its bullets); a sentence followed by "Dvs. …" keeps that sentence."""
    doc = retriever.index.documents[pick.doc_id]
    text = doc.cleaned[pick.start:pick.end].strip()
    limit = min(len(doc.cleaned), pick.start + EXTEND_MAX)
    for s in doc.sections:
        if s.kind in BLOCK_KINDS and pick.end <= s.start < limit:
            limit = s.start
    for a, _b in doc.placeholders:
        if pick.end <= a < limit:
            limit = a
    following = split_sentences(doc.cleaned[pick.end:limit], pick.end)
    end = pick.end
    if is_heading(text) or text.endswith(":"):
        for a, b in following:
            part = doc.cleaned[a:b].strip()
            if is_heading(part) and not LABELLED.match(part):
                break
            end = b
    elif following and FOLLOW_ON.match(doc.cleaned[following[0][0]:following[0][1]].strip()):
        end = following[0][1]
    return Pick(pick.doc_id, pick.start, end, pick.chunk, pick.score) if end > pick.end else pick


def _definition_paragraph(best: Pick, retriever: Retriever) -> Pick | None:
    """The whole defining paragraph around the best sentence, when it is a definition (≤ 700 chars)."""
    doc = retriever.index.documents[best.doc_id]
    for s in doc.sections:
        if s.kind == "definition" and s.start <= best.start < s.end and s.end - s.start <= 700:
            return Pick(best.doc_id, s.start, s.end, best.chunk, best.score)
    return None


STATUS_ORDER = {"adopted": 0, "draft": 1, "case": 2}
# Words that name one document of the corpus: (pattern, which documents, which of them first).
DOCUMENT_NAMES = (
    (re.compile(r"\bsynops", re.IGNORECASE), lambda m, latest, first: m.kind == "synopsis"),
    (re.compile(r"\budkast|\bdraft\b", re.IGNORECASE), lambda m, latest, first: m.status == "draft" and m.kind != "synopsis"),
    (re.compile(r"\b(vedtagne|endelige|adopted|final)\b", re.IGNORECASE), lambda m, latest, first: m.status == "adopted"),
    (re.compile(r"\b(nye|nyeste|nuværende|new|current)\b", re.IGNORECASE), lambda m, latest, first: m.period == latest),
    (re.compile(r"\b(gamle|tidligere|old|previous)\b", re.IGNORECASE), lambda m, latest, first: m.period == first),
)


def named_documents(question: str, retriever: Retriever) -> list[str]:
    """The documents the question names, in the order it names them: each mention of a year in a
    policy's period, or of the synopsis, the draft, the adopted, the new or the old policy, stands
    for the one document it fits best (adopted before draft, newer before older)."""
    metas = [d.meta for d in retriever.index.documents.values() if not d.duplicate_of and d.meta.status != "case"]
    periods = sorted({m.period for m in metas if re.fullmatch(r"\d{4}-\d{4}", m.period)})
    latest, first = (periods[-1], periods[0]) if periods else ("", "")
    preference = lambda m: (STATUS_ORDER.get(m.status, 3), [-ord(c) for c in m.period])  # noqa: E731
    mentions: list[tuple[int, str]] = []
    for m in re.finditer(r"\b(?:19|20)\d\d\b", question):
        year = int(m.group())
        fits = [meta for meta in metas if (span := re.fullmatch(r"(\d{4})-(\d{4})", meta.period))
                and int(span.group(1)) <= year <= int(span.group(2))]
        if fits:
            mentions.append((m.start(), min(fits, key=preference).id))
    for pattern, names in DOCUMENT_NAMES:
        for m in pattern.finditer(question):
            fits = [meta for meta in metas if names(meta, latest, first)]
            if fits:
                mentions.append((m.start(), min(fits, key=preference).id))
    return list(dict.fromkeys(doc for _pos, doc in sorted(mentions)))


def is_comparison(question: str, retriever: Retriever) -> bool:
    """A question that compares, or that names two documents ("synopsen og den vedtagne politik")."""
    return bool(COMPARISON_RE.search(question)) or len(named_documents(question, retriever)) > 1


def comparison_picks(question: str, qtype: str, passages: list[Passage], retriever: Retriever,
                     filters: Filters | None) -> list[Pick]:
    """For a question comparing two policies or versions: the best sentences of each, side by side.

    The two sides are the documents the question names, then those of the top passages; a document
    without a passage among the top ten is searched on its own.
    """
    sides = named_documents(question, retriever)
    for p in passages[:3]:
        if p.chunk.doc_id not in sides and retriever.index.meta(p.chunk.doc_id).status != "case":
            sides.append(p.chunk.doc_id)
    sides = sides[:2]
    if len(sides) < 2:
        return []
    pool = list(passages)
    base = filters or Filters()
    picks = []
    for doc_id in sides:
        mine = [p for p in pool if p.chunk.doc_id == doc_id and not p.chunk.placeholder]
        if not mine:
            mine = [p for p in retriever.search(question, k=3, filters=replace(base, documents=(doc_id,)))
                    if not p.chunk.placeholder]
        picks += pick_sentences(mine, question, qtype, retriever, limit=2)
    return picks


# Words every list heading or question shares, which cannot tell one list from another.
LIST_IGNORE = {"ansvar", "integration", "integrationspolitik", "politik", "politikk"}
COUNT_WORDS = {w: n for n, w in enumerate("to tre fire fem seks syv otte ni ti".split(), start=2)} | \
    {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
LIST_UNIT_KINDS = ("numbered_item", "letter_item", "bullet", "goal", "principle", "theme", "area")
UNIT_NOUNS = {"goal": "mål målene", "principle": "princip principper principperne", "theme": "tema temaer temaerne",
              "area": "indsatsområde indsatsområder indsatsområderne indsats"}


def asked_count(question: str) -> int | None:
    """The number of items a list question names ("de syv mål", "hvilke ti skoler"), if any."""
    m = re.search(r"\b(?:hvilke|de|alle|which|the)\s+(\w+)\s+[^\W\d_]{3,}", question, re.IGNORECASE)
    if not m:
        return None
    word = m.group(1).lower()
    return COUNT_WORDS.get(word) or (int(word) if word.isdigit() and 1 < int(word) < 50 else None)


def enumerated_in_a_sentence(passages: list[Passage], question: str, count: int, retriever: Retriever) -> bool:
    """Whether a top sentence names the count beside a term of the question and lists that many things."""
    names = {w for w, n in COUNT_WORDS.items() if n == count} | {str(count)}
    terms = {t[:STEM_PREFIX] for t in content_terms(topic_of(question))}
    for p in passages[:5]:
        doc = retriever.index.documents[p.chunk.doc_id]
        row = retriever.row_of(p.chunk.id)
        for a, b, _vec in retriever.index.sentences_of(row) if row is not None else []:
            words = re.findall(r"\w+", doc.cleaned[a:b].lower())
            for i, w in enumerate(words):
                if w in names and any(x[:STEM_PREFIX] in terms for x in words[i + 1:i + 4]):
                    rest = doc.cleaned[a:b]
                    if rest.count(",") + len(re.findall(r"\b(?:og|samt)\b", rest)) >= count - 1:
                        return True
    return False


def list_picks(passages: list[Passage], retriever: Retriever, question: str = "",
               min_overlap: int = 0) -> list[Pick]:
    """The complete structured list the question asks for: every item, in order.

    Candidate lists are the item families that start in the top passages (items under one heading)
    and all goals / principles / themes / areas of the top passages' documents when the question
    names them ("målene", "principperne"); the one whose heading shares
    most terms with the question wins, then the better-ranked passage. A question that counts the
    items ("de syv mål") only takes a family of that many.
    """
    wanted = {t for t in tokenize(retriever.expand(question), retriever.lexicon)
              if t not in stopwords() and t not in LIST_IGNORE and not t.isdigit()}
    count = asked_count(question)
    asked = set(re.findall(r"\w+", question.lower()))
    named_units = {kind for kind, nouns in UNIT_NOUNS.items() if asked & set(nouns.split())}
    best = None
    for p in passages[:5]:
        doc = retriever.index.documents[p.chunk.doc_id]
        units = [s for s in doc.sections if s.kind in LIST_UNIT_KINDS
                 and (p.chunk.clean_start <= s.start < p.chunk.clean_end or s.kind in named_units)]
        for kind, parent in dict.fromkeys((u.kind, u.path[:-1] if u.kind not in UNIT_NOUNS else ()) for u in units):
            if kind in UNIT_NOUNS:
                siblings = [s for s in doc.sections if s.kind == kind]
                heading = UNIT_NOUNS[kind]
            else:
                siblings = [s for s in doc.sections if s.kind == kind and s.path[:-1] == parent]
                heading = parent[-1] if parent else ""
            if len(siblings) < 2:
                continue
            if count and len(siblings) != count:
                continue  # "de syv mål": only a family of exactly seven
            overlap = len(wanted & set(tokenize(heading, retriever.lexicon)))
            key = (-overlap, p.rank)
            if overlap >= min_overlap and (best is None or key < best[0]):
                best = (key, doc, siblings, p.chunk)
    if best is None:
        return []
    _key, doc, siblings, chunk = best
    picks = []
    intro = _intro_sentence(doc, siblings[0].start, _chunk_at(retriever, doc.meta.id, siblings[0].start) or chunk)
    if intro:
        picks.append(intro)
    for i, s in enumerate(siblings):
        # A layout blank line can end a unit's section early ("for de" | "25 procent"): the statement
        # may run on to the next sibling.
        limit = siblings[i + 1].start if i + 1 < len(siblings) else min(len(doc.cleaned), s.start + 400)
        end = _statement_end(doc, s.start, max(s.end, limit))
        picks.append(Pick(doc.meta.id, s.start, end, _chunk_at(retriever, doc.meta.id, s.start) or chunk, 1.0))
    return picks


def _statement_end(doc: StoredDocument, start: int, end: int) -> int:
    """Where a unit's own statement ends: its heading text, up to the first full stop."""
    text = doc.cleaned[start:end]
    for m in re.finditer(r"[.!?:](\s|$)|\n\s*\n", text):
        if not m.group().strip() and broken_by_layout(text, text[:m.start()], m.end()):
            continue  # a blank line inside the statement ("for de" | "25 procent")
        if len(text[:m.start()].strip()) >= 25:  # past a bare label such as "PRINCIP I."
            return min(start + m.start() + 1, start + 400) if m.group().strip() else start + m.start()
    return min(end, start + 400)


def _intro_sentence(doc: StoredDocument, first_item: int, chunk: Chunk) -> Pick | None:
    before = doc.cleaned[chunk.clean_start:first_item].rstrip()
    if not before:
        return None
    spans = split_sentences(before, chunk.clean_start)
    if not spans:
        return None
    a, b = spans[-1]
    return Pick(doc.meta.id, a, b, chunk, 0.5)


def _chunk_at(retriever: Retriever, doc_id: str, pos: int) -> Chunk | None:
    for c in retriever.index.chunks:
        if c.doc_id == doc_id and c.clean_start <= pos < c.clean_end:
            return c
    return None


# -- goal questions ------------------------------------------------------------------------------

GOAL_STATUS_RE = re.compile(r"\b(hvordan går det|status|nået|opfyldt|hvor langt|går det godt|"
                            r"how is .* going|progress|achieved|reached)\b", re.IGNORECASE)
GOAL_MATCH_MIN = 2  # content terms a goal must share with the question
GOAL_WORDS = {"mål", "målet", "status", "går", "nået", "hvordan", "langt"}


def match_goal(question: str, goals, lexicon=None) -> object | None:
    """The goal a status question is about: most shared content terms with its title and statement."""
    terms = set(tokenize(question, lexicon)) - stopwords() - GOAL_WORDS - GENERIC_TERMS
    best, best_n = None, 0
    for g in goals:
        if g.placeholder:
            continue
        words = set(tokenize(" ".join(filter(None, (g.title, g.statement, g.indicator, g.area))), lexicon))
        n = len(terms & words)
        if n > best_n:
            best, best_n = g, n
    return best if best_n >= GOAL_MATCH_MIN else None


def goal_answer(question: str, language: str, retriever: Retriever, notices: list[str],
                passages: list[Passage]) -> Answer | None:
    """Answer a question about a goal's status or target from the goal data, with citations."""
    from .goals import goal_status, load_goals_cached

    if not GOAL_STATUS_RE.search(question):
        return None
    goal = match_goal(question, load_goals_cached(retriever.settings.corpus_dir), retriever.lexicon)
    if goal is None:
        return None
    status = goal_status(goal)
    refs = [goal.statement_source] + ([goal.stated_source] if goal.stated_source else []) + \
        [m.source for m in goal.measurements if m.source][-1:]
    picks = []
    for ref in refs:
        doc = retriever.index.documents.get(ref.document)
        if doc is None:
            continue
        a, b = doc.to_cleaned(ref.start, ref.end)
        chunk = _chunk_at(retriever, doc.meta.id, a) or retriever.index.chunks[0]
        picks.append(Pick(doc.meta.id, a, b, chunk, 1.0))
    citations = [_citation(n, p, retriever) for n, p in enumerate(picks, start=1)]
    marks = " ".join(f"[{c.n}]" for c in citations[1:])
    text = (f"{goal.title} ({goal.period}) [1]\n\nStatus: {status.status}. {status.reason}"
            f"{(' ' + marks) if marks else ''}")
    if language == "en":
        text = "From the goal data (in Danish):\n\n" + text
    return Answer(question=question, language=language, answerable=True, answer=text,
                  citations=tuple(citations), passages=tuple(passages), question_type="goal_status",
                  notices=tuple(notices))


# -- composition --------------------------------------------------------------------------------

def _citation(n: int, pick: Pick, retriever: Retriever) -> Citation:
    doc = retriever.index.documents[pick.doc_id]
    start, end = doc.to_original(pick.start, pick.end)
    meta = doc.meta
    return Citation(n=n, document_id=meta.id, source_file=meta.source_file, title=meta.title,
                    period=meta.period, status=meta.status, section=" › ".join(pick.chunk.section_path),
                    page=doc.page_at(start), quote=" ".join(doc.cleaned[pick.start:pick.end].split()),
                    original=doc.text[start:end], start=start, end=end, chunk_id=pick.chunk.id,
                    year=meta.year)


def compose(picks: list[Pick], retriever: Retriever, language: str, qtype: str) -> tuple[str, list[Citation]]:
    """Answer text grouped by document (period), each sentence followed by its [n]."""
    by_doc: dict[str, list[Pick]] = {}
    for p in picks:
        by_doc.setdefault(p.doc_id, []).append(p)
    # Adopted texts first, then drafts, then case papers; within a document in reading order.
    order = sorted(by_doc, key=lambda d: ({"adopted": 0, "draft": 1, "case": 2}.get(
        retriever.index.meta(d).status, 3), -max(p.score for p in by_doc[d])))
    citations: list[Citation] = []
    parts: list[str] = []
    grouped = len(order) > 1
    for doc_id in order:
        meta = retriever.index.meta(doc_id)
        lines = []
        for pick in sorted(by_doc[doc_id], key=lambda p: p.start):
            cit = _citation(len(citations) + 1, pick, retriever)
            citations.append(cit)
            lines.append(f"{cit.quote} [{cit.n}]")
        lead = PERIOD_LEAD.get(meta.status, "I {period}").format(period=meta.period)
        if qtype == "list":  # items keep their own label ("1)", "A)", "•"); others get a dash
            body = "\n".join(line if LABELLED.match(line) else f"- {line}" for line in lines)
        else:
            body = " ".join(lines)
        if grouped or meta.status == "draft":
            draft = " (udkast)" if meta.status == "draft" else ""
            parts.append(f"{lead}{draft}:\n{body}" if qtype == "list" else f"{lead}{draft}: {body}")
        else:
            parts.append(body)
    text = "\n\n".join(parts)
    if language == "en":
        text = "The documents answer this in Danish (quoted below):\n\n" + text
    return text, citations


def refusal(question: str, language: str, passages: list[Passage], notices: list[str], qtype: str,
            message: str | None = None) -> Answer:
    msg = message or ("Dokumenterne besvarer ikke dette spørgsmål. Se eventuelt de passager nedenfor, "
                      "der er mest beslægtede (måske relevant).")
    if language == "en" and not message:
        msg = ("The documents do not answer this question. " + msg)
    return Answer(question=question, language=language, answerable=False, answer=msg, citations=(),
                  passages=tuple(passages), question_type=qtype, notices=tuple(notices))


def _without_unnamed_placeholders(question: str, passages: list[Passage], retriever: Retriever) -> list[Passage]:
    """Put a template placeholder first when the question is about it, otherwise drop placeholders.

    A placeholder among the top 3 is what the question asks about when its section path names at
    least two of the question's terms, more than the top passage's path does ("konkrete mål" under "Tema 1"), and the question
    points at its document at least as strongly as at the other documents in the top 3.
    """
    from .retrieve import document_boost

    wanted = set(tokenize(question, retriever.lexicon)) - stopwords()
    named = lambda c: len(wanted & set(tokenize(" ".join(c.section_path), retriever.lexicon)))  # noqa: E731
    strength = lambda c: document_boost(question, retriever.index.meta(c.doc_id))  # noqa: E731
    content = [p for p in passages if not p.chunk.placeholder]
    holder = next((p for p in passages[:3] if p.chunk.placeholder), None)
    if holder is not None:
        others = [p.chunk for p in passages[:3] if not p.chunk.placeholder and p.chunk.doc_id != holder.chunk.doc_id]
        top_named = named(content[0].chunk) if content else 0
        if named(holder.chunk) >= PLACEHOLDER_NAMED and (holder is passages[0] or named(holder.chunk) > top_named) and \
                (not others or strength(holder.chunk) > max(strength(c) for c in others)):
            return [holder] + [p for p in passages if p is not holder]
    return content or passages


def placeholder_answer(question: str, language: str, qtype: str, passages: list[Passage], notices: list[str],
                       retriever: Retriever) -> Answer:
    """A section that is only a template: "not yet set", and who is to fill it in when it says so."""
    top = passages[0].chunk
    meta = retriever.index.meta(top.doc_id)
    doc = retriever.index.documents[top.doc_id]
    section = top.section or "—"
    owner = next((span for span in doc.placeholders if top.clean_start <= span[0] < top.clean_end
                  and "udfyldes af" in doc.cleaned[span[0]:span[1]].lower()), None)
    if qtype == "responsibility" and owner:
        pick = Pick(top.doc_id, owner[0], owner[1], top, 1.0)
        citation = _citation(1, pick, retriever)
        text = (f"Afsnittet »{section}« i {meta.title} er ikke udfyldt endnu. Skabelonen angiver, hvem der "
                f"skal udfylde det: {citation.quote} [1]")
        return Answer(question=question, language=language, answerable=True, answer=text,
                      citations=(citation,), passages=tuple(passages), question_type="placeholder",
                      notices=tuple(notices))
    return refusal(question, language, passages, notices, "placeholder",
                   message=f"Det er ikke fastsat endnu: {meta.title} har kun en skabelontekst i afsnittet "
                           f"»{section}«, som ikke er udfyldt. Se passagen nedenfor.")


def answer_question(question: str, retriever: Retriever, filters: Filters | None = None,
                    max_chars: int = 2000) -> Answer:
    """The full answer pipeline for one question."""
    text, notices = tidy_question(question, max_chars)
    if not re.search(r"\w", text):
        return Answer(question=question, language="da", answerable=False,
                      answer="Skriv et spørgsmål om integrationspolitikkerne, fx »Hvad er en efterkommer?«.",
                      question_type="empty", notices=tuple(notices))
    language = retriever.language(text)
    qtype = question_type(text)
    passages = retriever.search(text, k=10, filters=filters)
    goal = goal_answer(text, language, retriever, notices, passages)
    if goal is not None:
        return goal
    if language not in ("da", "en"):
        notices.append("Spørgsmålet ser ikke ud til at være på dansk; svaret bygger på de danske dokumenter.")
    evidence = support(text, passages, retriever)
    if language != "da":  # Danish passages cannot share terms with an English question
        evidence = Support(evidence.dense, 1.0)
    reason = missing_detail(text, language, passages, retriever)
    if reason:
        return refusal(text, language, passages, notices, qtype,
                       message=f"Dokumenterne besvarer ikke spørgsmålet: {reason} Se de mest "
                               "beslægtede passager nedenfor (måske relevant).")
    if not is_supported(evidence):
        return refusal(text, language, passages, notices, qtype)
    comparison = is_comparison(text, retriever)
    content = _without_unnamed_placeholders(text, passages, retriever)
    top = content[0].chunk
    if top.placeholder and not comparison:
        return placeholder_answer(text, language, qtype, content, notices, retriever)
    if comparison:
        picks = comparison_picks(text, qtype, content, retriever, filters)
    elif qtype == "list":  # only a list whose heading names what is asked for; else sentences
        picks = list_picks(content, retriever, text, min_overlap=1)
        count = asked_count(text)
        if count and not picks and not enumerated_in_a_sentence(content, text, count, retriever):
            return refusal(text, language, passages, notices, qtype,
                           message=f"Dokumenterne besvarer ikke spørgsmålet: De opregner ikke {count} sådanne "
                                   "punkter. Se de mest beslægtede passager nedenfor (måske relevant).")
    elif qtype == "responsibility" and RESPONSIBILITY_LIST_RE.search(text):  # the actor's responsibility list
        picks = list_picks(content, retriever, text, min_overlap=1)
    else:
        picks = []
    if not picks:
        picks = pick_sentences(content, text, qtype, retriever)
        qtype_used = qtype if qtype != "list" else "general"
    else:
        qtype_used = "list"
    body, citations = compose(picks, retriever, language, qtype_used)
    return Answer(question=text, language=language, answerable=True, answer=body,
                  citations=tuple(citations), passages=tuple(passages), question_type=qtype,
                  notices=tuple(notices))
