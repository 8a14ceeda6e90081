"""Personal data, escaping, feedback storage, excerpt exports and document uploads."""

from __future__ import annotations

import io
import shutil

import pytest

from assistant.errors import UploadError
from assistant.export import to_csv, to_docx, to_markdown
from assistant.feedback import all_feedback, record_feedback
from assistant.privacy import find_personal_data, redact
from assistant.render import escape_markdown, highlighted_html, shortened
from assistant.types import Citation
from assistant.uploads import add_document, add_document_and_rebuild, check_filename

from .conftest import CORPUS, make_pdf


def test_personal_data_is_found_and_redacted():
    text = "CPR 010190-1234 og 0101901234, mail anna.b@kk.dk, tlf. 12 34 56 78 eller +45 1234 5678."
    assert set(find_personal_data(text)) == {"CPR-nummer", "e-mailadresse", "telefonnummer"}
    clean = redact(text)
    for secret in ("010190-1234", "0101901234", "anna.b@kk.dk", "12 34 56 78", "1234 5678"):
        assert secret not in clean
    assert find_personal_data("Politikken 2023-2026 har 100.826 borgere og 5,8 procent") == []


def test_feedback_is_stored_redacted(tmp_path):
    record_feedback(tmp_path, 1, "Jeg er 010190-1234, hvad er MENAPT?", "svar", "skriv til a@b.dk", ["c1"])
    (row,) = all_feedback(tmp_path)
    assert "010190-1234" not in row["question"] and "a@b.dk" not in row["comment"]
    assert row["rating"] == 1 and row["citation_ids"] == '["c1"]'


def test_markdown_and_html_are_escaped():
    assert "<script>" not in escape_markdown("<script>alert(1)</script>")
    assert escape_markdown("[klik](http://x)") == "\\[klik\\]\\(http://x\\)"
    html = highlighted_html("før <b>midt</b> efter", 4, 15)
    assert "<b>" not in html and '<mark class="cited">&lt;b&gt;midt&lt;/b&gt;</mark>' in html


CITATION = Citation(n=1, document_id="integrationspolitik-2011-2014", source_file="002.txt",
                    title="Integrationspolitikken 2011-2014", period="2011-2014", status="adopted",
                    section="Mål 2", page=3, quote="Overledigheden skal være på max 5,8 procent.",
                    original="Overledigheden skal vere pa max 5,8 procent.", start=10, end=55, year="2010")


def test_exports_carry_full_references():
    ref = "Københavns Kommune (2010): Integrationspolitikken 2011-2014, afsnit Mål 2, s. 3"
    assert ref in to_markdown([CITATION]) and "> Overledigheden" in to_markdown([CITATION])
    assert ref in to_csv([CITATION])
    from docx import Document

    doc = Document(io.BytesIO(to_docx([CITATION])))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert CITATION.quote in text and ref in text


@pytest.mark.parametrize("name", ["../x.txt", "a/b.txt", "a\\b.txt", ".skjult.txt", "virus.exe", "x.docx"])
def test_bad_file_names_are_refused(name):
    with pytest.raises(UploadError):
        check_filename(name)


@pytest.fixture()
def upload_settings(tmp_settings):
    for name in ("000_73e07699bac7e1b6.txt", "003_5fcab05f8b4f1b9f.txt", "metadata.yaml"):
        shutil.copy(CORPUS / name, tmp_settings.corpus_dir)
    return tmp_settings.with_overrides(max_upload_bytes=200_000)


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_bad_uploads_are_refused_and_nothing_changes(upload_settings, tmp_path):
    before = _snapshot(upload_settings.corpus_dir)
    encrypted = tmp_path / "enc.pdf"
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(make_pdf(tmp_path / "p.pdf", ["Hemmelig tekst om integration i byen."])).pages:
        writer.add_page(page)
    writer.encrypt(user_password="x", owner_password="y", algorithm="RC4-128")
    with encrypted.open("wb") as fh:
        writer.write(fh)
    cases = {
        "tom.txt": (b"", "tom"),
        "stor.txt": (b"a" * 300_000, "for stor"),
        "falsk.pdf": (b"bare tekst", "passer ikke"),
        "beskadiget.pdf": (b"%PDF-1.7\nikke en pdf", "beskadiget"),
        "krypteret.pdf": (encrypted.read_bytes(), "krypteret"),
        "billede.pdf": (make_pdf(tmp_path / "b.pdf", [""]).read_bytes(), "intet tekstlag"),
        "kopi.txt": ((CORPUS / "000_73e07699bac7e1b6.txt").read_bytes(), "identisk"),
        "næsten.txt": ((CORPUS / "001_9fbd5f416afa9f39.txt").read_bytes(), "næsten identisk"),
        "000_73e07699bac7e1b6.txt": (b"Ny tekst med samme navn om integration.", "allerede"),
        "binær.txt": (b"\x00\x01\x02 data", "binære"),
    }
    for name, (data, message) in cases.items():
        with pytest.raises(UploadError, match=message):
            add_document(upload_settings, name, data)
    assert _snapshot(upload_settings.corpus_dir) == before


