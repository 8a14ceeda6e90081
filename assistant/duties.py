"""Responsibilities: the lists a policy headed by an actor's duty ("Det er københavnernes ansvar: at
lære det danske sprog, …").

"Hvad skal borgerne selv gøre?" is answered with the list of the actor it names; "Hvis opgave er det
at lære dansk?" and "Hvem skal sørge for job til de unge?" with the items of every actor's list that
name the task, each under its actor's heading. Actors are recognised by the words for them
(borgerne, den enkelte → københavnerne; virksomhederne → erhvervslivet). Danish questions only: an
English one is answered from its sentences. Pure functions of the question and the index.
"""

from __future__ import annotations

import re

from .compare import named_documents
from .index import StoredDocument
from .lists import family_picks, item_families
from .picks import Pick
from .question import RESPONSIBILITY_RE, SPECIFIC_ITEM_RE, WHO_RE, topic_of
from .retrieve import Retriever, without_titles
from .sentence_rank import GENERIC_TERMS, passage_sentences
from .sparse import stopwords, tokenize
from .types import Filters, Passage

DUTY_HEADING = re.compile(r"\b(?:ansvar\w*|pligt\w*|opgave\w*)\b", re.IGNORECASE)
# The actors a duty list may belong to, each with the words a question may name it by.
ACTORS = {
    "kommune": "kommune kommunen kommunens kommunes forvaltning forvaltningen forvaltningerne myndighed myndigheden "
               "myndighederne",
    "københavner": "københavner københavnere københavnerne københavnernes københavneren borger borgere borgerne "
                   "borgeren borgerens borgernes indbygger indbyggere indbyggerne beboer beboere beboerne enkelte",
    "erhvervsliv": "erhvervsliv erhvervslivet erhvervslivets virksomhed virksomheder virksomhederne virksomhedernes "
                   "arbejdsgiver arbejdsgivere arbejdsgiverne firma firmaer firmaerne",
    "uddannelsesinstitution": "uddannelsesinstitution uddannelsesinstitutioner uddannelsesinstitutionerne "
                              "uddannelsesinstitutionernes skole skoler skolerne uddannelsessted uddannelsessteder",
    "forening": "forening foreninger foreningerne foreningernes foreningsliv foreningslivet organisation organisationer "
                "organisationerne organisationernes lokalsamfund lokalsamfundet lokalsamfundets",
}
# The same actors as an English question names them (the duty lists' headings are Danish).
ENGLISH_ACTORS = {
    "kommune": "municipality municipality's council administration authorities",
    "københavner": "citizen citizens citizens' resident residents copenhageners individual individuals",
    "erhvervsliv": "business businesses company companies employer employers",
    "uddannelsesinstitution": "school schools institutions",
    "forening": "association associations organisation organisations organization organizations ngos community "
                "communities",
}
ACTOR_OF_WORD = {w: actor for actors in (ACTORS, ENGLISH_ACTORS) for actor, words in actors.items() for w in words.split()}
# What asks for a duty without naming the task: these words are not the task.
DUTY_WORDS = set(("ansvar ansvaret ansvarlig ansvarlige opgave opgaven opgaver opgaverne pligt pligter påhviler skal "
                  "sørge gøre selv hvem hvis have har står noget om for at det er ifølge politikken rolle rollen "
                  "lykkes lykke eget egen egne forventer forventes forventet forventede forventning forventninger "
                  "bidrage bidrager med spille spiller forpligtelse forpligtelser forpligtelserne forpligtet "
                  "pålægger pålægges egentlig faktisk byen byens").split())  # fillers, and the city where everyone is
# The same for an English question (its glossary would turn "role" into "rollefordeling").
ENGLISH_DUTY_WORDS = set(("role roles play plays played part responsible responsibility responsibilities expected "
                          "expect task tasks duty duties job what who whose which is are was were the a an of do does "
                          "did have has in to").split())
# "Hvad forventer kommunen af virksomhederne?": the duty asked for is theirs, after "af".
EXPECTED_OF = re.compile(r"\bforvent\w*\b.*?\baf\b(?P<actor>.*)", re.IGNORECASE)
ITEMS_PER_TASK = 4


# A Danish noun's inflection after an actor word: "uddannelsessted" → "uddannelsesstederne".
INFLECTION = re.compile(r"(?:e|er|ere|erne|en|et|ene|ne|s|es|ens|ets|nes|ernes|ers)?")


def actor_of(word: str) -> str | None:
    """The actor a (lower-case) word names, in any inflection of the words listed for it."""
    if word in ACTOR_OF_WORD:
        return ACTOR_OF_WORD[word]
    return next((ACTOR_OF_WORD[word[:n]] for n in range(len(word) - 1, 5, -1)
                 if word[:n] in ACTOR_OF_WORD and INFLECTION.fullmatch(word[n:])), None)


def _actors(text: str) -> set[str]:
    """The actors a text names ("Københavns Kommune" is the municipality, not the citizens)."""
    text = re.sub(r"københavns\s+kommunes?", "kommunen", text, flags=re.IGNORECASE)
    return {a for a in map(actor_of, re.findall(r"\w+", text.lower())) if a}


