"""`etfwriter data fetch` and `etfwriter data import`: real data into a folder usable with --data.

    etfwriter data fetch --source akshare --start 2026-01-12 --end 2026-01-16 --out data/2026w03
    etfwriter data import wind_export.csv --out data/mine [--universe my_universe.csv]

Both write ``panel.parquet`` + ``universe.csv`` (fetch also ``fetch_log.json``) and nothing at all
when a check fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:  # pragma: no cover - the data tools (pandas) load only when a command runs
    from etfwriter.tools.errors import Problem

console = Console()
err = Console(stderr=True)
REVIEW_SHOWN = 40


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "etfwriter" / "akshare"


from etfwriter._cli_common import parse_date as _date  # noqa: E402


def _problems(title: str, problems: list[Problem]) -> None:
    table = Table(title=title)
    for col in ("file", "row", "column", "problem"):
        table.add_column(col)
    for p in problems:
        table.add_row(escape(p.file), "" if p.row is None else str(p.row), escape(p.column or ""), escape(p.message))
    console.print(table)


def _review(rows: list[dict]) -> None:
    if not rows:
        return
    table = Table(title=f"{len(rows)} code(s) not in the universe: classified from the tracked index, tagged 'review' in universe.csv")
    for col in ("code", "name_zh", "index_name", "fund_type", "category", "theme", "basis"):
        table.add_column(col)
    for r in rows[:REVIEW_SHOWN]:
        table.add_row(*(escape(str(r.get(c, ""))) for c in ("code", "name_zh", "index_name", "fund_type", "category", "theme", "basis")))
    console.print(table)
    if len(rows) > REVIEW_SHOWN:
        console.print(f"... and {len(rows) - REVIEW_SHOWN} more: every one is tagged 'review' in universe.csv.")
    console.print("Check these rows (names, manager, category, theme) in universe.csv before publishing.", style="yellow")


def _fail(exc: Exception) -> None:
    err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
    raise typer.Exit(2)


def client_factory():
    """The akshare client used by `data fetch` (tests replace this function)."""
    from etfwriter.tools.live import AkshareLibrary

    return AkshareLibrary()


def register(data_app: typer.Typer) -> None:
    """Add `fetch` and `import` to the `etfwriter data` group."""

    @data_app.command("fetch")
    def data_fetch(
        start: str = typer.Option(..., help="First trading day whose flows are wanted (YYYY-MM-DD). The trading day before it is fetched too, as the base."),
        end: str = typer.Option(..., help="Last trading day (YYYY-MM-DD); later than the latest published day is cut to it."),
        out: Path = typer.Option(..., help="Folder to write (panel.parquet, universe.csv, fetch_log.json)."),
        source: str = typer.Option("akshare", help="Data source; only 'akshare' (install it with: pip install 'etfwriter\\[live]')."),
        codes: Optional[List[str]] = typer.Option(None, help="Only these 6-digit codes (repeat the option or separate with commas). Default: every ETF in the SSE and SZSE units tables."),
        universe_only: bool = typer.Option(False, "--universe-only", help="Only the codes of the universe (bundled or --universe)."),
        universe: Optional[Path] = typer.Option(None, help="Universe CSV to match codes against; default: the bundled universe."),
        cache: Optional[Path] = typer.Option(None, help="Cache folder for akshare answers (a rerun reuses them). Default: $XDG_CACHE_HOME/etfwriter/akshare."),
        no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
        refresh: bool = typer.Option(False, "--refresh", help="Fetch everything again (the cache is still written)."),
        szse_share_lag: int = typer.Option(1, help="Trading days by which SZSE units are dated late: 1 (default) uses the value dated D as the units at the end of the trading day before D; 0 takes SZSE dates as printed."),
        on_gap: str = typer.Option("fail", help="A fund missing a trading day: 'fail' (list the gaps, write nothing) or 'drop' (leave such funds out and list them)."),
        retries: int = typer.Option(4, min=1, help="Attempts per akshare call (waits 1, 2, 4 ... s between them)."),
        force: bool = typer.Option(False, "--force", help="Replace a dataset already in --out."),
    ) -> None:
        """Build a dataset from akshare (example: etfwriter data fetch --start 2026-01-12 --end 2026-01-16 --out data/w03)."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from etfwriter.tools import live
        from etfwriter.tools.errors import DataError, EtfWriterError

        if source != "akshare":
            raise typer.BadParameter("only 'akshare' is supported", param_hint="--source")
        s, e = _date(start, "--start"), _date(end, "--end")
        try:
            live.check_out_dir(out, force)
            base, base_name = live.load_base_universe(universe)
            client = client_factory()
            store = live.FetchCache(None if no_cache else (cache or default_cache_dir()), refresh=refresh)
            progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=err, transient=True)
            with progress:
                result = live.fetch_akshare(client, s, e, codes=codes, universe=base, universe_only=universe_only, cache=store,
                                            retry=live.RetryPolicy(attempts=retries), szse_share_lag=szse_share_lag,
                                            on_gap=on_gap, progress=progress)
            result.log["universe"] = base_name
            result.log["akshare_version"] = getattr(client, "version", "")
            ds = live.write_dataset(result.panel, result.universe, out, force=force,
                                    extra={"fetch_log.json": json.dumps(result.log, ensure_ascii=False, indent=2, default=str) + "\n"})
        except DataError as exc:
            _problems(f"{len(exc.problems)} problem(s): nothing was written", exc.problems)
            raise typer.Exit(1)
        except EtfWriterError as exc:
            _fail(exc)
        for note in result.notes:
            console.print(f"• {escape(note)}", highlight=False)
        if result.dropped:
            _problems(f"{len(result.dropped)} gap(s) in the funds left out", result.dropped)
        _review(result.review)
        console.print(f"[green]Wrote[/] {escape(str(out))}: {len(ds.panel)} rows, {ds.panel['code'].nunique()} ETFs, {ds.first_date} to {ds.last_date} "
                      f"({result.log.get('calls', 0)} akshare calls, {result.log.get('cache_hits', 0)} answers from the cache). "
                      f"Use it with --data {out}", highlight=False)

    @data_app.command("import")
    def data_import(
        path: Path = typer.Argument(..., help="Your export: CSV (UTF-8 or GBK) or Parquet, one row per trading day and fund."),
        out: Path = typer.Option(..., help="Folder to write (panel.parquet, universe.csv)."),
        format: Optional[str] = typer.Option(None, "--format", help="csv or parquet; default: from the file name."),
        universe: Optional[Path] = typer.Option(None, help="Universe CSV (columns of tools/dataset.py); default: the bundled universe."),
        shares_unit: Optional[str] = typer.Option(None, help="Unit of the shares column: 份 (default), 万份 or 亿份. A unit in the header, e.g. 基金份额(万份), is read too."),
        amount_unit: Optional[str] = typer.Option(None, help="Unit of the turnover column: 元 (default), 千元, 万元 or 亿元."),
        volume_unit: Optional[str] = typer.Option(None, help="Unit of the volume column: 份 or 股 (default), 手 (100 units), 万份 or 万股."),
        force: bool = typer.Option(False, "--force", help="Replace a dataset already in --out."),
    ) -> None:
        """Import your own Wind/Choice-style export (example: etfwriter data import export.csv --out data/mine)."""
        from etfwriter.tools import live
        from etfwriter.tools.errors import DataError, EtfWriterError

        try:
            live.check_out_dir(out, force)
            base, _ = live.load_base_universe(universe)
            result = live.import_export(path, fmt=format, universe=base, shares_unit=shares_unit,
                                        amount_unit=amount_unit, volume_unit=volume_unit)
            ds = live.write_dataset(result.panel, result.universe, out, force=force)
        except DataError as exc:
            _problems(f"{len(exc.problems)} problem(s) in {path}: nothing was written", exc.problems)
            raise typer.Exit(1)
        except EtfWriterError as exc:
            _fail(exc)
        console.print(escape("columns: " + ", ".join(f"{v} → {k}" for k, v in result.columns.items())), highlight=False)
        for note in result.notes:
            console.print(f"• {escape(note)}", highlight=False)
        _review(result.review)
        console.print(f"[green]Wrote[/] {escape(str(out))}: {len(ds.panel)} rows, {ds.panel['code'].nunique()} ETFs, {ds.first_date} to {ds.last_date}. "
                      f"Use it with --data {out}", highlight=False)
