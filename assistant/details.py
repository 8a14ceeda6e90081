"""Details the documents may not hold, each checked against the top passages: a name of a body or
place, a year, a thing asked about by a noun the documents never use, who holds a role or sits in a
body, money, contact details, opening hours, which ones by name, a body's decision, a difference
between two things, what a plan contains, what a speaker said, an attachment named only by its title,
and what came of something. Each check returns a Danish reason, or None when the passages may hold
the detail."""

from __future__ import annotations

import re

from .asked import (SENTENCE_START, STEM_PREFIX, asked_clause, asked_sentence_start, asked_terms, names_most,
                    passage_words, synonym_stems, top_sentences, under_its_heading)
from .attachments import attachment_only
from .bodies import Body, bodies_named
from .figures import CARDINALS
from .question import DOCUMENT_REFERENCE, topic_of
from .retrieve import Retriever
from .sentence_rank import passage_sentences
from .sparse import stopwords, term_set, tokenize
from .types import Passage

MONEY_RE = re.compile(r"\b(kroner|kr\.|penge|koste\w*|kostede|pris|budget\w*|mio\.|millioner|bevilling\w*|beløb\w*)",
                      re.IGNORECASE)
# An amount is asked for ("hvor mange kroner", "hvad er budgettet", "what is the annual budget"), not how
# something is paid for ("Hvordan skal politikken finansieres inden for budgettet?").
AMOUNT_ASKED = re.compile(r"\b(hvor (?:mange|meget|stort|store|høj)|hvad (?:koster|kostede|vil \w+ koste)\b|"
                          r"hvad (?:koster|er|var|bliver) "
                          r"(?:det |den |deres |dens |dets )?(?:\w+ )?(?:budget\w*|pris\w*|beløb\w*|bevilling\w*)|"
                          r"beløb\w*|how much|what (?:is|was|are) (?:the|their|its) (?:\w+ )?(?:budget|cost|price|amount)s?)\b",
                          re.IGNORECASE)
MONEY_IN_TEXT = re.compile(r"\b(kr\.|kroner|mio\.|millioner|mia\.)", re.IGNORECASE)
CONTACT_RE = re.compile(r"\b(kontaktperson\w*|telefon\w*|e-?mail\w*|mailadresse|adresse\w*|ringe til)\b", re.IGNORECASE)
# Opening hours ("Hvad er åbningstiderne i Welcome Houses?"): only a time of day answers them.
# ("forsøg med udvidede åbningstider i klubberne" is a goal's content: only the hours themselves are asked here)
OPENING_HOURS = re.compile(r"\b(?:hvad er åbningstid\w*|hvornår (?:har|holder) (?:\w+\s+){1,4}?åbent|"
                           r"hvilke (?:dage|ugedage|tidspunkter)(?: og (?:tidspunkter|tider|dage))? (?:\w+\s+){0,3}?åbent|"
                           r"what are the opening (?:hours|times))\b", re.IGNORECASE)
TIME_OF_DAY = re.compile(r"\bkl\.\s*\d|\b\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b")
# "Hvem er formand for …": only a person's name answers it.
PERSON_ROLE_RE = re.compile(r"\bhvem (?:er|var|bliver|blev|har været)\s+(?:den\s+)?(?:nye\s+)?"
                            r"((?:\w+-\s+og\s+)?\w*(?:formand|leder|direktør|borgmester|chef|minister|ordfører|"
                            r"sekretær|ordstyrer|moderator|facilitator)\w*)\b|\bwho (?:is|was) the\s+(chair\w*|head|"
                            r"director|mayor|leader|minister|moderator|facilitator|host)\b|"
                            r"\b(?:hvem|who)\s+(modererede|faciliterede|moderated|facilitated|hosted)\b", re.IGNORECASE)
ROLE_BASE = re.compile(r"formand|leder|direktør|borgmester|chef|minister|ordfører|sekretær|ordstyrer|moderator|facilitator")
ENGLISH_ROLES = {"chair": ("forman",), "chairman": ("forman",), "chairwoman": ("forman",), "head": ("leder", "chef"),
                 "director": ("direkt",), "mayor": ("borgme",), "leader": ("leder",), "moderator": ("moder", "ordstyr"),
                 "facilitator": ("facilit",), "host": ("vært",)}
