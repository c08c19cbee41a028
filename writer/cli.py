"""The `etfwriter` command line: a thin adapter over the public API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

# The data tools (pandas) are imported inside the commands: `etfwriter --help` stays quick, and
# `etfwriter draft` can fork its chart process before they load.

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Draft and check ETF capital-flow commentary whose numbers are all computed.")
data_app = typer.Typer(no_args_is_help=True, help="Check and import data files.")
app.add_typer(data_app, name="data")
console = Console()
err = Console(stderr=True)


from etfwriter._cli_common import parse_date as _date  # noqa: E402


def _fail(exc: Exception) -> None:
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
    raise typer.Exit(2)


def _price(price: str) -> str:
    from etfwriter.tools.flows import PRICE_CONVENTIONS

    if price not in PRICE_CONVENTIONS:
        raise typer.BadParameter(f"use one of {', '.join(PRICE_CONVENTIONS)}", param_hint="--price")
    return price


@app.command()
def facts(
    week: Optional[str] = typer.Option(None, help="Any date in the calendar week to describe (YYYY-MM-DD)."),
    start: Optional[str] = typer.Option(None, help="First day of a custom period."),
    end: Optional[str] = typer.Option(None, help="Last day of a custom period."),
    data: Optional[Path] = typer.Option(None, help="Panel file (CSV/Parquet) or folder; default: the bundled seed data."),
    price: str = typer.Option("nav", help="Price convention: nav, close, vwap or avg_nav."),
    as_json: bool = typer.Option(False, "--json", help="Print the fact set as JSON."),
    lang: str = typer.Option("zh", help="Language of the table: zh or en."),
) -> None:
    """Compute the facts of a period (example: etfwriter facts --week 2026-01-12 --json)."""
    from etfwriter.tools import EtfWriterError, compute_facts, load_dataset, resolve_period

    try:
        ds = load_dataset(data)
        s, e = resolve_period(ds, _date(week, "--week"), _date(start, "--start"), _date(end, "--end"))
        fs = compute_facts(ds, s, e, _price(price))
    except EtfWriterError as exc:
        _fail(exc)
    if as_json:
        sys.stdout.write(fs.model_dump_json(indent=2) + "\n")
        return
    table = Table(title=f"{fs.period.start} .. {fs.period.end}  ·  {fs.dataset.name}  ·  price={price}")
    table.add_column("id", style="cyan")
    table.add_column("label")
    table.add_column("display", justify="right")
    for f in fs.facts:
        if f.id.startswith(("flow.etf.", "shares_change.etf.", "aum.etf.", "flow.manager.", "flow.daily.")) and not any(t.startswith("top_") for t in f.tags):
            continue
        table.add_row(f.id, getattr(f.label, lang), getattr(f.display, lang))
    console.print(table)
    console.print(f"{len(fs.facts)} facts (single-ETF, manager and daily facts are in --json).", style="dim")


@data_app.command("check")
def data_check(path: Path = typer.Argument(..., help="Panel file (CSV/CSV.gz/Parquet) or a folder with panel + universe.csv.")) -> None:
    """Validate a data file and report every problem found (example: etfwriter data check my_panel.csv)."""
    from etfwriter.tools import check_file, load_dataset

    problems = check_file(path)
    if not problems:
        ds = load_dataset(path)
        console.print(f"[green]OK[/] {path}: {len(ds.panel)} rows, {ds.panel['code'].nunique()} ETFs, {ds.first_date} to {ds.last_date}")
        return
    table = Table(title=f"{len(problems)} problem(s) in {path}")
    for col in ("file", "row", "column", "problem"):
        table.add_column(col)
    for p in problems:
        table.add_row(p.file, "" if p.row is None else str(p.row), p.column or "", p.message)
    console.print(table)
    raise typer.Exit(1)


@app.command()
def mcp(
    http: Optional[int] = typer.Option(None, "--http", help="Serve streamable HTTP on this port instead of stdio."),
    host: str = typer.Option("127.0.0.1", help="Address for --http (default: loopback only)."),
    data: Optional[Path] = typer.Option(None, help="Panel file or folder; default: the bundled seed data."),
    week: Optional[str] = typer.Option(None, help="Current period for the drafting tools (any date in the week); default: the last week of the data."),
    price: str = typer.Option("nav", help="Price convention: nav, close, vwap or avg_nav."),
) -> None:
    """Serve the tool set over MCP (example: etfwriter mcp, or etfwriter mcp --http 8765)."""
    from etfwriter.embed import make_context
    from etfwriter.mcp_server import build_server
    from etfwriter.tools import EtfWriterError

    try:
        ctx = make_context(data, week, price=_price(price))
    except EtfWriterError as exc:
        _fail(exc)
    server = build_server(ctx)
    if http is None:
        server.run("stdio")
    else:
        err.print(f"MCP (streamable HTTP) on http://{host}:{http}/mcp")
        import anyio

        anyio.run(lambda: server.run_streamable_http_async(host=host, port=http))


from etfwriter import cli_data, cli_draft, cli_eval, cli_evals  # noqa: E402  (commands that live beside their modules)

cli_draft.register(app)
cli_eval.register(app)
cli_evals.register(app)
cli_data.register(data_app)


def main() -> None:
    from etfwriter._cli_common import run_standalone

    run_standalone(app)


if __name__ == "__main__":
    main()
