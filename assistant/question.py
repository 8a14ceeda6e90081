"""What a question asks for: its type (list, definition, responsibility, figure, general), what it
asks about apart from the words that pick a document (``topic_of``), and whether it compares
documents. Pure functions of the question text."""

from __future__ import annotations

import re

# A greeting, thanks or a question about the assistant itself, as the whole message: "Hej!", "Tak for
# hjælpen", "Hvad kan du hjælpe mig med?", "Who are you?". Answered with what the assistant is for.
SMALL_TALK = re.compile(
    r"^\W*(?:(?:hej|hejsa|hey|hi|hello|goddag|godmorgen|god morgen|halløj|davs)(?:\s+(?:med dig|der|igen|you|there))?"
    r"[\s!.,]*)?(?:(?:hvordan har du det|hvordan går det|how are you)(?:\s+i dag|\s+today)?|"
    r"hvad kan du(?:\s+(?:hjælpe\s+(?:mig\s+)?med|gøre|svare på))?|hvem er du|hvad er du|hvem har lavet dig|"
    r"hvad er politikassistent(?:en)?|hjælp|(?:mange\s+)?tak(?:\s+for\s+(?:hjælpen|svaret|det))?|"
    r"what can you (?:do|help (?:me )?with)|who are you|what are you|who made you|help|thanks?(?: you)?)?[\s!?.]*$",
    re.IGNORECASE)
# A request to translate a text ("Oversæt 'Tak for et godt samarbejde' til tysk"): the answers quote the
# documents as they stand, in Danish, and translate nothing.
TRANSLATION_ASKED = re.compile(r"^\W*(?:(?:kan|vil) du (?:ikke )?|could you |can you |please )?(?:oversæt(?:te)?|translate)\b",
                               re.IGNORECASE)
# "Hvad er principperne i udkastet?", "What are the guiding points?": the items of a family, not what its
# name means.
UNIT_PLURALS = (r"(?:principperne|pejlemærkerne|målene|temaerne|indsatsområderne|fyrtårnsprojekterne|principles|"
                r"guiding points|goals|themes)")
# "Hvad er målene …?", and a question that is only the units and where: "Målene under 'Den inddragende by'?"
UNITS_ASKED = re.compile(rf"\b(?:hvad (?:er|var)|what (?:are|were))\s+(?:the\s+)?(?:\w+\s+)?{UNIT_PLURALS}\b|"
                         rf"^\W*(?:the\s+)?{UNIT_PLURALS}\s+(?:under|i|for|ifølge|in|of)\b", re.IGNORECASE)
LIST_RE = re.compile(r"\b(hvilke|hvad (?:er|var|hedder|hed|kaldes) (?:de|alle)|list\w*|nævn|oplist|which|"
                     # "what are the underlying rates?" asks for figures, not a list
                     r"what (?:are|were) the(?!\s+(?:\w+\s+)?(?:rates?|figures?|numbers?|percentages?|shares?)\b)|name the|"
                     r"alle (?:de )?(?:syv|fem|fire|tre))\b", re.IGNORECASE)
COUNTED_LIST_RE = re.compile(r"\b(?:de|alle|the)\s+(?:to|tre|fire|fem|seks|syv|otte|ni|ti|\d+|two|three|four|five|"
                             r"six|seven)\b|\blist\w*", re.IGNORECASE)
SPECIFIC_ITEM_RE = re.compile(r"\b(?:mål|målet|princip(?:pet)?|tema|pejlemærke|indsatsområde|indsats|goal|principle)"
                              r"\s+(?:nr\.\s*)?(?:\d|[A-H]\b)", re.IGNORECASE)
DEFINITION_RE = re.compile(r"\b(hvad (?:betyder(?! det for\b)|menes|forstås|dækker|omfatter)|hvad vil det sige|"
                           r"hvad mener (?:\S+\s+){1,5}?med\b|"
                           r"definition\w*|defin[eé]r\w*|forstås ved|forståelsen af|(?:regnes|betragtes|klassificeres|tælles) (?:man )?som|"
                           r"hvornår (?:er|bliver) man|what (?:is(?! expected| required| the role)|does .* mean)|define|"
                           r"meaning of|who counts as)\b",
                           re.IGNORECASE)
