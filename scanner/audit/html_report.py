"""The audit summary as one self-contained HTML page (inline CSS and SVG, no scripts, no
network): headline figures, shares flagged by category, a histogram of spin scores, the top
offending sources and phrases, the worst articles and the cross-article clusters."""
from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

from scanner import __version__
from scanner.audit.output import output_name
from scanner.audit.summary import HIST_BINS, AuditSummary

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:72rem;
color:#1d232a;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px
solid #d8dee4;padding-bottom:.3rem}.meta{color:#59636e}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.card{border:1px solid #d8dee4;
border-radius:8px;padding:.6rem 1rem;min-width:9rem}.card b{display:block;font-size:1.4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{padding:.3rem .5rem;
border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.bar{background:#d1242f;height:.6rem;
border-radius:2px;display:inline-block}code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
.id{word-break:break-all;font-family:ui-monospace,monospace;font-size:12px}
"""


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%" if value else "·"


def _num(value: float | None, fmt: str = ".2f") -> str:
    return "–" if value is None else format(value, fmt)


def histogram_svg(counts: list[int], width: int = 640, height: int = 180) -> str:
    """An inline SVG bar chart of spin-score counts in equal bins over [0, 1]."""
    top = max(counts) or 1
    bar = (width - 40) / len(counts)
    bars = []
    for k, count in enumerate(counts):
        h = (height - 40) * count / top
        x, y = 30 + k * bar, height - 25 - h
        colour = "#d1242f" if k >= HIST_BINS // 2 else "#0969da"
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" '
                    f'fill="{colour}"><title>{k / len(counts):.2f}–{(k + 1) / len(counts):.2f}: '
                    f'{count}</title></rect>')
        if count:
            bars.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" font-size="9" '
                        f'text-anchor="middle">{count}</text>')
    ticks = "".join(f'<text x="{30 + t * (width - 40):.1f}" y="{height - 8}" font-size="10" '
                    f'text-anchor="middle">{t:.1f}</text>' for t in (0, .25, .5, .75, 1))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'role="img" aria-label="Histogram of spin scores">{"".join(bars)}{ticks}'
            f'<line x1="30" y1="{height - 25}" x2="{width - 10}" y2="{height - 25}" '
            f'stroke="#59636e"/></svg>')


def _table(head: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    cells = "".join(f'<th class="{"n" if i in numeric else ""}">{escape(h)}</th>'
                    for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f'<td class="{"n" if i in numeric else ""}">{c}</td>'
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def render(outcome, options, top: int = 15) -> str:
    """The report page as a string."""
    s: AuditSummary = outcome.summary
    total = s.total
    readable = max(1, total.articles - total.errors)
    cards = "".join(f'<div class="card">{label}<b>{value}</b></div>' for label, value in [
        ("articles", f"{total.articles:,}"), ("flagged", _pct(total.flagged / readable)),
        ("errors", f"{total.errors:,}"), ("mean spin", _num(total.mean_spin)),
        ("sources", f"{len(s.groups):,}")])
    cats = [c for c in s.categories() if total.by_category[c]]
    category_rows = [[escape(c), f"{total.by_category[c]:,}", _pct(total.share(c)),
                      f'<span class="bar" style="width:{300 * total.share(c):.0f}px"></span>']
                     for c in s.categories()]
    source_rows = [[f'<span class="id">{escape(name)}</span>', f"{g.articles:,}",
                    f"{g.errors:,}", _pct(g.flagged / max(1, g.articles - g.errors)),
                    *[_pct(g.share(c)) for c in cats], _num(g.mean_spin),
                    "<br>".join(f'<span class="id">{escape(i)}</span>' for _, i, _ in
                                g.worst_first())]
                   for name, g in s.top_groups(top)]
    worst_rows = [[f'<span class="id">{escape(i)}</span>', escape(title), f"{spin:.2f}",
                   f"{lost:g}", str(warnings)]
                  for (_, warnings, spin, lost), i, title in total.worst_first()[:top]]
    phrase_rows = [[escape(rule), f"<code>{escape(phrase)}</code>",
                    f"<code>{escape(suggestion)}</code>" if suggestion else "", f"{n:,}"]
                   for (rule, phrase, suggestion), n in s.phrases.most_common(top * 2)]
    sections = [
        f"<h1>spinscan audit</h1><p class=meta>{escape(', '.join(options.paths))} → "
        f"{escape(output_name(options.output))} · spinscan {__version__} · "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M UTC}</p><div class=cards>{cards}</div>",
        "<h2>Articles flagged by category</h2><p class=meta>An article is flagged in a category "
        "when it has a finding of warning severity or worse there.</p>"
        + _table(["category", "articles", "share", ""], category_rows, {1, 2}),
        f"<h2>Spin scores</h2><p class=meta>{sum(s.histogram):,} articles with a spin score "
        f"(blue below 0.5, red from 0.5).</p>{histogram_svg(s.histogram)}",
        "<h2>Top offending sources</h2>"
        + _table(["source", "articles", "errors", "flagged", *cats, "mean spin", "worst"],
                 source_rows, set(range(1, 5 + len(cats)))),
        "<h2>Worst articles</h2>"
        + _table(["id", "title", "spin", "quality lost", "warnings"], worst_rows, {2, 3, 4}),
    ]
    if phrase_rows:
        sections.append("<h2>Top offending phrases</h2><p class=meta>Spin findings by wording, "
                        "with the likely original wording.</p>"
                        + _table(["rule", "phrase", "likely original", "count"], phrase_rows,
                                 {3}))
    if outcome.crossdoc is not None:
        sections.append(f"<h2>Copies of one story</h2><p>{escape(outcome.crossdoc.describe())}"
                        "</p>")
    if outcome.clean_stats is not None:
        stats = outcome.clean_stats
        rows = [[escape(r), f"{n:,}"] for r, n in stats["dropped_by_reason"].items()]
        sections.append(f"<h2>Cleaned texts</h2><p>{stats['articles']:,} articles, "
                        f"{stats['dropped_lines']:,} lines dropped at {stats['clean_level']} "
                        f"level, {stats['kept_lines']:,} kept, "
                        f"{stats['articles_emptied']:,} articles left empty.</p>"
                        + _table(["reason", "lines dropped"], rows, {1}))
    body = "\n".join(f"<section>{part}</section>" for part in sections)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>spinscan audit"
            f"</title><style>{_CSS}</style></head><body>{body}</body></html>\n")


def write_html_report(path: str, outcome, options, top: int = 15) -> None:
    """Write the report page to ``path``."""
    Path(path).write_text(render(outcome, options, top), encoding="utf-8")
