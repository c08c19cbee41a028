"""Benchmark: daily flows + weekly aggregation on a synthetic market (prints seconds).

    python benchmarks/bench_flows.py [N_ETFS] [N_DAYS]

Default 1,500 ETFs x 250 trading days. Run with a few sizes to see that time grows linearly in rows.
"""

from __future__ import annotations

import sys
import time

from etfwriter.tools.flows import daily_flows
from etfwriter.tools.synthetic import synthetic_dataset


def run(n_etfs: int, n_days: int, repeat: int = 3) -> float:
    ds = synthetic_dataset(n_etfs, n_days)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        daily = daily_flows(ds.panel, "nav")
        daily["week"] = daily["date"].dt.to_period("W-SUN")
        cats = ds.universe.set_index("code")["category"]
        daily.assign(category=daily["code"].map(cats)).groupby(["week", "category"], observed=True)["flow"].sum()
        best = min(best, time.perf_counter() - t0)
    return best


if __name__ == "__main__":
    n, d = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (1500, 250)
    for scale in (0.25, 0.5, 1.0):
        days = max(10, int(d * scale))
        secs = run(n, days)
        print(f"{n} ETFs x {days} days = {n * days:>9,} rows: daily flows + weekly aggregation {secs:.3f} s")