# A duty asked for without a word for it: "hvad forventes der af …", "hvad skal københavnerne selv gøre",
# "hvad den enkelte selv skal gøre" (the documents say "ansvar": the search adds it).
DUTY_PHRASES = (r"hvad forvent\w*(?=(?:\s+\S+){0,6}?\s+af\b)|forvent\w*\s+(?:\S+\s+){0,2}?af(?=\s)|"
                r"what is expected of|hvis (?:opgave|ansvar|pligt)|"
                r"what (?:are|is) (?:\S+\s+){1,3}?expected to|"
                r"hvem skal (?:sørge for|tage sig af)|whose (?:job|task|duty)|"
                r"hvad (?:skal|bør)(?=(?:\s+\S+){1,5}?\s+(?:selv\s+)?gøre\b)|"
                r"hvad (?:skal|skulle|bør)(?=(?:\s+\S+){1,5}?\s+bidrage\s+med\b)|"
                r"hvad (?:\S+\s+){1,4}?(?:selv\s+)?(?:skal|bør) gøre\b")
DUTY_PHRASE_RE = re.compile(rf"\b(?:{DUTY_PHRASES})", re.IGNORECASE)
DUTY_WORDS = rf"ansvar\w*|\w*pligt\w*|påhvile\w*|responsib\w*|duties|obligations?|{DUTY_PHRASES}"
RESPONSIBILITY_RE = re.compile(rf"\b(hvem|opgave|opgaver|rolle|who|role|roles|{DUTY_WORDS})\b", re.IGNORECASE)
RESPONSIBILITY_LIST_RE = re.compile(rf"\b({DUTY_WORDS})\b", re.IGNORECASE)  # asks for duties
WHO_RE = re.compile(r"\b(hvem|who)\b", re.IGNORECASE)
COMPARISON_RE = re.compile(r"\b(forskel\w*|adskiller|sammenlign\w*|i forhold til|ændret|ændring\w*|udvikle[td]? sig|"
                           r"før og nu|compare\w*|differ\w*|changed?|versus|vs|(?:de to|begge)(?: \w+)? politikker\w*|"
                           r"(?:the two|both)(?: \w+)? policies)\b", re.IGNORECASE)
# How something changed since a year: "Er beskæftigelsesgabet blevet mindre siden 2010?" compares the
# documents of that time with the newest.
CHANGE_SINCE = re.compile(r"\b(?:blevet|kommet|steget|faldet|vokset|forbedret|forværret|ændret|udviklet|sket|gået|"
                          r"increased|decreased|improved|changed|fallen|risen|grown|developed)\b.*\b(?:siden|since)\s+"
                          r"(?:19|20)\d\d\b", re.IGNORECASE)
# When a policy was (or is to be) adopted: "Hvornår blev politikken vedtaget?", "When was the policy
# adopted?" – not "Hvornår slutter den vedtagne politik?" or "When does the adopted policy end?" (the
# adjective names a document).
ADOPTION_ASKED = re.compile(r"\b(?:hvornår|hvilken dato|when|what date|on what day)\b.*\b(?:"
                            r"(?:vedtog|vedtaget|vedtages|vedtage|vedtager|vedtagelse\w*|"
                            r"adopt|adopts|adopting|adoption|approv(?!ed)\w*)\b|"
                            r"(?:was|were|be|been|is|get|got)\s+(?:\S+\s+){0,6}?(?:adopted|approved)"
                            r"(?=\s*(?:[?,.]|$|by|in|on|at)))",
                            re.IGNORECASE)
FIGURE_RE = re.compile(r"\b(hvor mange|hvor meget|hvor stor|hvor høj|hvor lav|procent|andel|tal|hvornår|"
                       r"hvilket år|dato|how many|how much|percent|when|what year|share)\b", re.IGNORECASE)
# How soon or how long: "How soon do municipalities take over integration responsibility …?" asks for a
# time, not for a responsibility list.
TIME_ASKED = re.compile(r"\b(?:hvor hurtigt|hvor længe|hvor lang tid|hvornår|hvor mange (?:dage|uger|måneder|år|timer)|"
                        r"how soon|how quickly|how fast|how long|how many (?:days|weeks|months|years|hours)|when)\b",
                        re.IGNORECASE)


