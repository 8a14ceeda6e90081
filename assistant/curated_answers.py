"""Questions answered from the curated data (corpus/goals.yaml, corpus/definitions.yaml) rather than
from free text: a goal's status, which goals or flagship projects belong to a named area ("Hvilke
mål hører til indsatsområdet »Den inddragende by«?"), and what a defined term means ("Hvad er en
efterkommer?"). Every answer is cited from the data's verified quotes."""

from __future__ import annotations

import re

from .asked import asked_sentence_start
from .compare import fits_period, named_documents
from .definitions import asked_definitions, load_definitions_cached
from .document_facts import adoption_picks, period_picks
from .goals import load_goals_cached
from .picks import Pick, chunk_at
from .question import (COMPARISON_RE, FOLLOW_UP_ASKED, RESPONSIBILITY_LIST_RE, UNITS_ASKED, WHEN_ASKED,
                       question_type, topic_of)
from .retrieve import Retriever
from .sentences import split_sentences
from .sentence_rank import GENERIC_TERMS, content_terms
from .sparse import stopwords, tokenize
from .types import Filters, Goal, Passage, SourceRef

GOAL_STATUS_RE = re.compile(r"\b(hvordan går det|status|nået|opfyldt|hvor langt|går det godt|"
                            r"how is .* going|progress|achieved|reached)\b", re.IGNORECASE)
GOAL_MATCH_MIN = 2  # content terms a goal must share with the question
GOAL_WORDS = {"mål", "målet", "status", "går", "nået", "hvordan", "langt"}

# What a question may ask for under an area, by the goal kind that holds it.
CHILD_NOUNS = {"maal": {"mål", "målene", "goals", "goal", "targets"},
               "fyrtaarn": {"fyrtårnsprojekt", "fyrtårnsprojekter", "fyrtårnsprojektet", "fyrtårnsprojekterne",
                            "flagship"}}
GOAL_VERBS = {"opnå", "opnås", "achieve", "accomplish"}  # what an area is to achieve is its goals
AREA_KINDS = ("indsatsomraade", "tema", "fokusomraade")
AREA_WORDS = {"indsats", "indsatsområde", "indsatsområdet", "indsatsområder", "tema", "temaet", "område", "området",
              "area", "theme", "hører", "høre", "under", "belong", "belongs"}
ASKS_WHICH = re.compile(r"\b(hvilke[nt]?|hvad (?:er|var|hedder|hed) (?:de|det|målene|målet)|nævn|list\w*|"
                        r"which|what are|what were|name)\b", re.IGNORECASE)
AREA_NUMBER = re.compile(r"\b(indsats(?:område[t]?)?|tema(?:et)?|område[t]?)\s+(?:nr\.?\s*)?(\d)\b", re.IGNORECASE)


def lexicon_terms(text: str, lexicon) -> set[str]:
    """The stemmed terms of a text (compounds split by the lexicon), without stop words and the
    words every policy uses ("københavn", "integration")."""
    return set(tokenize(text, lexicon)) - stopwords() - GENERIC_TERMS


def match_goal(question: str, goals, lexicon=None) -> Goal | None:
    """The goal a status question is about: most shared content terms with its title and statement,
    among the goals of a period the question's years fit (or stand just before), if it names any."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", question)]
    terms = {t for t in lexicon_terms(question, lexicon) - GOAL_WORDS if not t.isdigit()}  # years choose the period
    best, best_n = None, 0
    for g in goals:
        if g.placeholder or (years and not any(fits_period(y, g.period) for y in years)):
            continue
        words = set(tokenize(" ".join(filter(None, (g.title, g.statement, g.indicator, g.area))), lexicon))
        n = len(terms & words)
        if n > best_n:
            best, best_n = g, n
    return best if best_n >= GOAL_MATCH_MIN else None


def source_pick(ref: SourceRef, retriever: Retriever) -> Pick | None:
    """A verified quote of the curated data (a goal, a definition) as a pick in its document's cleaned text."""
    doc = retriever.index.documents.get(ref.document)
    if doc is None:
        return None
    a, b = doc.to_cleaned(ref.start, ref.end)
    chunk = chunk_at(retriever, doc.meta.id, a) or retriever.index.chunks[0]
    return Pick(doc.meta.id, a, b, chunk, 1.0)