ENGLISH_ROLE_NAMES = {"chair": "formand", "chairman": "formand", "chairwoman": "formand", "head": "leder",
                      "director": "direktør", "mayor": "borgmester", "leader": "leder", "moderator": "ordstyrer",
                      "facilitator": "facilitator", "host": "vært"}
# "hvem modererede", "who hosted": the role the verb names.
ROLE_OF_VERB = {"modererede": "moderator", "moderated": "moderator", "faciliterede": "facilitator",
                "facilitated": "facilitator", "hosted": "host"}
# "Hvem sidder i tænketanken?", "Hvem er medlem af …", "Who are the members of …": only people's names answer it.
MEMBERS_ASKED = re.compile(r"\b(?:hvem (?:sidder|sad) (?:i|på)|hvem (?:er|var|bliver|blev) (?:medlem(?:mer)?|med) (?:af|i)|"
                           r"hvilke medlemmer|hvem består \w+ af|who (?:sits|sat|are|were) (?:on|in|the members of))\b",
                           re.IGNORECASE)
PERSON_NAME = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+)(?:\s+[A-ZÆØÅ]\.)?\s+[A-ZÆØÅ][a-zæøå]{2,}\b")
CONTACT_IN_TEXT = re.compile(r"@|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")

# What something holds: "Hvad indeholder handleplanen …?", "Hvilke initiativer indeholder …?", "Hvilke konkrete
# tiltag står der i handleplanen …?" (group 1 or 2: the thing).
CONTENT_ASKED = re.compile(r"\b(?:hvad\s+|hvilke\s+(?:\w+\s+){0,3}?)(?:indeholder|indeholdt|omfatter|rummer)\s+([^?.!]+)|"
                           r"\bhvilke\s+(?:konkrete\s+)?(?:tiltag|initiativer|aktiviteter|elementer|punkter)\s+"
                           r"(?:står der|er der|indgår)\s+i\s+([^?.!]+)", re.IGNORECASE)
CONTENT_IN_TEXT = re.compile(r"\b(?:indeholder|omfatter|består af|rummer|herunder|bl\.\s?a\.|blandt andet|fx|"
                             r"f\.eks\.|med fokus på)(?!\w)|:", re.IGNORECASE)
# What a named speaker said: "Hvad fortalte Bertel Haarder om i sit oplæg?", "Hvad sagde Rockwool Fonden?". A
# top sentence must name the speaker with a verb that reports what was said, not only the talk.
SAID_BY = re.compile(r"\b(?i:hvad\s+(?:fortalte|sagde|talte|fremlagde|præsenterede|mente|pointerede|fremhævede))\s+"
                     r"((?:[A-ZÆØÅ][\w-]+)(?:\s+[A-ZÆØÅ][\w-]+)*)")
SPEECH_IN_TEXT = re.compile(r"\b(?:sagde|fortalte|påpegede|pegede på|fremhævede|understregede|mente|foreslog|"
                            r"anbefalede|udtalte|konkluderede|pointerede|fremlagde|præsenterede)\b", re.IGNORECASE)
# "forskel på mænd og kvinder": a difference between two things, of which a passage must name one.
COMPARED_PAIR = re.compile(r"\bforskel\w*\s+(?:på|mellem)\s+(?:(?:en|et|de)\s+)?([^\W\d_]{3,})\s+og\s+"
                           r"(?:(?:en|et|de)\s+)?([^\W\d_]{3,})", re.IGNORECASE)

# "Hvilke konkrete virksomheder …": only names answer it (Danish writes names, not kinds, with a
# capital). "Hvilke skoler …" may be answered by a kind ("de ti svageste skoler"), and "konkrete mål"
# or "konkrete tiltag" by what they are.
# A count before the kind asks for the members of a set the documents may only count ("Hvilke ti skoler
# blev valgt ud?" is not answered by "de ti svageste skoler").
NAMED_KINDS = (r"(?:virksomheder|firmaer|organisationer|foreninger|skoler|institutioner|byer|lande|kommuner|omegnskommuner|"
               r"bydele|boligområder|personer|partnere|companies|firms|organi[sz]ations|associations|schools|"
               r"institutions|cities|countries|municipalities|districts|people|persons|partners)")
