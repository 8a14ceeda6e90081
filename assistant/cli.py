"""Command line: ``python -m assistant <command>``. Output for people is Danish; --json is for tools."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .config import Settings, load_settings
from .errors import AssistantError


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_clean(args: argparse.Namespace, settings: Settings) -> int:
    from .corpus import list_corpus
    from .ingest import read_document
    from .pipeline import process_document

    path = Path(args.file)
    if not path.exists():
        path = settings.corpus_dir / args.file
    listing = list_corpus(path.parent) if path.parent.is_dir() else None
    meta = next((m for m in (listing.metas if listing else ()) if m.source_file == path.name), None)
    if meta is None:
        from .types import DocumentMeta
        meta = DocumentMeta(id=path.stem, source_file=path.name, title=path.stem, described=False)
    doc = read_document(path, meta)
    cleaned, _sections, _chunks = process_document(doc, settings)
    sys.stdout.write(cleaned.text)
    if args.changes:
        for c in cleaned.changes:
            print(f"{c.start}-{c.end}\t{c.before!r}\t{c.after!r}\t{c.reason}", file=sys.stderr)
    return 0


def cmd_documents(args: argparse.Namespace, settings: Settings) -> int:
    from .pipeline import ocr_statistics, process_corpus

    corpus = process_corpus(settings)
    rows = []
    for d in corpus.documents:
        m = d.document.meta
        rows.append({
            "id": m.id, "title": m.title, "kind": m.kind, "period": m.period, "date": m.date,
            "status": m.status, "issuer": m.issuer, "source_file": m.source_file,
            "duplicate_of": d.duplicate_of, "described": m.described,
            "characters": len(d.document.text),
            "pages": len(d.document.pages) or None,
            "sections": [{"title": s.title, "kind": s.kind, "label": s.label, "path": list(s.path),
                          "start": s.start, "end": s.end} for s in d.sections if s.kind != "definition"],
            "chunks": len(d.chunks),
            "chunks_indexed": sum(1 for c in d.chunks if not c.duplicate_of),
            "ocr": ocr_statistics(d, settings),
        })
    out = {"documents": rows, "errors": [str(e) for e in corpus.errors], "warnings": list(corpus.warnings)}
    if args.json:
        _print_json(out)
        return 0
    for r in rows:
        dup = f" (dublet af {r['duplicate_of']})" if r["duplicate_of"] else ""
        print(f"{r['id']}{dup}\n  {r['title']}\n  {r['kind']}, {r['period']}, {r['status']}, "
              f"{r['chunks']} tekststykker, ukendte ord {r['ocr']['unknown_before']:.1%} → "
              f"{r['ocr']['unknown_after']:.1%}")
    for e in out["errors"] + out["warnings"]:
        print(f"Bemærk: {e}")
    return 0


def _progress_bar(fraction: float, message: str) -> None:
    width = 30
    filled = int(width * fraction)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {fraction:5.0%} {message[:60]:<60}")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_build(args: argparse.Namespace, settings: Settings) -> int:
    from .index import build_index

    folder = build_index(settings, progress=_progress_bar)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    print(f"Indeks bygget i {manifest['build_seconds']} s: {manifest['documents']} dokumenter, "
          f"{manifest['chunks']} tekststykker, {manifest['newly_embedded']} nye embeddings.")
    for e in manifest["errors"]:
        print(f"Bemærk: {e}")
    return 0


def _filters(args: argparse.Namespace):
    from .types import Filters

    return Filters(periods=tuple(args.period) if args.period else None,
                   kinds=tuple(args.kind) if args.kind else None,
                   statuses=tuple(args.status) if args.status else None,
                   documents=tuple(args.document) if args.document else None,
                   include_drafts=not args.no_drafts)


def _add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", action="append", help="fx 2011-2014 (kan gentages)")
    p.add_argument("--kind", action="append", help="policy, synopsis, case …")
    p.add_argument("--status", action="append", help="adopted, draft, case")
    p.add_argument("--document", action="append", help="dokument-id eller filnavn")
    p.add_argument("--no-drafts", action="store_true", help="udelad udkast")


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from .api import get_retriever

    passages = get_retriever(settings, progress=_progress_bar).search(args.question, k=args.k,
                                                                      filters=_filters(args))
    if args.json:
        _print_json({"question": args.question, "passages": [p.to_dict() for p in passages]})
        return 0
    from .clean import display_text
    for p in passages:
        c = p.chunk
        print(f"[{p.rank}] {c.doc_id} · {c.section or '—'} · tegn {c.start}-{c.end} (score {p.score:.4f})")
        print("    " + display_text(c.text)[:300].replace("\n", " ") + "\n")
    return 0


def _print_answer(answer) -> None:
    print(answer.answer)
    for notice in answer.notices:
        print(f"Bemærk: {notice}")
    if answer.citations:
        print("\nKilder:")
        for c in answer.citations:
            page = f", s. {c.page}" if c.page else ""
            print(f"[{c.n}] {c.title} ({c.period}, {c.status}){page} – {c.section or '—'} – "
                  f"{c.source_file} tegn {c.start}-{c.end}")
    elif answer.passages:
        print("\nMåske relevant:")
        for p in answer.passages[:3]:
            print(f"- {p.chunk.doc_id} · {p.chunk.section or '—'} · tegn {p.chunk.start}-{p.chunk.end}")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from .api import ask

    filters = _filters(args)
    if args.batch:
        path = Path(args.batch)
        out = sys.stdout
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                question = str(row["question"])
            except (ValueError, KeyError, TypeError):
                out.write(json.dumps({"id": None, "line": n, "error": "Linjen er ikke gyldig JSON med et "
                                      "'question'-felt."}, ensure_ascii=False) + "\n")
                continue
            answer = ask(question, filters=filters, settings=settings, id=row.get("id"))
            out.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        return 0
    if not args.question:
        print("Fejl: skriv et spørgsmål eller brug --batch FIL.jsonl", file=sys.stderr)
        return 2
    answer = ask(args.question, filters=filters, settings=settings)
    if args.json:
        _print_json(answer.to_dict())
    else:
        _print_answer(answer)
    return 0


def cmd_goals(args: argparse.Namespace, settings: Settings) -> int:
    from .goals import goal_rows, import_measurements, load_goals

    if getattr(args, "goals_command", None) == "import":
        count = import_measurements(settings.corpus_dir, Path(args.file).read_text(encoding="utf-8"))
        print(f"{count} målinger er tilføjet.")
        return 0
    rows = goal_rows(load_goals(settings.corpus_dir))
    if args.period:
        rows = [r for r in rows if r["period"] in args.period]
    if args.status:
        rows = [r for r in rows if r["status"] in args.status]
    if args.json:
        _print_json({"goals": rows})
        return 0
    for r in rows:
        latest = f" · seneste {r['latest']['value']:g} {r['latest']['unit']} ({r['latest']['date']})" \
            if r["latest"] else ""
        target = f" · mål: {r['target']['text'] or r['target']['value']}" if r["target"] else ""
        print(f"[{r['status']}] {r['title']} ({r['period']}){target}{latest}\n    {r['status_reason']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant",
                                     description="Politikassistent – spørg integrationspolitikkerne.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="vis den rensede tekst af én korpusfil")
    p.add_argument("file")
    p.add_argument("--changes", action="store_true", help="skriv rettelserne til stderr")
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("documents", help="list dokumenterne med metadata og statistik")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_documents)
    p = sub.add_parser("ask", help="stil et spørgsmål og få et svar med kilder")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="JSONL-fil med {\"id\": …, \"question\": …} pr. linje (skriver JSONL)")
    _add_filter_args(p)
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("goals", help="målene med status; 'goals import FIL.csv' tilføjer målinger")
    p.add_argument("--json", action="store_true")
    p.add_argument("--period", action="append")
    p.add_argument("--status", action="append", help="nået, på vej, ikke nået, ikke målt, ikke fastsat, "
                                                      "afventer udvalg")
    goals_sub = p.add_subparsers(dest="goals_command")
    imp = goals_sub.add_parser("import", help="tilføj målinger fra en CSV-fil")
    imp.add_argument("file")
    p.set_defaults(func=cmd_goals)
    p = sub.add_parser("build", help="byg indekset forfra (med statuslinje)")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("search", help="find de bedste passager til et spørgsmål")
    p.add_argument("question")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    _add_filter_args(p)
    p.set_defaults(func=cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args, load_settings()) or 0)
    except AssistantError as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
