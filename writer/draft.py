"""The drafting pipeline: facts → charts → agent per language → gate → files, all or nothing.

    result = draft(ds, start, end, langs=("zh", "en"), model_config=ModelConfig(), out_dir=Path("out"))
    result.passed, result.files, result.run

Everything is written to a staging folder beside `out_dir` and moved in only at the end. When
every language passes the gate, `out_dir` gets::

    article.zh.md  article.en.md  article.zh.html  article.en.html
    facts.json  eval.json  run.json  charts/zh/*.png  charts/en/*.png

When a draft still fails after `max_retries` re-asks, no ``article.*.md`` or ``.html`` is written
(stale ones and their charts from an earlier run are removed): each draft goes to ``article.<lang>.rejected.md``
beside ``eval.json`` (which lists the problems), ``facts.json`` and ``run.json``, and
`DraftResult.passed` is False. Errors that stop the run (bad data, unknown period, the model API
failing after its retries) raise `EtfWriterError` subclasses and leave `out_dir` untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etfwriter.tools import EtfWriterError, compute_facts

from .agent import TOKEN_ESTIMATE, AgentRun, ModelConfig, make_model, run_agent
from .chart_worker import ChartWorker, _ChartFailure, _draw, _fork_is_safe
from .registry import ChartInfo, ToolContext

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.language_models import BaseChatModel

    from etfwriter.tools import Dataset
    from etfwriter.tools.facts import FactSet

__all__ = ["ChartWorker", "DraftResult", "draft", "ModelFactory", "OUTPUT_FILES"]

ModelFactory = Callable[["FactSet", str], "BaseChatModel"]
"""``factory(facts, lang) -> chat model``: how tests and embedders supply their own model."""

OUTPUT_FILES = ("article.{lang}.md", "article.{lang}.html", "article.{lang}.rejected.md")


@dataclass
class DraftResult:
    """What a draft run produced."""

    passed: bool
    out_dir: Path
    files: list[Path]
    runs: dict[str, AgentRun]
    run: dict[str, Any]
    """The content of run.json."""
    evaluation: dict[str, Any]
    """The content of eval.json."""
    facts: FactSet | None = None
    failed_langs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a terminal."""
        t = self.run.get("tokens", {})
        head = "passed" if self.passed else f"REJECTED ({', '.join(self.failed_langs)} failed the check)"
        return (f"{head}: {len(self.run.get('model_calls', []))} model call(s), {len(self.run.get('tool_calls', []))} tool call(s), "
                f"{self.run.get('retries_total', 0)} re-ask(s), tokens in {t.get('input', 0)} / out {t.get('output', 0)}, "
                f"{self.run.get('seconds', 0):.2f}s -> {self.out_dir}")


class _Charts:
    """Charts for each language: from a `ChartWorker` when there is one, else drawn in-process on first use."""

    def __init__(self, ds: Dataset, facts: FactSet, stage: Path, langs: Sequence[str], worker: ChartWorker | None):
        self.ds, self.facts, self.stage = ds, facts, stage
        self.worker = worker
        self.seconds = 0.0
        """Time the drafting waited for charts (or spent drawing them, in-process)."""
        if worker is not None:
            from etfwriter.tools import weekly_flows

            weekly = weekly_flows(ds, facts.dataset.price_convention, by="category")
            worker.submit(facts, weekly, stage, langs)

    def get(self, lang: str, warnings: list[str]) -> list[ChartInfo]:
        t0 = time.perf_counter()
        try:
            made = self.worker.result(lang) if self.worker else _draw(self.facts, self.stage, lang, dataset=self.ds)
        except Exception as exc:  # ChartError matched by name: importing the chart module here would cost matplotlib
            name = exc.name if isinstance(exc, _ChartFailure) else type(exc).__name__
            if name != "ChartError":
                raise EtfWriterError(f"drawing the {lang} charts failed: {name}: {exc}") from exc
            warnings.append(f"{lang} charts skipped: {exc}")
            return []
        finally:
            self.seconds += time.perf_counter() - t0
        root = self.stage.resolve()
        return [ChartInfo(id=cid, caption=caption, file=Path(path).resolve().relative_to(root).as_posix(), fact_ids=ids)
                for cid, path, caption, ids in made]


