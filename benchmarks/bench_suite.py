"""Benchmark: the offline eval suite over every week of the seed data.

    python benchmarks/bench_suite.py [--jobs N] [--no-charts] [--lang zh,en] [--out DIR] [--weeks N]

Runs `etfwriter.suite.run_suite` with the built-in offline model on every calendar week of the
bundled seed data (both languages by default) into a fresh folder (nothing is resumed), then prints
articles per second, total seconds, and the scoreboard's headline figures: supported %, articles
rejected, and the weeks whose article failed, with the gate's problems. ``--weeks N`` takes only
the first N weeks (a quick look).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: CPU count)")
    ap.add_argument("--no-charts", action="store_true", help="skip drawing the articles' charts")
    ap.add_argument("--lang", default="zh,en")
    ap.add_argument("--out", default=None, help="output folder (default: a temporary one, removed afterwards)")
    ap.add_argument("--weeks", type=int, default=None, help="only the first N weeks")
    args = ap.parse_args()

    t_load = time.perf_counter()
    from etfwriter.suite import SuiteConfig, run_suite, suite_periods
    from etfwriter.tools import load_seed

    ds = load_seed()
    periods = suite_periods(ds, [(None, None)], "week")
    if args.weeks:
        periods = periods[: args.weeks]
    load_s = time.perf_counter() - t_load
    langs = [x for x in args.lang.split(",") if x]
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as tmp:
        out = Path(args.out) if args.out else Path(tmp) / "evals"
        t0 = time.perf_counter()
        outcome = run_suite(ds, periods, [SuiteConfig("offline")], out=out, langs=langs, jobs=args.jobs,
                            charts=not args.no_charts, meta={"every": "week", "command": "benchmarks/bench_suite.py"})
        wall = time.perf_counter() - t0
        board = outcome.board
    tot = board["totals"]
    n = tot["articles"]
    print(f"seed data: {len(periods)} weeks ({periods[0].start} .. {periods[-1].end}), languages {','.join(langs)}, "
          f"jobs {args.jobs}, charts {'off' if args.no_charts else 'on'} (imports + data load {load_s:.1f} s, not counted)")
    print(f"articles: {n} in {wall:.1f} s  ->  {n / wall:.2f} articles/s  ({wall / max(n, 1):.2f} s per article)")
    print(f"supported {tot['supported_pct']}% of {tot['numbers']} numbers; rejected {tot['rejected']}; errors {tot['errors']}; "
          f"re-asks {tot['reasks']}; period kinds {board['period_kinds']}")
    for r in board["rejected"]:
        probs = "; ".join(f"{p['kind']} {p['span']!r}: {p['message'][:90]}" for p in r.get("problems", [])[:3])
        print(f"  REJECTED {r['start']}..{r['end']} {r['lang']} ({r['kind']}): {probs}")
    for e in board["errors"]:
        print(f"  ERROR {e['start']}..{e['end']} {e['lang']}: {e['error']}")
    return 0 if not board["rejected"] and not board["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
