"""Flow calculations on hand-made data; expected values are worked out by hand in each test."""

import datetime as dt
from decimal import Decimal

import pytest

from etfwriter.tools import CalculationError, load_dataset, period_table
from etfwriter.tools.flows import daily_flows

D = Decimal
MON, TUE, WED, THU, FRI = (dt.date(2026, 1, d) for d in (5, 6, 7, 8, 9))


def rows_basic():
    # 510300: shares 100 -> 110 -> 105 -> 105 -> 120 (in units), nav 4.0, 4.1, 4.0, 3.9, 4.2
    return [
        "2026-01-05,510300,100,4.0,4.01,400,100,,",
        "2026-01-05,159852,50,1.0,1.0,10,10,,",
        "2026-01-06,510300,110,4.1,4.12,824,200,,",
        "2026-01-06,159852,60,1.2,1.21,121,100,,",
        "2026-01-07,510300,105,4.0,3.98,398,100,,",
        "2026-01-07,159852,60,1.1,1.1,11,10,,",
        "2026-01-08,510300,105,3.9,3.90,390,100,,",
        "2026-01-08,159852,80,1.3,1.31,131,100,,",
        "2026-01-09,510300,120,4.2,4.21,842,200,,",
        "2026-01-09,159852,70,1.25,1.26,126,100,,",
    ]


def test_nav_convention_sums_daily_flows(make_data):
    ds = load_dataset(make_data(rows_basic()))
    t = period_table(ds.panel, TUE, FRI, "nav").set_index("code")
    # 510300: 10*4.1 - 5*4.0 + 0*3.9 + 15*4.2 = 41 - 20 + 0 + 63 = 84
    assert t.loc["510300", "flow"] == D("84.0")
    # 159852: 10*1.2 + 0 + 20*1.3 - 10*1.25 = 12 + 26 - 12.5 = 25.5
    assert t.loc["159852", "flow"] == D("25.5")
    # Monday alone: the first row of a fund has no previous day, so no flow
    m = period_table(ds.panel, MON, MON, "nav").set_index("code")
    assert m.loc["510300", "flow"] == 0


def test_other_price_conventions(make_data):
    ds = load_dataset(make_data(rows_basic()))
    close = period_table(ds.panel, TUE, FRI, "close").set_index("code")
    # 10*4.12 - 5*3.98 + 15*4.21 = 41.2 - 19.9 + 63.15 = 84.45
    assert close.loc["510300", "flow"] == D("84.45")
    vwap = period_table(ds.panel, TUE, FRI, "vwap").set_index("code")
    # vwap = amount/volume: 824/200=4.12, 398/100=3.98, 842/200=4.21 -> same as close here
    assert vwap.loc["510300", "flow"] == D("84.45")
    avg = period_table(ds.panel, TUE, FRI, "avg_nav").set_index("code")
    # 10*(4.1+4.0)/2 - 5*(4.0+4.1)/2 + 15*(4.2+3.9)/2 = 40.5 - 20.25 + 60.75 = 81.0
    assert avg.loc["510300", "flow"] == D("81.0")


def test_float_path_agrees_with_exact_path(make_data):
    ds = load_dataset(make_data(rows_basic()))
    for price in ("nav", "close", "vwap", "avg_nav"):
        daily = daily_flows(ds.panel, price)
        d = daily[daily["date"] >= "2026-01-06"].groupby("code")["flow"].sum()
        exact = period_table(ds.panel, TUE, FRI, price).set_index("code")["flow"]
        for code in exact.index:
            assert d[code] == pytest.approx(float(exact[code]), rel=1e-12)


def test_split_day_is_adjusted(make_data):
    rows = [
        "2026-01-05,510310,1000,2.0,2.0,200,100,,",
        # consolidation 0.5: 1000 old units -> 500 new; 10 new units created on the day at nav 4.1
        "2026-01-06,510310,510,4.1,4.1,410,100,0.5,",
        "2026-01-07,510310,500,4.0,4.0,400,100,,",
    ]
    ds = load_dataset(make_data(rows))
    t = period_table(ds.panel, TUE, WED, "nav").set_index("code")
    # (510 - 1000*0.5)*4.1 + (500 - 510)*4.0 = 41 - 40 = 1
    assert t.loc["510310", "flow"] == D("1.0")
    assert t.loc["510310", "delta_shares"] == D("0.0")


