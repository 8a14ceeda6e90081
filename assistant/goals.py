"""The goal panel's data: goals from corpus/goals.yaml, measurements, status rules and CSV import.

- ``load_goals`` reads the curated goals and the append-only ``corpus/goal_measurements.csv``;
- ``verify_sources`` checks every quoted span against the original files (the index build fails
  with a clear message when one no longer matches);
- ``goal_status`` computes the status by rules from direction, target, latest figure and deadline;
- ``import_measurements`` validates a CSV file row by row and applies it atomically, or not at all.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from .corpus import list_corpus, parse_yaml
from .errors import GoalDataError
from .types import Goal, GoalStatus, Measurement, SourceRef

GOALS_FILE = "goals.yaml"
MEASUREMENTS_FILE = "goal_measurements.csv"
CSV_FIELDS = ("goal_id", "date", "value", "unit", "source", "registered_by", "registered_at")
STATUSES = ("nået", "på vej", "ikke nået", "ikke målt", "ikke fastsat", "afventer udvalg")


def _source(raw: dict | None) -> SourceRef | None:
    if not raw:
        return None
    return SourceRef.from_dict(raw)


def _measurement(raw: dict) -> Measurement:
    return Measurement(date=str(raw.get("date") or raw.get("year") or ""), value=float(raw["value"]),
                       unit=str(raw.get("unit") or ""), note=str(raw.get("note") or ""),
                       source=_source(raw.get("source")))


def _goal(raw: dict) -> Goal:
    target = raw.get("target") or {}
    stated = raw.get("stated_status") or {}
    baseline = raw.get("baseline")
    return Goal(
        id=str(raw["id"]), policy=str(raw["policy"]), period=str(raw["period"]), kind=str(raw["kind"]),
        area=str(raw.get("area") or ""), title=str(raw["title"]), statement=str(raw["statement"]),
        statement_source=_source(raw["statement_source"]), indicator=raw.get("indicator"),
        direction=raw.get("direction"),
        target_value=float(target["value"]) if target.get("value") is not None else None,
        target_unit=target.get("unit"), target_text=target.get("text"),
        deadline=str(raw["deadline"]) if raw.get("deadline") else None,
        deadline_source=_source(raw.get("deadline_source")),
        baseline=_measurement({**baseline, "date": baseline.get("year")}) if baseline else None,
        measurements=tuple(_measurement(m) for m in raw.get("measurements") or []),
        committee=raw.get("committee"), placeholder=bool(raw.get("placeholder")),
        stated_status=stated.get("status"), stated_text=stated.get("text"),
        stated_source=_source(stated.get("source")), parent=raw.get("parent"))


def load_goals(corpus_dir: Path) -> list[Goal]:
    """The curated goals with every imported measurement appended, in file order."""
    path = corpus_dir / GOALS_FILE
    if not path.exists():
        return []
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or {}
        goals = [_goal(g) for g in data.get("goals") or []]
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GoalDataError([f"{GOALS_FILE} kan ikke læses: {exc}"]) from exc
    imported: dict[str, list[Measurement]] = {}
    for row in read_measurement_rows(corpus_dir):
        imported.setdefault(row["goal_id"], []).append(Measurement(
            date=row["date"], value=float(row["value"]), unit=row["unit"], source_text=row["source"],
            registered_by=row.get("registered_by", ""), registered_at=row.get("registered_at", "")))
    return [replace(g, measurements=g.measurements + tuple(imported.get(g.id, ()))) if g.id in imported else g
            for g in goals]


_cache: dict[Path, tuple[tuple, list[Goal]]] = {}


def load_goals_cached(corpus_dir: Path) -> list[Goal]:
    """``load_goals``, re-read only when goals.yaml or the measurements file changed."""
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None
                  for p in (corpus_dir / GOALS_FILE, corpus_dir / MEASUREMENTS_FILE))
    hit = _cache.get(corpus_dir)
    if hit is None or hit[0] != stamp:
        _cache[corpus_dir] = (stamp, load_goals(corpus_dir))
    return _cache[corpus_dir][1]


def read_measurement_rows(corpus_dir: Path) -> list[dict[str, str]]:
    path = corpus_dir / MEASUREMENTS_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# -- verification -----------------------------------------------------------------------------------

def _sources_of(goal: Goal) -> list[tuple[str, SourceRef]]:
    out = [("udsagn", goal.statement_source)]
    if goal.baseline and goal.baseline.source:
        out.append(("udgangspunkt", goal.baseline.source))
    out += [(f"måling {m.date}", m.source) for m in goal.measurements if m.source]
    if goal.stated_source:
        out.append(("status", goal.stated_source))
    if goal.deadline_source:
        out.append(("frist", goal.deadline_source))
    return out


def verify_sources(goals: list[Goal], corpus_dir: Path, extra: list[tuple[str, SourceRef]] = ()) -> None:
    """Raise GoalDataError listing every quote that no longer matches its original file."""
    texts: dict[str, str] = {}
    files = {m.id: m.source_file for m in list_corpus(corpus_dir).metas}
    problems = []
    checks = [(f"mål {g.id} ({what})", ref) for g in goals for what, ref in _sources_of(g)] + list(extra)
    for label, ref in checks:
        if ref.document not in files:
            problems.append(f"{label}: dokumentet '{ref.document}' findes ikke i korpusset.")
            continue
        if ref.document not in texts:
            texts[ref.document] = (corpus_dir / files[ref.document]).read_text(encoding="utf-8")
        if texts[ref.document][ref.start:ref.end] != ref.quote:
            problems.append(f"{label}: citatet passer ikke længere med {files[ref.document]} "
                            f"(tegn {ref.start}-{ref.end}). Ret citatet eller tegnpositionerne.")
    if problems:
        raise GoalDataError(problems)


# -- status -------------------------------------------------------------------------------------

def _fmt(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def goal_status(goal: Goal, today: date | None = None) -> GoalStatus:
    """The status of a goal by rules; the reason says which rule decided."""
    today = today or date.today()
    if goal.placeholder:
        if goal.committee:
            return GoalStatus("afventer udvalg", f"Afsnittet skal udfyldes af {goal.committee}.")
        return GoalStatus("ikke fastsat", "Dokumentet har kun en skabelontekst; målet er ikke fastsat.")
    ordered = sorted(goal.measurements, key=lambda m: m.date)
    latest = ordered[-1] if ordered else None
    if goal.stated_status:
        return GoalStatus(goal.stated_status, goal.stated_text or "Dokumentet angiver selv status.", latest)
    if latest is None:
        return GoalStatus("ikke målt", "Der er ingen målinger af målet endnu.")
    deadline_passed = bool(goal.deadline) and goal.deadline < today.isoformat()
    if goal.target_value is not None and goal.direction in ("at_most", "at_least", "reach", "increase", "decrease"):
        if goal.target_unit and latest.unit != goal.target_unit:
            return GoalStatus("ikke målt", f"Seneste måling er i {latest.unit}, målet i {goal.target_unit}.", latest)
        reached = latest.value <= goal.target_value if goal.direction in ("at_most", "decrease") \
            else latest.value >= goal.target_value
        where = f"Seneste måling {_fmt(latest.value)} {latest.unit} ({latest.date[:10]}) mod målet " \
                f"{goal.target_text or _fmt(goal.target_value)}"
        if reached:
            return GoalStatus("nået", where + ".", latest)
        if deadline_passed:
            return GoalStatus("ikke nået", where + f"; fristen {goal.deadline} er overskredet.", latest)
        return GoalStatus("på vej", where + ".", latest)
    if goal.direction in ("increase", "decrease") and len(ordered) >= 2:
        first = ordered[0]
        better = latest.value > first.value if goal.direction == "increase" else latest.value < first.value
        move = f"fra {_fmt(first.value)} {first.unit} ({first.date[:4]}) til {_fmt(latest.value)} " \
               f"{latest.unit} ({latest.date[:4]})"
        if better:
            return GoalStatus("på vej", f"Udviklingen går den rigtige vej: {move}; intet tal at nå.", latest)
        return GoalStatus("ikke nået", f"Udviklingen går den forkerte vej: {move}.", latest)
    return GoalStatus("ikke målt", "Der er kun ét tal og intet tal at nå; udviklingen kan ikke vurderes.", latest)


def goal_rows(goals: list[Goal], today: date | None = None) -> list[dict]:
    """Goals with their computed status, as plain dicts (``goals --json`` and the app)."""
    rows = []
    for g in goals:
        st = goal_status(g, today)
        rows.append({
            "id": g.id, "policy": g.policy, "period": g.period, "kind": g.kind, "area": g.area,
            "title": g.title, "statement": g.statement, "indicator": g.indicator, "direction": g.direction,
            "target": None if g.target_value is None and not g.target_text else
            {"value": g.target_value, "unit": g.target_unit, "text": g.target_text},
            "deadline": g.deadline, "committee": g.committee, "placeholder": g.placeholder,
            "status": st.status, "status_reason": st.reason,
            "latest": _measurement_dict(st.latest) if st.latest else None,
            "baseline": _measurement_dict(g.baseline) if g.baseline else None,
            "measurements": [_measurement_dict(m) for m in g.measurements],
            "source": _source_dict(g.statement_source),
            "status_source": _source_dict(g.stated_source) if g.stated_source else None,
        })
    return rows


def _source_dict(ref: SourceRef) -> dict:
    return {"document_id": ref.document, "quote": ref.quote, "start": ref.start, "end": ref.end}


def _measurement_dict(m: Measurement) -> dict:
    return {"date": m.date, "value": m.value, "unit": m.unit, "note": m.note,
            "source": _source_dict(m.source) if m.source else (m.source_text or None),
            "registered_by": m.registered_by or None, "registered_at": m.registered_at or None}


# -- import --------------------------------------------------------------------------------------

def parse_measurement_csv(data: str, goals: list[Goal], existing: list[dict[str, str]]) -> list[dict[str, str]]:
    """Validated rows of an import file; raises GoalDataError with one Danish message per bad row."""
    by_id = {g.id: g for g in goals}
    reader = csv.DictReader(io.StringIO(data.lstrip("\ufeff")))
    missing = [f for f in CSV_FIELDS[:5] if f not in (reader.fieldnames or [])]
    if missing:
        raise GoalDataError([f"Filen mangler kolonnerne: {', '.join(missing)} "
                             f"(forventet: {', '.join(CSV_FIELDS)})."])
    seen = {(r["goal_id"], r["date"], r["value"], r["unit"]) for r in existing}
    rows, problems = [], []
    for n, raw in enumerate(reader, start=2):
        row = {k: (raw.get(k) or "").strip() for k in CSV_FIELDS}
        goal = by_id.get(row["goal_id"])
        errs = []
        if goal is None:
            errs.append(f"ukendt mål-id '{row['goal_id']}'")
        try:
            value = float(row["value"].replace(",", "."))
            row["value"] = _fmt(value).replace(",", ".")
        except ValueError:
            errs.append(f"værdien '{row['value']}' er ikke et tal")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]) or not _valid_date(row["date"]):
            errs.append(f"datoen '{row['date']}' er ikke en gyldig dato (ÅÅÅÅ-MM-DD)")
        if goal is not None:
            expected = goal.target_unit or (goal.baseline.unit if goal.baseline else None) or \
                (goal.measurements[0].unit if goal.measurements else None)
            if expected and row["unit"] != expected:
                errs.append(f"enheden '{row['unit']}' passer ikke med målets enhed '{expected}'")
            if not row["unit"]:
                errs.append("enheden mangler")
        key = (row["goal_id"], row["date"], row["value"], row["unit"])
        if not errs and key in seen:
            errs.append("rækken findes allerede (dublet)")
        if errs:
            problems.append(f"Række {n}: " + "; ".join(errs) + ".")
        else:
            seen.add(key)
            rows.append(row)
    if problems:
        raise GoalDataError(problems)
    if not rows:
        raise GoalDataError(["Filen indeholder ingen målinger."])
    return rows


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except ValueError:
        return False


def import_measurements(corpus_dir: Path, data: str) -> int:
    """Append validated measurements to corpus/goal_measurements.csv atomically; returns the count.

    Any bad row rejects the whole file and leaves the stored data byte for byte unchanged.
    """
    from filelock import FileLock

    with FileLock(str(corpus_dir / f".{MEASUREMENTS_FILE}.lock")):
        existing = read_measurement_rows(corpus_dir)
        rows = parse_measurement_csv(data, load_goals(corpus_dir), existing)
        path = corpus_dir / MEASUREMENTS_FILE
        tmp = path.with_suffix(".csv.tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for row in existing + rows:
                writer.writerow({k: row.get(k, "") for k in CSV_FIELDS})
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    return len(rows)
