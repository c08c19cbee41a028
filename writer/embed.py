"""Embedding the tool set in other agents: OpenAI function calling and a context for any surface.

The same `registry.REGISTRY` feeds every surface: `langchain_tools(ctx)` (LangChain), `openai_tools()` +
`dispatch(...)` (raw OpenAI tool loop), and `etfwriter.mcp_server.build_server(ctx)` (MCP).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from etfwriter.registry import (
    REGISTRY,
    ToolArgumentError,
    ToolContext,
    ToolError,
    UnknownToolError,
    get,
    langchain_tools,
    openai_functions,
    to_text,
)
from etfwriter.tools import EtfWriterError, load_dataset, resolve_period

__all__ = ["make_context", "openai_tools", "dispatch", "langchain_tools", "tool_names"]


def make_context(data: str | Path | None = None, week: str | None = None, *, price: str = "nav") -> ToolContext:
    """A tool context on a dataset (default: the bundled seed) whose current period is `week`
    (any date in it, YYYY-MM-DD) or, by default, the last calendar week of the data."""
    import datetime as dt

    ds = load_dataset(data)
    day = dt.date.fromisoformat(week) if week else ds.last_date
    start, end = resolve_period(ds, week=day)
    return ToolContext(dataset=ds, start=start, end=end, price=price)


def tool_names() -> list[str]:
    return [s.name for s in REGISTRY]


def openai_tools(names: list[str] | None = None) -> list[dict[str, Any]]:
    """The ``tools=[...]`` list for the OpenAI chat completions API."""
    return openai_functions(names)


def _error(kind: str, message: str, **extra: Any) -> str:
    return json.dumps({"error": {"type": kind, "message": message, **extra}}, ensure_ascii=False)


def dispatch(name: str, arguments_json: str | None, ctx: ToolContext) -> str:
    """Run one tool call: ``(name, arguments JSON) -> result JSON``.

    Never raises for a bad call: an unknown tool, arguments that are not JSON or do not fit the
    tool's model, and a figure that cannot be computed all come back as
    ``{"error": {"type": ..., "message": ...}}`` for the model to read.
    """
    try:
        spec = get(name)
    except UnknownToolError as exc:
        return _error("unknown_tool", str(exc), available=tool_names())
    try:
        args = json.loads(arguments_json) if arguments_json and arguments_json.strip() else {}
    except json.JSONDecodeError as exc:
        return _error("invalid_arguments", f"arguments are not valid JSON: {exc.msg} at position {exc.pos}")
    if not isinstance(args, dict):
        return _error("invalid_arguments", "arguments must be a JSON object")
    try:
        result: BaseModel = spec(ctx, args)
    except ToolArgumentError as exc:
        return _error("invalid_arguments", str(exc))
    except (ToolError, EtfWriterError) as exc:
        return _error("tool_error", str(exc))
    return to_text(result)
