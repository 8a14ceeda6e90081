"""Extractive answers with numbered citations.

Every sentence of an answer is a sentence of a document, cited with its exact original span.
Steps: tidy the question → detect its language and type → retrieve → decide whether the
documents answer it → choose sentences (or the whole structured list) → group by policy period
→ number the citations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .bodies import bodies_named
from .compare import comparison_picks, is_comparison, named_documents
from .counts import counted_lists
from .curated_answers import (GOAL_STATUS_RE, curated_picks, deadline_picks, definition_picks, lexicon_terms,
                              match_goal, source_pick, stated_figure_picks)
from .details import unknown_topic
from .duties import duty_picks
from .figures import QUANTITY_RE
from .lists import asked_count, enumerated_in_a_sentence, list_picks
from .periods import document_periods, named_periods, off_period
from .picks import LABELLED, TIME_IN_TEXT, Pick, best_in_span, merge_overlapping, pick_sentences, timed_picks
from .question import (COMPARISON_RE, RESPONSIBILITY_LIST_RE, SMALL_TALK, TRANSLATION_ASKED, WHEN_ASKED, WHO_RE,
                       expand_abbreviations, question_type, reported_question)
from .relevance import about_the_documents_only, relevance
from .retrieve import Retriever
from .silence import Support, english_covered, is_supported, missing_detail, support
from .sparse import tokenize
from .templates import unfinished_sections, unset_goals
from .types import Answer, Chunk, Citation, Filters, Passage

PLACEHOLDER_NAMED = 2     # question terms a template section's path must share to be what is asked
SYNOPSIS_LEAD = "I synopsen til politikken {period}"
PERIOD_LEAD = {"adopted": "I politikken {period}", "draft": "I udkastet til politikken {period}",
               "case": "I sagsfremstillingen ({period})"}
# Bullets inside one quoted passage ("ansvar: - Vi prioriterer … - Vi sikrer …"): each item on its own line.
INLINE_BULLET = re.compile(r"\s+[•\-]\s+(?=[A-ZÆØÅ])")
INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")


def tidy_question(raw: str, max_chars: int) -> tuple[str, list[str]]:
    """Strip control and invisible characters, collapse space, truncate; returns notices."""
    notices = []
    text = INVISIBLE.sub("", raw or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in text)
    text = " ".join(text.split())
    if len(text) > max_chars:
        asked = text.rfind("?") + 1 or len(text)  # a long text usually ends with what it asks
        if asked <= max_chars:
            text = text[:max_chars].rsplit(" ", 1)[0]
            notices.append(f"Spørgsmålet var meget langt og er afkortet til de første {len(text)} tegn.")
        else:
            text = text[asked - max_chars:asked].split(" ", 1)[-1]
            notices.append(f"Spørgsmålet var meget langt; kun de sidste {len(text)} tegn frem til det sidste "
                           "spørgsmålstegn er brugt.")
    return text, notices


# -- goal questions ------------------------------------------------------------------------------

GOAL_NOUN = re.compile(r"\b(mål\w*|succeskriter\w*|pejlemærke\w*|goals?|targets?|objectives?)\b", re.IGNORECASE)


def goal_answer(question: str, language: str, retriever: Retriever, notices: list[str],
                passages: list[Passage]) -> Answer | None:
    """Answer a question about a goal's status or target from the goal data, with citations."""
    from .goals import goal_status, load_goals_cached

    if not GOAL_STATUS_RE.search(question) or not GOAL_NOUN.search(question) or DEADLINE_ASKED.search(question):
        return None  # "Hvordan vurderede man status for integrationen …?" asks about no goal
    goal = match_goal(question, load_goals_cached(retriever.settings.corpus_dir), retriever.lexicon)
    if goal is None:
        return None
    status = goal_status(goal)
    refs = [goal.statement_source] + ([goal.stated_source] if goal.stated_source else []) + \
        [m.source for m in goal.measurements if m.source][-1:] + \
        ([goal.deadline_source] if goal.deadline_source and "frist" in status.reason else [])  # the rule used it
    picks = [p for p in (source_pick(ref, retriever) for ref in refs) if p is not None]
    citations = [_citation(n, p, retriever) for n, p in enumerate(picks, start=1)]
    marks = " ".join(f"[{c.n}]" for c in citations[1:])
    text = (f"{goal.title} ({goal.period}) [1]\n\nStatus: {status.status}. {status.reason}"
            f"{(' ' + marks) if marks else ''}")
    # "Blev målet nået?" with no measurement in the documents: they do not answer it; the goal is still shown
    unknown = status.status == "ikke målt" and bool(REACHED_ASKED.search(question))
    if unknown:
        text = f"Dokumenterne siger ikke, om målet er nået. {text}"
    if language == "en":
        text = "From the goal data (in Danish):\n\n" + text
    return Answer(question=question, language=language, answerable=not unknown, answer=text,
                  citations=tuple(citations), passages=tuple(passages), question_type="goal_status",
                  notices=tuple(notices))


