"""``python -m evaluation bench``: speed and memory on this machine, printed and saved.

Measures cold start of ``python -m assistant ask`` (process start to answer), warm ``ask`` and
``retrieve`` latency over the question set, the time to embed one query alone (the floor), index
build time from scratch (fresh cache) and with nothing changed, peak memory of the build, index size
and load time, and a scaling curve at 1×, 10× and 100× the corpus made of synthetic documents
(the corpus's own sentences shuffled into new passages).

At 10× the synthetic passages are embedded for real (build throughput); at 100× their vectors are
derived from the real ones (plus noise), so index and query costs are measured and the embedding
time is extrapolated from the 10× throughput — the report says so.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant import ask, get_retriever, load_settings
from assistant.embed import EmbeddingCache, embed_passages_cached
from assistant.index import LoadedIndex, StoredDocument, choose_faiss_index, passage_text
from assistant.retrieve import Retriever
from assistant.sentences import split_sentences
from assistant.sparse import SparseIndex, tokenize

from .run import DEFAULT_FILES, RESULTS, load_questions


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def _timed_ms(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _uncached_ms(retriever: Retriever, fn) -> float:
    """Time one call with the retriever's query caches emptied (a new question each time)."""
    retriever.clear_caches()
    return _timed_ms(fn)


def cold_start(runs: int = 3) -> dict:
    """Seconds from process start to printed answer, with a built index on disk."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", "Hvad er en efterkommer?"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - t0)
    return {"cold_ask_s_median": round(statistics.median(times), 3), "cold_ask_s_runs": [round(t, 3) for t in times]}


def build_from_scratch() -> dict:
    """Build into a fresh index folder and an empty embedding cache, in a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ASSISTANT_INDEX_DIR": f"{tmp}/index", "ASSISTANT_CACHE_DIR": f"{tmp}/cache"}
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "build"], check=True, capture_output=True, env=env)
        scratch = time.perf_counter() - t0
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "build"], check=True, capture_output=True, env=env)
        unchanged = time.perf_counter() - t0
        current = (Path(tmp) / "index" / "current").resolve()
        size = _folder_bytes(current)
        settings = load_settings({**env})
        from assistant.index import load_index
        t0 = time.perf_counter()
        load_index(settings, rebuild=False)
        load_s = time.perf_counter() - t0
    return {"build_scratch_s": round(scratch, 2), "build_unchanged_s": round(unchanged, 2),
            "build_peak_rss_mb": round(peak_kb / 1024, 1), "index_bytes": size, "index_load_s": round(load_s, 3)}


def warm_latency(questions: list[str]) -> dict:
    settings = load_settings()
    retriever = get_retriever(settings)
    for q in questions[:5]:  # warm up
        ask(q, settings=settings)
    ask_ms = [_uncached_ms(retriever, lambda q=q: ask(q, settings=settings)) for q in questions]
    retrieve_ms = [_uncached_ms(retriever, lambda q=q: retriever.search(q, k=10)) for q in questions]
    embed_ms = [_timed_ms(lambda q=q: retriever.embedder.embed([q], kind="query")) for q in questions]
    return {"questions": len(questions),
            "ask_ms_p50": round(_pct(ask_ms, 50), 1), "ask_ms_p95": round(_pct(ask_ms, 95), 1),
            "retrieve_ms_p50": round(_pct(retrieve_ms, 50), 1), "retrieve_ms_p95": round(_pct(retrieve_ms, 95), 1),
            "embed_query_ms_p50": round(_pct(embed_ms, 50), 1), "embed_query_ms_p95": round(_pct(embed_ms, 95), 1)}


