"""The result of checking an article: one verdict per number, a summary, JSON and a rich table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .mentions import Mention, Status

__all__ = ["MentionResult", "Summary", "EvalReport", "render", "render_mentions", "json_number"]

JSON_MENTION_KEYS = ("text", "start", "end", "line", "value", "unit", "direction", "hedge")
STATUS_STYLE = {"supported": "green", "unsupported": "yellow", "mismatched": "bold red", "unparsed": "magenta"}


def json_number(value: Decimal | str | None) -> int | float | str | None:
    """A Decimal as a JSON number (int when integral), strings and None unchanged."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and abs(value) < 2**53:
            return int(value)
        return float(value)
    return value


class MentionResult(BaseModel):
    """The verdict on one number."""

    mention: Mention
    status: Status
    fact_id: str | None = None
    """The supporting fact, or for a mismatched number the nearest contradicting one."""
    reason: str = ""
    diffs: list[str] = Field(default_factory=list)
    """What differs from `fact_id` when mismatched: value, scale, direction, hedge, unit, points."""
    candidates: list[str] = Field(default_factory=list)
    """For unsupported numbers: the nearest facts of the same unit."""
    unreferenced: bool = False
    """Strict mode only: the number carries no fact reference and was matched by search."""

    def to_json(self) -> dict[str, Any]:
        m = self.mention
        out: dict[str, Any] = {k: getattr(m, k) for k in JSON_MENTION_KEYS}
        out["value"] = json_number(m.value)
        out.update(status=self.status, fact_id=self.fact_id, reason=self.reason)
        return out


class Summary(BaseModel):
    """Counts, precision (supported / numbers) and must-say coverage."""

    numbers: int
    supported: int
    unsupported: int
    mismatched: int
    unparsed: int
    precision: float | None
    """supported / numbers; None when the text has no numbers."""
    coverage: float | None
    """must-say facts with a supported mention / must-say facts; None when there are none."""
    must_say: list[str] = Field(default_factory=list)
    must_say_missing: list[str] = Field(default_factory=list)
    unreferenced: int = 0

    def to_json(self) -> dict[str, Any]:
        keys = ("numbers", "supported", "unsupported", "mismatched", "unparsed", "precision", "coverage")
        return {k: getattr(self, k) for k in keys}


class EvalReport(BaseModel):
    """Every number of one article with its verdict, and the summary."""

    mentions: list[MentionResult]
    summary: Summary
    strict: bool = False
    policy: dict[str, Any] = Field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when the text has numbers and every one of them is supported."""
        s = self.summary
        return s.numbers > 0 and s.supported == s.numbers

    def failures(self) -> list[MentionResult]:
        return [r for r in self.mentions if r.status != "supported"]

    def to_json(self) -> dict[str, Any]:
        return {"mentions": [r.to_json() for r in self.mentions], "summary": self.summary.to_json()}


def _value_text(m: Mention) -> str:
    v = json_number(m.value)
    if v is None:
        return ""
    if isinstance(v, float):
        return format(m.value, "f") if isinstance(m.value, Decimal) else str(v)
    return str(v)


def render(report: EvalReport, console: Console, *, title: str | None = None) -> None:
    """Print the verdicts as a table, then the summary."""
    table = Table(title=title, show_lines=False, expand=False)
    for col, kw in (("line", {"justify": "right"}), ("text", {}), ("value", {"justify": "right"}), ("unit", {}),
                    ("status", {}), ("fact", {"overflow": "fold"}), ("reason", {"overflow": "fold"})):
        table.add_column(col, **kw)
    for r in report.mentions:
        m = r.mention
        status = Text(r.status + (" *" if r.unreferenced else ""), style=STATUS_STYLE.get(r.status, ""))
        table.add_row(str(m.line), m.text, _value_text(m), m.unit, status, r.fact_id or "", r.reason)
    console.print(table)
    s = report.summary
    pct = lambda x: "n/a" if x is None else f"{x:.1%}"  # noqa: E731
    verdict = Text("PASS", style="bold green") if report.passed else Text("FAIL", style="bold red")
    line = Text.assemble(
        verdict,
        f"  numbers {s.numbers} · supported {s.supported} · unsupported {s.unsupported} · "
        f"mismatched {s.mismatched} · unparsed {s.unparsed} · precision {pct(s.precision)} · "
        f"coverage {pct(s.coverage)}",
    )
    console.print(line)
    if report.strict and s.unreferenced:
        console.print(f"* {s.unreferenced} number(s) without a fact reference were matched by search")
    if s.must_say_missing:
        console.print("must-say facts not mentioned: " + ", ".join(s.must_say_missing))


def render_mentions(mentions: list[Mention], console: Console, *, title: str | None = None) -> None:
    """Print extracted mentions as a table."""
    table = Table(title=title)
    for col in ("line", "start", "end", "text", "value", "unit", "direction", "hedge", "precision", "fact_ref"):
        table.add_column(col, overflow="fold")
    for m in mentions:
        table.add_row(
            str(m.line), str(m.start), str(m.end), m.text,
            "UNPARSED" if m.unparsed else _value_text(m), m.unit, m.direction, m.hedge,
            "" if m.precision is None else format(m.precision, "f"), m.fact_ref or "",
        )
    console.print(table)
    console.print(f"{len(mentions)} mention(s)")
