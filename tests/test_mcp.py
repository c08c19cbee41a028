"""The MCP server, started as `etfwriter mcp` over stdio and driven by the SDK's client."""

import asyncio
import json
import sys

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from etfwriter.registry import REGISTRY

SERVER = StdioServerParameters(command=sys.executable, args=["-m", "etfwriter.cli", "mcp", "--week", "2026-01-12"])

CALLS = {
    "period_summary": {},
    "category_flows": {"level": "family"},
    "top_movers": {"kind": "etf", "direction": "outflow", "n": 3},
    "ratings": {},
    "history": {},
    "index_moves": {},
    "daily_flows": {"category": "broad"},
    "charts": {},
    "data_range": {"weeks": 2},
    "get_facts": {"week": "2026-01-19", "prefix": "flow.category."},
    "extract_numbers": {"text": "宽基ETF净流出2126.17亿元，约占48.6%。"},
    "check_article": {"text": "本周宽基ETF净流出2126.17亿元。", "week": "2026-01-12"},
    "draft_article": {"lang": "en", "week": "2026-01-12"},
}


def test_every_registry_tool_has_a_scripted_call():
    assert set(CALLS) == {s.name for s in REGISTRY}


async def _session_run():
    async with stdio_client(SERVER) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            listed = await session.list_tools()
            names = {t.name for t in listed.tools}
            results = {}
            for name, args in CALLS.items():
                results[name] = await session.call_tool(name, args)
            bad_args = await session.call_tool("top_movers", {"n": 999})
            bad_week = await session.call_tool("get_facts", {"week": "2031-01-06"})
            unknown = await session.call_tool("no_such_tool", {})
            return names, results, bad_args, bad_week, unknown


def test_mcp_stdio_lists_and_calls_every_tool():
    names, results, bad_args, bad_week, unknown = asyncio.run(_session_run())
    assert names == set(CALLS)
    for name, res in results.items():
        assert not res.is_error, (name, res.content)
        payload = json.loads(res.content[0].text)
        assert isinstance(payload, dict) and payload, name
    summary = json.loads(results["period_summary"].content[0].text)
    ids = [f["id"] for f in summary["facts"]]
    assert "flow.category.broad" in ids
    extracted = json.loads(results["extract_numbers"].content[0].text)["mentions"]
    assert [m["text"] for m in extracted][:1] == ["2126.17亿元"]
    checked = json.loads(results["check_article"].content[0].text)
    assert checked["passed"] is True
    drafted = json.loads(results["draft_article"].content[0].text)
    assert drafted["passed"] is True and drafted["model"] == "offline"
    assert "[^flow.category.broad]" in drafted["markdown"] and drafted["eval_summary"]["unsupported"] == 0
    for res in (bad_args, bad_week, unknown):
        assert res.is_error
    assert "2031" in bad_week.content[0].text or "no trading days" in bad_week.content[0].text
