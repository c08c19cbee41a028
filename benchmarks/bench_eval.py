"""Corruption benchmark for the number checker.

    python benchmarks/bench_eval.py                       # the bundled zh and en sample articles
    python benchmarks/bench_eval.py A.md A.json B.md B.json [--ref-date 2026-01-17]
    python benchmarks/bench_eval.py --gold                # samples, hand-annotated mentions (no extractor)

For every clean article: check it (any number not supported is a false alarm), then apply every
mutation of `etfwriter.evals.corrupt` to one number at a time and check again (caught = a number
overlapping the change is not supported). Runs in normal and strict mode. Prints mutations tried
and caught per kind, false alarms, milliseconds per check (extraction included unless --gold), and
the time to extract and check a 3,000-character article; exits 1 unless everything was caught with
no false alarm within the time budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from etfwriter.evals._samples import ARTICLE_EN, ARTICLE_ZH, REF_DATE, gold_en, gold_zh, sample_facts
from etfwriter.evals.corrupt import KINDS, CorruptionScore, score
from etfwriter.tools.facts import FactSet

TIMING_CHARS = 3000
TIMING_BUDGET_MS = 10.0


def _inputs(args) -> list[tuple[str, str, FactSet, list | None, dt.date | None]]:
    if args.files:
        if len(args.files) % 2:
            sys.exit("give ARTICLE FACTS pairs")
        out = []
        for a, f in zip(args.files[::2], args.files[1::2]):
            text = Path(a).read_bytes().decode("utf-8")
            facts = FactSet.model_validate_json(Path(f).read_bytes())
            out.append((Path(a).name, text, facts, None, args.ref_date))
        return out
    facts = sample_facts()
    return [
        ("sample-zh", ARTICLE_ZH, facts, gold_zh() if args.gold else None, REF_DATE),
        ("sample-en", ARTICLE_EN, facts, gold_en() if args.gold else None, REF_DATE),
    ]


def _timing(text: str, facts: FactSet, ref_date, repeat: int = 30) -> tuple[int, float, float, float]:
    """Median ms to extract and to check a text padded to at least TIMING_CHARS characters, and the
    best total (the machine's noise floor: a loaded machine inflates the median)."""
    from etfwriter.evals.check import check_mentions
    from etfwriter.evals.extract import extract

    body = text
    while len(body) < TIMING_CHARS:
        body += "\n" + text
    check_mentions(extract(body, ref_date=ref_date), facts)  # warm up (imports, fact index)
    ext, chk = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        mentions = extract(body, ref_date=ref_date)
        t1 = time.perf_counter()
        check_mentions(mentions, facts)
        t2 = time.perf_counter()
        ext.append(1000 * (t1 - t0))
        chk.append(1000 * (t2 - t1))
    best = min(e + c for e, c in zip(ext, chk))
    return len(body), statistics.median(ext), statistics.median(chk), best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="*", help="ARTICLE.md FACTS.json pairs")
    p.add_argument("--ref-date", type=dt.date.fromisoformat, default=None, help="completes dates written without a year")
    p.add_argument("--gold", action="store_true", help="samples only: use the hand-annotated mentions, skip extraction")
    p.add_argument("--verbose", "-v", action="store_true", help="list every missed mutation")
    args = p.parse_args(argv)
    console = Console(highlight=False)

    scores: list[CorruptionScore] = []
    inputs = _inputs(args)
    for name, text, facts, gold, ref in inputs:
        for strict in (False, True):
            scores.append(score(text, facts, name=name, mentions=gold, strict=strict, ref_date=ref))

    table = Table(title="corruption benchmark" + (" (hand-annotated mentions)" if args.gold else ""))
    table.add_column("")
    for sc in scores:
        table.add_column(f"{sc.name}\n{'strict' if sc.strict else 'normal'}", justify="right")
    table.add_row("numbers", *[str(sc.numbers) for sc in scores])
    table.add_row("false alarms", *[str(len(sc.clean_failures)) for sc in scores])
    for k in KINDS:
        table.add_row(f"caught: {k}", *[f"{sc.kinds[k].caught}/{sc.kinds[k].tried}" for sc in scores])
    table.add_row("caught: all", *[f"{sc.caught}/{sc.tried}" for sc in scores])
    table.add_row("ms per check", *[f"{sc.ms_per_check:.2f}" for sc in scores])
    console.print(table)

    tried = sum(s.tried for s in scores)
    caught = sum(s.caught for s in scores)
    alarms = sum(len(s.clean_failures) for s in scores)
    per_article = statistics.mean(s.ms_per_check for s in scores)
    console.print(f"mutations tried {tried}, caught {caught} ({caught / tried:.1%})" if tried else "no mutations")
    console.print(f"false alarms on clean articles: {alarms} (over {len(scores)} checks)")
    console.print(f"ms per article (mean over all checks): {per_article:.2f}")
    in_budget = True
    if not args.gold:
        name, text, facts, _, ref = inputs[0]
        chars, ms_ext, ms_chk, best = _timing(text, facts, ref)
        in_budget = ms_ext + ms_chk < TIMING_BUDGET_MS
        console.print(f"{chars}-character article ({name}, repeated): {ms_ext + ms_chk:.2f} ms "
                      f"(extract {ms_ext:.2f} + check {ms_chk:.2f}), median of 30, best {best:.2f}; "
                      f"budget {TIMING_BUDGET_MS:.0f} ms: " + ("ok" if in_budget else "OVER"))
    for sc in scores:
        for failure in sc.clean_failures:
            console.print(f"[yellow]false alarm[/] {sc.name} ({'strict' if sc.strict else 'normal'}): {failure}")
        missed = [(k, d) for k, ks in sc.kinds.items() for d in ks.missed]
        for k, d in missed if args.verbose else missed[:10]:
            console.print(f"[red]missed[/] {sc.name} ({'strict' if sc.strict else 'normal'}) {k}: {d}")
    return 0 if tried and caught == tried and alarms == 0 and in_budget else 1


if __name__ == "__main__":
    sys.exit(main())
