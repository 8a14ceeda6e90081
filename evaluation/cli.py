"""Command line of the evaluation: ``python -m evaluation run [--questions FILE] [--k 5]``, ``bench``, ``fit``,
``fit-relevance``."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from .report import write_report
from .run import DEFAULT_FILES, RESULTS, evaluate, format_table, load_questions


def cmd_run(args: argparse.Namespace) -> int:
    from assistant import load_settings

    settings = load_settings()
    files = [Path(f) for f in args.questions] if args.questions else list(DEFAULT_FILES)
    questions = [q for f in files for q in load_questions(f, settings.corpus_dir)]
    started = time.time()
    result = evaluate(questions, k=args.k, settings=settings)
    result["files"] = [str(f) for f in files]
    result["seconds"] = round(time.time() - started, 1)
    result["date"] = time.strftime("%Y-%m-%d")
    out_dir = Path(args.out) if args.out else RESULTS
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = time.strftime("%Y-%m-%d")
    json_path = out_dir / f"{stem}.json"
    tmp = json_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, json_path)
    md_path = write_report(result, out_dir / f"{stem}.md")
    print(format_table(result["summary"], args.k))
    print(f"\n{len(questions)} spørgsmål på {result['seconds']} s. Resultater: {json_path} og {md_path}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import format_bench, run_bench, save_bench

    result = run_bench()
    json_path, md_path = save_bench(result, Path(args.out) if args.out else RESULTS)
    print(format_bench(result))
    print(f"\n{result['seconds']} s i alt. Resultater: {json_path} og {md_path}")
    return 0


def cmd_fit(args: argparse.Namespace) -> int:
    from .fit import fit_sentence_model

    report = fit_sentence_model(write=not args.dry_run)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


def cmd_fit_relevance(args: argparse.Namespace) -> int:
    from .fit import fit_relevance_model

    report = fit_relevance_model(write=not args.dry_run)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="mål kvaliteten af hele kæden og tre baselines")
    p.add_argument("--questions", action="append", help="JSONL-fil med spørgsmål (kan gentages)")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--out", help="mappe til resultaterne (standard: evaluation/results)")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("bench", help="mål hastighed og hukommelse på denne maskine")
    p.add_argument("--out", help="mappe til resultaterne (standard: evaluation/results)")
    p.set_defaults(func=cmd_bench)
    p = sub.add_parser("fit", help="tilpas rangeringen af svarsætninger på de fire ældre spørgsmålsfiler")
    p.add_argument("--dry-run", action="store_true", help="vis resultatet uden at gemme modellen")
    p.set_defaults(func=cmd_fit)
    p = sub.add_parser("fit-relevance", help="tilpas tjekket af, om et spørgsmål handler om dokumenterne")
    p.add_argument("--dry-run", action="store_true", help="vis resultatet uden at gemme modellen")
    p.set_defaults(func=cmd_fit_relevance)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)
