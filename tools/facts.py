"""The fact: one computed figure with its id, value, unit, display strings and provenance.

Every number that reaches an article is a `Fact`. Values are exact `Decimal`s in base units:
yuan for money (unit ``CNY``), units for fund shares (``shares``), a fraction for percentages
(``pct``: 0.486 means 48.6%), a plain multiple for ``ratio``, an integer for ``stars`` and
``count``, index points for ``points``. Dates (unit ``date``) carry an ISO string as value.
Flows are signed: negative = net outflow.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

Unit = Literal["CNY", "shares", "pct", "ratio", "stars", "count", "points", "date"]
Direction = Literal["inflow", "outflow", "none"]

__all__ = ["Bilingual", "Period", "Provenance", "Fact", "DatasetInfo", "FactSet", "Unit", "Direction"]


class Bilingual(BaseModel):
    """A text in Chinese and in English."""

    model_config = ConfigDict(frozen=True)
    zh: str
    en: str


class Period(BaseModel):
    """An inclusive date window (trading days between start and end)."""

    model_config = ConfigDict(frozen=True)
    start: dt.date
    end: dt.date

    def label(self, lang: str = "en") -> str:
        if lang == "zh":
            return f"{self.start:%Y年%m月%d日}至{self.end:%Y年%m月%d日}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


class Provenance(BaseModel):
    """Where a figure comes from: formula, inputs, dataset and price convention."""

    formula: str
    inputs: list[str] = Field(default_factory=list)
    dataset: str = ""
    dataset_hash: str = ""
    price: str | None = None
    rule: str | None = None


class Fact(BaseModel):
    """One computed figure."""

    id: str
    label: Bilingual
    value: Decimal | str
    unit: Unit
    direction: Direction = "none"
    period: Period
    display: Bilingual
    provenance: Provenance
    points_change: bool = False
    """True when a ``pct`` fact is a change in percentage points, not a percent."""
    must_say: bool = False
    """True for the headline figures an article about this period should mention."""
    tags: list[str] = Field(default_factory=list)

    @field_serializer("value")
    def _value_as_text(self, value: Decimal | str) -> str:
        return format(value.normalize(), "f") if isinstance(value, Decimal) else value

    @property
    def number(self) -> Decimal:
        """The value as a Decimal (raises for date facts)."""
        if isinstance(self.value, str):
            raise TypeError(f"fact {self.id} is a date, not a number")
        return self.value


class DatasetInfo(BaseModel):
    """The dataset a fact set was computed from."""

    name: str
    hash: str
    price_convention: str
    reconstruction: bool = False
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    etfs: int = 0
    rows: int = 0


class FactSet(BaseModel):
    """All facts of one period, as printed by ``etfwriter facts --json``."""

    period: Period
    dataset: DatasetInfo
    facts: list[Fact]

    def by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    def get(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(f"unknown fact id: {fact_id}")