def test_good_upload_is_added_and_indexed(upload_settings, tmp_path):
    from assistant.index import load_index

    pdf = make_pdf(tmp_path / "ny.pdf", ["Mål 9: Alle unge skal have et fritidsjob i 2030.",
                                         "Side to: Fritidsjob giver netværk og erfaring."])
    add_document_and_rebuild(upload_settings, "Ny politik.pdf", pdf.read_bytes())
    loaded = load_index(upload_settings, rebuild=False)
    chunks = [c for c in loaded.chunks if c.source_file == "Ny politik.pdf"]
    assert chunks and {c.page for c in chunks} <= {1, 2}


def test_an_upload_is_described_as_the_user_confirms_and_undone_when_the_build_fails(upload_settings, tmp_path):
    from assistant.index import load_index
    from assistant.uploads import read_upload, suggested_metadata

    pdf = make_pdf(tmp_path / "ny.pdf", ["Udkast til Københavns Kommunes Fritidspolitik 2027-2030",
                                         "Politikken gælder 2027-2030. Mål 9: Alle unge skal have et fritidsjob."])
    data = pdf.read_bytes()
    guess = suggested_metadata(read_upload(upload_settings, "fritid.pdf", data).text, "fritid.pdf")
    assert guess == {"title": "Udkast til Københavns Kommunes Fritidspolitik 2027-2030", "period": "2027-2030",
                     "status": "draft", "kind": "draft"}
    metadata = upload_settings.corpus_dir / "metadata.yaml"
    before = _snapshot(upload_settings.corpus_dir)
    with pytest.raises(UploadError, match="2023-2026"):
        add_document(upload_settings, "fritid.pdf", data, {**guess, "period": "næste år"})

    def disk_full(_fraction, _message):
        raise OSError("ingen plads på disken")

    with pytest.raises(UploadError, match="ikke tilføjet"):
        add_document_and_rebuild(upload_settings, "fritid.pdf", data, progress=disk_full, described=guess)
    assert _snapshot(upload_settings.corpus_dir) == before  # the file and its metadata entry are gone again
    add_document_and_rebuild(upload_settings, "fritid.pdf", data, described={**guess, "title": "Fritidspolitik"})
    text = metadata.read_text(encoding="utf-8")
    assert text.startswith(before["metadata.yaml"].decode("utf-8").rstrip("\n"))  # comments and entries kept
    meta = next(d.meta for d in load_index(upload_settings, rebuild=False).documents.values()
                if d.meta.source_file == "fritid.pdf")
    assert (meta.id, meta.title, meta.period, meta.status, meta.kind) == \
        ("fritid", "Fritidspolitik", "2027-2030", "draft", "draft")


def test_a_metadata_entry_is_appended_in_any_layout(tmp_path):
    import yaml

    from assistant.uploads import add_metadata

    entry = {"id": "ny", "source_file": "ny.txt", "title": "Ny: \"politik\" – 2027", "kind": "policy",
             "period": "2027-2030", "status": "adopted"}
    commented = "# kommentar\ndocuments:\n  - id: a\n    source_file: a.txt\n"
    flat = yaml.safe_dump({"documents": [{"id": "a", "source_file": "a.txt"}], "note": "x"})
    for before in (commented, flat, None):
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        if before is not None:
            (folder / "metadata.yaml").write_text(before, encoding="utf-8")
        assert add_metadata(folder, entry) == before
        text = (folder / "metadata.yaml").read_text(encoding="utf-8")
        assert yaml.safe_load(text)["documents"][-1] == entry
        assert len(yaml.safe_load(text)["documents"]) == (1 if before is None else 2)
    assert text.startswith("documents:")
    assert (tmp_path / "0" / "metadata.yaml").read_text(encoding="utf-8").startswith("# kommentar\n")


def test_a_shortened_passage_ends_at_a_word_boundary():
    text = "Borgerne er inkluderede, når de har en opfattelse af tillid, fællesskab og indflydelse."
    assert shortened(text, 200) == text
    assert shortened(text, 40) == "Borgerne er inkluderede, når de har en …"
    assert shortened("x" * 50, 10) == "x" * 10 + " …"  # one long word is cut where it must be
