"""The offline composer: a full weekly article in reference syntax, from facts and phrasebanks.

    text = compose(facts, "zh")              # Markdown with {{fact.id}} references
    out = render(text, facts, "zh")          # figures, citations and the references section

The article follows the broker weekly it is modelled on, section by section (`SECTIONS`): a
headline and lead, the flow panorama table, key indicators, behaviour patterns with a ★ signal
strength and the rule behind each rating, a historical comparison with the real past episodes and
how the CSI 300 moved after them, sector rotation, what to watch, conclusions, a data and method
note, a not-investment-advice line and (added by the renderer) the references.

What is said depends on the facts: the direction of the broad-based flow, whether it is a record
in the data, whether broad-based and sector/theme flows went opposite ways (rotation) or the same
way, whether the week was quiet, and which facts exist at all (a fact that does not apply to a
week is absent, and the text that needs it is left out). Phrasings come from the packaged
phrasebanks ``prompts/templates/zh.md`` and ``en.md``, written separately for each language; the
choice among alternatives is seeded by the period, so a given week always reads the same.

Template prose contains no digits: every figure, date and count is a fact reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from etfwriter.tools.facts import Fact, FactSet
from etfwriter.tools.flows import PRICE_CONVENTIONS

from ._phrasebank import Phrasebank, load_phrasebank
from .render import TABLE_HEADERS, TableRow, flow_table, render_table

__all__ = ["Section", "SECTIONS", "REQUIRED_SECTIONS", "DISCLAIMER", "BLOCK_IDS", "article_blocks", "compose", "missing_sections",
           "scenario"]

Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class Section:
    """A required section: its id and its heading in each language (Markdown level)."""

    id: str
    zh: str
    en: str
    level: int = 2

    def heading(self, lang: str) -> str:
        return "#" * self.level + " " + (self.zh if lang == "zh" else self.en)


SECTIONS: tuple[Section, ...] = (
    Section("panorama", "一、资金流向全景", "I. The flow picture"),
    Section("indicators", "二、关键指标", "II. Key indicators"),
    Section("patterns", "三、资金行为模式与信号强度", "III. Behaviour patterns and signal strength"),
    Section("history", "四、历史比较", "IV. Historical comparison"),
    Section("rotation", "五、板块轮动", "V. Sector rotation"),
    Section("watch", "六、后续关注", "VI. What to watch"),
    Section("conclusions", "七、核心结论", "VII. Conclusions"),
    Section("method", "数据与方法说明", "Data and method"),
    Section("references", "引用", "References"),
)
"""Sections every article has, in order. ``references`` is appended by `render`."""

REQUIRED_SECTIONS: dict[str, dict[str, str]] = {s.id: {"zh": s.zh, "en": s.en} for s in SECTIONS}
"""Section id -> heading text per language (without the Markdown ``##``)."""

DISCLAIMER: dict[str, str] = {
    "zh": "本文仅为基于公开数据的资金流向梳理，不构成任何投资建议；市场有风险，投资需谨慎。",
    "en": "This note describes fund flows from the data cited; it is not investment advice.",
}
"""The not-investment-advice line (set in italics at the end of the article body)."""

_RATINGS = ("risk_appetite", "sector_rotation", "small_cap", "valuation_divergence", "bottom_signal")
_SMALL = ("csi1000", "csi2000", "cni2000")
_LARGE = ("csi300", "sse50")
_CATS = ("broad", "sector_theme", "cross_border", "bond", "commodity", "money")
_RECORD_MIN_PERIODS = 10
"""Below this many comparable periods, the largest flow in the data is not called a record."""
_LIST_MAX = 5


def missing_sections(markdown: str, lang: str) -> list[str]:
    """Ids of required parts absent from a (rendered) article: sections, headline, disclaimer."""
    lines = {ln.strip() for ln in markdown.splitlines()}
    missing = []
    if not any(ln.startswith("# ") for ln in lines):
        missing.append("headline")
    for s in SECTIONS:
        if s.heading(lang) not in lines:
            missing.append(s.id)
    if DISCLAIMER["zh" if lang == "zh" else "en"] not in markdown:
        missing.append("disclaimer")
    return missing


def _sign(x: Decimal | None) -> int:
    if x is None:
        return 0
    return (x > 0) - (x < 0)


class _Writer:
    """Everything the sections need: the facts, the phrasebank, the scenario and small helpers."""

    def __init__(self, facts: FactSet, lang: str, charts: Sequence[Any] | None):
        self.fs = facts
        self.lang = "zh" if lang == "zh" else "en"
        self.zh = self.lang == "zh"
        self.by: dict[str, Fact] = facts.by_id()
        self.bank: Phrasebank = load_phrasebank(self.lang)
        self.seed = f"{facts.period.start.isoformat()}/{facts.period.end.isoformat()}/{self.lang}"
        self.charts = {str(c if isinstance(c, str) else getattr(c, "id", "")) for c in (charts or ())}
        self.b = self.num("flow.category.broad")
        self.t = self.num("flow.category.sector_theme")
        self.total = self.num("flow.total")
        self.bd = _sign(self.b)
        self.td = _sign(self.t)
        self.periods = int(self.num("hist.periods") or 0)
        self.ratio_id = next((i for i in ("ratio.broad_out_to_theme_in", "ratio.broad_in_to_theme_out") if i in self.by), None)
        self.rotation = self.ratio_id is not None
        self.ratio_side = "gt" if (self.num(self.ratio_id) or 0) >= 1 else "lt" if self.ratio_id else ""
        rank_out, rank_in = self.num("hist.category.broad.rank_out"), self.num("hist.category.broad.rank_in")
        enough = self.periods >= _RECORD_MIN_PERIODS
        self.record = enough and ((self.bd < 0 and rank_out == 1) or (self.bd > 0 and rank_in == 1))
        self.quiet = not self.record and enough and self.stars("risk_appetite") == 1
        self.d = "out" if self.bd < 0 else "in"

    # --- facts ---------------------------------------------------------------------------------

    def has(self, fid: str) -> bool:
        return fid in self.by

    def num(self, fid: str) -> Decimal | None:
        f = self.by.get(fid)
        if f is None or isinstance(f.value, str):
            return None
        return f.value

    def stars(self, key: str) -> int:
        v = self.num(f"rating.{key}")
        return int(v) if v is not None else 0

    def r(self, fid: str, variant: str = "") -> str:
        """A reference to an existing fact (a missing id here is a bug in the composer)."""
        if fid not in self.by:
            raise KeyError(f"composer referred to a fact that is absent: {fid}")
        return "{{" + fid + ("|" + variant if variant else "") + "}}"

    def ids(self, prefix: str, tag: str | None = None) -> list[str]:
        return [f.id for f in self.fs.facts if f.id.startswith(prefix) and (tag is None or tag in f.tags)]

    def tagged(self, tag_prefix: str) -> list[tuple[int, str]]:
        """(rank, fact id) of facts with a tag like ``top_in:3``, by rank."""
        out = []
        for f in self.fs.facts:
            for t in f.tags:
                if t.startswith(tag_prefix + ":"):
                    out.append((int(t.split(":", 1)[1]), f.id))
        return sorted(out)

    # --- words ---------------------------------------------------------------------------------

    def say(self, slot: str, **values: str) -> str:
        return self.bank.say(slot, self.seed, **values)

    def has_slot(self, slot: str) -> bool:
        return slot in self.bank.slots

    def join(self, items: list[str]) -> str:
        if self.zh:
            return "、".join(items)
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    def heading(self, sid: str) -> str:
        return next(s for s in SECTIONS if s.id == sid).heading(self.lang)

    def chart(self, cid: str) -> str | None:
        """``{{chart.<id>}}`` when the chart was made (the renderer embeds it), else None."""
        return "{{chart.%s}}" % cid if cid in self.charts else None

    # --- scenario ------------------------------------------------------------------------------

    def scenario(self) -> str:
        if self.b is None or self.bd == 0:
            return "flat"
        d = self.d
        if self.record:
            return f"{d}_record_rotation" if self.rotation else f"{d}_record"
        if self.quiet:
            return "quiet"
        if self.t is None or self.td == 0:
            return f"{d}_plain"
        return f"{d}_rotation" if self.rotation else f"{d}_same"

    def base(self) -> dict[str, str]:
        """Placeholders most slots may use (only for facts that exist)."""
        v: dict[str, str] = {}
        for key, fid in (("b", "flow.category.broad"), ("t", "flow.category.sector_theme"), ("total", "flow.total"),
                         ("start", "period.start"), ("end", "period.end"), ("days", "count.trading_days"),
                         ("first_day", "hist.first_day"), ("periods", "hist.periods")):
            if self.has(fid):
                v[key] = self.r(fid)
                if self.by[fid].unit == "CNY":
                    v[key + "_value"] = self.r(fid, "value")
                    v[key + "_approx"] = self.r(fid, "approx")
                    v[key + "_over"] = self.r(fid, "over")
        if self.ratio_id:
            v["ratio"] = self.r(self.ratio_id)
        v["hs300"] = self.r("index.csi300.close", "name") if self.has("index.csi300.close") else self.say("word.hs300")
        small = [f"flow.family.{k}" for k in _SMALL if self.has(f"flow.family.{k}")]
        large = [f"flow.family.{k}" for k in _LARGE if self.has(f"flow.family.{k}")]
        v["small_names"] = self.names(small) if small else self.say("word.small_names")
        v["large_names"] = self.names(large) if large else self.say("word.large_names")
        return v

    # --- helpers over groups -------------------------------------------------------------------

    def lead_family(self) -> str | None:
        """Broad family with the largest flow in the direction of the broad flow (its share fact exists)."""
        for f in self.fs.facts:
            m = re.fullmatch(r"share\.family\.(.+)\.of_broad", f.id)
            if m and self.has(f"flow.family.{m.group(1)}"):
                return m.group(1)
        return None

    def lead_etf(self) -> str | None:
        for f in self.fs.facts:
            m = re.fullmatch(r"share\.etf\.(.+)\.of_broad", f.id)
            if m and self.has(f"flow.etf.{m.group(1)}"):
                return m.group(1)
        return None

    def themes(self, category: str, sign: int) -> list[str]:
        """Theme flow ids of a category with flows of `sign`, largest magnitude first."""
        ids = [i for i in self.ids("flow.theme.", category) if _sign(self.num(i)) == sign]
        return sorted(ids, key=lambda i: -abs(self.num(i) or 0))

    def families_against(self) -> list[str]:
        ids = [i for i in self.ids("flow.family.") if self.bd and _sign(self.num(i)) == -self.bd]
        return sorted(ids, key=lambda i: -abs(self.num(i) or 0))

    def name(self, fid: str) -> str:
        """A capitalised name (for table cells and list items)."""
        return self.r(fid, "Name")

    def names(self, ids: list[str]) -> str:
        return self.join([self.r(i, "name") for i in ids])

    def max_day(self, kind: str) -> tuple[str, str, str] | None:
        """(flow id, date id, etf flow id) of the period's largest single-ETF day, if known."""
        fid = f"flow.etf_day.max_{kind}"
        if not (self.has(fid) and self.has(fid + ".date")):
            return None
        code = next((t.split(":", 1)[1] for t in self.by[fid].tags if t.startswith("etf:")), None)
        if code is None or not self.has(f"flow.etf.{code}"):
            return None
        return fid, fid + ".date", f"flow.etf.{code}"


# --- sections ----------------------------------------------------------------------------------


def _headline(w: _Writer) -> list[str]:
    sc = w.scenario()
    v = w.base()
    if sc == "flat" and "total" not in v:
        return ["# " + w.say("headline.empty")]
    return ["# " + w.say(f"headline.{sc}", **v)]


def _lead(w: _Writer) -> list[str]:
    v = w.base()
    sc = w.scenario()
    parts = [w.say("lead.period", **v)]
    if "total" in v:
        parts.append(w.say(f"lead.{sc}", **v) if sc != "flat" or "b" in v else w.say("lead.total_only", **v))
    if w.has("flow.stock_plus_cross_border"):
        parts.append(w.say("lead.stock_cb", flow=w.r("flow.stock_plus_cross_border")))
    out = ["".join(parts) if w.zh else " ".join(parts)]
    if all(w.has(i) for i in ("count.etfs", "count.etfs_in", "count.etfs_out")):
        out.append(w.say("lead.breadth", n=w.r("count.etfs"), n_in=w.r("count.etfs_in"), n_out=w.r("count.etfs_out")))
    return out


def _category_note(w: _Writer, fid: str, cat: str, cat_ids: list[str]) -> str:
    v = w.num(fid) or Decimal(0)
    s = _sign(v)
    if s == 0:
        return w.say("note.flat")
    if cat == "broad" and w.record:
        return w.say(f"note.record_{w.d}")
    tot = _sign(w.total)
    if cat in ("broad", "sector_theme") and tot and s != tot:
        return w.say(f"note.against_{'in' if s > 0 else 'out'}")
    values = [(w.num(i) or Decimal(0), i) for i in cat_ids]
    if s < 0 and min(values)[1] == fid:
        return w.say("note.main_out")
    if s > 0 and max(values)[1] == fid:
        return w.say("note.main_in")
    return w.say(f"note.{'in' if s > 0 else 'out'}")


def _flows_table(w: _Writer) -> str | None:
    """The flow panorama table and its unit note (block ``table.flows``)."""
    rows: list[TableRow] = []
    cat_ids = [f"flow.category.{c}" for c in _CATS if w.has(f"flow.category.{c}")]
    for fid in cat_ids:
        rows.append(TableRow(w.name(fid), fid, _category_note(w, fid, fid.split(".")[-1], cat_ids)))
    if w.has("flow.total"):
        rows.append(TableRow(f"**{w.name('flow.total')}**", "flow.total", w.say("note.total_" + ("out" if (w.total or 0) < 0 else "in"))))
    if w.has("flow.stock_plus_cross_border"):
        rows.append(TableRow(w.name("flow.stock_plus_cross_border"), "flow.stock_plus_cross_border", w.say("note.stock_cb")))
    fam = w.lead_family()
    if fam and w.bd:
        rows.append(TableRow(w.name(f"flow.family.{fam}"), f"flow.family.{fam}", w.say(f"note.family_lead_{w.d}")))
    code = w.lead_etf()
    if code and w.bd:
        rows.append(TableRow(w.name(f"flow.etf.{code}"), f"flow.etf.{code}", w.say(f"note.etf_lead_{w.d}")))
    if w.has("flow.group.top10_broad_out") and w.bd < 0:
        rows.append(TableRow(w.say("label.top_broad_out_group"), "flow.group.top10_broad_out", w.say("note.group_out")))
    against = w.families_against()
    if against:
        fid = against[0]
        if w.bd < 0 and w.num("count.broad_families_in") == 1:
            note = w.say("note.only_in_family") + w.r("count.broad_families_in", "cite")
        else:
            note = w.say(f"note.family_against_{'in' if w.bd < 0 else 'out'}")
        rows.append(TableRow(w.name(fid), fid, note))
    if not rows:
        return None
    return flow_table(rows, w.lang, unit="yi") + "\n\n" + w.say("panorama.table_note")


def _panorama(w: _Writer) -> list[str]:
    blocks = [w.heading("panorama")]
    v = w.base()
    blocks.append(w.say("panorama.intro", **v))
    if _flows_table(w) is not None:
        blocks.append("{{table.flows}}")
    if all(w.has(i) for i in ("aum.total.end", "aum_change.total", "market_effect.total")):
        blocks.append(w.say("panorama.aum", aum=w.r("aum.total.end"), change=w.r("aum_change.total"), market=w.r("market_effect.total")))
    img = w.chart("category_flows")
    if img:
        blocks.append(img)
    return blocks


def _indicators(w: _Writer) -> list[str]:
    blocks = [w.heading("indicators"), w.say("indicators.intro")]
    items: list[str] = []
    if w.ratio_id:
        slot = "ind.ratio_out_in" if w.ratio_id == "ratio.broad_out_to_theme_in" else "ind.ratio_in_out"
        items.append(w.say(f"{slot}_{w.ratio_side}", ratio=w.r(w.ratio_id)))
    fam = w.lead_family()
    if fam and w.bd:
        items.append(w.say(f"ind.family_share_{w.d}", family=w.r(f"flow.family.{fam}", "name"),
                           share=w.r(f"share.family.{fam}.of_broad"), flow=w.r(f"flow.family.{fam}")))
    code = w.lead_etf()
    if code and w.bd:
        items.append(w.say(f"ind.etf_share_{w.d}", etf=w.r(f"flow.etf.{code}", "name"),
                           share=w.r(f"share.etf.{code}.of_broad"), flow=w.r(f"flow.etf.{code}")))
    if w.has("share.top10_of_broad") and w.has("flow.group.top10_broad_out"):
        over = (w.num("share.top10_of_broad") or 0) > 1
        items.append(w.say("ind.top_share" + ("_over" if over else ""), share=w.r("share.top10_of_broad"), flow=w.r("flow.group.top10_broad_out")))
    if all(w.has(i) for i in ("count.etfs_in", "count.etfs_out")):
        more = "in" if (w.num("count.etfs_in") or 0) > (w.num("count.etfs_out") or 0) else "out"
        items.append(w.say(f"ind.breadth_{more}", n_in=w.r("count.etfs_in"), n_out=w.r("count.etfs_out")))
    for kind in ("out", "in"):
        md = w.max_day(kind)
        if md:
            fid, did, etf = md
            items.append(w.say(f"ind.max_day_{kind}", day=w.r(did), etf=w.r(etf, "name"), flow=w.r(fid)))
    if not items:
        items.append(w.say("ind.none"))
    blocks.append("\n".join("- " + i for i in items))
    return blocks


def _level(stars: int) -> str:
    return "strong" if stars >= 4 else ("moderate" if stars == 3 else "weak")


def _pattern_risk(w: _Writer) -> tuple[str, list[str]]:
    if not w.bd:
        return w.say("title.risk_appetite.flat"), [w.say("risk.flat", **w.base())]
    d = w.d
    fam = w.lead_family()
    large = fam in _LARGE or fam == "a500"
    title = w.say(f"title.risk_appetite.{d}_{'large' if large else 'broad'}")
    body = [w.say(f"risk.{d}", **w.base())]
    if fam:
        body.append(w.say(f"risk.family_{d}", family=w.r(f"flow.family.{fam}", "name"), flow=w.r(f"flow.family.{fam}"),
                          share=w.r(f"share.family.{fam}.of_broad")))
    code = w.lead_etf()
    if code:
        body.append(w.say(f"risk.etf_{d}", etf=w.r(f"flow.etf.{code}", "name"), flow=w.r(f"flow.etf.{code}"),
                          share=w.r(f"share.etf.{code}.of_broad")))
    body.append(w.say(f"risk.reading_{d}_{'large' if large else 'broad'}"))
    return title, body


def _pattern_rotation(w: _Writer) -> tuple[str, list[str]]:
    v = w.base()
    if w.t is None or not w.td or not w.bd:
        return w.say("title.sector_rotation.none"), [w.say("rot.none", **v)]
    if w.rotation:
        key = "out_in" if w.bd < 0 else "in_out"
        lead = w.themes("sector_theme", 1 if w.bd < 0 else -1)[:3]
        body = [w.say(f"rot.{key}_{w.ratio_side}", **v)]
        if lead:
            body.append(w.say(f"rot.{key}_themes", themes=w.names(lead)))
        return w.say(f"title.sector_rotation.{key}"), body
    key = "same_out" if w.bd < 0 else "same_in"
    return w.say(f"title.sector_rotation.{key}"), [w.say(f"rot.{key}", **v)]


def _pattern_small(w: _Writer) -> tuple[str, list[str]]:
    small = [f"flow.family.{k}" for k in _SMALL if w.has(f"flow.family.{k}")]
    large = [f"flow.family.{k}" for k in _LARGE if w.has(f"flow.family.{k}")]
    level = "strong" if w.stars("small_cap") >= 3 else "weak"
    title = w.say(f"title.small_cap.{level}")
    body: list[str] = []
    frags = [w.say("frag.group_flow", name=w.r(i, "name"), flow=w.r(i)) for i in small]
    if frags:
        body.append(w.say("small.small_flows", flows=w.join(frags)))
    frags = [w.say("frag.group_flow", name=w.r(i, "name"), flow=w.r(i)) for i in large]
    if frags:
        body.append(w.say("small.large_flows", flows=w.join(frags)))
    idx_small = next((f"index.{k}.change" for k in ("csi2000", "csi1000") if w.has(f"index.{k}.change")), None)
    idx_large = "index.csi300.change" if w.has("index.csi300.change") else None
    if idx_small and idx_large:
        body.append(w.say("small.index", small=w.r(idx_small, "name"), small_chg=w.r(idx_small),
                          large=w.r(idx_large, "name"), large_chg=w.r(idx_large)))
    body.append(w.say(f"small.reading_{level}"))
    return title, body


def _pattern_divergence(w: _Writer) -> tuple[str, list[str]]:
    ids = [f.id for f in w.fs.facts if re.fullmatch(r"index\.[^.]+\.change", f.id) and f.id != "index.sse_composite.change"]
    level = _level(w.stars("valuation_divergence"))
    title = w.say(f"title.valuation_divergence.{level}")
    if len(ids) < 2:
        return title, [w.say("div.none")]
    best = max(ids, key=lambda i: w.num(i) or 0)
    worst = min(ids, key=lambda i: w.num(i) or 0)
    body = [w.say("div.spread", best=w.r(best, "name"), best_chg=w.r(best), worst=w.r(worst, "name"), worst_chg=w.r(worst)),
            w.say(f"div.reading_{level}")]
    return title, body


def _episodes(w: _Writer, kind: str) -> list[str]:
    return [f"hist.episode.{kind}.{k}" for k in range(1, 4) if w.has(f"hist.episode.{kind}.{k}")]


def _after_summary(w: _Writer, eps: list[str]) -> str | None:
    vals = [w.num(e + ".csi300_after") for e in eps if w.has(e + ".csi300_after")]
    if not vals:
        return None
    if all(x is not None and x > 0 for x in vals):
        return "up"
    if all(x is not None and x < 0 for x in vals):
        return "down"
    return "mixed"


def _pattern_bottom(w: _Writer) -> tuple[str, list[str]]:
    level = _level(w.stars("bottom_signal"))
    title = w.say(f"title.bottom_signal.{level}")
    body: list[str] = []
    if w.bd < 0 and w.has("hist.category.broad.outflow_percentile"):
        body.append(w.say("bottom.percentile", pct=w.r("hist.category.broad.outflow_percentile")))
    if w.has("index.csi300.change"):
        chg = w.num("index.csi300.change") or 0
        body.append(w.say("bottom.csi300_" + ("down" if chg < 0 else "up"), chg=w.r("index.csi300.change"), hs300=w.base()["hs300"]))
    summary = _after_summary(w, _episodes(w, "out"))
    if summary:
        body.append(w.say(f"bottom.after_{summary}", **w.base()))
    body.append(w.say(f"bottom.reading_{level}"))
    return title, body


_PATTERNS = {
    "risk_appetite": _pattern_risk,
    "sector_rotation": _pattern_rotation,
    "small_cap": _pattern_small,
    "valuation_divergence": _pattern_divergence,
    "bottom_signal": _pattern_bottom,
}


def _present_ratings(w: _Writer) -> list[str]:
    return [k for k in _RATINGS if w.has(f"rating.{k}")]


def _signals_table(w: _Writer) -> str | None:
    """One row per rating: signal, stars, a reading of the level (block ``table.signals``)."""
    present = _present_ratings(w)
    if not present:
        return None
    rows = [[w.say(f"signal.name.{key}"), w.r(f"rating.{key}"), w.say(f"signal.{key}.{_level(w.stars(key))}")] for key in present]
    head = ["信号类型", "强度", "解读"] if w.zh else ["Signal", "Strength", "Reading"]
    return render_table(head, rows, ["l", "l", "l"])


def _patterns(w: _Writer) -> list[str]:
    blocks = [w.heading("patterns"), w.say("patterns.intro")]
    present = _present_ratings(w)
    if not present:
        blocks.append(w.say("patterns.none"))
        return blocks
    for key in present:
        title, body = _PATTERNS[key](w)
        blocks.append("### " + w.say("pattern.heading", title=title, stars=w.r(f"rating.{key}")))
        blocks.append(("" if w.zh else " ").join(body))
        blocks.append("{{rule.%s}}" % key)
    blocks.append(w.say("patterns.table_intro"))
    blocks.append("{{table.signals}}")
    img = w.chart("daily_path")
    if img:
        blocks.append(img)
    return blocks


def _history(w: _Writer) -> list[str]:
    blocks = [w.heading("history")]
    v = w.base()
    if w.periods < 2 or not w.bd or "b" not in v:
        blocks.append(w.say("hist.none", **v))
        return blocks
    d = w.d
    rank = f"hist.category.broad.rank_{d}"
    parts: list[str] = []
    if w.has(rank):
        v["rank"] = w.r(rank)
        if w.record:
            parts.append(w.say(f"hist.record_{d}", **v))
        else:
            parts.append(w.say(f"hist.standing_{d}", **v))
    if d == "out" and w.has("hist.category.broad.outflow_percentile"):
        parts.append(w.say("hist.percentile", pct=w.r("hist.category.broad.outflow_percentile")))
    prev = f"hist.category.broad.prev_max_{d}"
    if w.has(prev) and w.has(prev + ".start"):
        top = w.num(rank) == 1
        parts.append(w.say(f"hist.prev_{d}" + ("_record" if top else ""), prev=w.r(prev), prev_start=w.r(prev + ".start")))
    if parts:
        blocks.append(("" if w.zh else " ").join(parts))
    eps = _episodes(w, d)
    if eps:
        blocks.append(w.say(f"hist.episodes_intro_{d}", **v))
        blocks.append("{{table.episodes}}")
        summary = _after_summary(w, eps)
        blocks.append(w.say(f"hist.after_{summary or 'none'}_{d}", **v) + ("" if w.zh else " ") + w.say("hist.caveat"))
    img = w.chart("weekly_history")
    if img:
        blocks.append(img)
    return blocks


def _episodes_table(w: _Writer) -> str | None:
    """Past broad-based episodes in the direction of this week's flow, with the CSI 300 after each (block ``table.episodes``)."""
    if w.periods < 2 or not w.bd or not w.has("flow.category.broad"):
        return None
    eps = _episodes(w, w.d)
    if not eps:
        return None
    v = w.base()
    head = [w.say("hist.col_period"), w.say("hist.col_flow", unit_lc=_lower_first(TABLE_HEADERS["yi"][w.lang])), w.say("hist.col_after", **v)]
    rows = []
    for e in eps:
        after = w.r(e + ".csi300_after") if w.has(e + ".csi300_after") else w.say("hist.no_after")
        rows.append([w.r(e, "date"), w.r(e, "yi"), after])
    rows.append([w.say("hist.this_week"), w.r("flow.category.broad", "yi"), w.say("hist.pending")])
    return render_table(head, rows, ["l", "r", "r"])


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _theme_items(w: _Writer, ids: list[str]) -> str:
    return "\n".join("- " + w.say("rotation.item", name=w.name(i), flow=w.r(i)) for i in ids)


def _rotation(w: _Writer) -> list[str]:
    blocks = [w.heading("rotation")]
    v = w.base()
    key = "rotation" if w.rotation else ("same" if w.td and w.bd else "none")
    blocks.append(w.say(f"rotation.intro.{key}", **v))
    ins = w.themes("sector_theme", 1)[:_LIST_MAX]
    outs = w.themes("sector_theme", -1)[:_LIST_MAX]
    blocks.append(f"**{w.say('rotation.in_heading')}**")
    blocks.append(_theme_items(w, ins) if ins else w.say("rotation.no_in"))
    blocks.append(f"**{w.say('rotation.out_heading')}**")
    blocks.append(_theme_items(w, outs) if outs else w.say("rotation.no_out"))
    cb_in, cb_out = w.themes("cross_border", 1), w.themes("cross_border", -1)
    cb: list[str] = []
    if cb_in:
        cb.append(w.say("rotation.cross_border_in", name=w.r(cb_in[0], "name"), flow=w.r(cb_in[0])))
    if cb_out:
        cb.append(w.say("rotation.cross_border_out", name=w.r(cb_out[0], "name"), flow=w.r(cb_out[0])))
    if cb:
        blocks.append(("" if w.zh else " ").join(cb))
    if _top_etfs_table(w) is not None:
        blocks.append(w.say("rotation.etf_intro"))
        blocks.append("{{table.top_etfs}}")
    img = w.chart("top_movers")
    if img:
        blocks.append(img)
    return blocks


def _top_etfs_table(w: _Writer) -> str | None:
    """The single ETFs with the largest inflows and outflows (block ``table.top_etfs``)."""
    top_in = [i for _, i in w.tagged("top_in")][:_LIST_MAX]
    top_out = [i for _, i in w.tagged("top_out")][:_LIST_MAX]
    if not (top_in or top_out):
        return None
    head = ["方向", "ETF", TABLE_HEADERS["yi"]["zh"]] if w.zh else ["Side", "ETF", TABLE_HEADERS["yi"]["en"]]
    rows = [[w.say("rotation.side_in"), w.name(i), w.r(i, "yi")] for i in top_in]
    rows += [[w.say("rotation.side_out"), w.name(i), w.r(i, "yi")] for i in top_out]
    return render_table(head, rows, ["l", "l", "r"])


def _watch(w: _Writer) -> list[str]:
    blocks = [w.heading("watch"), w.say("watch.intro")]
    items: list[str] = []
    fam = w.lead_family()
    if w.bd and fam:
        items.append(w.say(f"watch.broad_{w.d}", family=w.r(f"flow.family.{fam}", "name")))
    if w.rotation:
        lead = w.themes("sector_theme", 1 if w.bd < 0 else -1)[:3]
        if lead:
            items.append(w.say(f"watch.themes_{'in' if w.bd < 0 else 'out'}", themes=w.names(lead)))
    md = w.max_day("out")
    if md:
        fid, did, etf = md
        items.append(w.say("watch.max_day", day=w.r(did), etf=w.r(etf, "name"), flow=w.r(fid)))
    last = f"flow.daily.broad.{w.fs.period.end.isoformat()}"
    if w.has(last) and w.num(last):
        items.append(w.say("watch.last_day_" + ("out" if (w.num(last) or 0) < 0 else "in"), day=w.r(last, "date"), flow=w.r(last)))
    if w.has("index.csi300.close") and w.has("index.csi300.change"):
        items.append(w.say("watch.index", close=w.r("index.csi300.close"), chg=w.r("index.csi300.change"), hs300=w.base()["hs300"]))
    streaks = [f.id for f in w.fs.facts if f.id.endswith(".up_streak")]
    if streaks:
        s = max(streaks, key=lambda i: w.num(i) or 0)
        items.append(w.say("watch.streak", name=w.r(s, "name"), days=w.r(s)))
    defensive = [f"flow.category.{c}" for c in ("bond", "money", "commodity") if (w.num(f"flow.category.{c}") or 0) > 0]
    if w.bd < 0 and defensive:
        frags = [w.say("frag.group_flow", name=w.r(i, "name"), flow=w.r(i)) for i in defensive]
        items.append(w.say("watch.defensive", flows=w.join(frags)))
    items.append(w.say("watch.next"))
    blocks.append("\n".join("- " + i for i in items))
    return blocks


def _conclusions(w: _Writer) -> list[str]:
    blocks = [w.heading("conclusions")]
    v = w.base()
    items: list[str] = []
    sc = w.scenario()
    if "total" in v:
        items.append(w.say(f"concl.main.{sc}", **v) if "b" in v else w.say("concl.main.total_only", **v))
    if w.rotation and w.ratio_id:
        items.append(w.say("concl.rotation_" + ("out_in" if w.bd < 0 else "in_out") + "_" + w.ratio_side, ratio=w.r(w.ratio_id)))
    elif w.bd and w.td:
        items.append(w.say("concl.same_" + w.d))
    if w.periods >= 2 and w.bd and w.has(f"hist.category.broad.rank_{w.d}"):
        items.append(w.say(f"concl.history_{w.d}" + ("_record" if w.record else ""), rank=w.r(f"hist.category.broad.rank_{w.d}"),
                           periods=w.r("hist.periods")))
    if w.periods >= 2 and w.bd:
        summary = _after_summary(w, _episodes(w, w.d))
        if summary:
            items.append(w.say(f"concl.after_{summary}_{w.d}", **v))
    present = [k for k in _RATINGS if w.has(f"rating.{k}")]
    if present:
        top = max(present, key=lambda k: (w.stars(k), -_RATINGS.index(k)))
        items.append(w.say("concl.signal", name=w.say(f"signal.name.{top}"), stars=w.r(f"rating.{top}")))
    items.append(w.say("concl.close." + ("quiet" if w.quiet else (w.d if w.bd else "flat"))))
    blocks.append("\n".join("- " + i for i in items))
    return blocks


def _method_section(w: _Writer) -> str:
    """The data and method section, ending with the disclaimer (block ``section.method``)."""
    blocks = [w.heading("method")]
    ds = w.fs.dataset
    price = PRICE_CONVENTIONS.get(ds.price_convention, (ds.price_convention, ds.price_convention))[0 if w.zh else 1]
    items = [w.say("method.source", dataset=f"`{ds.name}`"), w.say("method.flow", price=price), w.say("method.categories")]
    if w.has("hist.first_day") and w.has("hist.periods") and w.periods >= 2:
        items.append(w.say("method.history", first_day=w.r("hist.first_day"), periods=w.r("hist.periods")))
    items.append(w.say("method.ratings"))
    items.append(w.say("method.citations"))
    if ds.reconstruction:
        items.append(w.say("method.reconstruction"))
    blocks.append("\n".join("- " + i for i in items))
    blocks.append(f"*{DISCLAIMER[w.lang]}*")
    return "\n\n".join(blocks)


BLOCK_IDS = ("table.flows", "table.signals", "table.episodes", "table.top_etfs", "section.method") + tuple(f"rule.{k}" for k in _RATINGS)
"""Blocks an article may place on a line of their own; the renderer writes them from the facts."""


def article_blocks(facts: FactSet, lang: str) -> dict[str, str]:
    """Block id -> its text in reference syntax, for the blocks that apply to these facts.

    Tables, the rating rules and the data and method section are written by code, so a model
    places ``{{table.flows}}``, ``{{rule.small_cap}}`` or ``{{section.method}}`` instead of
    typing them; the renderer expands each one (its figures cited like any reference).
    """
    w = _Writer(facts, lang, None)
    out: dict[str, str | None] = {
        "table.flows": _flows_table(w),
        "table.signals": _signals_table(w),
        "table.episodes": _episodes_table(w),
        "table.top_etfs": _top_etfs_table(w),
        "section.method": _method_section(w),
    }
    v = w.base()
    for key in _present_ratings(w):
        out[f"rule.{key}"] = w.say(f"rule.{key}", **v)
    return {k: b for k, b in out.items() if b}


def scenario(facts: FactSet) -> str:
    """The scenario key the composer writes for (e.g. ``out_record_rotation``, ``in_same``, ``quiet``)."""
    return _Writer(facts, "zh", None).scenario()


def compose(facts: FactSet, lang: Lang, *, charts: Sequence[Any] | None = None) -> str:
    """The article for `facts` in `lang`, as reference-syntax Markdown (render it with `render`).

    `charts` (optional): charts from `etfwriter.charts.make_charts`; each one whose id the article
    knows (``category_flows``, ``top_movers``, ``daily_path``, ``weekly_history``) is embedded as an image
    in its section.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    w = _Writer(facts, lang, charts)
    blocks: list[str] = []
    blocks += _headline(w)
    blocks += _lead(w)
    blocks += _panorama(w)
    blocks += _indicators(w)
    blocks += _patterns(w)
    blocks += _history(w)
    blocks += _rotation(w)
    blocks += _watch(w)
    blocks += _conclusions(w)
    blocks.append("{{section.method}}")
    return "\n\n".join(b for b in blocks if b) + "\n"
