"""The data a fact set is computed from: universe, daily panel and index closes.

Panel columns (one row per trading day and fund, dates ascending):

| column | meaning | unit |
|---|---|---|
| date | trading day | ISO date |
| code | 6-digit fund code | text |
| shares | units outstanding after the day's creations/redemptions (份) | units |
| nav | 单位净值 | yuan per unit |
| close | closing price | yuan per unit |
| amount | turnover (成交额) | yuan |
| volume | units traded | units |
| split_ratio | optional; on a split/consolidation day, S(t-1) x ratio is comparable to S(t) | ratio |
| dividend | optional; cash paid per unit on the ex-date | yuan per unit |

Validation is pure (no I/O): it returns every `Problem` it finds, naming file, row and column.
Row numbers are 1-based data rows as in a spreadsheet with the header on row 1 (first data row = 2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .classify import CATEGORIES
from .errors import DataError, Problem

__all__ = [
    "PANEL_COLUMNS",
    "OPTIONAL_PANEL_COLUMNS",
    "UNIVERSE_COLUMNS",
    "INDEX_KEYS",
    "Dataset",
    "validate_panel",
    "validate_universe",
    "validate_indices",
    "SHARE_JUMP_FACTOR",
]

PANEL_COLUMNS = ["date", "code", "shares", "nav", "close", "amount", "volume"]
OPTIONAL_PANEL_COLUMNS = ["split_ratio", "dividend"]
UNIVERSE_COLUMNS = [
    "code", "exchange", "name_zh", "name_en", "manager", "index_code", "index_name",
    "category", "theme", "family", "listed", "tag",
]
INDEX_KEYS = {
    "sse_composite": ("上证指数", "SSE Composite"),
    "csi300": ("沪深300指数", "CSI 300"),
    "sse50": ("上证50指数", "SSE 50"),
    "csi500": ("中证500指数", "CSI 500"),
    "csi1000": ("中证1000指数", "CSI 1000"),
    "csi2000": ("中证2000指数", "CSI 2000"),
    "a500": ("中证A500指数", "CSI A500"),
    "chinext": ("创业板指", "ChiNext Index"),
    "star50": ("科创50指数", "STAR 50"),
}
SHARE_JUMP_FACTOR = 5.0
"""A day's shares may not change by more than this factor (up or down) without a split_ratio,
once the fund has at least `SHARE_JUMP_MIN_BASE` units outstanding."""
SHARE_JUMP_MIN_BASE = 10_000_000


@dataclass
class Dataset:
    """A validated dataset. `panel` is sorted by (code, date) with parsed dtypes."""

    name: str
    hash: str
    universe: pd.DataFrame
    panel: pd.DataFrame
    indices: pd.DataFrame
    reconstruction: bool = False
    source: str = ""
    calendar: pd.DatetimeIndex = field(default_factory=lambda: pd.DatetimeIndex([]))
    cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if len(self.panel) and not isinstance(self.panel["code"].dtype, pd.CategoricalDtype):
            self.panel = self.panel.copy()
            self.panel["code"] = self.panel["code"].astype(str).astype("category")
        if "prev_shares" not in self.panel.columns and len(self.panel):
            from .flows import add_previous

            add_previous(self.panel)  # the dataset owns its panel: add the columns in place
        if len(self.calendar) == 0 and len(self.panel):
            self.calendar = pd.DatetimeIndex(np.sort(self.panel["date"].unique()))

    @property
    def first_date(self):
        return self.calendar[0].date() if len(self.calendar) else None

    @property
    def last_date(self):
        return self.calendar[-1].date() if len(self.calendar) else None


def _row(i: int) -> int:
    return int(i) + 2


def _numeric(df: pd.DataFrame, col: str, file: str, problems: list[Problem], *, required: bool) -> pd.Series:
    raw = df[col]
    if pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw):
        values = raw if raw.dtype == "float64" else raw.astype("float64")
        if required:
            for i in np.flatnonzero(values.isna().to_numpy())[:50]:
                problems.append(Problem(file, _row(i), col, "missing value"))
        for i in np.flatnonzero((values.notna() & ~np.isfinite(values.fillna(0))).to_numpy())[:50]:
            problems.append(Problem(file, _row(i), col, f"not a finite number: {raw.iloc[i]!r}"))
        return values
    as_text = raw.astype("string").str.strip()
    empty = as_text.isna() | (as_text == "")
    values = pd.to_numeric(as_text.where(~empty), errors="coerce").astype("float64")
    bad = values.isna() & ~empty
    for i in np.flatnonzero(bad.to_numpy())[:50]:
        problems.append(Problem(file, _row(i), col, f"not a number: {raw.iloc[i]!r}"))
    if required:
        for i in np.flatnonzero(empty.to_numpy())[:50]:
            problems.append(Problem(file, _row(i), col, "missing value"))
    finite = values.notna() & ~np.isfinite(values.fillna(0))
    for i in np.flatnonzero(finite.to_numpy())[:50]:
        problems.append(Problem(file, _row(i), col, f"not a finite number: {raw.iloc[i]!r}"))
    return values


def _check_columns(df: pd.DataFrame, file: str, required: list[str], optional: list[str]) -> list[Problem]:
    problems = []
    cols = [str(c) for c in df.columns]
    missing = [c for c in required if c not in cols]
    extra = [c for c in cols if c not in required and c not in optional]
    if missing:
        problems.append(Problem(file, 1, ", ".join(missing), "missing column(s); expected " + ",".join(required)))
    if extra:
        problems.append(Problem(file, 1, ", ".join(extra), "unexpected column(s); allowed: " + ",".join(required + optional)))
    return problems


def validate_universe(df: pd.DataFrame, file: str = "universe") -> tuple[pd.DataFrame, list[Problem]]:
    """Check a universe table; return it cleaned (text columns) and the problems."""
    required = ["code", "exchange", "name_zh", "name_en", "manager", "index_name", "category", "theme"]
    optional = [c for c in UNIVERSE_COLUMNS if c not in required]
    problems = _check_columns(df, file, required, optional)
    if problems:
        return df, problems
    df = df.copy()
    for col in df.columns:
        df[col] = df[col].astype("string").fillna("").str.strip()
    codes = df["code"]
    bad = ~codes.str.fullmatch(r"\d{6}")
    for i in np.flatnonzero(bad.to_numpy()):
        problems.append(Problem(file, _row(i), "code", f"not a 6-digit fund code: {codes.iloc[i]!r}"))
    dup = codes.duplicated(keep="first")
    for i in np.flatnonzero(dup.to_numpy()):
        problems.append(Problem(file, _row(i), "code", f"duplicate code {codes.iloc[i]}"))
    bad = ~df["category"].isin(CATEGORIES)
    for i in np.flatnonzero(bad.to_numpy()):
        problems.append(Problem(file, _row(i), "category", f"unknown category {df['category'].iloc[i]!r}; expected one of {', '.join(CATEGORIES)}"))
    bad = ~df["exchange"].isin(["SH", "SZ"])
    for i in np.flatnonzero(bad.to_numpy()):
        problems.append(Problem(file, _row(i), "exchange", f"exchange must be SH or SZ, got {df['exchange'].iloc[i]!r}"))
    for col in ("name_zh", "name_en"):
        empty = df[col] == ""
        for i in np.flatnonzero(empty.to_numpy()):
            problems.append(Problem(file, _row(i), col, "missing name"))
    if "family" not in df.columns:
        df["family"] = df["theme"]
    df.loc[df["family"] == "", "family"] = df["theme"]
    for col in optional:
        if col not in df.columns:
            df[col] = ""
    return df, problems


def validate_panel(df: pd.DataFrame, universe_codes: set[str] | None, file: str = "panel") -> tuple[pd.DataFrame, list[Problem]]:
    """Check a daily panel; return it parsed and sorted by (code, date), and every problem found."""
    problems = _check_columns(df, file, PANEL_COLUMNS, OPTIONAL_PANEL_COLUMNS)
    if problems:
        return df, problems
    if df.empty:
        return df, [Problem(file, None, None, "no data rows")]
    out = df  # the caller hands over its frame: columns are parsed in place to keep memory low
    if pd.api.types.is_datetime64_any_dtype(df["date"]):
        dates = df["date"].astype("datetime64[ns]")
    else:
        dates = pd.to_datetime(df["date"].astype("string").str.strip(), errors="coerce", format="%Y-%m-%d")
    for i in np.flatnonzero(dates.isna().to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "date", f"not an ISO date (YYYY-MM-DD): {df['date'].iloc[i]!r}"))
    raw_codes = df["code"] if isinstance(df["code"].dtype, pd.CategoricalDtype) else df["code"].astype("string").astype("category")
    # clean and check each distinct code once, then map rows through the category codes
    cats = pd.Series(raw_codes.cat.categories.astype(str)).str.strip().str.zfill(6)
    clean = pd.Index(cats.unique())
    row_cat = raw_codes.cat.codes.to_numpy()
    new_codes = np.where(row_cat >= 0, clean.get_indexer(cats)[row_cat], -1)
    cat_bad = ~pd.Series(clean).str.fullmatch(r"\d{6}").to_numpy()
    bad_code = pd.Series(np.where(new_codes >= 0, cat_bad[np.maximum(new_codes, 0)], True), index=df.index)
    for i in np.flatnonzero(bad_code.to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "code", f"not a 6-digit fund code: {df['code'].iloc[i]!r}"))
    codes = pd.Categorical.from_codes(new_codes, categories=clean)
    out["date"] = dates
    out["code"] = codes
    codes = out["code"]
    if universe_codes is not None:
        known = np.append(clean.isin(list(universe_codes)), False)  # index -1 (no code) -> not known
        unknown = (~known[new_codes]) & ~bad_code.to_numpy()
        rows = np.flatnonzero(unknown)
        if len(rows):  # one problem per unknown code: its first row and how many rows it has
            first_of, counts = np.unique(new_codes[rows], return_index=True, return_counts=True)[1:]
            for pos, n in sorted(zip(rows[first_of], counts))[:50]:
                more = f" ({n} rows)" if n > 1 else ""
                problems.append(Problem(file, _row(pos), "code", f"code {codes.iloc[pos]} is not in the universe{more}"))
    for col in ("shares", "nav", "close", "amount", "volume"):
        out[col] = _numeric(df, col, file, problems, required=True)
    for col in OPTIONAL_PANEL_COLUMNS:
        out[col] = _numeric(df, col, file, problems, required=False) if col in df.columns else np.nan
    shares = out["shares"]
    for i in np.flatnonzero((shares <= 0).fillna(False).to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "shares", f"shares must be positive, got {df['shares'].iloc[i]!r}"))
    for i in np.flatnonzero((shares.notna() & (shares != shares.round())).to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "shares", f"shares must be whole units, got {df['shares'].iloc[i]!r}"))
    for col in ("nav", "close"):
        for i in np.flatnonzero((out[col] <= 0).fillna(False).to_numpy())[:50]:
            problems.append(Problem(file, _row(i), col, f"{col} must be positive, got {df[col].iloc[i]!r}"))
    for col in ("amount", "volume", "dividend"):
        for i in np.flatnonzero((out[col] < 0).fillna(False).to_numpy())[:50]:
            problems.append(Problem(file, _row(i), col, f"{col} must not be negative, got {df[col].iloc[i]!r}"))
    for i in np.flatnonzero((out["split_ratio"] <= 0).fillna(False).to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "split_ratio", "split_ratio must be positive"))
    key_ok = (out["date"].notna() & ~bad_code).to_numpy()
    keys = pd.DataFrame({"d": out["date"].to_numpy(), "c": out["code"].cat.codes.to_numpy()})
    dup = keys.duplicated(keep="first").to_numpy() & key_ok
    del keys
    for pos in np.flatnonzero(dup)[:50]:
        problems.append(Problem(file, _row(pos), "date", f"duplicate row for ({out['date'].iloc[pos].date()}, {codes.iloc[pos]})"))
    if problems:
        return out, problems
    # Each fund's rows must be in date order (funds may be interleaved, as in a date-ordered file,
    # or one after another, as in a code-ordered export).
    out["_row"] = np.arange(len(out)) + 2
    fund = out["code"].cat.codes.to_numpy()
    if np.any(fund[1:] < fund[:-1]):  # not already grouped by fund (e.g. a date-ordered file)
        out = out.sort_values("code", kind="stable")
    out = out.reset_index(drop=True)
    d = out["date"].to_numpy()
    back = np.flatnonzero(_same_fund_as_previous_row(out) & (d[1:] < d[:-1]))
    for i in back[:20]:
        problems.append(Problem(file, int(out["_row"].iloc[i + 1]), "date",
                                f"rows of fund {out['code'].iloc[i + 1]} are not in date order: "
                                f"{pd.Timestamp(d[i + 1]).date()} comes after {pd.Timestamp(d[i]).date()}"))
    if len(back):
        return out, problems
    problems += _check_gaps(out, file)
    problems += _check_jumps(out, file)
    out["shares"] = out["shares"].astype("int64")
    return out, problems


def _same_fund_as_previous_row(panel: pd.DataFrame) -> np.ndarray:
    codes = panel["code"].cat.codes.to_numpy() if isinstance(panel["code"].dtype, pd.CategoricalDtype) else panel["code"].to_numpy()
    return codes[1:] == codes[:-1]


def _check_gaps(panel: pd.DataFrame, file: str) -> list[Problem]:
    """Every fund must have a row on every trading day between its first and last row."""
    calendar = np.sort(panel["date"].unique())
    pos = np.searchsorted(calendar, panel["date"].to_numpy())
    same = _same_fund_as_previous_row(panel)
    step = pos[1:] - pos[:-1]
    problems = []
    for i in np.flatnonzero(same & (step > 1))[:50]:
        missing = pd.Timestamp(calendar[pos[i] + 1]).date()
        problems.append(
            Problem(file, int(panel["_row"].iloc[i + 1]), "date",
                    f"fund {panel['code'].iloc[i]} has no row for trading day {missing} (gap before {panel['date'].iloc[i + 1].date()})")
        )
    return problems


def _check_jumps(panel: pd.DataFrame, file: str) -> list[Problem]:
    s = panel["shares"].to_numpy(dtype="float64")
    ratio = panel["split_ratio"].to_numpy(dtype="float64")
    same = _same_fund_as_previous_row(panel)
    prev, cur, r = s[:-1], s[1:], ratio[1:]
    factor = cur / prev
    jump = same & np.isnan(r) & (prev >= SHARE_JUMP_MIN_BASE) & ((factor > SHARE_JUMP_FACTOR) | (factor < 1 / SHARE_JUMP_FACTOR))
    problems = []
    for i in np.flatnonzero(jump)[:50]:
        problems.append(
            Problem(file, int(panel["_row"].iloc[i + 1]), "shares",
                    f"fund {panel['code'].iloc[i + 1]} shares changed x{factor[i]:.2f} on {panel['date'].iloc[i + 1].date()} "
                    f"({int(prev[i])} -> {int(cur[i])}) with no split_ratio recorded")
        )
    return problems


def validate_indices(df: pd.DataFrame, file: str = "indices") -> tuple[pd.DataFrame, list[Problem]]:
    """Check index closes: columns date,index,close."""
    problems = _check_columns(df, file, ["date", "index", "close"], [])
    if problems:
        return df, problems
    out = pd.DataFrame({
        "date": pd.to_datetime(df["date"].astype("string"), errors="coerce", format="%Y-%m-%d"),
        "index": df["index"].astype("string").str.strip(),
    })
    for i in np.flatnonzero(out["date"].isna().to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "date", f"not an ISO date: {df['date'].iloc[i]!r}"))
    out["close"] = _numeric(df, "close", file, problems, required=True)
    for i in np.flatnonzero((out["close"] <= 0).fillna(False).to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "close", "index close must be positive"))
    dup = out.duplicated(["date", "index"])
    for i in np.flatnonzero(dup.to_numpy())[:50]:
        problems.append(Problem(file, _row(i), "date", "duplicate (date, index) row"))
    return out.sort_values(["index", "date"]).reset_index(drop=True), problems


def check_or_raise(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)
