"""Ingestion of text and PDF files, and the Danish errors for files that cannot be read."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.corpus import list_corpus
from assistant.errors import DocumentError
from assistant.ingest import ingest, read_document
from assistant.types import DocumentMeta

from .conftest import CORPUS, SEEDS, make_pdf


def meta(name: str) -> DocumentMeta:
    return DocumentMeta(id=name, source_file=name, title=name)


def test_corpus_files_are_byte_identical_to_the_seeds():
    seeds = sorted(SEEDS.glob("0*.txt")) if SEEDS.exists() else []
    if not seeds:
        pytest.skip("shared/seeds is not beside this checkout")
    for seed in seeds:
        assert (CORPUS / seed.name).read_bytes() == seed.read_bytes()


def test_metadata_describes_every_bundled_file(settings):
    listing = list_corpus(settings.corpus_dir)
    assert len(listing.metas) == 5 and not listing.warnings
    by_file = {m.source_file: m for m in listing.metas}
    assert by_file["001_9fbd5f416afa9f39.txt"].duplicate_of == "synopsis-2011-2014"
    assert by_file["002_329ba3183d33abe5.txt"].status == "adopted"
    assert by_file["004_4f75662896d2a60c.txt"].period == "2023-2026"


def test_a_new_file_without_metadata_gets_defaults_and_a_warning(tmp_settings):
    (tmp_settings.corpus_dir / "Ny politik 2027.txt").write_text("Målet er klart.\n", encoding="utf-8")
    listing = list_corpus(tmp_settings.corpus_dir)
    (m,) = listing.metas
    assert m.id == "ny-politik-2027" and not m.described and m.status == "draft"
    assert "ingen metadata" in listing.warnings[0]


def test_text_is_kept_byte_exact(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Linje ét\r\nLinje to æøå\n".encode())
    assert read_document(path, meta("a.txt")).text == "Linje ét\r\nLinje to æøå\n"


def test_multi_page_pdf_keeps_pages_and_danish_letters(tmp_path):
    pages = ["Første side om københavnske mål og værdier.",
             "Anden side: Overledigheden skal være på højst 5,8 procent.",
             "Tredje side med æøå ÆØÅ."]
    path = make_pdf(tmp_path / "politik.pdf", pages)
    doc = read_document(path, meta("politik.pdf"))
    assert [p.number for p in doc.pages] == [1, 2, 3]
    for page, expected in zip(doc.pages, pages):
        assert " ".join(doc.text[page.start:page.end].split()) == expected
    offset = doc.text.index("5,8")
    assert doc.page_at(offset) == 2


def test_encrypted_pdf_is_refused_in_danish(tmp_path):
    plain = make_pdf(tmp_path / "plain.pdf", ["Hemmelig tekst om integration."])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="hemmelig", owner_password="ejer", algorithm="RC4-128")
    path = tmp_path / "krypteret.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentError, match="krypteret"):
        read_document(path, meta("krypteret.pdf"))


def test_corrupt_empty_and_image_only_pdfs_are_refused(tmp_path):
    corrupt = tmp_path / "beskadiget.pdf"
    corrupt.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body")
    with pytest.raises(DocumentError, match="beskadiget|ingen sider|intet tekstlag"):
        read_document(corrupt, meta("beskadiget.pdf"))
    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError, match="tom"):
        read_document(empty, meta("tom.pdf"))
    blank = make_pdf(tmp_path / "billede.pdf", [""])
    with pytest.raises(DocumentError, match="intet tekstlag"):
        read_document(blank, meta("billede.pdf"))
    not_pdf = tmp_path / "falsk.pdf"
    not_pdf.write_text("Jeg er ikke en PDF", encoding="utf-8")
    with pytest.raises(DocumentError, match="ikke en PDF"):
        read_document(not_pdf, meta("falsk.pdf"))


def test_one_bad_file_does_not_stop_the_corpus(tmp_settings):
    shutil.copy(CORPUS / "000_73e07699bac7e1b6.txt", tmp_settings.corpus_dir)
    (tmp_settings.corpus_dir / "tom.txt").write_bytes(b"  \n")
    listing = list_corpus(tmp_settings.corpus_dir)
    result = ingest(tmp_settings.corpus_dir, listing.metas)
    assert len(result.documents) == 1
    (error,) = result.errors
    assert error.source_file == "tom.txt" and "tom" in str(error)


def test_image_only_pdf_is_read_with_danish_ocr_where_tesseract_is_installed(tmp_path):
    import shutil as sh
    from pathlib import Path

    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not sh.which("tesseract") or not font_path.exists():
        pytest.skip("tesseract-ocr-dan or the DejaVu font is not installed")
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1600, 300), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(font_path), 48)
    draw.text((40, 40), "Overledigheden skal være på højst 5,8 procent.", fill="black", font=font)
    draw.text((40, 150), "Københavns Kommune følger målet hvert år.", fill="black", font=font)
    img.save(tmp_path / "side.png")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(tmp_path / "side.png"), x=10, y=10, w=190)
    pdf.output(str(tmp_path / "scannet.pdf"))
    doc = read_document(tmp_path / "scannet.pdf", meta("scannet.pdf"))
    assert "Overledigheden" in doc.text and "5,8 procent" in doc.text and "Københavns" in doc.text
    assert [p.number for p in doc.pages] == [1]
