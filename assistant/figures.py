"""Figures the documents may not state: a quantity question ("hvor mange", "hvor stor en andel",
"how many") is answered only when a top sentence has a number and says most of what is asked (the
year it names, the rate it measures, the sex it is for), and a count only when the number stands by
the thing counted. Pure functions of the question and the index."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .asked import STEM_PREFIX, asked_clause, asked_terms, names_most, negated_words, says_plainly, under_its_heading
from .compare import is_comparison
from .glossary import ENGLISH_TO_DANISH, SEARCH_EXPANSION
from .question import topic_of
from .retrieve import SYNONYMS, Retriever, without_titles
from .sentence_rank import passage_sentences
from .sparse import stopwords
from .types import Passage

QUANTITY_RE = re.compile(r"\b(hvor (?:mange|meget|stor|store|høj|lav)|"
                         # "hvor højt scorede …", "hvor lavt skulle den ned" (not "hvor højt prioriteret")
                         r"hvor (?:højt|lavt) (?:scorede|scorer|lå|ligger|skulle|skal|kom|nåede)|"
                         r"procent\w*|andel\w*|(?:hvad|hvor stort) (?:var|er|blev) "
                         r"(?:den |det )?\w*(?:ledighed|beskæftigelse|frekvens|antal|niveau|gab|tal)\w*)\b",
                         re.IGNORECASE)
ENGLISH_QUANTITY_RE = re.compile(r"\b(how (?:many|much|high|large)|percent\w*|proportion|share of)\b", re.IGNORECASE)
# Danish number words: a count ("seks skoler"), an ordinal ("hver fjerde") or a fraction ("halvdelen").
CARDINALS = "to|tre|fire|fem|seks|syv|otte|ni|ti|tyve|hundrede|tusinde?"
ORDINALS = "anden|andet|tredje|fjerde|femte"
FRACTIONS = "halvdel(?:en)?|tredjedel(?:en)?|fjerdedel(?:en)?"
NUMBER_WORDS = re.compile(rf"\b(halvdel\w*|hver(?:t)? (?:{ORDINALS})|en (?:tredjedel|fjerdedel)|{CARDINALS})\b",
                          re.IGNORECASE)
# "hvor mange … bor der": people are counted; "hvor stor en del af de adspurgte mente …": what the
# respondents said is reported, not named, by the figure's sentence ("70 % af alle respondenter").
ASKING_WORDS = ("mange meget stor store stort høj højt lav lavt bor del gruppe mente mener syntes synes svarede ifølge måtte "
                # how much more or less ("Hvor meget større er gabet … end for … samlet set?")
                "større mindre højere lavere samlet set "
                # taking part, which the documents tell in their own verb ("100 københavnere bød ind")
                "deltog deltager deltaget deltage mødte mødt "
                # when, in words that only place the figure in time ("ved udgangen af perioden")
                "udgangen slutningen starten begyndelsen perioden")
# What a document is asked to do ("hvor mange … nævner princip 2", "… opsummerer bilaget"): not counted.
DOCUMENT_VERBS = "nævner nævnes angiver angives opregner opregnes opsummerer oplyser omtaler beskriver"
SHARE_WORDS = "procent procentdel andel andelen pct percent percentage share proportion"

COUNTED = re.compile(r"\b(?:hvor mange|how many)\s+([^\W\d_]+)", re.IGNORECASE)
SHARE_OF = re.compile(r"\b(?:hvor mange procent|hvor stor (?:en )?(?:andel|procentdel)|hvilken andel|how many percent|"
                      r"what (?:share|percentage|proportion))\s+(?:af|of)\s+((?:[^\W\d_]+(?:'s)?\s+){0,3})", re.IGNORECASE)
NOT_COUNTED = {"procent", "pct", "penge", "kroner", "gange", "percent", "times", "money", "of"}
# A verb right after "hvor mange" counts the people who did it ("Hvor mange deltog i workshoppen?" is
# answered by "mere end 100 københavnere"): common finite verbs, and a weak verb's past tense ("svarede").
PEOPLE = ("københavnere", "deltagere", "personer", "borgere", "mennesker", "flygtninge", "indvandrere", "elever",
          "medarbejdere", "respondenter", "ansatte")  # not "unge": inside "formuleringen"
# Not "er", "har", "blev", "skal" …: "hvor mange er der af …" counts the thing that follows.
COUNTED_VERBS = {"deltog", "deltager", "deltage", "kom", "kommer", "mødte", "møder", "svarer", "bor", "boede",
                 "arbejder", "tog", "tager", "gik", "går", "gennemfører", "gennemførte", "oplever", "oplevede",
                 "søger", "søgte"}
COUNT_WORD = re.compile(f"{CARDINALS}|{ORDINALS}|{FRACTIONS}")
LABEL_WORDS = {"mål", "indsats", "tema", "princip", "pejlemærke", "nr", "side", "s", "kapitel", "bilag", "punkt",
               "område"}
COUNT_REACH = 3  # words between a number and the thing it counts ("70 % af alle respondenter")
DETERMINERS = {"de", "den", "det", "alle", "kommunens", "københavns", "byens", "the", "all"}


@dataclass(frozen=True)
class Counted:
    """What a quantity question counts ("hvor mange skoler") or takes a share of ("hvor mange procent
    af kommunens ledere"), as words; ``reach`` is how close to the number it must stand (None: anywhere
    in the number's sentence)."""

    nouns: tuple[str, ...]
    reach: int | None


def counting_verb(question: str, language: str) -> str | None:
    """The verb right after "hvor mange" ("deltog" in "Hvor mange deltog i workshoppen?"), if any."""
    m = COUNTED.search(question) if language == "da" else None
    word = m.group(1).lower() if m else ""
    return word if word in COUNTED_VERBS or (len(word) > 4 and word.endswith("ede")) else None


def counted_thing(question: str, language: str) -> Counted | None:
    share = SHARE_OF.search(question)
    if share:  # "what percentage of the municipality's employees": not the owner ("municipality's")
        words = [w for w in share.group(1).lower().split() if w not in DETERMINERS and w not in stopwords()
                 and not w.endswith("'s")]
        word, reach = (words[0] if words else ""), None
    else:
        m = COUNTED.search(question)
        word, reach = (m.group(1).lower() if m else ""), COUNT_REACH
    if word in NOT_COUNTED or word in stopwords() or len(word) < 3:
        return None
    if language != "da":
        head = english_head(question) if not share else ""
        if head in ENGLISH_PEOPLE:  # "how many people took part": the documents count københavnere, deltagere …
            return Counted(PEOPLE, reach)
        danish = SEARCH_EXPANSION.get(head, ()) or ENGLISH_TO_DANISH.get(word, ())
        return Counted(tuple(danish), reach) if danish else None
    return Counted((word, *SYNONYMS.get(word, ())), reach)  # "borgere" are counted as "københavnere" too


ENGLISH_PEOPLE = {"people", "persons", "individuals", "participants"}
# Words that end an English noun phrase ("how many Ukrainian refugees | did …").
ENGLISH_PHRASE_END = {"were", "was", "are", "is", "did", "do", "does", "have", "has", "had", "will", "would",
                      "can", "could", "should", "in", "of", "on", "for", "at", "to", "from", "by", "with", "there",
                      "and", "or", "that", "who", "which", "the", "a", "an",
                      # irregular verbs ("how many respondents took part"); regular ones end in -ed
                      "took", "take", "takes", "got", "get", "gets", "went", "go", "goes", "came", "come", "comes",
                      "live", "lives", "work", "works", "speak", "speaks", "feel", "feels", "felt", "attend", "attends"}


def english_head(question: str) -> str:
    """The last noun of what an English question counts: "how many consultation responses were
    received" counts responses, "how many people answered" people."""
    m = re.search(r"\bhow many\s+((?:[^\W\d_]+\s+)*[^\W\d_]+)", question, re.IGNORECASE)
    words = []
    for w in (m.group(1).lower().split() if m else []):
        if w in ENGLISH_PHRASE_END or (words and w.endswith("ed")):  # "… people answered …"
            break
        words.append(w)
    return words[-1] if words else ""


# How many took part at all ("Hvor mange respondenter indgik i undersøgelsen?"): a total, which a share does not give.
TAKING_PART = re.compile(r"\b(?:indgik|indgår|deltog|deltager|var med|blev (?:spurgt|adspurgt|interviewet)|svarede|"
                         r"took part|participated|answered|responded|were (?:asked|interviewed|surveyed))\b", re.IGNORECASE)
# "16-64-årige indvandrere", "5 års ophold", "fire dage": an age or a duration, not how many there are.
AGE_OR_DURATION = re.compile(rf"\b(?:\d+(?:\s*[-–]\s*\d+)?|{CARDINALS})\s*-?\s*"
                             r"(?:årig\w*|års?\b|dage?\b|uger?\b|måned(?:er)?\b|timer?\b)")
BLANDT_ANDET = re.compile(r"\b(?:blandt|bl\.a\.|og meget) andet\b")  # "among other things", not "the second"


def count_words(sentence: str, durations: bool = False) -> list[str]:
    """The lower-case words of a sentence as the count check reads them: ages, durations (unless
    ``durations``: "hvor mange dage" counts days) and "blandt andet" are left out, so none of their
    numbers is taken for a count."""
    text = sentence.lower() if durations else AGE_OR_DURATION.sub(" ", sentence.lower())
    return re.findall(r"[\w.,]+", BLANDT_ANDET.sub(" ", text))


TIME_UNITS = re.compile(r"(?:dag|uge|måned|år|time)\w*")


def count_found(counted: Counted, question: str, language: str, passages: list[Passage],
                retriever: Retriever) -> bool:
    """Whether a top sentence that says most of what the question asks about puts a number right
    before the counted thing ("de ti svageste skoler") or right after it (for a share: anywhere in
    the sentence); a year the question names, and a label's number ("Mål 6"), are not counts.
    "Hvor mange etniske minoriteter føler sig inkluderet?" is not answered by "hver fjerde i
    arbejdsstyrken er en etnisk minoritet"."""
    stems = {n[:STEM_PREFIX] for n in counted.nouns}
    total = TAKING_PART.search(question)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    # The sentence must also say most of what the question asks about the group.
    asked = asked_terms(topic_of(question), language, f"{ASKING_WORDS} {SHARE_WORDS} {DOCUMENT_VERBS}")
    for p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        if not names_most(asked, under_its_heading(p, doc.cleaned[a:b]), retriever):
            continue
        words = count_words(doc.cleaned[a:b], durations=any(TIME_UNITS.fullmatch(n) for n in counted.nouns))
        shares = set(re.findall(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent|pct)", doc.cleaned[a:b].lower())) if total else set()
        for i, w in enumerate(words):
            w = w.strip(".,")
            if not (re.fullmatch(r"\d+(?:[.,]\d+)*", w) and w not in years) and not COUNT_WORD.fullmatch(w):
                continue
            if i and words[i - 1].strip(".,") in LABEL_WORDS:
                continue  # "Mål 6", "indsats 4", "side 21": a label, not a count
            if total and w in shares:
                continue  # "70 % af alle respondenter" is a share of them, not how many took part
            reach = counted.reach
            near = words if reach is None else words[i + 1:i + 1 + reach] + words[max(0, i - 2):i]
            if re.fullmatch(r"(?:19|20)\d\d", w):
                near = words[i + 1:i + 2]  # a year ("Københavns Integrationspolitik 2011") counts only what follows it
            if any(stem in x for x in near for stem in stems):
                return True
    return False


def figure_found(question: str, language: str, passages: list[Passage], retriever: Retriever) -> bool:
    """Whether a sentence of the top passages has a number and names more than half of what a
    quantity question asks about (and the year it asks for, if it names one outside a policy's name);
    a question with too little to check (see asked_terms) passes."""
    topic = without_titles(FILLER_PHRASE.sub(" ", topic_of(question)), retriever.title_phrases)
    own = asked_terms(topic, language, f"{ASKING_WORDS} {SHARE_WORDS} {DOCUMENT_VERBS}")  # "hvor mange" asks
    if own is None:
        return True
    years = set(re.findall(r"\b(?:19|20)\d\d\b", topic))
    own -= years  # checked apart: the year may stand in the sentence before (year_context)
    given = set(re.findall(r"\d+(?:[.,]\d+)?", question))  # "Hvor mange af de 100.826 …": not the answer
    measures = (measured(question) if language == "da" else []) + asked_genders(question)
    best = best_sentences(question, passages, retriever)
    thing = POSSESSED.search(question)
    possessed = asked_terms(thing.group(1), language, "") if thing else None
    level = bool(LEVEL_ASKED.search(question)) and not TARGET_ASKED.search(question)
    negated = negated_words(question, [p.chunk.text for p in passages[:5]]) if language == "da" else set()
    for p, doc, _order, a, b, _vec in passage_sentences(passages, retriever, depth=5):
        text = doc.cleaned[a:b]
        if level and TARGET_IN_TEXT.search(text):
            continue  # "Hvor høj var overledigheden?" is not answered by "… skal være på max 5,8 procent"
        if not all(says_plainly(w, text) for w in negated):
            continue  # "… med vestlig baggrund" is not answered by the figure for "ikke-vestlig baggrund"
        numbers = set(re.findall(r"\d+(?:[.,]\d+)?", text)) - years - given
        if not (numbers or NUMBER_WORDS.search(text)):
            continue
        if not years <= set(re.findall(r"\d{4}", year_context(doc.cleaned, a, b))):
            continue
        if any(not any(form in text.lower() for form in forms) for forms in measures):
            continue
        if possessed and not names_most(possessed, text, retriever, half=True):
            continue  # "hvor mange … har en tolk": the number must be of those who have one
        if names_most(own, under_its_heading(p, text), retriever, half=(doc.meta.id, a) in best):
            return True
    # "Mål 1 De faglige resultater skal forbedres for de 25 procent svageste tosprogede elever": a goal's
    # figure may stand in the heading of the passage alone
    return not level and any(re.search(r"\d", heading) and names_most(own, heading, retriever)
               for p in passages[:5] for heading in p.chunk.section_path[-1:]
               if years <= set(re.findall(r"\d{4}", heading)))


# The level something was or is at ("Hvor høj var overledigheden …?"), not the level it was to reach: a
# target the text sets ("… skal være på max 5,8 procent") does not answer it.
LEVEL_ASKED = re.compile(r"\bhvor (?:høj|stor|lav|mange)\w* (?:var|er|lå|ligger)\b|\bhow (?:high|large|low|many) "
                         r"(?:was|were|is|are)\b", re.IGNORECASE)
TARGET_ASKED = re.compile(r"\b(?:skal|skulle|må|måtte|mål\w*|målsætning\w*|højst|max|loft\w*|ambition\w*|forvent\w*|"
                          r"target\w*|goal\w*|aim\w*|should|must|supposed)\b", re.IGNORECASE)
TARGET_IN_TEXT = re.compile(r"\bskal (?:\w+ ){0,3}(?:være på|højst|maksimalt|max|mindst)\b|\b(?:max|højst|maksimalt)\.? \d",
                            re.IGNORECASE)

# "hvor stor en gruppe er der tale om?": asks only how large
FILLER_PHRASE = re.compile(r"\b(?:er der|der er|var der|der var) tale om\b", re.IGNORECASE)

# What a count asks who has, gets or uses: "hvor mange … har en tolk", "… får et job".
POSSESSED = re.compile(r"\b(?:har|havde|får|fik|bruger|brugte|modtager|modtog|has|have|had|get|gets|got|use|uses|"
                       r"receive|receives)\s+(?:ikke\s+)?(?:en|et|a|an)\s+([^\W\d_]+)", re.IGNORECASE)

BEST_SENTENCES = 2  # the ranker's best sentences, which need to name only half of what is asked


def best_sentences(question: str, passages: list[Passage], retriever: Retriever) -> set[tuple[str, int]]:
    """(document, start) of the sentence ranker's best sentences for the question: said in other words
    than the question's ("prøvet" for "oplevet"), the sentence that answers still ranks first."""
    from .question import question_type
    from .sentence_rank import candidates, load_model

    cands = candidates(passages, question, question_type(question), retriever)
    scores = load_model().score(cands).tolist()
    ranked = sorted(range(len(cands)), key=lambda i: -scores[i])[:BEST_SENTENCES]
    return {(cands[i].doc_id, cands[i].start) for i in ranked}


YEAR_CONTEXT_CHARS = 200  # "I 2021 var 77 % … For københavnere fra MENAPT-lande var 55 %": the year said just before


def year_context(text: str, a: int, b: int) -> str:
    """A sentence with what its paragraph says just before it, where the year of its figure may stand."""
    start = max(0, a - YEAR_CONTEXT_CHARS)
    blank = text.rfind("\n\n", start, a)  # the paragraph's start, when it begins within reach
    return text[blank + 2 if blank >= 0 else start:b]


# A rate named by its measure: "ledighedsprocenten", "beskæftigelsesfrekvensen", "hvad var ledigheden".
MEASURE_COMPOUND = re.compile(r"\b([^\W\d_]{4,}?)s?(?:procent|frekvens|andel|grad|rate)\w*", re.IGNORECASE)
MEASURE_WORD = re.compile(r"\b\w*(ledighed|arbejdsløshed|beskæftigelse)\w*", re.IGNORECASE)
MEASURE_STEMS = {"ledighed": "ledig", "arbejdsløshed": "arbejdsløs", "beskæftigelse": "beskæftig"}
MEASURE_ALTERNATIVES = {"arbejdsløs": ("ledig",)}  # the documents write "ledighed", "overledigheden"

# "beskæftigelsesgabet specifikt for kvinder": a figure for all does not answer it for one sex.
GENDER_WORDS = re.compile(r"\b(kvinde\w*|mænd\w*|mand|pige\w*|dreng\w*|women|woman|men|man|girls?|boys?)\b",
                          re.IGNORECASE)
GENDER_FORMS = {"kvind": ("kvinde",), "women": ("kvinde",), "woman": ("kvinde",), "mænd": ("mænd", "mand"),
                "mand": ("mænd", "mand"), "men": ("mænd", "mand"), "man": ("mænd", "mand"), "pige": ("pige",),
                "girl": ("pige",), "dreng": ("dreng",), "boy": ("dreng",)}


def asked_genders(question: str) -> list[tuple[str, ...]]:
    """The sexes a figure question is asked for, each as the stems its number's sentence must hold one of."""
    words = {m.group(1).lower() for m in GENDER_WORDS.finditer(question)}
    return sorted({next(forms for key, forms in GENDER_FORMS.items() if w.startswith(key)) for w in words})


def measured(question: str) -> list[tuple[str, ...]]:
    """What a rate question measures, as the stems its number's sentence must hold one of: the 60 % in
    lønmodtagerbeskæftigelse does not answer "Hvad var ledighedsprocenten …?"; "arbejdsløshed" is
    measured as "ledighed" too (MEASURE_ALTERNATIVES)."""
    words = [m.group(1).lower() for m in MEASURE_COMPOUND.finditer(question)]
    words += [m.group(1).lower() for m in MEASURE_WORD.finditer(question)]
    stems = sorted({MEASURE_STEMS.get(w, w[:max(STEM_PREFIX, len(w) - 3)]) for w in words})
    return [(stem, *MEASURE_ALTERNATIVES.get(stem, ())) for stem in stems]


def figure_missing(question: str, language: str, passages: list[Passage], retriever: Retriever) -> str | None:
    """A Danish reason when a quantity question (not a comparison) asks for a number no top sentence
    states, or a count no top sentence gives beside the thing counted; else None."""
    quantity = QUANTITY_RE.search(question) if language == "da" else ENGLISH_QUANTITY_RE.search(question)
    if not quantity or is_comparison(question, retriever):
        return None
    asked = asked_clause(question, quantity.start())
    verb = counting_verb(asked, language)
    if verb:  # "Hvor mange deltog …" is answered in the documents' own verb ("100 københavnere bød ind")
        asked = re.sub(rf"\b{verb}\b", " ", asked, count=1, flags=re.IGNORECASE)
    if not figure_found(asked, language, passages, retriever):
        return "De fundne passager angiver ikke det tal, der spørges om."
    counted = Counted(PEOPLE, COUNT_REACH) if verb else counted_thing(asked, language)
    if counted and not count_found(counted, asked, language, passages, retriever):
        return "De fundne passager angiver ikke det antal, der spørges om."
    return None
