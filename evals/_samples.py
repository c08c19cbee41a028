"""Two clean sample articles (zh, en) about the week 2026-01-12..16, their fact set, and the numbers
in them annotated by hand (value in base units, unit, direction, hedge, precision, fact reference).

Every figure below was written by hand from the week's published flows (Wind via broker weeklies:
broad-based ETFs -2126.17亿, CSI-300-linked ETFs -1033.81亿, all ETFs -1571.98亿) and figures
derived from them; ratios were worked out from those values. They serve as fixtures for the
checker's tests and as the default input of `benchmarks/bench_eval.py`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from etfwriter.tools.facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance

from .mentions import Mention

__all__ = ["sample_facts", "ARTICLE_ZH", "ARTICLE_EN", "gold_zh", "gold_en", "REF_DATE"]

REF_DATE = dt.date(2026, 1, 17)
WEEK = Period(start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 16))


def _fact(fid: str, value, unit: str, zh: str, en: str, *, direction: str = "none", must_say: bool = False,
          points_change: bool = False, period: Period = WEEK) -> Fact:
    return Fact(id=fid, label=Bilingual(zh=fid, en=fid), value=value, unit=unit, direction=direction, period=period,
                display=Bilingual(zh=zh, en=en), provenance=Provenance(formula="sample"), must_say=must_say,
                points_change=points_change)


def _flow(fid: str, yuan: str, zh: str, en: str, **kw) -> Fact:
    v = D(yuan)
    return _fact(fid, v, "CNY", zh, en, direction="outflow" if v < 0 else "inflow", **kw)


def sample_facts() -> FactSet:
    """The fact set of the sample week (values in base units)."""
    day14 = Period(start=dt.date(2026, 1, 14), end=dt.date(2026, 1, 14))
    ep = Period(start=dt.date(2025, 4, 7), end=dt.date(2025, 4, 11))
    facts = [
        _fact("period.start", "2026-01-12", "date", "2026年1月12日", "January 12, 2026"),
        _fact("period.end", "2026-01-16", "date", "2026年1月16日", "January 16, 2026"),
        _fact("count.trading_days", D(5), "count", "5个交易日", "5 trading days"),
        _flow("flow.total", "-157198000000", "净流出1571.98亿元", "net outflow of RMB 157.20 billion", must_say=True),
        _flow("flow.category.broad", "-212617000000", "净流出2126.17亿元", "net outflow of RMB 212.62 billion", must_say=True),
        _flow("flow.category.sector_theme", "69342000000", "净流入693.42亿元", "net inflow of RMB 69.34 billion", must_say=True),
        _flow("flow.category.cross_border", "10420000000", "净流入104.20亿元", "net inflow of RMB 10.42 billion"),
        _flow("flow.family.csi300", "-103381000000", "净流出1033.81亿元", "net outflow of RMB 103.38 billion"),
        _flow("flow.family.csi2000", "1268000000", "净流入12.68亿元", "net inflow of RMB 1.27 billion"),
        _flow("flow.etf.510300", "-47515000000", "净流出475.15亿元", "net outflow of RMB 47.52 billion"),
        _flow("flow.group.top10_broad_out", "-150850000000", "净流出1508.50亿元", "net outflow of RMB 150.85 billion"),
        _flow("flow.theme.software", "3126000000", "净流入31.26亿元", "net inflow of RMB 3.13 billion"),
        _flow("flow.theme.satellite", "2613000000", "净流入26.13亿元", "net inflow of RMB 2.61 billion"),
        _flow("flow.theme.nonferrous", "2147000000", "净流入21.47亿元", "net inflow of RMB 2.15 billion"),
        _flow("flow.theme.ai", "1085000000", "净流入10.85亿元", "net inflow of RMB 1.09 billion"),
        _flow("flow.theme.grid", "684000000", "净流入6.84亿元", "net inflow of RMB 684.00 million"),
        _flow("flow.etf_day.max_out", "-20188000000", "净流出201.88亿元", "net outflow of RMB 20.19 billion", period=day14),
        _fact("flow.etf_day.max_out.date", "2026-01-14", "date", "2026年1月14日", "January 14, 2026", period=day14),
        # 1033.81 / 2126.17, 475.15 / 2126.17, 1508.50 / 2126.17, 2126.17 / 693.42 (to 6 places)
        _fact("share.family.csi300.of_broad", D("0.486231"), "pct", "48.6%", "48.6%", must_say=True),
        _fact("share.etf.510300.of_broad", D("0.223477"), "pct", "22.3%", "22.3%", must_say=True),
        _fact("share.top10_of_broad", D("0.709492"), "pct", "70.9%", "70.9%"),
        _fact("ratio.broad_out_to_theme_in", D("3.066237"), "ratio", "3.07倍", "3.07 times", must_say=True),
        _fact("shares_change.etf.510300", D("-10352000000"), "shares", "-103.52亿份", "-10.35 billion units",
              direction="outflow"),
        _fact("aum.etf.510300.end", D("427067000000"), "CNY", "4270.67亿元", "RMB 427.07 billion"),
        _fact("index.csi300.close", D("4720.35"), "points", "4720.35点", "4,720.35 points",
              period=Period(start=dt.date(2026, 1, 16), end=dt.date(2026, 1, 16))),
        _fact("index.csi300.change", D("-0.012318"), "pct", "-1.23%", "-1.23%"),
        _fact("index.csi2000.change", D("0.024106"), "pct", "+2.41%", "+2.41%"),
        _fact("share.sector_theme_of_total_aum.change", D("0.008"), "pct", "0.8个百分点", "0.8 percentage points",
              points_change=True),
        _fact("hist.category.broad.outflow_percentile", D("0.998"), "pct", "99.8%", "99.8%"),
        _flow("hist.episode.out.1", "-80312000000", "净流出803.12亿元", "net outflow of RMB 80.31 billion", period=ep),
        _fact("hist.episode.out.1.start", "2025-04-07", "date", "2025年4月7日", "April 7, 2025", period=ep),
        _fact("count.etfs_out", D(186), "count", "186只", "186 ETFs", direction="outflow"),
        _fact("count.etfs_in", D(142), "count", "142只", "142 ETFs", direction="inflow"),
        _fact("rating.risk_appetite", D(4), "stars", "★★★★☆", "★★★★☆"),
        _fact("rating.rotation", D(5), "stars", "★★★★★", "★★★★★"),
        _fact("rating.small_cap", D(3), "stars", "★★★☆☆", "★★★☆☆"),
    ]
    info = DatasetInfo(name="sample", hash="0" * 12, price_convention="nav", etfs=328, rows=1640)
    return FactSet(period=WEEK, dataset=info, facts=facts)


ARTICLE_ZH = """\
# ETF资金周报：宽基ETF大额净流出

