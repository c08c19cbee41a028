"""`etfwriter facts` and `etfwriter data check` through the CLI."""

import json
from decimal import Decimal

from typer.testing import CliRunner

from etfwriter.cli import app

runner = CliRunner()

ROWS = [
    "2026-01-05,510300,100,4.0,4.0,400,100,,",
    "2026-01-05,159852,50,1.0,1.0,10,10,,",
    "2026-01-06,510300,110,4.1,4.1,451,110,,",
    "2026-01-06,159852,60,1.2,1.2,12,10,,",
    "2026-01-07,510300,105,4.0,4.0,400,100,,",
    "2026-01-07,159852,60,1.1,1.1,11,10,,",
]


def test_facts_json_shape_and_values(make_data):
    folder = make_data(ROWS)
    res = runner.invoke(app, ["facts", "--start", "2026-01-06", "--end", "2026-01-07", "--data", str(folder), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"period", "dataset", "facts"}
    assert out["period"] == {"start": "2026-01-06", "end": "2026-01-07"}
    facts = {f["id"]: f for f in out["facts"]}
    # 510300: 10 x 4.1 - 5 x 4.0 = 21 ; 159852: 10 x 1.2 + 0 = 12
    assert Decimal(facts["flow.etf.510300"]["value"]) == 21
    assert Decimal(facts["flow.etf.159852"]["value"]) == 12
    assert Decimal(facts["flow.category.broad"]["value"]) == 21
    assert facts["flow.total"]["value"] == "33"
    assert facts["flow.total"]["direction"] == "inflow"
    for f in out["facts"]:
        assert f["display"]["zh"] and f["display"]["en"]
        assert f["label"]["zh"] and f["label"]["en"]
        assert f["provenance"]["formula"]
        assert f["provenance"]["dataset_hash"] == out["dataset"]["hash"]


def test_facts_unknown_week_is_a_clear_error(make_data):
    folder = make_data(ROWS)
    res = runner.invoke(app, ["facts", "--week", "2030-01-07", "--data", str(folder)])
    assert res.exit_code == 2
    assert "no trading days" in res.output and "2026-01-05" in res.output


def test_facts_bad_price(make_data):
    res = runner.invoke(app, ["facts", "--week", "2026-01-05", "--data", str(make_data(ROWS)), "--price", "mid"])
    assert res.exit_code != 0


def test_data_check_reports_every_problem(make_data):
    rows = list(ROWS)
    rows[2] = "2026-01-06,510300,abc,4.1,4.1,451,110,,"
    rows[5] = "2026-01-07,159852,60,,1.1,11,10,,"
    res = runner.invoke(app, ["data", "check", str(make_data(rows))], terminal_width=200)
    assert res.exit_code == 1
    assert "shares" in res.output and "nav" in res.output
    assert "2 problem" in res.output


def test_data_check_ok(make_data):
    res = runner.invoke(app, ["data", "check", str(make_data(ROWS))])
    assert res.exit_code == 0 and "OK" in res.output
