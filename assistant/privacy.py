"""Personal data in free text: CPR numbers, e-mail addresses and phone numbers are found and redacted
before anything is logged or stored."""

from __future__ import annotations

import re

CPR = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Danish phone numbers: 8 digits, written together, in pairs or in fours ("12345678", "12 34 56 78",
# "+45 1234 5678"); a hyphenated "2023-2026" is a period, not a phone number.
PHONE = re.compile(r"(?<![\d-])(?:\+45 ?)?(?:\d{8}|\d{2}(?: \d{2}){3}|\d{4} \d{4})(?![\d-])")

REPLACEMENTS = ((CPR, "[CPR-nummer fjernet]"), (EMAIL, "[e-mail fjernet]"), (PHONE, "[telefonnummer fjernet]"))


def find_personal_data(text: str) -> list[str]:
    """Kinds of personal data found in the text (Danish names of the kinds)."""
    kinds = []
    if CPR.search(text):
        kinds.append("CPR-nummer")
    if EMAIL.search(text):
        kinds.append("e-mailadresse")
    if PHONE.search(CPR.sub("", text)):
        kinds.append("telefonnummer")
    return kinds


def redact(text: str) -> str:
    """The text with CPR numbers, e-mail addresses and phone numbers replaced by a marker."""
    for pattern, marker in REPLACEMENTS:
        text = pattern.sub(marker, text)
    return text
