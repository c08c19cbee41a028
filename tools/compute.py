"""Build the fact set of a period: flows, aggregates, top movers, ratios, counts, index moves,
history and ratings. Pure: takes a `Dataset`, returns a `FactSet`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd

from . import display as D
from .classify import CATEGORIES
from .dataset import Dataset
from .errors import CalculationError
from .facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance
from .flows import PRICE_CONVENTIONS, PanelRows, daily_flows, dec, period_table
from .history import forward_return, group_series, period_grid, standing
from .labels import category_label, group_label, index_label
from .ratings import RULES

__all__ = ["resolve_period", "compute_facts", "weekly_flows", "BIG_FLOW", "TOP_N"]

BIG_FLOW = Decimal(10) ** 10  # 100亿元: threshold for "ETFs with an outflow above 100亿"
TOP_N = 10
SMALL_CAP = ("csi1000", "csi2000", "cni2000")
LARGE_CAP = ("csi300", "sse50")
AFTER_DAYS = 20


def resolve_period(ds: Dataset, week: dt.date | None = None, start: dt.date | None = None, end: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Trading days of a calendar week (any day in it) or of start..end; errors name the data range."""
    cal = ds.calendar
    if week is not None:
        monday = week - dt.timedelta(days=week.weekday())
        start, end = monday, monday + dt.timedelta(days=6)
    if start is None or end is None:
        raise CalculationError("give --week or both --start and --end")
    if start > end:
        raise CalculationError(f"start {start} is after end {end}")
    days = cal[(cal >= pd.Timestamp(start)) & (cal <= pd.Timestamp(end))]
    if len(days) == 0:
        raise CalculationError(
            f"no trading days between {start} and {end} in the data (it covers {ds.first_date} to {ds.last_date})"
        )
    return days[0].date(), days[-1].date()


class _Builder:
    def __init__(self, ds: Dataset, start: dt.date, end: dt.date, price: str):
        self.ds, self.start, self.end, self.price = ds, start, end, price
        self.period = Period(start=start, end=end)
        self.facts: dict[str, Fact] = {}
        self.price_text = PRICE_CONVENTIONS[price]
        self.metrics: dict[str, float] = {}
        self.cat_series = pd.DataFrame()

    def prov(self, formula: str, inputs: list[str] | None = None, rule: str | None = None) -> Provenance:
        return Provenance(formula=formula, inputs=inputs or [], dataset=self.ds.name, dataset_hash=self.ds.hash,
                          price=self.price, rule=rule)

    def add(self, fid: str, label: tuple[str, str], value, unit: str, display: tuple[str, str], prov: Provenance,
            *, direction: str = "none", period: Period | None = None, must_say: bool = False,
            points_change: bool = False, tags: list[str] | None = None) -> Fact:
        fact = Fact(id=fid, label=Bilingual(zh=label[0], en=label[1]), value=value, unit=unit, direction=direction,
                    period=period or self.period, display=Bilingual(zh=display[0], en=display[1]), provenance=prov,
                    must_say=must_say, points_change=points_change, tags=tags or [])
        self.facts[fid] = fact
        return fact

    def add_flow(self, fid: str, label: tuple[str, str], value: Decimal, formula: str, inputs: list[str],
                 *, period: Period | None = None, must_say: bool = False, tags: list[str] | None = None) -> Fact:
        direction = "outflow" if value < 0 else ("inflow" if value > 0 else "none")
        return self.add(fid, (label[0] + "净流入", label[1] + " net flow"), value, "CNY", D.flow(value),
                        self.prov(formula, inputs), direction=direction, period=period, must_say=must_say, tags=tags)


def _sum(values) -> Decimal:
    total = Decimal(0)
    for v in values:
        total += v
    return total


def _daily(ds: Dataset, price: str) -> pd.DataFrame:
    """Daily flows of the whole panel, cached on the dataset per price convention."""
    if price not in ds.cache:
        ds.cache[price] = daily_flows(ds.panel, price)[["date", "code", "flow"]]
    return ds.cache[price]


