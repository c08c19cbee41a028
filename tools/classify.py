"""Classify an ETF by the index it tracks (not by its name).

Rules, in order:
1. money / bond / commodity from the fund type or the index (货币, 债, 黄金/商品);
2. cross-border when the fund is QDII or the index is a Hong Kong / overseas index;
3. A-share equity: broad (宽基) when the index is a size or composite index, else sector/theme.
Strategy, dividend and style indices are folded into sector/theme.
"""

from __future__ import annotations

import re

__all__ = ["CATEGORIES", "CATEGORY_LABELS", "classify_index", "BROAD_FAMILIES"]

CATEGORIES = ("broad", "sector_theme", "cross_border", "bond", "commodity", "money")
CATEGORY_LABELS = {
    "broad": ("宽基ETF", "broad-based ETFs"),
    "sector_theme": ("行业主题ETF", "sector and theme ETFs"),
    "cross_border": ("跨境ETF", "cross-border ETFs"),
    "bond": ("债券ETF", "bond ETFs"),
    "commodity": ("商品ETF", "commodity ETFs"),
    "money": ("货币ETF", "money-market ETFs"),
}

# (pattern on the index name, family key) for size/composite indices: these make an ETF broad.
_BROAD = [
    (r"沪深\s*300|^000300$|CSI\s*300", "csi300"),
    (r"上证\s*50|^000016$|SSE\s*50", "sse50"),
    (r"中证\s*500|^000905$|CSI\s*500", "csi500"),
    (r"中证\s*1000|^000852$|CSI\s*1000", "csi1000"),
    (r"中证\s*2000|^932000$|CSI\s*2000", "csi2000"),
    (r"国证\s*2000|CNI\s*2000", "cni2000"),
    (r"A500|^000510$", "a500"),
    (r"创业板指|创业板50|创业板综|^399006$|^399673$|ChiNext(?!\s*Soft)", "chinext"),
    (r"科创\s*50|科创板\s*50|^000688$|STAR\s*50", "star50"),
    (r"科创\s*100|STAR\s*100", "star100"),
    (r"科创综指|科创板综合|^000680$", "star_composite"),
    (r"中证\s*800|深证\s*100|双创\s*50|中证\s*A50|中证\s*A100|上证\s*180|上证指数|深证成指", "other_broad"),
]
_CROSS_BORDER = r"恒生|港股|香港|纳斯达克|标普|道琼斯|日经|海外|中概|德国|法国|QDII|Hang Seng|Nasdaq|S&P"
_BOND = r"债|Bond"
_COMMODITY = r"黄金|上海金|Au99|白银|豆粕|有色金属期货|商品|Gold"
_MONEY = r"货币|现金|保证金|添益|日利|Money"
BROAD_FAMILIES = [family for _, family in _BROAD]


def classify_index(index_name: str, index_code: str = "", fund_type: str = "") -> tuple[str, str | None]:
    """Return (category, broad family or None) for a tracked index.

    `fund_type` is the vendor's fund type text when known (e.g. 货币型, 债券型, QDII).
    """
    text = f"{fund_type} {index_name}".strip()
    if re.search(_MONEY, text, re.I):
        return "money", None
    if re.search(_BOND, text, re.I):
        return "bond", None
    if re.search(_COMMODITY, text, re.I):
        return "commodity", None
    if re.search(_CROSS_BORDER, text, re.I):
        return "cross_border", None
    for pattern, family in _BROAD:
        if re.search(pattern, index_name, re.I) or (index_code and re.search(pattern, index_code)):
            return "broad", family
    return "sector_theme", None
