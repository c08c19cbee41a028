"""`etfwriter eval` and `etfwriter extract`: check an article's numbers against a fact set.

    etfwriter eval ARTICLE.md --facts FACTS.json [--json] [--strict] [--ref-date D]
    etfwriter extract FILE [--ref-date D] [--json]

`eval` exits 0 when every number is supported, 1 when some are not, 2 on bad input (a missing or
unreadable file, a facts file that is not a fact set, a bad date).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Optional

import typer

from etfwriter._cli_common import parse_date
from rich.console import Console

__all__ = ["register"]


class _BadInput(Exception):
    """An input the commands cannot use; the message names the file."""


def _err(message: str) -> None:
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)


def _read_text(path: Path, what: str) -> str:
    """The file's text, decoded as UTF-8 with line endings kept (offsets are into this text)."""
    if not path.exists():
        raise _BadInput(f"{what} not found: {path}")
    if path.is_dir():
        raise _BadInput(f"{what} is a directory, not a file: {path}")
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadInput(f"{what} {path} is not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    except OSError as exc:
        raise _BadInput(f"cannot read {what} {path}: {exc.strerror or exc}") from None


def _load_facts(path: Path):
    from pydantic import ValidationError

    from etfwriter.tools.facts import FactSet

    text = _read_text(path, "facts file")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise _BadInput(f"facts file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    try:
        # JSON mode: decimal strings become Decimals, as `etfwriter facts --json` wrote them
        return FactSet.model_validate_json(text)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in exc.errors()[:3]
        )
        more = f" (and {exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
        raise _BadInput(f"facts file {path} is not a fact set (etfwriter facts --json): {problems}{more}") from None


def _ref_date(value: Optional[str]) -> Optional[dt.date]:
    return parse_date(value, "--ref-date")


def _need_extractor() -> None:
    try:
        import etfwriter.evals.extract  # noqa: F401
    except ImportError as exc:
        _err(f"the number extractor (etfwriter.evals.extract) cannot be loaded: {exc}")


def _echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def eval_command(
    article: Path = typer.Argument(..., help="The article to check (Markdown or plain text, UTF-8).", show_default=False),
    facts: Path = typer.Option(..., "--facts", help="The fact set as JSON (the output of etfwriter facts --json).", show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print the verdicts and summary as JSON."),
    strict: bool = typer.Option(False, "--strict", help="Numbers with a [^fact.id] reference must match that fact; flag numbers without one."),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", help="Date that completes dates written without a year (YYYY-MM-DD)."),
) -> None:
    """Check every number of an article against a fact set (exit 0 only when all are supported)."""
    ref = _ref_date(ref_date)
    try:
        text = _read_text(article, "article")
        fact_set = _load_facts(facts)
    except _BadInput as exc:
        _err(str(exc))
    from etfwriter.evals.check import check
    from etfwriter.evals.report import render

    _need_extractor()
    report = check(text, fact_set, strict=strict, ref_date=ref)
    if as_json:
        _echo_json(report.to_json())
    else:
        render(report, Console(highlight=False), title=f"{article.name} vs {facts.name}" + (" (strict)" if strict else ""))
    raise typer.Exit(0 if report.passed else 1)


def extract_command(
    file: Path = typer.Argument(..., help="A Markdown or text file (UTF-8).", show_default=False),
    ref_date: Optional[str] = typer.Option(None, "--ref-date", help="Date that completes dates written without a year (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help='Print {"mentions": [...]} (offsets into the file\'s text).'),
) -> None:
    """List the numbers found in a file, with value, unit, direction, hedge and precision."""
    ref = _ref_date(ref_date)
    try:
        text = _read_text(file, "file")
    except _BadInput as exc:
        _err(str(exc))
    _need_extractor()
    from etfwriter.evals.extract import extract, extract_json

    if as_json:
        _echo_json(extract_json(text, ref_date=ref))
        return
    from etfwriter.evals.report import render_mentions

    render_mentions(extract(text, ref_date=ref), Console(highlight=False), title=file.name)


def register(app: typer.Typer) -> None:
    """Add the `eval` and `extract` commands to `app`."""
    app.command("eval")(eval_command)
    app.command("extract")(extract_command)
