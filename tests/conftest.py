"""Shared fixtures: settings pointing at the real corpus, and the processed corpus (built once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings, load_settings
from assistant.pipeline import process_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings({})


@pytest.fixture(scope="session")
def corpus(settings):
    return process_corpus(settings)


@pytest.fixture()
def tmp_settings(tmp_path, settings) -> Settings:
    """Settings with an empty corpus folder and index folder of the test's own."""
    (tmp_path / "corpus").mkdir()
    return settings.with_overrides(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index",
                                   data_dir=tmp_path / "data")


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with one page per string (Helvetica covers æøå)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory, settings) -> Settings:
    """Settings whose index folder (of this test session) holds a real index of the real corpus."""
    from assistant.index import build_index

    root = tmp_path_factory.mktemp("index")
    s = settings.with_overrides(index_dir=root / "index")
    build_index(s)
    return s


@pytest.fixture(scope="session")
def retriever(built_settings):
    from assistant.api import get_retriever

    return get_retriever(built_settings)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Expose each phase's report on the test item (the browser tests screenshot failures)."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