统计区间为2026年1月12日至2026年1月16日，共5个交易日[^count.trading_days]。本周全部ETF净流出1571.98亿元[^flow.total]，其中宽基ETF净流出2126.17亿元[^flow.category.broad]，行业主题ETF逆势净流入693.42亿元[^flow.category.sector_theme]。

| 资金类别 | 净流入（亿元） | 特征 |
|---|---:|---|
| 宽基ETF | -2126.17[^flow.category.broad] | 大规模撤离 |
| 行业主题ETF | +693.42[^flow.category.sector_theme] | 逆势流入 |
| 跨境ETF | +104.20[^flow.category.cross_border] | 小幅流入 |
| 沪深300相关ETF | -1033.81[^flow.family.csi300] | 主力撤离 |
| 华泰柏瑞沪深300ETF | -475.15[^flow.etf.510300] | 单只最大流出 |
| 头部宽基ETF合计 | -1508.50[^flow.group.top10_broad_out] | 集中撤离 |

关键指标：宽基ETF净流出与行业主题ETF净流入之比为3.07倍[^ratio.broad_out_to_theme_in]；沪深300相关ETF占宽基ETF净流出的48.6%[^share.family.csi300.of_broad]，华泰柏瑞沪深300ETF单只占22.3%[^share.etf.510300.of_broad]，头部宽基ETF合计占70.9%[^share.top10_of_broad]。

