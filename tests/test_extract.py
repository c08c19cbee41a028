"""Behaviour of the number extractor, one rule of the spec at a time."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from etfwriter.evals.extract import extract, extract_json
from etfwriter.evals.mentions import Mention

D = Decimal


def one(text: str, **kw) -> Mention:
    found = extract(text, **kw)
    assert len(found) == 1, [(m.text, m.value, m.unit) for m in found]
    return found[0]


def values(text: str, **kw) -> list[tuple]:
    return [(m.text, m.value, m.unit) for m in extract(text, **kw)]


# --- API ---------------------------------------------------------------------------------------


def test_mentions_are_sorted_and_index_the_text():
    text = "截至2026年1月16日，宽基ETF净流出2126.17亿元，占比48.6%。"
    found = extract(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.line == 1


def test_extract_json_shape():
    text = "净流出2126.17亿元，2026-01-16"
    out = extract_json(text)
    assert set(out) == {"mentions"}
    assert out["mentions"] == [m.to_json() for m in extract(text)]
    assert out["mentions"][0]["value"] == 212617000000
    assert out["mentions"][1]["value"] == "2026-01-16"
    json.dumps(out)


def test_empty_and_numberless_text():
    assert extract("") == []
    assert extract("本周市场情绪回暖，资金面宽松。") == []
    assert extract_json("no numbers here") == {"mentions": []}


def test_line_numbers_follow_the_text():
    text = "第一行没有数字\n宽基ETF净流出2126亿元\r\n\r\nNet inflow of RMB 3 billion"
    found = extract(text)
    assert [(m.text, m.line) for m in found] == [("2126亿元", 2), ("RMB 3 billion", 4)]


# --- values, units, precision ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit, precision",
    [
        ("2126.17亿", D("2126.17e8"), "CNY", D("1e6")),
        ("48.6%", D("0.486"), "pct", D("0.001")),
        ("RMB 212.6 billion", D("212.6e9"), "CNY", D("1e8")),
        ("1.2万亿元", D("1.2e12"), "CNY", D("1e11")),
        ("3000万元", D("3e7"), "CNY", D("1e4")),
        ("2,126.17亿元", D("2126.17e8"), "CNY", D("1e6")),
        ("$2.8bn", D("2.8e9"), "USD", D("1e8")),
        ("US$5 million", D("5e6"), "USD", D("1e6")),
        ("HK$1.2 billion", D("1.2e9"), "HKD", D("1e8")),
        ("15亿港元", D("15e8"), "HKD", D("1e8")),
        ("2.3亿美元", D("2.3e8"), "USD", D("1e7")),
        ("15.35亿份", D("15.35e8"), "shares", D("1e6")),
        ("87 billion units", D("87e9"), "shares", D("1e9")),
        ("4165.29点", D("4165.29"), "points", D("0.01")),
        ("20个交易日", D(20), "count", D(1)),
        ("3.07倍", D("3.07"), "ratio", D("0.01")),
        ("三成", D("0.3"), "pct", D("0.1")),
        ("百分之二十", D("0.2"), "pct", D("0.1")),
        ("2.3个百分点", D("0.023"), "pct", D("0.001")),
        ("1兆40億元", D("1.004e12"), "CNY", D("1e8")),
    ],
)
def test_values_units_and_precision(text, value, unit, precision):
    m = one(text)
    assert (m.value, m.unit, m.precision) == (value, unit, precision)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("3.07:1", D("3.07"), "ratio"),
        ("翻倍", D(2), "ratio"),
        ("doubled", D(2), "ratio"),
        ("1/4", D("0.25"), "ratio"),
        ("一半", D("0.5"), "ratio"),
        ("5倍", D(5), "ratio"),
        ("★★★★☆", D(4), "stars"),
        ("两千四百五", D(2450), "other"),
        ("一千二百三十四", D(1234), "other"),
        ("三点五亿元", D("3.5e8"), "CNY"),
        ("负三十二", D(-32), "other"),
        ("one hundred and twenty-three ETFs", D(123), "count"),
        ("2.5 million units", D("2.5e6"), "shares"),
        ("three quarters of it", D("0.75"), "ratio"),
        ("nine ETFs", D(9), "count"),
        ("a five-year plan", D(5), "count"),
        ("两日", D(2), "count"),
        ("四只", D(4), "count"),
        ("十年", D(10), "count"),
        ("百分之二十三点五", D("0.235"), "pct"),
    ],
)
def test_written_out_numbers(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (value, unit)


def test_front_ten_is_a_count():
    found = extract("前十大ETF")
    assert [(m.value, m.unit) for m in found] == [(D(10), "count")]


def test_hundred_and_thousand_yi_count():
    assert [m.value for m in extract("超百亿、逾千亿、千亿级、万亿元")] == [D("1e10"), D("1e11"), D("1e11"), D("1e12")]


def test_points_change_is_not_a_percent():
    pp, pct = extract("占比48.6%，较上周提升12个百分点")
    assert pct.points_change is True and pct.value == D("0.12")
    assert pp.points_change is False
    assert one("rose 25 basis points").points_change is True


def test_full_width_and_spaces_keep_original_offsets():
    text = "净流入１２３．４５亿元，占比４８．６％；净流出 2 126.17 亿元"
    found = extract(text)
    assert [(m.text, m.value) for m in found] == [
        ("１２３．４５亿元", D("123.45e8")),
        ("４８．６％", D("0.486")),
        ("2 126.17 亿元", D("2126.17e8")),
    ]


def test_traditional_chinese():
    found = extract("上週淨流出約1416.43億元，份額減少15.35億份。")
    assert [(m.value, m.unit, m.direction, m.hedge) for m in found] == [
        (D("1416.43e8"), "CNY", "outflow", "about"),
        (D("15.35e8"), "shares", "outflow", "none"),
    ]


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2026年01月19日", "2026-01-19"),
        ("2026-01-19", "2026-01-19"),
        ("2026.01.18", "2026-01-18"),
        ("14 Apr 2025", "2025-04-14"),
        ("January 17, 2026", "2026-01-17"),
        ("2026年1月", "2026-01"),
        ("2025年", "2025"),
        ("2024年一季度", "2024-Q1"),
        ("Q1 2024", "2024-Q1"),
        ("first quarter of 2024", "2024-Q1"),
        ("2026-01-16T15:00", "2026-01-16T15:00"),
        ("2026年1月16日15:00", "2026-01-16T15:00"),
        ("2025年12月底", "2025-12-31"),
        ("2026年初", "2026-01"),
        ("Investment Company Act of 1940", "1940"),
    ],
)
def test_dates(text, iso):
    m = one(text)
    assert (m.unit, m.value) == ("date", iso)


def test_compact_range_is_two_dates():
    assert [m.value for m in extract("ETF周报(20260112-20260116)")] == ["2026-01-12", "2026-01-16"]


def test_implied_year_and_month_come_from_the_previous_date():
    found = extract("2026年01月19日发布：1月16日净流出，15日净流入，年中以来持续流入。")
    assert [m.value for m in found] == ["2026-01-19", "2026-01-16", "2026-01-15", "2026-06"]


def test_implied_year_from_ref_date():
    ref = dt.date(2026, 1, 28)
    assert [m.value for m in extract("Jan. 28 -- Q1、一季度、年初、12月底", ref_date=ref)] == [
        "2026-01-28", "2026-Q1", "2026-Q1", "2026-01", "2026-12-31",
    ]


def test_date_without_any_year_is_partial():
    m = one("1月16日")
    assert m.value == "--01-16" and "year unknown" in m.notes


# --- direction -----------------------------------------------------------------------------------


def test_printed_sign_is_kept_and_direction_is_separate():
    m = one("净流出1412.8亿")
    assert (m.value, m.unit, m.direction) == (D("1412.8e8"), "CNY", "outflow")


def test_change_in_a_flow_has_no_direction():
    flow, change = extract("本周净流出1412.8亿元，较前一周变化为-1436.2亿元")
    assert flow.direction == "outflow" and change.direction == "none" and change.value < 0
    assert one("较前一周略减少31.6亿元").direction == "none"


def test_levels_have_no_direction():
    for m in extract("总规模6.27万亿元，成交额2000亿元，收于4165.29点，上涨1.2%"):
        assert m.direction == "none"


@pytest.mark.parametrize(
    "text, direction",
    [
        ("净申购163.76亿元", "inflow"),
        ("净赎回30.29亿元", "outflow"),
        ("吸金超100亿元", "inflow"),
        ("被抛售超1000亿元", "outflow"),
        ("份额减少15.35亿份", "outflow"),
        ("份额合计增加6亿份", "inflow"),
        ("增持约4100亿元", "inflow"),
        ("减持约683亿元", "outflow"),
        ("net outflows of RMB 212.6 billion", "outflow"),
        ("took in 12.5 billion yuan", "inflow"),
        ("negative net issuance of $1.5bn", "outflow"),
        ("净流入-12.6亿元", "outflow"),
    ],
)
def test_direction_words(text, direction):
    assert one(text).direction == direction


# --- hedges --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("超过100亿元", "over"),
        ("逾200亿元", "over"),
        ("突破4000点", "over"),
        ("2000亿元以上", "over"),
        ("近700亿元", "nearly"),
        ("逼近4100点", "nearly"),
        ("约73亿元", "about"),
        ("20%左右", "about"),
        ("不到10亿元", "under"),
        ("跌破3000点", "under"),
        ("失守4000点", "under"),
        ("more than $2.8 billion", "over"),
        ("topping CNY700 billion", "over"),
        ("nearly 87 billion units", "nearly"),
        ("close to CNY360 billion", "nearly"),
        ("approximately RMB 80 billion", "about"),
        ("around 73 billion yuan", "about"),
        ("less than 3%", "under"),
        ("under 5%", "under"),
        ("2500亿元", "none"),
    ],
)
def test_hedges(text, hedge):
    assert one(text).hedge == hedge


def test_recent_is_not_a_hedge():
    found = extract("近两周、近20个交易日、近一周")
    assert [(m.value, m.hedge) for m in found] == [(D(2), "none"), (D(20), "none")]


def test_hedge_governs_a_list():
    found = extract("三只ETF分别净流入约30亿元、25亿元和20亿元")
    assert [m.hedge for m in found] == ["none", "about", "about", "about"]
    found = extract("Around 73 billion yuan went to CSI 300 funds and 53 billion yuan to ChiNext funds, respectively.")
    assert [m.hedge for m in found] == ["about", "about"]


# --- not numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "沪深300、中证500、中证1000、中证2000、中证A500、科创50、上证50",
        "A500ETF, CSI 300, CSI 2000, China 50, S&P 500, Nikkei 225",
        "510300、300308.SZ、159915.SZ、0050",
        "第1期、第一、第三周、首只、单日、一周、一系列、第一财经、万得、半导体",
        "[1] [0][1] ETFs2 Data[1] [^flow.category.broad]",
        "一、资金流向\n1. 宽基ETF\nII. Outlook\n(1) 行业",
        "SAC执业证书编号：S0340512060001 电话：0769-26628039 13812345678",
        "十五规划、十四五规划",
        "the third week, the first ETF",
        "两市成交、两融余额、周五收盘",
    ],
)
def test_not_numbers(text):
    assert values(text) == []


# --- markdown ------------------------------------------------------------------------------------


def test_markdown_code_urls_and_images_are_skipped():
    text = (
        "# 周报\n\n宽基ETF净流出2126亿元。\n\n```python\nx = 2126.17\n```\n\n"
        "见[原文](https://example.com/2026/01/17.html)和![图1](img/2026.png)，`510300`。\n"
    )
    assert values(text) == [("2126亿元", D("2126e8"), "CNY")]


def test_markdown_table_scale_header_and_direction():
    text = (
        "| 类型 | 最新规模(亿元) | 本周净流入(亿元) | 代码 |\n"
        "|---|---|---|---|\n"
        "| 宽基 | 12634.9 | -2126 | 510300 |\n"
        "| 行业 | 2992.1 | +693 | 159915 |\n"
    )
    found = extract(text)
    assert [(m.text, m.value, m.unit, m.direction, m.line) for m in found] == [
        ("12634.9", D("12634.9e8"), "CNY", "none", 3),
        ("-2126", D("-2126e8"), "CNY", "outflow", 3),
        ("2992.1", D("2992.1e8"), "CNY", "none", 4),
        ("+693", D("693e8"), "CNY", "inflow", 4),
    ]


def test_plain_text_flattened_table():
    text = "Capital Flow Category Net Inflow (RMB 100 million) Flow Nature\nBroad-Based Index ETF\n-2126\nIndustry ETF\n+693\n"
    found = extract(text)
    assert [(m.value, m.unit, m.direction) for m in found] == [
        (D("-2126e8"), "CNY", "outflow"),
        (D("693e8"), "CNY", "inflow"),
    ]


def test_caption_and_percent_headers():
    text = "单位：亿份\n\n| 基金 | 份额变化 |\n|---|---|\n| A | -99.2 |\n\n| 指数 | 涨跌幅(%) |\n|---|---|\n| B | 1.25 |"
    a, b = extract(text)
    assert (a.value, a.unit, a.direction) == (D("-99.2e8"), "shares", "outflow")
    assert (b.value, b.unit) == (D("0.0125"), "pct")


def test_footnote_reference_binds_the_fact_id():
    text = "宽基ETF净流出2126.17亿元[^flow.category.broad]，约48.6%[^ratio.share]。\n\n[^flow.category.broad]: 规模型ETF净流出2126.17亿元。"
    found = extract(text)
    assert [(m.value, m.fact_ref, m.line) for m in found] == [
        (D("2126.17e8"), "flow.category.broad", 1),
        (D("0.486"), "ratio.share", 1),
        (D("2126.17e8"), None, 3),
    ]


def test_unreadable_spans_are_reported():
    found = extract("数百亿元资金、十几只ETF、1,23,456份")
    assert [m.unparsed for m in found] == [True, True, True]
    assert all(m.value is None for m in found)


def test_ranges_share_scale_unit_and_hedge():
    assert [(m.value, m.unit, m.hedge) for m in extract("约5至10亿元；1.5~2%")] == [
        (D("5e8"), "CNY", "about"),
        (D("10e8"), "CNY", "about"),
        (D("0.015"), "pct", "none"),
        (D("0.02"), "pct", "none"),
    ]


def test_ref_date_may_be_given_as_text():
    assert one("1月16日", ref_date="2026-01-19").value == "2026-01-16"


def test_parenthesised_conversion_follows_the_amount():
    cny, usd = extract("Net outflows topped CNY700 billion (USD100.8 billion) this year.")
    assert (cny.hedge, cny.direction) == ("over", "outflow")
    assert (usd.unit, usd.hedge, usd.direction) == ("USD", "over", "outflow")


def test_a_bare_year_does_not_move_later_dates_outside_its_sentence():
    from etfwriter.evals.extract import extract

    text = "上周（1月12日-1月16日）宽基ETF净流出2126.17亿元，相当于2025年全年的净流出量。截至1月16日，规模6.02万亿元；自14日起提高至100%。"
    dates = [(m.text, m.value) for m in extract(text, ref_date="2026-01-19") if m.unit == "date"]
    assert dates == [("1月12日", "2026-01-12"), ("1月16日", "2026-01-16"), ("2025年", "2025"),
                     ("1月16日", "2026-01-16"), ("14日", "2026-01-14")]
    en = "Launched in 2012, the funds lost money. On Jan. 20 CITIC said so."
    assert [m.value for m in extract(en, ref_date="2026-01-19") if m.unit == "date"] == ["2012", "2026-01-20"]
    # within its own sentence a bare year does set the year
    same = "2024年，9月24日之后ETF净流入2911亿元。"
    assert [m.value for m in extract(same) if m.unit == "date"][:2] == ["2024", "2024-09-24"]


def test_digits_inside_an_english_fund_name_are_not_numbers():
    from etfwriter.evals.extract import extract

    assert [m.text for m in extract("E FUND CSI OVERSEAS CHINA INTERNET 50 ETF saw a net outflow of RMB 2.1 billion.")] == ["RMB 2.1 billion"]
    assert extract("The KraneShares China Internet 50 ETF fell.") == []
    # counts stay counts
    assert [m.value for m in extract("All 50 ETF products listed; over 50 ETFs saw outflows.")] == [50, 50]


def test_month_names_alone_and_months_after_the_reference_date():
    from etfwriter.evals.extract import extract

    got = [(m.text, m.value) for m in extract("Assets hit a record at the end of December; in March they fell. October saw inflows.",
                                              ref_date="2026-01-19") if m.unit == "date"]
    assert got == [("December", "2025-12"), ("March", "2025-03"), ("October", "2025-10")]
    # 'may' the verb is not a month; 'in May' is
    assert [m.value for m in extract("Flows may turn. Launched in May.", ref_date="2026-06-30")] == ["2026-05"]
    assert [m.value for m in extract("截至12月末，规模6万亿元。", ref_date="2026-01-19")][0] == "2025-12-31"
    assert [m.value for m in extract("On Jan. 20 CITIC said so.", ref_date="2026-01-19")] == ["2026-01-20"]


def test_list_hedge_does_not_cross_a_clause_and_levels_and_counts_from_context():
    from etfwriter.evals.extract import extract

    text = "股票型ETF累计净流出近1900亿元，其中甲、乙两只ETF分别净流出327.8亿元、215.4亿元。"
    assert [(m.text, m.hedge) for m in extract(text) if m.unit == "CNY"] == [("1900亿元", "nearly"), ("327.8亿元", "none"), ("215.4亿元", "none")]
    assert [m.hedge for m in extract("两只ETF分别净流入约73亿元、53亿元。")][-2:] == ["about", "about"]
    held = extract("Analysts expect inflows to resume, estimating that state funds hold about 1.2 trillion yuan of ETF assets.")
    assert [(m.direction, m.hedge) for m in held] == [("none", "about")]
    level = extract("The CSI 300 index was down 0.4% at 4,532.18 by the midday break.")
    assert [(m.text, m.unit) for m in level] == [("0.4%", "pct"), ("4,532.18", "points")]
    assert [m.unit for m in extract("上证指数收于4112.6，跌0.33%。")] == ["points", "pct"]
    assert [m.unit for m in extract("There were 1,424 ETFs, and 125 of them grew.")] == ["count", "count"]


# --- dates written as 1.16 and 1/16; currencies other than the yuan -----------------------------


def _dates(text: str, **kw) -> list[tuple]:
    return [(m.text, m.value) for m in extract(text, **kw) if m.unit == "date"]


def test_dotted_month_day_in_chinese_is_a_date_only_in_a_date_context():
    ref = {"ref_date": "2026-01-17"}
    assert _dates("本周（1.12-1.16）宽基ETF净流出2126亿元。", **ref) == [("1.12", "2026-01-12"), ("1.16", "2026-01-16")]
    assert _dates("1.12—1.16，资金净流入30亿元", **ref) == [("1.12", "2026-01-12"), ("1.16", "2026-01-16")]
    assert _dates("1.5~1.9期间净流出", **ref) == [("1.5", "2026-01-05"), ("1.9", "2026-01-09")]
    assert _dates("1.12至1.16，宽基ETF流出", **ref) == [("1.12", "2026-01-12"), ("1.16", "2026-01-16")]
    assert _dates("截至1.16，规模达6万亿元", **ref) == [("1.16", "2026-01-16")]
    assert _dates("自1.5以来净流入80亿元", **ref) == [("1.5", "2026-01-05")]
    assert _dates("1.16日净流入5亿元", **ref) == [("1.16日", "2026-01-16")]
    assert _dates("周五（1.16）净流出", **ref) == [("1.16", "2026-01-16")]
    assert _dates("单日净流出202亿元，为1.15当日最大", **ref) == [("1.15", "2026-01-15")]
    assert _dates("上周（1.12-16）净申购", **ref) == [("1.12", "2026-01-12"), ("16", "2026-01-16")]
    # a traditional-script article reads the same
    assert _dates("本週（1.12-1.16）淨流出", **ref) == [("1.12", "2026-01-12"), ("1.16", "2026-01-16")]


def test_dotted_decimals_stay_numbers():
    assert values("涨幅1.16，换手率2.3%。") == [("1.16", D("1.16"), "other"), ("2.3%", D("0.023"), "pct")]
    assert values("溢价率1.16倍") == [("1.16倍", D("1.16"), "ratio")]
    assert values("估值1.5-2.0倍") == [("1.5", D("1.5"), "ratio"), ("2.0倍", D("2"), "ratio")]
    assert values("净流入1.12-1.16亿元") == [("1.12", D("1.12e8"), "CNY"), ("1.16亿元", D("1.16e8"), "CNY")]
    assert values("净值1.16元") == [("1.16元", D("1.16"), "CNY")]
    assert values("占比1.12-1.16%") == [("1.12", D("0.0112"), "pct"), ("1.16%", D("0.0116"), "pct")]
    assert values("收于1.16，低于1.12") == [("1.16", D("1.16"), "other"), ("1.12", D("1.12"), "other")]
    assert values("PB在1.2-1.5之间") == [("1.2", D("1.2"), "other"), ("1.5", D("1.5"), "other")]
    # across a month end, a long span needs a date cue; a descending pair is no range of days
    assert _dates("比值在1.5-2.5之间") == []
    assert _dates("本周（1.26-2.6）净流入", ref_date="2026-02-07") == [("1.26", "2026-01-26"), ("2.6", "2026-02-06")]
    assert _dates("由1.16降到1.05") == []
    # part of a longer number, a version, a negative number, an impossible day
    assert _dates("版本v1.12-1.16") == []
    assert _dates("区间-1.12-1.16") == []
    assert _dates("截至2.30，净流入") == []
    assert _dates("3.1.12-1.16期间") == []
    # English text: no shorthand dates
    assert _dates("The ratio rose from 1.12-1.16 this week.") == []


def test_dotted_ranges_across_the_year_end_take_consecutive_years():
    assert _dates("12.29-1.2当周净流入", ref_date="2026-01-05") == [("12.29", "2025-12-29"), ("1.2", "2026-01-02")]
    assert _dates("12.29-1.2当周净流入", ref_date="2025-12-31") == [("12.29", "2025-12-29"), ("1.2", "2026-01-02")]
    # the year from the text: the range lies nearest the month the text is at
    assert _dates("2026年1月第一周（12.29-1.2）")[1:] == [("12.29", "2025-12-29"), ("1.2", "2026-01-02")]
    assert _dates("2025年12月：12.29-1.2")[1:] == [("12.29", "2025-12-29"), ("1.2", "2026-01-02")]
    # no year anywhere: month and day only
    assert _dates("12.29-1.2当周") == [("12.29", "--12-29"), ("1.2", "--01-02")]
    # a year written on one end goes with it
    assert _dates("2025.12.29-1.2") == [("2025.12.29", "2025-12-29"), ("1.2", "2026-01-02")]
    assert _dates("2025年12月29日至1月2日") == [("2025年12月29日", "2025-12-29"), ("1月2日", "2026-01-02")]
    assert _dates("12月29日至2026年1月2日") == [("12月29日", "2025-12-29"), ("2026年1月2日", "2026-01-02")]
    assert _dates("12月29日至1月2日", ref_date="2026-01-05") == [("12月29日", "2025-12-29"), ("1月2日", "2026-01-02")]
    assert _dates("From Dec. 29 to Jan. 2, flows rose.", ref_date="2026-01-05") == [
        ("Dec. 29", "2025-12-29"), ("Jan. 2", "2026-01-02")]
    # ranges inside one year are unchanged
    assert _dates("12.22-12.26期间", ref_date="2026-01-05") == [("12.22", "2025-12-22"), ("12.26", "2025-12-26")]
    assert _dates("1月12日至1月16日", ref_date="2026-01-17") == [("1月12日", "2026-01-12"), ("1月16日", "2026-01-16")]


def test_us_numeric_dates_in_english():
    assert _dates("As of 1/16/2026, inflows rose.") == [("1/16/2026", "2026-01-16")]
    assert _dates("As of 01/16/26, inflows rose.") == [("01/16/26", "2026-01-16")]
    assert _dates("Data as of 16/01/2026.") == [("16/01/2026", "2026-01-16")]  # day first: 16 is no month
    assert _dates("Updated 1/16.", ref_date="2026-01-17") == [("1/16", "2026-01-16")]
    assert _dates("In the week of 1/12-1/16, flows rose.", ref_date="2026-01-17") == [
        ("1/12", "2026-01-12"), ("1/16", "2026-01-16")]
    assert _dates("between 1/5 and 1/9 the fund grew", ref_date="2026-01-17") == [
        ("1/5", "2026-01-05"), ("1/9", "2026-01-09")]
    assert _dates("on 1/5 the fund grew", ref_date="2026-01-17") == [("1/5", "2026-01-05")]
    assert _dates("12/29-1/2 saw inflows", ref_date="2026-01-05") == [("12/29", "2025-12-29"), ("1/2", "2026-01-02")]
    assert _dates("Between 12/29 and 1/2, flows rose.", ref_date="2026-01-05") == [
        ("12/29", "2025-12-29"), ("1/2", "2026-01-02")]


def test_fractions_and_non_dates_with_a_slash_stay_as_they_were():
    assert values("About 1/3 of the money left.") == [("1/3", D(1) / 3, "ratio")]
    assert values("Morningstar rates the fund 4/5.") == [("4/5", D("0.8"), "ratio")]
    assert values("between 1/3 and 1/2 of the money") == [("1/3", D(1) / 3, "ratio"), ("1/2", D("0.5"), "ratio")]
    assert values("1/2-1/3 of the assets") == [("1/2", D("0.5"), "ratio"), ("1/3", D(1) / 3, "ratio")]
    assert _dates("Some 13/13/2026 typo and a 60/40 portfolio.") == [("2026", "2026")]
    # Chinese text: 1/3 is a fraction, and month/day is not read there
    assert values("约1/3的资金流入") == [("1/3", D(1) / 3, "ratio")]
    assert _dates("约1/16的资金流入") == []


def test_currency_before_or_after_the_number_in_english():
    def got(text):
        return [(m.text, m.value, m.unit, m.direction) for m in extract(text)]

    assert got("It drew HK$5 billion in inflows.") == [("HK$5 billion", D("5e9"), "HKD", "inflow")]
    assert got("Outflows hit US$2.1bn.") == [("US$2.1bn", D("2.1e9"), "USD", "outflow")]
    assert got("Inflows of RMB5.2bn.") == [("RMB5.2bn", D("5.2e9"), "CNY", "inflow")]
    assert got("Outflows of 5.2bn yuan.") == [("5.2bn yuan", D("5.2e9"), "CNY", "outflow")]
    assert got("It raised CNY 30 billion.") == [("CNY 30 billion", D("3e10"), "CNY", "inflow")]
    assert got("Inflows of 5bn HK dollars.") == [("5bn HK dollars", D("5e9"), "HKD", "inflow")]
    assert got("Inflows of 5 billion Hong Kong dollar.") == [("5 billion Hong Kong dollar", D("5e9"), "HKD", "inflow")]
    assert got("Inflows of 5.2 billion Chinese yuan.") == [("5.2 billion Chinese yuan", D("5.2e9"), "CNY", "inflow")]


def test_other_currencies_are_not_yuan_and_keep_their_direction():
    for text in ("Inflows of S$3bn.", "Inflows of A$3bn.", "Inflows of C$3bn.", "Inflows of SGD 3bn.",
                 "Inflows of SGD3bn.", "Inflows of 3bn Singapore dollars.", "Inflows of 3bn euros.",
                 "Inflows of three billion euros.", "Inflows of KRW 3bn."):
        m = one(text)
        assert (m.value, m.unit, m.direction) == (D("3e9"), "other", "inflow"), text
    assert [(m.value, m.unit, m.direction) for m in extract("净流入5亿新加坡元，流入3亿澳元。")] == [
        (D("5e8"), "other", "inflow"), (D("3e8"), "other", "inflow")]


def test_a_currency_on_the_low_end_of_a_range_and_a_scale_on_the_high_end():
    assert [(m.text, m.value, m.unit, m.direction) for m in extract("HK$5-6 billion of inflows")] == [
        ("HK$5", D("5e9"), "HKD", "inflow"), ("6 billion", D("6e9"), "HKD", "inflow")]
    assert [(m.text, m.value, m.unit, m.direction) for m in extract("RMB 1.2 to 1.5 billion of outflows")] == [
        ("RMB 1.2", D("1.2e9"), "CNY", "outflow"), ("1.5 billion", D("1.5e9"), "CNY", "outflow")]
    assert [(m.value, m.unit) for m in extract("人民币5-6亿元净流入")] == [(D("5e8"), "CNY"), (D("6e8"), "CNY")]
    assert [(m.value, m.unit) for m in extract("US$5-6 per unit")] == [(D(5), "USD"), (D(6), "USD")]


def test_a_full_us_date_in_chinese_text():
    assert _dates("截至1/16/2026，净流入5亿元") == [("1/16/2026", "2026-01-16")]
    assert _dates("截至1/16，净流入5亿元") == []


def test_a_verb_of_rising_or_falling_marks_a_percentage_as_a_move():
    def changes(text):
        return [(m.text, m.change) for m in extract(text)]

    assert changes("沪深300下跌0.6%，中证2000上涨约1.5%，跌幅1.18%，涨幅0.90%") == [
        ("0.6%", "down"), ("1.5%", "up"), ("1.18%", "down"), ("0.90%", "up")]
    assert changes("The CSI 300 fell 0.6%; the CSI 2000 rose by about 1.5%, down 1.2% on the week") == [
        ("0.6%", "down"), ("1.5%", "up"), ("1.2%", "down")]
    # a level after 至 / to, a printed sign, 涨跌幅 and a share are not moves
    assert changes("费率下降至0.15%，涨跌幅-0.6%，占比48.6%，the share dropped to 22.3%") == [
        ("0.15%", "none"), ("-0.6%", "none"), ("48.6%", "none"), ("22.3%", "none")]
    assert changes("管理费下调0.35个百分点") == [("0.35个百分点", "down")]
