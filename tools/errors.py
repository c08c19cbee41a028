"""User-facing errors of the fact layer."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EtfWriterError", "DataError", "Problem", "CalculationError"]


class EtfWriterError(Exception):
    """Base class: errors shown to the user as a message, not a traceback."""


@dataclass(frozen=True)
class Problem:
    """One problem in a data file: where it is and what is wrong."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataError(EtfWriterError):
    """A data file failed validation; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the data:\n{shown}{more}")


class CalculationError(EtfWriterError):
    """A figure cannot be computed from the data (never replaced by a placeholder)."""
