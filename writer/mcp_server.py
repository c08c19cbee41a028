"""An MCP server over the tool registry (official `mcp` SDK, `MCPServer`).

Every registry tool becomes an MCP tool with the same name, description and argument schema;
results are the tools' compact JSON. A tool that cannot answer returns an MCP tool error
(``is_error``), never a crash.

    etfwriter mcp                 # stdio
    etfwriter mcp --http 8765     # streamable HTTP on 127.0.0.1:8765/mcp
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from pydantic import Field

from etfwriter.registry import REGISTRY, ToolContext, ToolError, ToolSpec, to_text
from etfwriter.tools import EtfWriterError

__all__ = ["build_server"]


def _signature(spec: ToolSpec) -> inspect.Signature:
    params = []
    for name, field in spec.args_model.model_fields.items():
        annotation = Annotated[field.annotation, Field(description=field.description)] if field.description else field.annotation
        default = inspect.Parameter.empty if field.is_required() else field.default
        params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation))
    return inspect.Signature(params, return_annotation=str)


def _tool_function(spec: ToolSpec, ctx: ToolContext):
    from mcp.server.mcpserver.exceptions import ToolError as McpToolError

    def run(**kwargs: Any) -> str:
        try:
            return to_text(spec(ctx, kwargs))
        except (ToolError, EtfWriterError) as exc:
            raise McpToolError(str(exc)) from exc

    run.__name__ = spec.name
    run.__doc__ = spec.description
    run.__signature__ = _signature(spec)  # type: ignore[attr-defined]
    return run


def build_server(ctx: ToolContext):
    """An `MCPServer` exposing every registry tool on `ctx`."""
    from mcp.server.mcpserver import MCPServer

    server = MCPServer(
        "etfwriter",
        instructions="ETF capital-flow facts (every figure computed, with provenance), number extraction and "
        "fact-checking of articles. Cite facts by id; never invent figures.",
    )
    for spec in REGISTRY:
        server.add_tool(_tool_function(spec, ctx), name=spec.name, description=spec.description, structured_output=False)
    return server
