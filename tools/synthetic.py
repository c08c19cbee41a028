"""A synthetic market for tests and benchmarks: random but valid universe, panel and index closes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dataset import Dataset, INDEX_KEYS

__all__ = ["synthetic_dataset"]

_FAMILIES = ["csi300", "sse50", "csi500", "csi1000", "csi2000", "a500", "chinext", "star50"]
_THEMES = {"sector_theme": ["software", "satellite", "nonferrous", "ai", "grid", "semiconductor"],
           "cross_border": ["hstech", "nasdaq100"], "bond": ["convertible_bond"], "commodity": ["gold"], "money": ["money_market"]}


def synthetic_dataset(n_etfs: int = 200, n_days: int = 250, *, start: str = "2024-01-02", seed: int = 7) -> Dataset:
    """A weekday calendar of `n_days` days and `n_etfs` funds across every category."""
    rng = np.random.default_rng(seed)
    days = pd.bdate_range(start, periods=n_days)
    cats = rng.choice(["broad", "sector_theme", "cross_border", "bond", "commodity", "money"], size=n_etfs, p=[0.4, 0.35, 0.1, 0.07, 0.04, 0.04])
    codes = [f"{510000 + i:06d}" if i % 2 == 0 else f"{159000 + i:06d}" for i in range(n_etfs)]
    themes = [rng.choice(_FAMILIES) if c == "broad" else rng.choice(_THEMES[c]) for c in cats]
    universe = pd.DataFrame({
        "code": codes, "exchange": ["SH" if c.startswith("5") else "SZ" for c in codes],
        "name_zh": [f"测试ETF{i}" for i in range(n_etfs)], "name_en": [f"TEST ETF {i}" for i in range(n_etfs)],
        "manager": rng.choice(["华夏", "易方达", "南方", "嘉实"], size=n_etfs), "index_code": "", "index_name": themes,
        "category": cats, "theme": themes, "family": themes, "listed": days[0].date().isoformat(), "tag": "E",
    }).astype("string")
    nav0 = rng.uniform(0.8, 5.0, n_etfs)
    nav = nav0 * np.exp(np.cumsum(rng.normal(0, 0.012, (n_days, n_etfs)), axis=0))
    nav = np.round(nav, 4)
    s0 = rng.uniform(1e8, 5e10, n_etfs)
    growth = np.exp(np.cumsum(rng.normal(0, 0.01, (n_days, n_etfs)), axis=0))
    shares = np.round(s0 * growth).astype("int64")
    close = np.round(nav * (1 + rng.normal(0, 0.001, nav.shape)), 3)
    volume = np.round(shares * rng.uniform(0.005, 0.05, shares.shape)).astype("int64")
    amount = np.round(volume * close, 2)
    panel = pd.DataFrame({
        "date": np.repeat(days.values, n_etfs), "code": np.tile(np.array(codes, dtype=object), n_days),
        "shares": shares.ravel(), "nav": nav.ravel(), "close": close.ravel(), "amount": amount.ravel(),
        "volume": volume.ravel(), "split_ratio": np.nan, "dividend": np.nan,
    })
    panel["code"] = panel["code"].astype("string")
    panel = panel.sort_values(["code", "date"], kind="stable").reset_index(drop=True)
    idx = [pd.DataFrame({"date": days, "index": key, "close": np.round(3000 * np.exp(np.cumsum(rng.normal(0, 0.01, n_days))), 2)}) for key in INDEX_KEYS]
    indices = pd.concat(idx, ignore_index=True).sort_values(["index", "date"]).reset_index(drop=True)
    indices["index"] = indices["index"].astype("string")
    return Dataset(name=f"synthetic-{n_etfs}x{n_days}-seed{seed}", hash=f"synthetic{seed}", universe=universe, panel=panel, indices=indices)
