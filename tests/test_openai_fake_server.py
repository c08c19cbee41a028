"""(c) The OpenAI path, end to end against a local fake OpenAI-compatible server on 127.0.0.1:
the real `ChatOpenAI` and `openai` client, scripted replies with tool calls, and faults (429,
timeout, malformed tool arguments, an unknown tool, empty replies, HTTP errors, garbage) that each
end in a retry or a clear one-line error, never a traceback and never an unverified article."""

from __future__ import annotations

import json
import re
import time

import pytest
import typer
from agent_helpers import WEEK, dataset, week_facts, write_dataset_folder
from fake_openai import FakeOpenAI, Fault, completion, drafting_script, language_of, tool_call
from typer.testing import CliRunner

from etfwriter import cli_draft
from etfwriter.agent import AgentError, ModelCallError, ModelConfig
from etfwriter.draft import draft
from etfwriter.offline_model import PLAN
from etfwriter.registry import AGENT_TOOLS, openai_functions


def _draft(server, out, *, langs=("zh", "en"), timeout=5.0, api_retries=2, max_retries=2):
    facts = week_facts()
    config = ModelConfig(model="fake-model", base_url=server.base_url, api_key="test", timeout=timeout, api_retries=api_retries)
    return draft(dataset(), facts.period.start, facts.period.end, langs=langs, model_config=config, out_dir=out,
                 max_retries=max_retries)


def _articles(out):
    return sorted(p.name for p in out.glob("article.*")) if out.exists() else []


def test_full_bilingual_draft_through_chatopenai(tmp_path):
    facts = week_facts()
    with FakeOpenAI(drafting_script(facts)) as server:
        result = _draft(server, tmp_path / "out")
    assert result.passed, result.evaluation
    assert _articles(tmp_path / "out") == ["article.en.html", "article.en.md", "article.zh.html", "article.zh.md"]
    reqs = server.requests
    assert len(reqs) == 3 and [language_of(r) for r in reqs] == ["zh", "zh", "en"]
    first = reqs[0]
    assert first["model"] == "fake-model" and first["messages"][0]["role"] == "system"
    assert first["tools"] == openai_functions(AGENT_TOOLS)  # the registry is the single source of the schemas
    tool_msgs = [m for m in reqs[1]["messages"] if m["role"] == "tool"]
    assert len(tool_msgs) == len(PLAN) and all(m["tool_call_id"].startswith("call_") for m in tool_msgs)
    assert tool_msgs[0]["content"].splitlines()[1].startswith("period.start = ")
    run = result.run
    assert run["model"] == {"model": "fake-model", "base_url": server.base_url, "provider": "openai-compatible"}
    assert run["tokens"]["source"] == "api"
    assert [c["input_tokens"] for c in run["model_calls"]] == [_usage_in(r) for r in reqs]
    assert len(run["tool_calls"]) == 2 * len(PLAN) and all(t["ok"] for t in run["tool_calls"])
    # the English conversation opens with the research turn, its tools run again in English, then the brief
    en = reqs[2]["messages"]
    assert [m["role"] for m in en[:3]] == ["system", "user", "assistant"] and en[2]["tool_calls"]
    assert en[-1]["role"] == "user" and "Writing brief" in en[-1]["content"]
    assert [m["content"].splitlines()[1].split(" = ")[0] for m in en if m["role"] == "tool"][:1] == ["period.start"]
    assert not re.search(r"[\u4e00-\u9fff]", "".join(m["content"] for m in en if m["role"] == "tool"))
    assert sum(v["input"] + v["output"] for v in run["tokens_by_lang"].values()) <= 20_000


def _usage_in(request):
    from fake_openai import count_request_tokens

    return count_request_tokens(request)


def test_429_then_success(tmp_path):
    base = drafting_script(week_facts())

    def script(req, n):
        if n == 1:
            return Fault(429, {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},
                         headers={"retry-after-ms": "20"})
        return base(req, n)

    with FakeOpenAI(script) as server:
        result = _draft(server, tmp_path / "out", langs=("en",))
    assert result.passed and len(server.requests) == 3  # the client retried the 429 itself


def test_429_forever_is_a_clear_error(tmp_path):
    with FakeOpenAI(lambda req, n: Fault(429, headers={"retry-after-ms": "5"})) as server:
        with pytest.raises(ModelCallError, match="HTTP 429"):
            _draft(server, tmp_path / "out", langs=("en",), api_retries=1)
    assert len(server.requests) == 2 and _articles(tmp_path / "out") == []


def test_timeout_then_success(tmp_path):
    base = drafting_script(week_facts())

    def script(req, n):
        return Fault(200, delay=6.0) if n == 1 else base(req, n)

    with FakeOpenAI(script) as server:
        t0 = time.perf_counter()
        result = _draft(server, tmp_path / "out", langs=("en",), timeout=2.0, api_retries=1)
    assert result.passed and time.perf_counter() - t0 < 60


def test_timeout_is_a_clear_error(tmp_path):
    with FakeOpenAI(lambda req, n: Fault(200, delay=1.5)) as server:
        t0 = time.perf_counter()
        with pytest.raises(ModelCallError, match=r"timed out after 0\.3s"):
            _draft(server, tmp_path / "out", langs=("zh",), timeout=0.3, api_retries=0)
    assert time.perf_counter() - t0 < 60 and _articles(tmp_path / "out") == []


