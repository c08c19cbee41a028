"""Benchmark at market scale: a 10-year, 1,500-ETF panel written as Parquet, loaded, and facts computed.

    python benchmarks/bench_scale.py [N_ETFS] [N_DAYS] [N_WEEKS]

Defaults: 1,500 ETFs x 2,500 trading days (about ten years), facts for the last 4 calendar weeks.
The panel is built and written in a child process, so the peak resident memory printed
(ru_maxrss of this process) covers reading, validating and computing only. Targets: under 2 s per
week's facts, under 1 GB. The first week pays for the daily flows of the whole panel (cached on the
dataset); the later weeks show the steady cost. `--tracemalloc` also reports Python's own peak
allocation (slower).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from etfwriter.tools import compute_facts, load_dataset, resolve_period
from etfwriter.tools.synthetic import synthetic_dataset


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def current_rss_mb() -> float | None:
    try:  # Linux only
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def step(label: str, t0: float) -> float:
    secs = time.perf_counter() - t0
    now = current_rss_mb()
    now_text = f"   now {now:6.0f} MB" if now is not None else ""
    print(f"{label:<56} {secs:7.2f} s   peak RSS {peak_rss_mb():6.0f} MB{now_text}", flush=True)
    return secs


def prepare(folder: str, n_etfs: int, n_days: int) -> None:
    """Write the synthetic panel as the contract's Parquet (run in a child process: its memory is not counted)."""
    syn = synthetic_dataset(n_etfs, n_days)
    panel = syn.panel[["date", "code", "shares", "nav", "close", "amount", "volume"]].copy()
    panel["date"] = panel["date"].dt.strftime("%Y-%m-%d")  # the contract: ISO date text
    panel.sort_values(["date", "code"], kind="stable").to_parquet(Path(folder) / "panel.parquet", index=False)
    syn.universe.to_csv(Path(folder) / "universe.csv", index=False)


def main(n_etfs: int = 1500, n_days: int = 2500, n_weeks: int = 4) -> None:
    print(f"{n_etfs} ETFs x {n_days} trading days = {n_etfs * n_days:,} rows")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        child = multiprocessing.get_context("spawn").Process(target=prepare, args=(tmp, n_etfs, n_days))
        child.start()
        child.join()
        if child.exitcode:
            raise SystemExit(f"building the synthetic panel failed (exit code {child.exitcode})")
        size = (Path(tmp) / "panel.parquet").stat().st_size / 1e6
        print(f"{'build + write panel.parquet (' + format(size, '.0f') + ' MB, child process)':<56} {time.perf_counter() - t0:7.2f} s")
        t0 = time.perf_counter()
        ds = load_dataset(tmp)
        step("load_dataset (read + validate)", t0)
    last = ds.calendar[-1].date()
    weeks = [resolve_period(ds, week=last - dt.timedelta(days=7 * k)) for k in range(n_weeks, 0, -1)]  # complete weeks
    times = []
    for i, (s, e) in enumerate(weeks):
        t0 = time.perf_counter()
        fs = compute_facts(ds, s, e, "nav")
        times.append(step(f"compute_facts {s}..{e} ({len(fs.facts)} facts){' [cold]' if i == 0 else ''}", t0))
    warm = times[1:] or times
    print(f"\ncompute_facts per week: cold {times[0]:.2f} s, warm mean {sum(warm) / len(warm):.2f} s "
          f"(target < 2 s); peak RSS {peak_rss_mb():.0f} MB (target < 1024 MB)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n, d, w = (int(args[0]) if len(args) > 0 else 1500, int(args[1]) if len(args) > 1 else 2500, int(args[2]) if len(args) > 2 else 4)
    if "--tracemalloc" in sys.argv:
        tracemalloc.start()
        main(n, d, w)
        cur, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc peak {peak / 2**20:.0f} MB")
    else:
        main(n, d, w)
