"""English policy vocabulary → the Danish words the documents use.

English questions are answered from Danish text. The embeddings are cross-lingual, but BM25 and
the sentence ranker's term features need words the documents contain: an English question's
words are expanded with their Danish counterparts (never replaced). Keys are lower-case English
word forms; values are Danish words as they appear in the policies.
"""

from __future__ import annotations

from pathlib import Path

# A broader list, written from the documents' own word list (every Danish form in it occurs in the
# corpus): english<TAB>danish,danish,... The hand-written entries below take precedence.
CORPUS_GLOSSARY = Path(__file__).with_name("glossary_corpus.tsv")

ENGLISH_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                    ("es", ""), ("s", ""), ("d", ""))


def english_forms(word: str) -> list[str]:
    """Other forms of an English word to look it up by: its stems, then their inflections
    ("funded" → fund, funde, …, funding)."""
    stems = [word[:-len(end)] + new for end, new in ENGLISH_SUFFIXES
             if word.endswith(end) and len(word) - len(end) >= 3]
    forms = stems + [s + end for s in (stems or [word]) for end in ("s", "ing", "ed", "e", "es", "d")]
    return list(dict.fromkeys(f for f in forms if f != word))


class Glossary(dict):
    """English word → Danish forms. ``get`` finds a word missing as written by its other forms
    (english_forms), so one entry serves "fund", "funds", "funded" and "funding"."""

    def get(self, word: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        if word in self:
            return self[word]
        return next((self[f] for f in english_forms(word) if f in self), default)


ENGLISH_TO_DANISH: dict[str, tuple[str, ...]] = {
    "integration": ("integration", "integrationen"),
    "citizenship": ("medborgerskab",),
    "policy": ("politik", "politikken"),
    "policies": ("politikker",),
    "draft": ("udkast", "udkastet"),
    "synopsis": ("synopsis", "synopsen"),
    "goal": ("mål", "målsætning"),
    "overall": ("overordnede", "overordnet"),
    "purpose": ("formål", "formålet"),
    "aim": ("formål", "mål"),
    "goals": ("mål", "målene"),
    "target": ("mål", "målgruppe"),
    "objective": ("mål", "målsætning"),
    "principle": ("princip",),
    "principles": ("principper",),
    "benchmarks": ("pejlemærker",),
    "guidelines": ("pejlemærker", "principper"),
    "guiding": ("pejlemærker", "principper"),  # "guiding points", "guiding principles"
    "guideposts": ("pejlemærker",),
    "signposts": ("pejlemærker",),
    "lodestars": ("pejlemærker",),
    "beacons": ("pejlemærker",),
    "responsibility": ("ansvar", "ansvaret"),
    "responsible": ("ansvar", "ansvarlig"),
    "municipality": ("kommunen",),
    "council": ("borgerrepræsentationen", "udvalg"),
    "committee": ("udvalget", "udvalg"),
    "committees": ("udvalg", "udvalgene"),
    "citizens": ("borgere", "københavnere", "københavnerne"),
    "residents": ("borgere", "københavnere", "beboere"),
    "copenhageners": ("københavnere", "københavnerne"),
    "employment": ("beskæftigelse", "lønmodtagerbeskæftigelse"),
    "employed": ("beskæftigelse", "job"),
    "unemployment": ("ledighed", "overledighed"),
    "unemployed": ("ledige", "ledighed"),
    "job": ("job", "beskæftigelse"),
    "jobs": ("job", "arbejdspladser"),
    "work": ("arbejde", "arbejdsmarkedet"),
    "labour": ("arbejdsmarkedet",),
    "labor": ("arbejdsmarkedet",),
    "workplace": ("arbejdsplads",),
    "employees": ("medarbejdere", "ansatte"),
    "staff": ("medarbejdere", "ansatte"),
    "managers": ("ledere",),
    "companies": ("virksomheder", "erhvervslivet"),
    "businesses": ("virksomheder", "erhvervslivet"),
    "employers": ("arbejdsgivere", "virksomheder"),
    "education": ("uddannelse",),
    "school": ("skole", "folkeskolen"),
    "schools": ("skoler", "skolerne"),
    "pupils": ("elever",),
    "students": ("elever", "studerende"),
    "teachers": ("lærere",),
    "children": ("børn",),
    "young": ("unge",),
    "youth": ("unge",),
    "parents": ("forældre",),
    "women": ("kvinder",),
    "language": ("sprog", "dansk", "danskkundskaber"),
    "danish": ("dansk", "danske"),
    "lessons": ("undervisning", "danskundervisning"),
    "teaching": ("undervisning",),
    "health": ("sundhed", "helbred"),
    "housing": ("bolig", "boligområder"),
    "neighbourhoods": ("boligområder", "områder"),
    "neighborhoods": ("boligområder", "områder"),
    "areas": ("områder", "indsatsområder"),
    "safety": ("tryghed",),
    "security": ("tryghed",),
    "discrimination": ("diskrimination",),
    "racism": ("diskrimination", "racisme"),
    "equal": ("lige", "ligebehandling"),
    "treatment": ("behandling", "ligebehandling"),
    "diversity": ("mangfoldighed",),
    "inclusion": ("inklusion",),
    "included": ("inkluderet",),
    "refugees": ("flygtninge",),
    "refugee": ("flygtning", "flygtninge"),
    "immigrants": ("indvandrere",),
    "immigrant": ("indvandrer",),
    "non": ("ikke",),
    "descendants": ("efterkommere",),
    "descendant": ("efterkommer", "efterkommere"),
    "minorities": ("minoriteter", "etniske minoriteter"),
    "minority": ("minoritet", "minoritetsbaggrund"),
    "ethnic": ("etniske", "etnisk"),
    "background": ("baggrund",),
    "western": ("vestlig",),
    "ukrainian": ("ukrainske", "ukraine"),
    "ukraine": ("ukraine",),
    "displaced": ("fordrevne",),
    "welcome": ("velkomst", "velkommen"),
    "houses": ("huse",),
    "volunteers": ("frivillige",),
    "voluntary": ("frivillig", "frivillige"),
    "associations": ("foreninger",),
    "civil": ("civilsamfundet",),
    "society": ("samfundet", "civilsamfundet"),
    "social": ("social", "sociale"),
    "control": ("kontrol",),
    "culture": ("kultur",),
    "leisure": ("fritid", "fritids"),
    "measured": ("måles", "indeks"),
    "measure": ("måle", "måles"),
    "index": ("indeks", "index"),
    "barometer": ("barometer", "integrationsbarometer"),
    "follow": ("opfølgning", "følge"),
    "status": ("status",),
    "financed": ("finansiering",),
    "funding": ("finansiering",),
    "budget": ("budget", "økonomi"),
    "action": ("handleplaner",),
    "plans": ("handleplaner",),
    "workshop": ("workshop",),
    "criticism": ("kritik",),
    "experts": ("eksperter",),
    "experience": ("erfaringer",),
    "neighbouring": ("omegnskommuner",),
    "partnership": ("partnerskab", "partnerskaber"),
    "partnerships": ("partnerskaber",),
    "mentor": ("mentor",),
    "ordinary": ("normalindsats", "normalsystemet"),
    "mainstream": ("normalindsats", "normalsystemet"),
    "structure": ("struktur", "opbygning", "bygget"),
    "structured": ("struktur", "opbygning", "bygget"),
    "consultation": ("høring",),
    "responses": ("svar", "høringssvar"),
    "adopted": ("vedtaget", "vedtagne"),
    "definition": ("definition", "forstås"),
    "defined": ("defineres", "forstås"),
    "means": ("betyder", "forstås"),
    "poverty": ("fattigdom", "fattige"),
    "poor": ("fattige",),
    "family": ("familie",),
    "reunified": ("familiesammenførte",),
    "self": ("selvforsørgede",),
    "supporting": ("selvforsørgede",),
    "special": ("særlig",),
    "group": ("gruppe", "målgruppe"),
    "lighthouse": ("fyrtårnsprojekt",),
    "flagship": ("fyrtårnsprojekt",),
    "project": ("projekt",),
    "vision": ("vision", "visionen"),
}


def read_glossary(path: Path) -> dict[str, tuple[str, ...]]:
    """English word → Danish forms from a tab-separated file; malformed lines are skipped."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        english, tab, danish = line.partition("\t")
        forms = tuple(f.strip() for f in danish.split(",") if f.strip())
        if tab and english.strip() and " " not in english.strip() and forms:
            out[english.strip().lower()] = forms
    return out


# What an English question's words are expanded with for searching: the hand-written entries, then
# the broader list, each word also found by its other forms. The checks that read an English
# question word by word (silence, definitions) keep to the hand-written entries, whose words are
# few and exact.
SEARCH_EXPANSION: dict[str, tuple[str, ...]] = Glossary({**read_glossary(CORPUS_GLOSSARY), **ENGLISH_TO_DANISH})