## 大盘蓝筹减持（信号强度：★★★★☆[^rating.risk_appetite]）

华泰柏瑞沪深300ETF本周份额变动-103.52亿份[^shares_change.etf.510300]，期末规模4270.67亿元[^aum.etf.510300.end]。2026年1月14日[^flow.etf_day.max_out.date]该基金单日净流出201.88亿元[^flow.etf_day.max_out]。沪深300指数收于4720.35点[^index.csi300.close]，本周涨跌幅-1.23%[^index.csi300.change]。

## 结构性调仓（信号强度：★★★★★[^rating.rotation]）

软件ETF净流入超30亿元[^flow.theme.software]，卫星ETF净流入超25亿元[^flow.theme.satellite]，有色金属ETF净流入超20亿元[^flow.theme.nonferrous]，人工智能ETF净流入超10亿元[^flow.theme.ai]，电网设备ETF净流入近7亿元[^flow.theme.grid]。行业主题ETF占全部ETF规模的比重上升0.8个百分点[^share.sector_theme_of_total_aum.change]。

## 小盘偏好（信号强度：★★★☆☆[^rating.small_cap]）

中证2000相关ETF净流入12.68亿元[^flow.family.csi2000]，中证2000指数本周涨跌幅+2.41%[^index.csi2000.change]。全市场186只[^count.etfs_out]ETF净流出，142只[^count.etfs_in]ETF净流入。

## 历史比较

本周宽基ETF净流出处于历史99.8%[^hist.category.broad.outflow_percentile]分位。此前最大的一次发生在2025年4月7日[^hist.episode.out.1.start]当周，宽基ETF净流出803.12亿元[^hist.episode.out.1]。
"""

ARTICLE_EN = """\
# ETF flows: a large outflow from broad-based ETFs

The period runs from January 12, 2026 to January 16, 2026, 5 trading days[^count.trading_days]. All ETFs saw a net outflow of RMB 157.20 billion[^flow.total]; broad-based ETFs had a net outflow of RMB 212.62 billion[^flow.category.broad], while sector and theme ETFs took in a net inflow of RMB 69.34 billion[^flow.category.sector_theme].

| Category | Net flow (RMB billion) | Note |
|---|---:|---|
| Broad-based ETFs | -212.62[^flow.category.broad] | Large withdrawal |
| Sector/theme ETFs | +69.34[^flow.category.sector_theme] | Counter-trend inflow |
| CSI 300 ETFs | -103.38[^flow.family.csi300] | Main withdrawal |

Key ratios: the broad-based outflow was 3.07 times[^ratio.broad_out_to_theme_in] the sector and theme inflow. CSI 300 ETFs made up 48.6%[^share.family.csi300.of_broad] of the broad-based outflow and the Huatai-PineBridge CSI 300 ETF alone 22.3%[^share.etf.510300.of_broad].

## Large caps trimmed (signal strength ★★★★☆[^rating.risk_appetite])

Units outstanding of the Huatai-PineBridge CSI 300 ETF changed by -10.35 billion units[^shares_change.etf.510300], leaving assets of RMB 427.07 billion[^aum.etf.510300.end]. On January 14, 2026[^flow.etf_day.max_out.date] the fund had a net outflow of RMB 20.19 billion[^flow.etf_day.max_out]. The CSI 300 closed at 4,720.35 points[^index.csi300.close], a change of -1.23%[^index.csi300.change] on the week.

## Rotation (signal strength ★★★★★[^rating.rotation])

