"""The corpus folder: which source files it holds and what metadata.yaml says about each."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import AssistantError
from .types import DocumentMeta

log = logging.getLogger(__name__)

SOURCE_SUFFIXES = (".txt", ".md", ".pdf")
METADATA_FILE = "metadata.yaml"
# Files in corpus/ that are data about the documents, not documents.
RESERVED_NAMES = {"readme.md", "goal_measurements.csv"}


@dataclass(frozen=True)
class CorpusListing:
    """The source files found and the metadata for each; ``warnings`` are shown to the user."""

    metas: tuple[DocumentMeta, ...]
    warnings: tuple[str, ...]


def slugify(name: str) -> str:
    """A readable, stable id from a file name: 'Min Politik 2024.pdf' -> 'min-politik-2024'."""
    stem = Path(name).stem
    ascii_form = (unicodedata.normalize("NFKD", stem.replace("æ", "ae").replace("ø", "oe")
                  .replace("å", "aa").replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa"))
                  .encode("ascii", "ignore").decode())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_form.lower()).strip("-")
    return slug or "dokument"


def source_files(corpus_dir: Path) -> list[Path]:
    """Every document file in the corpus folder, sorted by name."""
    if not corpus_dir.is_dir():
        raise AssistantError(f"Korpusmappen {corpus_dir} findes ikke.")
    return sorted(p for p in corpus_dir.iterdir()
                  if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                  and p.name.lower() not in RESERVED_NAMES and not p.name.startswith("."))


def parse_yaml(text: str):
    """YAML as plain data, with libyaml's fast safe loader when PyYAML has it (the same result)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_metadata(corpus_dir: Path) -> dict[str, dict]:
    """The raw metadata entries keyed by source file name."""
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise AssistantError(f"{METADATA_FILE} kan ikke læses: {exc}") from exc
    entries = data.get("documents") or []
    return {str(e["source_file"]): e for e in entries if isinstance(e, dict) and "source_file" in e}


def list_corpus(corpus_dir: Path) -> CorpusListing:
    """Metadata for every source file; a file without an entry gets defaults and a warning."""
    entries = read_metadata(corpus_dir)
    metas: list[DocumentMeta] = []
    warnings: list[str] = []
    used_ids: set[str] = set()
    for path in source_files(corpus_dir):
        entry = entries.get(path.name)
        if entry is None:
            doc_id = slugify(path.name)
            warnings.append(f"{path.name} har ingen metadata i {METADATA_FILE}; "
                            "standardværdier bruges (status: udkast, periode: ukendt).")
            meta = DocumentMeta(id=doc_id, source_file=path.name, title=Path(path.name).stem,
                                described=False)
        else:
            meta = DocumentMeta(
                id=str(entry.get("id") or slugify(path.name)), source_file=path.name,
                title=str(entry.get("title") or Path(path.name).stem),
                kind=str(entry.get("kind") or "other"), period=str(entry.get("period") or "ukendt"),
                date=str(entry.get("date") or ""), status=str(entry.get("status") or "draft"),
                issuer=str(entry.get("issuer") or "Københavns Kommune"),
                duplicate_of=entry.get("duplicate_of"))
        if meta.id in used_ids:
            suffix = hashlib.sha1(path.name.encode()).hexdigest()[:6]
            warnings.append(f"{path.name}: id '{meta.id}' er allerede brugt; bruger '{meta.id}-{suffix}'.")
            meta = DocumentMeta(**{**meta.__dict__, "id": f"{meta.id}-{suffix}"})
        used_ids.add(meta.id)
        metas.append(meta)
    for name in entries:
        if not (corpus_dir / name).exists():
            warnings.append(f"{METADATA_FILE} beskriver {name}, men filen findes ikke i korpusset.")
    for w in warnings:
        log.warning(w)
    return CorpusListing(tuple(metas), tuple(warnings))


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (for the corpus fingerprint and duplicate uploads)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()