YEARS = r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
MONTHS = ("januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
          "january|february|march|may|june|july|october")
# A phrase that picks a document rather than saying what is asked: "i udkastet til politikken for
# 2023-2026", "ifølge den vedtagne integrationspolitik 2011-2014", "i synopsen", "ifølge indstillingen
# fra maj 2010", "in the 2011 policy", "the August 2022 workshop" (a month and year, not a meeting's date
# "d. 10. maj 2010").
# The document boost acts on it; the rankings search for the rest of the question.
DOCUMENT_REFERENCE = re.compile(
    r"\b(?:(?:i|fra|for|til|ifølge|af|med|in|of|from)\s+)?(?:den|det|the\s+)?\s*"
    r"(?:(?:nye|gamle|nuværende|vedtagne|endelige|første|new|old|adopted|draft)\s+)?"
    r"(?:(?:københavns\s+)?(?:kommunes\s+)?(?:integrations(?:-\s+og\s+medborgerskabs)?politik(?:ken)?|"
    r"politik(?:ken|kerne|ker)?|udkast(?:et)?(?:\s+til\s+(?:den\s+nye\s+)?(?:integrations)?politik(?:ken)?)?|"
    r"synops(?:is|en)|skitsen?|brochuren?|folderen|pjecen|(?:integration\s+(?:and\s+citizenship\s+)?)?policy|"
    r"indstilling(?:en)?(?:\s+til\s+(?:[\w-]+\s+og\s+)?\w*udvalget)?|"
    r"sagsfremstilling(?:en)?)\b"  # a whole word: not "politik" of "politikker"
    rf"(?:\s+(?:fra|for|til|i|from)\b)?(?:\s*(?:(?:{MONTHS})\s+)?{YEARS})?|"
    rf"(?:fra|for|i|from)\s+(?:perioden\s+)?{YEARS}\s*[-–]\s*\d+|{YEARS}-(?:politik|udkast|synops)\w*|"
    rf"(?:(?:in|of|from|for|to)\s+)?the\s+{YEARS}\s+(?:integration\s+)?(?:(?:and\s+citizenship\s+)?polic(?:y|ies)|"
    r"draft(?:\s+policy)?|synopsis)|"
    rf"(?<!\d\. )(?<!\d )(?:{MONTHS})\s+(?:19|20)\d\d\b|{YEARS[:-1]}(?=\W|$))",
    re.IGNORECASE)


def topic_of(question: str) -> str:
    """The question without the phrases that only pick a document (see DOCUMENT_REFERENCE).

    Falls back to the whole question when too little would be left to search with.
    """
    rest = " ".join(DOCUMENT_REFERENCE.sub(" ", question).split())
    return rest if len(re.findall(r"[^\W\d_]{3,}", rest)) >= 2 else question


# "Hvad er en efterkommer?" asks for a meaning; "Hvad er målet for beskæftigelse?" asks for a goal.
WHAT_IS_TERM = re.compile(r"\bhvad er (?:en |et |de |begrebet )?(?P<term>[^?]*)", re.IGNORECASE)
RELATION_WORDS = {"for", "med", "om", "på", "af", "til", "mellem", "i", "ved", "hos", "når", "hvis", "at", "der", "som"}


def asks_what_a_term_is(question: str) -> bool:
    """"Hvad er X?" where X is a short term (at most four words, no relation word such as "for" or
    "med"), after the words that only pick a document."""
    m = WHAT_IS_TERM.search(topic_of(question))
    if not m or COMPARISON_RE.search(question):
        return False
    words = m.group("term").split()
    return 0 < len(words) <= 4 and not RELATION_WORDS & {w.lower() for w in words}


def question_type(question: str) -> str:
    specific = SPECIFIC_ITEM_RE.search(question)  # "ifølge mål 1", "princip C": one item, not the list
    if UNITS_ASKED.search(question) and not specific:
        return "list"
    if LIST_RE.search(question) and not specific and (COUNTED_LIST_RE.search(question)
                                                       or not DEFINITION_RE.search(question)):
        return "list"
    if DEFINITION_RE.search(question):
        return "definition"
    if RESPONSIBILITY_RE.search(question) and (WHO_RE.search(question) or not TIME_ASKED.search(question)):
        return "responsibility"
    if TIME_ASKED.search(question):
        return "figure"
    if asks_what_a_term_is(question):
        return "definition"
    if FIGURE_RE.search(question):
        return "figure"
    return "general"


