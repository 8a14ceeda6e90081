"""Adding a document to the corpus from an upload: validated, written atomically, index rebuilt.

A rejected upload leaves the corpus and the index exactly as they were.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

from .config import Settings
from .corpus import SOURCE_SUFFIXES, file_digest, source_files
from .dedup import jaccard, shingles
from .errors import AssistantError, DocumentError, UploadError
from .ingest import read_document
from .types import DocumentMeta

NEAR_DUPLICATE = 0.8


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


def add_document(settings: Settings, name: str, data: bytes) -> Path:
    """Validate, test-read and atomically place an uploaded file in the corpus; returns its path."""
    validate_upload(settings, name, data)
    corpus = settings.corpus_dir
    staging = corpus / f".upload-{uuid.uuid4().hex}{Path(name).suffix.lower()}"
    staging.write_bytes(data)
    try:
        doc = read_document(staging, DocumentMeta(id="upload", source_file=name, title=name))
        new_shingles = shingles(doc.text)
        for existing in source_files(corpus):
            try:
                other = read_document(existing, DocumentMeta(id="x", source_file=existing.name, title=""))
            except DocumentError:
                continue
            if jaccard(new_shingles, shingles(other.text)) >= NEAR_DUPLICATE:
                raise UploadError(f"»{name}« er næsten identisk med det eksisterende dokument »{existing.name}«.")
        final = corpus / name
        if final.exists():
            raise UploadError(f"Der findes allerede et dokument med navnet »{name}«.")
        os.replace(staging, final)
        return final
    except DocumentError as exc:  # name the file as the user knows it, not the staging copy
        raise UploadError(f"{name}: {exc.detail}") from exc
    finally:
        if staging.exists():
            staging.unlink()


def add_document_and_rebuild(settings: Settings, name: str, data: bytes, progress=None) -> Path:
    """Add the document and rebuild the index; on any failure the document is taken out again."""
    from .index import build_index

    path = add_document(settings, name, data)
    try:
        build_index(settings, progress)
    except (AssistantError, OSError) as exc:
        path.unlink(missing_ok=True)
        raise UploadError(f"Indekset kunne ikke bygges med »{name}«, så dokumentet er ikke tilføjet: {exc}") from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
