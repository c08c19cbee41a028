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
