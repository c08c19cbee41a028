"""Signal ratings (★1-5) from documented threshold rules on computed metrics.

Each rule turns one or more computed inputs into stars; the rule text and the inputs travel with
the rating fact. Thresholds are fixed here and documented in the rule text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

__all__ = ["RatingRule", "RULES", "ladder"]


def ladder(x: float, steps: tuple[float, float, float, float]) -> int:
    """1 star, plus one for each step reached (x >= step)."""
    return 1 + sum(x >= s for s in steps)


@dataclass(frozen=True)
class RatingRule:
    key: str
    label_zh: str
    label_en: str
    rule_zh: str
    rule_en: str
    inputs: tuple[str, ...]  # names of metrics in the metrics dict
    stars: Callable[[dict[str, float]], int]


def _risk(m: dict[str, float]) -> int:
    return ladder(m["broad_abs_percentile"], (0.5, 0.8, 0.95, 0.99))


def _rotation(m: dict[str, float]) -> int:
    if m["broad_flow"] * m["theme_flow"] >= 0:
        return 1
    return ladder(m["rotation_percentile"], (0.5, 0.8, 0.95, 0.99))


def _small_cap(m: dict[str, float]) -> int:
    return ladder(m["small_minus_large_rate"], (0.002, 0.005, 0.01, 0.02))


def _divergence(m: dict[str, float]) -> int:
    return ladder(m["index_return_spread"], (0.01, 0.02, 0.04, 0.06))


def _bottom(m: dict[str, float]) -> int:
    return 1 + int(m["broad_flow"] < 0 and m["broad_out_percentile"] >= 0.9) + int(m["csi300_return"] < 0) \
        + int(m["csi300_drawdown"] >= 0.05) + int(m["past_up_share"] >= 0.6)


RULES: tuple[RatingRule, ...] = (
    RatingRule(
        "risk_appetite", "风险偏好转变", "risk-appetite shift",
        "按宽基ETF本期净流量绝对值在历史同长度区间中的分位数评级：1星起，分位数达到50%、80%、95%、99%各加1星。",
        "Rated on where the absolute broad-based ETF net flow of the period ranks among all periods of the same length: 1 star, plus one each at the 50th, 80th, 95th and 99th percentile.",
        ("broad_abs_percentile",), _risk,
    ),
    RatingRule(
        "sector_rotation", "板块轮动加速", "sector rotation",
        "宽基与行业主题ETF资金方向相反时，按轮动规模（两者绝对值的较小者）的历史分位数评级：1星起，达到50%、80%、95%、99%分位各加1星；方向相同则为1星。",
        "When broad-based and sector/theme ETF flows have opposite signs, rated on the rotated amount (the smaller of the two magnitudes) against its history: 1 star, plus one each at the 50th, 80th, 95th and 99th percentile; 1 star when both move the same way.",
        ("broad_flow", "theme_flow", "rotation_percentile"), _rotation,
    ),
    RatingRule(
        "small_cap", "小盘风格偏好", "small-cap preference",
        "小盘宽基（中证1000、中证2000、国证2000）净流量占期初规模之比减去大盘宽基（沪深300、上证50）之比：1星起，差值达到0.2、0.5、1、2个百分点各加1星。",
        "Net flow as a share of starting AUM for small-cap broad ETFs (CSI 1000, CSI 2000, CNI 2000) minus the same for large-cap ones (CSI 300, SSE 50): 1 star, plus one each at 0.2, 0.5, 1 and 2 percentage points.",
        ("small_minus_large_rate",), _small_cap,
    ),
    RatingRule(
        "valuation_divergence", "估值分化", "valuation divergence",
        "本期主要宽基指数涨跌幅的最大值与最小值之差：1星起，达到1、2、4、6个百分点各加1星。",
        "Spread between the best and worst period return of the main broad indices: 1 star, plus one each at 1, 2, 4 and 6 percentage points.",
        ("index_return_spread",), _divergence,
    ),
    RatingRule(
        "bottom_signal", "底部信号概率", "bottom-signal probability",
        "1星起，以下每项加1星：宽基净流出位于历史90%分位以上；沪深300本期下跌；沪深300较近60个交易日高点回撤至少5%；历史上可比的大额流出之后20个交易日沪深300上涨的比例不低于60%。",
        "1 star, plus one for each: the broad-based outflow is beyond the 90th percentile of its history; the CSI 300 fell in the period; the CSI 300 is at least 5% below its 60-trading-day high; after comparable past outflows the CSI 300 rose over the next 20 trading days at least 60% of the time.",
        ("broad_flow", "broad_out_percentile", "csi300_return", "csi300_drawdown", "past_up_share"), _bottom,
    ),
)
