"""`etfwriter evals`: run the eval suite over many periods and configurations, compare scoreboards.

    etfwriter evals run [--periods 2024-01-01..2026-01-16] [--every week] [--model offline ...]
                        [--prompts current ...] [--lang zh,en] [--out out/evals] [--jobs N]
                        [--data PATH] [--max-retries 2] [--no-charts] [--compare A B]
    etfwriter evals compare A B [--out DIR]     # two scoreboard JSONs, or FILE#CONFIG
    etfwriter evals report [OUT]                # rebuild the scoreboard from the stored results

Exit codes of ``run``: 0 when every article finished (passed or rejected: a rejection is a result);
1 when some drafts stopped with an error (listed in the scoreboard, retried on the next run);
2 on bad arguments or data; 130 when interrupted (Ctrl-C): finished results are kept and a partial
scoreboard is written, and the same command resumes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, List, Optional, Tuple

import typer

__all__ = ["register", "evals_app"]

evals_app = typer.Typer(no_args_is_help=True, help="Run the eval suite: draft many periods, check every number, keep score.")


def _split(values: Optional[List[str]]) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [x.strip() for x in v.split(",") if x.strip()]
    return out


def _langs(value: str) -> list[str]:
    langs = _split([value])
    if not langs or any(x not in ("zh", "en") for x in langs):
        raise typer.BadParameter("use zh, en or zh,en", param_hint="--lang")
    return langs


def _consoles() -> tuple[Any, Any]:
    from rich.console import Console

    return Console(highlight=False), Console(stderr=True, highlight=False)


def _fail(err: Any, message: str, code: int = 2) -> None:
    from rich.markup import escape

    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


class _Bar:
    """The rich progress bar, refreshed by the run itself (no timer thread, so the drafting may fork)."""

    def __init__(self, console: Any):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("[bold]evals[/]"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 TimeRemainingColumn(), TextColumn("{task.fields[note]}", style="dim"),
                                 console=console, auto_refresh=False, transient=False)
        self.task = None
        self.failed = 0
        self.rejected = 0

    def start(self, total: int, skipped: int, jobs: list) -> None:
        self.progress.start()
        self.task = self.progress.add_task("", total=max(total, 1) if total else 0, note=f"{skipped} already done" if skipped else "")
        self.progress.refresh()

    def step(self, text: str) -> None:
        if self.task is not None:
            if text:
                self.progress.update(self.task, note=text[:60])
            self.progress.refresh()

    def done(self, job: Any, results: list[dict]) -> None:
        self.failed += sum(r["status"] == "error" for r in results)
        self.rejected += sum(r["status"] == "rejected" for r in results)
        note = f"{job.config.id} {job.period.key}"
        if self.rejected or self.failed:
            note += f" · rejected {self.rejected} · errors {self.failed}"
        self.progress.update(self.task, advance=1, note=note)
        self.progress.refresh()

    def stop(self) -> None:
        if self.task is not None:
            self.progress.refresh()
        self.progress.stop()


def _summary(console: Any, board: dict) -> None:
    """The main metrics, one row each, a column per configuration (and all)."""
    from rich.table import Table

    from etfwriter.suite import _fmt

    rows = [("articles", "articles"), ("rejected", "rejected"), ("errors", "errors"), ("numbers", "numbers (final)"),
            ("supported_pct", "supported % (final)"), ("first.supported_pct", "supported % (first drafts)"),
            ("first_pass_pct", "first draft passed %"), ("caught_drafts", "drafts caught by the gate"),
            ("reasks", "re-asks"), ("coverage_pct", "must-say coverage %"), ("sections_pct", "sections present %"),
            ("tokens_in", "tokens in"), ("tokens_out", "tokens out"), ("seconds", "seconds")]
    cols = list(board["by_config"].items())
    if len(cols) > 1:
        cols.append(("all", board["totals"]))
    t = Table(title="scoreboard" + (" (INTERRUPTED: partial)" if board.get("interrupted") else ""))
    t.add_column("metric")
    for name, _ in cols:
        t.add_column(name, justify="right", overflow="fold")
    for key, label in rows:
        t.add_row(label, *(_fmt(m.get(key)) for _, m in cols))
    console.print(t)
    kinds = ", ".join(f"{k} {n}" for k, n in board.get("period_kinds", {}).items())
    if kinds:
        console.print(f"period kinds: {kinds}", style="dim")


def _compare(console: Any, out: Path, ref_a: str, ref_b: str, board: dict | None) -> None:
    from rich.table import Table

    from etfwriter.suite import _fmt, compare, compare_markdown, pick_metrics, _write_json_atomic

    name_a, a = pick_metrics(ref_a, board)
    name_b, b = pick_metrics(ref_b, board)
    rows = compare(a, b)
    t = Table(title=f"A = {name_a}   B = {name_b}")
    for col, j in (("metric", "left"), ("A", "right"), ("B", "right"), ("B − A", "right"), ("better", "center")):
        t.add_column(col, justify=j)
    for r in rows:
        d = r["diff"]
        style = "green" if r["better"] == "B" else "red" if r["better"] == "A" else ""
        t.add_row(r["label"], _fmt(r["a"]), _fmt(r["b"]), "" if d is None else ("+" if d > 0 else "") + _fmt(d),
                  f"[{style}]{r['better']}[/]" if style else r["better"])
    console.print(t)
    out.mkdir(parents=True, exist_ok=True)
    (out / "compare.md").write_text(compare_markdown(name_a, name_b, rows), encoding="utf-8")
    _write_json_atomic(out / "compare.json", {"a": name_a, "b": name_b, "rows": rows})
    console.print(f"compare: {out / 'compare.md'}", style="dim")


@evals_app.command("run")
def run_command(
    periods: Optional[List[str]] = typer.Option(None, "--periods", help="A..B (dates), one date, or 'all' (default); repeat for more."),
    every: str = typer.Option("week", "--every", help="One article per calendar week (or month) with data."),
    model: Optional[List[str]] = typer.Option(None, "--model", help="offline, a model name on an OpenAI-compatible endpoint, or scripted:sloppy (a FAKE local model that makes mistakes); repeat or comma-separate. Default: offline unless OPENAI_API_KEY / --base-url is set."),
    prompts: Optional[List[str]] = typer.Option(None, "--prompts", help="Prompts version: current (installed), its version string, or a folder with another prompt set; repeat for more."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible endpoint for named models (default: OPENAI_BASE_URL)."),
    lang: str = typer.Option("zh,en", "--lang", help="Languages: zh, en or zh,en."),
    out: Path = typer.Option(Path("out/evals"), "--out", help="Output folder (results, articles, scoreboard)."),
    jobs: int = typer.Option(1, "--jobs", min=1, max=64, help="Drafts run at once (worker processes)."),
    data: Optional[Path] = typer.Option(None, "--data", help="Panel file or folder; default: the bundled seed data."),
    price: str = typer.Option("nav", "--price", help="Price convention: nav, close, vwap or avg_nav."),
    max_retries: int = typer.Option(2, "--max-retries", min=0, max=10, help="Re-asks after a draft fails the check."),
    charts: bool = typer.Option(True, "--charts/--no-charts", help="Draw the articles' charts (off: about 4x faster; the text is checked the same way)."),
    timeout: float = typer.Option(120.0, "--timeout", min=0.1, help="Seconds per model API request."),
    compare: Optional[Tuple[str, str]] = typer.Option(None, "--compare", help="Compare two configurations of this run (e.g. offline scripted:sloppy), or two scoreboard JSONs (then nothing is drafted)."),
) -> None:
    """Draft every period with every configuration, check each article, write the scoreboard (example: etfwriter evals run --periods 2024-01-01..2026-01-16 --jobs 2)."""
    console, err = _consoles()
    from etfwriter.tools import EtfWriterError, load_dataset
    from etfwriter.tools.flows import PRICE_CONVENTIONS

    from etfwriter import suite as S

    if price not in PRICE_CONVENTIONS:
        raise typer.BadParameter(f"use one of {', '.join(PRICE_CONVENTIONS)}", param_hint="--price")
    langs = _langs(lang)
    if compare and all(Path(x.partition("#")[0]).exists() for x in compare) and not model and not prompts:
        try:
            _compare(console, out, compare[0], compare[1], None)
        except EtfWriterError as exc:
            _fail(err, str(exc))
        return
    models = _split(model)
    if not models and compare:  # the configurations to compare are the ones to run
        models = [x.partition("@")[0] for x in compare]
    versions = _split(prompts) or ["current"]
    try:
        configs = [S.SuiteConfig(m, v, base_url=base_url, timeout=timeout) for m in (models or [None]) for v in versions]
        resolved = list({c.id: c for c in (S.resolve_config(x) for x in configs)}.values())
        ds = load_dataset(data)
        spans = [S.parse_span(p) for p in (_split(periods) or ["all"])]
        chosen = S.suite_periods(ds, spans, every)
    except EtfWriterError as exc:
        _fail(err, str(exc))
    err.print(f"{len(chosen)} period(s) × {len(resolved)} configuration(s) × {len(langs)} language(s) → {out}  "
              f"[dim]({', '.join(c.id for c in resolved)})[/]")
    bar = _Bar(err)
    try:
        outcome = S.run_suite(ds, chosen, resolved, out=out, langs=langs, jobs=jobs, price=price, max_retries=max_retries,
                              charts=charts, data_path=data, reporter=bar,
                              meta={"every": every, "command": "etfwriter evals run"})
    except EtfWriterError as exc:
        bar.stop()
        _fail(err, str(exc))
    except OSError as exc:
        bar.stop()
        _fail(err, f"cannot write {out}: {exc.strerror or exc}")
    bar.stop()
    board = outcome.board
    _summary(console, board)
    for kind, p in outcome.paths.items():
        console.print(f"  {p}", style="dim")
    if outcome.scripted_mutations:
        n = sum(len(v) for v in outcome.scripted_mutations.values())
        console.print(f"scripted (FAKE) model: {n} corrupted draft(s) this run, logged in {out / 'scripted_mutations.json'}", style="dim")
    if compare and not outcome.interrupted:
        try:
            _compare(console, out, compare[0], compare[1], board)
        except EtfWriterError as exc:
            _fail(err, str(exc))
    if outcome.interrupted:
        err.print(f"[yellow]interrupted:[/] {board['finished']} of {board['expected']} article(s) finished and kept; "
                  f"partial scoreboard in {outcome.paths['md']}; run the same command to resume")
        raise typer.Exit(130)
    if outcome.errors:
        err.print(f"[bold red]error:[/] {outcome.errors} draft(s) stopped with an error (see the scoreboard); a rerun retries them")
        raise typer.Exit(1)


@evals_app.command("compare")
def compare_command(
    a: str = typer.Argument(..., help="Scoreboard JSON (or its folder), or FILE#CONFIG for one configuration of it."),
    b: str = typer.Argument(..., help="The other side, the same way."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where to write compare.md / compare.json (default: beside A)."),
) -> None:
    """Compare two scoreboards side by side: each metric, the difference, and which is better (example: etfwriter evals compare runA/scoreboard.json runB/scoreboard.json)."""
    console, err = _consoles()
    from etfwriter.tools import EtfWriterError

    path_a = Path(a.partition("#")[0])
    folder = out or (path_a if path_a.is_dir() else path_a.parent)
    try:
        _compare(console, folder, a, b, None)
    except EtfWriterError as exc:
        _fail(err, str(exc))


@evals_app.command("report")
def report_command(out: Path = typer.Argument(Path("out/evals"), help="The suite's output folder.")) -> None:
    """Rebuild the scoreboard from every result stored in OUT (example: etfwriter evals report out/evals)."""
    console, err = _consoles()
    from etfwriter import suite as S

    results, errors = S.load_results(out)
    if not results and not errors:
        _fail(err, f"no results in {out / 'results'}")
    old = {}
    try:
        old = S.load_board(out)
    except S.SuiteError:
        pass
    meta = {k: old[k] for k in ("settings", "langs", "every", "periods") if k in old}
    board = S.build_scoreboard(results, errors, meta)
    paths = S.write_scoreboard(board, out)
    _summary(console, board)
    for p in paths.values():
        console.print(f"  {p}", style="dim")


def register(app: typer.Typer) -> None:
    """Add the `evals` command group to `app`."""
    app.add_typer(evals_app, name="evals")