# Chat shorthand for the words the documents write out: "kbh'ere", "Kbh.", "KK".
ABBREVIATIONS = ((re.compile(r"\bkbh'?(?:er)?(ere|erne|eres|ernes)\b", re.IGNORECASE), r"københavn\1"),
                 (re.compile(r"\bkbh\.?(?=\W|$)", re.IGNORECASE), "København"),
                 (re.compile(r"\bKK\b"), "Københavns Kommune"))


def expand_abbreviations(question: str) -> str:
    """The question with chat shorthand written out ("hvor mange kbh'ere …" → "hvor mange københavnere …")."""
    for pattern, full in ABBREVIATIONS:
        question = pattern.sub(full, question)
    return question


# "Hvornår skulle målene være indfriet?", "In which year …", "…, and when was it held?": a time, which a sentence
# must state ("What happens when …" asks no time).
WHEN_ASKED = re.compile(r"\b(?:hvornår|hvilket år|hvilken dato|what year|which year|what date)\b|"
                        r"(?:^\W*|[,;]\s*(?:and\s+)?|\band\s+)(?:by\s+)?when\b", re.IGNORECASE)
# A question put on behalf of someone: "En virksomhedsejer spørger mig, hvad 'Bland dig i byen' forventer af
# firmaerne. Hvad skal jeg svare?" asks what the reported question asks; the last sentence only asks for help.
REPORTED = re.compile(r"\b(?:spørger|spurgte|vil vide|vil gerne vide|undrer sig over|(?:er|var) i tvivl om|"
                      r"ved ikke)(?:\s+(?:mig|os))?,?\s+"
                      r"(?P<asked>(?:hv\w+|om)\b[^.?!–—]*)[.?!–—]?\s*(?P<rest>.*)$", re.IGNORECASE)
ASKING_FOR_HELP = re.compile(r"^(?:hvad (?:skal|kan|bør) (?:jeg|vi) (?:svare|sige)(?:\s+\w+){0,2}|"
                             r"hvad svarer (?:jeg|vi)(?:\s+\w+){0,2}|hvordan (?:skal|kan) (?:jeg|vi) svare(?:\s+\w+){0,2}|"
                             r"kan du hjælpe(?: mig| os)?(?: med det)?)\s*[?.!]?$", re.IGNORECASE)


def reported_question(question: str) -> str:
    """The question someone put (or the writer is unsure of), when the text reports it and then only asks
    how to answer it or for help (or ends with it): "En borger spørger, hvad en efterkommer er. Hvad skal
    jeg svare?" and "Jeg er i tvivl om, hvad en efterkommer er – kan du hjælpe?" → "Hvad er en
    efterkommer?"; any other text as it is."""
    m = REPORTED.search(question)
    if not m or (m.group("rest").strip() and not ASKING_FOR_HELP.match(m.group("rest").strip())):
        return question
    asked = m.group("asked").strip()
    copula = re.match(r"(hv\w+)\s+(.+?)\s+(er|var|betyder|betød)$", asked, re.IGNORECASE)
    if copula:  # "hvad en efterkommer er" is asked "hvad er en efterkommer"
        asked = f"{copula.group(1)} {copula.group(3)} {copula.group(2)}"
    return asked[:1].upper() + asked[1:] + "?"


# "Hvordan skal der følges op på politikken?", "How is progress measured?": how a policy is followed up.
FOLLOW_UP_ASKED = re.compile(r"\b(?:følge[sr]? (?:man |der |vi )?op|følges (?:der )?op|fulgt op|holde[rs]? (?:man )?øje med|"
                             r"opfølgning\w*|monitor\w*|"
                             r"måle[rs]? (?:på )?(?:indsatsen|effekten|resultaterne|fremskridt\w*)|"
                             r"follow(?:ed|ing)? up|follow-up|measur\w* (?:progress|results|the effort))",
                             re.IGNORECASE)
