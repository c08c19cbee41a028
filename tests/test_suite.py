"""The eval suite (`etfwriter.suite`, `etfwriter evals`): offline runs score 100% supported on a handful
of seed weeks of every kind; a scripted sloppy model over a fake OpenAI-compatible server has its
first-draft mistakes counted and caught (counts checked against the script's own log); reruns resume;
--compare shows differences; Ctrl-C leaves a partial scoreboard and exit code 130."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import typer
from fake_openai import FakeOpenAI
from typer.testing import CliRunner

from etfwriter import cli_evals
from etfwriter import suite as S
from etfwriter.suite_fake import EXPECTED_PROBLEM, SloppyScript
from etfwriter.tools import compute_facts, load_seed, resolve_period, weekly_flows

D = dt.date
WEEKS = {  # one week of each kind in the seed data (Mondays)
    "record_outflow": D(2026, 1, 12),
    "record_inflow": D(2024, 9, 23),
    "quiet": D(2025, 6, 3),
    "outflow": D(2025, 3, 17),
    "inflow": D(2024, 10, 8),
}


@pytest.fixture(scope="module")
def ds():
    return load_seed()


def _periods(ds, *mondays):
    return S.suite_periods(ds, [(d, d) for d in mondays])


def _app():
    app = typer.Typer()
    cli_evals.register(app)

    @app.callback()
    def _main() -> None:
        pass

    return app


def _result_files(out: Path) -> list[Path]:
    return sorted((out / "results").glob("*/*.json"))


# --- periods and kinds ----------------------------------------------------------------------------


def test_weekly_periods_cover_the_range_once_each(ds):
    periods = S.suite_periods(ds, [S.parse_span("2024-01-01..2026-01-16")])
    mondays = [p.start - dt.timedelta(days=p.start.weekday()) for p in periods]
    assert len(set(mondays)) == len(periods) and mondays == sorted(mondays)
    assert periods[0].start == D(2024, 1, 2) and periods[-1].end == D(2026, 1, 16)
    for p in periods:  # each is the whole calendar week's trading days
        assert (p.start, p.end) == resolve_period(ds, week=p.start)
    # every week with data between the first and the last Monday is there
    cal = {d.date() - dt.timedelta(days=d.date().weekday()) for d in ds.calendar
           if D(2024, 1, 1) <= d.date() <= D(2026, 1, 18)}
    assert set(mondays) == cal
    assert S.suite_periods(ds, [S.parse_span("2025-06-02")]) == [S.Period(D(2025, 6, 3), D(2025, 6, 6))]  # a holiday Monday
    months = S.suite_periods(ds, [S.parse_span("2025-01-15..2025-03-01")], every="month")
    assert [(p.start.month, p.end.month) for p in months] == [(1, 1), (2, 2), (3, 3)]
    with pytest.raises(S.SuiteError):
        S.parse_span("2025-02-01..2025-01-01")
    with pytest.raises(S.SuiteError):
        S.suite_periods(ds, [S.parse_span("2030-01-01..2030-02-01")])


def test_period_kinds_agree_with_the_weekly_history(ds):
    """The kind from the facts, against a plain recomputation from the weekly category flows."""
    broad = weekly_flows(ds, by="category")["broad"]
    for expect, monday in WEEKS.items():
        s, e = resolve_period(ds, week=monday)
        info = S.period_kind(compute_facts(ds, s, e))
        hist = broad.loc[:s]
        cur = hist.iloc[-1]
        if cur < 0 and cur == hist.min() and len(hist) >= S.RECORD_MIN_PERIODS:
            independent = "record_outflow"
        elif cur > 0 and cur == hist.max() and len(hist) >= S.RECORD_MIN_PERIODS:
            independent = "record_inflow"
        elif (hist.abs() < abs(cur)).sum() / len(hist) < 0.5:
            independent = "quiet"
        else:
            independent = "outflow" if cur < 0 else "inflow"
        assert info["kind"] == expect == independent, (monday, info)
        assert (info["broad_flow"] < 0) == (cur < 0) and info["history_periods"] == len(hist)


# --- offline suite --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_run(ds, tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "evals"
    periods = _periods(ds, *WEEKS.values())
    outcome = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=out, charts=False)
    return out, periods, outcome


def test_offline_suite_is_fully_supported(ds, offline_run):
    from etfwriter.evals.check import check

    out, periods, outcome = offline_run
    board = outcome.board
    tot = board["totals"]
    assert not outcome.interrupted and outcome.errors == 0 and outcome.drafted == 10
    assert board["complete"] and board["finished"] == board["expected"] == 10
    assert tot["articles"] == 10 and tot["rejected"] == 0 and tot["passed"] == 10
    assert tot["supported_pct"] == 100.0 and tot["first.supported_pct"] == 100.0
    assert tot["unsupported"] == tot["mismatched"] == tot["unparsed"] == 0
    assert tot["caught_drafts"] == tot["reasks"] == 0 and tot["first_pass_pct"] == 100.0
    assert tot["coverage_pct"] == 100.0 and tot["sections_pct"] == 100.0
    assert tot["tokens_in"] > 0 and tot["tokens_out"] > 0 and tot["seconds"] > 0
    assert board["period_kinds"] == {k: 1 for k in S.KINDS if k in WEEKS}
    assert set(board["by_kind"]) == set(WEEKS) and set(board["by_config"]) == {f"offline@{S.resolve_prompts('current')[0]}"}
    # the numbers count is what the eval finds in the published articles, checked again here
    numbers = 0
    for p in periods:
        facts = compute_facts(ds, p.start, p.end)
        for lang in ("zh", "en"):
            r = json.loads(next(out.glob(f"results/*/{p.key}.{lang}.json")).read_text(encoding="utf-8"))
            text = (out / r["article"]).read_text(encoding="utf-8")
            rep = check(text, facts, strict=True)
            assert rep.passed
            numbers += rep.summary.numbers
            assert r["attempts"][0]["eval"]["numbers"] == rep.summary.numbers
    assert tot["numbers"] == numbers
    assert len(_result_files(out)) == 10
    for name in ("scoreboard.md", "scoreboard.json", "scoreboard.html"):
        assert (out / name).is_file()
    md = (out / "scoreboard.md").read_text(encoding="utf-8")
    assert "## By period kind" in md and "record_outflow" in md and "Complete: 10 of 10" in md


def test_html_has_a_chart_per_metric(offline_run):
    from etfwriter.scoreboard_html import CHART_METRICS

    out, _, _ = offline_run
    page = (out / "scoreboard.html").read_text(encoding="utf-8")
    assert page.count("<svg") == len(CHART_METRICS)
    for _, title in CHART_METRICS:
        assert title in page


def test_process_pool_gives_the_same_scores(ds, offline_run, tmp_path):
    _, periods, outcome = offline_run
    two = periods[:2]
    pooled = S.run_suite(ds, two, [S.SuiteConfig("offline")], out=tmp_path / "ev", charts=False, jobs=2)
    keys = {p.key for p in two}
    ref = [a for a in outcome.board["articles"] if f"{a['start']}_{a['end']}" in keys]
    got = pooled.board["articles"]
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("seconds",)} for r in rows]  # noqa: E731
    assert strip(got) == strip(ref)


def test_fund_name_with_a_number_is_not_a_claim(ds, tmp_path):
    # 'E FUND CSI OVERSEAS CHINA INTERNET 50 ETF' (513050) is named in this week's English article
    periods = _periods(ds, D(2024, 3, 4))
    outcome = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=tmp_path / "ev", langs=["en"], charts=False)
    assert outcome.board["totals"]["rejected"] == 0


# --- the sloppy scripted model over a fake OpenAI-compatible server --------------------------------


@pytest.fixture(scope="module")
def sloppy_run(ds, tmp_path_factory):
    out = tmp_path_factory.mktemp("sloppy") / "evals"
    periods = _periods(ds, WEEKS["record_outflow"], WEEKS["record_inflow"], WEEKS["quiet"], WEEKS["outflow"])
    script = SloppyScript(ds, rate=0.6, stubborn=0.2, seed=0)
    with FakeOpenAI(script) as server:
        cfg = S.SuiteConfig("fake-model", base_url=server.base_url, api_key="test", timeout=10, label="sloppy")
        outcome = S.run_suite(ds, periods, [cfg], out=out, charts=False, max_retries=2)
        requests = len(server.requests)
    return out, periods, script, outcome, requests


def test_sloppy_model_mistakes_are_counted_and_caught(sloppy_run):
    out, periods, script, outcome, requests = sloppy_run
    pairs = [(p.start.isoformat(), p.end.isoformat(), lang) for p in periods for lang in ("zh", "en")]
    plans = Counter(script.plan(*x) for x in pairs)
    assert plans["clean"] and plans["once"] and plans["stubborn"]  # the seed exercises every path
    muts = script.mutations
    firsts = [m for m in muts if m.attempt == 1]
    # expectations from the script's own log, not from the gate
    assert len(firsts) == plans["once"] + plans["stubborn"]
    assert len(muts) == plans["once"] + 3 * plans["stubborn"]  # stubborn: the first draft and both re-asks
    tot = outcome.board["by_config"]["sloppy@" + S.resolve_prompts("current")[0]]
    assert tot["articles"] == 8 and outcome.errors == 0
    assert tot["caught_drafts"] == len(muts)
    assert tot["caught_problems"] == len(muts)  # one mistake, one problem
    assert {k: tot[f"caught.{k}"] for k in S.PROBLEM_KINDS if tot[f"caught.{k}"]} == dict(Counter(m.expected_problem for m in muts))
    assert tot["first_pass"] == 8 - len(firsts)
    assert tot["rejected"] == plans["stubborn"]
    assert tot["reasks"] == len(muts) - plans["stubborn"]
    typed = sum(1 for m in firsts if m.kind == "number")
    assert tot["first.unsupported"] + tot["first.mismatched"] == typed
    if typed:
        assert tot["first.supported_pct"] < 100
    # the gate did its job: every published article is clean; the rejected ones are counted as such
    assert tot["published_supported_pct"] == 100.0
    rejected = {(r["start"], r["end"], r["lang"]) for r in outcome.board["rejected"]}
    assert rejected == {x for x in pairs if script.plan(*x) == "stubborn"}
    for path in _result_files(out):
        r = json.loads(path.read_text(encoding="utf-8"))
        key = (r["period"]["start"], r["period"]["end"], r["lang"])
        mine = [m for m in muts if (m.start, m.end, m.lang) == key]
        assert [a["attempt"] for a in r["attempts"] if not a["passed"]] == [m.attempt for m in mine]
        for a, m in zip(r["attempts"], mine):
            assert a["problems"][EXPECTED_PROBLEM[m.kind]] == 1
        assert r["tokens"]["source"] == "api"
        assert (r["status"] == "rejected") == (script.plan(*key) == "stubborn")
    periods = {(s, e) for s, e, _ in pairs}
    # one tools turn per period (shared by its two languages), a first draft per article, one call per re-ask
    assert requests == len(periods) + 8 + tot["reasks"]


def test_cli_scripted_sloppy_demo(tmp_path):
    out = tmp_path / "ev"
    res = CliRunner().invoke(_app(), ["evals", "run", "--model", "scripted:sloppy:1:0", "--periods", "2026-01-12",
                                      "--lang", "en", "--no-charts", "--out", str(out)])
    assert res.exit_code == 0, res.output
    board = json.loads((out / "scoreboard.json").read_text(encoding="utf-8"))
    (cid, m), = board["by_config"].items()
    assert cid.startswith("scripted-sloppy-1-0@")
    assert m["articles"] == 1 and m["caught_drafts"] == 1 and m["reasks"] == 1 and m["rejected"] == 0
    assert m["supported_pct"] == 100.0 and m["first_pass"] == 0
    log = json.loads((out / "scripted_mutations.json").read_text(encoding="utf-8"))["mutations"][cid]
    assert len(log) == 1 and log[0]["attempt"] == 1
    assert board["configs"][0]["provider"].startswith("scripted (FAKE")


# --- resume, compare, interrupt -------------------------------------------------------------------


def _counting_draft(monkeypatch):
    import etfwriter.draft as draft_mod

    calls: list[tuple] = []
    real = draft_mod.draft

    def counted(ds, start, end, **kw):
        calls.append((start, tuple(kw.get("langs", ()))))
        return real(ds, start, end, **kw)

    monkeypatch.setattr(draft_mod, "draft", counted)
    return calls


def test_rerun_skips_finished_work(ds, tmp_path, monkeypatch):
    out = tmp_path / "ev"
    periods = _periods(ds, WEEKS["quiet"], WEEKS["outflow"])
    first = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=out, langs=["zh"], charts=False)
    assert first.drafted == 2
    calls = _counting_draft(monkeypatch)
    again = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=out, langs=["zh"], charts=False)
    assert calls == [] and again.drafted == 0 and again.skipped == 2
    assert again.board["totals"] == first.board["totals"]
    # one result gone: only that one is drafted again
    gone = out / "results" / next(iter(first.board["by_config"])) / f"{periods[1].key}.zh.json"
    gone.unlink()
    third = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=out, langs=["zh", "en"], charts=False)
    assert sorted(calls) == sorted([(periods[0].start, ("en",)), (periods[1].start, ("zh", "en"))])
    assert third.skipped == 1 and third.drafted == 3 and third.board["totals"]["articles"] == 4
    # other settings: nothing on file counts
    calls.clear()
    fourth = S.run_suite(ds, periods[:1], [S.SuiteConfig("offline")], out=out, langs=["zh"], charts=False, max_retries=1)
    assert len(calls) == 1 and fourth.skipped == 0


def test_compare_two_configurations_and_two_files(offline_run, sloppy_run, tmp_path):
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    shutil.copy(offline_run[0] / "scoreboard.json", a)
    shutil.copy(sloppy_run[0] / "scoreboard.json", b)
    sa = json.loads(a.read_text(encoding="utf-8"))["totals"]
    sb = json.loads(b.read_text(encoding="utf-8"))["totals"]
    rows = {r["metric"]: r for r in S.compare(sa, sb)}
    assert rows["caught_drafts"]["diff"] == sb["caught_drafts"] - sa["caught_drafts"] > 0
    assert rows["caught_drafts"]["better"] == "A" and rows["first_pass_pct"]["better"] == "A"
    assert rows["supported_pct"]["better"] == "=" and rows["articles"]["better"] == ""
    res = CliRunner().invoke(_app(), ["evals", "compare", str(a), str(b), "--out", str(tmp_path / "cmp")])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "cmp" / "compare.md").read_text(encoding="utf-8")
    assert "B − A" in md
    line = next(ln for ln in md.splitlines() if ln.startswith("| drafts the gate failed"))
    assert line.split("|")[2:6] == [f" {sa['caught_drafts']} ", f" {sb['caught_drafts']} ",
                                    f" +{sb['caught_drafts'] - sa['caught_drafts']} ", " A "]
    # the run command compares two configurations of its own board
    board = {"by_config": {"offline@v1": sa, "scripted-sloppy@v1": sb}}
    assert S.pick_metrics("offline", board) == ("offline@v1", sa)
    assert S.pick_metrics("scripted:sloppy", board) == ("scripted-sloppy@v1", sb)
    with pytest.raises(S.SuiteError):
        S.pick_metrics("gpt-4o", board)


def test_run_compare_option_runs_both_configurations(tmp_path):
    out = tmp_path / "ev"
    res = CliRunner().invoke(_app(), ["evals", "run", "--periods", "2026-01-12", "--lang", "zh", "--no-charts", "--out", str(out),
                                      "--compare", "offline", "scripted:sloppy:1:0"])
    assert res.exit_code == 0, res.output
    cmp = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert cmp["a"].startswith("offline@") and cmp["b"].startswith("scripted-sloppy-1-0@")
    rows = {r["metric"]: r for r in cmp["rows"]}
    assert rows["reasks"]["a"] == 0 and rows["reasks"]["b"] == 1 and rows["reasks"]["diff"] == 1 and rows["reasks"]["better"] == "A"
    assert "B − A" in " ".join(res.output.split())


def _interrupt_after(monkeypatch, n: int) -> list:
    real = S.run_job
    seen: list = []

    def job(j, *a, **kw):
        if len(seen) == n:
            raise KeyboardInterrupt
        seen.append(j.period.key)
        return real(j, *a, **kw)

    monkeypatch.setattr(S, "run_job", job)
    return seen


def test_interrupt_keeps_finished_results_and_writes_a_partial_scoreboard(ds, tmp_path, monkeypatch):
    out = tmp_path / "ev"
    periods = _periods(ds, WEEKS["quiet"], WEEKS["outflow"], WEEKS["inflow"], WEEKS["record_inflow"])
    seen = _interrupt_after(monkeypatch, 2)
    outcome = S.run_suite(ds, periods, [S.SuiteConfig("offline")], out=out, langs=["zh"], charts=False)
    assert outcome.interrupted and outcome.drafted == 2 and len(seen) == 2
    board = json.loads((out / "scoreboard.json").read_text(encoding="utf-8"))
    assert board["interrupted"] and not board["complete"] and board["finished"] == 2 and board["pending"] == 2
    assert board["totals"]["articles"] == 2 and board["totals"]["supported_pct"] == 100.0
    assert "INTERRUPTED" in (out / "scoreboard.md").read_text(encoding="utf-8")
    assert "INTERRUPTED" in (out / "scoreboard.html").read_text(encoding="utf-8")
    assert [p.name for p in _result_files(out)] == [f"{k}.zh.json" for k in sorted(seen)]
    # the CLI: exit 130 and a clear line; then the same command resumes with the rest only
    monkeypatch.undo()
    seen2 = _interrupt_after(monkeypatch, 1)
    args = ["evals", "run", "--lang", "zh", "--no-charts", "--out", str(out)] + sum((["--periods", p.start.isoformat()] for p in periods), [])
    res = CliRunner().invoke(_app(), args)
    assert res.exit_code == 130, res.output
    said = " ".join(res.output.split())
    assert "interrupted: 3 of 4 article(s) finished and kept" in said and len(seen2) == 1, said
    monkeypatch.undo()
    calls = _counting_draft(monkeypatch)
    res = CliRunner().invoke(_app(), args)
    assert res.exit_code == 0, res.output
    assert len(calls) == 1
    assert json.loads((out / "scoreboard.json").read_text(encoding="utf-8"))["complete"]


# --- prompts versions and argument errors ---------------------------------------------------------


def test_a_prompts_folder_is_its_own_configuration(ds, tmp_path):
    from importlib import resources

    src = Path(str(resources.files("etfwriter.prompts")))
    alt = tmp_path / "prompts-next"
    shutil.copytree(src, alt, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    manifest = json.loads((alt / "manifest.json").read_text(encoding="utf-8"))
    manifest["version"] = "next.1"
    (alt / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    system_zh = alt / manifest["system"]["zh"]
    system_zh.write_text(system_zh.read_text(encoding="utf-8") + "\n\nMARKER-NEXT-PROMPTS\n", encoding="utf-8")
    assert S.resolve_prompts(str(alt)) == ("next.1", str(alt.resolve()))
    periods = _periods(ds, WEEKS["record_outflow"])
    with FakeOpenAI(SloppyScript(ds, rate=0.0, stubborn=0.0)) as server:
        cfgs = [S.SuiteConfig("fake-model", prompts=p, base_url=server.base_url, api_key="test", label="clean")
                for p in ("current", str(alt))]
        outcome = S.run_suite(ds, periods, cfgs, out=tmp_path / "ev", langs=["zh"], charts=False)
        systems = [r["messages"][0]["content"] for r in server.requests]
    ids = sorted(outcome.board["by_config"])
    assert ids == sorted([f"clean@{S.resolve_prompts('current')[0]}", "clean@next.1"])
    assert sum("MARKER-NEXT-PROMPTS" in s for s in systems) == 2  # both calls of the next.1 configuration
    assert len(systems) == 4
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in _result_files(tmp_path / "ev")]
    assert sorted(r["prompt_version"] for r in runs) == sorted([S.resolve_prompts("current")[0], "next.1"])


def test_bad_arguments_exit_2(tmp_path):
    for args in (["--prompts", "no-such-version"], ["--model", "gpt-4o"], ["--periods", "2031-01-01..2031-02-01"],
                 ["--model", "scripted:careless"]):
        res = CliRunner().invoke(_app(), ["evals", "run", "--out", str(tmp_path / "x"), *args])
        assert res.exit_code == 2, (args, res.output)
        assert "error:" in res.output and "Traceback" not in res.output


def test_run_compare_of_two_files_drafts_nothing_and_report_rebuilds(offline_run, sloppy_run, tmp_path, monkeypatch):
    calls = _counting_draft(monkeypatch)
    res = CliRunner().invoke(_app(), ["evals", "run", "--out", str(tmp_path / "cmp"), "--compare",
                                      str(offline_run[0] / "scoreboard.json"), str(sloppy_run[0])])
    assert res.exit_code == 0, res.output
    assert calls == [] and (tmp_path / "cmp" / "compare.md").is_file()
    # `evals report` rebuilds the scoreboard from the stored results alone
    out = tmp_path / "copy"
    shutil.copytree(offline_run[0] / "results", out / "results")
    res = CliRunner().invoke(_app(), ["evals", "report", str(out)])
    assert res.exit_code == 0, res.output
    board = json.loads((out / "scoreboard.json").read_text(encoding="utf-8"))
    assert board["totals"] == offline_run[2].board["totals"]


def test_a_failing_endpoint_is_an_error_result_retried_on_rerun(tmp_path):
    from fake_openai import Fault

    out = tmp_path / "ev"
    bad = Fault(400, {"error": {"message": "model not found", "type": "invalid_request_error"}})
    with FakeOpenAI(lambda req, n: bad) as server:
        args = ["evals", "run", "--model", "fake-model", "--base-url", server.base_url, "--periods", "2026-01-12",
                "--lang", "en", "--no-charts", "--timeout", "5", "--out", str(out)]
        res = CliRunner().invoke(_app(), args)
    assert res.exit_code == 1, res.output
    assert "stopped with an error" in " ".join(res.output.split()) and "Traceback" not in res.output
    errs = list((out / "results").glob("*/*.error.json"))
    assert len(errs) == 1 and "HTTP 400" in json.loads(errs[0].read_text(encoding="utf-8"))["error"]
    board = json.loads((out / "scoreboard.json").read_text(encoding="utf-8"))
    assert board["totals"]["errors"] == 1 and board["totals"]["articles"] == 0 and len(board["errors"]) == 1
    md = (out / "scoreboard.md").read_text(encoding="utf-8")
    assert "Errors (retried on the next run)" in md and "INCOMPLETE" in md and not board["complete"]
    assert board["failed"] == 1 and board["pending"] == 0 and board["finished"] == 0
