"""Block layout of a text: lines, code to skip, and tables with their cells.

Markdown block structure comes from markdown-it-py (block rules only: inline parsing is not
needed because inline constructs are masked on the original text, where offsets are exact).
Plain text parses as paragraphs, so the same code path serves both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

__all__ = ["Cell", "Table", "Layout", "scan_layout"]

_MD = MarkdownIt("commonmark").enable("table").use(footnote_plugin)
_MD.core.ruler.disable(["inline", "footnote_tail"])
_MD_BLOCKS = MarkdownIt("commonmark").use(footnote_plugin)
_MD_BLOCKS.core.ruler.disable(["inline", "footnote_tail"])

_BREAK = re.compile(r"\r\n|\r|\n")
# An indented block is treated as code only when it reads like code, not like indented prose.
_CODE_LIKE = re.compile(
    r"[=;{}]|\(\)|^\s*(?:def|class|import|from|return|print|for|if|while|var|let|const|function)\b"
    r"|#include|//|</?[a-z]+>|->|=>",
    re.M,
)


@dataclass
class Cell:
    """One table cell: its trimmed span in the text and its column."""

    start: int
    end: int
    col: int


@dataclass
class Table:
    """A Markdown table: the header row and the body rows, as cells."""

    line_start: int
    line_end: int
    header: list[Cell]
    rows: list[list[Cell]]
    caption: tuple[int, int] | None = None  # span of a "单位：亿元" line just above


@dataclass
class Layout:
    """The text's line starts, the ranges to skip (code) and its Markdown tables."""

    text: str
    line_starts: list[int]
    skip: list[tuple[int, int]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    def line_of(self, pos: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self.line_starts, pos)

    def line_span(self, k: int) -> tuple[int, int]:
        """Start and end (before the line break) of 0-based line ``k``."""
        start = self.line_starts[k]
        if k + 1 < len(self.line_starts):
            end = self.line_starts[k + 1] - 1
            if end > start and self.text[end - 1 : end + 1] == "\r\n":
                end -= 1
        else:
            end = len(self.text)
        return start, max(start, end)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in _BREAK.finditer(text))
    return starts


def _split_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of one table row (pipes escaped with a backslash or inside code are kept)."""
    bounds: list[int] = []
    row = text[start:end]
    if "\\" not in row and "`" not in row:
        i = row.find("|")
        while i >= 0:
            bounds.append(start + i)
            i = row.find("|", i + 1)
    else:
        in_code = False
        i = start
        while i < end:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "`":
                in_code = not in_code
            elif c == "|" and not in_code:
                bounds.append(i)
            i += 1
    edges = [start - 1, *bounds, end]
    cells = []
    for a, b in zip(edges, edges[1:]):
        a += 1
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    # a leading or trailing pipe leaves an empty edge cell: drop it
    if cells and bounds and text[start:bounds[0]].strip() == "":
        cells = cells[1:]
    if cells and bounds and text[bounds[-1] + 1 : end].strip() == "":
        cells = cells[:-1]
    return cells


def scan_layout(text: str) -> Layout:
    """Find lines, code blocks to skip and Markdown tables.

    The whole text goes through markdown-it only when it can hold code (a fence, or indented
    lines that read like code); tables are found by parsing each block of lines around a
    ``|---|`` delimiter row, which gives the same tokens at a fraction of the cost.
    """
    layout = Layout(text, _line_starts(text))
    n = len(text)
    nlines = len(layout.line_starts)
    if _may_have_code(text):
        for tok in _MD_BLOCKS.parse(text):
            if tok.map is None:
                continue
            b, e = tok.map
            if tok.type == "fence" or (tok.type == "code_block" and _CODE_LIKE.search(tok.content)):
                if b < nlines:
                    s0 = layout.line_starts[b]
                    s1 = layout.line_starts[e] if e < nlines else n
                    layout.skip.append((s0, s1))
    if "|" in text and "-" in text:
        for lo, hi in _table_chunks(text, layout):
            if any(a <= layout.line_starts[lo] < z for a, z in layout.skip):
                continue
            cs = layout.line_starts[lo]
            ce = layout.line_starts[hi] if hi < nlines else n
            for tok in _MD.parse(text[cs:ce]):
                if tok.type == "table_open" and tok.map is not None:
                    _add_table(layout, text, lo + tok.map[0], lo + tok.map[1])
    return layout


def _table_chunks(text: str, layout: Layout) -> list[tuple[int, int]]:
    """Line ranges [lo, hi) of the blocks (between blank lines) holding a delimiter row."""
    chunks: list[tuple[int, int]] = []
    starts = layout.line_starts
    for m in _DELIM_ROW.finditer(text):
        if "-" not in m.group():
            continue
        k = layout.line_of(m.start()) - 1
        lo = k
        while lo > 0:
            ls, le = layout.line_span(lo - 1)
            if not text[ls:le].strip():
                break
            lo -= 1
        hi = k + 1
        while hi < len(starts):
            ls, le = layout.line_span(hi)
            if not text[ls:le].strip():
                break
            hi += 1
        if chunks and lo < chunks[-1][1]:
            continue
        chunks.append((lo, hi))
    return chunks


def _add_table(layout: Layout, text: str, b: int, e: int) -> None:
    """Record the table on lines [b, e): header row, body rows and a caption line above."""
    nlines = len(layout.line_starts)
    rows: list[list[Cell]] = []
    for k in range(b, min(e, nlines)):
        if k == b + 1:
            continue  # the |---| delimiter row
        ls, le = layout.line_span(k)
        rows.append([Cell(a, z, i) for i, (a, z) in enumerate(_split_cells(text, ls, le))])
    if not rows:
        return
    caption = None
    for k in (b - 1, b - 2):
        if k >= 0:
            ls, le = layout.line_span(k)
            if text[ls:le].strip():
                caption = (ls, le)
                break
    layout.tables.append(Table(b, e, rows[0], rows[1:], caption))


_DELIM_ROW = re.compile(r"^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.M)
_INDENTED = re.compile(r"^(?: {4}|\t)[^\n]*", re.M)


def _may_have_code(text: str) -> bool:
    """Only parse the whole text when a fence or code-like indented lines can be present."""
    if "```" in text or "~~~" in text:
        return True
    if "\n    " in text or "\n\t" in text or text.startswith(("    ", "\t")):
        return any(_CODE_LIKE.search(m.group()) for m in _INDENTED.finditer(text))
    return False
