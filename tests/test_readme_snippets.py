"""The README's embedding snippets run as written (fake OpenAI-compatible server; MCP over stdio)."""

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest

from fake_openai import FakeOpenAI, completion, tool_call

README = Path(__file__).resolve().parents[1] / "README.md"


def snippet(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    m = re.search(rf"<!-- snippet: {name} -->\s*```\w+\n(.*?)```", text, re.S)
    assert m, f"README has no snippet {name}"
    return m.group(1)


def two_turns(tool: str, args: dict):
    """First a tool call, then an answer quoting the tool result it got."""

    def script(request, n):
        tool_msgs = [m for m in request["messages"] if m.get("role") == "tool"]
        if not tool_msgs:
            return completion(None, [tool_call(tool, args)], request=request)
        return completion("ANSWER " + tool_msgs[-1]["content"][:200], request=request)

    return script


@pytest.fixture
def fake_env(monkeypatch):
    def start(script):
        server = FakeOpenAI(script).__enter__()
        monkeypatch.setenv("OPENAI_API_KEY", "test")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        return server

    servers = []
    yield lambda script: servers.append(start(script)) or servers[-1]
    for s in servers:
        s.__exit__(None, None, None)


def test_langchain_snippet(fake_env, capsys):
    server = fake_env(two_turns("period_summary", {}))
    exec(compile(snippet("langchain"), "README:langchain", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("ANSWER ") and '"id":"period.start"' in out
    assert len(server.requests) == 2
    assert {t["function"]["name"] for t in server.requests[0]["tools"]} >= {"period_summary", "top_movers"}


def test_openai_snippet(fake_env, capsys):
    server = fake_env(two_turns("category_flows", {"level": "theme"}))
    exec(compile(snippet("openai"), "README:openai", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("ANSWER ") and "flow.theme." in out
    tool_msg = [m for m in server.requests[1]["messages"] if m["role"] == "tool"][0]
    assert "error" not in json.loads(tool_msg["content"])


def test_openai_dispatch_errors_are_structured():
    from etfwriter.embed import dispatch, make_context

    ctx = make_context(week="2026-01-12")
    assert json.loads(dispatch("nope", "{}", ctx))["error"]["type"] == "unknown_tool"
    assert json.loads(dispatch("top_movers", '{"n": 99}', ctx))["error"]["type"] == "invalid_arguments"
    assert json.loads(dispatch("top_movers", "{bad json", ctx))["error"]["type"] == "invalid_arguments"
    assert json.loads(dispatch("get_facts", '{"week": "2031-01-06"}', ctx))["error"]["type"] == "tool_error"


def test_mcp_config_snippet_starts_a_server():
    from mcp import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    config = json.loads(snippet("mcp"))["mcpServers"]["etfwriter"]
    command = shutil.which(config["command"])
    assert command, "the etfwriter command is installed"

    async def run():
        async with stdio_client(StdioServerParameters(command=command, args=config["args"])) as (r, w):
            async with ClientSession(r, w) as session:
                await session.initialize()
                tools = await session.list_tools()
                res = await session.call_tool("ratings", {})
                return {t.name for t in tools.tools}, res

    names, res = asyncio.run(run())
    assert "get_facts" in names and not res.is_error
    assert "rating.sector_rotation" in res.content[0].text
