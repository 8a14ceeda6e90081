"""Københavns Kommune's administrations and committees and their abbreviations.

The documents write "Udfyldes af SOF" and "BIU behandler …" where staff ask about
"Socialforvaltningen" or "Beskæftigelses- og Integrationsudvalget" (and the other way round), and
staff shorten the double names ("Integrationsforvaltningen", "Sundhedsforvaltningen"). A question
that names a body in either form is searched with both, and a body the documents name only in the
other form is not "missing" from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The municipality's seven administrations, their committees and the city council (2010-2026).
BODIES: dict[str, str] = {
    "BR": "Borgerrepræsentationen",
    "ØKF": "Økonomiforvaltningen",
    "ØU": "Økonomiudvalget",
    "BUF": "Børne- og Ungdomsforvaltningen",
    "BUU": "Børne- og Ungdomsudvalget",
    "BIF": "Beskæftigelses- og Integrationsforvaltningen",
    "BIU": "Beskæftigelses- og Integrationsudvalget",
    "KFF": "Kultur- og Fritidsforvaltningen",
    "KFU": "Kultur- og Fritidsudvalget",
    "SOF": "Socialforvaltningen",
    "SOU": "Socialudvalget",
    "SUF": "Sundheds- og Omsorgsforvaltningen",
    "SUU": "Sundheds- og Omsorgsudvalget",
    "TMF": "Teknik- og Miljøforvaltningen",
    "TMU": "Teknik- og Miljøudvalget",
}
KINDS = ("forvaltning", "udvalg", "repræsentation")


@dataclass(frozen=True)
class Body:
    acronym: str
    name: str
    pattern: re.Pattern  # the name as staff write it: in full, or by one of its two parts


def _name_pattern(name: str) -> re.Pattern:
    """'Sundheds- og Omsorgsforvaltningen' → sundheds(- og omsorgs)?forvaltning…, omsorgsforvaltning…;
    a single name ('Socialforvaltningen') → socialforvaltning…, any ending."""
    low = name.lower()
    kind = next(k for k in KINDS if k in low)
    head = low[:low.index(kind)]
    double = re.fullmatch(r"(\w+)- og (\w+)", head)
    if double:
        first, second = map(re.escape, double.groups())
        head_re = rf"(?:{first}(?:- og {second})?|{second})"
    else:
        head_re = re.escape(head)
    return re.compile(rf"\b{head_re}{kind}\w*", re.IGNORECASE)


@lru_cache(maxsize=1)
def bodies() -> tuple[Body, ...]:
    return tuple(Body(a, n, _name_pattern(n)) for a, n in BODIES.items())


def bodies_named(text: str) -> list[tuple[Body, tuple[int, int]]]:
    """The bodies a text names, by abbreviation (upper case, as written) or by name, with where, in
    reading order."""
    found = []
    for body in bodies():
        for m in re.finditer(rf"(?<!\w){re.escape(body.acronym)}(?!\w)", text):
            found.append((body, m.span()))
        for m in body.pattern.finditer(text):
            found.append((body, m.span()))
    return sorted(found, key=lambda f: f[1])


def other_forms(text: str) -> list[str]:
    """For every body the text names, its abbreviation and its full name (to add to a search)."""
    forms = {f: None for body, _ in bodies_named(text) for f in (body.acronym, body.name)}
    return list(forms)