# Names asked for: "hvilke konkrete virksomheder", "hvilke seks skoler", and which ones belong to a set
# ("Hvilke skoler er med i integrationsløftet?", "… indgår i", "… blev udvalgt til").
NAMES_ASKED = re.compile(
    rf"\b(?:hvilke|which)\s+(?:(?:konkrete|specifikke|navngivne|specific|named|{CARDINALS}|\d+)\s+{NAMED_KINDS}\b|"
    rf"{NAMED_KINDS}\s+(?:(?:er|blev|var|bliver)\s+(?:\w+\s+)?(?:udvalgt|valgt|udpeget|med|omfattet|inddraget)|"
    r"(?:har|havde)\s+(?:\w+\s+){0,2}?(?:indgået|deltaget|tilsluttet|underskrevet)|"
    r"indgår|indgik|deltager|deltog|hører\s+med|"
    # where or among whom something is most: "i hvilke bydele flest minoritetsborgere oplevede diskrimination"
    r"(?:\w+\s+){0,3}?(?:flest|færrest|mest|mindst|størst|højest|lavest))\b)", re.IGNORECASE)
# Two or more names in a row: "Tyrkiet, Irak, Iran", "Indre By, Vesterbro, Husum og Valby".
NAME = r"[A-ZÆØÅ][\w/]*\w(?![\w-])(?:\s+[A-ZÆØÅ][\w/]*\w(?![\w-]))*"
NAMES_IN_A_ROW = re.compile(rf"{NAME}(?:\s*(?:,|\bog\b|\bsamt\b|\band\b)\s*{NAME})+")


