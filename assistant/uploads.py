"""Adding a document to the corpus from an upload: validated, written atomically, described in
metadata.yaml (title, kind, period, status, as the user confirms them), index rebuilt.

A rejected upload leaves the corpus, its metadata and the index exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from pathlib import Path

import yaml

from .config import Settings
from .corpus import METADATA_FILE, SOURCE_SUFFIXES, file_digest, parse_yaml, read_metadata, slugify, source_files
from .dedup import jaccard, shingles
from .errors import AssistantError, DocumentError, UploadError
from .ingest import read_document
from .types import DocumentMeta

NEAR_DUPLICATE = 0.8
KINDS = ("policy", "draft", "synopsis", "case", "other")
STATUSES = ("adopted", "draft", "case")
PERIOD_RE = re.compile(r"\b(20\d\d)\s*[-–]\s*(20\d\d)\b")


def check_filename(name: str) -> str:
    """The file name if it is a plain, allowed name; otherwise UploadError."""
    if not name or name != os.path.basename(name) or "/" in name or "\\" in name or ".." in name \
            or name.startswith(".") or "\x00" in name:
        raise UploadError(f"Filnavnet »{name}« er ikke tilladt (ingen mapper, '..' eller skjulte filer).")
    if Path(name).suffix.lower() not in SOURCE_SUFFIXES:
        raise UploadError(f"»{name}« har en filtype, der ikke understøttes. Brug .pdf, .txt eller .md.")
    if len(name) > 150 or not re.search(r"\w", Path(name).stem):
        raise UploadError(f"Filnavnet »{name[:60]}« er for langt eller tomt.")
    return name


def validate_upload(settings: Settings, name: str, data: bytes) -> None:
    """Reject the upload with a Danish message unless it can join the corpus."""
    check_filename(name)
    if not data.strip():
        raise UploadError(f"»{name}« er tom.")
    if len(data) > settings.max_upload_bytes:
        raise UploadError(f"»{name}« er for stor ({len(data) / 1e6:.1f} MB); grænsen er "
                          f"{settings.max_upload_bytes / 1e6:.0f} MB.")
    is_pdf = data.lstrip().startswith(b"%PDF")
    if name.lower().endswith(".pdf") != is_pdf:
        raise UploadError(f"»{name}«: indholdet passer ikke til filtypen "
                          f"({'en PDF' if is_pdf else 'ikke en PDF'}).")
    if (settings.corpus_dir / name).exists():
        raise UploadError(f"Der findes allerede et dokument med navnet »{name}«.")
    digest = hashlib.sha256(data).hexdigest()
    for existing in source_files(settings.corpus_dir):
        if file_digest(existing) == digest:
            raise UploadError(f"»{name}« er identisk med det eksisterende dokument »{existing.name}«.")


def suggested_metadata(text: str, name: str) -> dict[str, str]:
    """A first guess at an uploaded document's description, for the user to confirm: its first
    title-like line, the policy period it names most often, and draft or adopted by what its
    opening says (a draft unless it says it is adopted)."""
    lines = [" ".join(line.split()) for line in text.splitlines()[:40]]
    title = next((line for line in lines if 3 <= len(line.split()) <= 20 and re.search(r"[^\W\d_]{3}", line)),
                 Path(name).stem)
    periods: dict[str, int] = {}
    for a, b in PERIOD_RE.findall(text):
        if 1 <= int(b) - int(a) <= 6:
            periods[f"{a}-{b}"] = periods.get(f"{a}-{b}", 0) + 1
    opening = text[:3000].lower()
    draft = "udkast" in opening or "høring" in opening
    adopted = not draft and re.search(r"\bvedtag(?:et|ne)\b", opening) is not None
    return {"title": title[:150], "period": max(periods, key=periods.get) if periods else "ukendt",
            "status": "adopted" if adopted else "draft",
            "kind": "draft" if draft else "policy" if "politik" in title.lower() else "other"}


def read_upload(settings: Settings, name: str, data: bytes):
    """The uploaded file read as a Document (from a staging copy that is removed again)."""
    check_filename(name)
    staging = settings.corpus_dir / f".upload-{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    staging.write_bytes(data)
    try:
        return read_document(staging, DocumentMeta(id="upload", source_file=name, title=name))
    except DocumentError as exc:
        raise UploadError(f"{name}: {exc.detail}") from exc
    finally:
        staging.unlink(missing_ok=True)


def metadata_entry(name: str, described: dict[str, str], corpus_dir: Path) -> dict[str, str]:
    """The metadata.yaml entry for an upload: a free id, and the user's fields checked."""
    kind, status = described.get("kind") or "other", described.get("status") or "draft"
    if kind not in KINDS or status not in STATUSES:
        raise UploadError(f"Ukendt dokumenttype »{kind}« eller status »{status}«.")
    period = (described.get("period") or "ukendt").strip()
    if period != "ukendt" and not re.fullmatch(r"\d{4}(?:-\d{4})?", period):
        raise UploadError(f"Perioden »{period}« skal skrives som fx 2023-2026.")
    used = {str(e.get("id")) for e in read_metadata(corpus_dir).values()}
    base = slugify(name)
    doc_id = next(i for i in [base] + [f"{base}-{n}" for n in range(2, 1000)] if i not in used)
    title = " ".join((described.get("title") or Path(name).stem).split())[:200]
    return {"id": doc_id, "source_file": name, "title": title, "kind": kind, "period": period, "status": status}