def _rows(ds: Dataset) -> PanelRows:
    """The panel as arrays for exact period tables, cached on the dataset for as long as it has this panel."""
    hit = ds.cache.get("panel_rows")
    if hit is None or hit[0] is not ds.panel:
        hit = ds.cache["panel_rows"] = (ds.panel, PanelRows(ds.panel))
    return hit[1]


def weekly_flows(ds: Dataset, price: str = "nav", by: str = "category") -> pd.DataFrame:
    """Calendar-week flows (yuan, float) per group (`category`, `family`, `theme` or `code`); index = week start."""
    daily = _daily(ds, price)
    grid = period_grid(ds.calendar, ds.calendar[-1].date(), ds.calendar[-1].date())
    keys = ds.universe.set_index("code")[by] if by != "code" else pd.Series(ds.universe["code"].to_numpy(), index=ds.universe["code"])
    table = group_series(daily, keys, grid)
    table.index = [grid.starts[i].date() for i in table.index]
    return table


def compute_facts(ds: Dataset, start: dt.date, end: dt.date, price: str = "nav") -> FactSet:
    """All facts of trading days start..end."""
    if price not in PRICE_CONVENTIONS:
        raise CalculationError(f"unknown price convention {price!r}; use one of {', '.join(PRICE_CONVENTIONS)}")
    start, end = resolve_period(ds, start=start, end=end)
    b = _Builder(ds, start, end, price)
    uni = ds.universe.set_index("code")
    rows = _rows(ds)
    table = period_table(rows, start, end, price).set_index("code")
    table = table.join(uni[["name_zh", "name_en", "category", "theme", "family", "manager"]], how="left")
    days = ds.calendar[(ds.calendar >= pd.Timestamp(start)) & (ds.calendar <= pd.Timestamp(end))]
    pzh, pen = b.price_text

    b.add("period.start", ("统计区间起始日", "first trading day of the period"), start.isoformat(), "date", D.date(start), b.prov("first trading day in the period"))
    b.add("period.end", ("统计区间截止日", "last trading day of the period"), end.isoformat(), "date", D.date(end), b.prov("last trading day in the period"))
    b.add("count.trading_days", ("交易日数", "trading days"), Decimal(len(days)), "count", D.count(len(days), "个交易日", "trading days"), b.prov("number of trading days in the period"))

    # --- flows: total, categories, aggregates -------------------------------------------------
    formula_etf = f"sum over the period's trading days of (S(t) - S(t-1) x split_ratio) x P(t); {pen}"
    cat_flow: dict[str, Decimal] = {}
    for cat in CATEGORIES:
        members = table[table["category"] == cat]
        if members.empty:
            continue
        cat_flow[cat] = _sum(members["flow"])
        b.add_flow(f"flow.category.{cat}", category_label(cat), cat_flow[cat], f"sum of the {len(members)} {cat} ETFs' flows; {formula_etf}",
                   [f"flow.etf.{c}" for c in members.index], must_say=cat in ("broad", "sector_theme"))
    total = _sum(table["flow"])
    b.add_flow("flow.total", ("全部ETF", "all ETFs"), total, f"sum of all {len(table)} ETFs' flows", [f"flow.category.{c}" for c in cat_flow], must_say=True)
    if "broad" in cat_flow and "sector_theme" in cat_flow:
        stock = cat_flow["broad"] + cat_flow["sector_theme"]
        b.add_flow("flow.stock", ("股票型ETF（宽基+行业主题）", "A-share equity ETFs (broad + sector/theme)"), stock,
                   "flow.category.broad + flow.category.sector_theme", ["flow.category.broad", "flow.category.sector_theme"])
        if "cross_border" in cat_flow:
            b.add_flow("flow.stock_plus_cross_border", ("股票型与跨境ETF合计", "equity and cross-border ETFs combined"),
                       stock + cat_flow["cross_border"], "flow.stock + flow.category.cross_border", ["flow.stock", "flow.category.cross_border"])

    # families (broad) and themes (others)
    group_flows: dict[str, Decimal] = {}
    broad = table[table["category"] == "broad"]
    for fam, g in broad.groupby("family"):
        group_flows[fam] = _sum(g["flow"])
        b.add_flow(f"flow.family.{fam}", group_label(fam), group_flows[fam], f"sum of the {len(g)} ETFs tracking the {fam} index",
                   [f"flow.etf.{c}" for c in g.index], tags=["family", "broad"])
    theme_flows: dict[str, Decimal] = {}
    for theme, g in table[table["category"] != "broad"].groupby("theme"):
        theme_flows[theme] = _sum(g["flow"])
        cat = g["category"].iloc[0]
        b.add_flow(f"flow.theme.{theme}", group_label(theme), theme_flows[theme], f"sum of the {len(g)} {theme} ETFs' flows",
                   [f"flow.etf.{c}" for c in g.index], tags=["theme", cat])
    for mgr, g in table.groupby("manager"):
        if not mgr:
            continue
        b.add_flow(f"flow.manager.{mgr}", (f"{mgr}旗下ETF", f"ETFs managed by {mgr}"), _sum(g["flow"]),
                   f"sum of the flows of the {len(g)} ETFs managed by {mgr}", [f"flow.etf.{c}" for c in g.index], tags=["manager"])

    # single ETFs
    for code, row in zip(table.index, table[["name_zh", "name_en", "category", "flow", "delta_shares", "aum_end"]].to_dict("records")):
        label = (f"{row['name_zh']}（{code}）", f"{row['name_en']} ({code})")
        b.add_flow(f"flow.etf.{code}", label, row["flow"], formula_etf, [f"panel:{code}:{start}..{end}"], tags=["etf", row["category"]])
        b.add(f"shares_change.etf.{code}", (f"{row['name_zh']}份额变动", f"{row['name_en']} change in units outstanding"),
              row["delta_shares"], "shares", D.shares(row["delta_shares"], signed=True),
              b.prov("sum of split-adjusted daily units changes S(t) - S(t-1) x split_ratio", [f"panel:{code}:{start}..{end}"]),
              direction="outflow" if row["delta_shares"] < 0 else ("inflow" if row["delta_shares"] > 0 else "none"), tags=["etf"])
        b.add(f"aum.etf.{code}.end", (f"{row['name_zh']}期末规模", f"{row['name_en']} AUM at period end"), row["aum_end"], "CNY",
              D.cny(row["aum_end"]), b.prov("S(end) x nav(end)", [f"panel:{code}:{end}"]), tags=["etf"])

    # --- AUM and its split ---------------------------------------------------------------------
    def aum_facts(prefix: str, label: tuple[str, str], g: pd.DataFrame) -> None:
        a0, a1 = _sum(g["aum_start"]), _sum(g["aum_end"])
        fl, mk, nl, dv = _sum(g["flow"]), _sum(g["market_effect"]), _sum(g["new_listing"]), _sum(g["dividends_paid"])
        b.add(f"aum.{prefix}.end", (label[0] + "期末规模", label[1] + " AUM at period end"), a1, "CNY", D.cny(a1), b.prov("sum of S(end) x nav(end)"))
        b.add(f"aum.{prefix}.start", (label[0] + "期初规模", label[1] + " AUM before the period"), a0, "CNY", D.cny(a0), b.prov("sum of S x nav on the trading day before the period"))
        b.add(f"aum_change.{prefix}", (label[0] + "规模变化", label[1] + " change in AUM"), a1 - a0, "CNY", D.cny(a1 - a0, signed=True),
              b.prov("AUM at end - AUM before the period = flow + market effect + new listings - dividends paid",
                     [f"aum.{prefix}.end", f"aum.{prefix}.start"]))
        b.add(f"market_effect.{prefix}", (label[0] + "市场涨跌影响", label[1] + " market effect on AUM"), mk, "CNY", D.cny(mk, signed=True),
              b.prov("AUM change - flow - new listings + dividends paid", [f"aum_change.{prefix}"]))
        if nl:
            b.add(f"new_listing.{prefix}", (label[0] + "新上市规模", label[1] + " AUM of new listings"), nl, "CNY", D.cny(nl), b.prov("units x nav on each new fund's first day"))
        if dv:
            b.add(f"dividends.{prefix}", (label[0] + "现金分红", label[1] + " cash dividends paid"), dv, "CNY", D.cny(dv), b.prov("sum of S(t-1) x dividend per unit on ex-dates"))
        assert a1 - a0 == fl + mk + nl - dv

    aum_facts("total", ("全部ETF", "all ETFs"), table)
    for cat in cat_flow:
        aum_facts(f"category.{cat}", category_label(cat), table[table["category"] == cat])

    # --- top movers, ratios, shares, counts ----------------------------------------------------
    ranked = table.sort_values("flow_f")
    outs = ranked[ranked["flow"] < 0]
    ins = ranked[ranked["flow"] > 0].iloc[::-1]
    n_out, n_in = len(outs), len(ins)
    b.add("count.etfs", ("统计ETF数量", "ETFs covered"), Decimal(len(table)), "count", D.count(len(table)), b.prov("funds with data in the period"))
    b.add("count.etfs_in", ("净流入ETF数量", "ETFs with a net inflow"), Decimal(n_in), "count", D.count(n_in), b.prov("funds with flow > 0"), direction="inflow")
    b.add("count.etfs_out", ("净流出ETF数量", "ETFs with a net outflow"), Decimal(n_out), "count", D.count(n_out), b.prov("funds with flow < 0"), direction="outflow")
    big = int((table["flow"] <= -BIG_FLOW).sum())
    b.add("count.etfs_out_over_100yi", ("净流出超100亿元的ETF数量", "ETFs with an outflow above RMB 10 billion"), Decimal(big), "count", D.count(big),
          b.prov("funds with flow <= -1e10 yuan"), direction="outflow")
    for k, (code, row) in enumerate(outs.head(TOP_N).iterrows(), 1):
        b.facts[f"flow.etf.{code}"].tags.append(f"top_out:{k}")
    for k, (code, row) in enumerate(ins.head(TOP_N).iterrows(), 1):
        b.facts[f"flow.etf.{code}"].tags.append(f"top_in:{k}")
    for k, (code, row) in enumerate(broad.sort_values("flow_f").head(TOP_N).iterrows(), 1):
        if row["flow"] < 0:
            b.facts[f"flow.etf.{code}"].tags.append(f"top_broad_out:{k}")

    if "broad" in cat_flow:
        bf = cat_flow["broad"]
        broad_out = broad[broad["flow"] < 0].sort_values("flow_f")
        if len(broad_out):
            top = broad_out.head(TOP_N)
            topsum = _sum(top["flow"])
            n = len(top)
            b.add_flow("flow.group.top10_broad_out", (f"净流出最多的{n}只宽基ETF合计", f"the {n} broad-based ETFs with the largest outflows, combined"),
                       topsum, f"sum of the {n} most negative broad ETF flows", [f"flow.etf.{c}" for c in top.index])
            if bf < 0:
                b.add("share.top10_of_broad", (f"前{n}大流出宽基ETF占宽基净流出比例", f"share of the broad-based outflow from the top {n} outflow ETFs"),
                      topsum / bf, "pct", D.pct(topsum / bf), b.prov("flow.group.top10_broad_out / flow.category.broad", ["flow.group.top10_broad_out", "flow.category.broad"]))
        if bf != 0:
            # biggest family and biggest ETF in the direction of the broad flow
            same = {k: v for k, v in group_flows.items() if v * bf > 0}
            if same:
                fam = max(same, key=lambda k: abs(same[k]))
                b.add(f"share.family.{fam}.of_broad", (f"{group_label(fam)[0]}占宽基ETF净流量比例", f"{group_label(fam)[1]}' share of the broad-based net flow"),
                      same[fam] / bf, "pct", D.pct(same[fam] / bf), b.prov(f"flow.family.{fam} / flow.category.broad", [f"flow.family.{fam}", "flow.category.broad"]), must_say=True)
            lead = broad.sort_values("flow_f", ascending=bool(bf < 0)).iloc[0]
            code = lead.name
            if lead["flow"] * bf > 0:
                b.add(f"share.etf.{code}.of_broad", (f"{lead['name_zh']}占宽基ETF净流量比例", f"{lead['name_en']}'s share of the broad-based net flow"),
                      lead["flow"] / bf, "pct", D.pct(lead["flow"] / bf), b.prov(f"flow.etf.{code} / flow.category.broad", [f"flow.etf.{code}", "flow.category.broad"]), must_say=True)
        fams_in = sorted(k for k, v in group_flows.items() if v > 0)
        b.add("count.broad_families_in", ("净流入的宽基指数系列数量", "broad-index families with a net inflow"), Decimal(len(fams_in)), "count",
              D.count(len(fams_in), "个", "index families"), b.prov("broad index families with flow > 0: " + (", ".join(fams_in) or "none")), direction="inflow")
        if "sector_theme" in cat_flow:
            tf = cat_flow["sector_theme"]
            if bf < 0 < tf:
                b.add("ratio.broad_out_to_theme_in", ("宽基净流出与行业主题净流入之比", "broad-based outflow per yuan of sector/theme inflow"),
                      -bf / tf, "ratio", D.ratio(-bf / tf), b.prov("-flow.category.broad / flow.category.sector_theme", ["flow.category.broad", "flow.category.sector_theme"]), must_say=True)
            elif tf < 0 < bf:
                b.add("ratio.broad_in_to_theme_out", ("宽基净流入与行业主题净流出之比", "broad-based inflow per yuan of sector/theme outflow"),
                      bf / -tf, "ratio", D.ratio(bf / -tf), b.prov("flow.category.broad / -flow.category.sector_theme", ["flow.category.broad", "flow.category.sector_theme"]), must_say=True)

    # --- daily path --------------------------------------------------------------------------
    daily = _daily(ds, price)
    dd = daily[(daily["date"] >= pd.Timestamp(start)) & (daily["date"] <= pd.Timestamp(end))]
    dd = dd.join(uni["category"], on="code")
    for day in days:
        one = period_table(rows, day.date(), day.date(), price).set_index("code").join(uni["category"])
        dper = Period(start=day.date(), end=day.date())
        zh_day, en_day = D.date(day.date())
        for cat in ("broad", "sector_theme"):
            g = one[one["category"] == cat]
            if len(g):
                lab = category_label(cat)
                b.add_flow(f"flow.daily.{cat}.{day.date()}", (f"{zh_day}{lab[0]}", f"{lab[1]} on {en_day}"), _sum(g["flow"]),
                           f"one day's flows of the {cat} ETFs", [], period=dper, tags=["daily"])
        b.add_flow(f"flow.daily.total.{day.date()}", (f"{zh_day}全部ETF", f"all ETFs on {en_day}"), _sum(one["flow"]), "one day's flows of all ETFs", [], period=dper, tags=["daily"])
    # the single largest ETF-day outflow and inflow of the period
    if len(dd):
        for kind, row in (("out", dd.loc[dd["flow"].idxmin()]), ("in", dd.loc[dd["flow"].idxmax()])):
            if (kind == "out" and row["flow"] >= 0) or (kind == "in" and row["flow"] <= 0):
                continue
            day = row["date"].date()
            code = row["code"]
            exact = period_table(rows, day, day, price, codes=[code])["flow"].iloc[0]
            name = uni.loc[code]
            zh_day, en_day = D.date(day)
            b.add_flow(f"flow.etf_day.max_{kind}", (f"{zh_day}{name['name_zh']}单日", f"{name['name_en']} on {en_day}"), exact,
                       f"largest single-day {'outflow' if kind == 'out' else 'inflow'} of any ETF in the period", [f"panel:{code}:{day}"],
                       period=Period(start=day, end=day), tags=["daily", f"etf:{code}"])
            b.add(f"flow.etf_day.max_{kind}.date", ("单日最大流动发生日", "day of the largest single-day flow"), day.isoformat(), "date", D.date(day),
                  b.prov(f"date of flow.etf_day.max_{kind}"), period=Period(start=day, end=day))

    _index_facts(b, ds, days)
    _history_facts(b, ds, table, cat_flow, group_flows, daily)
    _rating_facts(b, ds, table, cat_flow, group_flows)
    info = DatasetInfo(name=ds.name, hash=ds.hash, price_convention=price, reconstruction=ds.reconstruction,
                       first_date=ds.first_date, last_date=ds.last_date, etfs=int(ds.panel["code"].nunique()), rows=len(ds.panel))
    return FactSet(period=b.period, dataset=info, facts=list(b.facts.values()))


