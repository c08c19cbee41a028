"""Net flows from units outstanding and a price (pure functions, no I/O).

Daily flow of fund i on trading day t::

    flow(i,t) = (S(t) - S(t-1) x split_ratio(t)) x P(t)

with split_ratio = 1 except on split/consolidation days, and P one of the price conventions:

- ``nav`` (default): 单位净值 of day t, the convention of the AUM identity;
- ``close``: closing price of day t;
- ``vwap``: amount / volume of day t (区间成交均价 style);
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
from decimal import Decimal, getcontext
from typing import Literal

import numpy as np
import pandas as pd

from .errors import CalculationError

__all__ = ["PriceConvention", "PRICE_CONVENTIONS", "daily_flows", "period_table", "dec"]

PriceConvention = Literal["nav", "close", "vwap", "avg_nav"]
PRICE_CONVENTIONS: dict[str, tuple[str, str]] = {
    "nav": ("按份额变动×当日单位净值计算", "units change x that day's NAV"),
    "close": ("按份额变动×当日收盘价计算", "units change x that day's closing price"),
    "vwap": ("按份额变动×当日成交均价（成交额/成交量）计算", "units change x that day's average traded price (turnover / volume)"),
    "avg_nav": ("按份额变动×前后两日单位净值均值计算", "units change x the average of that day's and the previous day's NAV"),
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
    out = panel.copy()
    first = np.r_[True, out["code"].to_numpy()[1:] != out["code"].to_numpy()[:-1]]
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
        px = dec(amount) / dec(volume)
    elif price == "avg_nav":
        px = (dec(nav) + dec(prev_nav)) / 2
    else:
        raise CalculationError(f"unknown price convention {price!r}")
    return delta, delta * px


def period_table(panel: pd.DataFrame, start: dt.date, end: dt.date, price: str = "nav") -> pd.DataFrame:
    """Exact per-fund figures for trading days start..end (inclusive).

    Columns: code, flow, delta_shares, aum_start, aum_end, shares_start, shares_end,
    dividends_paid, new_listing, market_effect (Decimal objects, yuan or units), days (int),
    plus the float ``flow_f``. Funds with no row in the period are left out.
    """
    if price not in PRICE_CONVENTIONS:
        raise CalculationError(f"unknown price convention {price!r}; use one of {', '.join(PRICE_CONVENTIONS)}")
    p = _with_previous(panel)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    rows = p[(p["date"] >= s) & (p["date"] <= e)]
    if rows.empty:
        raise CalculationError(f"no trading data between {start} and {end}")
    records = []
    cols = ["shares", "prev_shares", "split_ratio", "nav", "prev_nav", "close", "amount", "volume", "dividend"]
    for code, g in rows.groupby("code", sort=True):
        flow = Decimal(0)
        delta = Decimal(0)
        dividends = Decimal(0)
        new_listing = Decimal(0)
        for i, (sh, psh, ratio, nav, pnav, close, amount, volume, divd) in enumerate(g[cols].itertuples(index=False, name=None)):
            try:
                d, f = _exact_row(sh, psh, ratio, nav, pnav, close, amount, volume, price)
            except CalculationError as exc:
                raise CalculationError(f"{code} on {g['date'].iloc[i].date()}: {exc}") from None
            flow += f
            delta += d
            if psh != psh:
                new_listing += dec(sh) * dec(nav)
            if divd == divd and divd:
                dividends += dec(psh) * dec(divd)
        first = g.iloc[0]
        last = g.iloc[-1]
        if first["prev_shares"] == first["prev_shares"]:
            shares_start = dec(first["prev_shares"])
            aum_start = shares_start * dec(first["prev_nav"])
        else:
            shares_start = Decimal(0)
            aum_start = Decimal(0)
        shares_end = dec(last["shares"])
        aum_end = shares_end * dec(last["nav"])
        market = aum_end - aum_start - flow - new_listing + dividends
        records.append({
            "code": code, "flow": flow, "delta_shares": delta, "aum_start": aum_start, "aum_end": aum_end,
            "shares_start": shares_start, "shares_end": shares_end, "dividends_paid": dividends,
            "new_listing": new_listing, "market_effect": market, "days": len(g), "flow_f": float(flow),
        })
    return pd.DataFrame.from_records(records)