def _write_metadata(corpus_dir: Path, text: str) -> None:
    path = corpus_dir / METADATA_FILE
    tmp = path.with_name(f".{METADATA_FILE}.{uuid.uuid4().hex}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def add_metadata(corpus_dir: Path, entry: dict[str, str]) -> str | None:
    """Append the entry to metadata.yaml (comments and other entries kept, written atomically);
    returns the file's previous text (None when there was none) for undoing."""
    path = corpus_dir / METADATA_FILE
    before = path.read_text(encoding="utf-8") if path.exists() else None
    text = before if before is not None else "documents:\n"
    if not re.search(r"^documents:", text, re.MULTILINE):
        text = text.rstrip("\n") + "\ndocuments:\n"
    lines = [f"  - {k}: {json.dumps(v, ensure_ascii=False)}" if i == 0 else f"    {k}: {json.dumps(v, ensure_ascii=False)}"
             for i, (k, v) in enumerate(entry.items())]
    appended = text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
    entries = _entries(text)
    if entries is None:
        raise UploadError(f"{METADATA_FILE} kan ikke læses, så »{entry['source_file']}« kan ikke beskrives i den.")
    if _entries(appended) != entries + [entry]:  # another layout: written anew, without its comments
        appended = yaml.safe_dump({**(parse_yaml(text) or {}), "documents": entries + [entry]},
                                  allow_unicode=True, sort_keys=False)
    _write_metadata(corpus_dir, appended)
    return before


def _entries(text: str) -> list | None:
    """The documents list of a metadata text, or None when it is not valid YAML of that shape."""
    try:
        data = parse_yaml(text) or {}
    except yaml.YAMLError:
        return None
    entries = data.get("documents") if isinstance(data, dict) else None
    return list(entries or []) if isinstance(entries, list) or entries is None else None


def add_document(settings: Settings, name: str, data: bytes, described: dict[str, str] | None = None) -> Path:
    """Validate, test-read and atomically place an uploaded file in the corpus (and, when the user
    described it, its metadata entry); returns its path."""
    validate_upload(settings, name, data)
    corpus = settings.corpus_dir
    entry = metadata_entry(name, described, corpus) if described is not None else None
    new_shingles = shingles(read_upload(settings, name, data).text)
    for existing in source_files(corpus):
        try:
            other = read_document(existing, DocumentMeta(id="x", source_file=existing.name, title=""))
        except DocumentError:
            continue
        if jaccard(new_shingles, shingles(other.text)) >= NEAR_DUPLICATE:
            raise UploadError(f"»{name}« er næsten identisk med det eksisterende dokument »{existing.name}«.")
    final = corpus / name
    staging = corpus / f".upload-{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    staging.write_bytes(data)
    try:
        if final.exists():
            raise UploadError(f"Der findes allerede et dokument med navnet »{name}«.")
        before = add_metadata(corpus, entry) if entry is not None else None
        try:
            os.replace(staging, final)
        except OSError:
            if entry is not None:
                _restore_metadata(corpus, before)
            raise
        return final
    finally:
        staging.unlink(missing_ok=True)


def _restore_metadata(corpus_dir: Path, before: str | None) -> None:
    if before is None:
        (corpus_dir / METADATA_FILE).unlink(missing_ok=True)
    else:
        _write_metadata(corpus_dir, before)


def add_document_and_rebuild(settings: Settings, name: str, data: bytes, progress=None,
                             described: dict[str, str] | None = None) -> Path:
    """Add the document (and its description) and rebuild the index; on any failure the document
    and its metadata entry are taken out again."""
    from .index import build_index

    metadata = settings.corpus_dir / METADATA_FILE
    before = metadata.read_text(encoding="utf-8") if metadata.exists() else None
    path = add_document(settings, name, data, described)

    def undo() -> None:
        path.unlink(missing_ok=True)
        if described is not None:
            _restore_metadata(settings.corpus_dir, before)

    try:
        build_index(settings, progress)
    except (AssistantError, OSError) as exc:
        undo()
        raise UploadError(f"Indekset kunne ikke bygges med »{name}«, så dokumentet er ikke tilføjet: {exc}") from exc
    except BaseException:
        undo()
        raise
    return path