def names_listed(question: str, language: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a top passage that names most of what is asked lists names in one of its sentences
    ("hvilke lande er MENAPT" is answered by "Tyrkiet, Irak, …"; "hvilke skoler er heldagsskoler" is
    not by "heldagsskolerne")."""
    asked = NAMES_ASKED.search(question)
    # what is named is asked for, not said: "hvilke organisationer" is answered by "Rockwool Fonden"
    own = asked_terms(topic_of(question), language, asked.group() if asked else "")
    lists_names = {p.chunk.id for p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5)
                   if NAMES_IN_A_ROW.search(" ".join(doc.cleaned[a:b].split()))}
    return any(p.chunk.id in lists_names and names_most(own, p.chunk.text, retriever) for p in passages[:5])


def person_named(role: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a top sentence names the role and a person."""
    base = ROLE_BASE.search(role.lower())  # "beskæftigelses- og integrationsborgmester": a borgmester
    stems = ENGLISH_ROLES.get(role.lower(), ((base.group() if base else role.lower())[:STEM_PREFIX],))
    return any(any(stem in text.lower() for stem in stems) and person_in(text, retriever)
               for text in top_sentences(passages, retriever))


def members_named(asked: set[str] | None, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a top sentence names what the members belong to (most of the asked terms) and a person."""
    return any(person_in(text, retriever) and names_most(asked, text, retriever)
               for text in top_sentences(passages, retriever))


def person_in(text: str, retriever: Retriever) -> bool:
    """Whether the text names a person: two capitalised words, the first not a Danish word ("Bertel
    Haarder", not "Københavns Kommune" or "Det Nationale")."""
    return any(m.group(1).lower() not in retriever.lexicon for m in PERSON_NAME.finditer(text))


# A question about what came of something: a result, an evaluation, whether it got better.
OUTCOME_ASKED = re.compile(
    r"\b(hvilke resultater|hvilket resultat|hvad viste|hvad har (?:\w+ ){1,3}vist|resultatet af|resultaterne af|"
    r"blevet evalueret|evaluering\w* vist|konklusion(?:en|erne) (?:på|af|fra)|hvad konkluderede|"
    r"viste evaluering\w*|blev (?:\w+ ){1,3}(?:bedre|bedst|værre|større|mindre|højere|lavere)|lykkedes det|"
    r"hvilken placering|placerede sig|hvilke[nt]? evaluering\w*|what (?:place|rank\w*)|"
    r"what (?:was|were) (?:[\w']+ ){1,3}(?:place|rank\w*|position)|"
    r"what (?:were|are) the results|did (?:\w+ ){1,4}(?:improve|get better|succeed)|the evaluation show|"
    r"(?:has|have|was|were) (?:\w+ ){1,4}evaluated|"
    # whether a goal was reached ("Nåede København målet om …?", "Blev målet nået?"), not when it was to be
    r"nåede (?:\w+ ){0,4}mål\w*|blev (?:\w+ ){0,6}(?:nået|opfyldt|indfriet)|"
    r"did (?:\w+ ){1,4}(?:reach|achieve|meet) (?:\w+ ){0,2}(?:goal|target)s?)\b", re.IGNORECASE)
# A sentence that reports what came of something (past or perfect tense, a before and after).
OUTCOME_IN_TEXT = re.compile(
    r"\b(viste|viser|har vist|steg|steget|faldt|faldet|forbedret|forværret|er blevet (?:bedre|større|mindre)|"
    r"lykkedes|har opnået|har nået|nået et mål|gik (?:frem|tilbage)|er gået (?:frem|tilbage)|mens den i|"
    r"fra \d+ ?% til)\b",
    re.IGNORECASE)
OUTCOME_ASKING_WORDS = "viste vist resultater resultat resultatet evalueret evalueringen bedre værre lykkedes " \
                       "nåede nået opfyldt indfriet mål målet målene faktisk egentlig reach reached achieve meet goal " \
                       "konklusionen konklusionerne konkluderede " \
                       "show results improve evaluated"


def outcome_found(question: str, language: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a sentence of the top passages reports a result and names more than half of what an
    outcome question asks about ("Blev trygheden bedre i Husum?" is not answered by the goal that it
    must get better); a question with too little to check (see asked_terms) passes."""
    own = asked_terms(topic_of(question), language, OUTCOME_ASKING_WORDS)
    if own is None:
        return True
    for _p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = doc.cleaned[a:b]
        if OUTCOME_IN_TEXT.search(text) and names_most(own, text, retriever):
            return True
    return False


# What a body decided: "Hvad besluttede Økonomiudvalget …?", "What did the committee decide?"
DECISION_ASKED = re.compile(r"\b(?:hvad (?:besluttede|vedtog|godkendte|konkluderede)|hvad (?:har|blev) (?:\w+ ){0,3}"
                            r"besluttet|hvilken beslutning|what did (?:\w+ ){1,5}decide|what was decided)\b", re.IGNORECASE)
DECIDED_IN_TEXT = re.compile(r"\b(?:besluttede|besluttet|beslutning\w*|vedtog|vedtaget|godkendte|godkendt|drøftet|"
                             r"drøftede|tiltrådt|tiltrådte)\b", re.IGNORECASE)


def decision_found(question: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a top sentence (read with its headings) tells a decision of a body the question names
    ("Beskæftigelses- og Integrationsudvalgets beslutning …: Indstillingen blev drøftet."); a question
    naming no body passes. A plan to send a proposal "til godkendelse i Økonomiudvalget" is no decision."""
    asked = {body.acronym for body, _span in bodies_named(question)}
    if not asked:
        return True
    for p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = under_its_heading(p, doc.cleaned[a:b])
        if DECIDED_IN_TEXT.search(text) and asked & {body.acronym for body, _span in bodies_named(text)}:
            return True
    return False


def body_mentioned(body: Body, vocabulary: frozenset[str]) -> bool:
    """Whether the documents name a municipal body, by its abbreviation or its full name."""
    return body.acronym.lower() in vocabulary or \
        all(w in vocabulary for w in re.findall(r"\w+", body.name.lower()) if w != "og")


def _known_stem(word: str, vocabulary: frozenset[str]) -> bool:
    """Inflected forms of a word the documents use ('Københavns' for 'København')."""
    low = word.lower()
    return any(low[:-n] in vocabulary for n in (1, 2, 3) if len(low) - n >= 4) or \
        any(v.startswith(low[:-1]) for v in vocabulary if len(low) > 5 and v[:3] == low[:3])


def unknown_word(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A year, or (in Danish) a capitalised word inside the asking sentence, that the documents never
    use: a place or body they never mention ('Socialforvaltningen' is known where they write 'SOF')."""
    vocabulary = retriever.index.vocabulary
    asked_from = asked_sentence_start(question)
    known_bodies = [span for body, span in bodies_named(question) if body_mentioned(body, vocabulary)]
    for m in re.finditer(r"\w+", question):
        word = m.group()
        if any(a <= m.start() < b for a, b in known_bodies):
            continue
        if re.fullmatch(r"(19|20)\d\d", word) and word not in vocabulary:
            return f"Dokumenterne nævner ikke året {word}."
        if language == "da" and m.start() >= asked_from and not SENTENCE_START.search(question[:m.start()]) \
                and word[:1].isupper() \
                and len(word) > 3 and not word.isupper() and word.lower() not in vocabulary \
                and not _known_stem(word, vocabulary):
            return f"Dokumenterne nævner ikke »{word}«."
    return None


# What a question asks about by a noun: "Hvilke sanktioner …", "Hvad siger politikken om brugen af tolke …?", "…
# for brug af tolk". When the documents never use the noun, nor a word the search takes for it, they cannot say it.
ASKED_NOUN = re.compile(r"\bhvilke\s+(?:(?:konkrete|specifikke|særlige|nye|andre)\s+)?([^\W\d_]{4,})|"
                        r"\bhvad siger (?:[\w-]+\s+){1,4}?om\s+(?:brug(?:en)? af\s+|de\s+|den\s+|det\s+)?([^\W\d_]{4,})|"
                        r"\bbrug(?:en)? af\s+([^\W\d_]{4,})", re.IGNORECASE)
# Nouns that ask for a kind of answer, not a thing the documents must name ("Hvilke årstal …").
ASKING_NOUNS = frozenset(tokenize("årstal tal ord navne eksempler typer slags former måder"))


def unknown_topic(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A Danish question that asks about a thing by a noun the documents never use ("Hvilke sanktioner …")."""
    if language != "da":
        return None
    for m in ASKED_NOUN.finditer(question):
        word = next(g for g in m.groups() if g)
        if not in_the_documents(word, retriever):
            return f"Dokumenterne nævner ikke »{word}«."
    return None


def in_the_documents(word: str, retriever: Retriever) -> bool:
    """Whether the documents use a word: by its stem's beginning, a compound's last part, or a word the
    documents use for it (SYNONYMS) or the search adds for it; stopwords and asking nouns always are. A
    compound's last part counts from four letters ("sankt|ion" is no compound of "ion")."""
    stems = tokenize(word, retriever.lexicon)
    if not stems or stems[0] in stopwords() or stems[0] in ASKING_NOUNS:
        return True
    known = retriever.document_terms
    found = lambda term: term in known or term[:STEM_PREFIX] in known  # noqa: E731
    parts = retriever.lexicon.compound_parts(stems[0])
    return found(stems[0]) or any(found(p) for p in tokenize(parts[-1] if parts else "") if len(p) >= 4) or \
        any(found(t) for t in synonym_stems().get(stems[0], ())) or \
        any(found(t) for t in tokenize(retriever.expand(word), retriever.lexicon) if t not in stems)


# How long something lasts or lasted ("Hvor lang høringsfrist fik udkastet?", "Hvor længe kan de få gratis
# danskuddannelse?"), not how long something has been going on ("Hvor længe har modellen været brugt?"): only a
# length of time answers it ("op til 5 år", "mod normalt 1-2 måneder", "de sidste 4 år").
DURATION_ASKED = re.compile(r"\bhvor lang(?:e|t)?\s+(?:tid varer|tid varede|\w*frist\w*|\w*periode\w*|\w*forløb\w*)|"
                            r"\bhvor længe\s+(?:varer|varede|gælder|gjaldt|løber|løb|skal|skulle|må|måtte|kan|kunne)\b|"
                            r"\bhow long (?:is|was|does|did|do|are|were|can|could|will)\b", re.IGNORECASE)
DURATION_IN_TEXT = re.compile(rf"\b(?:\d+|en|et|{CARDINALS}|tolv|første|halvt|halve)\s*(?:-\s*\d+\s*)?"
                              r"(?:dage|dag|døgn|uger|uge|måneder|måned|år|timer|time|kvartaler|kvartal)\b|"
                              # since when, a period of years, a length in one word ("en fireårig periode")
                              r"\bsiden (?:19|20)\d\d\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\b\w+årig\w*\b|"
                              # or in words ("langsigtede", "varige", "midlertidigt")
                              r"\b(?:langsigte\w*|kortsigte\w*|langvarig\w*|kortvarig\w*|varig\w*|permanent\w*|"
                              r"midlertidig\w*)",
                              re.IGNORECASE)


def duration_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """How long something lasts, when no top sentence that names most of what is asked states a length of time."""
    asked = DURATION_ASKED.search(question)
    if not asked:
        return None
    own = asked_terms(topic_of(asked_clause(question, asked.start())), language, "lang længe tid long")
    for _p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = doc.cleaned[a:b]
        stated = {" ".join(m.group().lower().split()) for m in DURATION_IN_TEXT.finditer(text)}
        if stated - {" ".join(m.group().lower().split()) for m in DURATION_IN_TEXT.finditer(question)} and \
                names_most(own, text, retriever):  # not the period the question names itself ("… 2011-2014")
            return None
    return "De fundne passager angiver ikke, hvor lang tid det drejer sig om."


# Which languages something is in ("På hvilke sprog findes velkomstpjecerne?"): only a language's name answers it.
LANGUAGES_ASKED = re.compile(r"\b(?:hvilke|which|what)\s+(?:andre\s+|other\s+)?(?:sprog|languages?)\b", re.IGNORECASE)
LANGUAGE_NAMES = re.compile(r"\b(?:engelsk|arabisk|tyrkisk|somali\w*|urdu|persisk|farsi|dari|pashto|kurdisk|tigrinya|"
                            r"ukrainsk|russisk|polsk|rumænsk|bosnisk|serbisk|kroatisk|albansk|vietnamesisk|thai|"
                            r"tamil|punjabi|hindi|kinesisk|spansk|fransk|tysk|portugisisk|english|arabic|turkish|"
                            r"ukrainian|russian|polish)\b", re.IGNORECASE)


def languages_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Which languages, when no top sentence that names most of what is asked names a language ("på
    forskellige sprog" names none)."""
    asked = LANGUAGES_ASKED.search(question)
    if not asked:
        return None
    own = asked_terms(topic_of(question), language, asked.group())
    for _p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = doc.cleaned[a:b]
        if LANGUAGE_NAMES.search(text) and names_most(own, text, retriever):
            return None
    return "De fundne passager nævner ikke, hvilke sprog der er tale om."


def role_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Who holds a role ("Hvem er formand for …", "who moderated it?") when no top sentence names the
    role and a person."""
    role = PERSON_ROLE_RE.search(question)
    asked_role = role and (role.group(1) or role.group(2) or ROLE_OF_VERB[role.group(3).lower()])
    if asked_role and not person_named(asked_role, passages, retriever):
        name = (role.group(1) or ENGLISH_ROLE_NAMES.get(asked_role.lower(), asked_role)).lower()
        return f"Dokumenterne nævner ikke, hvem der er {name}."
    return None


def _top_texts(passages: list[Passage]) -> str:
    return " ".join(p.chunk.text for p in passages[:5])


def amount_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """An amount of money asked for while no top passage has one."""
    if MONEY_RE.search(question) and AMOUNT_ASKED.search(question) and not MONEY_IN_TEXT.search(_top_texts(passages)):
        return "Dokumenterne angiver ingen beløb om dette."
    return None


def contact_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Contact details asked for while no top passage has an e-mail address or a phone number."""
    if CONTACT_RE.search(question) and not CONTACT_IN_TEXT.search(_top_texts(passages)):
        return "Dokumenterne indeholder ingen kontaktoplysninger."
    return None


def hours_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Opening hours asked for while no top passage has a time of day."""
    if OPENING_HOURS.search(question) and not TIME_OF_DAY.search(_top_texts(passages)):
        return "Dokumenterne angiver ingen åbningstider."
    return None


def members_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Who sits in a body, when no top sentence names it and a person."""
    members = MEMBERS_ASKED.search(question)
    if members and not members_named(asked_terms(topic_of(question), language, members.group()), passages, retriever):
        return "De fundne passager nævner ikke, hvem der er medlemmer."
    return None


def names_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """Which ones by name ("hvilke konkrete virksomheder"), when no top passage lists names."""
    if NAMES_ASKED.search(question) and not names_listed(question, language, passages, retriever):
        return "De fundne passager nævner ikke, hvilke der konkret er tale om."
    return None


def decision_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """What a body decided, when no top sentence tells a decision of that body."""
    if DECISION_ASKED.search(question) and not decision_found(question, passages, retriever):
        return "De fundne passager nævner ingen beslutning truffet af det udvalg eller organ, der spørges om."
    return None


def pair_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A difference between two things ("forskel på mænd og kvinder") of which no top passage names either."""
    pair = COMPARED_PAIR.search(question) if language == "da" else None
    if pair and not any(set(term_set(side, retriever.lexicon)) & passage_words(passages[:5], retriever)
                        for side in pair.groups()):
        return f"De fundne passager sammenligner ikke {pair.group(1)} og {pair.group(2)}."
    return None


def content_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """What a thing holds ("Hvad indeholder handleplanen mod racisme …?"), when no top sentence on it says
    what it holds; not when the thing is a document ("Hvad indeholder udkastet?") or a topic in one
    ("… står der i udkastet om sprog?")."""
    contents = CONTENT_ASKED.search(question) if language == "da" else None
    if not contents:
        return None
    thing_named = DOCUMENT_REFERENCE.sub(" ", contents.group(1) or contents.group(2)).strip()
    if re.match(r"(?:om|about|vedrørende)\b", thing_named, re.IGNORECASE):
        return None
    thing = asked_terms(earlier_mention(thing_named, question[:contents.start()]), language, "konkret konkrete helt")
    content = [p for p in passages if not p.chunk.placeholder]  # a template's "[Her indsættes …]" holds nothing
    if thing and not any(names_most(thing, text, retriever) and CONTENT_IN_TEXT.search(text)
                         for text in top_sentences(content, retriever)):
        return "De fundne passager beskriver ikke, hvad det, der spørges om, indeholder."
    return None


def earlier_mention(thing: str, before: str) -> str:
    """The thing as the text before the question named it in full, when the question points back at it ("…
    nævner Københavns Kommunes handleplan mod racisme, diskrimination og hadforbrydelser. Hvilke initiativer
    står der i den handleplan?" → "handleplan mod racisme, diskrimination og hadforbrydelser")."""
    back = re.match(r"(?:den|denne|det|dette|disse|de)\s+(\w+)$", thing, re.IGNORECASE)
    if not back:
        return thing
    named = re.search(rf"\b{re.escape(back.group(1))}\b[^.?!]*", before, re.IGNORECASE)
    return named.group() if named else thing


def speech_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """What a named speaker said, when no top sentence names the speaker with a verb of saying."""
    speaker = SAID_BY.search(question) if language == "da" else None
    if speaker and not any(speaker.group(1).lower() in text.lower() and SPEECH_IN_TEXT.search(text)
                           for text in top_sentences(passages, retriever)):
        return f"De fundne passager gengiver ikke, hvad {speaker.group(1)} sagde."
    return None


def attachment_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """An attachment the documents name only by its title (attachments.py)."""
    attachment = attachment_only(question, retriever)
    if attachment:
        return (f"Dokumenterne nævner kun »{attachment}« som bilag ved titel; selve bilaget er ikke med i "
                "dokumenterne.")
    return None


def outcome_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """What came of something (a result, an evaluation, whether it got better), when no top sentence
    reports it ("Hvad viste undersøgelsen, og hvem lavede den?": what it showed)."""
    outcome = OUTCOME_ASKED.search(question)
    if outcome and not outcome_found(asked_clause(question, outcome.start()), language, passages, retriever):
        return "De fundne passager beskriver ikke et resultat eller en evaluering af det, der spørges om."
    return None