def _index_facts(b: _Builder, ds: Dataset, days: pd.DatetimeIndex) -> None:
    if ds.indices.empty:
        return
    for key, g in ds.indices.groupby("index"):
        closes = g.set_index("date")["close"].sort_index()
        if days[-1] not in closes.index:
            continue
        before = closes[closes.index < days[0]]
        end_close = dec(closes.loc[days[-1]])
        lab = index_label(key)
        b.add(f"index.{key}.close", (f"{lab[0]}收盘", f"{lab[1]} close"), end_close, "points", D.points(end_close),
              b.prov(f"close of {key} on {days[-1].date()}", [f"indices:{key}:{days[-1].date()}"]), period=Period(start=days[-1].date(), end=days[-1].date()))
        if len(before):
            prev = dec(before.iloc[-1])
            chg = end_close / prev - 1
            b.add(f"index.{key}.change", (f"{lab[0]}区间涨跌幅", f"{lab[1]} change over the period"), chg, "pct", D.pct(chg, 2, signed=True),
                  b.prov(f"close on {days[-1].date()} / close on {before.index[-1].date()} - 1", [f"indices:{key}"]))
        # consecutive up days ending on the last day
        diffs = closes[: days[-1]].diff().to_numpy()[::-1]
        streak = 0
        for d in diffs:
            if d > 0:
                streak += 1
            else:
                break
        if streak >= 3:
            b.add(f"index.{key}.up_streak", (f"{lab[0]}连涨天数", f"{lab[1]} consecutive up days"), Decimal(streak), "count",
                  D.count(streak, "个交易日", "trading days"), b.prov("consecutive daily closes above the previous close, ending on the period's last day"))


