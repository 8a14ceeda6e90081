"""Terms the corpus defines (corpus/definitions.yaml), searchable, each with its exact source span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .corpus import parse_yaml
from .errors import GoalDataError
from .glossary import ENGLISH_TO_DANISH
from .question import COMPARISON_RE
from .types import SourceRef

DEFINITIONS_FILE = "definitions.yaml"


@dataclass(frozen=True)
class Definition:
    id: str
    term: str
    aliases: tuple[str, ...]
    period: str
    document: str
    text: str
    sources: tuple[SourceRef, ...]  # the first span, then any continuation spans


def load_definitions(corpus_dir: Path) -> list[Definition]:
    path = corpus_dir / DEFINITIONS_FILE
    if not path.exists():
        return []
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        out = []
        for d in data.get("definitions") or []:
            spans = [d["source"], *(d.get("further_sources") or [])]
            out.append(Definition(
                id=str(d["id"]), term=str(d["term"]), aliases=tuple(d.get("aliases") or ()),
                period=str(d.get("period") or ""), document=str(d["document"]), text=str(d["text"]),
                sources=tuple(SourceRef.from_dict(s) for s in spans)))
        return out
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GoalDataError([f"{DEFINITIONS_FILE} kan ikke læses: {exc}"]) from exc


_cache: dict[Path, tuple[tuple[int, int] | None, list[Definition]]] = {}


def load_definitions_cached(corpus_dir: Path) -> list[Definition]:
    """``load_definitions``, re-read only when definitions.yaml changed."""
    path = corpus_dir / DEFINITIONS_FILE
    stamp = (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None
    hit = _cache.get(corpus_dir)
    if hit is None or hit[0] != stamp:
        _cache[corpus_dir] = (stamp, load_definitions(corpus_dir))
    return _cache[corpus_dir][1]


def search_definitions(definitions: list[Definition], query: str) -> list[Definition]:
    """Definitions whose term, aliases or text contain the query (case-insensitive); all for ''."""
    def norm(text: str) -> str:  # "MENAPT-lande" and "menapt lande" are the same search
        return " ".join(text.lower().replace("-", " ").split())

    q = norm(query)
    if not q:
        return list(definitions)

    def rank(d: Definition) -> int:
        names = [norm(d.term), *(norm(a) for a in d.aliases)]
        if q in names:
            return 0
        if any(q in n for n in names):
            return 1
        return 2 if q in norm(d.text) else 3
    return sorted((d for d in definitions if rank(d) < 3), key=lambda d: (rank(d), d.term))


def definition_sources(definitions: list[Definition]) -> list[tuple[str, SourceRef]]:
    """(label, span) of every definition source, for verification with the goals."""
    return [(f"definition {d.id}", ref) for d in definitions for ref in d.sources]


# A question that asks what a term means, with the term last: "Hvad er en efterkommer?", "Hvad
# forstår politikken ved interkulturel integration?", "Hvilke lande er MENAPT-lande?".
ASKS_MEANING = re.compile(
    r"^(?:(?:er der (?:nogen |en )?forskel på|hvad er forskellen på|sammenlign),?\s+)?"  # per period, side by side
    r"(?:hvad er forskellen (?:på|mellem)|what is the difference between|"  # "… på en indvandrer og en efterkommer"
    r"hvad er definitionen på|(?:kan du )?(?:give mig |giv mig )?(?:definitionen|forklaringen) (?:af|på)|"
    r"hvad (?:er|var|betyder|betød|menes(?: der)? med|dækker|omfatter|går|indgår i|bruges)|defin[eé]r|"
    r"what is meant by|what's meant by|"
    r"hvad forstå(?:r|s)(?: \w+)? ved|hvordan defineres|hvordan (?:definerer|forklarer)(?: (?:brochuren|politikken|udkastet|"
    r"synopsen|dokumentet|man|de to(?: politikker)?|begge(?: politikker)?|politikkerne|dokumenterne|de|den|det)"
    r"(?:\s+(?:fra|for|i)\s+(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?)?)?|"
    r"hvordan (?:de to(?: politikker)?|begge(?: politikker)?|politikkerne|dokumenterne|politikken|udkastet|"
    r"synopsen|man) definerer|"  # "… forskel på, hvordan de to politikker definerer integration?"
    r"hvad vil det sige at være|hvornår (?:er|regnes|bliver|betragtes|klassificeres|tælles) (?:man|en person|nogen|"
    r"en borger)(?: som| for at være)?|"  # "Hvornår regnes en person som efterkommer i statistisk forstand?"
    r"hvad (?:(?:skal|kan) man forstå ved|ligger der i|indebærer|betegner)|hvilken betydning har|"
    r"(?:kan du )?forklar(?:e)?(?: mig)?,?(?: hvad)?|"  # "Forklar begrebet jobdansk.", "kan du forklare, hvad …"
    r"hvem (?:er|regnes som|tæller som|regnes for at have|hører under|hører til|dækker)|"
    r"hvilke lande (?:er|hører til|tæller som|regnes (?:for|som)|betragtes som)|"
    r"what (?:is|are|does|do)|who counts as|(?:which|what) countries (?:are considered(?: to be| as)?|are counted as|"
    r"are|count as|belong to))\s+"
    r"(?:(?:en|et|de|begrebet|betegnelsen|ordet|udtrykket|a|an|the)\s+)?"
    r"[\"'»«“”]?(?P<term>[^?\"'»«“”]+?)[\"'»«“”]?"
    # the verb's end: "hvad dækker X over", "hvad går X ud på", "hvad bruges X til"
    r"(?:\s+(?:mean|means|betyder|dækker over|for noget|over|ud på|til)(?:\s+(?:i|ifølge|in)\s+[^?]+)?)?\s*[?.!]?$",
    re.IGNORECASE)
# "Interkulturel integration – hvad er det?": the term first; "Hvad står MENAPT for?": the term inside.
TERM_FIRST = re.compile(r"^[\"'»«“”]?(?P<term>[^?\"'»«“”–:]+?)[\"'»«“”]?\s*[–:-]+\s*"
                        r"(?:hvad (?:er|betyder|dækker) (?:det|det for noget|det over)|what is (?:it|that))\s*\??$",
                        re.IGNORECASE)
TERM_INSIDE = re.compile(r"^(?:hvad står|what does)\s+(?:(?:begrebet|betegnelsen|forkortelsen|the term|the abbreviation)\s+)?"
                         r"[\"'»«“”]?(?P<term>[^?\"'»«“”]+?)[\"'»«“”]?\s+(?:for|stand for)"
                         r"(?:\s+(?:i|ifølge|in)\s+[^?]+)?\s*[?.!]?$", re.IGNORECASE)
# A term's meaning named anywhere in a comparison: "Hvordan har definitionen af integration ændret sig …?",
# "Har kommunen ændret sin forståelse af integration …?", "… sin forståelse af, hvad integration er, …?"
MEANING_NOUN = re.compile(r"\b(?:definition(?:en)?|forståelse(?:n)?|opfattelse(?:n)?|understanding)\s+"
                          r"(?:af|på|of)(?:\s+begrebet|\s+the term|,?\s+hvad)?\s+[\"'»«“”]?(?P<term>[^\W\d_]+(?:-?\s+og\s+[^\W\d_]+)?)",
                          re.IGNORECASE)
# "Er målgruppen den samme i den gamle og den nye politik?": the meaning of the term in each.
SAME_TERM = re.compile(r"^(?:er|var|is|was)\s+(?:the\s+)?(?P<term>[^\W\d_]+)\s+(?:den|det|de|the)\s+(?:samme|same)\b",
                       re.IGNORECASE)
# Whom a policy is for ("Hvem henvender politikken sig til?", "Henvender de to politikker sig til den samme
# gruppe?", "Who is the policy aimed at?"): its target group, the term AUDIENCE_TERM.
AUDIENCE_ASKED = re.compile(
    r"\b\w*(?:politik|udkast)\w*\s+(?:\w+\s+)?henvend\w*\s+sig\s+til\b|"
    r"\bhenvend\w*\s+(?:\w+\s+)?(?:\w*politik\w*|udkast\w*|de to politikker)\s+sig\s+til\b|"
    r"\bwho\s+(?:is|are|was|were)\s+(?:[\w-]+\s+){0,2}polic(?:y|ies)\s+(?:aimed at|for|addressed to)\b", re.IGNORECASE)
AUDIENCE_TERM = "målgruppe"
# Where a term may be followed by words that only place it ("vestlige i statistikken", "X in the draft").
# "forskellen på visionen og ?": the other side was a document's name, which the topic leaves out.
DANGLING = re.compile(r"\s+(?:og|and|samt)\s*$", re.IGNORECASE)
PLACING_TAIL = re.compile(r"\s+(?:i|ifølge|in|according to)\s+.+$")
ARTICLE = re.compile(r"^(?:en|et|de|den|det|a|an|the)\s+")
# "en person med vestlig baggrund", "borgere fra ikke-vestlige lande", "people of Western origin": the
# term is what the person has or comes from.
PERSON_WITH = re.compile(r"^(?:en |et |a |an )?(?:person|borger|københavner|menneske|folk|people|person|citizen|"
                         r"resident)\w*\s+(?:med|fra|with|from|of)\s+(?P<term>.+)$", re.IGNORECASE)


def asked_definitions(topic: str, definitions: list[Definition], english: bool = False,
                      question: str = "") -> list[Definition]:
    """The definitions of the term a question asks the meaning of (by its name or an alias), one per
    period the corpus defines it for; empty when the question asks anything else. ``topic`` is the
    question without the words that pick a document (see question.topic_of). An English term is
    read through the glossary's Danish words ("descendant" → efterkommer, "non-Western countries"
    → ikke-vestlige lande), matched on each word's first letters. Whom a policy is for (AUDIENCE_ASKED
    in the whole ``question``) asks for its target group."""
    text = " ".join(topic.split())
    terms = [_term_key(DANGLING.sub("", m.group("term"))) for m in (p.match(text) for p in (
        ASKS_MEANING, TERM_FIRST, TERM_INSIDE, SAME_TERM)) if m]
    if AUDIENCE_ASKED.search(question):
        terms.append(AUDIENCE_TERM)
    if COMPARISON_RE.search(text):  # how a meaning changed; elsewhere "forståelsen af …" may be a principle's words
        terms += [_term_key(m.group("term")) for m in MEANING_NOUN.finditer(text)]
    names = lambda d: {_term_key(d.term), *(_term_key(a) for a in d.aliases)}  # noqa: E731

    def defining(term: str) -> list[Definition]:
        if english:
            danish: list[str] = []
            for w in term.split():  # "flagship project": "fyrtårnsprojekt" holds the project already
                word = ENGLISH_TO_DANISH.get(w, (w,))[0]
                if not (danish and danish[-1].endswith(word)):
                    danish.append(word)
            wanted = _loose(" ".join(danish))
            return [d for d in definitions if wanted in {_loose(n) for n in names(d)}]
        return [d for d in definitions if term in names(d) or any(term in definite_forms(n) for n in names(d))]

    def asked(term: str) -> list[Definition]:
        found = defining(term) or defining(PLACING_TAIL.sub("", term))  # "vestlige i statistikken": vestlige
        had = PERSON_WITH.match(PLACING_TAIL.sub("", term))
        found = found or (defining(_term_key(had.group("term"))) if had else [])
        parts = [ARTICLE.sub("", p) for p in re.split(r",\s*|\s+(?:og|and)\s+", term) if p]
        if not found and len(parts) > 1:  # "inklusion og integration", "en indvandrer og en efterkommer": each
            each = [defining(p) for p in parts]
            found = [d for ds in each for d in ds] if all(each) else []
        return found

    return next((found for found in map(asked, terms) if found), [])


def definite_forms(name: str) -> set[str]:
    """A Danish noun's definite forms, which a question may use for a defined term:
    "diskriminationsgrundene", "målgruppen", "medborgerskabet", "indvandrerne"."""
    first, _, rest = name.partition(" ")
    if rest:  # "årshjulet for integrationsindsatsen": the first word's forms
        return {f"{form} {rest}" for form in definite_forms(first)}
    if len(name) < 5 or not name[-1:].isalpha():
        return set()
    if name.endswith("e"):
        return {name + "n", name + "ne", name[:-1] + "ne"}
    return {name + "en", name + "et", name + "ne", name + "erne"}


COUNTRY_NOUN = re.compile(r"\s+(?:lande|land|countries|country)$")


def _term_key(term: str) -> str:
    """A term as it is matched: lower case, hyphens as spaces, without a trailing 'lande'/'countries'
    ("MENAPT-lande", "MENAPT countries" and "MENAPT" are one term)."""
    key = " ".join(term.lower().replace("-", " ").split())
    return COUNTRY_NOUN.sub("", key) or key


def _loose(key: str) -> tuple[str, ...]:
    """A term key by its words' first five letters: Danish endings and English plurals fall away."""
    return tuple(w[:5] for w in _term_key(key).split())
