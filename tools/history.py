"""Comparing a period with every other period of the same length in the data (pure functions).

Periods of the same length: when the period lies inside one calendar week, every calendar week of
the data (holiday-shortened weeks included); otherwise consecutive non-overlapping windows of the
same number of trading days, aligned so that one window ends on the period's last day. Only
periods that end on or before the period's end are compared (no look-ahead).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["PeriodGrid", "period_grid", "group_series", "Standing", "standing", "forward_return"]


@dataclass(frozen=True)
class PeriodGrid:
    """Assigns every trading day to a comparison period; `starts`/`ends` per period id."""

    kind: str  # "week" or "window"
    length: int
    day_to_period: pd.Series  # date -> period id (int), only days that belong to a period
    starts: pd.Series  # period id -> first trading day
    ends: pd.Series  # period id -> last trading day
    current: int  # id of the period being described


def period_grid(calendar: pd.DatetimeIndex, start: dt.date, end: dt.date) -> PeriodGrid:
    cal = pd.DatetimeIndex(calendar)
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    in_period = cal[(cal >= s) & (cal <= e)]
    same_week = s.isocalendar()[:2] == e.isocalendar()[:2]
    if same_week:
        iso = cal.isocalendar()
        key = (iso["year"].astype(int) * 100 + iso["week"].astype(int)).to_numpy()
        _, ids = np.unique(key, return_inverse=True)
        day_to_period = pd.Series(ids, index=cal)
        kind, length = "week", len(in_period)
    else:
        n = len(in_period)
        end_pos = cal.get_loc(in_period[-1])
        pos = np.arange(len(cal))
        ids = (end_pos - pos) // n  # 0 = the current window, 1 = the one before...
        ids = ids.max() - ids  # chronological ids
        keep = pos <= end_pos
        keep &= (end_pos - pos) // n < (end_pos + 1) // n  # drop an incomplete first window
        day_to_period = pd.Series(ids[keep], index=cal[keep])
        kind, length = "window", n
    grouped = pd.Series(day_to_period.index, index=day_to_period.index).groupby(day_to_period.to_numpy())
    starts, ends = grouped.min(), grouped.max()
    current = int(day_to_period.loc[in_period[-1]])
    return PeriodGrid(kind, length, day_to_period, starts, ends, current)


def group_series(daily: pd.DataFrame, keys: pd.Series, grid: PeriodGrid) -> pd.DataFrame:
    """Sum daily flows per (period id, group). `daily` has date, code, flow; `keys` maps code -> group."""
    n_periods = int(grid.ends.index.max()) + 1
    pid_by_day = pd.Series(grid.day_to_period.to_numpy(), index=grid.day_to_period.index)
    pid = pid_by_day.reindex(pd.DatetimeIndex(daily["date"])).to_numpy()
    code = daily["code"]
    if not isinstance(code.dtype, pd.CategoricalDtype):
        code = code.astype(str).astype("category")
    cat_groups = pd.Series(code.cat.categories.astype(str)).map(keys).fillna("").astype(str).to_numpy()
    groups, cat_gidx = np.unique(cat_groups, return_inverse=True)
    gidx = cat_gidx[code.cat.codes.to_numpy()]
    ok = ~np.isnan(pid)
    flat = pid[ok].astype(np.int64) * len(groups) + gidx[ok]
    sums = np.bincount(flat, weights=daily["flow"].to_numpy()[ok], minlength=n_periods * len(groups))
    table = pd.DataFrame(sums.reshape(n_periods, len(groups)), columns=groups)
    return table.loc[grid.starts.index]  # only complete comparison periods


@dataclass(frozen=True)
class Standing:
    """Where the current value stands among periods up to and including it."""

    periods: int
    rank_out: int  # 1 = largest outflow (most negative)
    rank_in: int  # 1 = largest inflow
    percentile_out: float  # share of periods with a smaller outflow (less negative or positive)
    previous_min: float | None  # most negative earlier value
    previous_min_period: int | None
    previous_max: float | None
    previous_max_period: int | None


def standing(values: pd.Series, current: int) -> Standing:
    v = values.loc[:current]
    x = float(v.loc[current])
    earlier = v.drop(index=current)
    rank_out = int((v < x).sum()) + 1
    rank_in = int((v > x).sum()) + 1
    pct_out = float((v > x).sum()) / len(v)
    return Standing(
        periods=len(v), rank_out=rank_out, rank_in=rank_in, percentile_out=pct_out,
        previous_min=float(earlier.min()) if len(earlier) else None,
        previous_min_period=int(earlier.idxmin()) if len(earlier) else None,
        previous_max=float(earlier.max()) if len(earlier) else None,
        previous_max_period=int(earlier.idxmax()) if len(earlier) else None,
    )


def forward_return(closes: pd.Series, after: pd.Timestamp, days: int) -> float | None:
    """Index change (fraction) from the close of `after` to `days` trading days later, if in the data."""
    c = closes.sort_index()
    if after not in c.index:
        return None
    pos = c.index.get_loc(after)
    if pos + days >= len(c):
        return None
    return float(c.iloc[pos + days] / c.iloc[pos] - 1)