def synthetic_index(base: LoadedIndex, factor: int, retriever: Retriever, real_embeddings: bool,
                    seed: int = 0) -> tuple[LoadedIndex, dict]:
    """An in-memory index of ``factor`` × the corpus: each copy's passages are the corpus's sentences
    shuffled within their document."""
    rng = random.Random(seed)
    chunks, documents, texts = [], {}, []
    base_vectors = base.dense.reconstruct_n(0, base.dense.ntotal)
    derived = []
    for copy in range(factor):
        for doc_id, doc in base.documents.items():
            meta = replace(doc.meta, id=f"{doc_id}~{copy}")
            documents[meta.id] = StoredDocument(meta, doc.text, doc.cleaned, doc.pages, (), None, (),
                                                doc.orig_start, doc.orig_end)
        for row, c in enumerate(base.chunks):
            sentences = [c.text[a - c.clean_start:b - c.clean_start] for a, b in split_sentences(c.text, c.clean_start)]
            if copy:
                rng.shuffle(sentences)
            text = " ".join(sentences) or c.text
            chunks.append(replace(c, id=f"{c.id}~{copy}", doc_id=f"{c.doc_id}~{copy}", text=text))
            texts.append(passage_text(chunks[-1]))
            noisy = base_vectors[row] + (np.random.default_rng(seed + copy * 10_000 + row).normal(0, 0.02, 384)
                                         if copy else 0)
            derived.append(noisy / np.linalg.norm(noisy))
    timing = {}
    t0 = time.perf_counter()
    if real_embeddings:
        with tempfile.TemporaryDirectory() as tmp:
            vectors, fresh = embed_passages_cached(retriever.embedder, texts, EmbeddingCache(Path(tmp) / "c.sqlite"))
        timing["embedded"] = fresh
    else:
        vectors = np.asarray(derived, dtype=np.float32)
        timing["embedded"] = 0
    timing["embed_s"] = round(time.perf_counter() - t0, 2)
    t0 = time.perf_counter()
    dense = choose_faiss_index(vectors.shape[1], len(chunks), retriever.settings.exact_index_max)
    dense.add(vectors)
    sparse = SparseIndex.build([tokenize(t, retriever.lexicon) for t in texts])
    timing["index_s"] = round(time.perf_counter() - t0, 2)
    return LoadedIndex(base.folder, base.manifest, chunks, documents, dense, sparse), timing


def scaling(questions: list[str], scratch_build_s: float) -> list[dict]:
    settings = load_settings()
    retriever = get_retriever(settings)
    rows, per_chunk_embed_s = [], None
    for factor in (1, 10, 100):
        real = factor <= 10
        index, timing = synthetic_index(retriever.index, factor, retriever, real_embeddings=real and factor > 1)
        scaled = Retriever(index, settings)
        for q in questions[:5]:
            scaled.search(q)
        lat = [_uncached_ms(scaled, lambda q=q: scaled.search(q, k=10)) for q in questions]
        n = len(index.chunks)
        if factor == 10:
            per_chunk_embed_s = timing["embed_s"] / max(timing["embedded"], 1)
        embed_s = timing["embed_s"] if real and factor > 1 else (
            per_chunk_embed_s * n if per_chunk_embed_s else None)
        if factor == 1:  # the real build from scratch: cleaning, embedding and indexing together
            embed_s, timing["index_s"] = None, scratch_build_s
        rows.append({"factor": factor, "chunks": n, "faiss": type(index.dense).__name__,
                     "retrieve_ms_p50": round(_pct(lat, 50), 1), "retrieve_ms_p95": round(_pct(lat, 95), 1),
                     "index_build_s": timing["index_s"],
                     "embed_s": round(embed_s, 1) if embed_s is not None else None,
                     "embed_measured": bool(real),
                     "build_chunks_per_s": round(n / (timing["index_s"] + (embed_s or 0)), 1)})
    return rows