# "Hvornår skulle målene være nået?", "By when should the goals be reached?": the deadline the text sets, no status.
DEADLINE_ASKED = re.compile(r"\b(?:hvornår|inden hvilket år|(?:by )?when)\b[^?]*"
                            r"\b(?:skal|skulle|bør|should|must|to be)\b", re.IGNORECASE)
# "Blev målet nået?", "Was the goal met?": whether a goal was reached, as a yes/no question.
REACHED_ASKED = re.compile(r"^\W*(?:blev|er|var|har|nåede|lykkedes|was|were|is|has|have|did)\b[^?]*\b(?:nået|nåede|"
                           r"opfyldt|indfriet|lykkedes|reached|achieved|met)\b", re.IGNORECASE)


def counted_answer(question: str, language: str, retriever: Retriever, notices: list[str],
                   passages: list[Passage], filters: Filters | None) -> Answer | None:
    """"Hvor mange principper har udkastet?": each document's list of what is counted, with the count
    in its lead; None unless every document the question names has such a list."""
    lists = counted_lists(question, language, passages, retriever, filters)
    if not lists or len({c.doc_id for c in lists}) < len(named_documents(question, retriever)):
        return None
    picks = merge_overlapping([p for c in lists for p in c.picks])
    counts: dict[str, str] = {}
    for c in lists:
        counts[c.doc_id] = f"{counts[c.doc_id]}, {c.label}" if c.doc_id in counts else c.label
    body, citations = compose(picks, retriever, language, "list", counts=counts)
    return Answer(question=question, language=language, answerable=True, answer=body, citations=tuple(citations),
                  passages=tuple(holding_first(passages, picks)), question_type="list", notices=tuple(notices))


# -- composition --------------------------------------------------------------------------------

def _citation(n: int, pick: Pick, retriever: Retriever) -> Citation:
    doc = retriever.index.documents[pick.doc_id]
    start, end = doc.to_original(pick.start, pick.end)
    meta = doc.meta
    return Citation(n=n, document_id=meta.id, source_file=meta.source_file, title=meta.title,
                    period=meta.period, status=meta.status, section=" › ".join(pick.chunk.section_path),
                    page=doc.page_at(start), quote=readable(doc.cleaned[pick.start:pick.end]),
                    original=doc.text[start:end], start=start, end=end, chunk_id=pick.chunk.id,
                    year=meta.year)


# "Integrationspolitik 2011-" | "2014": a period broken over a line, read as one
BROKEN_RANGE = re.compile(r"(\d)-\s+(?=\d)")


def readable(text: str) -> str:
    """Cleaned text as a quote reads: one line, a period broken by the layout whole again."""
    return BROKEN_RANGE.sub(r"\1-", " ".join(text.split()))


