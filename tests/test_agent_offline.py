"""(a) The built-in offline model, end to end through the agent loop and `etfwriter draft`:
both articles pass the eval with no unsupported number, every citation resolves, the HTML pages
render with their charts, and run.json records the model calls and tool calls."""

from __future__ import annotations

import json
import re

import pytest
import typer
from agent_helpers import WEEK, write_dataset_folder
from typer.testing import CliRunner

from etfwriter import cli_draft
from etfwriter.evals.check import check
from etfwriter.offline_model import PLAN
from etfwriter.tools.facts import FactSet


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    base = tmp_path_factory.mktemp("offline")
    data = write_dataset_folder(base / "data")
    out = base / "out"
    app = typer.Typer()
    cli_draft.register(app)
    app.callback()(lambda: None)
    res = CliRunner().invoke(app, ["draft", "--week", WEEK.isoformat(), "--data", str(data), "--out", str(out)])
    return res, out


def test_cli_exits_zero_and_writes_every_file(drafted):
    res, out = drafted
    assert res.exit_code == 0, res.output
    assert "passed" in res.output and "Traceback" not in res.output
    for name in ("article.zh.md", "article.en.md", "article.zh.html", "article.en.html", "facts.json", "eval.json", "run.json"):
        assert (out / name).is_file(), name
    assert not list(out.glob("*.rejected.md"))
    assert not [p for p in out.parent.iterdir() if ".staging-" in p.name]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_articles_pass_the_eval_and_citations_resolve(drafted, lang):
    _, out = drafted
    facts = FactSet.model_validate_json((out / "facts.json").read_text(encoding="utf-8"))
    text = (out / f"article.{lang}.md").read_text(encoding="utf-8")
    report = check(text, facts, strict=True)
    assert report.passed
    s = report.summary
    assert s.unsupported == 0 and s.mismatched == 0 and s.unparsed == 0 and s.numbers > 50
    ids = facts.by_id()
    cited = set(re.findall(r"\[\^([^\]\s]+)\](?!:)", text))
    defined = set(re.findall(r"^\[\^([^\]\s]+)\]:", text, re.M))
    assert cited and cited == defined and cited <= set(ids)
    assert "{{" not in text and "⟦?" not in text
    ev = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert ev["passed"] and ev["articles"][lang]["passed"] and ev["articles"][lang]["summary"]["unsupported"] == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_renders_with_its_charts(drafted, lang):
    _, out = drafted
    page = (out / f"article.{lang}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and f'lang="{"zh-CN" if lang == "zh" else "en"}"' in page
    assert "<table" in page and "<h2" in page and "footnote" in page
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    images = re.findall(r'<img src="([^"]+)"', page)
    skipped = any(w.startswith(f"{lang} charts skipped") for w in run["warnings"])
    assert images or skipped
    for src in images:
        assert (out / src).is_file(), src


def test_run_json_records_the_loop(drafted):
    _, out = drafted
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["passed"] and run["model"]["model"] == "offline" and run["prompt_version"]
    assert run["langs"] == ["zh", "en"] and run["retries"] == {"zh": 0, "en": 0}
    calls = run["model_calls"]
    assert [c["lang"] for c in calls] == ["zh", "zh", "en"]  # one research round serves both languages
    assert [c["kind"] for c in calls] == ["tools", "draft", "draft"]
    assert all(c["token_source"].startswith("estimate: cl100k_base") for c in calls)
    assert all(c["input_tokens"] > 0 and c["output_tokens"] > 0 for c in calls)
    assert run["tokens"]["input"] == sum(c["input_tokens"] for c in calls)
    tools = run["tool_calls"]
    assert [t["name"] for t in tools if t["lang"] == "zh"] == [name for name, _ in PLAN]
    assert [t["name"] for t in tools if t["lang"] == "en"] == [name for name, _ in PLAN]  # run again, in English
    assert all(t["replayed"] == (t["lang"] == "en") for t in tools)
    assert all(t["ok"] for t in tools) and all(t["result_chars"] > 0 for t in tools if t["name"] != "charts")
    assert run["seconds"] > 0 and run["period"] == {"start": "2024-12-02", "end": "2024-12-06"}


def test_offline_model_is_a_real_tool_calling_chat_model():
    from langchain_core.messages import AIMessage, HumanMessage

    from agent_helpers import week_facts
    from etfwriter.agent import task_message
    from etfwriter.offline_model import OfflineChatModel
    from etfwriter.registry import ToolContext, langchain_tools
    from agent_helpers import dataset

    model = OfflineChatModel(facts=week_facts())
    bound = model.bind_tools(langchain_tools(ToolContext(dataset=dataset(), facts=week_facts())))
    first = bound.invoke([HumanMessage(task_message("en"))])
    assert isinstance(first, AIMessage) and [c["name"] for c in first.tool_calls] == [n for n, _ in PLAN]
    unbound = model.invoke([HumanMessage(task_message("en"))])  # no tools bound: it writes at once
    assert unbound.content.startswith("# ")


def test_chart_worker_starts_and_stops(monkeypatch):
    import threading

    from etfwriter.draft import ChartWorker

    if threading.active_count() == 1:
        worker = ChartWorker.start()
        assert worker is not None and worker.process.is_alive()
        worker.close()
        worker.close()  # idempotent
        assert not worker.process.is_alive()
    monkeypatch.setenv("ETFWRITER_NO_FORK", "1")
    assert ChartWorker.start() is None


def test_run_json_says_how_charts_were_drawn(drafted):
    _, out = drafted
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["charts"]["worker"] in ("forked process", "in-process") and run["charts"]["seconds_waited"] >= 0


@pytest.mark.parametrize("week", ["2026-01-12", "2025-09-22", "2024-09-23", "2025-03-03"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_offline_article_cites_only_ids_its_tool_calls_returned(lang, week):
    """The template article refers only to facts its own tool calls handed out (blocks and charts aside)."""
    import datetime as dt

    from etfwriter.compose import article_blocks, compose
    from etfwriter.registry import ToolContext, ToolError, call, to_text
    from etfwriter.render import parse_refs
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date.fromisoformat(week))
    facts = compute_facts(ds, s, e, "nav")
    ctx = ToolContext(dataset=ds, facts=facts, lang=lang)
    returned: set[str] = set()
    for name, args in PLAN:
        try:
            text = to_text(call(name, args, ctx), lang)
        except ToolError:
            continue
        returned |= {m.group(1) for m in re.finditer(r"^(?:#\d+ )?(\S+) = ", text, re.M)}
    blocks = article_blocks(facts, lang)
    cited = {r.id for r in parse_refs(compose(facts, lang)) if r.id not in blocks and not r.id.startswith("chart.")}
    assert cited and cited <= returned, sorted(cited - returned)


@pytest.mark.parametrize("price", ["nav", "close", "vwap", "avg_nav"])
def test_every_price_convention_drafts_articles_that_pass(price, tmp_path):
    """The method note and footnotes name the price convention: that wording must pass the check too."""
    import datetime as dt

    from etfwriter.draft import draft
    from etfwriter.tools import load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2025, 9, 22))
    result = draft(ds, s, e, price=price, out_dir=tmp_path / price, charts=False)
    assert result.passed, {lang: info["problems"][:3] for lang, info in result.evaluation["articles"].items()}
    assert result.run["price"] == price and result.run["retries_total"] == 0