def test_malformed_tool_arguments_are_sent_back(tmp_path):
    base = drafting_script(week_facts())

    def script(req, n):
        if n == 1:
            return completion(None, [tool_call("period_summary", "{not json", "bad_1"), tool_call("ratings", {}, "ok_1")], request=req)
        return base(req, n)

    with FakeOpenAI(script) as server:
        result = _draft(server, tmp_path / "out", langs=("en",))
    assert result.passed
    tool_msgs = {m["tool_call_id"]: m["content"] for m in server.requests[1]["messages"] if m["role"] == "tool"}
    assert "not valid JSON" in tool_msgs["bad_1"] and tool_msgs["ok_1"].splitlines()[0].startswith("rating.")
    bad = [t for t in result.run["tool_calls"] if not t["ok"]]
    assert len(bad) == 1 and bad[0]["name"] == "period_summary"


def test_unknown_tool_name_is_sent_back(tmp_path):
    base = drafting_script(week_facts())

    def script(req, n):
        if n == 1:
            return completion(None, [tool_call("get_stock_price", {"ticker": "510300"}, "x_1")], request=req)
        return base(req, n)

    with FakeOpenAI(script) as server:
        result = _draft(server, tmp_path / "out", langs=("zh",))
    assert result.passed
    msg = next(m for m in server.requests[1]["messages"] if m["role"] == "tool")
    assert "unknown tool 'get_stock_price'" in msg["content"] and "period_summary" in msg["content"]


def test_empty_reply_is_reasked_then_fixed(tmp_path):
    facts = week_facts()
    base = drafting_script(facts)
    empties = {"n": 0}

    def script(req, n):
        reply = base(req, n)
        if reply["choices"][0]["message"]["content"] and empties["n"] == 0:
            empties["n"] += 1
            return completion("", request=req)
        return reply

    with FakeOpenAI(script) as server:
        result = _draft(server, tmp_path / "out", langs=("en",))
    assert result.passed and result.run["retries"] == {"en": 1}
    assert "failed the check" in server.requests[-1]["messages"][-1]["content"]


def test_always_empty_is_a_clear_error(tmp_path):
    base = drafting_script(week_facts(), article=lambda lang, req: "")
    with FakeOpenAI(base) as server:
        with pytest.raises(AgentError, match="empty reply"):
            _draft(server, tmp_path / "out", langs=("en",), max_retries=1)
    assert _articles(tmp_path / "out") == []


def test_wrong_number_from_the_model_is_caught_and_fixed(tmp_path):
    facts = week_facts()

    def article(lang, req):
        from etfwriter.compose import compose

        text = compose(facts, lang)
        drafted = sum(1 for m in req["messages"] if m["role"] == "assistant" and m.get("content"))
        if drafted == 0:  # first draft: a number typed by hand
            return text.replace("\n\n", "\n\nAll ETFs moved RMB 987.65 billion this week.\n\n", 1)
        return text

    with FakeOpenAI(drafting_script(facts, article=article)) as server:
        result = _draft(server, tmp_path / "out", langs=("en",))
    assert result.passed and result.run["retries"] == {"en": 1}
    reask = server.requests[-1]["messages"][-1]["content"]
    assert "RMB 987.65 billion" in reask and "you typed this number yourself" in reask


@pytest.mark.parametrize("status,needle", [(401, "HTTP 401"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_http_errors_are_clear(tmp_path, status, needle):
    with FakeOpenAI(lambda req, n: Fault(status, {"error": {"message": "nope", "type": "x"}})) as server:
        with pytest.raises(ModelCallError, match=needle):
            _draft(server, tmp_path / "out", langs=("en",), api_retries=0)


# --- the same faults through the CLI: exit code, one line, no traceback, no article ---------------------


def _cli(tmp_path, server, *extra):
    app = typer.Typer()
    cli_draft.register(app)
    app.callback()(lambda: None)
    data = tmp_path / "data"
    if not data.exists():
        write_dataset_folder(data)
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["draft", "--week", WEEK.isoformat(), "--data", str(data), "--out", str(out),
                                   "--model", "fake-model", "--base-url", server.base_url, *extra],
                             env={"OPENAI_API_KEY": "test"})
    return res, out


def test_cli_full_draft_over_http(tmp_path):
    with FakeOpenAI(drafting_script(week_facts())) as server:
        res, out = _cli(tmp_path, server, "--lang", "en")
    assert res.exit_code == 0, res.output
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["model"]["model"] == "fake-model" and run["tokens"]["source"] == "api"


@pytest.mark.parametrize("fault,needle", [
    (Fault(200, delay=2.0), "timed out"),
    (Fault(503, {"error": {"message": "overloaded", "type": "x"}}, headers={"retry-after-ms": "1"}), "HTTP 503"),
    (Fault(200, raw=b"this is not json"), "model call failed"),
])
def test_cli_faults_end_in_one_clear_line(tmp_path, fault, needle):
    with FakeOpenAI(lambda req, n: fault) as server:
        res, out = _cli(tmp_path, server, "--lang", "zh", "--timeout", "0.3")
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and needle in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:")
    assert _articles(out) == []