def _html(markdown: str, lang: str, title: str) -> str:
    from etfwriter.html import to_html

    return to_html(markdown, title, lang)


def _title(markdown: str, fallback: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def draft(
    ds: Dataset,
    start: dt.date,
    end: dt.date,
    *,
    langs: Sequence[str] = ("zh", "en"),
    model_config: ModelConfig | None = None,
    price: str = "nav",
    out_dir: Path | str = Path("out"),
    max_retries: int = 2,
    progress: Callable[[str], None] | None = None,
    model: ModelFactory | None = None,
    parallel_charts: bool | None = None,
    chart_worker: ChartWorker | None = None,
    charts: bool = True,
    prompts_source: str | None = None,
    share_research: bool = True,
) -> DraftResult:
    """Draft the article of start..end in each language, gate it, and write the output folder.

    `model` replaces the configured model (``factory(facts, lang)``). Charts are drawn by
    `chart_worker` when given (it is closed here), else by a worker forked now when that is safe
    (`parallel_charts` None) or forced (True), else in-process (False). ``charts=False`` draws
    none (the charts tool lists no chart; the eval suite's fast mode). `prompts_source`: another
    prompt set for the agent (`etfwriter.agent.load_prompts`); default: the installed prompts.
    `share_research`: the second language starts from the tool calls the model made for the first
    (run again in its own language) instead of a research call of its own; False gives each
    language its own research round.
    """
    say = progress or (lambda _msg: None)
    config = model_config or ModelConfig()
    langs = [lang for lang in dict.fromkeys(langs)]
    for lang in langs:
        if lang not in ("zh", "en"):
            raise EtfWriterError(f"unknown language {lang!r}: use zh, en or zh,en")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise EtfWriterError(f"output path {out} exists and is not a folder")
    describe = {"model": "custom", "base_url": None, "provider": "injected"} if model is not None else config.describe()
    t0 = time.perf_counter()
    stage: Path | None = None
    try:
        say("computing facts")
        facts = compute_facts(ds, start, end, price)
        out.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
        runs: dict[str, AgentRun] = {}
        warnings: list[str] = []
        say("making charts")
        if charts and chart_worker is None and parallel_charts is not False and (parallel_charts or _fork_is_safe()):
            chart_worker = ChartWorker.start()
        chart_job = _Charts(ds, facts, stage, langs, chart_worker) if charts else None
        for lang in langs:
            say(f"[{lang}] drafting with {describe['model']}")
            chat = model(facts, lang) if model is not None else make_model(config, facts)
            ctx = ToolContext(dataset=ds, facts=facts,
                              charts=(lambda lang=lang: chart_job.get(lang, warnings)) if chart_job is not None else [])
            research = next(iter(runs.values())).research if runs and share_research else None
            runs[lang] = run_agent(chat, ctx, lang, max_retries=max_retries, config=config, progress=say,
                                   prompts_source=prompts_source, research=research)
        failed = [lang for lang, r in runs.items() if not r.passed]
        passed = not failed
        say("writing files")
        files = _write_stage(stage, facts, runs, passed)
        evaluation = _eval_json(runs, passed)
        _write_json(stage / "eval.json", evaluation)
        run_info = _run_json(describe, facts, runs, passed, price, time.perf_counter() - t0, files)
        run_info["warnings"] = warnings
        run_info["charts"] = ({"worker": "none (charts off)", "seconds_waited": 0.0} if chart_job is None else
                              {"worker": "forked process" if chart_job.worker is not None else "in-process",
                               "seconds_waited": round(chart_job.seconds, 3)})
        _write_json(stage / "run.json", run_info)
        if passed:
            for lang, r in runs.items():
                md = r.review.rendered.markdown
                (stage / f"article.{lang}.html").write_text(_html(md, lang, _title(md, "ETF")), encoding="utf-8")
        moved = _publish(stage, out, passed)
    finally:
        if chart_worker is not None:
            chart_worker.close()
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
    return DraftResult(passed=passed, out_dir=out, files=moved, runs=runs, run=run_info, evaluation=evaluation,
                       facts=facts, failed_langs=failed)


def _write_stage(stage: Path, facts: FactSet, runs: dict[str, AgentRun], passed: bool) -> list[str]:
    (stage / "facts.json").write_text(facts.model_dump_json(indent=2) + "\n", encoding="utf-8")
    names = ["facts.json", "eval.json", "run.json"]
    for lang, r in runs.items():
        rendered = r.review.rendered if r.review is not None else None
        body = rendered.markdown if rendered is not None else r.text
        name = f"article.{lang}.md" if passed else f"article.{lang}.rejected.md"
        (stage / name).write_text(body if body.endswith("\n") else body + "\n", encoding="utf-8")
        names.append(name)
        if passed:
            names.append(f"article.{lang}.html")
    if passed and (stage / "charts").is_dir():
        names.append("charts/")
    return names


def _publish(stage: Path, out: Path, passed: bool) -> list[Path]:
    """Move the staged files into `out`; drop outputs of earlier runs that this one replaces."""
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("article.*.md")) + list(out.glob("article.*.html")):
        old.unlink()
    if not passed:
        for folder in (stage / "charts", out / "charts"):
            if folder.exists():
                shutil.rmtree(folder)
    moved: list[Path] = []
    if (stage / "charts").is_dir():
        if (out / "charts").exists():
            shutil.rmtree(out / "charts")
        (stage / "charts").replace(out / "charts")
        moved.append(out / "charts")
    for f in sorted(stage.iterdir()):
        if f.is_file():
            f.replace(out / f.name)
            moved.append(out / f.name)
    return moved


