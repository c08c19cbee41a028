"""Invariants of a fact set, history standings and rating rules."""

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from etfwriter.tools import compute_facts
from etfwriter.tools.history import period_grid, standing
from etfwriter.tools.ratings import RULES, ladder
from etfwriter.tools.synthetic import synthetic_dataset


@pytest.fixture(scope="module")
def facts():
    ds = synthetic_dataset(120, 160, seed=3)
    return compute_facts(ds, dt.date(2024, 7, 1), dt.date(2024, 7, 5)).by_id()


def test_categories_sum_to_total(facts):
    cats = [f for k, f in facts.items() if k.startswith("flow.category.")]
    assert len(cats) >= 5
    assert sum((f.number for f in cats), Decimal(0)) == facts["flow.total"].number


def test_etfs_sum_to_categories_and_families(facts):
    etfs = {k: f for k, f in facts.items() if k.startswith("flow.etf.")}
    broad = sum((f.number for f in etfs.values() if "broad" in f.tags), Decimal(0))
    assert broad == facts["flow.category.broad"].number
    fams = sum((f.number for k, f in facts.items() if k.startswith("flow.family.")), Decimal(0))
    assert fams == facts["flow.category.broad"].number


@pytest.mark.parametrize("price", ["nav", "close", "vwap", "avg_nav"])
def test_every_price_convention_gives_a_fact_set_whose_identities_hold(price):
    from etfwriter.tools import load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2026, 1, 12))
    by = compute_facts(ds, s, e, price).by_id()
    assert by["flow.category.broad"].provenance.price == price
    _aum_identity(by)
    test_categories_sum_to_total(by)


def test_vwap_is_rounded_to_six_places():
    from etfwriter.tools.flows import vwap_price

    assert vwap_price(Decimal("1000"), Decimal("3")) == Decimal("333.333333")
    assert vwap_price(Decimal("2.0000005"), Decimal("1")) == Decimal("2.000001")  # half up


def test_aum_identity(facts):
    _aum_identity(facts)


def _aum_identity(facts):
    for prefix in ["total"] + [k.removeprefix("flow.") for k in facts if k.startswith("flow.category.")]:
        change = facts[f"aum_change.{prefix}"].number
        flow = facts["flow.total" if prefix == "total" else f"flow.{prefix}"].number
        market = facts[f"market_effect.{prefix}"].number
        listing = facts[f"new_listing.{prefix}"].number if f"new_listing.{prefix}" in facts else 0
        divs = facts[f"dividends.{prefix}"].number if f"dividends.{prefix}" in facts else 0
        assert change == flow + market + listing - divs
        assert change == facts[f"aum.{prefix}.end"].number - facts[f"aum.{prefix}.start"].number


def test_every_fact_has_both_languages_and_provenance(facts):
    for f in facts.values():
        assert f.display.zh and f.display.en and f.label.zh and f.label.en
        assert f.provenance.formula and f.provenance.dataset_hash
        if f.unit == "CNY" and f.id.startswith("flow."):
            assert f.direction == ("outflow" if f.number < 0 else "inflow" if f.number > 0 else "none")


def test_counts(facts):
    etfs = [f for k, f in facts.items() if k.startswith("flow.etf.")]
    assert facts["count.etfs_in"].number == sum(1 for f in etfs if f.number > 0)
    assert facts["count.etfs_out"].number == sum(1 for f in etfs if f.number < 0)


def test_standing_ranks_and_previous_extremes():
    values = pd.Series([5.0, -3.0, 2.0, -7.0, -4.0])
    st = standing(values, 4)  # current = -4 among [5, -3, 2, -7, -4]
    assert st.periods == 5
    assert st.rank_out == 2  # only -7 is more negative
    assert st.rank_in == 4  # 5, -3 and 2 are larger
    assert st.percentile_out == pytest.approx(3 / 5)  # 5, -3, 2 are less negative
    assert st.previous_min == -7.0 and st.previous_min_period == 3
    assert st.previous_max == 5.0 and st.previous_max_period == 0
    # no look-ahead: later values are ignored
    assert standing(pd.Series([1.0, -1.0, -100.0]), 1).rank_out == 1


def test_week_grid_groups_calendar_weeks():
    cal = pd.DatetimeIndex(pd.bdate_range("2026-01-05", "2026-01-23"))
    cal = cal.drop(pd.Timestamp("2026-01-14"))  # a holiday inside the middle week
    g = period_grid(cal, dt.date(2026, 1, 12), dt.date(2026, 1, 16))
    assert g.kind == "week" and g.length == 4
    assert g.starts[g.current] == pd.Timestamp("2026-01-12") and g.ends[g.current] == pd.Timestamp("2026-01-16")
    assert len(g.starts) == 3


def test_window_grid_for_custom_periods():
    cal = pd.DatetimeIndex(pd.bdate_range("2026-01-05", "2026-01-23"))  # 15 days
    g = period_grid(cal, dt.date(2026, 1, 15), dt.date(2026, 1, 20))  # 4 trading days across two weeks
    assert g.kind == "window" and g.length == 4
    assert g.ends[g.current] == pd.Timestamp("2026-01-20")
    # windows of 4 ending on 01-20: 01-15..20, 01-09..14, 01-05..08 ; days after 01-20 are not compared
    assert list(g.starts) == [pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-09"), pd.Timestamp("2026-01-15")]


def test_rating_ladder_and_rules():
    assert ladder(0.0, (0.5, 0.8, 0.95, 0.99)) == 1
    assert ladder(0.85, (0.5, 0.8, 0.95, 0.99)) == 3
    assert ladder(0.995, (0.5, 0.8, 0.95, 0.99)) == 5
    rules = {r.key: r for r in RULES}
    assert rules["sector_rotation"].stars({"broad_flow": -1, "theme_flow": 1, "rotation_percentile": 0.96}) == 4
    assert rules["sector_rotation"].stars({"broad_flow": -1, "theme_flow": -1, "rotation_percentile": 1.0}) == 1
    bottom = {"broad_flow": -5.0, "broad_out_percentile": 0.97, "csi300_return": -0.01, "csi300_drawdown": 0.02, "past_up_share": 0.7}
    assert rules["bottom_signal"].stars(bottom) == 4  # 1 + outflow + fell + (no drawdown) + past up share
    assert rules["small_cap"].stars({"small_minus_large_rate": 0.006}) == 3


def test_rating_facts_carry_rule_and_inputs(facts):
    ratings = [f for k, f in facts.items() if k.startswith("rating.")]
    assert len(ratings) == 5
    for f in ratings:
        assert 1 <= f.number <= 5 and f.unit == "stars"
        assert f.provenance.rule and f.provenance.inputs
        assert f.display.zh.count("★") == f.number


@pytest.mark.parametrize("start,end", [("2024-01-04", "2024-01-10"), ("2024-03-07", "2024-03-13"), ("2024-01-03", "2024-01-09")])
def test_custom_periods_across_weeks_compare_only_complete_windows(start, end):
    ds = synthetic_dataset(40, 60, seed=5)
    fs = compute_facts(ds, dt.date.fromisoformat(start), dt.date.fromisoformat(end)).by_id()
    periods = int(fs["hist.periods"].number)
    assert 1 <= int(fs["hist.category.broad.rank_out"].number) <= periods
    assert "window" in fs["hist.periods"].display.en