Software ETFs had a net inflow of over RMB 3 billion[^flow.theme.software], satellite ETFs over RMB 2.5 billion[^flow.theme.satellite] and power-grid ETFs nearly RMB 700 million[^flow.theme.grid]. The share of sector and theme ETFs in total ETF assets rose by 0.8 percentage points[^share.sector_theme_of_total_aum.change].

## History

The broad-based outflow sits at the 99.8%[^hist.category.broad.outflow_percentile] percentile of its history. The previous largest came in the week of April 7, 2025[^hist.episode.out.1.start], a net outflow of RMB 80.31 billion[^hist.episode.out.1].
"""


def _annotate(article: str, rows: list[tuple]) -> list[Mention]:
    """Turn (span text, value, unit, options) rows into mentions, finding each span in order."""
    out: list[Mention] = []
    pos = 0
    for row in rows:
        snippet, value, unit = row[0], row[1], row[2]
        opts = row[3] if len(row) > 3 else {}
        start = article.index(snippet, pos)
        end = start + len(snippet)
        pos = end
        tail = article[end:]
        ref = None
        if tail.startswith("[^"):
            ref = tail[2:tail.index("]")]
        out.append(Mention(
            text=snippet, start=start, end=end, line=article.count("\n", 0, start) + 1,
            value=D(value) if unit != "date" else value, unit=unit, fact_ref=ref,
            precision=D(opts["precision"]) if "precision" in opts else None,
            direction=opts.get("direction", "none"), hedge=opts.get("hedge", "none"),
            points_change=opts.get("points", False),
        ))
    return out


_OUT = {"direction": "outflow"}
_IN = {"direction": "inflow"}


def gold_zh() -> list[Mention]:
    """The numbers of ARTICLE_ZH, annotated by hand."""
    return _annotate(ARTICLE_ZH, [
        ("2026年1月12日", "2026-01-12", "date"),
        ("2026年1月16日", "2026-01-16", "date"),
        ("5个交易日", "5", "count", {"precision": "1"}),
        ("净流出1571.98亿元", "157198000000", "CNY", {"precision": "1000000", **_OUT}),
        ("净流出2126.17亿元", "212617000000", "CNY", {"precision": "1000000", **_OUT}),
        ("净流入693.42亿元", "69342000000", "CNY", {"precision": "1000000", **_IN}),
        ("-2126.17", "-212617000000", "CNY", {"precision": "1000000", **_OUT}),
        ("+693.42", "69342000000", "CNY", {"precision": "1000000", **_IN}),
        ("+104.20", "10420000000", "CNY", {"precision": "1000000", **_IN}),
        ("-1033.81", "-103381000000", "CNY", {"precision": "1000000", **_OUT}),
        ("-475.15", "-47515000000", "CNY", {"precision": "1000000", **_OUT}),
        ("-1508.50", "-150850000000", "CNY", {"precision": "1000000", **_OUT}),
        ("3.07倍", "3.07", "ratio", {"precision": "0.01"}),
        ("48.6%", "0.486", "pct", {"precision": "0.001"}),
        ("22.3%", "0.223", "pct", {"precision": "0.001"}),
        ("70.9%", "0.709", "pct", {"precision": "0.001"}),
        ("★★★★☆", "4", "stars", {"precision": "1"}),
        ("-103.52亿份", "-10352000000", "shares", {"precision": "1000000", **_OUT}),
        ("4270.67亿元", "427067000000", "CNY", {"precision": "1000000"}),
        ("2026年1月14日", "2026-01-14", "date"),
        ("净流出201.88亿元", "20188000000", "CNY", {"precision": "1000000", **_OUT}),
        ("4720.35点", "4720.35", "points", {"precision": "0.01"}),
        ("-1.23%", "-0.0123", "pct", {"precision": "0.0001"}),
        ("★★★★★", "5", "stars", {"precision": "1"}),
        ("净流入超30亿元", "3000000000", "CNY", {"precision": "100000000", "hedge": "over", **_IN}),
        ("净流入超25亿元", "2500000000", "CNY", {"precision": "100000000", "hedge": "over", **_IN}),
        ("净流入超20亿元", "2000000000", "CNY", {"precision": "100000000", "hedge": "over", **_IN}),
        ("净流入超10亿元", "1000000000", "CNY", {"precision": "100000000", "hedge": "over", **_IN}),
        ("净流入近7亿元", "700000000", "CNY", {"precision": "100000000", "hedge": "nearly", **_IN}),
        ("0.8个百分点", "0.008", "pct", {"precision": "0.001", "points": True}),
        ("★★★☆☆", "3", "stars", {"precision": "1"}),
        ("净流入12.68亿元", "1268000000", "CNY", {"precision": "1000000", **_IN}),
        ("+2.41%", "0.0241", "pct", {"precision": "0.0001"}),
        ("186只", "186", "count", {"precision": "1"}),
        ("142只", "142", "count", {"precision": "1"}),
        ("99.8%", "0.998", "pct", {"precision": "0.001"}),
        ("2025年4月7日", "2025-04-07", "date"),
        ("净流出803.12亿元", "80312000000", "CNY", {"precision": "1000000", **_OUT}),
    ])


def gold_en() -> list[Mention]:
    """The numbers of ARTICLE_EN, annotated by hand."""
    return _annotate(ARTICLE_EN, [
        ("January 12, 2026", "2026-01-12", "date"),
        ("January 16, 2026", "2026-01-16", "date"),
        ("5 trading days", "5", "count", {"precision": "1"}),
        ("net outflow of RMB 157.20 billion", "157200000000", "CNY", {"precision": "10000000", **_OUT}),
        ("net outflow of RMB 212.62 billion", "212620000000", "CNY", {"precision": "10000000", **_OUT}),
        ("net inflow of RMB 69.34 billion", "69340000000", "CNY", {"precision": "10000000", **_IN}),
        ("-212.62", "-212620000000", "CNY", {"precision": "10000000", **_OUT}),
        ("+69.34", "69340000000", "CNY", {"precision": "10000000", **_IN}),
        ("-103.38", "-103380000000", "CNY", {"precision": "10000000", **_OUT}),
        ("3.07 times", "3.07", "ratio", {"precision": "0.01"}),
        ("48.6%", "0.486", "pct", {"precision": "0.001"}),
        ("22.3%", "0.223", "pct", {"precision": "0.001"}),
        ("★★★★☆", "4", "stars", {"precision": "1"}),
        ("-10.35 billion units", "-10350000000", "shares", {"precision": "10000000", **_OUT}),
        ("RMB 427.07 billion", "427070000000", "CNY", {"precision": "10000000"}),
        ("January 14, 2026", "2026-01-14", "date"),
        ("net outflow of RMB 20.19 billion", "20190000000", "CNY", {"precision": "10000000", **_OUT}),
        ("4,720.35 points", "4720.35", "points", {"precision": "0.01"}),
        ("-1.23%", "-0.0123", "pct", {"precision": "0.0001"}),
        ("★★★★★", "5", "stars", {"precision": "1"}),
        ("net inflow of over RMB 3 billion", "3000000000", "CNY", {"precision": "1000000000", "hedge": "over", **_IN}),
        ("over RMB 2.5 billion", "2500000000", "CNY", {"precision": "100000000", "hedge": "over"}),
        ("nearly RMB 700 million", "700000000", "CNY", {"precision": "1000000", "hedge": "nearly"}),
        ("0.8 percentage points", "0.008", "pct", {"precision": "0.001", "points": True}),
        ("99.8%", "0.998", "pct", {"precision": "0.001"}),
        ("April 7, 2025", "2025-04-07", "date"),
        ("net outflow of RMB 80.31 billion", "80310000000", "CNY", {"precision": "10000000", **_OUT}),
    ])