def _eval_json(runs: dict[str, AgentRun], passed: bool) -> dict[str, Any]:
    articles = {}
    for lang, r in runs.items():
        rv = r.review
        articles[lang] = {
            "passed": bool(rv and rv.passed),
            "attempts": len(r.reviews),
            "problems": [p.to_json() for p in rv.problems] if rv else [],
            "warnings": rv.warnings if rv else [],
            "summary": rv.report.summary.to_json() if rv and rv.report is not None else None,
            "must_say_missing": rv.report.summary.must_say_missing if rv and rv.report is not None else [],
            "mentions": [m.to_json() for m in rv.report.mentions] if rv and rv.report is not None else [],
            "history": [{"attempt": i, "passed": x.passed, "problems": [p.to_json() for p in x.problems]}
                        for i, x in enumerate(r.reviews, 1)],
        }
    return {"passed": passed, "strict": True, "articles": articles}


def _run_json(describe: dict[str, Any], facts: FactSet, runs: dict[str, AgentRun], passed: bool, price: str,
              seconds: float, files: list[str]) -> dict[str, Any]:
    from etfwriter import __version__

    calls = [c.to_json() for r in runs.values() for c in r.model_calls]
    tools = [c.to_json() for r in runs.values() for c in r.tool_calls]
    sources = sorted({c["token_source"] for c in calls})
    tin = sum(c["input_tokens"] for c in calls)
    tout = sum(c["output_tokens"] for c in calls)
    prompt_version = next((r.prompt_version for r in runs.values()), "")
    return {
        "etfwriter": __version__,
        "prompt_version": prompt_version,
        "passed": passed,
        "model": describe,
        "period": {"start": facts.period.start.isoformat(), "end": facts.period.end.isoformat()},
        "dataset": {"name": facts.dataset.name, "hash": facts.dataset.hash, "reconstruction": facts.dataset.reconstruction},
        "price": price,
        "langs": list(runs),
        "seconds": round(seconds, 3),
        "tokens": {"input": tin, "output": tout, "source": sources[0] if len(sources) == 1 else sources,
                   "note": "api = usage reported by the API; " + TOKEN_ESTIMATE + " = counted on the messages sent"},
        "tokens_by_lang": {lang: dict(zip(("input", "output"), r.tokens)) for lang, r in runs.items()},
        "retries": {lang: r.retries for lang, r in runs.items()},
        "retries_total": sum(r.retries for r in runs.values()),
        "model_calls": calls,
        "tool_calls": tools,
        "files": files,
    }
