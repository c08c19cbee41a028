"""`etfwriter draft`: write the bilingual weekly through the tool-calling agent and the gate.

    etfwriter draft --week 2026-01-12 [--lang zh,en] [--model offline|NAME] [--base-url URL]
                    [--price nav] [--data PATH] [--out ./out] [--max-retries 2]

Exit codes: 0 when every article passed the check; 1 when a draft was rejected after its re-asks
(``article.<lang>.rejected.md`` and ``eval.json`` say why); 2 on an error that stopped the run
(bad data, unknown period, the model API failing after its retries), printed as one line.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Optional

import typer

__all__ = ["register", "draft_command"]


from etfwriter import _cli_common  # noqa: E402
from etfwriter._cli_common import parse_date as _date  # noqa: E402


def _langs(value: str) -> list[str]:
    langs = [x.strip() for x in value.split(",") if x.strip()]
    bad = [x for x in langs if x not in ("zh", "en")]
    if bad or not langs:
        raise typer.BadParameter("use zh, en or zh,en", param_hint="--lang")
    return langs


def draft_command(
    week: Optional[str] = typer.Option(None, help="Any date in the calendar week to describe (YYYY-MM-DD)."),
    start: Optional[str] = typer.Option(None, help="First day of a custom period."),
    end: Optional[str] = typer.Option(None, help="Last day of a custom period."),
    lang: str = typer.Option("zh,en", "--lang", help="Languages to write: zh, en or zh,en."),
    model: Optional[str] = typer.Option(None, help="Model name on an OpenAI-compatible endpoint, or 'offline' (default when no OPENAI_API_KEY / --base-url)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (default: OPENAI_BASE_URL)."),
    price: str = typer.Option("nav", help="Price convention: nav, close, vwap or avg_nav."),
    data: Optional[Path] = typer.Option(None, help="Panel file (CSV/Parquet) or folder; default: the bundled seed data."),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder."),
    max_retries: int = typer.Option(2, "--max-retries", min=0, max=10, help="Re-asks after a draft fails the check."),
    timeout: float = typer.Option(120.0, "--timeout", min=0.1, help="Seconds per model API request."),
) -> None:
    """Draft the weekly article in Chinese and English, check every number, write OUT/ (example: etfwriter draft --week 2026-01-12)."""
    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    console = Console(stderr=True, highlight=False)

    def fail(message: str, code: int = 2) -> None:
        err.print(f"[bold red]error:[/] {message}")
        raise typer.Exit(code)

    langs = _langs(lang)
    w, s, e = _date(week, "--week"), _date(start, "--start"), _date(end, "--end")
    # A short batch run: the cyclic collector would spend a large share of it re-scanning the
    # objects that imports create (pandas, pydantic, LangChain), and memory stays about the same
    # without it. Switched back on at the end for callers that run the command in-process; when the
    # process ends with the command, re-enabling would only buy one last full collection.
    gc_was_on = gc.isenabled() and not _cli_common.STANDALONE
    gc.disable()
    worker = None
    try:
        # The data tools (pandas) load before the chart process is forked, so the process shares
        # them instead of importing them again: it imports matplotlib while this one loads the data
        # and computes the facts, and is ready to draw about when the facts are sent.
        from etfwriter.chart_worker import ChartWorker
        from etfwriter.tools import EtfWriterError, load_dataset, resolve_period
        from etfwriter.tools.flows import PRICE_CONVENTIONS

        if price not in PRICE_CONVENTIONS:
            raise typer.BadParameter(f"use one of {', '.join(PRICE_CONVENTIONS)}", param_hint="--price")
        worker = ChartWorker.start()
        try:
            from etfwriter.agent import ModelConfig
            from etfwriter.draft import draft

            config = ModelConfig(model=model, base_url=base_url, timeout=timeout)
            config.resolved()
            # Refreshed on each step rather than by a timer thread: the process stays single-threaded,
            # as forking a chart process (here, or in `draft` when the fork above was not possible) requires.
            with Live(Text("… loading data", style="dim"), console=console, auto_refresh=False, transient=True) as live:
                def progress(msg: str) -> None:
                    live.update(Text(f"… {msg}", style="dim"), refresh=True)

                ds = load_dataset(data)
                s, e = resolve_period(ds, w, s, e)
                result = draft(ds, s, e, langs=langs, model_config=config, price=price, out_dir=out,
                               max_retries=max_retries, progress=progress, chart_worker=worker)
        except EtfWriterError as exc:
            text = str(exc)
            fail(text if "\n" not in text else text.splitlines()[0] + " (" + "; ".join(x.strip(" -") for x in text.splitlines()[1:4]) + ")")
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror or exc}")
    finally:
        if worker is not None:
            worker.close()
        if gc_was_on:
            gc.enable()
    if result.passed:
        console.print(f"[green]✓[/] {result.summary()}")
        for f in result.files:
            console.print(f"  {f}", style="dim")
        return
    console.print(f"[bold red]✗[/] {result.summary()}")
    for lang_, info in result.evaluation["articles"].items():
        if info["passed"]:
            continue
        for p in info["problems"][:8]:
            console.print(f"  [{lang_}] {p['kind']}: {p['span']!r} — {p['message']}", highlight=False)
    err.print(f"[bold red]error:[/] the draft failed the check after {max_retries} re-ask(s); "
              f"see {out / 'eval.json'} and the .rejected.md file(s)")
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the `draft` command to `app`."""
    app.command("draft")(draft_command)


def main() -> None:
    """``python -m etfwriter.cli_draft --week ...``: the draft command on its own."""
    from etfwriter._cli_common import run_standalone

    app = typer.Typer(add_completion=False)
    register(app)
    run_standalone(app)


if __name__ == "__main__":
    main()
