"""Small helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import typer

STANDALONE = False
"""True when the command line is the whole process (`etfwriter ...`): the process ends with the command.
Commands then skip cleanup meant for callers that run them in-process (tests, embedders)."""


def run_standalone(app: typer.Typer) -> None:
    """Run `app` as the program: mark the process standalone, and freeze the garbage collector on the
    way out, so the interpreter's exit does not walk every object of pandas, pydantic and LangChain
    (about 0.4 s after a draft) only to free memory the process is giving back anyway."""
    global STANDALONE
    STANDALONE = True
    try:
        app()
    finally:
        import gc

        gc.freeze()


def parse_date(value: Optional[str], name: str) -> Optional[dt.date]:
    """A YYYY-MM-DD option value (None stays None); a bad one is a usage error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None
