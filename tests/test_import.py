"""`data import` of a user's own export: Chinese headers, units, and every problem listed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from etfwriter import cli_data
from etfwriter.tools import DataError, compute_facts, load_dataset
from etfwriter.tools import live
from etfwriter.tools.live import import_export, write_dataset

FIX = Path(__file__).parent / "fixtures" / "akshare"
D = Decimal

# A Wind-style export: sorted by fund, codes with exchange suffix, slashes in dates, units in
# 万份 (with decimals) and 手 declared in the headers, and columns the panel does not use.
WIND = """代码,基金简称,日期,份额(万份),单位净值,收盘价,成交额(元),成交量(手),涨跌幅(%)
159852.SZ,软件ETF,2026/01/05,630000.00,1.1000,1.101,549000000,5000000,2.04
159852.SZ,软件ETF,2026/01/06,700000.00,1.1200,1.119,1006000000,9000000,1.63
159852.SZ,软件ETF,2026/01/07,690000.00,1.1100,1.112,667000000,6000000,-0.63
510300.SH,沪深300ETF,2026/01/05,8980000.00,4.8000,4.801,11950000000,25000000,1.48
510300.SH,沪深300ETF,2026/01/06,8980000.00,4.8200,4.822,8183000000,17000000,0.44
510300.SH,沪深300ETF,2026/01/07,9030000.55,4.7900,4.790,10560000000,22000000,-0.66
"""


@pytest.fixture
def universe():
    return live.load_base_universe(FIX / "universe.csv")[0]


def write(tmp_path: Path, text: str, name: str = "export.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_chinese_headers_end_to_end(universe, tmp_path):
    result = import_export(write(tmp_path, WIND), universe=universe)
    assert result.columns["shares"] == "份额(万份)" and result.columns["volume"] == "成交量(手)"
    assert any("涨跌幅(%)" in n for n in result.notes)  # unused columns are listed, not rejected
    out = tmp_path / "mine"
    write_dataset(result.panel, result.universe, out)
    ds = load_dataset(out)
    p = ds.panel.set_index(["code", "date"])
    assert p.loc[("510300", pd.Timestamp("2026-01-07")), "shares"] == 90_300_005_500  # 9030000.55 万份
    assert p.loc[("510300", pd.Timestamp("2026-01-05")), "volume"] == 2_500_000_000  # 25,000,000 手
    facts = {f.id: f for f in compute_facts(ds, dt.date(2026, 1, 5), dt.date(2026, 1, 7)).facts}
    # 510300: 01-06 0; 01-07 (90,300,005,500 - 89,800,000,000) x 4.79 = 500,005,500 x 4.79
    assert facts["flow.etf.510300"].value == D("2395026345")
    # 159852: 01-06 +700,000,000 x 1.12; 01-07 -100,000,000 x 1.11
    assert facts["flow.etf.159852"].value == D("673000000")


def test_gbk_file_and_option_units(universe, tmp_path):
    text = WIND.replace("份额(万份)", "基金份额").replace("成交量(手)", "成交量")
    result = import_export(write(tmp_path, text, encoding="gb18030"), universe=universe, shares_unit="万份", volume_unit="手")
    p = result.panel.set_index(["code", "date"])
    assert p.loc[("159852", dt.date(2026, 1, 6)), "shares"] == 7_000_000_000


def test_bad_file_lists_every_problem_with_file_rows_and_writes_nothing(universe, tmp_path):
    rows = WIND.splitlines()
    rows[2] = rows[2].replace(",1.1200,", ",abc,")  # file row 3: NAV not a number
    rows[4] = rows[4].replace(",4.801,", ",,")  # file row 5: close missing
    rows[5] = rows[5].replace("510300.SH", "159999.SZ")  # file row 6: code not in the universe
    rows[6] = rows[6].replace("2026/01/07", "2026/13/40")  # file row 7: not a date
    rows[3] = rows[3].replace(",667000000,", ",-5,")  # file row 4: negative turnover
    path = write(tmp_path, "\n".join(rows) + "\n", name="bad.csv")
    with pytest.raises(DataError) as exc:
        import_export(path, universe=universe)
    found = {(p.row, p.column) for p in exc.value.problems}
    assert {(3, "单位净值"), (5, "收盘价"), (6, "代码"), (7, "日期"), (4, "成交额(元)")} <= found, found
    assert all(p.file == str(path) for p in exc.value.problems)
    assert any(p.row is None and "159999" in p.message and "--universe" in p.message for p in exc.value.problems)


def test_missing_column_names_the_accepted_headers(universe, tmp_path):
    text = "\n".join(",".join(line.split(",")[:7]) for line in WIND.splitlines()) + "\n"  # no 成交量
    with pytest.raises(DataError) as exc:
        import_export(write(tmp_path, text), universe=universe)
    (p,) = exc.value.problems
    assert p.row == 1 and p.column == "volume" and "成交量" in p.message


def test_unit_in_header_conflicting_with_option_is_a_problem(universe, tmp_path):
    with pytest.raises(DataError, match="万份"):
        import_export(write(tmp_path, WIND), universe=universe, shares_unit="亿份")


def test_new_code_with_tracked_index_column_is_classified_for_review(universe, tmp_path):
    text = WIND.replace("基金简称", "跟踪指数").replace("软件ETF", "中证软件服务").replace("510300.SH,沪深300ETF", "512480.SH,中证全指半导体")
    result = import_export(write(tmp_path, text), universe=universe)
    uni = result.universe.set_index("code")
    assert uni.loc["512480", "tag"] == "review" and uni.loc["512480", "category"] == "sector_theme"
    assert uni.loc["512480", "theme"] == "semiconductor"
    assert [r["code"] for r in result.review] == ["512480"]


def test_parquet_with_contract_headers(universe, tmp_path):
    df = pd.DataFrame({
        "date": pd.to_datetime(["2026-01-05", "2026-01-06"]), "code": ["510300", "510300"],
        "shares": [100, 110], "nav": [4.0, 4.1], "close": [4.0, 4.1], "amount": [400.0, 451.0], "volume": [100, 110],
    })
    path = tmp_path / "mine.parquet"
    df.to_parquet(path)
    result = import_export(path, universe=universe)
    assert list(result.panel["shares"]) == [100, 110]


# --- through the command line -------------------------------------------------------------------


@pytest.fixture
def app():
    root, data = typer.Typer(), typer.Typer()
    root.add_typer(data, name="data")
    cli_data.register(data)
    return root


def test_cli_import_writes_a_folder_usable_with_data(app, tmp_path):
    out = tmp_path / "mine"
    res = CliRunner().invoke(app, ["data", "import", str(write(tmp_path, WIND)), "--format", "csv", "--out", str(out),
                                   "--universe", str(FIX / "universe.csv")])
    assert res.exit_code == 0, res.output
    assert "Wrote" in res.output and "--data" in res.output
    assert load_dataset(out).panel["code"].nunique() == 2


def test_cli_import_bad_file_prints_problems_and_writes_nothing(app, tmp_path):
    bad = WIND.replace(",1.1200,", ",abc,")
    out = tmp_path / "mine"
    res = CliRunner().invoke(app, ["data", "import", str(write(tmp_path, bad)), "--out", str(out),
                                   "--universe", str(FIX / "universe.csv")], terminal_width=200)
    assert res.exit_code == 1
    assert "单位净值" in res.output and "abc" in res.output and "nothing was written" in res.output
    assert not out.exists()