def _group_flow_exact(ds: Dataset, start: dt.date, end: dt.date, price: str, codes) -> Decimal:
    """Exact flow of `codes` over start..end, kept with the panel's rows (history and episodes ask for the same periods)."""
    rows = _rows(ds)
    codes = tuple(codes)
    key = ("group_flow", start, end, price, codes)
    if key not in rows.memo:
        rows.memo[key] = _sum(period_table(rows, start, end, price, codes=codes)["flow"])
    return rows.memo[key]


def _history_facts(b: _Builder, ds: Dataset, table: pd.DataFrame, cat_flow: dict, group_flows: dict, daily: pd.DataFrame) -> None:
    grid = period_grid(ds.calendar, b.start, b.end)
    key = ("category_series", b.price, grid.kind, grid.length, None if grid.kind == "week" else b.end)
    if key not in ds.cache:
        cats = ds.universe.set_index("code")["category"]
        series = group_series(daily, cats, grid)
        series["__total"] = series.sum(axis=1)
        ds.cache[key] = series
    series = ds.cache[key]
    unit_zh, unit_en = ("周", "weeks") if grid.kind == "week" else ("同长度区间", "windows of the same length")
    first = grid.starts.iloc[0].date()
    b.add("hist.periods", (f"可比{unit_zh}数量（数据起始以来）", f"comparable {unit_en} in the data"), Decimal(int((grid.ends <= pd.Timestamp(b.end)).sum())), "count",
          D.count(int((grid.ends <= pd.Timestamp(b.end)).sum()), "周" if grid.kind == "week" else "个同长度区间", unit_en),
          b.prov(f"periods of the same length ending on or before {b.end}"))
    b.add("hist.first_day", ("历史比较起始日", "start of the history compared"), first.isoformat(), "date", D.date(first), b.prov("first trading day of the data"))
    metrics: dict[str, float] = {}
    for key, col in [("total", "__total")] + [(f"category.{c}", c) for c in cat_flow]:
        if col not in series.columns:
            continue
        st = standing(series[col], grid.current)
        fid = f"flow.{key}"
        lab = b.facts[fid].label
        b.add(f"hist.{key}.rank_out", (f"{lab.zh}：历史净流出排名", f"{lab.en}: rank among outflows"), Decimal(st.rank_out), "count",
              (f"第{st.rank_out}位", f"No. {st.rank_out}"), b.prov(f"1 + number of the {st.periods} comparable periods with a more negative flow", [fid]))
        b.add(f"hist.{key}.rank_in", (f"{lab.zh}：历史净流入排名", f"{lab.en}: rank among inflows"), Decimal(st.rank_in), "count",
              (f"第{st.rank_in}位", f"No. {st.rank_in}"), b.prov(f"1 + number of the {st.periods} comparable periods with a more positive flow", [fid]))
        if key == "category.broad":
            metrics["broad_out_percentile"] = st.percentile_out
            absv = series[col].loc[: grid.current].abs()
            metrics["broad_abs_percentile"] = float((absv < absv.loc[grid.current]).sum()) / len(absv)
            pctl = Decimal(str(round(st.percentile_out, 4)))
            b.add("hist.category.broad.outflow_percentile", ("宽基ETF净流出的历史分位", "broad-based outflow percentile in its history"), pctl, "pct",
                  D.pct(pctl), b.prov("share of comparable periods with a less negative broad flow", ["flow.category.broad"]))
            codes_broad = ds.universe["code"][ds.universe["category"] == "broad"]
            for sign, prev, pid in (("out", st.previous_min, st.previous_min_period), ("in", st.previous_max, st.previous_max_period)):
                if pid is None:
                    continue
                ps, pe = grid.starts[pid].date(), grid.ends[pid].date()
                exact = _group_flow_exact(ds, ps, pe, b.price, codes_broad)
                if (sign == "out" and exact >= 0) or (sign == "in" and exact <= 0):
                    continue
                per = Period(start=ps, end=pe)
                word = ("流出", "outflow") if sign == "out" else ("流入", "inflow")
                b.add_flow(f"hist.category.broad.prev_max_{sign}", (f"此前{word[0]}最多区间的宽基ETF", f"broad-based ETFs in the previous largest-{word[1]} period"), exact,
                           f"the comparable period before this one with the most {'negative' if sign == 'out' else 'positive'} broad flow", [], period=per)
                b.add(f"hist.category.broad.prev_max_{sign}.start", ("该区间起始日", "start of that period"), ps.isoformat(), "date", D.date(ps), b.prov("first day of that period"), period=per)
    _episodes(b, ds, grid, series, metrics)
    b.metrics = metrics
    b.cat_series = series.loc[: grid.current]


