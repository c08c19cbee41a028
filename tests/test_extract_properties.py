"""Properties of the extractor over generated inputs (hypothesis)."""

from __future__ import annotations

import os
import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etfwriter.evals.extract import extract

# EXTRACT_FUZZ_EXAMPLES=5000 runs a longer search locally
SETTINGS = settings(
    max_examples=int(os.environ.get("EXTRACT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# text that looks like the articles: digits, Chinese, units, punctuation, Markdown bits
_PIECES = list("0123456789０１２３.,，。%％-+:：亿万元份只点倍年月日季度近超约逾不到以上左右流入出净沪深中证ETF$RMB()（）|*#[]^`\n ")
article_like = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


def _check_spans(text: str) -> None:
    found = extract(text)
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.line == len(re.findall(r"\r\n|\r|\n", text[: m.start])) + 1
        assert (m.value is None) == m.unparsed
        if m.unit == "date" and m.value is not None:
            assert isinstance(m.value, str)


@SETTINGS
@given(st.text(max_size=300))
def test_never_crashes_on_arbitrary_unicode(text):
    _check_spans(text)


@SETTINGS
@given(article_like)
def test_spans_index_article_like_text(text):
    _check_spans(text)


@SETTINGS
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFG的是在了和资金市场基金指数行业主题", max_size=60), article_like)
def test_an_unrelated_paragraph_before_only_shifts_offsets(prefix, text):
    prefix = prefix + "。\n\n"
    base = extract(text)
    moved = [m for m in extract(prefix + text) if m.start >= len(prefix)]
    k = len(prefix)
    assert [(m.start - k, m.end - k, m.value, m.unit, m.direction, m.hedge) for m in moved] == [
        (m.start, m.end, m.value, m.unit, m.direction, m.hedge) for m in base
    ]


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@SETTINGS
@given(amounts)
def test_round_trip_yi_yuan(d):
    text = f"宽基ETF本周净流出{d}亿元。"
    (m,) = extract(text)
    assert (m.value, m.unit, m.direction, m.precision) == (d * Decimal("1e8"), "CNY", "outflow", Decimal("1e6"))


@SETTINGS
@given(amounts)
def test_round_trip_rmb_billion(d):
    text = f"Sector funds drew RMB {d} billion in the week."
    (m,) = extract(text)
    assert (m.value, m.unit, m.direction, m.precision) == (d * Decimal("1e9"), "CNY", "inflow", Decimal("1e7"))


@SETTINGS
@given(st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("99.9"), places=1))
def test_round_trip_percent(d):
    text = f"占比{d}%，"
    (m,) = extract(text)
    assert (m.value, m.unit, m.precision) == (d / 100, "pct", Decimal("0.001"))


@SETTINGS
@given(amounts)
def test_round_trip_full_width(d):
    wide = str(d).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."})
    text = f"净流入{wide}亿元"
    (m,) = extract(text)
    assert m.value == d * Decimal("1e8") and m.text == f"{wide}亿元"


@SETTINGS
@given(st.integers(min_value=1000, max_value=9_999_999), st.sampled_from(["", ",", " "]))
def test_round_trip_thousands_separators(n, sep):
    grouped = f"{n:,}".replace(",", sep)
    text = f"成交 {grouped} 元"
    (m,) = extract(text)
    assert (m.value, m.unit) == (Decimal(n), "CNY")


_ZH_DIGITS = "零一二三四五六七八九"


def _zh_numeral(n: int) -> str:
    """Write 1 <= n < 10**12 the standard way (十五, 一百零五, 三万五千亿 ...)."""

    def small(k: int, lead: bool) -> str:
        out, zero = "", False
        for unit, place in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            dgt = k // unit % 10
            if dgt:
                if zero:
                    out += "零"
                    zero = False
                out += ("" if (unit == 10 and dgt == 1 and not out and lead) else _ZH_DIGITS[dgt]) + place
            elif out:
                zero = True
        return out

    parts = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out = ""
    for k, name in parts:
        if k:
            if out and k < 1000:
                out += "零"
            out += small(k, not out) + name
        elif out and not out.endswith("零"):
            out += "零"
    return out.rstrip("零")


@SETTINGS
@given(st.integers(min_value=2, max_value=10**12 - 1))
def test_round_trip_chinese_numerals(n):
    text = f"共{_zh_numeral(n)}只"
    found = extract(text)
    assert [(m.value, m.unit) for m in found] == [(Decimal(n), "count")], (text, found)


@SETTINGS
@given(st.dates())
def test_round_trip_dates(day):
    iso = day.isoformat()
    for text in (f"截至{day.year}年{day.month}月{day.day}日", f"as of {iso}", f"{day:%Y%m%d}"):
        if day.year < 1900 or day.year > 2099:
            continue
        (m,) = extract(text)
        assert (m.unit, m.value) == ("date", iso)
