r"""Display strings for facts, in Chinese and English.

Rounding rule: ROUND_HALF_UP on the exact Decimal, to the places shown below; the eval rounds a
fact to the precision written, so a display string always supports its own fact.

| unit | zh | en |
|---|---|---|
| CNY, \|v\| >= 1万亿 | 6.03万亿元 (2 places of 万亿) | RMB 6.03 trillion |
| CNY, \|v\| >= 1亿 | 2126.17亿元 (2 places of 亿) | RMB 212.62 billion (2 places of billion) if >= 1bn, else RMB 350.12 million |
| CNY, \|v\| < 1亿 | 3512.40万元 | RMB 35.12 million |
| shares | 99.12亿份 / 3512.40万份 | 9.91 billion units / 35.12 million units |
| pct | 48.6% (places per fact, default 1) | 48.6% |
| pct points | 1.2个百分点 | 1.2 percentage points |
| ratio | 3.07倍 | 3.07 times |
| stars | ★★★★☆ | ★★★★☆ |
| count | 12只 / 5个交易日 | 12 ETFs / 5 trading days |
| points | 4165.29点 | 4,165.29 points |
| date | 2026年1月15日 | January 15, 2026 |

Flows (direction inflow/outflow) are shown as magnitudes with a direction word: 净流入/净流出,
"net inflow of" / "net outflow of". Other signed amounts keep their sign (+/-).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["round_half_up", "cny", "shares", "pct", "ratio", "stars", "count", "points", "date", "flow"]

YI = Decimal(10) ** 8
WAN = Decimal(10) ** 4
WANYI = Decimal(10) ** 12
BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6
TRILLION = Decimal(10) ** 12


def round_half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _fmt(value: Decimal, places: int, *, grouping: bool = False) -> str:
    v = round_half_up(value, places)
    if v == 0:
        v = abs(v)
    return f"{v:,.{places}f}" if grouping else f"{v:.{places}f}"


def _sign(value: Decimal, signed: bool) -> str:
    if not signed:
        return ""
    return "+" if value > 0 else ("-" if value < 0 else "")


def cny(value: Decimal, *, signed: bool = False) -> tuple[str, str]:
    """Amount of money in yuan; magnitude unless `signed`."""
    a = abs(value)
    sg = _sign(value, signed)
    if a >= WANYI:
        zh = f"{sg}{_fmt(a / WANYI, 2)}万亿元"
    elif a >= YI:
        zh = f"{sg}{_fmt(a / YI, 2)}亿元"
    else:
        zh = f"{sg}{_fmt(a / WAN, 2)}万元"
    if a >= TRILLION:
        en = f"{sg}RMB {_fmt(a / TRILLION, 2)} trillion"
    elif a >= BILLION:
        en = f"{sg}RMB {_fmt(a / BILLION, 2)} billion"
    else:
        en = f"{sg}RMB {_fmt(a / MILLION, 2)} million"
    return zh, en


def flow(value: Decimal) -> tuple[str, str]:
    """A net flow: direction word + magnitude."""
    zh, en = cny(value)
    if value < 0:
        return f"净流出{zh}", f"net outflow of {en}"
    if value > 0:
        return f"净流入{zh}", f"net inflow of {en}"
    return f"净流入{zh}", f"net inflow of {en}"


def shares(value: Decimal, *, signed: bool = False) -> tuple[str, str]:
    a = abs(value)
    sg = _sign(value, signed)
    zh = f"{sg}{_fmt(a / YI, 2)}亿份" if a >= YI else f"{sg}{_fmt(a / WAN, 2)}万份"
    en = f"{sg}{_fmt(a / BILLION, 2)} billion units" if a >= BILLION else f"{sg}{_fmt(a / MILLION, 2)} million units"
    return zh, en


def pct(value: Decimal, places: int = 1, *, signed: bool = False, points_change: bool = False) -> tuple[str, str]:
    """`value` is a fraction (0.486 -> 48.6%)."""
    hundred = value * 100
    sg = _sign(hundred, signed) if signed else ("-" if round_half_up(hundred, places) < 0 else "")
    body = _fmt(abs(hundred), places)
    if points_change:
        return f"{sg}{body}个百分点", f"{sg}{body} percentage points"
    return f"{sg}{body}%", f"{sg}{body}%"


def ratio(value: Decimal, places: int = 2) -> tuple[str, str]:
    body = _fmt(value, places)
    return f"{body}倍", f"{body} times"


def stars(value: int) -> tuple[str, str]:
    s = "★" * value + "☆" * (5 - value)
    return s, s


def count(value: int, noun_zh: str = "只", noun_en: str = "ETFs") -> tuple[str, str]:
    if value == 1:
        noun_en = _singular(noun_en)
    return f"{value}{noun_zh}", f"{value} {noun_en}"


def _singular(noun: str) -> str:
    """'trading days' -> 'trading day', 'windows of the same length' -> 'window of ...', 'index families' -> 'index family'."""
    words = noun.split(" ")
    i = words.index("of") - 1 if "of" in words else len(words) - 1
    w = words[i]
    words[i] = w[:-3] + "y" if w.endswith("ies") else (w[:-1] if w.endswith("s") else w)
    return " ".join(words)


def points(value: Decimal, places: int = 2) -> tuple[str, str]:
    return f"{_fmt(value, places)}点", f"{_fmt(value, places, grouping=True)} points"


def date(value: dt.date) -> tuple[str, str]:
    return f"{value.year}年{value.month}月{value.day}日", f"{value:%B} {value.day}, {value.year}"
