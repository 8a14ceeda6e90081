"""Policy periods a question names, and the periods the documents cannot answer for: a period no
document covers, a time after the last one, a policy named by the year it ran out, or the adoption of
a policy the documents hold only as a draft."""

from __future__ import annotations

import re

from .compare import named_documents
from .question import ADOPTION_ASKED
from .retrieve import Retriever, period_years
from .types import Passage

# "… når perioden udløber efter 2026?", "after the end of 2026": no policy reaches past its period.
AFTER_YEAR = re.compile(r"\b(?:efter|after|beyond)\s+(?:udgangen af\s+|the end of\s+)?((?:19|20)\d\d)\b",
                        re.IGNORECASE)
# "den integrationspolitik, der udløb ved udgangen af 2010", "the policy that expired in 2010": a policy by the
# year its period ended.
EXPIRED_POLICY = re.compile(r"\b(?:\w*politik\w*|udkast\w*|polic(?:y|ies))\b,?\s+(?:der|som|that|which)\s+"
                            r"(?:udløb|udløber|sluttede|ophørte|gjaldt (?:til|frem til)|expired|ended|ran out)\s+"
                            r"(?:(?:med|ved|i|in|at|by)\s+)?(?:udgangen af\s+|the end of\s+)?((?:19|20)\d\d)\b",
                            re.IGNORECASE)
PERIOD_RE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def document_periods(retriever: Retriever) -> set[str]:
    """The policy periods of the indexed documents ('2011-2014', '2023-2026')."""
    return {d.meta.period for d in retriever.index.documents.values()}


# One year naming a policy: "2011-politikken", "udkastet fra 2022", "the 2011 policy".
POLICY_WORD = r"(?:integrations)?(?:politik|udkast|synops)\w*"
POLICY_YEAR_RE = re.compile(
    rf"\b((?:19|20)\d\d)-{POLICY_WORD}|\b{POLICY_WORD}\s+(?:fra|for|i|af)\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
    r"|\b((?:19|20)\d\d)\s+(?:integration\s+)?(?:policy|draft|synopsis)\b"
    r"|\b(?:policy|draft|synopsis)\s+(?:from|of|for)\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", re.IGNORECASE)


def named_periods(question: str, periods: set[str]) -> set[str]:
    """The document periods the question names, as 'YYYY-YYYY': written out ("politikken
    2023-2026") or by one year of the period, or the year before it when a policy is written
    ("2011-politikken", "udkastet fra 2022")."""
    named = {f"{m.group(1)}-{m.group(2)}" for m in PERIOD_RE.finditer(question)} & periods
    for m in POLICY_YEAR_RE.finditer(question):
        year = int(next(g for g in m.groups() if g))
        named |= {p for p in periods if (span := period_years(p)) and span.start - 1 <= year < span.stop}
    return named


def off_period(question: str, answer_periods: set[str], periods: set[str]) -> str | None:
    """A Danish reason when the question names policy periods and the answer quotes none of them.

    "Hvornår blev politikken 2023-2026 vedtaget?" answered only from the 2011-2014 papers answers
    another policy's question; it is refused rather than shown as an answer.
    """
    named = named_periods(question, periods)
    if not named or named & answer_periods:
        return None
    return (f"De passager, der passer bedst, handler om en anden periode end "
            f"{' og '.join(sorted(named))}.")


def period_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A Danish reason when the question names a policy period no document covers, a time after the last
    one, a policy by the year it ran out that no document is, or asks when a policy that the documents
    hold only as a draft was adopted; else None."""
    periods = document_periods(retriever)
    for m in PERIOD_RE.finditer(question):
        if f"{m.group(1)}-{m.group(2)}" not in periods:
            return f"Ingen af dokumenterne er en politik for perioden {m.group(1)}-{m.group(2)}."
    expired = EXPIRED_POLICY.search(question)
    if expired and not any(p and p.endswith(expired.group(1)) for p in periods):
        return f"Ingen af dokumenterne er den politik, der udløb i {expired.group(1)}."
    after = AFTER_YEAR.search(question)
    latest = max((int(p[-4:]) for p in periods if re.fullmatch(r"\d{4}-\d{4}", p or "")), default=None)
    if after and latest and int(after.group(1)) >= latest:
        return f"Dokumenterne dækker ikke tiden efter {latest}."
    if ADOPTION_ASKED.search(question):
        adopted = {d.meta.period for d in retriever.index.documents.values() if d.meta.status == "adopted"}
        named = named_periods(question, periods) | {  # "den nye politik": the document named by its words
            retriever.index.meta(d).period for d in named_documents(question, retriever)}
        drafts = sorted(named - adopted)
        if drafts:
            return (f"Politikken for {drafts[0]} findes kun som udkast i dokumenterne; de siger ikke, hvornår "
                    "den er vedtaget.")
    return None