def compose(picks: list[Pick], retriever: Retriever, language: str, qtype: str,
            lead: str | None = None, counts: dict[str, str] | None = None) -> tuple[str, list[Citation]]:
    """Answer text grouped by document (period), each sentence followed by its [n]. ``counts``: what
    a document's lead says it lists ("fem pejlemærker"), for a counted list."""
    by_doc: dict[str, list[Pick]] = {}
    for p in picks:
        by_doc.setdefault(p.doc_id, []).append(p)
    # The document the question names (``lead``: "ifølge udkastet") first, then adopted texts, drafts
    # and case papers; within a document in reading order.
    order = sorted(by_doc, key=lambda d: (d != lead, {"adopted": 0, "draft": 1, "case": 2}.get(
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
            quote = INLINE_BULLET.sub(lambda m: "\n" + m.group().strip() + " ", cit.quote)
            lines.append(f"{quote} [{cit.n}]")
        lead = (SYNOPSIS_LEAD if meta.kind == "synopsis" else PERIOD_LEAD.get(meta.status, "I {period}")).format(
            period=meta.period)
        if counts and doc_id in counts:
            lead += f" – {counts[doc_id]}"
        if qtype == "list":  # items keep their own label ("1)", "A)", "•"); others get a dash
            body = "\n".join(line if LABELLED.match(line) else f"- {line}" for line in lines)
        else:
            body = " ".join(lines)
        # a draft always says so in its lead, and a document's period is said by its lead
        if grouped or meta.status == "draft" or qtype == "document" or counts:
            parts.append(f"{lead}:\n{body}" if qtype == "list" else f"{lead}: {body}")
        else:
            parts.append(body)
    text = "\n\n".join(parts)
    if language == "en":
        text = "The documents answer this in Danish (quoted below):\n\n" + text
    return text, citations


OFF_TOPIC = ("Dokumenterne besvarer ikke spørgsmålet: Det ser ikke ud til at handle om Københavns Kommunes "
             "integrationspolitikker. Se de mest beslægtede passager nedenfor (måske relevant).")
NO_TRANSLATION = ("Jeg oversætter ikke tekster: svarene citerer dokumenterne, som de står, på dansk. Spørg om "
                  "integrationspolitikkerne, fx »Hvad er en efterkommer?«.")
HELP = ("Jeg besvarer spørgsmål om Københavns Kommunes integrationspolitikker med citater fra dokumenterne – hver "
        "sætning med en kilde, du kan åbne og kontrollere. Spørg fx »Hvad er en efterkommer?«, »Hvilke pejlemærker "
        "har udkastet til politikken 2023-2026?« eller »Hvordan er forståelsen af integration ændret fra 2011-2014 "
        "til 2023-2026?«. Spørgsmål om andet end integrationspolitikkerne kan jeg ikke svare på.")


def unanswered_because(reason: str) -> str:
    """The Danish refusal message for a reason the documents cannot answer ("Dokumenterne nævner ikke …")."""
    return f"Dokumenterne besvarer ikke spørgsmålet: {reason} Se de mest beslægtede passager nedenfor (måske relevant)."


COMPARED_ON_NOTHING = ("Spørgsmålet siger ikke, hvad politikkerne skal sammenlignes på. Spørg fx om målgruppen, "
                       "forståelsen af integration, målene, principperne eller ansvarsfordelingen, så svarer jeg med "
                       "citater fra hver politik. Se de mest beslægtede passager nedenfor (måske relevant).")


def refusal(question: str, language: str, passages: list[Passage], notices: list[str], qtype: str,
            message: str | None = None, english_lead: str = "The documents do not answer this question.") -> Answer:
    msg = message or ("Dokumenterne besvarer ikke dette spørgsmål. Se eventuelt de passager nedenfor, "
                      "der er mest beslægtede (måske relevant).")
    if language == "en":  # a short English lead; the explanation stays Danish like the rest of the UI
        msg = f"{english_lead} {msg}"
    return Answer(question=question, language=language, answerable=False, answer=msg, citations=(),
                  passages=tuple(passages), question_type=qtype, notices=tuple(notices))


def _without_unnamed_placeholders(question: str, passages: list[Passage], retriever: Retriever) -> list[Passage]:
    """Put a template placeholder first when the question is about it, otherwise drop placeholders.

    A placeholder among the top 3 is what the question asks about when its section path names at
    least two of the question's terms (a municipal body the question names counts as two when the
    template names it), more than the top passage's path does ("konkrete mål" under "Tema 1") and no fewer
    than any content passage of the top 3, and the question points at its document more strongly than at
    the other documents in the top 3 (as strongly, when it asks who fills the template in).
    """

    wanted = _asked_terms(question, retriever)
    bodies = {body.acronym for body, _ in bodies_named(question)}
    # a municipal body the question names that the template names counts as two terms ('Socialforvaltningen' →
    # 'Udfyldes af SOF'): it says whose section is asked about
    named = lambda c: len(wanted & set(tokenize(" ".join(c.section_path), retriever.lexicon))) + \
        2 * len(bodies & set(re.findall(r"\w+", c.text)))  # noqa: E731
    strength = lambda c: retriever.document_boost(question, c.doc_id)  # noqa: E731
    content = [p for p in passages if not p.chunk.placeholder]
    named_docs = named_documents(question, retriever)  # "i det nye udkast": that document's template, a bit further down
    templates = [p for p in passages[:5] if p.chunk.placeholder and p.chunk.doc_id in named_docs[:1]] \
        if len(named_docs) == 1 and not WHO_RE.search(question) else []  # what it holds, not who fills it in
    templates = templates or [p for p in passages[:3] if p.chunk.placeholder]
    # the one the question names most; on a tie, by its rarer own words ("sundhed" over "gør", whose "Det gør vi
    # allerede" heads a section in every area)
    title = lambda c: set(tokenize(" ".join(c.section_path), retriever.lexicon))  # noqa: E731
    common = {doc: template_title_words([title(c) for c in retriever.index.chunks if c.placeholder and c.doc_id == doc])
              for doc in {p.chunk.doc_id for p in templates}}
    rarity = retriever.term_rarity
    rarest = max(rarity.values(), default=1.0)
    own = lambda c: sum(rarity.get(t, rarest) for t in (wanted - common[c.doc_id]) & title(c))  # noqa: E731
    holder = max(templates, key=lambda p: (named(p.chunk), own(p.chunk)), default=None)
    if holder is not None:
        others = [p.chunk for p in passages[:3] if not p.chunk.placeholder and p.chunk.doc_id != holder.chunk.doc_id]
        # a content passage among the top 3 that names more of the question than the template wins over it
        # ("… fremadrettet på beskæftigelsesområdet": not the by- og boligområde's template "… fremadrettet")
        top_named = max((named(p.chunk) for p in passages[:3] if not p.chunk.placeholder), default=0)
        first_named = named(content[0].chunk) if content else 0
        rival = max((strength(c) for c in others), default=None)  # the strongest other document's
        # "Hvem skal udfylde afsnittet om sundhed?": one word of the area's own title is enough when asked who fills it in
        needed = 1 if FILLS_IN.search(question) and own(holder.chunk) > 0 else PLACEHOLDER_NAMED
        if named(holder.chunk) >= needed and named(holder.chunk) >= top_named and \
                (holder is passages[0] or named(holder.chunk) > first_named) and \
                (rival is None or strength(holder.chunk) > rival
                 or (FILLS_IN.search(question) and strength(holder.chunk) >= rival)):
            return [holder] + [p for p in passages if p is not holder]
    return content or passages


def with_named_template(question: str, passages: list[Passage], retriever: Retriever,
                             filters: Filters | None) -> list[Passage]:
    """The passages with, first, the one template section of the document the question names that is to be
    filled in by a body the question names, or whose title names the question's words (those not in most
    template titles), when the search left it out of the top five ("Hvilke mål har Kultur- og
    Fritidsforvaltningen sat … i politikken 2023-2026?": "[Udfyldes af KFF …]"; "Hvilke konkrete mål har
    udkastet for by- og boligområdet?"); the placeholder check decides whether it is what the question asks about."""
    bodies = {body.acronym for body, _ in bodies_named(question)}
    named = named_documents(question, retriever)
    if len(named) != 1 or any(p.chunk.placeholder and p.chunk.doc_id == named[0] for p in passages[:5]):
        return passages
    templates = [c for c in retriever.index.chunks if c.placeholder and c.doc_id == named[0]
                 and (filters is None or filters.admits(retriever.index.meta(c.doc_id)))]
    if bodies:
        found = [c for c in templates if FILLED_IN_BY.search(c.text) and bodies & set(re.findall(r"\w+", c.text))]
    elif retriever.language(question) == "da":  # by whole words: "initiativpligten" names no "Initiativer"
        titles = {c.id: set(tokenize(" ".join(c.section_path))) for c in templates}
        own = set(tokenize(question)) - template_title_words(list(titles.values()))
        found = [c for c in templates if len(own & titles[c.id]) >= PLACEHOLDER_NAMED]
    else:
        found = []
    if len(found) != 1:
        return passages
    held = Passage(found[0], passages[0].score if passages else 0.0, 1)
    return [held] + [replace(p, rank=p.rank + 1) for p in passages if p.chunk != found[0]]


FILLED_IN_BY = re.compile(r"\budfyldes af\b", re.IGNORECASE)


def template_title_words(paths: list[set[str]]) -> set[str]:
    """Words most of the template sections' titles (their terms) share ("område", "situationen", "gør" of "Det
    gør vi allerede"): they name none of them."""
    return {t for t in set().union(*paths) if 2 * sum(t in p for p in paths) >= len(paths)} if paths else set()


def _asked_terms(question: str, retriever: Retriever) -> set[str]:
    """The question's terms to match section titles with; an English question's through its glossary's
    Danish words ("culture/leisure" → "kultur fritid")."""
    return lexicon_terms(retriever.expand(question) if retriever.language(question) == "en" else question,
                         retriever.lexicon)


FILLS_IN = re.compile(r"\b(udfyld\w*|forvaltning\w*|fill\w*)\b|\b(?:hvem|who)\b.*\b(?:skrive|skrives|write|written)\b",
                      re.IGNORECASE)  # "Hvad skal SOF skrive ind?" asks what, not who


def placeholder_answer(question: str, language: str, qtype: str, passages: list[Passage], notices: list[str],
                       retriever: Retriever) -> Answer:
    """A section that is only a template: "not yet set", and who is to fill it in when it says so
    (for every template section of its document that the question names)."""
    top = passages[0].chunk
    meta = retriever.index.meta(top.doc_id)
    section = top.section or "—"
    if qtype == "responsibility" or FILLS_IN.search(question):
        wanted = _asked_terms(question, retriever)
        templates = [c for c in retriever.index.chunks if c.placeholder and c.doc_id == top.doc_id and c != top]
        paths = [set(tokenize(" ".join(c.section_path), retriever.lexicon)) for c in templates]
        common = template_title_words(paths)
        holders = [top] + [c for c, path in zip(templates, paths) if wanted & (path - common)]
        picks = [Pick(c.doc_id, a, b, c, 1.0) for c in holders for a, b in _owners(c, retriever)]
        if picks:
            citations = [_citation(n, pick, retriever) for n, pick in enumerate(picks, start=1)]
            lines = [f"- »{c.section.split(' › ')[0] if c.section else '—'}«: {c.quote} [{c.n}]" for c in citations]
            text = (f"Afsnittene er ikke udfyldt endnu i {meta.title}. Skabelonen angiver, hvem der skal "
                    "udfylde dem:\n" + "\n".join(lines)) if len(picks) > 1 else \
                (f"Afsnittet »{section}« i {meta.title} er ikke udfyldt endnu. Skabelonen angiver, hvem der "
                 f"skal udfylde det: {citations[0].quote} [1]")
            return _template_answer(question, language, text, citations, passages, notices)
    templates = [Pick(top.doc_id, a, b, top, 1.0) for a, b in _templates(top, retriever)][:PLACEHOLDERS_QUOTED]
    if not templates:
        return refusal(question, language, passages, notices, "placeholder",
                       message=f"Det er ikke fastsat endnu: {meta.title} har kun en skabelontekst i afsnittet "
                               f"»{section}«, som ikke er udfyldt. Se passagen nedenfor.")
    citations = [_citation(n, pick, retriever) for n, pick in enumerate(templates, start=1)]
    quoted = " ".join(f"»{c.quote}« [{c.n}]" for c in citations)
    if PROPOSAL_ASKED.search(question) and any(TEMPLATE_EXAMPLE.search(c.quote) for c in citations):
        # "Hvilket fyrtårnsprojekt var der lagt op til …?": the template's example is what was proposed
        return _template_answer(question, language, f"Afsnittet »{section}« i {meta.title} er ikke udfyldt endnu; "
                                f"skabelonteksten giver et eksempel på, hvad der var lagt op til: {quoted}",
                                citations, passages, notices)
    return _template_answer(question, language, f"Det er ikke fastsat endnu: afsnittet »{section}« i {meta.title} "
                            f"har kun en skabelontekst, som ikke er udfyldt: {quoted}", citations, passages, notices,
                            answerable=False)


def unfinished_answer(question: str, language: str, unfinished: list[tuple[str, Pick]], passages: list[Passage],
                      notices: list[str], retriever: Retriever, goals: bool = False) -> Answer:
    """Every template section of the documents asked about, each with its template text (which says who
    fills it in, when it does), grouped by document. ``goals``: the templates of the goals a document
    was to set, asked for as its goals: they are not set yet. That answers the question (what the
    document sets: nothing yet, and what the template says will come), unlike the content of one
    template section, which the documents do not give (placeholder_answer)."""
    citations = [_citation(n, pick, retriever) for n, (_section, pick) in enumerate(unfinished, start=1)]
    parts: dict[str, list[str]] = {}
    for (section, _pick), c in zip(unfinished, citations):
        parts.setdefault(c.title, []).append(f"- »{section}«: {c.quote} [{c.n}]")
    lead = ("Det er ikke fastsat endnu: målene i {title} har kun en skabelontekst, som ikke er udfyldt:" if goals
            else "Ikke udfyldt endnu i {title} – afsnittene har kun en skabelontekst:")
    text = "\n\n".join(lead.format(title=title) + "\n" + "\n".join(lines) for title, lines in parts.items())
    return _template_answer(question, language, text, citations,
                            holding_first(passages, [p for _s, p in unfinished]), notices)


# A question about what was proposed or suggested, which a template's example ("fx …") answers; one
# about what was set ("Hvilke mål blev der sat?") is not answered by it.
PROPOSAL_ASKED = re.compile(r"\b(lagt op til|lægges op til|foresl\w*|forslag\w*|eksempel\w*|\w*idé\w*|"
                            r"suggest\w*|propos\w*|example\w*)", re.IGNORECASE)
TEMPLATE_EXAMPLE = re.compile(r"\b(fx|f\.eks\.|for eksempel|eksempelvis)\b", re.IGNORECASE)


def _template_answer(question: str, language: str, text: str, citations: list[Citation], passages: list[Passage],
                     notices: list[str], answerable: bool = True) -> Answer:
    """An answer quoting a section's template text: who fills it in (an answer), or that it is not set
    yet (``answerable=False``: the documents do not give what is asked, but the template shows why)."""
    if language == "en":
        text = ("These parts of the documents are still templates (quoted in Danish below):\n\n" if answerable else
                "This is not set yet in the documents (their template is quoted in Danish below):\n\n") + text
    return Answer(question=question, language=language, answerable=answerable, answer=text,
                  citations=tuple(citations), passages=tuple(passages), question_type="placeholder",
                  notices=tuple(notices))


PLACEHOLDERS_QUOTED = 3


def _templates(chunk: Chunk, retriever: Retriever) -> list[tuple[int, int]]:
    """The template spans of a chunk ("[Her indsættes konkrete mål …]"), in reading order."""
    doc = retriever.index.documents[chunk.doc_id]
    return [span for span in doc.placeholders if chunk.clean_start <= span[0] < chunk.clean_end]


def _owners(chunk: Chunk, retriever: Retriever) -> list[tuple[int, int]]:
    """The template spans of a chunk that say who fills it in ("[Udfyldes af SOF …]")."""
    doc = retriever.index.documents[chunk.doc_id]
    return [span for span in _templates(chunk, retriever) if "udfyldes af" in doc.cleaned[span[0]:span[1]].lower()]


def answer_question(question: str, retriever: Retriever, filters: Filters | None = None,
                    max_chars: int = 2000) -> Answer:
    """The full answer pipeline for one question. A question that writes out one policy period is
    answered from that period's documents first; when they give no answer, from all of them (which
    may say that another period holds what is asked)."""
    narrowed = period_filter(question, filters, retriever)
    answer = _answer(question, retriever, narrowed, max_chars)
    if narrowed is not filters and not answer.answerable:
        answer = _answer(question, retriever, filters, max_chars)
    if not answer.answerable and answer.question_type != "empty" and restricts(filters, retriever):
        unfiltered = _answer(question, retriever, None, max_chars)
        titles = sorted({c.title for c in unfiltered.citations})
        if unfiltered.answerable and not all(t in answer.answer for t in titles):  # the filters keep it out
            answer = replace(answer, notices=answer.notices + (
                f"Uden de valgte filtre findes der et svar i: {'; '.join(titles)}.",))
    return answer


def restricts(filters: Filters | None, retriever: Retriever) -> bool:
    """Whether the filters leave out any indexed document."""
    return filters is not None and any(not filters.admits(d.meta) for d in retriever.index.documents.values())


def _answer(question: str, retriever: Retriever, filters: Filters | None, max_chars: int) -> Answer:
    text, notices = tidy_question(question, max_chars)
    text = expand_abbreviations(text)
    asked = reported_question(text)
    if asked != text:  # "En borger spørger, hvad … Hvad skal jeg svare?": the borger's question, shown as written
        return replace(_answer(asked, retriever, filters, max_chars), question=text)
    if not re.search(r"\w", text):
        return Answer(question=question, language="da", answerable=False,
                      answer="Skriv et spørgsmål om integrationspolitikkerne, fx »Hvad er en efterkommer?«.",
                      question_type="empty", notices=tuple(notices))
    language = retriever.language(text)
    if SMALL_TALK.match(text):  # "Hej!", "Hvad kan du hjælpe mig med?": what the assistant is for
        return Answer(question=text, language=language, answerable=False, answer=HELP, question_type="help",
                      notices=tuple(notices))
    if TRANSLATION_ASKED.match(text):
        lead = "I do not translate texts. " if language == "en" else ""  # the explanation stays Danish
        return Answer(question=text, language=language, answerable=False, answer=lead + NO_TRANSLATION,
                      question_type="help", notices=tuple(notices))
    qtype = question_type(text)
    passages = retriever.search(text, k=10, filters=filters)
    if not passages and restricts(filters, retriever):
        return refusal(text, language, passages, notices, qtype,
                       message="Ingen af dokumenterne passer til de valgte filtre. Vælg flere perioder eller "
                               "dokumenttyper i sidepanelet.")
    goal = goal_answer(text, language, retriever, notices, passages)
    if goal is not None:
        return goal
    counted = counted_answer(text, language, retriever, notices, passages, filters)
    if counted is not None:
        return counted
    if language not in ("da", "en"):
        notices.append("Spørgsmålet ser ikke ud til at være på dansk; svaret bygger på de danske dokumenter.")
    evidence = support(text, passages, retriever)
    if language != "da":  # Danish passages share no words with an English question, only its glossary's
        evidence = Support(evidence.dense, 1.0 if language != "en" or english_covered(text, passages, retriever)
                           else 0.0)
    reason = missing_detail(text, language, passages, retriever)
    if reason and not definition_picks(text, retriever):  # a defined term's name is no missing detail ("Welcome House")
        return refusal(text, language, passages, notices, qtype, message=unanswered_because(reason))
    unfinished = unfinished_sections(text, retriever, filters)
    if unfinished:  # "Hvilke afsnit i udkastet er ikke udfyldt endnu?"
        return unfinished_answer(text, language, unfinished, passages, notices, retriever)
    unset = unset_goals(text, retriever, filters)
    if unset:  # "Hvad er målene i synopsen?": not set yet, as the goal templates show
        return unfinished_answer(text, language, unset, passages, notices, retriever, goals=True)
    if COMPARISON_RE.search(text) and about_the_documents_only(text, retriever):  # "Hvad er forskellen på politikkerne?"
        return refusal(text, language, passages, notices, qtype, message=COMPARED_ON_NOTHING,
                       english_lead="The question does not say what to compare the policies on.")
    # The curated data answers what it holds exactly: an area's goals, a defined term's meaning.
    curated, curated_type = curated_picks(text, retriever, filters or Filters())
    if not curated and restricts(filters, retriever):
        defined = {retriever.index.meta(p.doc_id).title for p in definition_picks(text, retriever)}
        if defined:  # the term is defined, but in a document the filters leave out
            return refusal(text, language, passages, notices, "definition",
                           message=f"Begrebet er defineret i {'; '.join(sorted(defined))}, som de valgte filtre "
                                   "udelukker. Fjern filtrene for at se definitionen.")
    if not curated and not is_supported(evidence, foreign=language != "da"):
        off_topic = (fit := relevance(text, passages, retriever, evidence.dense)) is not None and fit.off_topic
        return refusal(text, language, passages, notices, qtype, message=OFF_TOPIC if off_topic else None)
    content = _without_unnamed_placeholders(text, with_named_template(text, passages, retriever, filters),
                                            retriever)
    top = content[0].chunk
    # a template section the question names is about the documents, however few words it shares with them
    fit = None if curated or top.placeholder else relevance(text, passages, retriever, evidence.dense)
    if fit is not None and fit.off_topic:
        return refusal(text, language, passages, notices, qtype, message=OFF_TOPIC)
    # about the policies' matters, but about a thing they never name ("Hvilke sanktioner …"); after the
    # off-topic check, which tells "Hvad siger politikken om parkering?" that it is about something else
    unknown = None if curated else unknown_topic(text, language, passages, retriever)
    if unknown:
        return refusal(text, language, passages, notices, qtype, message=unanswered_because(unknown))
    comparison = is_comparison(text, retriever) and not curated
    if top.placeholder and not comparison and not curated:
        return placeholder_answer(text, language, qtype, content, notices, retriever)
    style = None  # how compose lays the picks out, when not decided by where they came from
    if curated:
        picks, qtype, style = curated, curated_type, curated_type
        if curated_type == "document":  # a fact about a document itself (its period): its own sentence
            qtype = "general"
        elif curated_type == "general":  # one goal's statement, with what the text says about it
            # "målet i 2011-politikken, og hvordan står det til ifølge det nye udkast?": the other side's too
            both = one_side_of(curated, named_documents(text, retriever))
            added = ([p for p in comparison_picks(text, qtype, content, retriever, filters)
                      if p.doc_id not in {c.doc_id for c in curated}] if both
                     else with_stated_goal(text, pick_sentences(content, text, qtype, retriever, limit=3), content,
                                           retriever))
            picks = merge_overlapping(curated + added)
        elif curated_type == "definition" and one_side_of(curated, named_documents(text, retriever)):
            # "forskellen på visionen i 2011 og i udkastet": the named document without a definition by its sentences
            picks = merge_overlapping(curated + [p for p in comparison_picks(text, qtype, content, retriever, filters)
                                                 if p.doc_id not in {c.doc_id for c in curated}])
            style = "general"
        elif curated_type == "item":  # a labelled item ("princip E"), with what its own passage goes on to say
            following = [p for p in pick_sentences(content, text, "general", retriever, limit=3)
                         if any(p.doc_id == c.doc_id and c.end <= p.start < _item_end(c, retriever) for c in curated)]
            following += item_following(curated, text, content, retriever)
            picks, qtype, style = merge_overlapping(curated + following), "general", "general"
    elif comparison:
        picks = comparison_picks(text, qtype, content, retriever, filters)
    elif qtype in ("responsibility", "list") and (duties := duty_picks(text, retriever, filters, content)):
        picks, qtype = duties, "responsibility"  # an actor's duty list, or the duties that are the task asked about
    elif qtype == "list":  # only a list whose heading names what is asked for; else sentences
        picks = list_picks(content, retriever, text, min_overlap=1)
        count = asked_count(text)
        if count and not picks and not enumerated_in_a_sentence(content, text, count, retriever):
            return refusal(text, language, passages, notices, qtype,
                           message=unanswered_because(f"De opregner ikke {count} sådanne punkter."))
    elif qtype == "responsibility" and RESPONSIBILITY_LIST_RE.search(text) and not WHO_RE.search(text):
        # the actor's responsibility list ("Hvad er kommunens ansvar?"; "Hvem har ansvaret?" asks for the actor)
        picks = list_picks(content, retriever, text, min_overlap=1)
    else:
        picks = []
    from_list = bool(picks) and not comparison
    if not picks:
        picks = pick_sentences(content, text, qtype, retriever)
        if QUANTITY_RE.search(text) and not any(re.search(r"\d", _quoted(p, retriever)) for p in picks):
            picks = merge_overlapping(stated_figure_picks(content, retriever) + picks)  # the goal's figure
        else:
            picks = with_stated_goal(text, picks, content, retriever)
        if WHEN_ASKED.search(text) and not any(TIME_IN_TEXT.search(_quoted(p, retriever)) for p in picks):
            timed = timed_picks(content, text, retriever)  # the time the text states, and the best two beside it
            picks = merge_overlapping(timed + picks[:2]) if timed else picks
    if WHEN_ASKED.search(text) and not comparison:  # "Mål 2 …, og hvornår skulle det være nået?": its deadline
        picks = merge_overlapping(picks + [d for d in deadline_picks(picks, retriever) if d not in picks])
    reason = off_period(text, {retriever.index.meta(p.doc_id).period for p in picks}, document_periods(retriever))
    if reason:
        return refusal(text, language, passages, notices, qtype, message=unanswered_because(reason))
    named = [] if comparison else named_documents(text, retriever)
    body, citations = compose(picks, retriever, language, style or ("list" if from_list else
                                                                    (qtype if qtype != "list" else "general")),
                              named[0] if len(named) == 1 else None)
    if curated or from_list:  # the answer is a unit of the structure: the passages holding it lead
        passages = holding_first(passages, picks)
        if curated and curated_type == "general":  # the goal's own passage before those of the sentences added
            passages = holding_first(passages, curated)
    elif picks and not comparison:  # the passage of the best sentence leads the sources
        passages = holding_first(passages, picks[:1])
    return Answer(question=text, language=language, answerable=True, answer=body,
                  citations=tuple(citations), passages=tuple(passages), question_type=qtype,
                  notices=tuple(notices))


# What a policy was or is to achieve: its goal's statement answers it.
GOAL_INTENT = re.compile(r"\b(?:opnå|opnås|opnået|achieve|achieved)\b", re.IGNORECASE)


def with_stated_goal(question: str, picks: list[Pick], passages: list[Passage], retriever: Retriever) -> list[Pick]:
    """The picks, led by the statement of the goal whose section holds a top passage, when the question asks
    what was to be achieved ("Hvad ville man opnå for de tosprogede skoleelever …?": "Mål 1: De faglige
    resultater skal forbedres for de 25 procent svageste tosprogede elever")."""
    if not GOAL_INTENT.search(question):
        return picks
    asked = lexicon_terms(question, None)  # whole words: "kvalitetsløft" is not "Integrationsløft"
    stated = [p for p in stated_figure_picks(passages, retriever, figure=False)  # a goal about what is asked
              if asked & lexicon_terms(_quoted(p, retriever), None)]
    return merge_overlapping(stated + picks)


def one_side_of(picks: list[Pick], named: list[str]) -> bool:
    """Whether picks from the curated data answer only one of two or more documents a question names."""
    return len(named) > 1 and len({p.doc_id for p in picks} & set(named)) < 2


ITEM_SECTION_KINDS = ("principle", "goal", "area", "letter_item", "numbered_item")


ITEM_FOLLOWING = 3  # sentences of a labelled item's own text after its statement


def item_following(items: list[Pick], question: str, passages: list[Passage], retriever: Retriever) -> list[Pick]:
    """The best sentences of each principle's own text after its statement, ranked among that text alone
    ("Hvad går det tredje princip ud på?": "Integration kræver partnerskaber …" after "I København har alle et
    ansvar …"), so a sentence elsewhere that the question also fits does not crowd them out. A chunk the
    search did not return ranks after the last one it did. (A goal's section goes on with its area's text,
    which is not the goal's: there only the question's best sentences that fall inside it are added.)"""
    found = {p.chunk: p for p in passages}
    last = Passage(passages[-1].chunk, passages[-1].score, len(passages) + 1) if passages else None
    out: list[Pick] = []
    for item in items:
        sections = [s for s in retriever.index.documents[item.doc_id].sections
                    if s.kind == "principle" and s.start <= item.start < s.end]
        if not sections:
            continue
        end = min(s.end for s in sections)
        own = [found.get(c) or Passage(c, last.score if last else 0.0, last.rank if last else 1)
               for c in retriever.index.chunks
               if c.doc_id == item.doc_id and c.clean_start < end and item.end < c.clean_end]
        out += best_in_span(own, question, retriever, item.doc_id, item.end, end, ITEM_FOLLOWING)
    return out


def _quoted(pick: Pick, retriever: Retriever) -> str:
    """The cleaned text a pick quotes."""
    return retriever.index.documents[pick.doc_id].cleaned[pick.start:pick.end]


def _item_end(pick: Pick, retriever: Retriever) -> int:
    """Where the labelled item that starts at a pick ends (its section: "PRINCIP 1." up to "PRINCIP 2.")."""
    sections = [s for s in retriever.index.documents[pick.doc_id].sections
                if s.kind in ITEM_SECTION_KINDS and s.start <= pick.start < s.end]
    return min((s.end for s in sections), default=pick.end)


def period_filter(question: str, filters: Filters | None, retriever: Retriever) -> Filters | None:
    """The filters, narrowed to the one policy period the question writes out ("i udkastet til
    politikken 2023-2026"), unless the question compares or the user chose periods already."""
    named = named_periods(question, document_periods(retriever))
    if len(named) != 1 or (filters and filters.periods) or is_comparison(question, retriever):
        return filters
    return replace(filters or Filters(), periods=tuple(named))


def holding_first(passages: list[Passage], picks: list[Pick]) -> list[Passage]:
    """The passages that hold a pick first, then the others, each group in rank order (renumbered).
    A pick from the curated data whose passage the search did not return brings it along (score 0,
    no retriever ranks), in place of the last one, so that every cited passage is among the sources."""
    def overlap(k: Pick, c) -> bool:
        return k.doc_id == c.doc_id and k.start < c.clean_end and c.clean_start < k.end

    def holds(p: Passage) -> bool:
        return any(overlap(k, p.chunk) for k in picks)
    missing = [k.chunk for k in picks if overlap(k, k.chunk) and not any(overlap(k, p.chunk) for p in passages)]
    added = [Passage(chunk=c, score=0.0, rank=0) for c in dict.fromkeys(missing)]
    ordered = [p for p in passages if holds(p)] + added + [p for p in passages if not holds(p)]
    return [replace(p, rank=n) for n, p in enumerate(ordered[:max(len(passages), len(added))], start=1)]
