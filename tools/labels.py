"""Chinese and English names of categories, families, themes and indices."""

from __future__ import annotations

from .classify import CATEGORY_LABELS
from .dataset import INDEX_KEYS

__all__ = ["GROUP_LABELS", "group_label", "category_label", "index_label"]

GROUP_LABELS: dict[str, tuple[str, str]] = {
    "csi300": ("沪深300ETF", "CSI 300 ETFs"),
    "sse50": ("上证50ETF", "SSE 50 ETFs"),
    "csi500": ("中证500ETF", "CSI 500 ETFs"),
    "csi1000": ("中证1000ETF", "CSI 1000 ETFs"),
    "csi2000": ("中证2000ETF", "CSI 2000 ETFs"),
    "cni2000": ("国证2000ETF", "CNI 2000 ETFs"),
    "a500": ("中证A500ETF", "CSI A500 ETFs"),
    "chinext": ("创业板ETF", "ChiNext ETFs"),
    "star50": ("科创50ETF", "STAR 50 ETFs"),
    "star100": ("科创100ETF", "STAR 100 ETFs"),
    "star_composite": ("科创综指ETF", "STAR Composite ETFs"),
    "other_broad": ("其他宽基ETF", "other broad-based ETFs"),
    "software": ("软件ETF", "software ETFs"),
    "satellite": ("卫星ETF", "satellite ETFs"),
    "nonferrous": ("有色金属ETF", "non-ferrous metals ETFs"),
    "ai": ("人工智能ETF", "AI ETFs"),
    "grid": ("电网设备ETF", "power-grid equipment ETFs"),
    "robot": ("机器人ETF", "robotics ETFs"),
    "photovoltaic": ("光伏ETF", "photovoltaic ETFs"),
    "defense": ("军工ETF", "defense ETFs"),
    "real_estate": ("房地产ETF", "real-estate ETFs"),
    "semiconductor": ("半导体ETF", "semiconductor ETFs"),
    "securities": ("证券ETF", "securities ETFs"),
    "broker": ("券商ETF", "brokerage ETFs"),
    "liquor": ("酒ETF", "liquor ETFs"),
    "bank": ("银行ETF", "bank ETFs"),
    "chips": ("芯片ETF", "chip ETFs"),
    "cloud": ("云计算ETF", "cloud-computing ETFs"),
    "media": ("传媒ETF", "media ETFs"),
    "hstech": ("恒生科技ETF", "Hang Seng TECH ETFs"),
    "hk_internet": ("港股互联网ETF", "Hong Kong internet ETFs"),
    "china_internet": ("中概互联网ETF", "China internet ETFs"),
    "nasdaq100": ("纳斯达克100ETF", "Nasdaq-100 ETFs"),
    "hk_innovative_drug": ("港股创新药ETF", "Hong Kong innovative-drug ETFs"),
    "gold": ("黄金ETF", "gold ETFs"),
    "convertible_bond": ("可转债ETF", "convertible-bond ETFs"),
    "policy_financial_bond": ("政金债ETF", "policy-bank bond ETFs"),
    "urban_investment_bond": ("城投债ETF", "urban-investment bond ETFs"),
    "short_term_financing_bond": ("短融ETF", "short-term financing bond ETFs"),
    "money_market": ("货币ETF", "money-market ETFs"),
}


def group_label(key: str) -> tuple[str, str]:
    return GROUP_LABELS.get(key, (f"{key}ETF", f"{key.replace('_', ' ')} ETFs"))


def category_label(key: str) -> tuple[str, str]:
    return CATEGORY_LABELS[key]


def index_label(key: str) -> tuple[str, str]:
    return INDEX_KEYS.get(key, (key, key))
