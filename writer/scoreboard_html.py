"""The eval suite's scoreboard as one self-contained HTML page: tables and an inline SVG chart per metric.

    html = scoreboard_html(board)        # board: the dict of scoreboard.json

Each chart shows one metric per period kind (and for all periods), one bar per configuration,
drawn with matplotlib (Agg) into SVG text embedded in the page, so the file can be mailed or
archived alone.
"""

from __future__ import annotations

import html
import io
from typing import Any

__all__ = ["scoreboard_html", "CHART_METRICS", "metric_svg"]

CHART_METRICS: tuple[tuple[str, str], ...] = (
    ("supported_pct", "Supported % (final drafts)"),
    ("first.supported_pct", "Supported % (first drafts)"),
    ("first_pass_pct", "First draft passed the gate (%)"),
    ("caught_drafts", "Drafts the gate failed (caught)"),
    ("first.unsupported", "Unsupported numbers in first drafts"),
    ("first.mismatched", "Mismatched numbers in first drafts"),
    ("reasks", "Re-asks"),
    ("rejected", "Articles rejected"),
    ("coverage_pct", "Must-say coverage (%)"),
    ("sections_pct", "Sections present (%)"),
    ("tokens_in_per_article", "Tokens in per article"),
    ("tokens_out_per_article", "Tokens out per article"),
    ("seconds_per_article", "Seconds per article"),
)

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}.warn{color:#a00;font-weight:bold}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:1rem}
figure{margin:0;border:1px solid #eee;padding:.5rem}figcaption{font-size:.85rem;color:#555}
details{margin:1rem 0}code{background:#f5f5f5;padding:0 .2rem}
"""


def _fmt(v: Any) -> str:
    from etfwriter.suite import _fmt as f

    return f(v)


def metric_svg(board: dict[str, Any], key: str, title: str) -> str:
    """One grouped bar chart as SVG text: x = all periods and each period kind, a bar per configuration."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from etfwriter.suite import KINDS

    cfgs = list(board.get("by_config", {}))
    kinds = [k for k in KINDS if k in board.get("by_kind", {})]
    groups = ["all", *kinds]
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": "etfwriter"}):  # text as text: small, stable SVG
        return _draw(plt, board, key, title, cfgs, groups)


def _draw(plt: Any, board: dict[str, Any], key: str, title: str, cfgs: list[str], groups: list[str]) -> str:
    fig, ax = plt.subplots(figsize=(5.6, 2.9), dpi=100)
    n = max(1, len(cfgs))
    width = 0.8 / n
    for i, c in enumerate(cfgs):
        vals = []
        for g in groups:
            m = board["by_config"][c] if g == "all" else board.get("by_config_kind", {}).get(c, {}).get(g)
            v = (m or {}).get(key)
            vals.append(float(v) if isinstance(v, (int, float)) else 0.0)
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(groups))]
        bars = ax.bar(xs, vals, width=width * 0.95, label=c)
        if len(groups) * n <= 24:
            ax.bar_label(bars, labels=[_fmt(round(v, 1)) for v in vals], fontsize=6, padding=1)
    ax.set_xticks(range(len(groups)), groups, fontsize=7, rotation=20)
    ax.tick_params(axis="y", labelsize=7)
    ax.set_title(title, fontsize=9)
    if key.endswith("_pct"):
        ax.set_ylim(0, 105)
    ax.spines[["top", "right"]].set_visible(False)
    if n > 1:
        ax.legend(fontsize=6, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=min(n, 3))
    fig.tight_layout()
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg"):]


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def scoreboard_html(board: dict[str, Any]) -> str:
    """The whole page."""
    from etfwriter.suite import KINDS, METRIC_DOCS, METRICS

    cfgs = list(board.get("by_config", {}))
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Eval suite scoreboard</title>",
             f"<style>{_CSS}</style></head><body><h1>Eval suite scoreboard</h1>"]
    if board.get("interrupted"):
        parts.append(f"<p class='warn'>INTERRUPTED — {board['finished']} of {board['expected']} articles finished; "
                     "rerun the same command to resume.</p>")
    elif not board.get("complete"):
        failed = f"; {board['failed']} stopped with an error (retried on the next run)" if board.get("failed") else ""
        parts.append(f"<p class='warn'>INCOMPLETE — {board['finished']} of {board['expected']} articles finished{failed}.</p>")
    st = board.get("settings") or {}
    ds = st.get("dataset") or {}
    per = board.get("periods") or {}
    facts = [
        f"data {ds.get('name', '?')} (hash {str(ds.get('hash', '?'))[:12]}), price {st.get('price', '?')}, max re-asks {st.get('max_retries', '?')}",
        f"{per.get('count', '?')} periods ({per.get('first', '?')} .. {per.get('last', '?')}); kinds: "
        + ", ".join(f"{k} {n}" for k, n in board.get("period_kinds", {}).items()),
        "writing branches (composer scenarios): " + ", ".join(f"{k} {n}" for k, n in board.get("scenarios", {}).items()),
        f"created {board.get('created', '')}; wall {_fmt(board.get('wall_seconds'))} s; jobs {board.get('jobs', 1)}",
    ]
    parts.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in facts) + "</ul>")
    parts.append("<h2>Scoreboard</h2>")
    header = ["metric", *cfgs] + (["all"] if len(cfgs) > 1 else [])
    rows = []
    for key, label, _ in METRICS:
        vals = [board["by_config"][c].get(key) for c in cfgs] + ([board["totals"].get(key)] if len(cfgs) > 1 else [])
        rows.append([label.strip(), *(_fmt(v) for v in vals)])
    parts.append(_table(header, rows))
    parts.append("<h2>Charts</h2><div class='charts'>")
    for key, title in CHART_METRICS:
        try:
            svg = metric_svg(board, key, title)
        except Exception as exc:  # a chart that cannot be drawn leaves a note, never a broken page
            svg = f"<p>chart unavailable: {html.escape(type(exc).__name__)}</p>"
        parts.append(f"<figure>{svg}<figcaption>{html.escape(title)} — by period kind, one bar per configuration</figcaption></figure>")
    parts.append("</div>")
    kinds = [k for k in KINDS if k in board.get("by_kind", {})]
    if kinds:
        parts.append("<h2>By period kind</h2>")
        head = ["configuration", "kind", "articles", "supported %", "first draft supported %", "caught drafts", "re-asks", "rejected"]
        rows = []
        for c in cfgs:
            for k in kinds:
                m = board.get("by_config_kind", {}).get(c, {}).get(k)
                if m:
                    rows.append([c, k, *(_fmt(m[x]) for x in ("articles", "supported_pct", "first.supported_pct", "caught_drafts",
                                                                 "reasks", "rejected"))])
        parts.append(_table(head, rows))
    if board.get("rejected"):
        parts.append("<h2>Rejected articles</h2><ul>")
        for r in board["rejected"]:
            probs = "; ".join(f"{p['kind']}: {p['span']!r}" for p in r.get("problems", [])[:3])
            parts.append(f"<li><code>{html.escape(r['config'])}</code> {r['start']}..{r['end']} {r['lang']} ({html.escape(str(r['kind']))}): "
                         f"{html.escape(probs)} — <a href='{html.escape(r['article'] or '')}'>{html.escape(r['article'] or '')}</a></li>")
        parts.append("</ul>")
    if board.get("errors"):
        parts.append("<h2>Errors (retried on the next run)</h2><ul>")
        parts += [f"<li><code>{html.escape(e['config'])}</code> {e['start']}..{e['end']} {e['lang']}: {html.escape(str(e['error']))}</li>"
                  for e in board["errors"]]
        parts.append("</ul>")
    if board.get("articles"):
        parts.append(f"<details><summary>Every article ({len(board['articles'])})</summary>")
        head = ["configuration", "period", "lang", "kind", "status", "re-asks", "first draft problems", "numbers", "supported", "article"]
        rows = [[a["config"], f"{a['start']}..{a['end']}", a["lang"], str(a["kind"]), a["status"], str(a["reasks"]),
                 ", ".join(f"{k} {v}" for k, v in a["first_problems"].items()) or "-", str(a["numbers"]), str(a["supported"]),
                 a.get("article") or ""] for a in board["articles"]]
        parts.append(_table(head, rows) + "</details>")
    parts.append("<h2>Definitions</h2><ul>" + "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(v)}</li>" for k, v in METRIC_DOCS.items())
                 + "</ul></body></html>\n")
    return "".join(parts)
