"""The Markdown report of an evaluation run, with an SVG bar chart of the systems."""

from __future__ import annotations

from pathlib import Path

from .run import SYSTEMS

COLOURS = {"full": "#1f5f8b", "retrieve": "#5b9bd5", "bm25": "#8fb339", "dense": "#e0a030", "naive": "#b0b0b0"}


def bar_chart_svg(summary: dict, k: int) -> str:
    """Grouped bars: recall@k, MRR@10 and nDCG@10 for each system, overall."""
    metrics = [f"recall@{k}", "mrr@10", "ndcg@10"]
    systems = summary["alle"]["systems"]
    width, height, pad = 520, 240, 40
    group_w = (width - 2 * pad) / len(metrics)
    bar_w = group_w / (len(SYSTEMS) + 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 40}" '
             f'font-family="sans-serif" font-size="11">']
    for i, metric in enumerate(metrics):
        x0 = pad + i * group_w
        for j, system in enumerate(SYSTEMS):
            value = systems[system][metric]
            h = (height - pad) * (value if value == value else 0)
            x = x0 + j * bar_w
            parts.append(f'<rect x="{x:.1f}" y="{height - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[system]}"><title>{system} {metric} {value:.3f}</title></rect>')
        parts.append(f'<text x="{x0 + group_w / 2 - 20:.1f}" y="{height + 15}">{metric}</text>')
    for j, system in enumerate(SYSTEMS):
        parts.append(f'<rect x="{pad + j * 90}" y="{height + 24}" width="10" height="10" fill="{COLOURS[system]}"/>'
                     f'<text x="{pad + j * 90 + 14}" y="{height + 33}">{system}</text>')
    parts.append("</svg>")
    return "".join(parts)


def write_report(result: dict, path: Path) -> Path:
    k = result["k"]
    summary = result["summary"]
    svg_path = path.with_suffix(".svg")
    svg_path.write_text(bar_chart_svg(summary, k), encoding="utf-8")
    lines = [f"# Evaluering {result.get('date', '')}", "",
             f"{result['questions']} spørgsmål fra {', '.join(Path(f).name for f in result.get('files', []))}; "
             f"k = {k}; {result.get('seconds', '?')} s.", "", f"![systemer]({svg_path.name})", ""]
    header = (f"| gruppe | n | system | R@1 | R@{k} | R@10 | MRR@10 | nDCG@10 | citat-hit | citat-præcision | "
              "nøgleord | afvist korrekt | fejlafvist |")
    lines += [header, "|" + "---|" * 13]
    for name, s in summary.items():
        for system in SYSTEMS:
            m = s["systems"][system]
            extra = (f"{s['citation_hit']:.3f} | {s['citation_precision']:.3f} | {s['keyword_hit']:.3f} | "
                     f"{s['refusal_accuracy']:.3f} | {s['false_refusal']:.3f}") if system == "full" else " | | | | "
            lines.append(f"| {name} | {s['n']} | {system} | {m['recall@1']:.3f} | {m[f'recall@{k}']:.3f} | "
                         f"{m['recall@10']:.3f} | {m['mrr@10']:.3f} | {m['ndcg@10']:.3f} | {extra} |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