def test_dividend_lowers_aum_not_flow_and_identity_holds(make_data):
    rows = [
        "2026-01-05,510300,100,4.0,4.0,400,100,,",
        "2026-01-06,510300,100,3.9,3.9,390,100,,0.088",
        "2026-01-07,510300,110,3.95,3.95,395,100,,",
    ]
    ds = load_dataset(make_data(rows))
    t = period_table(ds.panel, TUE, WED, "nav").set_index("code").loc["510300"]
    assert t["flow"] == D("39.5")  # 0 on the ex-date, 10 * 3.95 the next day
    assert t["dividends_paid"] == D("8.8")  # 100 units x 0.088
    assert t["aum_start"] == D("400.0") and t["aum_end"] == D("434.5")
    # AUM change 34.5 = flow 39.5 + market effect + 0 new listings - dividends 8.8 -> market = 3.8
    assert t["market_effect"] == D("3.8")
    # with nav: market effect = S(t-1) x (nav(t) + dividend - nav(t-1)) summed = 100*(3.9+0.088-4.0) + 100*(3.95-3.9)
    assert t["market_effect"] == D(100) * (D("3.9") + D("0.088") - D("4.0")) + D(100) * (D("3.95") - D("3.9"))


def test_fund_listed_mid_period_is_a_new_listing(make_data):
    rows = [
        "2026-01-05,510300,100,4.0,4.0,400,100,,",
        "2026-01-06,510300,100,4.0,4.0,400,100,,",
        "2026-01-06,563300,1000,1.0,1.0,100,100,,",
        "2026-01-07,510300,100,4.0,4.0,400,100,,",
        "2026-01-07,563300,1200,1.1,1.1,110,100,,",
    ]
    ds = load_dataset(make_data(rows))
    t = period_table(ds.panel, MON, WED, "nav").set_index("code").loc["563300"]
    assert t["flow"] == D("220.0")  # only the second day counts: 200 x 1.1
    assert t["new_listing"] == D("1000.0")
    assert t["aum_start"] == 0 and t["aum_end"] == D("1320.0")
    assert t["market_effect"] == D("1320.0") - D("220.0") - D("1000.0")


def test_vwap_with_zero_volume_on_a_units_change_raises(make_data):
    rows = [
        "2026-01-05,510300,100,4.0,4.0,400,100,,",
        "2026-01-06,510300,110,4.0,4.0,0,0,,",
    ]
    ds = load_dataset(make_data(rows))
    with pytest.raises(CalculationError, match="510300"):
        period_table(ds.panel, TUE, TUE, "vwap")
    with pytest.raises(CalculationError, match="volume is 0"):
        daily_flows(ds.panel, "vwap")


def _frames_equal(a, b) -> bool:
    """Same columns, same rows, same values, and the same Decimal representations (facts print them)."""
    return list(a.columns) == list(b.columns) and a.astype(str).values.tolist() == b.astype(str).values.tolist()


def test_panel_rows_give_the_same_tables_as_the_panel(make_data):
    from etfwriter.tools.flows import PanelRows

    ds = load_dataset(make_data(rows_basic()))
    rows = PanelRows(ds.panel)
    for price in ("nav", "close", "vwap", "avg_nav"):
        for start, end in ((MON, FRI), (TUE, FRI), (WED, WED)):
            assert _frames_equal(period_table(rows, start, end, price), period_table(ds.panel, start, end, price))
    # `codes` keeps only those funds, matched as text; unknown codes match nothing
    t = period_table(rows, TUE, FRI, "nav", codes=["159852", "999999"])
    assert t["code"].tolist() == ["159852"] and t["flow"].iloc[0] == D("25.5")
    with pytest.raises(CalculationError, match="no trading data"):
        period_table(rows, TUE, FRI, "nav", codes=[159852])  # an int is not the code '159852'


def test_period_table_accepts_a_plain_panel_without_categorical_codes(make_data):
    ds = load_dataset(make_data(rows_basic()))
    plain = ds.panel.copy()
    plain["code"] = plain["code"].astype(str).astype(object)
    assert _frames_equal(period_table(plain, TUE, FRI, "nav", codes=["510300"]),
                         period_table(ds.panel, TUE, FRI, "nav", codes=["510300"]))
    assert period_table(plain, TUE, FRI, "nav").set_index("code").loc["159852", "flow"] == D("25.5")


def test_a_row_error_names_the_fund_and_the_day(make_data):
    rows = rows_basic()
    rows[4] = "2026-01-07,510300,105,4.0,3.98,398,0,,"  # a units change on a day with no volume
    ds = load_dataset(make_data(rows))
    with pytest.raises(CalculationError, match="510300 on 2026-01-07"):
        period_table(ds.panel, TUE, FRI, "vwap")


def test_facts_are_the_same_when_computed_again_from_the_cached_rows(make_data):
    import dataclasses

    from etfwriter.tools import compute_facts

    ds = load_dataset(make_data(rows_basic()))
    first = compute_facts(ds, TUE, FRI).model_dump_json()
    assert compute_facts(ds, TUE, FRI).model_dump_json() == first
    # another panel on a dataset sharing the cache: the cached rows are not reused for it
    panel = ds.panel.copy()
    panel.loc[(panel["code"] == "510300") & (panel["date"] == "2026-01-09"), "shares"] = 130
    other = dataclasses.replace(ds, panel=panel)
    assert other.cache is ds.cache
    flow = compute_facts(other, TUE, FRI).by_id()["flow.etf.510300"].number
    assert flow == D("126.0")  # 84 + 10 more units x 4.2