def duty_lists(retriever: Retriever, filters: Filters | None, documents: list[str]) -> list[tuple[StoredDocument, set[str], list]]:
    """(document, actors, items) of every list headed by actors' duty, in the documents given (all
    admitted ones when none), adopted texts first."""
    admitted = [d for d in retriever.index.documents.values() if not d.duplicate_of and
                (filters or Filters()).admits(d.meta) and (not documents or d.meta.id in documents)]
    admitted.sort(key=lambda d: {"adopted": 0, "draft": 1}.get(d.meta.status, 2))
    found = []
    for doc in admitted:
        for _kind, items, heading in item_families(doc, min_items=1):  # "… lokalsamfundets ansvar" has one duty
            actors = _actors(heading)
            if DUTY_HEADING.search(heading) and actors:
                found.append((doc, actors, items))
    return found


QUOTED = re.compile(r"['\"»«“”][^'\"»«“”]+['\"»«“”]")  # a quoted name ("'Bland dig i byen'-politikken")


def _task_terms(question: str, retriever: Retriever, expand: bool = True) -> set[str]:
    """The terms of the task a question asks about (not its duty words, actors or quoted names), with
    their synonyms."""
    # "i Bland dig i byen" names the policy
    asked = without_titles(QUOTED.sub(" ", topic_of(question)), retriever.title_phrases)
    words = " ".join(w for w in re.findall(r"[^\W\d_]+", asked.lower())
                     if w not in DUTY_WORDS and w not in ENGLISH_DUTY_WORDS and not actor_of(w))
    return {t for t in tokenize(retriever.expand(words) if expand else words, retriever.lexicon)
            if t not in stopwords() and t not in GENERIC_TERMS and len(t) > 2}


def duty_picks(question: str, retriever: Retriever, filters: Filters | None = None,
               passages: list[Passage] = ()) -> list[Pick]:
    """The duty list of the actor a question asks about, or the duties (of any actor) that are the task
    it asks who has; empty when no duty list answers it, or when a sentence of the top ``passages``
    outside the duty lists names the whole task ("I København har alle et ansvar for at løfte
    integrationsopgaven" answers who is to løfte integrationsopgaven)."""
    language = retriever.language(question)
    if not RESPONSIBILITY_RE.search(question) or SPECIFIC_ITEM_RE.search(question) or language not in ("da", "en"):
        return []  # "Hvad siger princip E om borgernes ansvar?" asks for the principle
    lists = duty_lists(retriever, filters, named_documents(question, retriever))
    expected = EXPECTED_OF.search(question)
    asked = (expected and _actors(expected.group("actor"))) or _actors(question)
    task = _task_terms(question, retriever)
    own = _task_terms(question, retriever, expand=False)  # the task as the question words it
    if language == "en":  # only the glossary's Danish words for it can stand in the Danish lists ("expected": ansvar)
        task = own = task - own - set(tokenize(" ".join(DUTY_WORDS), retriever.lexicon))
    who = bool(WHO_RE.search(question) or re.search(r"\bhvis\b", question, re.IGNORECASE))
    if not who:  # "Hvad skal borgerne selv gøre?": the whole list of the actor named, if it is about the task
        chosen = [(doc, items) for doc, actors, items in lists if asked and actors & asked and
                  2 * len(own & set(tokenize(" ".join(doc.cleaned[i.start:i.end] for i in items),
                                             retriever.lexicon))) >= len(own)]
        return [p for doc, items in chosen[:1] for p in family_picks(doc, items, retriever)]
    listed = [(doc.meta.id, items[0].start, items[-1].end) for doc, _actors, items in lists]
    for p, doc, _order, a, b, _vec in passage_sentences(list(passages), retriever, depth=3):
        if not any(d == doc.meta.id and start - 200 <= a < end for d, start, end in listed) and \
                own <= set(tokenize(doc.cleaned[a:b], retriever.lexicon)):
            return []
    scored = []
    for doc, actors, items in lists:
        if asked and not actors & asked:
            continue  # "borgerens eller kommunens?": only theirs
        for item in items:
            terms = set(tokenize(doc.cleaned[item.start:item.end], retriever.lexicon))
            if 2 * len(own & terms) >= len(own):  # the item names at least half of the task (a synonym counts below)
                scored.append((len(task & terms), doc, items, item))
    best = max((s[0] for s in scored), default=0)
    if best == 0:
        return []
    # each actor's best items, when they name the task nearly as well as the best one does
    best_of = {}
    for n, _doc, items, _item in scored:
        best_of[id(items)] = max(n, best_of.get(id(items), 0))
    picks: list[Pick] = []
    for n, doc, items, item in sorted(scored, key=lambda s: -s[0])[:ITEMS_PER_TASK]:
        if n < max(1, best - 1) or n < best_of[id(items)]:
            continue
        whole = family_picks(doc, items, retriever)
        heading = whole[:len(whole) - len(items)]  # the line that names the actor, when the list has one
        its = [p for p in whole if p.start == item.start]
        picks += [p for p in heading + its if p not in picks]
    return sorted(picks, key=lambda p: (p.doc_id, p.start))
