"""`data fetch` on recorded akshare answers: no network, no real sleeping.

The fixtures in tests/fixtures/akshare/ are small hand-written DataFrames in akshare's column
layouts (see the README there). Calendar: base day 2025-12-29, trading days 12-30, 12-31, 01-05,
01-06, 01-07; 2026-01-01 (SSE raises KeyError) and 2026-01-02 (SSE returns an empty table) are
holidays. 510310 doubles its units on 01-05 while its NAV halves (a split); 513180 and 159919 are
not in the fixture universe (new codes). SZSE units are dated one trading day late.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from etfwriter import cli_data
from etfwriter.tools import DataError, compute_facts, load_dataset
from etfwriter.tools import live
from etfwriter.tools.live import FetchCache, FetchError, LiveDataError, RetryPolicy, fetch_akshare, write_dataset

FIX = Path(__file__).parent / "fixtures" / "akshare"
START, END = dt.date(2025, 12, 30), dt.date(2026, 1, 7)
NOW = dt.datetime(2026, 3, 2, 9, 0)
D = Decimal

# Hand-computed flows, trading days 12-30 .. 01-07, price = that day's NAV (units x yuan):
FLOWS = {
    # 510300: +2e8x4.71 - 1e8x4.73 - 3e8x4.80 + 0 + 5e8x4.79 = 942e6 - 473e6 - 1440e6 + 2395e6
    "510300": D("1424000000"),
    # 510310: +1e8x4.81 - 1e8x4.83 + (split day: 64e9 - 32e9 x 2 = 0) + 2e8x2.43 - 1e8x2.41
    "510310": D("243000000"),
    # 513180: +4e8x0.705 + 0 + 6e8x0.72 - 2e8x0.715 + 3e8x0.718
    "513180": D("786400000"),
    # 159852 (SZSE value dated D = units at the end of the trading day before D):
    # units 6.0e9, 6.1e9, 6.3e9, 6.3e9, 7.0e9, 6.9e9 -> +1e8x1.06 + 2e8x1.08 + 0 + 7e8x1.12 - 1e8x1.11
    "159852": D("995000000"),
    # 159919: units 40.0e9, 39.9e9, 39.6e9, 39.6e9, 39.8e9, 39.7e9 -> -1e8x4.91 - 3e8x4.93 + 0 + 2e8x5.02 - 1e8x4.99
    "159919": D("-1465000000"),
}


class FakeAkshare:
    """Serves the recorded answers; `fail[(func, arg)]` is a list of exceptions raised first, in order."""

    def __init__(self, fixtures: Path = FIX, fail=None, always_fail=(), drop_nav=None, volume_in_units=False):
        self.dir = fixtures
        self.fail = {k: list(v) for k, v in (fail or {}).items()}
        self.always_fail = set(always_fail)
        self.drop_nav = drop_nav or {}
        self.volume_in_units = volume_in_units
        self.calls: list[tuple[str, dict]] = []

    def _enter(self, func: str, arg: str, kwargs: dict) -> None:
        self.calls.append((func, kwargs))
        if (func, arg) in self.always_fail:
            raise ConnectionError(f"connection reset by peer ({arg})")
        queue = self.fail.get((func, arg))
        if queue:
            raise queue.pop(0)

    @staticmethod
    def _between(df: pd.DataFrame, col: str, start: str, end: str) -> pd.DataFrame:
        d = pd.to_datetime(df[col])
        return df[(d >= pd.Timestamp(start)) & (d <= pd.Timestamp(end))].reset_index(drop=True)

    def fund_etf_scale_sse(self, *, date: str) -> pd.DataFrame:
        self._enter("fund_etf_scale_sse", date, {"date": date})
        path = self.dir / "fund_etf_scale_sse" / f"{date}.csv"
        if not path.exists():  # what akshare does on an empty day: selecting its columns fails
            raise KeyError("None of [Index(['序号', '基金代码', '基金简称', 'ETF类型', '统计日期', '基金份额'], dtype='object')] are in the [columns]")
        df = pd.read_csv(path, dtype={"基金代码": str})
        df["统计日期"] = pd.to_datetime(df["统计日期"]).dt.date
        return df

    def fund_scale_daily_szse(self, *, start_date: str, end_date: str, symbol: str) -> pd.DataFrame:
        self._enter("fund_scale_daily_szse", f"{start_date}-{end_date}", {"start_date": start_date, "end_date": end_date, "symbol": symbol})
        assert symbol == "ETF"
        df = pd.read_csv(self.dir / "fund_scale_daily_szse.csv", dtype={"基金代码": str})
        a, b = pd.Timestamp(start_date), pd.Timestamp(end_date)
        if b > a + pd.DateOffset(months=6):  # akshare: a range over six months comes back empty
            return pd.DataFrame(columns=["日期", "基金代码", "基金简称", "基金份额"])
        df = self._between(df, "日期", start_date, end_date)
        df["日期"] = pd.to_datetime(df["日期"]).dt.date
        return df

    def fund_etf_hist_em(self, *, symbol: str, period: str, start_date: str, end_date: str, adjust: str) -> pd.DataFrame:
        self._enter("fund_etf_hist_em", symbol, {"symbol": symbol, "start_date": start_date, "end_date": end_date})
        assert period == "daily" and adjust == ""
        path = self.dir / "fund_etf_hist_em" / f"{symbol}.csv"
        if not path.exists():
            return pd.DataFrame()
        df = self._between(pd.read_csv(path, dtype={"日期": str}), "日期", start_date, end_date)
        if self.volume_in_units:
            df["成交量"] = df["成交量"] * 100
        return df if len(df) else pd.DataFrame()

    def fund_etf_fund_info_em(self, *, fund: str, start_date: str, end_date: str) -> pd.DataFrame:
        self._enter("fund_etf_fund_info_em", fund, {"fund": fund, "start_date": start_date, "end_date": end_date})
        path = self.dir / "fund_etf_fund_info_em" / f"{fund}.csv"
        df = self._between(pd.read_csv(path, dtype={"净值日期": str}), "净值日期", start_date, end_date) if path.exists() else pd.DataFrame()
        if fund in self.drop_nav:
            df = df[~df["净值日期"].isin(self.drop_nav[fund])]
        if df.empty:  # akshare renames the columns of an empty page
            raise ValueError("Length mismatch: Expected axis has 0 elements, new values have 13 elements")
        df["净值日期"] = pd.to_datetime(df["净值日期"]).dt.date
        return df.reset_index(drop=True)

    def fund_individual_basic_info_xq(self, *, symbol: str) -> pd.DataFrame:
        self._enter("fund_individual_basic_info_xq", symbol, {"symbol": symbol})
        path = self.dir / "fund_individual_basic_info_xq" / f"{symbol}.csv"
        if not path.exists():
            raise KeyError("data")
        return pd.read_csv(path, dtype=str, keep_default_na=False)


class NoCalls(FakeAkshare):
    def _enter(self, func, arg, kwargs):
        raise AssertionError(f"unexpected call {func}({kwargs})")


@pytest.fixture
def universe():
    uni, _ = live.load_base_universe(FIX / "universe.csv")
    return uni


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def run(client, universe, tmp_path=None, *, cache=None, sleeps=None, clock=lambda: NOW, **kw):
    retry = RetryPolicy(sleep=sleeps if sleeps is not None else Sleeps())
    return fetch_akshare(client, START, END, universe=universe, cache=cache, retry=retry, clock=clock, **kw)


WEEK1, WEEK2 = (dt.date(2025, 12, 29), dt.date(2025, 12, 31)), (dt.date(2026, 1, 5), dt.date(2026, 1, 7))


def week_facts(result, tmp_path):
    """compute_facts for each calendar week of the fixture (12-29..31 and 01-05..07)."""
    out = tmp_path / "out"
    if not out.exists():
        write_dataset(result.panel, result.universe, out)
    ds = load_dataset(out)
    weeks = [{f.id: f for f in compute_facts(ds, a, b, "nav").facts} for a, b in (WEEK1, WEEK2)]
    return ds, weeks


def flow(weeks, fid):
    return sum((w[fid].value for w in weeks if fid in w), D(0))


def test_fetch_end_to_end_flows_equal_hand_computed(universe, tmp_path):
    result = run(FakeAkshare(), universe)
    ds, weeks = week_facts(result, tmp_path)
    for code, expected in FLOWS.items():
        assert flow(weeks, f"flow.etf.{code}") == expected, code
    # one week by hand: 510300 on 01-05..07: -3e8x4.80 + 0 + 5e8x4.79 = 955,000,000
    assert weeks[1]["flow.etf.510300"].value == D("955000000")
    assert flow(weeks, "flow.category.broad") == FLOWS["510300"] + FLOWS["510310"] + FLOWS["159919"]  # 202,000,000
    assert flow(weeks, "flow.category.sector_theme") == FLOWS["159852"]
    assert flow(weeks, "flow.category.cross_border") == FLOWS["513180"]
    assert flow(weeks, "flow.total") == D("1983400000")
    assert weeks[0]["count.trading_days"].value == 3 and weeks[1]["count.trading_days"].value == 3
    # the calendar: base day + 5 trading days, holidays and weekends left out
    assert [d.date().isoformat() for d in ds.calendar] == ["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-05", "2026-01-06", "2026-01-07"]
    assert len(ds.panel) == 30


def test_volume_is_converted_from_lots_and_prices_kept(universe):
    p = run(FakeAkshare(), universe).panel.set_index(["code", "date"])
    row = p.loc[("510300", dt.date(2025, 12, 29))]
    assert row["volume"] == 21000000 * live.EM_VOLUME_LOT
    assert row["amount"] == 9870000000.0 and row["close"] == 4.702 and row["nav"] == 4.7
    assert live.EM_VOLUME_LOT == 100


def test_split_is_recorded_and_its_day_has_no_flow(universe, tmp_path):
    result = run(FakeAkshare(), universe)
    p = result.panel.set_index(["code", "date"])
    assert p.loc[("510310", dt.date(2026, 1, 5)), "split_ratio"] == 2.0
    assert p["split_ratio"].notna().sum() == 1
    assert any("510310" in n and "2026-01-05" in n and "split" in n for n in result.notes)
    _, weeks = week_facts(result, tmp_path)
    ds = load_dataset(tmp_path / "out")
    one_day = {f.id: f for f in compute_facts(ds, dt.date(2026, 1, 5), dt.date(2026, 1, 5), "nav").facts}
    assert one_day["flow.etf.510310"].value == 0
    # week 2 of 510310: 0 (split day) + 2e8x2.43 - 1e8x2.41 = 245,000,000
    assert weeks[1]["flow.etf.510310"].value == D("245000000")


def test_units_jump_without_nav_move_is_not_a_split():
    panel = pd.DataFrame({"date": [dt.date(2026, 1, 5), dt.date(2026, 1, 6)], "code": ["510300", "510300"],
                          "shares": [1e10, 2e10], "nav": [4.0, 4.01], "close": [4.0, 4.0], "volume": [1.0, 1.0], "amount": [4.0, 4.0]})
    out, splits = live._detect_splits(panel, {})
    assert splits == [] and out["split_ratio"].isna().all()


def test_non_trading_days_are_skipped_without_retry(universe):
    client = FakeAkshare()
    sleeps = Sleeps()
    result = run(client, universe, sleeps=sleeps)
    sse_dates = [kw["date"] for f, kw in client.calls if f == "fund_etf_scale_sse"]
    assert "20260101" in sse_dates and "20260102" in sse_dates  # asked once each, no retry
    assert sse_dates.count("20260101") == 1 and sleeps == []
    assert "20260103" not in sse_dates and "20260104" not in sse_dates  # weekends are never asked
    assert any("2026-01-01" in n and "2026-01-02" in n for n in result.notes)


def test_new_codes_are_classified_from_tracked_index_and_tagged_review(universe, tmp_path):
    result = run(FakeAkshare(), universe)
    uni = result.universe.set_index("code")
    assert uni.loc["513180", "category"] == "cross_border" and uni.loc["513180", "theme"] == "hstech"
    assert uni.loc["513180", "index_name"] == "恒生科技指数" and uni.loc["513180", "manager"] == "华夏"
    assert uni.loc["159919", "category"] == "broad" and uni.loc["159919", "family"] == "csi300"
    assert set(uni.index[uni["tag"] == "review"]) == {"513180", "159919"}
    assert uni.loc["510300", "tag"] == "V" and uni.loc["510300", "name_en"] == "HUATAI-PB CSI 300 ETF"  # known rows kept
    assert {r["code"] for r in result.review} == {"513180", "159919"}
    out = tmp_path / "out"
    write_dataset(result.panel, result.universe, out)
    text = (out / "universe.csv").read_text(encoding="utf-8")
    assert "513180" in text and ",review" in text


def test_fund_details_failing_falls_back_to_names_and_says_so(universe):
    client = FakeAkshare(always_fail={("fund_individual_basic_info_xq", "513180"), ("fund_individual_basic_info_xq", "159919")})
    result = run(client, universe)
    uni = result.universe.set_index("code")
    assert uni.loc["513180", "category"] == "cross_border" and uni.loc["159919", "family"] == "csi300"
    assert all("failed" in r["basis"] for r in result.review) and set(uni.index[uni["tag"] == "review"]) == {"513180", "159919"}
    assert any("fund details unavailable" in n for n in result.notes)


def test_szse_share_lag_zero_takes_dates_as_printed(universe, tmp_path):
    result = run(FakeAkshare(), universe, szse_share_lag=0, codes=["159852"])
    _, weeks = week_facts(result, tmp_path)
    # units as printed: 5.95e9, 6.0e9, 6.1e9, 6.3e9, 6.3e9, 7.0e9
    # +0.5e8x1.06 + 1e8x1.08 + 2e8x1.10 + 0 + 7e8x1.11 = 53e6 + 108e6 + 220e6 + 777e6
    assert flow(weeks, "flow.etf.159852") == D("1158000000")
    assert live.SZSE_SHARE_LAG == 1


def test_szse_is_asked_in_chunks_of_at_most_six_months(universe):
    client = FakeAkshare()
    fetch_akshare(client, dt.date(2025, 6, 2), END, universe=universe, codes=["159852"], retry=RetryPolicy(sleep=Sleeps()), clock=lambda: NOW)
    spans = [(pd.Timestamp(kw["start_date"]), pd.Timestamp(kw["end_date"])) for f, kw in client.calls if f == "fund_scale_daily_szse"]
    assert len(spans) >= 2
    assert all(b <= a + pd.DateOffset(months=6) for a, b in spans)
    assert all(spans[i + 1][0] == spans[i][1] + pd.Timedelta(days=1) for i in range(len(spans) - 1))
    assert not any(f == "fund_etf_scale_sse" for f, _ in client.calls)  # SZ codes only: SSE is not needed


def test_transient_failure_is_retried_with_exponential_backoff(universe, tmp_path):
    fail = {("fund_etf_hist_em", "510300"): [ConnectionError("reset"), TimeoutError("timed out")],
            ("fund_etf_scale_sse", "20260106"): [ValueError("Expecting value: line 1 column 1 (char 0)")]}
    client, sleeps = FakeAkshare(fail=fail), Sleeps()
    result = run(client, universe, sleeps=sleeps)
    assert sorted(sleeps) == [1.0, 1.0, 2.0]
    assert [kw["symbol"] for f, kw in client.calls if f == "fund_etf_hist_em"].count("510300") == 3
    _, weeks = week_facts(result, tmp_path)
    assert flow(weeks, "flow.etf.510300") == FLOWS["510300"]


def test_persistent_failure_names_the_function_and_date(universe):
    client, sleeps = FakeAkshare(always_fail={("fund_etf_scale_sse", "20260105")}), Sleeps()
    with pytest.raises(FetchError) as exc:
        run(client, universe, sleeps=sleeps)
    msg = str(exc.value)
    assert "fund_etf_scale_sse(date='20260105')" in msg and "4 attempt" in msg and "ConnectionError" in msg
    assert sleeps == [1.0, 2.0, 4.0]
    assert RetryPolicy(base_delay=1, max_delay=5).delay(10) == 5


def test_cache_rerun_makes_no_calls(universe, tmp_path):
    cache = tmp_path / "cache"
    first = run(FakeAkshare(), universe, cache=FetchCache(cache, clock=lambda: NOW))
    again = run(NoCalls(), universe, cache=FetchCache(cache, clock=lambda: NOW + dt.timedelta(days=30)))
    pd.testing.assert_frame_equal(first.panel, again.panel)
    pd.testing.assert_frame_equal(first.universe, again.universe)
    assert again.log["calls"] == 0 and again.log["cache_hits"] > 0


def test_cache_resumes_after_a_failed_run(universe, tmp_path):
    cache = tmp_path / "cache"
    broken = FakeAkshare(always_fail={("fund_etf_fund_info_em", "159919")})
    with pytest.raises(FetchError):
        run(broken, universe, cache=FetchCache(cache, clock=lambda: NOW))
    client = FakeAkshare()
    run(client, universe, cache=FetchCache(cache, clock=lambda: NOW))
    assert [(f, kw.get("fund")) for f, kw in client.calls] == [("fund_etf_fund_info_em", "159919")]


def test_recent_answers_are_fetched_again_after_their_ttl(universe, tmp_path):
    cache = tmp_path / "cache"
    soon = dt.datetime(2026, 1, 7, 21, 0)  # the evening of the last day: answers may still change
    run(FakeAkshare(), universe, cache=FetchCache(cache, clock=lambda: soon), clock=lambda: soon, szse_share_lag=0)
    run(NoCalls(), universe, cache=FetchCache(cache, clock=lambda: soon + dt.timedelta(hours=1)), clock=lambda: soon, szse_share_lag=0)
    later = FakeAkshare()
    run(later, universe, cache=FetchCache(cache, clock=lambda: soon + live.PROVISIONAL_TTL * 2), clock=lambda: soon, szse_share_lag=0)
    assert later.calls  # provisional answers expired
    assert not any(kw.get("date") == "20251229" for _, kw in later.calls)  # settled days stay cached


def test_last_day_without_lagged_szse_value_ends_the_panel_early(universe):
    # Fetched on the evening of 01-07: SZSE's value for 01-07 is published dated 01-08.
    evening = dt.datetime(2026, 1, 7, 21, 0)
    result = run(FakeAkshare(), universe, clock=lambda: evening)
    assert max(result.panel["date"]) == dt.date(2026, 1, 6)
    assert any("ends on 2026-01-06" in n for n in result.notes)


def test_a_day_missing_from_szse_is_reported_not_shifted(universe, tmp_path):
    fixtures = tmp_path / "fx"
    shutil.copytree(FIX, fixtures)
    table = pd.read_csv(fixtures / "fund_scale_daily_szse.csv", dtype=str)
    table[table["日期"] != "2026-01-06"].to_csv(fixtures / "fund_scale_daily_szse.csv", index=False)
    with pytest.raises(DataError) as exc:
        run(FakeAkshare(fixtures), universe)
    assert [p.message for p in exc.value.problems] == ["SSE has units for 2026-01-05 but SZSE has none"]


def test_a_fund_missing_a_day_is_reported_and_nothing_is_built(universe):
    client = FakeAkshare(drop_nav={"159852": ["2026-01-06"]})
    with pytest.raises(DataError) as exc:
        run(client, universe)
    (p,) = exc.value.problems
    assert p.file == "akshare:fund_etf_fund_info_em" and p.column == "nav"
    assert "159852" in p.message and "2026-01-06" in p.message


def test_on_gap_drop_leaves_the_fund_out_and_lists_it(universe, tmp_path):
    result = run(FakeAkshare(drop_nav={"159852": ["2026-01-06"]}), universe, on_gap="drop")
    assert "159852" not in set(result.panel["code"]) and result.dropped
    assert any("159852" in n for n in result.notes)
    _, weeks = week_facts(result, tmp_path)
    assert flow(weeks, "flow.etf.510300") == FLOWS["510300"]


def test_codes_option_restricts_and_unknown_code_is_reported(universe):
    result = run(FakeAkshare(), universe, codes=["510300,159852"])
    assert set(result.panel["code"]) == {"510300", "159852"} and result.review == []
    with pytest.raises(DataError) as exc:
        run(FakeAkshare(), universe, codes=["563300"])
    assert "563300" in str(exc.value)
    with pytest.raises(LiveDataError):
        run(FakeAkshare(), universe, codes=["51030"])


def test_volume_unit_check_stops_a_wrong_unit(universe):
    with pytest.raises(LiveDataError, match="成交量 unit"):
        run(FakeAkshare(volume_in_units=True), universe)


def test_missing_akshare_gives_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "akshare", None)
    with pytest.raises(LiveDataError, match=r"pip install 'etfwriter\[live\]'"):
        live.AkshareLibrary()


def test_real_client_rescales_old_sse_units():
    class OldAk:
        __version__ = "1.18.14"

        def fund_etf_scale_sse(self, date):
            return pd.DataFrame({"基金代码": ["510300"], "基金份额": [9026958.77]})

        def fund_scale_daily_szse(self, start_date, end_date, symbol):
            return pd.DataFrame()

    df = live.AkshareLibrary(OldAk()).fund_etf_scale_sse(date="20251126")
    assert df["基金份额"].iloc[0] == pytest.approx(90269587700)


def test_benchmark_text_to_index_name():
    assert live._clean_benchmark("沪深300指数收益率") == "沪深300指数"
    assert live._clean_benchmark("经估值汇率调整的恒生科技指数收益率") == "恒生科技指数"
    assert live._clean_benchmark("中证电网设备主题指数收益率×95%+银行活期存款利率(税后)×5%") == "中证电网设备主题指数"


# --- through the command line -------------------------------------------------------------------


def cli(monkeypatch, client):
    monkeypatch.setattr(cli_data, "client_factory", lambda: client)
    app = typer.Typer()
    data = typer.Typer()
    app.add_typer(data, name="data")
    cli_data.register(data)
    return app


def test_cli_fetch_writes_a_loadable_folder(monkeypatch, tmp_path):
    app = cli(monkeypatch, FakeAkshare())
    out = tmp_path / "w01"
    args = ["data", "fetch", "--source", "akshare", "--start", "2025-12-30", "--end", "2026-01-07", "--out", str(out),
            "--universe", str(FIX / "universe.csv"), "--cache", str(tmp_path / "cache")]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "513180" in res.output and "review" in res.output and "Wrote" in res.output
    assert {p.name for p in out.iterdir()} == {"panel.parquet", "universe.csv", "fetch_log.json"}
    assert load_dataset(out).panel["code"].nunique() == 5
    res = CliRunner().invoke(app, args)  # the folder is not replaced without --force
    assert res.exit_code == 2 and "--force" in res.output


def test_cli_fetch_gap_lists_problems_and_writes_nothing(monkeypatch, tmp_path):
    app = cli(monkeypatch, FakeAkshare(drop_nav={"159852": ["2026-01-06"]}))
    out = tmp_path / "w01"
    res = CliRunner().invoke(app, ["data", "fetch", "--start", "2025-12-30", "--end", "2026-01-07", "--out", str(out),
                                   "--universe", str(FIX / "universe.csv"), "--no-cache"])
    assert res.exit_code == 1
    assert "159852" in res.output and "nothing was written" in res.output
    assert not out.exists()


def test_cli_fetch_without_akshare_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "akshare", None)
    app = typer.Typer()
    data = typer.Typer()
    app.add_typer(data, name="data")
    cli_data.register(data)
    res = CliRunner().invoke(app, ["data", "fetch", "--start", "2026-01-05", "--end", "2026-01-09", "--out", str(tmp_path / "o"), "--no-cache"])
    assert res.exit_code == 2
    assert "etfwriter[live]" in res.output