def _episodes(b: _Builder, ds: Dataset, grid, series: pd.DataFrame, metrics: dict) -> None:
    """The largest past broad-based outflow and inflow periods, and how the CSI 300 moved after them."""
    if "broad" not in series.columns:
        return
    past = series["broad"].loc[: grid.current - 1]
    codes_broad = ds.universe["code"][ds.universe["category"] == "broad"]
    closes = None
    if not ds.indices.empty and (ds.indices["index"] == "csi300").any():
        closes = ds.indices[ds.indices["index"] == "csi300"].set_index("date")["close"]
    ups, n_after = 0, 0
    if closes is not None:
        b.add("hist.after_days", ("历史区间之后的观察期", "horizon after past episodes"), Decimal(AFTER_DAYS), "count",
              D.count(AFTER_DAYS, "个交易日", "trading days"), b.prov("fixed horizon for index moves after past episodes"))
    for sign, picks in (("out", past.nsmallest(3)), ("in", past.nlargest(3))):
        for k, (pid, val) in enumerate(picks.items(), 1):
            if (sign == "out" and val >= 0) or (sign == "in" and val <= 0):
                continue
            ps, pe = grid.starts[pid].date(), grid.ends[pid].date()
            per = Period(start=ps, end=pe)
            exact = _group_flow_exact(ds, ps, pe, b.price, codes_broad)
            word = ("净流出", "outflow") if sign == "out" else ("净流入", "inflow")
            fid = f"hist.episode.{sign}.{k}"
            b.add_flow(fid, (f"历史第{k}大宽基{word[0]}区间：宽基ETF", f"No. {k} past broad-based {word[1]} period: broad-based ETFs"), exact,
                       f"comparable period with the No. {k} largest broad {word[1]} before this one", [], period=per, tags=["episode"])
            b.add(f"{fid}.start", ("该区间起始日", "start of that period"), ps.isoformat(), "date", D.date(ps), b.prov("first day of that period"), period=per)
            if closes is not None:
                r = forward_return(closes, pd.Timestamp(pe), AFTER_DAYS)
                if r is not None:
                    rv = Decimal(str(round(r, 6)))
                    b.add(f"{fid}.csi300_after", (f"该区间后{AFTER_DAYS}个交易日沪深300涨跌幅", f"CSI 300 change over the {AFTER_DAYS} trading days after that period"),
                          rv, "pct", D.pct(rv, 2, signed=True), b.prov(f"close {AFTER_DAYS} trading days after {pe} / close on {pe} - 1", ["indices:csi300"]), period=per)
                    if sign == "out":
                        n_after += 1
                        ups += r > 0
    metrics["past_up_share"] = ups / n_after if n_after else 0.0


