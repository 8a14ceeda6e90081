"""Read source files (.txt, .md, .pdf) into Documents, keeping page numbers and ranges.

For text files the original text is the file decoded as UTF-8, unchanged (no newline
translation), so offsets point at the stored file. For PDFs it is the text layer pypdf
extracts, pages joined by a form feed; each page's character range is kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError
from .types import Document, DocumentMeta, Page

log = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\f\n"
MIN_TEXT_CHARS = 20  # a PDF with less extractable text than this has no usable text layer


@dataclass(frozen=True)
class IngestResult:
    """The documents that could be read and a Danish message for each file that could not."""

    documents: tuple[Document, ...]
    errors: tuple[DocumentError, ...]


def read_text_file(path: Path) -> str:
    """A .txt/.md file decoded as UTF-8, byte-exact (no newline translation)."""
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(path.name, "Filen er tom.")
    if b"\x00" in data[:4096]:
        raise DocumentError(path.name, "Filen ligner ikke en tekstfil (den indeholder binære data).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(path.name, "Filen er ikke gyldig UTF-8-tekst; gem den som UTF-8 og prøv igen."
                            ) from exc


def read_pdf(path: Path) -> tuple[str, tuple[Page, ...]]:
    """The text layer of a PDF and each page's range in it."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(path.name, "Filen er tom.")
    if not data.lstrip().startswith(b"%PDF"):
        raise DocumentError(path.name, "Filen er ikke en PDF (den mangler PDF-signaturen).")
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            # Owner-password-only PDFs open with an empty user password.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported ciphers
                raise DocumentError(path.name, "PDF'en er krypteret og kan ikke åbnes uden adgangskode."
                                    ) from exc
            if not opened:
                raise DocumentError(path.name, "PDF'en er krypteret og kan ikke åbnes uden adgangskode.")
        page_texts = [(page.extract_text() or "") for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise DocumentError(path.name, "PDF'en er beskadiget og kan ikke læses.") from exc
    if not page_texts:
        raise DocumentError(path.name, "PDF'en har ingen sider.")
    if sum(len(t.strip()) for t in page_texts) < MIN_TEXT_CHARS:
        page_texts = ocr_pages(path, reader)
    if sum(len(t.strip()) for t in page_texts) < MIN_TEXT_CHARS:
        raise DocumentError(path.name, "PDF'en har intet tekstlag (den består kun af billeder). "
                            "Scan den med tekstgenkendelse (OCR) eller upload en tekstversion.")
    parts: list[str] = []
    pages: list[Page] = []
    offset = 0
    for number, text in enumerate(page_texts, start=1):
        if number > 1:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        parts.append(text)
        pages.append(Page(number, offset, offset + len(text)))
        offset += len(text)
    return "".join(parts), tuple(pages)


def ocr_pages(path: Path, reader) -> list[str]:
    """Danish OCR of the images on each page with Debian's tesseract (tesseract-ocr-dan), when it is
    installed; otherwise empty pages, and the caller reports that there is no text layer."""
    import shutil
    import subprocess
    import tempfile

    if not shutil.which("tesseract"):
        return []
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, page in enumerate(reader.pages, start=1):
            parts = []
            try:
                images = list(page.images)
            except Exception as exc:  # pypdf raises many types for unusual image encodings
                log.warning("%s: billederne på side %d kan ikke læses (%s)", path.name, number, exc)
                images = []
            for i, image in enumerate(images):
                target = Path(tmp) / f"p{number}-{i}{Path(image.name).suffix or '.png'}"
                target.write_bytes(image.data)
                run = subprocess.run(["tesseract", str(target), "stdout", "-l", "dan"], capture_output=True,
                                     text=True, timeout=120)
                if run.returncode == 0:
                    parts.append(run.stdout.strip())
            texts.append("\n\n".join(p for p in parts if p))
    return texts


def read_document(path: Path, meta: DocumentMeta) -> Document:
    """One source file as a Document; raises DocumentError with a Danish message."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise DocumentError(path.name, "Filen findes ikke.")
    if suffix == ".pdf":
        text, pages = read_pdf(path)
        return Document(meta=meta, text=text, pages=pages)
    if suffix in {".txt", ".md"}:
        return Document(meta=meta, text=read_text_file(path))
    raise DocumentError(path.name, f"Filtypen '{suffix}' understøttes ikke (kun .txt, .md og .pdf).")


def ingest(corpus_dir: Path, metas: tuple[DocumentMeta, ...]) -> IngestResult:
    """Read every described file; a file that fails is reported and the rest go on."""
    documents: list[Document] = []
    errors: list[DocumentError] = []
    for meta in metas:
        try:
            documents.append(read_document(corpus_dir / meta.source_file, meta))
        except DocumentError as exc:
            log.warning(str(exc))
            errors.append(exc)
    return IngestResult(tuple(documents), tuple(errors))
