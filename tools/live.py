"""Real-data input: build a dataset folder from akshare, or from a user's Wind/Choice-style export.

Two entry points, both ending in a folder that `load_dataset(folder)` accepts (``panel.parquet`` +
``universe.csv``):

- `fetch_akshare` calls five akshare functions through one injection point, the `AkshareClient`
  protocol (the real `AkshareLibrary` imports akshare on first use; tests pass a fake that serves
  recorded DataFrames in akshare's column layouts);
- `import_export` maps a user's CSV/Parquet export (English contract headers or common Chinese
  headers) to the panel contract of `dataset.py` and validates it with the fact layer's checks.

Where the akshare numbers come from (column names exactly as akshare returns them):

| panel column | function | column | unit handling |
|---|---|---|---|
| shares (SH) | ``fund_etf_scale_sse(date)`` | 基金份额 | 份 (akshare >= 1.18.15 multiplies SSE TOT_VOL 万份 by 10,000) |
| shares (SZ) | ``fund_scale_daily_szse(start_date, end_date, symbol="ETF")`` | 日期, 基金份额 | 份; dated one trading day late, see `SZSE_SHARE_LAG` |
| nav | ``fund_etf_fund_info_em(fund, start_date, end_date)`` | 净值日期, 单位净值 | yuan per unit |
| close, amount, volume | ``fund_etf_hist_em(symbol, "daily", start_date, end_date, adjust="")`` | 日期, 收盘, 成交额, 成交量 | 成交额 yuan; 成交量 in 手, see `EM_VOLUME_LOT` |
| universe rows of new codes | ``fund_individual_basic_info_xq(symbol)`` | item/value: 基金名称, 基金公司, 基金类型, 业绩比较基准 | tracked index = the benchmark's index |

The tracked index of a code missing from the universe is read from its 业绩比较基准 (benchmark):
``fund_info_index_em``'s 跟踪标的 column only echoes the category asked for (e.g. "沪深指数"), so it
cannot name the index.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol

import numpy as np
import pandas as pd

from .classify import classify_index
from .dataset import (
    OPTIONAL_PANEL_COLUMNS,
    PANEL_COLUMNS,
    UNIVERSE_COLUMNS,
    Dataset,
    validate_panel,
    validate_universe,
)
from .errors import DataError, EtfWriterError, Problem

__all__ = [
    "AkshareClient",
    "AkshareLibrary",
    "LiveDataError",
    "FetchError",
    "RetryPolicy",
    "FetchCache",
    "FetchResult",
    "ImportResult",
    "fetch_akshare",
    "import_export",
    "write_dataset",
    "check_out_dir",
    "load_base_universe",
    "universe_row_for",
    "HEADER_ALIASES",
    "EM_VOLUME_LOT",
    "SZSE_SHARE_LAG",
    "SZSE_MAX_SPAN_DAYS",
    "SPLIT_MIN_FACTOR",
    "SPLIT_MATCH_TOLERANCE",
    "MIN_AKSHARE",
]

# --- assumptions and limits, named -------------------------------------------------------------

EM_VOLUME_LOT = 100
"""Units per 成交量 unit in ``fund_etf_hist_em``: Eastmoney's daily K-line reports volume in 手 (lots
of 100 units). Checked on every fetch: the median of 成交额 / (成交量 x EM_VOLUME_LOT x 收盘) must be
close to 1, otherwise the fetch stops (a wrong unit would scale every ``vwap`` price by 100)."""

VOLUME_CHECK_RANGE = (0.5, 2.0)

SZSE_SHARE_LAG = 1
"""Trading days by which SZSE share figures are dated late. SZSE's daily fund-scale table dates the
units outstanding at the start of a day, i.e. after the previous trading day's creations and
redemptions (vendors that use SZSE's figure show SZ-listed ETFs one day off while SH-listed ones
align; SSE's table is dated by the day whose creations it includes). With the default 1, the value
dated D is used as the end-of-day units of the trading day before D, which puts both exchanges on
the same footing; 0 takes SZSE dates as printed."""

SZSE_MAX_SPAN_DAYS = 179
"""``fund_scale_daily_szse`` accepts at most six months per call (a longer range comes back empty),
so ranges are split into chunks of at most this many days after the first."""

LOOKAHEAD_DAYS = 14
"""Calendar days fetched from SZSE after --end to find the lagged value of the last day."""

LOOKBACK_DAYS = 14
"""Calendar days searched before --start for the base trading day (the previous day's units)."""

SPLIT_MIN_FACTOR = 1.5
"""A day's units must change by at least this factor (up or down) to be read as a split."""

SPLIT_MATCH_TOLERANCE = 0.15
"""... and the NAV must move the inverse way: |units ratio x NAV ratio - 1| at most this."""

SETTLE_DAYS = 3
"""A cached answer is final once it was fetched at least this many days after the last day it
covers (SSE publishes units after ~20:00, QDII NAVs follow one or two days later)."""

PROVISIONAL_TTL = dt.timedelta(hours=6)
"""A cached answer that may still change (fetched too soon after its last day) is reused only for
this long; after that it is fetched again."""

INFO_GIVE_UP_AFTER = 5
"""Consecutive codes whose fund details keep failing before the fetch stops asking (names are used)."""

MIN_AKSHARE = "1.18.52"
"""Oldest akshare known to have ``fund_scale_daily_szse`` (added 2026-04)."""

SSE_UNITS_FIX = (1, 18, 15)
"""akshare versions before this returned the SSE 基金份额 in 万份; the real client rescales them."""


# --- errors -----------------------------------------------------------------------------------


class LiveDataError(EtfWriterError):
    """A fetch or import cannot proceed (missing dependency, bad option, unit check)."""


class FetchError(EtfWriterError):
    """akshare calls kept failing after retries; `failures` names each function and its arguments."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        shown = "\n".join(f"  - {f}" for f in failures[:20])
        more = f"\n  ... and {len(failures) - 20} more" if len(failures) > 20 else ""
        super().__init__(
            f"{len(failures)} akshare call(s) failed after retries (nothing was written; what did "
            f"succeed is in the cache, so a rerun resumes):\n{shown}{more}"
        )


# --- the injection point ------------------------------------------------------------------------


class AkshareClient(Protocol):
    """The akshare functions the fetch uses. Always called with keyword arguments."""

    def fund_etf_scale_sse(self, *, date: str) -> pd.DataFrame: ...

    def fund_scale_daily_szse(self, *, start_date: str, end_date: str, symbol: str) -> pd.DataFrame: ...

    def fund_etf_hist_em(self, *, symbol: str, period: str, start_date: str, end_date: str, adjust: str) -> pd.DataFrame: ...

    def fund_etf_fund_info_em(self, *, fund: str, start_date: str, end_date: str) -> pd.DataFrame: ...

    def fund_individual_basic_info_xq(self, *, symbol: str) -> pd.DataFrame: ...


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text)[:3])


class AkshareLibrary:
    """The real client: imports akshare when constructed (never at module import)."""

    def __init__(self, module: Any = None):
        if module is None:
            try:
                import akshare as module  # noqa: PLC0415 - optional dependency
            except ImportError as exc:
                raise LiveDataError(
                    "akshare is not installed. Install the optional extra:  pip install 'etfwriter[live]'"
                ) from exc
        self._ak = module
        self.version = str(getattr(module, "__version__", "unknown"))
        if not hasattr(module, "fund_scale_daily_szse"):
            raise LiveDataError(
                f"akshare {self.version} has no fund_scale_daily_szse (SZSE daily units); "
                f"upgrade to {MIN_AKSHARE} or later:  pip install -U 'etfwriter[live]'"
            )

    def fund_etf_scale_sse(self, *, date: str) -> pd.DataFrame:
        df = self._ak.fund_etf_scale_sse(date=date)
        v = _version_tuple(self.version)
        if v and v < SSE_UNITS_FIX and "基金份额" in df.columns:
            df = df.copy()
            df["基金份额"] = pd.to_numeric(df["基金份额"], errors="coerce") * 10_000
        return df

    def fund_scale_daily_szse(self, *, start_date: str, end_date: str, symbol: str) -> pd.DataFrame:
        return self._ak.fund_scale_daily_szse(start_date=start_date, end_date=end_date, symbol=symbol)

    def fund_etf_hist_em(self, *, symbol: str, period: str, start_date: str, end_date: str, adjust: str) -> pd.DataFrame:
        return self._ak.fund_etf_hist_em(symbol=symbol, period=period, start_date=start_date, end_date=end_date, adjust=adjust)

    def fund_etf_fund_info_em(self, *, fund: str, start_date: str, end_date: str) -> pd.DataFrame:
        return self._ak.fund_etf_fund_info_em(fund=fund, start_date=start_date, end_date=end_date)

    def fund_individual_basic_info_xq(self, *, symbol: str) -> pd.DataFrame:
        return self._ak.fund_individual_basic_info_xq(symbol=symbol, timeout=30)


# --- retries and cache --------------------------------------------------------------------------


@dataclass
class RetryPolicy:
    """Exponential backoff: waits base, base x factor, ... (capped) between attempts."""

    attempts: int = 4
    base_delay: float = 1.0
    factor: float = 2.0
    max_delay: float = 30.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, failed_attempt: int) -> float:
        return min(self.max_delay, self.base_delay * self.factor ** (failed_attempt - 1))


class FetchCache:
    """Answers of akshare calls on disk (one Parquet file + one JSON note per call).

    An answer is reused when it is final (fetched `SETTLE_DAYS` after the last day it covers) or
    recent (younger than `PROVISIONAL_TTL`). Writes are atomic, so an interrupted run leaves only
    whole entries and a rerun resumes where it stopped.
    """

    def __init__(self, root: str | Path | None, *, clock: Callable[[], dt.datetime] = dt.datetime.now, refresh: bool = False):
        self.root = Path(root) if root is not None else None
        self.clock = clock
        self.refresh = refresh
        self.hits = 0
        if self.root is not None:
            self.root.mkdir(parents=True, exist_ok=True)

    def _paths(self, key: str) -> tuple[Path, Path]:
        assert self.root is not None
        safe = re.sub(r"[^0-9A-Za-z_.=-]", "_", key)
        return self.root / f"{safe}.parquet", self.root / f"{safe}.json"

    def get(self, key: str, last_day: dt.date) -> pd.DataFrame | None:
        if self.root is None or self.refresh:
            return None
        data, note = self._paths(key)
        if not note.exists():
            return None
        try:
            meta = json.loads(note.read_text(encoding="utf-8"))
            fetched = dt.datetime.fromisoformat(meta["fetched_at"])
        except (ValueError, KeyError, OSError):
            return None
        final = fetched.date() >= last_day + dt.timedelta(days=SETTLE_DAYS)
        if not final and self.clock() - fetched > PROVISIONAL_TTL:
            return None
        if meta.get("empty"):
            self.hits += 1
            return pd.DataFrame(columns=meta.get("columns", []))
        if not data.exists():
            return None
        try:
            df = pd.read_parquet(data)
        except Exception:  # a damaged entry is fetched again
            return None
        self.hits += 1
        return df

    def put(self, key: str, df: pd.DataFrame) -> None:
        if self.root is None:
            return
        data, note = self._paths(key)
        empty = df is None or len(df) == 0
        if not empty:
            _atomic_write(data, lambda p: _to_parquet_lenient(df, p))
        meta = {"fetched_at": self.clock().isoformat(timespec="seconds"), "empty": empty,
                "columns": [str(c) for c in (df.columns if df is not None else [])], "rows": 0 if empty else len(df)}
        _atomic_write(note, lambda p: Path(p).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8"))


def _to_parquet_lenient(df: pd.DataFrame, path: str) -> None:
    out = df.copy()
    out.columns = [str(c) for c in out.columns]
    try:
        out.to_parquet(path, index=False)
    except Exception:  # mixed-type object columns: store them as text
        for col in out.columns:
            if out[col].dtype == object:
                out[col] = out[col].map(lambda v: None if v is None or (isinstance(v, float) and v != v) else str(v))
        out.to_parquet(path, index=False)


def _atomic_write(path: Path, writer: Callable[[str], None]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        writer(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --- calling akshare ----------------------------------------------------------------------------


def _describe(func: str, kwargs: dict) -> str:
    args = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    return f"{func}({args})"


def _no_data_sse(exc: Exception) -> bool:
    # The SSE wrapper selects its columns from the JSON result; an empty result (weekend,
    # holiday, not yet published) raises KeyError.
    return isinstance(exc, KeyError)


def _no_data_nav(exc: Exception) -> bool:
    # fund_etf_fund_info_em renames the columns of an empty page: pandas raises "Length mismatch".
    return isinstance(exc, ValueError) and "Length mismatch" in str(exc)


class _Caller:
    def __init__(self, client: AkshareClient, cache: FetchCache, retry: RetryPolicy):
        self.client, self.cache, self.retry = client, cache, retry
        self.calls = 0
        self.failures: list[str] = []

    def __call__(self, func: str, key: str, last_day: dt.date, no_data: Callable[[Exception], bool] | None = None, **kwargs) -> pd.DataFrame | None:
        """The answer (an empty frame for "no data"), or None after persistent failure (recorded)."""
        cached = self.cache.get(key, last_day)
        if cached is not None:
            return cached
        fn = getattr(self.client, func)
        last: Exception | None = None
        for attempt in range(1, self.retry.attempts + 1):
            self.calls += 1
            try:
                df = fn(**kwargs)
            except Exception as exc:  # network, parsing, throttling: all retried
                if no_data is not None and no_data(exc):
                    df = pd.DataFrame()
                else:
                    last = exc
                    if attempt < self.retry.attempts:
                        self.retry.sleep(self.retry.delay(attempt))
                    continue
            if df is None:
                df = pd.DataFrame()
            if not isinstance(df, pd.DataFrame):
                df = pd.DataFrame(df)
            self.cache.put(key, df)
            return df
        self.failures.append(
            f"{_describe(func, kwargs)} failed after {self.retry.attempts} attempt(s): {type(last).__name__}: {last}"
        )
        return None


# --- universe -----------------------------------------------------------------------------------

_THEME_KEYWORDS: list[tuple[str, str]] = [
    (r"恒生科技|Hang Seng TECH", "hstech"),
    (r"港股通互联网|恒生互联网|互联网科技业", "hk_internet"),
    (r"中国互联网|中概互联", "china_internet"),
    (r"纳斯达克\s*100|Nasdaq[- ]?100", "nasdaq100"),
    (r"港股.*创新药|香港创新药", "hk_innovative_drug"),
    (r"黄金|上海金|Au99", "gold"),
    (r"可转债|可转换", "convertible_bond"),
    (r"政策性金融债|政金债", "policy_financial_bond"),
    (r"城投", "urban_investment_bond"),
    (r"短融|短期融资", "short_term_financing_bond"),
    (r"货币|现金", "money_market"),
    (r"软件", "software"),
    (r"卫星", "satellite"),
    (r"有色", "nonferrous"),
    (r"人工智能|(?<![A-Za-z])AI(?![A-Za-z])", "ai"),
    (r"电网", "grid"),
    (r"机器人", "robot"),
    (r"光伏", "photovoltaic"),
    (r"军工|国防", "defense"),
    (r"房地产", "real_estate"),
    (r"半导体", "semiconductor"),
    (r"芯片", "chips"),
    (r"证券公司|全指证券", "securities"),
    (r"券商", "broker"),
    (r"酒", "liquor"),
    (r"银行", "bank"),
    (r"云计算", "cloud"),
    (r"传媒", "media"),
]


def _theme_for(category: str, family: str | None, index_name: str, name: str) -> str:
    if category == "broad" and family:
        return family
    text = f"{index_name} {name}"
    for pattern, theme in _THEME_KEYWORDS:
        if re.search(pattern, text, re.I):
            return theme
    return f"other_{category}"


def _clean_benchmark(text: str) -> str:
    """The index named in a 业绩比较基准 text: its largest-weight component, without weights and '收益率'."""
    text = (text or "").strip().replace("（", "(").replace("）", ")").replace("＋", "+").replace("＊", "*")
    if not text:
        return ""
    parts = [p.strip() for p in re.split(r"\+", text) if p.strip()]

    def weight(part: str) -> float:
        m = re.search(r"[x×*]\s*(\d+(?:\.\d+)?)\s*%", part)
        return float(m.group(1)) if m else 100.0

    best = max(parts, key=weight) if parts else text
    best = re.sub(r"[x×*]\s*\d+(?:\.\d+)?\s*%", "", best)
    best = re.sub(r"^(经估值汇率调整(后)?的|经人民币汇率调整(后)?的|人民币计价的|以人民币计价的)", "", best)
    best = re.sub(r"(\(.*?\))?\s*(收益率|回报率)?\s*(\(.*?\))?$", "", best).strip()
    return best.strip(" ，,;；")


def _manager_short(text: str) -> str:
    return re.sub(r"(基金管理(股份)?有限(责任)?公司|资产管理(股份)?有限(责任)?公司|基金管理公司|有限公司)$", "", (text or "").strip())


def universe_row_for(code: str, *, name_zh: str, index_name: str = "", fund_type: str = "", manager: str = "",
                     listed: str = "", basis: str = "") -> tuple[dict, dict]:
    """A universe row (tag=review) for a code the universe lacks, classified from its tracked index.

    Returns (universe row, review record). Falls back to the fund's name only when no tracked index
    is known; the review record says which.
    """
    index_text = index_name.strip()
    cat, family = classify_index(index_text or name_zh, "", fund_type)
    theme = _theme_for(cat, family, index_text, name_zh)
    row = {
        "code": code, "exchange": "SH" if code.startswith(("5", "6")) else "SZ", "name_zh": name_zh or f"ETF{code}",
        "name_en": f"ETF {code}", "manager": manager, "index_code": "", "index_name": index_text,
        "category": cat, "theme": theme, "family": family or theme, "listed": listed, "tag": "review",
    }
    review = {"code": code, "name_zh": row["name_zh"], "index_name": index_text, "fund_type": fund_type,
              "category": cat, "theme": theme, "family": row["family"],
              "basis": basis or ("tracked index" if index_text else "fund name (no tracked index found)")}
    return row, review


def load_base_universe(path: str | Path | None = None) -> tuple[pd.DataFrame, str]:
    """The universe new data is matched against: a file, else the bundled one. Returns (table, source)."""
    from .io import read_table

    if path is not None:
        p = Path(path)
        if not p.exists():
            raise DataError([Problem(str(p), None, None, "file not found")])
        name, data = str(p), p.read_bytes()
    else:
        name = "seeds/data/universe.csv"
        try:
            data = resources.files("etfwriter.seeds").joinpath("data", "universe.csv").read_bytes()
        except (FileNotFoundError, OSError, ModuleNotFoundError):
            return pd.DataFrame({c: pd.Series([], dtype="string") for c in UNIVERSE_COLUMNS}), "none (no bundled universe found)"
    uni, problems = validate_universe(read_table(data, name), name)
    if problems:
        raise DataError(problems)
    return uni[UNIVERSE_COLUMNS].reset_index(drop=True), name


# --- fetch --------------------------------------------------------------------------------------


@dataclass
class FetchResult:
    """A fetched panel (contract columns, sorted by date then code) with its universe and notes."""

    panel: pd.DataFrame
    universe: pd.DataFrame
    review: list[dict]
    notes: list[str]
    log: dict
    dropped: list[Problem] = field(default_factory=list)


def _ymd(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def _as_date_series(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s.astype("string").str.slice(0, 10), errors="coerce").dt.date


def _codes(s: pd.Series) -> pd.Series:
    return s.astype("string").str.strip().str.replace(r"\.0$", "", regex=True).str.zfill(6)


def _parse_codes(codes: Iterable[str] | None) -> list[str] | None:
    if codes is None:
        return None
    out: list[str] = []
    for item in codes:
        for part in re.split(r"[,\s]+", str(item).strip()):
            if not part:
                continue
            if not re.fullmatch(r"\d{6}", part):
                raise LiveDataError(f"--codes: {part!r} is not a 6-digit fund code")
            if part not in out:
                out.append(part)
    return out or None


def _weekdays(a: dt.date, b: dt.date) -> list[dt.date]:
    days, d = [], a
    while d <= b:
        if d.weekday() < 5:
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def _runs(days: list[dt.date]) -> str:
    """A short list of days for messages."""
    return ", ".join(d.isoformat() for d in days[:8]) + (f" and {len(days) - 8} more" if len(days) > 8 else "")


class _Progress:
    """Thin wrapper so the fetch runs with or without a rich progress bar."""

    def __init__(self, progress):
        self.p = progress

    def task(self, label: str, total: int):
        if self.p is None:
            return lambda: None
        tid = self.p.add_task(label, total=total)
        return lambda: self.p.advance(tid)


def fetch_akshare(
    client: AkshareClient,
    start: dt.date,
    end: dt.date,
    *,
    codes: Iterable[str] | None = None,
    universe: pd.DataFrame | None = None,
    universe_only: bool = False,
    cache: FetchCache | None = None,
    retry: RetryPolicy | None = None,
    szse_share_lag: int = SZSE_SHARE_LAG,
    on_gap: str = "fail",
    clock: Callable[[], dt.datetime] = dt.datetime.now,
    progress=None,
) -> FetchResult:
    """Build a panel for trading days start..end (plus the trading day before start as the base row).

    Raises `FetchError` when calls keep failing, `DataError` when a fund misses a day (unless
    ``on_gap="drop"``, which leaves such funds out and lists them), `LiveDataError` for bad options.
    """
    if start > end:
        raise LiveDataError(f"--start {start} is after --end {end}")
    if szse_share_lag not in (0, 1):
        raise LiveDataError("--szse-share-lag must be 0 or 1")
    if on_gap not in ("fail", "drop"):
        raise LiveDataError("--on-gap must be 'fail' or 'drop'")
    today = clock().date()
    if start > today:
        raise LiveDataError(f"--start {start} is in the future")
    end = min(end, today)
    wanted = _parse_codes(codes)
    if universe is None:
        universe, _ = load_base_universe(None)
    known = set(universe["code"].astype(str))
    explicit = wanted is not None  # codes asked for by name must exist; universe codes may be delisted
    if universe_only:
        wanted = sorted((set(wanted) if wanted else known) & known)
        if not wanted:
            raise LiveDataError("--universe-only: no code of the universe to fetch")
    call = _Caller(client, cache or FetchCache(None, clock=clock), retry or RetryPolicy())
    bar = _Progress(progress)
    notes: list[str] = []
    log: dict = {"source": "akshare", "start": start.isoformat(), "end": end.isoformat(), "szse_share_lag": szse_share_lag,
                 "volume_unit": f"成交量 x {EM_VOLUME_LOT} (手 -> units)", "generated_at": clock().isoformat(timespec="seconds")}
    need_sh = wanted is None or any(c.startswith(("5", "6")) for c in wanted)
    need_sz = wanted is None or any(c.startswith("1") for c in wanted)

    # 1. SSE units, one call per weekday; the base day is the last trading day before start.
    sse_rows: list[pd.DataFrame] = []
    sse_days: list[dt.date] = []
    closed: list[dt.date] = []
    base: dt.date | None = None
    if need_sh:
        def sse_day(d: dt.date) -> pd.DataFrame | None:
            df = call("fund_etf_scale_sse", f"sse_{_ymd(d)}", d, no_data=_no_data_sse, date=_ymd(d))
            if df is None:
                return None
            if df.empty or "基金份额" not in df.columns:
                return df.iloc[0:0]
            stat = _as_date_series(df["统计日期"]) if "统计日期" in df.columns else pd.Series([d] * len(df))
            df = df[stat == d]  # an answer for another day is no answer for this one
            return df

        d = start - dt.timedelta(days=1)
        while d >= start - dt.timedelta(days=LOOKBACK_DAYS):
            if d.weekday() < 5:
                df = sse_day(d)
                if df is not None and len(df):
                    base = d
                    sse_rows.append(df.assign(_date=d))
                    sse_days.append(d)
                    break
            d -= dt.timedelta(days=1)
        days = _weekdays(start, end)
        tick = bar.task("SSE units (fund_etf_scale_sse)", len(days))
        for d in days:
            df = sse_day(d)
            tick()
            if df is None:
                continue
            if len(df):
                sse_rows.append(df.assign(_date=d))
                sse_days.append(d)
            else:
                closed.append(d)
    if closed:
        notes.append(f"skipped {len(closed)} weekday(s) with no SSE data (holidays, or not yet published): {_runs(closed)}")
    log["no_data_weekdays"] = [d.isoformat() for d in closed]

    # 2. SZSE units in <= 6-month chunks, shifted by the share lag.
    szse = pd.DataFrame(columns=["date", "code", "shares", "name"])
    szse_days: list[dt.date] = []
    if need_sz:
        lo = base or (start - dt.timedelta(days=LOOKBACK_DAYS))
        hi = min(end + dt.timedelta(days=LOOKAHEAD_DAYS if szse_share_lag else 0), today)
        chunks = []
        a = lo
        while a <= hi:
            b = min(a + dt.timedelta(days=SZSE_MAX_SPAN_DAYS), hi)
            chunks.append((a, b))
            a = b + dt.timedelta(days=1)
        tick = bar.task("SZSE units (fund_scale_daily_szse)", len(chunks))
        frames = []
        for a, b in chunks:
            df = call("fund_scale_daily_szse", f"szse_{_ymd(a)}_{_ymd(b)}", b, start_date=_ymd(a), end_date=_ymd(b), symbol="ETF")
            tick()
            if df is not None and len(df) and {"日期", "基金代码", "基金份额"} <= set(df.columns):
                frames.append(df)
        if frames:
            raw = pd.concat(frames, ignore_index=True)
            szse = pd.DataFrame({"date": _as_date_series(raw["日期"]), "code": _codes(raw["基金代码"]),
                                 "shares": pd.to_numeric(raw["基金份额"], errors="coerce"),
                                 "name": raw["基金简称"].astype("string") if "基金简称" in raw.columns else ""})
            szse = szse.dropna(subset=["date", "shares"]).drop_duplicates(["date", "code"], keep="last")
            if szse_share_lag:
                # previous trading day by both exchanges' days, so a day missing from SZSE's table
                # leaves a gap (reported) instead of shifting later values onto the wrong day
                trading = sorted(set(szse["date"]) | set(sse_days))
                prev = {trading[i]: trading[i - 1] for i in range(1, len(trading))}
                szse["date"] = szse["date"].map(prev)
                szse = szse.dropna(subset=["date"])
            szse_days = sorted(set(szse["date"]))
        if base is None:
            before = [d for d in szse_days if d < start]
            base = before[-1] if before else None

    if call.failures:  # a day that failed must not be read as a holiday
        raise FetchError(call.failures)

    # 3. Calendar: trading days base..end, checked across the exchanges.
    sh_set = {d for d in sse_days if (base or start) <= d <= end}
    sz_set = {d for d in szse_days if (base or start) <= d <= end}
    problems: list[Problem] = []
    if need_sh and need_sz and sh_set and sz_set:
        last_common = min(max(sh_set), max(sz_set))
        trailing = sorted(d for d in sh_set | sz_set if d > last_common)
        if trailing:
            why = "SZSE's figure for it is published dated the next trading day" if szse_share_lag else "one exchange has not published it"
            notes.append(f"the panel ends on {last_common}: units for {_runs(trailing)} are not available from both exchanges yet ({why})")
            log["truncated_days"] = [d.isoformat() for d in trailing]
        sh_set = {d for d in sh_set if d <= last_common}
        sz_set = {d for d in sz_set if d <= last_common}
        for d in sorted(sh_set - sz_set):
            problems.append(Problem("akshare:fund_scale_daily_szse", None, "shares", f"SSE has units for {d} but SZSE has none"))
        for d in sorted(sz_set - sh_set):
            problems.append(Problem("akshare:fund_etf_scale_sse", None, "shares", f"SZSE has units for {d} but SSE has none"))
    if problems:
        raise DataError(problems)
    calendar = sorted(sh_set | sz_set)
    if not calendar or calendar[-1] < start:
        raise LiveDataError(f"no trading days with published units between {start} and {end}")
    if base is None or base not in calendar:
        notes.append(f"no trading day found before {start}: the first day's flows are 0 (no previous units)")
    cal_first, cal_last = calendar[0], calendar[-1]
    log["calendar"] = [d.isoformat() for d in calendar]

    # 4. Units per (date, code) and the codes to fetch.
    frames = []
    if sse_rows:
        raw = pd.concat(sse_rows, ignore_index=True)
        frames.append(pd.DataFrame({"date": raw["_date"], "code": _codes(raw["基金代码"]),
                                    "shares": pd.to_numeric(raw["基金份额"], errors="coerce"),
                                    "name": raw["基金简称"].astype("string") if "基金简称" in raw.columns else "",
                                    "etf_type": raw["ETF类型"].astype("string") if "ETF类型" in raw.columns else "",
                                    "exchange": "SH"}))
    if len(szse):
        frames.append(szse.assign(etf_type="", exchange="SZ"))
    units = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["date", "code", "shares", "name", "etf_type", "exchange"])
    units = units[units["date"].isin(set(calendar))].dropna(subset=["shares"]).drop_duplicates(["date", "code"], keep="last")
    listed_codes = sorted(set(units["code"]))
    if wanted is not None:
        absent = [c for c in wanted if c not in set(listed_codes)]
        if explicit:
            for c in absent:
                problems.append(Problem("akshare:units", None, "code", f"{c} is not in the SSE or SZSE ETF units tables between {cal_first} and {cal_last}"))
            if problems:
                raise DataError(problems)
        elif absent:
            notes.append(f"{len(absent)} universe code(s) have no units between {cal_first} and {cal_last} and are left out: {', '.join(absent[:20])}"
                         + (" ..." if len(absent) > 20 else ""))
        selected = [c for c in wanted if c not in set(absent)]
    else:
        selected = listed_codes
    for col in ("name", "etf_type"):
        units[col] = units[col].astype("string").fillna("").str.strip()
    last_name = units.sort_values("date").groupby("code")["name"].last().to_dict()
    etf_type = units.sort_values("date").groupby("code")["etf_type"].last().to_dict()

    # 5. Prices and NAV per fund; fund details for codes the universe lacks.
    tick = bar.task("prices and NAV (fund_etf_hist_em, fund_etf_fund_info_em)", len(selected))
    hist: dict[str, pd.DataFrame] = {}
    navs: dict[str, pd.DataFrame] = {}
    a, b = _ymd(cal_first), _ymd(cal_last)
    for code in selected:
        h = call("fund_etf_hist_em", f"hist_{code}_{a}_{b}", cal_last, symbol=code, period="daily", start_date=a, end_date=b, adjust="")
        n = call("fund_etf_fund_info_em", f"nav_{code}_{a}_{b}", cal_last, no_data=_no_data_nav, fund=code, start_date=a, end_date=b)
        tick()
        if h is not None:
            hist[code] = h
        if n is not None:
            navs[code] = n
    new_codes = [c for c in selected if c not in known]
    info: dict[str, pd.DataFrame | None] = {}
    if new_codes:
        tick = bar.task("fund details of new codes (fund_individual_basic_info_xq)", len(new_codes))
        soft = _Caller(call.client, call.cache, call.retry)  # failures here only cost the tracked index
        streak = 0
        for code in new_codes:
            if streak >= INFO_GIVE_UP_AFTER:
                info[code] = None
                soft.failures.append(f"fund_individual_basic_info_xq(symbol={code!r}) skipped: the endpoint kept failing")
            else:
                info[code] = soft("fund_individual_basic_info_xq", f"info_{code}", dt.date(2000, 1, 1), symbol=code)
                streak = streak + 1 if info[code] is None else 0
            tick()
        call.calls += soft.calls
        log["fund_info_failures"] = soft.failures
        if soft.failures:
            notes.append(f"fund details unavailable for {len(soft.failures)} new code(s): classified from their names (see fetch_log.json)")
    if call.failures:
        raise FetchError(call.failures)

    # 6. Assemble, check units and completeness, detect splits.
    panel, gaps, checks = _assemble(selected, calendar, units, hist, navs)
    notes.append(checks["volume_note"])
    log["volume_check"] = checks["volume_ratio"]
    dropped: list[Problem] = []
    if gaps:
        if on_gap == "fail":
            raise DataError(gaps)
        bad = sorted({re.match(r"(\d{6})", g.message).group(1) for g in gaps})
        panel = panel[~panel["code"].isin(bad)]
        dropped = gaps
        notes.append(f"left out {len(bad)} fund(s) with missing days (--on-gap drop): {', '.join(bad)}")
        log["dropped"] = [str(g) for g in gaps]
    if panel.empty:
        raise LiveDataError("no fund has complete data for the period")
    panel, splits = _detect_splits(panel, navs)
    for s in splits:
        notes.append(f"split/consolidation: {s['code']} on {s['date']}, units x{s['split_ratio']:.8g} "
                     f"(NAV implies x{s['nav_implied']:.6g}); recorded as split_ratio, so that day's units change is 0")
    log["splits"] = splits

    # 7. Universe: known rows kept as they are; new codes classified from the tracked index.
    review: list[dict] = []
    rows = []
    first_day = panel.groupby("code")["date"].min().to_dict()
    for code in sorted(set(panel["code"])):
        if code in known:
            continue
        details = _xq_details(info.get(code))
        name = details.get("基金名称") or str(last_name.get(code) or "") or f"ETF{code}"
        index_name = _clean_benchmark(details.get("业绩比较基准", ""))
        fund_type = details.get("基金类型", "") or str(etf_type.get(code) or "")
        basis = ("tracked index from 业绩比较基准" if index_name else
                 "fund name (fund_individual_basic_info_xq gave no benchmark)" if info.get(code) is not None else
                 "fund name (fund_individual_basic_info_xq failed)")
        listed = first_day[code] if first_day[code] > cal_first else ""
        row, rec = universe_row_for(code, name_zh=name, index_name=index_name, fund_type=fund_type,
                                    manager=_manager_short(details.get("基金公司", "")), listed=str(listed), basis=basis)
        rows.append(row)
        review.append(rec)
    uni = universe[universe["code"].isin(set(panel["code"]))]
    if rows:
        uni = pd.concat([uni, pd.DataFrame(rows)], ignore_index=True)
    uni = uni[UNIVERSE_COLUMNS].astype("string").fillna("").sort_values("code").reset_index(drop=True)
    log["review"] = review
    log["calls"] = call.calls
    log["cache_hits"] = call.cache.hits
    return FetchResult(panel=panel.reset_index(drop=True), universe=uni, review=review, notes=notes, log=log, dropped=dropped)


def _xq_details(df: pd.DataFrame | None) -> dict[str, str]:
    if df is None or df.empty or not {"item", "value"} <= set(df.columns):
        return {}
    def text(v) -> str:
        return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v).strip()

    return {text(k): text(v) for k, v in zip(df["item"], df["value"])}


def _assemble(selected, calendar, units, hist, navs) -> tuple[pd.DataFrame, list[Problem], dict]:
    cal = pd.Index(calendar)
    frames, gaps = [], []
    ratios = []
    by_code = {c: g for c, g in units.groupby("code")}
    for code in selected:
        u = by_code.get(code)
        s = pd.Series(u["shares"].to_numpy(), index=u["date"].to_numpy()) if u is not None else pd.Series(dtype="float64")
        h = hist.get(code)
        if h is not None and len(h) and {"日期", "收盘", "成交量", "成交额"} <= set(h.columns):
            hd = pd.DataFrame({"date": _as_date_series(h["日期"]), "close": pd.to_numeric(h["收盘"], errors="coerce"),
                               "vol": pd.to_numeric(h["成交量"], errors="coerce"), "amount": pd.to_numeric(h["成交额"], errors="coerce")})
            hd = hd.dropna(subset=["date"]).drop_duplicates("date", keep="last").set_index("date")
        else:
            hd = pd.DataFrame(columns=["close", "vol", "amount"])
        n = navs.get(code)
        if n is not None and len(n) and {"净值日期", "单位净值"} <= set(n.columns):
            nd = pd.DataFrame({"date": _as_date_series(n["净值日期"]), "nav": pd.to_numeric(n["单位净值"], errors="coerce")})
            nd = nd.dropna().drop_duplicates("date", keep="last").set_index("date")["nav"]
        else:
            nd = pd.Series(dtype="float64")
        trade_days = [d for d in cal if d in hd.index and d in s.index]
        if not trade_days:
            what = "no units" if not len(s) else "no trading data (fund_etf_hist_em)" if not len(hd) else "no day with both units and trading data"
            gaps.append(Problem("akshare", None, None, f"{code}: {what} between {calendar[0]} and {calendar[-1]}"))
            continue
        first = trade_days[0]  # listing (or the base day): rows before a fund trades are left out
        days = [d for d in cal if d >= first]
        frame = pd.DataFrame({"date": days, "code": code})
        frame["shares"] = s.reindex(days).to_numpy(dtype="float64")
        frame["nav"] = nd.reindex(days).to_numpy(dtype="float64")
        frame["close"] = hd["close"].reindex(days).to_numpy(dtype="float64")
        frame["volume"] = hd["vol"].reindex(days).to_numpy(dtype="float64") * EM_VOLUME_LOT
        frame["amount"] = hd["amount"].reindex(days).to_numpy(dtype="float64")
        for col, source in (("shares", "fund_etf_scale_sse" if code.startswith(("5", "6")) else "fund_scale_daily_szse"),
                            ("nav", "fund_etf_fund_info_em"), ("close", "fund_etf_hist_em"),
                            ("volume", "fund_etf_hist_em"), ("amount", "fund_etf_hist_em")):
            positive = col in ("shares", "nav", "close")
            missing = [d for d, v in zip(days, frame[col]) if not (v == v and (v > 0 if positive else v >= 0))]
            if missing:
                gaps.append(Problem(f"akshare:{source}", None, col, f"{code} has no {col} for trading day(s) {_runs(missing)}"))
        ok = (frame["volume"] > 0) & (frame["close"] > 0) & (frame["amount"] > 0)
        ratios.extend((frame.loc[ok, "amount"] / (frame.loc[ok, "volume"] * frame.loc[ok, "close"])).tolist())
        frames.append(frame)
    panel = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["date", "code", "shares", "nav", "close", "volume", "amount"])
    median = float(np.median(ratios)) if ratios else float("nan")
    if ratios and not (VOLUME_CHECK_RANGE[0] <= median <= VOLUME_CHECK_RANGE[1]):
        raise LiveDataError(
            f"成交量 unit check failed: median 成交额 / (成交量 x {EM_VOLUME_LOT} x 收盘) = {median:.4g}, expected about 1. "
            f"fund_etf_hist_em's volume unit seems to have changed; adjust EM_VOLUME_LOT"
        )
    note = (f"成交量 read as 手 ({EM_VOLUME_LOT} units); check: median 成交额/(volume x close) = {median:.3f}" if ratios
            else f"成交量 read as 手 ({EM_VOLUME_LOT} units); no traded day to check it on")
    return panel, gaps, {"volume_ratio": None if median != median else round(median, 4), "volume_note": note}


def _detect_splits(panel: pd.DataFrame, navs: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, list[dict]]:
    """Units jump by >= SPLIT_MIN_FACTOR with an inverse NAV jump: record split_ratio = S(t)/S(t-1)."""
    panel = panel.sort_values(["code", "date"], kind="stable").reset_index(drop=True)
    panel["split_ratio"] = np.nan
    panel["dividend"] = np.nan
    same = panel["code"].to_numpy()[1:] == panel["code"].to_numpy()[:-1]
    s = panel["shares"].to_numpy(dtype="float64")
    n = panel["nav"].to_numpy(dtype="float64")
    rs = s[1:] / s[:-1]
    rn = n[1:] / n[:-1]
    jump = same & ((rs >= SPLIT_MIN_FACTOR) | (rs <= 1 / SPLIT_MIN_FACTOR)) & (np.abs(rs * rn - 1) <= SPLIT_MATCH_TOLERANCE)
    splits = []
    for i in np.flatnonzero(jump):
        j = i + 1
        ratio = s[j] / s[i]
        panel.loc[j, "split_ratio"] = ratio
        code, day = panel.loc[j, "code"], panel.loc[j, "date"]
        growth = _nav_growth(navs.get(code), day)
        implied = (n[i] * (1 + growth / 100) / n[j]) if growth is not None else n[i] / n[j]
        splits.append({"code": code, "date": day.isoformat(), "split_ratio": float(ratio), "nav_implied": float(implied)})
    return panel, splits


def _nav_growth(df: pd.DataFrame | None, day: dt.date) -> float | None:
    if df is None or df.empty or "日增长率" not in df.columns:
        return None
    dates = _as_date_series(df["净值日期"])
    vals = pd.to_numeric(df["日增长率"], errors="coerce")[dates == day]
    return float(vals.iloc[0]) if len(vals) and vals.iloc[0] == vals.iloc[0] else None


# --- writing a dataset folder -------------------------------------------------------------------

_DATASET_FILES = ("panel.parquet", "panel.csv.gz", "panel.csv", "universe.csv")


def check_out_dir(out: str | Path, force: bool) -> None:
    """Refuse to overwrite a dataset folder unless forced (checked before any work is done)."""
    p = Path(out)
    if p.exists() and not p.is_dir():
        raise LiveDataError(f"--out {p} exists and is not a folder")
    if p.exists() and not force and any((p / n).exists() for n in _DATASET_FILES):
        raise LiveDataError(f"--out {p} already holds a dataset; use --force to replace it")


def _typed_panel(panel: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame({
        "date": pd.Series([d.isoformat() if isinstance(d, dt.date) else str(d) for d in panel["date"]], dtype="string"),
        "code": panel["code"].astype("string").to_numpy(),
        "shares": np.round(panel["shares"].to_numpy(dtype="float64")).astype("int64"),
        "nav": panel["nav"].to_numpy(dtype="float64"),
        "close": panel["close"].to_numpy(dtype="float64"),
        "amount": panel["amount"].to_numpy(dtype="float64"),
        "volume": np.round(panel["volume"].to_numpy(dtype="float64")).astype("int64"),
    })
    for col in OPTIONAL_PANEL_COLUMNS:
        out[col] = panel[col].to_numpy(dtype="float64") if col in panel.columns else np.nan
    return out.sort_values(["date", "code"], kind="stable").reset_index(drop=True)


def write_dataset(panel: pd.DataFrame, universe: pd.DataFrame, out: str | Path, *, force: bool = False,
                  extra: dict[str, str] | None = None) -> Dataset:
    """Write panel.parquet + universe.csv (+ extra text files) into `out`, and return the loaded dataset.

    Everything is written to a temporary folder first and loaded back with `load_dataset` (the fact
    layer's full validation, run once); only a dataset that loads replaces the files in `out`. On any
    problem nothing in `out` changes and the problems name the files as they would be in `out`.
    """
    from .io import load_dataset

    check_out_dir(out, force)
    typed = _typed_panel(panel)
    uni = universe[UNIVERSE_COLUMNS].astype("string").fillna("")
    _, problems = validate_universe(uni, str(Path(out) / "universe.csv"))
    if problems:
        raise DataError(problems)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        typed.to_parquet(tmp / "panel.parquet", index=False)
        uni.to_csv(tmp / "universe.csv", index=False, encoding="utf-8", lineterminator="\n")
        for name, text in (extra or {}).items():
            (tmp / name).write_text(text, encoding="utf-8")
        try:
            ds = load_dataset(tmp)  # the folder must load exactly as a user will load it
        except DataError as exc:
            raise DataError([Problem(p.file.replace(str(tmp), str(target)), p.row, p.column, p.message) for p in exc.problems]) from None
        target.mkdir(parents=True, exist_ok=True)
        for stale in ("panel.csv.gz", "panel.csv"):
            if (target / stale).exists():
                (target / stale).unlink()
        for f in tmp.iterdir():
            os.replace(f, target / f.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ds.name, ds.source = target.name, str(target)
    return ds


# --- import of a user's export ------------------------------------------------------------------

HEADER_ALIASES: dict[str, list[str]] = {
    "date": ["date", "trade_date", "日期", "交易日期", "交易日", "净值日期", "时间"],
    "code": ["code", "ts_code", "代码", "基金代码", "证券代码", "交易代码"],
    "shares": ["shares", "份额", "基金份额", "场内份额", "总份额", "场内总份额", "基金总份额", "最新份额"],
    "nav": ["nav", "单位净值", "净值", "基金净值"],
    "close": ["close", "收盘价", "收盘"],
    "amount": ["amount", "成交额", "成交金额"],
    "volume": ["volume", "vol", "成交量"],
    "split_ratio": ["split_ratio", "折算比例", "拆分比例", "份额折算比例"],
    "dividend": ["dividend", "分红", "每份分红", "单位分红", "每份派息"],
    "name": ["name", "名称", "基金简称", "证券简称", "基金名称"],
    "index_name": ["index_name", "跟踪指数", "跟踪标的", "标的指数", "跟踪指数名称"],
}
"""Accepted headers per panel column (case-insensitive; a unit in brackets may follow, e.g.
``基金份额(万份)``). ``name`` and ``index_name`` are optional and used only for codes that are not
in the universe: they are then classified from the tracked index and tagged for review."""

UNIT_FACTORS: dict[str, dict[str, int]] = {
    "shares": {"份": 1, "units": 1, "万份": 10**4, "亿份": 10**8},
    "amount": {"元": 1, "yuan": 1, "千元": 10**3, "万元": 10**4, "亿元": 10**8},
    "volume": {"份": 1, "股": 1, "units": 1, "手": 100, "万份": 10**4, "万股": 10**4, "万手": 10**6},
}
_MISSING = {"", "--", "—", "-", "nan", "NaN", "None", "null", "N/A", "#N/A"}


@dataclass
class ImportResult:
    panel: pd.DataFrame
    universe: pd.DataFrame
    review: list[dict]
    notes: list[str]
    columns: dict[str, str]  # panel column -> the user's header


def _split_header(h: str) -> tuple[str, str]:
    text = str(h).strip().lstrip("\ufeff").replace("（", "(").replace("）", ")").replace("【", "[").replace("】", "]")
    m = re.fullmatch(r"(.*?)\s*[(\[]\s*(.*?)\s*[)\]]\s*", text)
    return (m.group(1).strip(), m.group(2).strip()) if m else (text, "")


def _read_export(path: Path, fmt: str) -> pd.DataFrame:
    data = path.read_bytes()
    if fmt == "parquet":
        try:
            df = pd.read_parquet(path)
        except Exception as exc:
            raise DataError([Problem(str(path), None, None, f"cannot read Parquet: {exc}")]) from exc
        out = pd.DataFrame(index=df.index)
        for c in df.columns:
            col = df[c]
            if pd.api.types.is_datetime64_any_dtype(col):
                out[str(c)] = col.dt.strftime("%Y-%m-%d")
            else:
                out[str(c)] = col.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else (
                    v.isoformat() if isinstance(v, dt.date) else repr(v) if isinstance(v, float) else str(v)))
        return out
    compression = "gzip" if path.name.endswith(".gz") else None
    last: Exception | None = None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_values=[], encoding=enc,
                               compression=compression, skip_blank_lines=False)
        except UnicodeDecodeError as exc:
            last = exc
        except Exception as exc:
            raise DataError([Problem(str(path), None, None, f"cannot read CSV: {exc}")]) from exc
    raise DataError([Problem(str(path), None, None, f"cannot decode the file as UTF-8 or GB18030: {last}")])


def _norm_code(v: str) -> str:
    t = str(v).strip().upper()
    t = re.sub(r"\.0+$", "", t)
    m = re.fullmatch(r"(?:SH|SZ)?\.?(\d{1,6})(?:\.(?:SH|SZ|OF))?", t)
    return m.group(1).zfill(6) if m else str(v).strip()


def _norm_date(v: str) -> str:
    """ISO text for 2026-01-05, 2026/1/5, 2026.01.05, 2026年1月5日, 20260105 (+ midnight time); else as given."""
    t = str(v).strip()
    m = (re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00)?(?:\.0+)?)?", t)
         or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", t))
    if not m:
        return t
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return t  # validation reports the text as written


def _scaled(v: str, factor: int, whole: bool) -> str:
    t = str(v).strip()
    if t in _MISSING:
        return ""
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    if factor == 1:
        return t
    try:
        x = Decimal(t) * factor
    except InvalidOperation:
        return t  # left for validation to report as not a number
    if whole and x == x.to_integral_value():
        x = x.to_integral_value()
    return format(x.normalize(), "f") if x == x else t


def import_export(path: str | Path, *, fmt: str | None = None, universe: pd.DataFrame | None = None,
                  shares_unit: str | None = None, amount_unit: str | None = None, volume_unit: str | None = None) -> ImportResult:
    """Read and validate a user's export; raise `DataError` listing every problem (file, row, column)."""
    p = Path(path)
    if not p.exists():
        raise DataError([Problem(str(p), None, None, "file not found")])
    if fmt is None:
        name = p.name.lower()
        fmt = "parquet" if name.endswith(".parquet") else "csv" if name.endswith((".csv", ".csv.gz", ".txt")) else None
        if fmt is None:
            raise LiveDataError(f"cannot tell the format of {p.name}; give --format csv or --format parquet")
    if fmt not in ("csv", "parquet"):
        raise LiveDataError("--format must be csv or parquet")
    file = str(p)
    raw = _read_export(p, fmt)  # index = 0-based data row as in the file (blank lines included)
    raw = raw[~(raw.astype("string").fillna("").apply(lambda c: c.str.strip()) == "").all(axis=1)]  # blank rows

    problems: list[Problem] = []
    lookup = {alias.lower(): key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
    mapping: dict[str, str] = {}
    units: dict[str, str] = {}
    ignored: list[str] = []
    for h in raw.columns:
        base, unit = _split_header(h)
        key = lookup.get(base.lower())
        if key is None:
            ignored.append(str(h))
            continue
        if key in mapping:
            problems.append(Problem(file, 1, str(h), f"both '{mapping[key]}' and '{h}' map to {key}; keep one"))
            continue
        mapping[key] = str(h)
        if unit:
            units[key] = unit
    for key in PANEL_COLUMNS:
        if key not in mapping:
            problems.append(Problem(file, 1, key, "missing column; accepted headers: " + ", ".join(HEADER_ALIASES[key])))
    options = {"shares": shares_unit, "amount": amount_unit, "volume": volume_unit}
    factors = {}
    for key, table in UNIT_FACTORS.items():
        unit = options[key] or units.get(key) or next(iter(table))
        if options[key] and units.get(key) and units[key] != options[key]:
            problems.append(Problem(file, 1, mapping.get(key, key), f"header says {units[key]} but --{key}-unit says {options[key]}"))
        if unit not in table:
            problems.append(Problem(file, 1, mapping.get(key, key), f"unknown unit {unit!r}; use one of {', '.join(table)}"))
        factors[key] = table.get(unit, 1)
    if problems:
        raise DataError(problems)

    df = pd.DataFrame({"date": raw[mapping["date"]].map(_norm_date), "code": raw[mapping["code"]].map(_norm_code)})
    for key in ("shares", "nav", "close", "amount", "volume"):
        df[key] = raw[mapping[key]].map(lambda v, f=factors.get(key, 1), w=key in ("shares", "volume"): _scaled(v, f, w))
    for key in OPTIONAL_PANEL_COLUMNS:
        if key in mapping:
            df[key] = raw[mapping[key]].map(lambda v: _scaled(v, 1, False))
    extra = {k: raw[mapping[k]].astype("string").fillna("").str.strip() for k in ("name", "index_name") if k in mapping}

    if universe is None:
        universe, _ = load_base_universe(None)
    known = set(universe["code"].astype(str))
    review: list[dict] = []
    new_rows = []
    new_codes = sorted(set(c for c in df["code"] if re.fullmatch(r"\d{6}", c)) - known)
    for code in new_codes:
        idx = df.index[df["code"] == code]
        names = extra["name"][idx] if "name" in extra else pd.Series([], dtype="string")
        indices = extra["index_name"][idx] if "index_name" in extra else pd.Series([], dtype="string")
        index_name = next((x for x in indices if x), "")
        if not index_name:
            continue  # validate_panel reports it as not in the universe
        name = next((x for x in names if x), "") or f"ETF{code}"
        row, rec = universe_row_for(code, name_zh=name, index_name=index_name, basis=f"tracked index from column '{mapping['index_name']}'")
        new_rows.append(row)
        review.append(rec)
    uni = universe[UNIVERSE_COLUMNS].astype("string").fillna("")
    if new_rows:
        uni = pd.concat([uni, pd.DataFrame(new_rows).astype("string")], ignore_index=True)
    missing = [c for c in new_codes if c not in {r["code"] for r in new_rows}]
    if missing:
        problems.append(Problem(file, None, mapping["code"],
                                f"{len(missing)} code(s) are not in the universe ({', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}): "
                                "give --universe FILE with rows for them, or add a 跟踪指数 (index_name) column to classify them"))

    # The contract wants rows in date order; sort, validate, then report rows as numbered in the file.
    order = df.assign(_orig=df.index.to_numpy())
    iso_ok = order["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False)
    order = order.assign(_key=order["date"].where(iso_ok, "9999-99-99")).sort_values(["_key", "code"], kind="stable")
    orig = order["_orig"].to_numpy()
    checked_in = order.drop(columns=["_orig", "_key"]).reset_index(drop=True)
    parsed, found = validate_panel(checked_in, set(uni["code"]), file)
    for prob in found:
        row = prob.row
        if row is not None and row >= 2 and row - 2 < len(orig):
            row = int(orig[row - 2]) + 2
        column = prob.column
        if column in mapping:
            column = mapping[column]
        problems.append(Problem(prob.file, row, column, prob.message))
    if problems:
        problems.sort(key=lambda q: (q.row is not None, q.row or 0))
        raise DataError(problems)
    panel = parsed.drop(columns=["_row"], errors="ignore")
    panel["date"] = panel["date"].dt.date
    uni = uni[uni["code"].isin(set(panel["code"]))].reset_index(drop=True)
    notes = []
    if ignored:
        notes.append("ignored column(s): " + ", ".join(ignored))
    for key in ("shares", "amount", "volume"):
        if factors[key] != 1:
            notes.append(f"{mapping[key]}: multiplied by {factors[key]:,} to {'units' if key != 'amount' else 'yuan'}")
    return ImportResult(panel=panel, universe=uni, review=review, notes=notes, columns=mapping)