def _rating_facts(b: _Builder, ds: Dataset, table: pd.DataFrame, cat_flow: dict, group_flows: dict) -> None:
    if "broad" not in cat_flow or "sector_theme" not in cat_flow:
        return
    m = dict(b.metrics)
    m["broad_flow"] = float(cat_flow["broad"])
    m["theme_flow"] = float(cat_flow["sector_theme"])
    # rotation percentile: the smaller magnitude of opposite broad/theme weekly flows against history
    series = b.cat_series
    rot = np.where(series["broad"] * series["sector_theme"] < 0, np.minimum(series["broad"].abs(), series["sector_theme"].abs()), 0.0)
    m["rotation_percentile"] = float((rot < rot[-1]).sum()) / len(rot)

    def rate(keys) -> float:
        g = table[table["family"].isin(keys) & (table["category"] == "broad")]
        a0 = float(_sum(g["aum_start"]))
        return float(_sum(g["flow"])) / a0 if a0 else 0.0

    m["small_minus_large_rate"] = rate(SMALL_CAP) - rate(LARGE_CAP)
    rets = [float(f.number) for k, f in b.facts.items() if k.startswith("index.") and k.endswith(".change") and "sse_composite" not in k]
    m["index_return_spread"] = (max(rets) - min(rets)) if rets else 0.0
    chg = b.facts.get("index.csi300.change")
    m["csi300_return"] = float(chg.number) if chg else 0.0
    m["csi300_drawdown"] = 0.0
    if not ds.indices.empty and (ds.indices["index"] == "csi300").any():
        c = ds.indices[ds.indices["index"] == "csi300"].set_index("date")["close"].sort_index()[: pd.Timestamp(b.end)]
        m["csi300_drawdown"] = float(1 - c.iloc[-1] / c.iloc[-60:].max())
    m.setdefault("broad_abs_percentile", 0.0)
    m.setdefault("broad_out_percentile", 0.0)
    m.setdefault("past_up_share", 0.0)
    for rule in RULES:
        stars = rule.stars(m)
        inputs = [f"{name}={m[name]:.4f}" for name in rule.inputs]
        b.add(f"rating.{rule.key}", (f"{rule.label_zh}信号强度", f"{rule.label_en} signal strength"), Decimal(stars), "stars", D.stars(stars),
              Provenance(formula=rule.rule_en, inputs=inputs, dataset=ds.name, dataset_hash=ds.hash, price=b.price, rule=rule.rule_zh), tags=["rating"])
