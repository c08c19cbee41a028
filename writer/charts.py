"""Charts for the weekly article (matplotlib, Agg, PNG), drawn only from facts and tool-computed series.

    charts = make_charts(facts, "zh", out_dir, dataset=ds)     # -> [Chart, ...]

Four charts, each returned as a `Chart` with its file, a caption in the article's language and
the ids of the facts it plots:

- ``category_flows``: net flow by ETF category (``flow.category.*``);
- ``top_movers``: sector/theme and cross-border groups with the largest inflows and outflows (``flow.theme.*``;
  bond, commodity and money-market groups are left out, as the caption says),
  or single ETFs (``top_in`` / ``top_out`` tags) when there are no theme facts;
- ``daily_path``: the period's day-by-day flows of broad-based, sector/theme and all ETFs
  (``flow.daily.*``);
- ``weekly_history``: the weekly broad-based flow since the data begin, with the current week
  marked. This one needs the weekly series from
  `etfwriter.tools.compute.weekly_flows(ds, price, by="category")`: pass ``dataset=`` (the series
  is computed here) or ``weekly=`` (a precomputed frame); without either it is skipped. Only weeks
  up to the period's end are drawn (no look-ahead).

Values are in 亿元 (zh) or RMB billion (en). Chinese charts use a CJK font found by `cjk_font`
(the ``ETFWRITER_CJK_FONT`` environment variable, a font shipped in ``etfwriter/fonts/``, the
Noto Sans SC file of the ``pylopdf-fonts-zh-cn`` package, or an installed Noto/Source Han/WenQuanYi
font); if none is found, making a Chinese chart raises `ChartError` rather than drawing empty boxes.
Colours follow each readership's convention: red for inflows and green for outflows in Chinese
charts, the reverse in English ones.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from etfwriter.tools.facts import Fact, FactSet

from .render import entity_name

__all__ = ["Chart", "ChartError", "make_charts", "cjk_font", "CHART_IDS"]

CHART_IDS = ("category_flows", "top_movers", "daily_path", "weekly_history")
_CATS = ("broad", "sector_theme", "cross_border", "bond", "commodity", "money")
_YI = Decimal(10) ** 8
_BN = Decimal(10) ** 9
_TOP = 6
_DPI = 144
_FONT_FILES = ("NotoSansSC", "NotoSansCJK", "SourceHanSans", "wqy", "WenQuanYi", "NotoSerifCJK", "SourceHanSerif")


class ChartError(RuntimeError):
    """A chart cannot be drawn as asked (e.g. no CJK font for a Chinese chart)."""


@dataclass
class Chart:
    """One chart file and what it shows."""

    id: str
    path: Path
    """Absolute path of the PNG."""
    file: str
    """Path relative to the output folder (``charts/<id>.png``), as the article embeds it."""
    caption: str
    fact_ids: list[str] = field(default_factory=list)
    font: str | None = None
    """Font family used for the labels."""
    font_path: str | None = None
    """The font file matplotlib resolved for the labels."""


# --- fonts ----------------------------------------------------------------------------------------


def _candidate_files() -> list[Path]:
    out: list[Path] = []
    env = os.environ.get("ETFWRITER_CJK_FONT")
    if env:
        out.append(Path(env))
    here = Path(__file__).parent / "fonts"
    if here.is_dir():
        out += sorted(p for p in here.iterdir() if p.suffix.lower() in (".otf", ".ttf", ".ttc", ".otc"))
    try:
        import pylopdf_fonts_zh_cn  # type: ignore[import-not-found]

        out.append(Path(pylopdf_fonts_zh_cn.sans_path()))
    except ImportError:
        pass
    for f in font_manager.findSystemFonts():
        if any(k.lower() in Path(f).name.lower() for k in _FONT_FILES):
            out.append(Path(f))
    return out


_FONT_CACHE: dict[str, tuple[str, str]] = {}


def cjk_font() -> tuple[str, str]:
    """(family name, file) of a font with Chinese glyphs, registered with matplotlib."""
    if "cjk" in _FONT_CACHE:
        return _FONT_CACHE["cjk"]
    for path in _candidate_files():
        if not path.is_file():
            continue
        try:
            font_manager.fontManager.addfont(str(path))
            name = font_manager.FontProperties(fname=str(path)).get_name()
        except Exception:  # noqa: BLE001 - an unreadable font file: try the next one
            continue
        if _has_glyphs(str(path), "宽基净流入"):
            _FONT_CACHE["cjk"] = (name, str(path))
            return _FONT_CACHE["cjk"]
    raise ChartError("no font with Chinese glyphs found: install the 'pylopdf-fonts-zh-cn' package "
                     "or set ETFWRITER_CJK_FONT to a .otf/.ttf file")


def _has_glyphs(path: str, text: str) -> bool:
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    return all(font.get_char_index(ord(ch)) != 0 for ch in text)


# --- helpers ------------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, facts: FactSet, lang: str, out_dir: Path):
        self.fs = facts
        self.by = facts.by_id()
        self.zh = lang == "zh"
        self.lang = "zh" if self.zh else "en"
        self.out = out_dir
        self.scale = _YI if self.zh else _BN
        self.unit = "亿元" if self.zh else "RMB billion"
        up, down = "#c8352b", "#2e8b57"
        self.c_in, self.c_out = (up, down) if self.zh else (down, up)
        if self.zh:
            self.font, self.font_path = cjk_font()
        else:
            self.font = "DejaVu Sans"
            self.font_path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))

    def rc(self) -> dict[str, Any]:
        return {"font.family": [self.font, "DejaVu Sans"], "axes.unicode_minus": False, "font.size": 10,
                "axes.spines.top": False, "axes.spines.right": False}

    def value(self, fact: Fact) -> float:
        return float(fact.number / self.scale)

    def name(self, fact: Fact) -> str:
        name = entity_name(fact, self.lang)
        return name if self.zh else name[:1].upper() + name[1:]

    def colour(self, v: float) -> str:
        return self.c_in if v >= 0 else self.c_out

    def save(self, fig: Figure, cid: str, caption: str, ids: list[str]) -> Chart:
        path = self.out / f"{cid}.png"
        FigureCanvasAgg(fig)
        _fit(fig, pad=0.6)
        fig.savefig(path, dpi=_DPI, facecolor="white", pil_kwargs={"compress_level": 3})
        return Chart(cid, path.resolve(), f"charts/{cid}.png", caption, ids, self.font, self.font_path)

    def label_bars(self, ax, bars, values: list[float], horizontal: bool) -> None:
        for bar, v in zip(bars, values):
            text = f"{v:+.2f}"
            if horizontal:
                ax.annotate(text, (v, bar.get_y() + bar.get_height() / 2), xytext=(4 if v >= 0 else -4, 0),
                            textcoords="offset points", va="center", ha="left" if v >= 0 else "right", fontsize=8)
            else:
                ax.annotate(text, (bar.get_x() + bar.get_width() / 2, v), xytext=(0, 3 if v >= 0 else -3),
                            textcoords="offset points", ha="center", va="bottom" if v >= 0 else "top", fontsize=8)


def _fit(fig: Figure, pad: float) -> None:
    """Fit the figure's one Axes, with its labels, title and annotations, inside the figure.

    The margins of matplotlib's tight layout (``pad`` in font sizes), measured in one pass and
    without drawing: savefig's ``bbox_inches="tight"`` and the layout engines draw or measure the
    figure twice, which is most of the cost of these small charts.
    """
    (ax,) = fig.axes
    renderer = fig.canvas.get_renderer()
    box = ax.get_position(original=True)
    tight = fig.transFigure.inverted().transform_bbox(ax.get_tightbbox(renderer, for_layout_only=True))
    width, height = fig.get_size_inches()
    pad_in = pad * matplotlib.rcParams["font.size"] / 72
    left = max(box.x0 - tight.x0, 0) + pad_in / width
    right = max(tight.x1 - box.x1, 0) + pad_in / width
    bottom = max(box.y0 - tight.y0, 0) + pad_in / height
    top = max(tight.y1 - box.y1, 0) + pad_in / height
    if left + right < 1 and bottom + top < 1:
        fig.subplots_adjust(left=left, right=1 - right, bottom=bottom, top=1 - top)


# --- the charts -----------------------------------------------------------------------------------


def _category_flows(c: _Ctx) -> Chart | None:
    facts = [c.by[f"flow.category.{k}"] for k in _CATS if f"flow.category.{k}" in c.by]
    if not facts:
        return None
    names = [c.name(f) for f in facts]
    values = [c.value(f) for f in facts]
    fig = Figure(figsize=(7.2, 3.8), dpi=_DPI)
    ax = fig.add_subplot()
    bars = ax.bar(names, values, color=[c.colour(v) for v in values])
    ax.axhline(0, color="#555", linewidth=0.8)
    c.label_bars(ax, bars, values, horizontal=False)
    ax.set_ylabel(c.unit)
    ax.set_title("各类ETF资金净流入" if c.zh else "Net flows by ETF category")
    ax.tick_params(axis="x", labelrotation=0 if c.zh else 15)
    ax.margins(y=0.15)
    caption = "图：本期各类ETF资金净流入（亿元）" if c.zh else "Chart: net flows by ETF category this period (RMB billion)"
    return c.save(fig, "category_flows", caption, [f.id for f in facts])


def _top_movers(c: _Ctx) -> Chart | None:
    themes = [f for f in c.fs.facts if f.id.startswith("flow.theme.") and {"sector_theme", "cross_border"} & set(f.tags)]
    if themes:
        kind = "theme"
        ins = sorted((f for f in themes if f.number > 0), key=lambda f: -f.number)[:_TOP]
        outs = sorted((f for f in themes if f.number < 0), key=lambda f: f.number)[:_TOP]
    else:
        kind = "etf"
        ranked = {t.split(":")[0]: [] for t in ("top_in:", "top_out:")}
        for f in c.fs.facts:
            for t in f.tags:
                if t.startswith(("top_in:", "top_out:")):
                    ranked[t.split(":")[0]].append((int(t.split(":")[1]), f))
        ins = [f for _, f in sorted(ranked["top_in"], key=lambda x: x[0])][:_TOP]
        outs = [f for _, f in sorted(ranked["top_out"], key=lambda x: x[0])][:_TOP]
    chosen = sorted(ins + outs, key=lambda f: f.number)
    if not chosen:
        return None
    names = [c.name(f) for f in chosen]
    values = [c.value(f) for f in chosen]
    fig = Figure(figsize=(7.2, 0.42 * len(chosen) + 1.4), dpi=_DPI)
    ax = fig.add_subplot()
    bars = ax.barh(names, values, color=[c.colour(v) for v in values])
    ax.axvline(0, color="#555", linewidth=0.8)
    c.label_bars(ax, bars, values, horizontal=True)
    ax.set_xlabel(c.unit)
    ax.margins(x=0.18)
    if kind == "theme":
        ax.set_title("资金流入与流出居前的主题" if c.zh else "Themes with the largest inflows and outflows")
        caption = "图：本期净流入与净流出居前的行业、主题与跨境方向" if c.zh else \
            "Chart: sector, theme and cross-border groups with the largest inflows and outflows this period"
    else:
        ax.set_title("资金流入与流出居前的ETF" if c.zh else "ETFs with the largest inflows and outflows")
        caption = "图：本期净流入与净流出居前的ETF" if c.zh else "Chart: ETFs with the largest inflows and outflows this period"
    return c.save(fig, "top_movers", caption, [f.id for f in chosen])


def _daily_path(c: _Ctx) -> Chart | None:
    series: dict[str, list[tuple[dt.date, Fact]]] = {}
    for f in c.fs.facts:
        m = re.fullmatch(r"flow\.daily\.([a-z_]+)\.(\d{4}-\d{2}-\d{2})", f.id)
        if m:
            series.setdefault(m.group(1), []).append((dt.date.fromisoformat(m.group(2)), f))
    if not series:
        return None
    order = [k for k in ("broad", "sector_theme", "total") if k in series]
    days = sorted({d for k in order for d, _ in series[k]})
    labels = {"broad": ("宽基ETF", "Broad-based"), "sector_theme": ("行业主题ETF", "Sector and theme"), "total": ("全部ETF", "All ETFs")}
    colours = {"broad": "#1f4e79", "sector_theme": "#e08a1e", "total": "#7f7f7f"}
    fig = Figure(figsize=(7.2, 3.6), dpi=_DPI)
    ax = fig.add_subplot()
    width = 0.8 / len(order)
    ids: list[str] = []
    for i, key in enumerate(order):
        by_day = dict(series[key])
        xs = [j + (i - (len(order) - 1) / 2) * width for j in range(len(days))]
        vals = [c.value(by_day[d]) if d in by_day else 0.0 for d in days]
        ids += [by_day[d].id for d in days if d in by_day]
        ax.bar(xs, vals, width=width, color=colours[key], label=labels[key][0 if c.zh else 1])
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_xticks(range(len(days)))
    ax.set_xticklabels([f"{d.month}月{d.day}日" if c.zh else d.strftime("%b %d") for d in days])
    ax.set_ylabel(c.unit)
    ax.set_title("本期逐日资金净流入" if c.zh else "Daily net flows in the period")
    ax.legend(frameon=False, fontsize=8)
    caption = "图：本期逐日资金净流入（宽基、行业主题与全部ETF）" if c.zh else "Chart: daily net flows of broad-based, sector/theme and all ETFs"
    return c.save(fig, "daily_path", caption, ids)


def _weekly_history(c: _Ctx, dataset: Any, weekly: Any, price: str | None) -> Chart | None:
    if weekly is None and dataset is not None:
        from etfwriter.tools.compute import weekly_flows

        weekly = weekly_flows(dataset, price or c.fs.dataset.price_convention, by="category")
    if weekly is None or "broad" not in getattr(weekly, "columns", ()):
        return None
    end = c.fs.period.end
    col = weekly["broad"]
    col = col[[d <= end for d in col.index]]
    if not len(col):
        return None
    start = c.fs.period.start
    monday = start - dt.timedelta(days=start.weekday())
    current = [d == monday for d in col.index]
    values = [float(v) / float(c.scale) for v in col.to_numpy()]
    colours = ["#1f4e79" if cur else c.colour(v) for v, cur in zip(values, current)]
    alphas = [1.0 if cur else 0.45 for cur in current]
    fig = Figure(figsize=(7.2, 3.4), dpi=_DPI)
    ax = fig.add_subplot()
    xs = list(range(len(values)))
    # One collection for the ~100 weekly bars: far cheaper to build and draw than one patch per bar.
    half = 0.85 / 2
    bars = PolyCollection([[(x - half, 0.0), (x - half, v), (x + half, v), (x + half, 0.0)] for x, v in zip(xs, values)],
                          facecolors=[to_rgba(colour, alpha) for colour, alpha in zip(colours, alphas)], linewidths=0)
    bars.sticky_edges.y.append(0.0)
    ax.add_collection(bars)
    ax.autoscale_view()
    ax.axhline(0, color="#555", linewidth=0.8)
    if any(current):
        i = current.index(True)
        # beside the end of the bar: above it for an inflow, to its left for an outflow (the space
        # below the zero line is empty there, while just above it stand the neighbouring weeks)
        down = values[i] < 0
        ax.annotate("本周" if c.zh else "this week", (i, values[i]), xytext=(-6, 0) if down else (0, 6),
                    textcoords="offset points", ha="right" if down else "center", va="center" if down else "bottom",
                    fontsize=9, color="#1f4e79")
    step = max(1, len(xs) // 8)
    ax.set_xticks(xs[::step])
    ax.set_xticklabels([d.strftime("%Y-%m-%d") for d in list(col.index)[::step]], rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(c.unit)
    ax.set_title("宽基ETF每周净流入" if c.zh else "Weekly net flows of broad-based ETFs")
    caption = "图：有数据以来宽基ETF每周净流入，深蓝色为本周" if c.zh else "Chart: weekly broad-based ETF net flows since the data begin, this week in dark blue"
    ids = ["flow.category.broad"] if "flow.category.broad" in c.by else []
    return c.save(fig, "weekly_history", caption, ids)


def make_charts(facts: FactSet, lang: str, out_dir: str | Path, *, dataset: Any = None, weekly: Any = None,
                price: str | None = None) -> list[Chart]:
    """Draw the article's charts into `out_dir` (created if needed) and describe them.

    `dataset` or `weekly` (the frame of `weekly_flows(ds, price, by="category")`) enables the
    weekly history chart; `price` defaults to the fact set's price convention.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    c = _Ctx(facts, lang, out)
    charts: list[Chart] = []
    with matplotlib.rc_context(c.rc()):
        for make in (_category_flows, _top_movers, _daily_path):
            chart = make(c)
            if chart is not None:
                charts.append(chart)
        chart = _weekly_history(c, dataset, weekly, price)
        if chart is not None:
            charts.append(chart)
    return charts
