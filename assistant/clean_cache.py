"""Cleaned documents kept on disk by content: an unchanged document is not repaired again.

The key is the document's text, the code of the repair (clean.py, lexicon.py) and the word list
and vocabulary it used, so any change to one of them cleans the document afresh. A missing or
damaged cache file only costs the repair; files are written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from .clean import Change, CleanResult, clean_text
from .lexicon import Lexicon

CODE = ("clean.py", "lexicon.py")


@lru_cache(maxsize=1)
def _code_digest() -> str:
    here = Path(__file__).resolve().parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in CODE)).hexdigest()


def cached_clean(text: str, lexicon: Lexicon, cache_dir: Path) -> CleanResult:
    """``clean_text(text, lexicon)``, read from ``cache_dir/clean`` when it was done before."""
    if not lexicon.digest:
        return clean_text(text, lexicon)
    key = hashlib.sha256(f"{_code_digest()}:{lexicon.digest}:".encode() + text.encode("utf-8")).hexdigest()
    path = Path(cache_dir) / "clean" / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CleanResult(original=text, text=data["text"], orig_start=tuple(data["orig_start"]),
                           orig_end=tuple(data["orig_end"]), changes=tuple(Change(*c) for c in data["changes"]),
                           placeholders=tuple(tuple(p) for p in data["placeholders"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cleaned before, or a damaged file: clean again
    result = clean_text(text, lexicon)
    data = {"text": result.text, "orig_start": result.orig_start, "orig_end": result.orig_end,
            "changes": [[c.start, c.end, c.before, c.after, c.reason] for c in result.changes],
            "placeholders": result.placeholders}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache folder: the result is still right, only not kept
    return result