def flat_vs_hnsw() -> list[dict]:
    """Search time of exact and approximate FAISS indexes on random unit vectors (where to switch)."""
    import faiss

    rng = np.random.default_rng(0)
    out = []
    for n in (10_000, 100_000, 300_000):
        data = rng.normal(size=(n, 384)).astype(np.float32)
        data /= np.linalg.norm(data, axis=1, keepdims=True)
        queries = data[:50] + rng.normal(0, 0.05, (50, 384)).astype(np.float32)
        row = {"vectors": n}
        for name, index in (("flat", faiss.IndexFlatIP(384)),
                            ("hnsw", faiss.IndexHNSWFlat(384, 32, faiss.METRIC_INNER_PRODUCT))):
            t0 = time.perf_counter()
            index.add(data)
            row[f"{name}_build_s"] = round(time.perf_counter() - t0, 2)
            times = [_timed_ms(lambda q=q: index.search(q[None, :], 10)) for q in queries]
            row[f"{name}_search_ms_p50"] = round(_pct(times, 50), 2)
        out.append(row)
    return out


def run_bench(questions_files=DEFAULT_FILES) -> dict:
    settings = load_settings()
    questions = [q.question for f in questions_files for q in load_questions(f, settings.corpus_dir)]
    started = time.time()
    result = {"date": time.strftime("%Y-%m-%d"), "machine": {"cpus": os.cpu_count()}}
    result["build"] = build_from_scratch()
    get_retriever(settings)  # the project's own index, built if needed
    result["cold"] = cold_start()
    result["warm"] = warm_latency(questions)
    result["scaling"] = scaling(questions, result["build"]["build_scratch_s"])
    result["faiss_exact_vs_approximate"] = flat_vs_hnsw()
    result["seconds"] = round(time.time() - started, 1)
    return result


def format_bench(r: dict) -> str:
    b, c, w = r["build"], r["cold"], r["warm"]
    lines = [
        "| måling | værdi |", "|---|---|",
        f"| kold start `ask` (median af 3) | {c['cold_ask_s_median']} s |",
        f"| varm `ask` p50 / p95 | {w['ask_ms_p50']} / {w['ask_ms_p95']} ms |",
        f"| varm `retrieve` p50 / p95 | {w['retrieve_ms_p50']} / {w['retrieve_ms_p95']} ms |",
        f"| embedding af ét spørgsmål p50 (gulvet) | {w['embed_query_ms_p50']} ms |",
        f"| indeks fra bunden / uændret | {b['build_scratch_s']} s / {b['build_unchanged_s']} s |",
        f"| maks. hukommelse under build | {b['build_peak_rss_mb']} MB |",
        f"| indeksstørrelse / indlæsning | {b['index_bytes'] / 1e6:.1f} MB / {b['index_load_s']} s |",
        "", "| korpus | tekststykker | FAISS | retrieve p50 / p95 | indeks (s)¹ | embeddings (s) | tekststykker/s |",
        "|---|---|---|---|---|---|---|"]
    for s in r["scaling"]:
        embed = "—" if s["embed_s"] is None else f"{s['embed_s']}" + ("" if s["embed_measured"] else " (anslået)")
        lines.append(f"| {s['factor']}× | {s['chunks']} | {s['faiss']} | {s['retrieve_ms_p50']} / "
                     f"{s['retrieve_ms_p95']} ms | {s['index_build_s']} | {embed} | {s['build_chunks_per_s']} |")
    lines += ["", "¹ 1×: hele bygningen fra bunden (rensning, embeddings, indeks); 10×/100×: FAISS + BM25.",
              "", "| vektorer | flat søg p50 | HNSW søg p50 | HNSW build |", "|---|---|---|---|"]
    for f in r["faiss_exact_vs_approximate"]:
        lines.append(f"| {f['vectors']} | {f['flat_search_ms_p50']} ms | {f['hnsw_search_ms_p50']} ms | "
                     f"{f['hnsw_build_s']} s |")
    return "\n".join(lines)


def save_bench(result: dict, out_dir: Path = RESULTS) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"bench-{result['date']}"
    json_path = out_dir / f"{stem}.json"
    tmp = json_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, json_path)
    md = out_dir / f"{stem}.md"
    md.write_text(f"# Benchmark {result['date']}\n\n{format_bench(result)}\n\n{result['seconds']} s i alt.\n",
                  encoding="utf-8")
    return json_path, md