def named_area(question: str, areas: list[Goal], lexicon) -> Goal | None:
    """The one area the question names: by its number ("indsats 4") or by at least two words of its
    title ("den inddragende by"), and more of them than any other area."""
    number = AREA_NUMBER.search(question)
    if number:
        word = re.match(r"indsats|tema|område", number.group(1).lower()).group()  # the kind of area named
        label = re.compile(rf"^\W*{word}\W+{number.group(2)}\b", re.IGNORECASE)
        hits = [a for a in areas if label.match(a.title)]
        return hits[0] if len(hits) == 1 else None
    words = lexicon_terms(topic_of(question), lexicon) - lexicon_terms(" ".join(AREA_WORDS), lexicon) - GOAL_WORDS
    for nouns in CHILD_NOUNS.values():
        words -= lexicon_terms(" ".join(nouns), lexicon)
    scored = sorted(((len(words & lexicon_terms(a.title, lexicon)), i) for i, a in enumerate(areas)), reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return areas[scored[0][1]]


def area_children_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The goals or flagship projects of the area a question names, introduced by the area itself;
    empty when the question does not ask which of them belong to one named area."""
    asked = set(re.findall(r"\w+", question.lower()))
    achieve = bool(asked & GOAL_VERBS)  # "Hvad ville kommunen opnå med indsatsområdet …?": its goals
    if not ASKS_WHICH.search(question) and not UNITS_ASKED.search(question) and not achieve:
        return []  # "Målene under 'Den inddragende by'?" asks which, by the units alone
    kinds = {kind for kind, nouns in CHILD_NOUNS.items() if asked & nouns} | ({"maal"} if achieve else set())
    if not kinds:
        return []
    goals = [g for g in load_goals_cached(retriever.settings.corpus_dir) if g.policy in retriever.index.documents]
    children = [g for g in goals if g.kind in kinds and g.parent and not g.placeholder]
    parents = {g.parent for g in children}
    named = named_documents(question, retriever)
    areas = [g for g in goals if g.kind in AREA_KINDS and g.id in parents and (not named or g.policy in named)]
    area = named_area(question, areas, retriever.lexicon)  # in the documents the question names, if it names any
    if area is not None:
        refs = [area.statement_source] + [g.statement_source for g in children if g.parent == area.id]
    elif kinds == {"fyrtaarn"}:  # "Hvilke fyrtårnsprojekter er der?": every one, as no section lists them
        refs = [g.statement_source for g in children if not named or g.policy in named]
    else:
        return []
    picks = [source_pick(ref, retriever) for ref in refs]
    return sorted((p for p in picks if p is not None), key=lambda p: (p.doc_id, p.start))


ASKS_HOW = re.compile(r"\b(?:hvordan|hvad|hvilke\w*|how|what|which)\b", re.IGNORECASE)


def follow_up_picks(question: str, retriever: Retriever) -> list[Pick]:
    """How the documents the question names (or all) are to be followed up: the statements of their
    follow-up items (the goal data's kind "opfoelgning", or a principle that is about following up:
    "Princip C: Evaluering og monitorering"), in reading order; empty for another question and when the
    data has no follow-up for a document the question names."""
    if not (FOLLOW_UP_ASKED.search(question) and ASKS_HOW.search(question)):
        return []
    named = named_documents(question, retriever)
    items = [g for g in load_goals_cached(retriever.settings.corpus_dir)
             if (g.kind == "opfoelgning" or (g.kind == "princip" and FOLLOW_UP_ASKED.search(g.title)))
             and g.policy in retriever.index.documents and not g.placeholder and (not named or g.policy in named)]
    if any(doc not in {g.policy for g in items} for doc in named):
        return []  # a named document the data has no follow-up for ("… og hvad siger udkastet om det?")
    picks = [source_pick(g.statement_source, retriever) for g in items]
    return sorted((p for p in picks if p is not None), key=lambda p: (p.doc_id, p.start))


# "Hvad siger princip E?", "Hvad går mål 3 ud på?", "pejlemærke 2", "det første princip": one numbered or
# lettered item.
ITEM_WORDS = r"mål(?:et)?|princip(?:pet)?|pejlemærke(?:t)?|indsats(?:område(?:t)?)?|goal|principle"
ORDINALS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7}
ITEM_LABEL = re.compile(rf"\b(?:({ITEM_WORDS})\s+(?:nr\.?\s*)?(\d|[A-E])\b(?![.,]\d|\s*%)|"
                        rf"(?:det|den)\s+({'|'.join(ORDINALS)})\s+({ITEM_WORDS}))", re.IGNORECASE)
# How a label's word begins → (the goal kind, the word its titles start with).
ITEM_KINDS = {"mål": ("maal", "Mål"), "goal": ("maal", "Mål"), "princip": ("princip", "Princip"),
              "pejlemærke": ("pejlemaerke", "Pejlemærke"), "indsats": ("indsatsomraade", "Indsats")}


def named_item_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The statement of each item the question names by its label ("princip E", "mål 3"), in the
    documents the question names (or in any, when it names none); empty when no item has the label,
    or when a comparison names only one."""
    if question_type(question) == "list" or RESPONSIBILITY_LIST_RE.search(question):
        return []  # "Hvilke pligter har københavnerne ifølge princip 3?" asks for a list inside the item
    goals = [g for g in load_goals_cached(retriever.settings.corpus_dir) if g.policy in retriever.index.documents]
    named = named_documents(question, retriever)
    items = []
    for m in ITEM_LABEL.finditer(question):
        word = (m.group(1) or m.group(4)).lower()
        kind, title_word = next(v for k, v in ITEM_KINDS.items() if word.startswith(k))
        if m.group(2):
            wanted = re.escape(m.group(2))
        else:  # "det første princip": the first by number or by letter
            n = ORDINALS[m.group(3).lower()]
            wanted = f"(?:{n}|{chr(64 + n)})"
        label = re.compile(rf"^{title_word}\s+{wanted}\b", re.IGNORECASE)
        hits = [g for g in goals if g.kind == kind and not g.placeholder and label.match(g.title)]
        items += [g for g in hits if g.policy in named] or ([] if named else hits)
    if not items or (COMPARISON_RE.search(question) and len(items) < 2):
        return []
    picks = [source_pick(g.statement_source, retriever) for g in dict.fromkeys(items)]
    return [p for p in picks if p is not None]


# "Hvilket af principperne handler om at måle effekten?", "Which guiding point is about values?": the one
# item of a kind that the rest of the question describes. (Plural "hvilke" asks for a list.)
WHICH_ITEM = re.compile(r"\b(?:hvilke[tn]|which)\s+(?:(?:af|of)\s+(?:de|the)?\s*)?"
                        r"((?:københavner)?princip\w*|mål(?:et|ene)?|pejlemærke\w*|indsatsområde\w*|principles?|goals?|"
                        r"guiding points?)\b", re.IGNORECASE)
WHICH_ITEM_KINDS = {"princip": "princip", "københavnerprincip": "princip", "mål": "maal", "goal": "maal",
                    "pejlemærke": "pejlemaerke", "guiding": "pejlemaerke", "indsatsområde": "indsatsomraade"}


# "Hvad vil kommunen opnå for børn og unge ifølge pejlemærkerne?", "Hvad siger pejlemærkerne om sprog?",
# "Står der noget om personligt ansvar i principperne?": the one item of a named kind that the rest of
# the question is about.
BY_ITEMS = re.compile(r"\b(?:ifølge|blandt|hvad siger|i|according to|among|what do|in)\s+(?:de\s+|the\s+)?"
                      r"(pejlemærkerne|principperne|målene|guiding points|principles|goals)\b", re.IGNORECASE)


def which_item_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The statement of the one item of the asked kind (in the documents the question names) whose shared
    content words with the question weigh most (by rarity in the corpus), when no other item ties."""
    m = WHICH_ITEM.search(question)
    if not m and question_type(question) != "list":
        m = BY_ITEMS.search(question)
    if not m or COMPARISON_RE.search(question):
        return []
    kind = next(v for k, v in WHICH_ITEM_KINDS.items() if m.group(1).lower().startswith(k))
    goals = [g for g in load_goals_cached(retriever.settings.corpus_dir) if g.policy in retriever.index.documents
             and g.kind == kind and not g.placeholder]
    named = named_documents(question, retriever)
    goals = [g for g in goals if g.policy in named] or ([] if named else goals)
    goals = named_by_title(goals, m.group(1)) or goals
    rest = topic_of(question[m.end():] if m.re is WHICH_ITEM else question[:m.start()] + question[m.end():])
    # whole words only: a compound's parts would match by accident ("demokrati|ske" ~ "økonomi|ske")
    # in the documents' words: an English question's through its glossary, a Danish one's synonyms ("langvarigt")
    terms = content_terms(retriever.expand(rest)) - GOAL_WORDS
    rarity = retriever.term_rarity  # a shared rare word ("effekten") outweighs a common one ("indsatser")
    default = max(rarity.values(), default=1.0)
    weight = lambda ts: sum(rarity.get(t, default) for t in ts)  # noqa: E731
    shared = [terms & content_terms(f"{g.title} {g.statement}") for g in goals]
    told = question[:asked_sentence_start(question)]
    if not any(shared) and m.re is WHICH_ITEM and told:
        # "En kollega skal holde oplæg om, hvordan virksomheder kan tiltrække kvalificerede medarbejdere fra
        # udlandet. Hvilket princip kan hun læne sig op ad?": the case told before says what about, and the
        # items' own text ("Mangfoldighed er en ressource" and its explanation) what they are about
        terms = content_terms(retriever.expand(f"{told} {rest}")) - GOAL_WORDS
        shared = [terms & content_terms(f"{g.title} {g.statement} {_item_text(g, retriever)}") for g in goals]
    scored = sorted(((weight(ts), i) for i, ts in enumerate(shared)), reverse=True)
    if goals and (not scored or scored[0][0] == 0) and m.re is WHICH_ITEM:
        # "Hvilket københavnerprincip handler om at være sammen med folk, der er anderledes end én selv?": in
        # other words than any item's; the item whose statement the question's words come closest to in meaning
        closest = closest_item(goals, f"{told} {rest}".strip(), retriever)
        pick = source_pick(goals[closest].statement_source, retriever) if closest is not None else None
        return [pick] if pick else []
    two = bool(TWO_ASKED.search(rest))  # "… om, hvor langvarigt det skal være, og om det skal evalueres?": each its item
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0] and not two):
        return []
    chosen, covered = [scored[0][1]], set(shared[scored[0][1]])
    if two:
        for _w, i in scored[1:]:
            if weight(shared[i] - covered) >= ALSO_ASKED * scored[0][0]:
                chosen.append(i)
                covered |= shared[i]
    picks = [source_pick(goals[i].statement_source, retriever) for i in sorted(chosen)]
    return [p for p in picks if p is not None]


def named_by_title(goals: list[Goal], word: str) -> list[Goal]:
    """The items whose title begins with the longest label the question's word holds: "københavnerprincippet"
    names the synopsis's "Københavnerprincip 1: …", "principperne" the policies' "Princip 1: …"."""
    label = lambda g: g.title.split()[0].lower().rstrip(":.")  # noqa: E731
    fitting = [g for g in goals if label(g) in word.lower()]
    longest = max((len(label(g)) for g in fitting), default=0)
    return [g for g in fitting if len(label(g)) == longest]


ITEM_CLOSER = 0.002  # the closest item's cosine must lead the next one's by this much (else none is chosen)
# The best passage's closeness to what the item is to be about: "handler om vejret/fodbold/parkering?" 0.821-0.823,
# "… om at stole på hinanden / børnenes skolegang / at måle effekten / at være sammen med folk, der er anderledes
# end én selv?" 0.835-0.868 (session 21).
ITEM_TOPIC_CLOSENESS = 0.83


def closest_item(goals: list[Goal], text: str, retriever: Retriever) -> int | None:
    """The index of the item whose statement is closest in meaning to the text, when it leads the next and the
    text is about the documents at all (its best passage is close: the items' closeness alone does not tell
    "vejret" from "skolegang")."""
    best = retriever.dense_ranking(text, depth=1)
    if not best or best[0][1] < ITEM_TOPIC_CLOSENESS:
        return None
    q = retriever.query_vector(text)
    closeness = sorted(((float(retriever.statement_vector(g.statement) @ q), i) for i, g in enumerate(goals)),
                       reverse=True)
    if len(closeness) > 1 and closeness[0][0] - closeness[1][0] < ITEM_CLOSER:
        return None
    return closeness[0][1]


ITEM_TEXT_KINDS = ("principle", "goal", "pejlemaerke", "area", "theme", "numbered_item", "letter_item")
ITEM_TEXT_MAX = 2000  # characters of an item's own text read for the words it shares with a question


def _item_text(goal: Goal, retriever: Retriever) -> str:
    """The text of the section an item's statement opens (a principle with its explanation), or its statement."""
    pick = source_pick(goal.statement_source, retriever)
    if pick is None:
        return goal.statement
    doc = retriever.index.documents[pick.doc_id]
    own = [sec for sec in doc.sections if sec.kind in ITEM_TEXT_KINDS and sec.start <= pick.start < sec.end]
    sec = min(own, key=lambda x: x.end - x.start, default=None)
    return doc.cleaned[sec.start:min(sec.end, sec.start + ITEM_TEXT_MAX)] if sec else goal.statement


TWO_ASKED = re.compile(r",\s*(?:og|samt|and)\s+(?:om|hvad|hvordan|hvor|whether|what|how)\b", re.IGNORECASE)
ALSO_ASKED = 0.5  # a second item's own shared words weigh at least half of the best item's


def definition_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The defining passages of the term a question asks the meaning of: for each period that defines
    it, the period the question points at most strongly; when the question names documents, only
    their definitions (none when they do not define the term: their own text answers) ("Hvad er
    principperne?" asks for the items, not a definition)."""
    if UNITS_ASKED.search(question):
        return []
    found = [d for d in asked_definitions(topic_of(question), load_definitions_cached(retriever.settings.corpus_dir),
                                          english=retriever.language(question) == "en", question=question)
             if d.document in retriever.index.documents]
    named = named_documents(question, retriever)  # "i politikken fra 2011": not the synopsis of that period
    if named:  # a document that does not define the term answers from its own text ("visionen i udkastet")
        found = [d for d in found if d.document in named]
    if not found:
        return []
    if len(named) < 2 and not COMPARISON_RE.search(question):  # a comparison wants every period's definition
        strength = {d.id: retriever.document_boost(question, d.document) for d in found}
        found = [d for d in found if strength[d.id] == max(strength.values())]
    picks = [source_pick(ref, retriever) for d in found for ref in d.sources]
    return [p for p in picks if p is not None]


# "Hvad går fyrtårnsprojektet Bland dig i byen ud på?", "Hvad er formålet med …": what one named goal says.
ASKS_ABOUT_GOAL = re.compile(r"\b(hvad går .+ ud på|hvad handler .+ om|hvad indebærer|hvad er formålet med|"
                             r"hvad (?:ville|vil|skulle|skal) (?:man|kommunen|politikken|byen) opnå|"
                             r"hvilket mål (?:havde|har|satte|sætter) (?:man|kommunen|politikken) (?:for|om)|"
                             r"hvad (?:er|var) (?:den |det )?(?:overordnede |store |overordnet )*"
                             r"(?:mål(?:et|sætningen)?|formål(?:et)?|ambition(?:en)?) (?:med|for|i)|"
                             r"what (?:is|was) the (?:overall |main |overarching )?(?:purpose|aim|goal|objective) "
                             r"(?:of|for))\b", re.IGNORECASE)


def goal_statement_picks(question: str, retriever: Retriever) -> list[Pick]:
    """The statement of the one goal a question asks about (by most shared words with its title)."""
    if not ASKS_ABOUT_GOAL.search(question):
        return []
    goals = [g for g in load_goals_cached(retriever.settings.corpus_dir) if g.policy in retriever.index.documents]
    english = retriever.language(question) == "en"  # matched through the glossary's Danish words
    goal = match_goal(retriever.expand(question) if english else question, goals, retriever.lexicon)
    if goal is None:
        return []
    pick = source_pick(goal.statement_source, retriever)
    if pick is None:
        return []
    purpose = stated_purpose(pick, retriever) if PURPOSE_ASKED.search(question) else None
    # "…, og hvornår skulle det være nået?": the text that sets its deadline
    deadline = source_pick(goal.deadline_source, retriever) if goal.deadline_source and WHEN_ASKED.search(question) \
        else None
    return [pick] + [p for p in (purpose, deadline) if p]


def deadline_picks(picks: list[Pick], retriever: Retriever) -> list[Pick]:
    """The text that sets the deadline of each curated goal whose statement a pick quotes ("Mål 2: Overledigheden
    … max 5,8 procent" → "Alle mål skal nås inden udgangen af 2014")."""
    out = []
    for goal in load_goals_cached(retriever.settings.corpus_dir):
        if goal.deadline_source is None or goal.policy not in retriever.index.documents:
            continue
        statement = source_pick(goal.statement_source, retriever)
        if statement is not None and any(p.doc_id == statement.doc_id and p.start < statement.end and
                                         statement.start < p.end for p in picks):
            deadline = source_pick(goal.deadline_source, retriever)
            if deadline is not None and deadline not in out:
                out.append(deadline)
    return out


def stated_figure_picks(passages: list[Passage], retriever: Retriever, figure: bool = True) -> list[Pick]:
    """The statement of a goal (``figure``: one that states a figure, "Mål 1: De faglige resultater skal forbedres
    for de 25 procent svageste tosprogede elever") whose own section holds one of the top three passages: a
    number question (or one asking what was to be achieved) answered by that section's sentences gets the goal
    its heading sets."""
    for goal in load_goals_cached(retriever.settings.corpus_dir):
        if goal.placeholder or goal.policy not in retriever.index.documents or \
                (figure and not re.search(r"\d", goal.statement)):
            continue
        pick = source_pick(goal.statement_source, retriever)
        if pick is None:
            continue
        # its own section, not another of the same title (the 2011 policy has four "FYRTÅRNSPROJEKT")
        own = [sec for sec in retriever.index.documents[pick.doc_id].sections if sec.start <= pick.start < sec.end
               and sec.path == pick.chunk.section_path]
        if any(p.chunk.doc_id == pick.doc_id and sec.start <= p.chunk.clean_start < sec.end
               for sec in own for p in passages[:3]):
            return [pick]
    return []


PURPOSE_ASKED = re.compile(r"\b(?:formål\w*|purpose|aim)\b", re.IGNORECASE)
PURPOSE_SENTENCE = re.compile(r"\bformål(?:et)?\b", re.IGNORECASE)
PURPOSE_REACH = 1500  # characters after a goal's statement in which its own section states its purpose


def stated_purpose(statement: Pick, retriever: Retriever) -> Pick | None:
    """The sentence after a goal's statement, before the next section, that states its purpose ("Formålet er
    at styrke sammenhængskraften, forebygge diskrimination …" a few sentences after "Bland dig i byen skal …")."""
    doc = retriever.index.documents[statement.doc_id]
    said = " ".join(doc.cleaned[statement.start:statement.end].lower().split())
    # the next section ends it, unless it is a label that repeats the goal's name (the layout's "Bland dig i Byen")
    following = [sec.start for sec in doc.sections if statement.end <= sec.start
                 and " ".join(sec.path[-1].lower().split()) not in said] if doc.sections else []
    end = min(following + [statement.end + PURPOSE_REACH, len(doc.cleaned)])
    for a, b in split_sentences(doc.cleaned[statement.end:end], statement.end):
        if PURPOSE_SENTENCE.search(doc.cleaned[a:b]) and len(doc.cleaned[a:b].split()) >= 4:  # not a torn "Formålet"
            return Pick(doc.meta.id, a, b, chunk_at(retriever, doc.meta.id, a) or statement.chunk, 1.0)
    return None


def curated_picks(question: str, retriever: Retriever, filters: Filters) -> tuple[list[Pick], str]:
    """Picks from the curated data and the question type they answer ("list" for an area's goals or a
    policy's follow-up, "definition" for a defined term, "item" for a labelled item, "document" for a
    document's period or adoption), within the filters; ([], "") when the data does not hold it."""
    for find, qtype in ((area_children_picks, "list"), (follow_up_picks, "list"),
                        (definition_picks, "definition"), (named_item_picks, "item"), (which_item_picks, "item"),
                        (goal_statement_picks, "general"), (period_picks, "document"), (adoption_picks, "document")):
        picks = [p for p in find(question, retriever) if filters.admits(retriever.index.meta(p.doc_id))]
        if picks:
            return picks, qtype
    return [], ""
