"""Net flows from units outstanding and a price (pure functions, no I/O).

Daily flow of fund i on trading day t::

    flow(i,t) = (S(t) - S(t-1) x split_ratio(t)) x P(t)

with split_ratio = 1 except on split/consolidation days, and P one of the price conventions:

- ``nav`` (default): 单位净值 of day t, the convention of the AUM identity;
- ``close``: closing price of day t;
- ``vwap``: amount / volume of day t (区间成交均价 style), rounded half-up to 0.000001 yuan in the exact figures;
- ``avg_nav``: (nav(t) + nav(t-1)) / 2.

A fund's first row has no previous day: its flow is 0 and its units at listing are reported as a
new listing, not as a creation. A period's flow is the sum of its daily flows (not the period's
change in units times one price). Dividends do not change units; they lower NAV and AUM.

AUM(t) = S(t) x nav(t). Over a period, AUM change = flow + market effect + new listings - cash
dividends paid, where the market effect is the residual, so the identity holds for any convention
(with ``nav`` it equals the sum of S(t-1) x (ratio x nav(t) + dividend(t) - nav(t-1))).

`daily_flows` is vectorised float64 (for scans over many periods); `period_table` recomputes the
period's figures exactly with `Decimal` from the values as written in the data.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, getcontext
from typing import Literal

import numpy as np
import pandas as pd

from .errors import CalculationError

__all__ = ["PriceConvention", "PRICE_CONVENTIONS", "daily_flows", "period_table", "PanelRows", "dec"]

PriceConvention = Literal["nav", "close", "vwap", "avg_nav"]
PRICE_CONVENTIONS: dict[str, tuple[str, str]] = {
    "nav": ("按份额变动×当日单位净值计算", "units change x that day's NAV"),
    "close": ("按份额变动×当日收盘价计算", "units change x that day's closing price"),
    "vwap": ("按份额变动×当日成交均价（成交额/成交量）计算", "units change x that day's average traded price (turnover / volume)"),
    "avg_nav": ("按份额变动×当日与前一交易日单位净值的均值计算", "units change x the average of that day's and the previous day's NAV"),
}

getcontext().prec = 34


def dec(x: float | int) -> Decimal:
    """Exact Decimal of a value as written in the data (floats via their shortest repr)."""
    if isinstance(x, (int, np.integer)):
        return Decimal(int(x))
    if x != x:  # NaN
        raise CalculationError("missing value where a number is needed")
    return Decimal(repr(float(x)))


def _with_previous(panel: pd.DataFrame) -> pd.DataFrame:
    """Add prev_shares / prev_nav (NaN on a fund's first row). Panel sorted by (code, date)."""
    if "prev_shares" in panel.columns:
        return panel
    return add_previous(panel.copy())


def add_previous(out: pd.DataFrame) -> pd.DataFrame:
    """In place: prev_shares, prev_nav and first_row columns on a (code, date)-sorted panel."""
    codes = out["code"].cat.codes.to_numpy() if isinstance(out["code"].dtype, pd.CategoricalDtype) else out["code"].to_numpy()
    first = np.r_[True, codes[1:] != codes[:-1]]
    prev_s = out["shares"].shift(1).astype("float64")
    prev_n = out["nav"].shift(1)
    prev_s[first] = np.nan
    prev_n[first] = np.nan
    out["prev_shares"] = prev_s
    out["prev_nav"] = prev_n
    out["first_row"] = first
    return out


def _price(panel: pd.DataFrame, price: str) -> pd.Series:
    if price == "nav":
        return panel["nav"]
    if price == "close":
        return panel["close"]
    if price == "vwap":
        vol = panel["volume"].astype("float64")
        return (panel["amount"].astype("float64") / vol).where(vol > 0)
    if price == "avg_nav":
        return ((panel["nav"] + panel["prev_nav"]) / 2).fillna(panel["nav"])
    raise CalculationError(f"unknown price convention {price!r}; use one of {', '.join(PRICE_CONVENTIONS)}")


def daily_flows(panel: pd.DataFrame, price: str = "nav") -> pd.DataFrame:
    """Per (code, date): units change (split-adjusted), price used, flow in yuan (float64)."""
    p = _with_previous(panel)
    ratio = p["split_ratio"].fillna(1.0)
    delta = (p["shares"].astype("float64") - p["prev_shares"] * ratio).fillna(0.0)
    px = _price(p, price)
    bad = (delta != 0) & px.isna()
    if bad.any():
        row = p[bad].iloc[0]
        raise CalculationError(
            f"cannot value the units change of {row['code']} on {row['date'].date()} with price '{price}': "
            "volume is 0, so there is no average traded price; use --price nav or close"
        )
    out = p[["date", "code"]].copy()
    out["delta_shares"] = delta
    out["price"] = px
    out["flow"] = (delta * px.fillna(0.0)).to_numpy()
    return out


VWAP_PLACES = Decimal("0.000001")
"""An average traded price is rounded half-up to 0.000001 yuan, so that exact sums stay exact."""


def vwap_price(amount: Decimal, volume: Decimal) -> Decimal:
    """Turnover / volume of a day, rounded half-up to `VWAP_PLACES` (six decimal places)."""
    return (amount / volume).quantize(VWAP_PLACES, rounding=ROUND_HALF_UP)


def _exact_row(shares, prev_shares, ratio, nav, prev_nav, close, amount, volume, price: str) -> tuple[Decimal, Decimal]:
    if prev_shares != prev_shares:  # first row of the fund
        return Decimal(0), Decimal(0)
    r = Decimal(1) if ratio != ratio else dec(ratio)
    delta = dec(shares) - dec(prev_shares) * r
    if delta == 0:
        return delta, Decimal(0)
    if price == "nav":
        px = dec(nav)
    elif price == "close":
        px = dec(close)
    elif price == "vwap":
        if volume == 0:
            raise CalculationError("volume is 0 on a day with a units change: no average traded price")
        px = vwap_price(dec(amount), dec(volume))
    elif price == "avg_nav":
        px = (dec(nav) + dec(prev_nav)) / 2
    else:
        raise CalculationError(f"unknown price convention {price!r}")
    return delta, delta * px


class PanelRows:
    """A panel's columns as plain arrays, for exact period tables over the same panel.

    Building one is cheap (no copy of the panel); `period_table` makes one per call, and callers
    that compute many periods of one panel (`compute_facts`) keep one to skip the per-call pandas
    selection work.
    """

    _VALUES = ("shares", "prev_shares", "split_ratio", "nav", "prev_nav", "close", "amount", "volume", "dividend")

    def __init__(self, panel: pd.DataFrame):
        p = _with_previous(panel)
        self.dates = p["date"].to_numpy()
        code = p["code"]
        if isinstance(code.dtype, pd.CategoricalDtype):
            self.code_ids = code.cat.codes.to_numpy()
            # id -1 (a missing code) picks the last entry: NaN, as `Series.tolist()` gives it
            self.code_values = np.asarray(code.cat.categories.tolist() + [np.nan], dtype=object)
        else:
            self.code_ids = None
            self.code_values = code.to_numpy(dtype=object)
        self.values = {c: p[c].to_numpy() for c in self._VALUES}
        self.memo: dict = {}
        """Results derived from this panel that callers choose to keep (e.g. `compute_facts`' group flows)."""

    def select(self, start: dt.date, end: dt.date, codes=None) -> np.ndarray:
        """Positions of the rows of trading days start..end (inclusive), optionally of `codes` only."""
        dates = self.dates
        mask = (dates >= np.datetime64(pd.Timestamp(start))) & (dates <= np.datetime64(pd.Timestamp(end)))
        if codes is not None:
            allowed = set(codes)
            if self.code_ids is not None:
                keep = np.fromiter((str(v) in allowed for v in self.code_values[:-1]), dtype=bool, count=len(self.code_values) - 1)
                keep = np.r_[keep, "nan" in allowed]  # a missing code compares as the string 'nan'
                mask &= keep[self.code_ids]
            else:
                mask &= np.fromiter((str(v) in allowed for v in self.code_values), dtype=bool, count=len(self.code_values))
        return np.flatnonzero(mask)

    def codes_at(self, pos: np.ndarray) -> list:
        if self.code_ids is not None:
            return self.code_values[self.code_ids[pos]].tolist()
        return self.code_values[pos].tolist()


def period_table(panel: pd.DataFrame | PanelRows, start: dt.date, end: dt.date, price: str = "nav", codes=None) -> pd.DataFrame:
    """Exact per-fund figures for trading days start..end (inclusive).

    Columns: code, flow, delta_shares, aum_start, aum_end, shares_start, shares_end,
    dividends_paid, new_listing, market_effect (Decimal objects, yuan or units), days (int),
    plus the float ``flow_f``. Funds with no row in the period are left out; `codes` restricts
    the funds. `panel` may be a `PanelRows` of the panel (quicker for many periods of one panel).
    """
    if price not in PRICE_CONVENTIONS:
        raise CalculationError(f"unknown price convention {price!r}; use one of {', '.join(PRICE_CONVENTIONS)}")
    src = panel if isinstance(panel, PanelRows) else PanelRows(panel)
    pos = src.select(start, end, codes)
    if not len(pos):
        raise CalculationError(f"no trading data between {start} and {end}")
    arrays = [src.codes_at(pos)] + [src.values[c][pos].tolist() for c in PanelRows._VALUES]
    records = []
    acc = None
    for i, (code, sh, psh, ratio, nav, pnav, close, amount, volume, divd) in enumerate(zip(*arrays)):
        if acc is None or acc["code"] != code:
            if acc is not None:
                records.append(_close_fund(acc))
            first = psh != psh
            acc = {"code": code, "flow": Decimal(0), "delta_shares": Decimal(0), "dividends_paid": Decimal(0),
                   "new_listing": Decimal(0), "days": 0,
                   "shares_start": Decimal(0) if first else dec(psh),
                   "aum_start": Decimal(0) if first else dec(psh) * dec(pnav)}
        try:
            d, f = _exact_row(sh, psh, ratio, nav, pnav, close, amount, volume, price)
        except CalculationError as exc:
            day = pd.Timestamp(src.dates[pos[i]]).date()
            raise CalculationError(f"{code} on {day}: {exc}") from None
        acc["flow"] += f
        acc["delta_shares"] += d
        acc["days"] += 1
        if psh != psh:
            acc["new_listing"] += dec(sh) * dec(nav)
        if divd == divd and divd:
            acc["dividends_paid"] += dec(psh) * dec(divd)
        acc["last"] = (sh, nav)
    records.append(_close_fund(acc))
    return pd.DataFrame.from_records(records)


def _close_fund(acc: dict) -> dict:
    sh, nav = acc.pop("last")
    acc["shares_end"] = dec(sh)
    acc["aum_end"] = acc["shares_end"] * dec(nav)
    acc["market_effect"] = acc["aum_end"] - acc["aum_start"] - acc["flow"] - acc["new_listing"] + acc["dividends_paid"]
    acc["flow_f"] = float(acc["flow"])
    return acc
