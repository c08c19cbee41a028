"""The bundled seed reproduces the published figures it was calibrated to (within 1%, or the hedge).

Targets are published figures (Wind via broker weeklies, 2026-01-19; Bloomberg; the article the
product is modelled on). Values in 亿元 (1e8 yuan); negative = net outflow.
"""

import datetime as dt
from decimal import Decimal

import pytest

from etfwriter.tools import compute_facts, load_seed
from etfwriter.tools.flows import period_table

YI = Decimal(10) ** 8
W0112 = (dt.date(2026, 1, 12), dt.date(2026, 1, 16))
W0119 = (dt.date(2026, 1, 19), dt.date(2026, 1, 23))


@pytest.fixture(scope="module")
def seed():
    return load_seed()


@pytest.fixture(scope="module")
def week(seed):
    return compute_facts(seed, *W0112).by_id()


@pytest.fixture(scope="module")
def next_week(seed):
    return compute_facts(seed, *W0119).by_id()


def yi(fact):
    return fact.number / YI


def within(value, target, rel=Decimal("0.01")):
    return abs(value - Decimal(target)) <= abs(Decimal(target)) * rel


@pytest.mark.parametrize("fact_id,target", [
    ("flow.category.broad", "-2126.17"),
    ("flow.family.csi300", "-1033.81"),
    ("flow.etf.510300", "-475.15"),
    ("flow.category.sector_theme", "693"),
    ("flow.stock_plus_cross_border", "-1208.4"),
    ("flow.total", "-1571.98"),
    ("flow.group.top10_broad_out", "-1508.5"),
])
def test_week_of_2026_01_12_within_one_percent(week, fact_id, target):
    assert within(yi(week[fact_id]), target), (fact_id, yi(week[fact_id]))


def test_week_ratios_match_the_published_ones(week):
    assert within(week["ratio.broad_out_to_theme_in"].number, "3.07")
    assert within(week["share.family.csi300.of_broad"].number * 100, "48.6")
    assert within(week["share.etf.510300.of_broad"].number * 100, "22.3")


@pytest.mark.parametrize("theme,floor", [("software", 30), ("satellite", 25), ("nonferrous", 20), ("ai", 10)])
def test_theme_inflows_over(week, theme, floor):
    assert yi(week[f"flow.theme.{theme}"]) > floor


def test_grid_about_seven(week):
    assert abs(yi(week["flow.theme.grid"]) - 7) <= Decimal("0.35")


def test_csi2000_only_broad_family_with_inflow(week):
    fams = {k: f for k, f in week.items() if k.startswith("flow.family.")}
    inflows = [k for k, f in fams.items() if f.number > 0]
    assert inflows == ["flow.family.csi2000"]


def test_510300_record_day(seed):
    t = period_table(seed.panel, dt.date(2026, 1, 15), dt.date(2026, 1, 15), codes=["510300"])
    assert within(t["flow"].iloc[0] / YI, "-202")


def test_week_is_the_largest_broad_outflow_so_far(week):
    assert week["hist.category.broad.rank_out"].number == 1


@pytest.mark.parametrize("fact_id,target", [
    ("flow.category.broad", "-3330.57"),
    ("flow.family.csi300", "-2373.36"),
    ("flow.family.csi1000", "-785.14"),
    ("flow.family.sse50", "-361.49"),
])
def test_following_week(next_week, fact_id, target):
    assert within(yi(next_week[fact_id]), target), (fact_id, yi(next_week[fact_id]))


@pytest.mark.parametrize("code,day,target", [
    ("510300", "2025-12-26", "4270.67"),
    ("510310", "2025-12-26", "3029.96"),
    ("510330", "2025-12-26", "2302.9"),
    ("159919", "2025-12-26", "1976.90"),
])
def test_fund_sizes(seed, code, day, target):
    d = dt.date.fromisoformat(day)
    t = period_table(seed.panel, d, d, codes=[code])
    assert within(t["aum_end"].iloc[0] / YI, target)


def test_sept_2024_rally_510300(seed):
    t = period_table(seed.panel, dt.date(2024, 9, 24), dt.date(2024, 10, 10), codes=["510300", "159915", "512100"]).set_index("code")
    assert within(t.loc["510300", "flow"] / YI, "435", Decimal("0.05"))
    assert within(t.loc["159915", "flow"] / YI, "366", Decimal("0.05"))
    assert within(t.loc["512100", "flow"] / YI, "191", Decimal("0.05"))


def test_index_anchor(seed):
    fs = compute_facts(seed, dt.date(2026, 1, 12), dt.date(2026, 1, 12)).by_id()
    assert fs["index.sse_composite.close"].number == Decimal("4165.29")
    assert fs["index.sse_composite.up_streak"].number == 17
