"""Safe text for the web page: document and user text is always escaped before it is shown."""

from __future__ import annotations

import html
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows literally: no HTML, links, emphasis or LaTeX."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def highlighted_html(text: str, start: int, end: int, max_chars: int = 4000) -> str:
    """Escaped text with [start, end) in a <mark>; long texts are cut around the mark."""
    start, end = max(0, start), min(len(text), end)
    lo, hi = 0, len(text)
    if hi - lo > max_chars:
        lo = max(0, start - max_chars // 2)
        hi = min(len(text), lo + max_chars)
    before = html.escape(text[lo:start])
    marked = html.escape(text[start:end])
    after = html.escape(text[end:hi])
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    return (f'<div class="passage" style="white-space: pre-wrap; line-height: 1.5">{prefix}{before}'
            f'<mark class="cited">{marked}</mark>{after}{suffix}</div>')


def shortened(text: str, max_chars: int) -> str:
    """The text, cut at the last word boundary before ``max_chars`` with " …" when it is longer."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ")
    return (cut[:space] if space > max_chars // 2 else cut).rstrip(" ,;:") + " …"
