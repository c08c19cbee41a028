"""One test per bad-input case: the error names the file, row and column, and nothing is computed."""

import pytest

from etfwriter.tools import DataError, check_file, load_dataset

GOOD = [
    "2026-01-05,510300,100,4.0,4.0,400,100,,",
    "2026-01-06,510300,110,4.1,4.1,410,100,,",
    "2026-01-07,510300,105,4.0,4.0,400,100,,",
]


def problems(folder):
    found = check_file(folder)
    assert found, "expected problems"
    return found


def only(found, column):
    assert any(p.column == column for p in found), [str(p) for p in found]
    return [p for p in found if p.column == column]


def test_good_file_has_no_problems(make_data):
    assert check_file(make_data(GOOD)) == []


def test_missing_and_extra_columns(make_data):
    folder = make_data(["2026-01-05,510300,100,4.0,4.0,400,1"], header="date,code,shares,nav,close,amount,colour")
    found = problems(folder)
    msgs = " ".join(str(p) for p in found)
    assert "volume" in msgs and "missing column" in msgs
    assert "colour" in msgs and "unexpected column" in msgs
    assert all(p.file.endswith("panel.csv") and p.row == 1 for p in found)


def test_non_numeric_value_names_row_and_column(make_data):
    rows = list(GOOD)
    rows[1] = "2026-01-06,510300,abc,4.1,4.1,410,100,,"
    p = only(problems(make_data(rows)), "shares")[0]
    assert p.row == 3 and "not a number" in p.message and p.file.endswith("panel.csv")


def test_missing_value(make_data):
    rows = list(GOOD)
    rows[2] = "2026-01-07,510300,105,,4.0,400,100,,"
    p = only(problems(make_data(rows)), "nav")[0]
    assert p.row == 4 and "missing" in p.message


def test_nan_text_is_not_a_number(make_data):
    rows = list(GOOD)
    rows[2] = "2026-01-07,510300,105,NaN,4.0,400,100,,"
    p = only(problems(make_data(rows)), "nav")[0]
    assert p.row == 4


def test_zero_or_negative_shares(make_data):
    rows = list(GOOD)
    rows[1] = "2026-01-06,510300,0,4.1,4.1,410,100,,"
    rows[2] = "2026-01-07,510300,-5,4.0,4.0,400,100,,"
    found = only(problems(make_data(rows)), "shares")
    assert {p.row for p in found} == {3, 4}
    assert all("positive" in p.message for p in found)


def test_duplicate_date_code(make_data):
    rows = GOOD + ["2026-01-07,510300,105,4.0,4.0,400,100,,"]
    p = only(problems(make_data(rows)), "date")[0]
    assert "duplicate" in p.message and p.row == 5


def test_code_not_in_universe(make_data):
    rows = GOOD + ["2026-01-07,999999,105,4.0,4.0,400,100,,"]
    p = only(problems(make_data(rows)), "code")[0]
    assert "999999" in p.message and "universe" in p.message and p.row == 5


def test_unsorted_dates(make_data):
    rows = [GOOD[0], GOOD[2], GOOD[1]]
    found = only(problems(make_data(rows)), "date")
    p = [p for p in found if "not in date order" in p.message][0]
    assert p.row == 4 and "510300" in p.message  # the 2026-01-06 row, after 2026-01-07


def test_rows_ordered_by_fund_then_date_are_fine(make_data):
    rows = GOOD + ["2026-01-05,159852,50,1.0,1.0,10,10,,", "2026-01-06,159852,60,1.2,1.2,12,10,,", "2026-01-07,159852,60,1.1,1.1,11,10,,"]
    assert check_file(make_data(rows)) == []


def test_gap_day_for_a_listed_fund(make_data):
    rows = GOOD + [
        "2026-01-05,563300,100,1.0,1.0,100,100,,",
        "2026-01-07,563300,100,1.0,1.0,100,100,,",
    ]
    rows.sort()
    found = only(problems(make_data(rows)), "date")
    gap = [p for p in found if "no row for trading day 2026-01-06" in p.message]
    assert gap and "563300" in gap[0].message


def test_share_jump_without_split(make_data):
    rows = [
        "2026-01-05,510300,100000000,4.0,4.0,400,100,,",
        "2026-01-06,510300,900000000,4.0,4.0,400,100,,",
    ]
    p = only(problems(make_data(rows)), "shares")[0]
    assert "no split_ratio" in p.message and p.row == 3
    # the same jump with a split ratio recorded is fine
    ok = [rows[0], "2026-01-06,510300,900000000,0.45,0.45,400,100,9,"]
    assert check_file(make_data(ok)) == []


def test_bad_date_text(make_data):
    rows = list(GOOD)
    rows[0] = "05/01/2026,510300,100,4.0,4.0,400,100,,"
    p = only(problems(make_data(rows)), "date")[0]
    assert p.row == 2 and "ISO date" in p.message


def test_load_raises_and_lists_every_problem(make_data):
    rows = list(GOOD)
    rows[1] = "2026-01-06,510300,abc,4.1,4.1,410,100,,"
    rows[2] = "2026-01-07,510300,105,4.0,x,400,100,,"
    with pytest.raises(DataError) as exc:
        load_dataset(make_data(rows))
    text = str(exc.value)
    assert "row 3, column 'shares'" in text and "row 4, column 'close'" in text


def test_missing_file():
    with pytest.raises(DataError, match="not found"):
        load_dataset("/no/such/panel.csv")


def test_parquet_panel(make_data, tmp_path):
    import pandas as pd

    folder = make_data(GOOD)
    df = pd.read_csv(folder / "panel.csv", dtype=str, keep_default_na=False)
    (folder / "panel.csv").unlink()
    df.to_parquet(folder / "panel.parquet")
    ds = load_dataset(folder)
    assert len(ds.panel) == 3 and ds.panel["shares"].tolist() == [100, 110, 105]
