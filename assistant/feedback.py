"""Feedback on answers (👍/👎 and a comment), stored in SQLite with personal data redacted first."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from .privacy import redact

_lock = threading.Lock()
SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, rating INTEGER NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, comment TEXT NOT NULL, citation_ids TEXT NOT NULL)"""


def feedback_path(data_dir: Path) -> Path:
    return data_dir / "feedback.sqlite"


def record_feedback(data_dir: Path, rating: int, question: str, answer: str, comment: str,
                    citation_ids: list[str]) -> int:
    """Store one rating (1 = 👍, 0 = 👎); returns its row id. Text is redacted before storing."""
    if rating not in (0, 1):
        raise ValueError("rating must be 0 or 1")
    data_dir.mkdir(parents=True, exist_ok=True)
    with _lock, sqlite3.connect(str(feedback_path(data_dir))) as conn:
        conn.execute(SCHEMA)
        cur = conn.execute(
            "INSERT INTO feedback (created_at, rating, question, answer, comment, citation_ids) VALUES (?,?,?,?,?,?)",
            (time.strftime("%Y-%m-%dT%H:%M:%S"), rating, redact(question), redact(answer), redact(comment or ""),
             json.dumps(citation_ids)))
        return int(cur.lastrowid)


def all_feedback(data_dir: Path) -> list[dict]:
    path = feedback_path(data_dir)
    if not path.exists():
        return []
    with sqlite3.connect(str(path)) as conn:
        conn.row_factory = sqlite3.Row
        conn.execute(SCHEMA)
        return [dict(r) for r in conn.execute("SELECT * FROM feedback ORDER BY id")]
