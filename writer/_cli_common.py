"""Small helpers shared by the command modules."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import typer


def parse_date(value: Optional[str], name: str) -> Optional[dt.date]:
    """A YYYY-MM-DD option value (None stays None); a bad one is a usage error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None
