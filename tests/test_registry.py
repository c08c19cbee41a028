"""The typed tool registry: specs, calls, errors, and the LangChain / OpenAI adapters."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from agent_helpers import WEEK, dataset, week_facts
from pydantic import BaseModel

from etfwriter import registry as R
from etfwriter.registry import REGISTRY, ToolContext, ToolError, call, to_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def ctx():
    return ToolContext(dataset=dataset(), facts=week_facts())


def test_every_spec_is_typed_and_described():
    names = [s.name for s in REGISTRY]
    assert len(names) == len(set(names))
    for s in REGISTRY:
        assert re.fullmatch(r"[a-z_]+", s.name)
        assert issubclass(s.args_model, BaseModel) and issubclass(s.result_model, BaseModel)
        assert CJK.search(s.description), f"{s.name}: description names no Chinese term"
        assert re.search(r"[A-Za-z]{4,} [a-z]+", s.description), f"{s.name}: description is not English"
        schema = s.parameters_schema()
        assert schema["type"] == "object"
        json.dumps(schema)
    for needed in ("period_summary", "category_flows", "top_movers", "ratings", "history", "charts"):
        assert needed in R.AGENT_TOOLS
    for needed in ("data_range", "get_facts", "extract_numbers", "check_article"):
        assert needed in names and needed not in R.AGENT_TOOLS


@pytest.mark.parametrize("name,args", [
    ("period_summary", {}),
    ("category_flows", {}),
    ("category_flows", {"level": "family"}),
    ("category_flows", {"level": "theme", "category": "sector_theme"}),
    ("category_flows", {"with_aum": True}),
    ("top_movers", {"kind": "etf", "direction": "outflow", "n": 3}),
    ("top_movers", {"kind": "theme", "direction": "inflow"}),
    ("top_movers", {"kind": "family", "direction": "inflow"}),
    ("ratings", {}),
    ("history", {}),
    ("index_moves", {}),
    ("daily_flows", {"category": "broad"}),
])
def test_agent_tools_return_known_facts(ctx, name, args):
    result = call(name, args, ctx)
    assert isinstance(result, R.get(name).result_model)
    by_id = week_facts().by_id()
    facts = result.facts + getattr(result, "group", [])
    assert facts
    for f in facts:
        fact = by_id[f.id]
        assert f.display.zh == fact.display.zh and f.display.en == fact.display.en
        assert f.label == fact.label and f.source
    text = to_text(result)
    assert "value" not in json.loads(text)["facts"][0]  # facts, not raw values to copy


def test_top_movers_are_ranked_by_magnitude(ctx):
    res = call("top_movers", {"kind": "etf", "direction": "outflow", "n": 5}, ctx)
    by_id = week_facts().by_id()
    values = [by_id[f.id].number for f in res.facts]
    assert all(v < 0 for v in values) and values == sorted(values)
    assert [f.rank for f in res.facts] == [1, 2, 3, 4, 5]


def test_ratings_carry_their_rules(ctx):
    res = call("ratings", {}, ctx)
    assert len(res.facts) == 5
    for f in res.facts:
        assert f.rule is not None and CJK.search(f.rule.zh) and "star" in f.rule.en


def test_period_summary_lists_must_say(ctx):
    res = call("period_summary", {}, ctx)
    must = [f.id for f in week_facts().facts if f.must_say]
    assert res.must_say == must
    assert set(must) <= {f.id for f in res.facts}
    assert res.dataset.name == week_facts().dataset.name


def test_unknown_tool_and_bad_arguments(ctx):
    with pytest.raises(R.UnknownToolError, match="unknown tool 'nope'; available: period_summary"):
        call("nope", {}, ctx)
    with pytest.raises(R.ToolArgumentError, match="n: Input should be less than or equal to 10"):
        call("top_movers", {"n": 50}, ctx)
    with pytest.raises(R.ToolArgumentError, match="bogus"):
        call("ratings", {"bogus": 1}, ctx)


def test_a_tool_that_cannot_compute_fails_loudly(ctx):
    from etfwriter.tools.facts import FactSet

    fs = week_facts()
    thin = FactSet(period=fs.period, dataset=fs.dataset, facts=[f for f in fs.facts if not f.id.startswith(("rating.", "hist.", "index."))])
    c = ToolContext(dataset=dataset(), facts=thin)
    with pytest.raises(ToolError, match="ratings cannot be computed"):
        call("ratings", {}, c)
    with pytest.raises(ToolError, match="no history"):
        call("history", {}, c)
    with pytest.raises(ToolError, match="no index closes"):
        call("index_moves", {}, c)
    with pytest.raises(ToolError, match="no ETFs of money with a net"):
        call("top_movers", {"kind": "etf", "direction": "outflow", "category": "money"},
             ToolContext(dataset=dataset(), facts=FactSet(period=fs.period, dataset=fs.dataset,
                                                          facts=[f for f in fs.facts if "money" not in f.tags])))


def test_embedding_tools(ctx):
    rng = call("data_range", {"weeks": 3}, ctx)
    assert rng.dataset.first_date == dataset().first_date and len(rng.latest_weeks) == 3
    other = call("get_facts", {"week": "2024-11-25", "prefix": "flow.category."}, ctx)
    assert other.period == "2024-11-25..2024-11-29" and all(f.id.startswith("flow.category.") for f in other.facts)
    code = next(f.id.split(".")[2] for f in week_facts().facts if f.id.startswith("flow.etf."))
    one = call("get_facts", {"code": code}, ctx)
    assert {f.id for f in one.facts} >= {f"flow.etf.{code}", f"shares_change.etf.{code}", f"aum.etf.{code}.end"}
    themed = call("get_facts", {"theme": "software"}, ctx)
    assert any(f.id == "flow.theme.software" for f in themed.facts)
    cat = call("get_facts", {"category": "bond", "limit": 500}, ctx)
    assert any(f.id == "flow.category.bond" for f in cat.facts)
    with pytest.raises(ToolError):
        call("get_facts", {"code": "999999"}, ctx)
    with pytest.raises(ToolError, match="no trading days"):
        call("get_facts", {"week": "2030-01-07"}, ctx)
    nums = call("extract_numbers", {"text": "宽基ETF净流出2126.17亿元，约占48.6%。"}, ctx)
    assert [m.unit for m in nums.mentions] == ["CNY", "pct"] and nums.mentions[0].direction == "outflow"
    fs = week_facts()
    ok = call("check_article", {"text": "全部ETF{{flow.total}}。", "lang": "zh"}, ctx)
    assert ok.passed and ok.summary["supported"] >= 1 and ok.summary["unsupported"] == 0
    bad = call("check_article", {"text": "全部ETF净流入99999亿元。", "lang": "zh"}, ctx)
    assert not bad.passed and bad.problems
    unknown = call("check_article", {"text": "全部ETF{{flow.totl}}。"}, ctx)
    assert not unknown.passed and any("flow.totl" in p for p in unknown.problems)
    assert fs.by_id()["flow.total"].must_say


def test_drafting_view_is_one_language_and_compact(ctx):
    res = call("category_flows", {}, ctx)
    both = json.loads(to_text(res))
    zh = to_text(res, "zh").splitlines()
    en = to_text(res, "en").splitlines()
    assert isinstance(both["facts"][0]["display"], dict) and "source" in both["facts"][0]
    assert len(zh) == len(en) == len(both["facts"])  # the period is said once, by period_summary
    for line, fact in zip(zh, both["facts"]):  # one fact per line: id = display | label, in that language
        label = fact["label"]["zh"]
        assert label.endswith("净流入") and line == f"{fact['id']} = {fact['display']['zh']} | {label[:-3]}"
    for line, fact in zip(en, both["facts"]):
        assert line.endswith(" | " + fact["label"]["en"].removesuffix(" net flow"))
    assert CJK.search(zh[0]) and not CJK.search("\n".join(en))
    assert to_text(call("period_summary", {}, ctx), "zh").startswith("period: ")
    assert "sum of" not in to_text(res, "en")  # no provenance formulas
    assert len(to_text(res, "zh")) < len(to_text(res)) * 0.5


def test_drafting_view_keeps_ranks_rules_groups_and_chart_ids(ctx):
    movers = to_text(call("top_movers", {"kind": "etf", "direction": "outflow", "n": 2}, ctx), "en").splitlines()
    assert movers[0].startswith("kind: etf") and movers[1].startswith("#1 flow.etf.") and movers[2].startswith("#2 flow.etf.")
    assert "group:" in movers
    rules = to_text(call("ratings", {}, ctx), "zh").splitlines()
    assert any(x.startswith("rating.") for x in rules) and any(x.startswith("  rule: ") for x in rules)
    summary = to_text(call("period_summary", {}, ctx), "en")
    assert "\ndataset: name=" in summary and "reconstruction=" in summary and "\nmust_say: " in summary
    from etfwriter.registry import ChartInfo

    ctx.charts = [ChartInfo(id="category_flows", caption="Chart: flows", file="charts/en/category_flows.png")]
    listed = to_text(call("charts", {}, ctx), "en")
    assert listed == "chart.category_flows: Chart: flows"
    assert R.chart_ids(listed) == ["category_flows"] == R.chart_ids(to_text(call("charts", {}, ctx)))
    assert R.chart_ids("\n".join(movers)) == []


def test_openai_functions_match_the_registry():
    fns = R.openai_functions()
    assert [f["function"]["name"] for f in fns] == [s.name for s in REGISTRY]
    tm = next(f for f in fns if f["function"]["name"] == "top_movers")["function"]["parameters"]
    assert tm["properties"]["n"]["maximum"] == 10 and tm["additionalProperties"] is False


def test_langchain_tools_run_through_the_registry(ctx):
    from langchain_core.tools import StructuredTool

    ctx.lang = "en"
    tools = {t.name: t for t in R.langchain_tools(ctx)}
    assert set(tools) == set(R.AGENT_TOOLS)
    assert all(isinstance(t, StructuredTool) for t in tools.values())
    assert tools["top_movers"].args_schema is R.get("top_movers").args_model
    msg = tools["top_movers"].invoke({"type": "tool_call", "id": "c1", "name": "top_movers", "args": {"n": 2}})
    ranked = [x for x in msg.content.splitlines() if x.startswith("#")]
    assert msg.status == "success" and len(ranked) == 2 and not CJK.search(msg.content)
    bad = tools["top_movers"].invoke({"type": "tool_call", "id": "c2", "name": "top_movers", "args": {"n": 99}})
    assert bad.status == "error" and "invalid arguments for top_movers" in bad.content and "n:" in bad.content
    from etfwriter.tools.facts import FactSet

    fs = week_facts()
    thin = ToolContext(dataset=dataset(), facts=FactSet(period=fs.period, dataset=fs.dataset,
                                                        facts=[f for f in fs.facts if not f.id.startswith("rating.")]))
    err = R.langchain_tools(thin, ["ratings"])[0].invoke({"type": "tool_call", "id": "c3", "name": "ratings", "args": {}})
    assert err.status == "error" and err.content.startswith("error: ratings cannot be computed")


def test_context_without_facts_computes_them():
    ds = dataset()
    from etfwriter.tools import resolve_period

    s, e = resolve_period(ds, week=WEEK)
    c = ToolContext(dataset=ds, start=s, end=e)
    assert call("period_summary", {}, c).period == f"{s}..{e}"
    with pytest.raises(ToolError, match="no period is set"):
        call("period_summary", {}, ToolContext(dataset=ds))


def test_draft_article_tool_returns_only_a_checked_article():
    import json

    from etfwriter.embed import dispatch, make_context

    ctx = make_context(week="2026-01-12")
    out = json.loads(dispatch("draft_article", '{"lang": "zh"}', ctx))
    assert out["passed"] is True and out["period"].startswith("2026-01-12")
    assert "净流出2126.17亿元[^flow.category.broad]" in out["markdown"]
    assert out["eval_summary"]["supported"] == out["eval_summary"]["numbers"] > 0
    # a named model with no endpoint configured is a tool error the caller can read, not a crash
    err = json.loads(dispatch("draft_article", '{"lang": "en", "model": "gpt-4.1-mini"}', ctx))
    assert err["error"]["type"] == "tool_error" and "OPENAI_API_KEY" in err["error"]["message"]


def test_history_follows_the_direction_of_each_flow():
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    for week, side, other in (("2026-01-12", "out", "in"), ("2024-09-23", "in", "out"), ("2025-09-22", "in", "out")):
        s, e = resolve_period(ds, week=dt.date.fromisoformat(week))
        fs = compute_facts(ds, s, e, "nav")
        broad = fs.by_id()["flow.category.broad"].number
        assert (broad < 0) == (side == "out")
        got = [f.id for f in call("history", {}, ToolContext(dataset=ds, facts=fs)).facts]
        assert f"hist.category.broad.rank_{side}" in got and f"hist.category.broad.rank_{other}" not in got
        assert f"hist.category.broad.prev_max_{side}" in got and f"hist.category.broad.prev_max_{other}" not in got
        eps = [i for i in got if re.fullmatch(r"hist\.episode\.(in|out)\.\d", i)]
        assert eps and all(i.split(".")[2] == side for i in eps) and len(eps) <= 3
        asked = [f.id for f in call("history", {f"{'inflow' if other == 'in' else 'outflow'}_episodes": 2},
                                    ToolContext(dataset=ds, facts=fs)).facts]
        exist = any(f.id.startswith(f"hist.episode.{other}.") for f in fs.facts)
        assert any(i.startswith(f"hist.episode.{other}.") for i in asked) == exist


def test_top_movers_details_add_units_and_aum(ctx):
    plain = [f.id for f in call("top_movers", {"kind": "etf", "direction": "outflow"}, ctx).group]
    detailed = [f.id for f in call("top_movers", {"kind": "etf", "direction": "outflow", "details": True}, ctx).group]
    assert not any(i.startswith(("shares_change.", "aum.")) for i in plain)
    assert any(i.startswith("shares_change.etf.") for i in detailed) and any(i.startswith("aum.etf.") for i in detailed)
    movers = {f.id.split(".")[-1] for f in call("top_movers", {"kind": "etf", "direction": "inflow"}, ctx).facts}
    shares = [f.id for f in call("top_movers", {"kind": "etf", "direction": "inflow"}, ctx).group if f.id.startswith("share.etf.")]
    assert all(i.split(".")[2] in movers for i in shares)  # shares only of the funds listed
