"""A number found in prose: its span, exact value, unit, direction, hedge and written precision."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

MentionUnit = Literal[
    "CNY", "USD", "HKD", "pct", "ratio", "shares", "points", "count", "stars", "date", "other"
]
Hedge = Literal["over", "nearly", "about", "under", "none"]
MentionDirection = Literal["inflow", "outflow", "none"]
Status = Literal["supported", "unsupported", "mismatched", "unparsed"]

__all__ = ["Mention", "MentionUnit", "Hedge", "MentionDirection", "Status"]


class Mention(BaseModel):
    """One numeric claim in a text.

    ``start``/``end`` are code-point offsets into the text as read (end exclusive); ``line`` is
    1-based. ``value`` is exact, in base units (yuan, units, a fraction for percentages, the
    star count, an ISO string for dates); ``None`` only when ``unparsed``. ``precision`` is the
    place value of the last digit written, in the same base units (``2126.17亿`` -> 1000000), so a
    checker can round a fact to what was written.
    """

    text: str
    start: int
    end: int
    line: int = 1
    value: Decimal | str | None
    unit: MentionUnit
    direction: MentionDirection = "none"
    hedge: Hedge = "none"
    precision: Decimal | None = None
    points_change: bool = False
    """True for 个百分点 / percentage points: a change in points, not a percent."""
    unparsed: bool = False
    """True for a number-like span the grammar could not read (value is then None)."""
    fact_ref: str | None = None
    """The fact id a renderer attached to this number (our own articles), if any."""
    change: Literal["up", "down", "none"] = "none"
    """For a percentage or points: the move a verb right before it gives it (上涨/跌幅/rose/fell);
    a level after 至 / to, and a number with a printed sign, have none."""
    foreign_money: bool = False
    """An amount in a currency the units do not name (€, S$, 新加坡元): unit ``other``, yet money,
    so no count, ratio or index level can support it."""
    notes: list[str] = Field(default_factory=list)

    def to_json(self) -> dict:
        """JSON form: numbers as JSON numbers, dates as strings."""
        data = self.model_dump(mode="python")
        for key in ("value", "precision"):
            if isinstance(data[key], Decimal):
                v = data[key]
                data[key] = int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
        return data
