"""The eval suite: draft an article for many periods and configurations, check each one, keep score.

    periods = suite_periods(ds, [(dt.date(2024, 1, 1), dt.date(2026, 1, 16))], every="week")
    outcome = run_suite(ds, periods, [SuiteConfig("offline")], out=Path("out/evals"), jobs=2)
    outcome.board["by_config"]["offline@2026.01.1"]["supported_pct"]

A *configuration* is (model, prompts version). For each configuration, period and language the
suite runs the real drafting pipeline (`etfwriter.draft.draft`: tools, agent loop, gate, re-asks)
and stores one result file that records the eval of **every attempt** — the first draft and each
draft after a re-ask — besides the final article, so mistakes the gate caught still count.

Output folder::

    scoreboard.md  scoreboard.json  scoreboard.html       the scoreboard (rewritten on every run)
    compare.md  compare.json                              with --compare
    results/<config>/<start>_<end>.<lang>.json            one finished article (passed or rejected)
    results/<config>/<start>_<end>.<lang>.error.json      a draft that stopped with an error (retried on rerun)
    articles/<config>/<start>_<end>/                      the draft's own output (article, eval.json, run.json, ...)

A rerun skips every (configuration, period, language) whose result file exists and was made with
the same settings (data hash, price, max re-asks, charts, model, prompts version). Drafts run in a
process pool (`jobs` > 1; forked, so the workers share the loaded data) or in this process.
Ctrl-C stops the run: finished results stay, a partial scoreboard is written and
`SuiteOutcome.interrupted` is True.

Metric definitions are in `METRIC_DOCS` (and in scoreboard.md).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from etfwriter.tools import EtfWriterError

if TYPE_CHECKING:  # pragma: no cover
    from etfwriter.draft import DraftResult
    from etfwriter.tools import Dataset
    from etfwriter.tools.facts import FactSet

__all__ = [
    "SuiteError", "Period", "SuiteConfig", "ResolvedConfig", "SuiteOutcome", "Reporter",
    "KINDS", "PROBLEM_KINDS", "DIFF_KINDS", "METRICS", "METRIC_DOCS",
    "parse_span", "suite_periods", "period_kind", "resolve_prompts", "resolve_config",
    "run_suite", "run_job", "load_results", "build_scoreboard", "metrics", "write_scoreboard",
    "scoreboard_markdown", "compare", "compare_markdown", "load_board", "pick_metrics",
]

RESULT_SCHEMA = "etfwriter.evals.result/1"
BOARD_SCHEMA = "etfwriter.evals.scoreboard/1"
KINDS = ("record_outflow", "record_inflow", "outflow", "inflow", "quiet", "flat")
"""Period kinds, from the broad-based ETF flow of the period against its own history (`period_kind`)."""
PROBLEM_KINDS = ("number", "reference", "direction", "section", "empty")
"""Gate problem kinds (`etfwriter.gate.Problem.kind`)."""
DIFF_KINDS = ("value", "scale", "direction", "hedge", "unit", "points")
"""What a mismatched number got wrong (`etfwriter.evals.check`)."""
RECORD_MIN_PERIODS = 10
"""A record needs at least this many comparable periods (the composer's own threshold)."""


class SuiteError(EtfWriterError):
    """A suite could not start: bad periods, configurations or prompt sets."""


# --- periods ------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def parse_span(text: str) -> tuple[dt.date | None, dt.date | None]:
    """``A..B``, ``A..``, ``..B``, a single date ``A`` (= A..A) or ``all`` (= the whole data)."""
    t = text.strip()
    if t in ("", "all"):
        return None, None
    a, sep, b = t.partition("..")
    try:
        first = dt.date.fromisoformat(a) if a else None
        last = (dt.date.fromisoformat(b) if b else None) if sep else first
    except ValueError:
        raise SuiteError(f"bad period {text!r}: use YYYY-MM-DD..YYYY-MM-DD, one date, or 'all'") from None
    if first and last and first > last:
        raise SuiteError(f"bad period {text!r}: the start is after the end")
    return first, last


def suite_periods(ds: Dataset, spans: Iterable[tuple[dt.date | None, dt.date | None]], every: str = "week") -> list[Period]:
    """Calendar weeks (or months) that overlap one of `spans` and have trading days in the data.

    A period is always the whole week (month): its trading days may reach past the span's ends, and
    a single date (``A..A``) selects the week (month) that contains it.
    """
    import pandas as pd

    if every not in ("week", "month"):
        raise SuiteError(f"--every {every!r}: use week or month")
    cal = [ts.date() for ts in pd.DatetimeIndex(ds.calendar)]

    def bounds(d: dt.date) -> tuple[dt.date, dt.date]:
        if every == "week":
            monday = d - dt.timedelta(days=d.weekday())
            return monday, monday + dt.timedelta(days=6)
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return d.replace(day=1), nxt - dt.timedelta(days=1)

    def key(d: dt.date) -> int:
        return bounds(d)[0].toordinal()

    spans = list(spans)
    wanted = {key(d) for d in cal for first, last in spans
              if (first is None or bounds(d)[1] >= first) and (last is None or bounds(d)[0] <= last)}
    if not wanted:
        raise SuiteError(f"no trading days in the periods given (the data covers {ds.first_date} to {ds.last_date})")
    groups: dict[int, list[dt.date]] = {}
    for d in cal:
        if key(d) in wanted:
            groups.setdefault(key(d), []).append(d)
    return sorted(Period(min(days), max(days)) for days in groups.values())


def period_kind(facts: FactSet) -> dict[str, Any]:
    """The kind of a period, from its facts: sign and size of the broad-based ETF flow against its history.

    - ``record_outflow`` / ``record_inflow``: the largest broad outflow (inflow) of all comparable
      periods so far (``hist.category.broad.rank_out`` / ``rank_in`` = 1), with at least
      `RECORD_MIN_PERIODS` of them;
    - ``quiet``: otherwise, with that much history, when the broad flow's size is below the
      median of its history (the risk-appetite rating of 1 star);
    - ``outflow`` / ``inflow``: the sign of the broad flow; ``flat``: no broad flow.
    Also returned: the composer's scenario (the branch of the writing the period takes).
    """
    by = facts.by_id()

    def num(fid: str) -> float | None:
        f = by.get(fid)
        if f is None or isinstance(f.value, str):
            return None
        return float(f.value)

    broad = num("flow.category.broad")
    periods = int(num("hist.periods") or 0)
    enough = periods >= RECORD_MIN_PERIODS
    if not broad:
        kind = "flat"
    elif enough and broad < 0 and num("hist.category.broad.rank_out") == 1:
        kind = "record_outflow"
    elif enough and broad > 0 and num("hist.category.broad.rank_in") == 1:
        kind = "record_inflow"
    elif enough and num("rating.risk_appetite") == 1:
        kind = "quiet"
    else:
        kind = "outflow" if broad < 0 else "inflow"
    try:
        from etfwriter.compose import scenario

        scen = scenario(facts)
    except Exception:  # the scenario is a label for the report; a composer bug shows up in the drafts
        scen = "?"
    return {"kind": kind, "scenario": scen, "broad_flow": broad, "history_periods": periods}


# --- configurations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SuiteConfig:
    """What to run: a model spec and a prompts version.

    `model`: ``offline``, a model name on an OpenAI-compatible endpoint, ``scripted:sloppy[...]``
    (a FAKE model, see `etfwriter.suite_fake`), or None (offline unless OPENAI_API_KEY /
    OPENAI_BASE_URL is set). `prompts`: ``current`` (the installed prompt set), its version string,
    or a folder holding another prompt set.
    """

    model: str | None = None
    prompts: str = "current"
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 120.0
    api_retries: int = 2
    label: str | None = None
    """Name of the model part of the configuration id (default: from `model`)."""


@dataclass(frozen=True)
class ResolvedConfig:
    """A configuration ready to run (plain data: it crosses a process boundary)."""

    id: str
    model_label: str
    model: str
    base_url: str | None
    api_key: str | None
    timeout: float
    api_retries: int
    provider: str
    prompts_version: str
    prompts_source: str | None
    scripted: dict[str, Any] | None = None

    def public(self) -> dict[str, Any]:
        """What a result file records about the configuration (no key)."""
        return {"id": self.id, "model": self.model_label, "provider": self.provider,
                "base_url": None if self.scripted else self.base_url, "prompts": self.prompts_version,
                "prompts_source": self.prompts_source, "scripted": self.scripted}

    def fingerprint(self) -> dict[str, Any]:
        """What must match for a stored result to count as this configuration's."""
        return {"model": self.model, "base_url": None if self.scripted else self.base_url,
                "prompts": self.prompts_version, "scripted": self.scripted}

    def model_config(self) -> Any:
        from etfwriter.agent import ModelConfig

        return ModelConfig(model=self.model, base_url=self.base_url, api_key=self.api_key, timeout=self.timeout,
                           api_retries=self.api_retries)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@+-]+", "-", text).strip("-") or "config"


def resolve_prompts(spec: str | None) -> tuple[str, str | None]:
    """(version, folder or None) of a ``--prompts`` value: ``current``, the installed version, or a folder."""
    from etfwriter.agent import load_prompts

    installed = load_prompts("zh").version
    s = (spec or "current").strip()
    if s in ("current", "installed", installed):
        return installed, None
    path = Path(s).expanduser()
    if path.is_dir():
        manifest = path / "manifest.json"
        if not manifest.is_file():
            raise SuiteError(f"--prompts {s}: the folder has no manifest.json (lay it out like etfwriter/prompts)")
        try:
            version = str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
            for lang in ("zh", "en"):
                load_prompts(lang, str(path.resolve()))
        except (OSError, ValueError, KeyError) as exc:
            raise SuiteError(f"--prompts {s}: cannot read that prompt set ({type(exc).__name__}: {exc})") from None
        return version, str(path.resolve())
    raise SuiteError(f"--prompts {s!r}: not a known prompts version (installed: {installed}) nor a folder with a manifest.json")


def resolve_config(cfg: SuiteConfig) -> ResolvedConfig:
    """Check a configuration and fix its id, e.g. ``offline@2026.01.1``. Scripted models get no endpoint yet."""
    from etfwriter.agent import AgentError, ModelConfig

    from .suite_fake import SCRIPTED_PREFIX, parse_scripted

    version, source = resolve_prompts(cfg.prompts)
    spec = (cfg.model or "").strip() or None
    if spec and spec.startswith(SCRIPTED_PREFIX):
        try:
            params = parse_scripted(spec)
        except ValueError as exc:
            raise SuiteError(str(exc)) from None
        label = cfg.label or spec.replace(":", "-")
        return ResolvedConfig(_slug(f"{label}@{version}"), label, params["name"], None, "fake-key", cfg.timeout, 0,
                              "scripted (FAKE, local)", version, source, params)
    mc = ModelConfig(model=spec, base_url=cfg.base_url, api_key=cfg.api_key, timeout=cfg.timeout, api_retries=cfg.api_retries)
    try:
        name, base, key = mc.resolved()
    except AgentError as exc:
        raise SuiteError(str(exc)) from None
    provider = "offline" if name == "offline" else "openai-compatible"
    label = cfg.label or name
    return ResolvedConfig(_slug(f"{label}@{version}"), label, name, base, key, cfg.timeout, cfg.api_retries, provider,
                          version, source, None)


# --- one job: a configuration and a period, the languages still to do ---------------------------


@dataclass
class Job:
    config: ResolvedConfig
    period: Period
    langs: list[str]
    out: str
    price: str
    max_retries: int
    charts: bool
    settings: dict[str, Any]
    parallel_charts: bool | None = None


def _result_path(out: Path, config_id: str, period: Period, lang: str, *, error: bool = False) -> Path:
    return out / "results" / config_id / f"{period.key}.{lang}{'.error' if error else ''}.json"


def _article_dir(out: Path, config_id: str, period: Period) -> Path:
    return out / "articles" / config_id / period.key


def _write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    tmp.replace(path)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _settings(ds: Dataset, price: str, max_retries: int, charts: bool) -> dict[str, Any]:
    return {"dataset": {"name": ds.name, "hash": ds.hash}, "price": price, "max_retries": max_retries, "charts": charts}


def is_finished(out: Path, config: ResolvedConfig, period: Period, lang: str, settings: dict[str, Any]) -> bool:
    """A result file for this (configuration, period, language) made with the same settings."""
    data = _read_json(_result_path(out, config.id, period, lang))
    return bool(data and data.get("schema") == RESULT_SCHEMA and data.get("settings") == settings
                and data.get("config_fingerprint") == config.fingerprint() and data.get("status") in ("passed", "rejected"))


def _counts(items: Iterable[str], keys: Sequence[str]) -> dict[str, int]:
    c = Counter(items)
    out = {k: int(c.get(k, 0)) for k in keys}
    out.update({k: int(v) for k, v in c.items() if k not in out})
    return out


def _attempt(rv: Any, index: int, lang: str) -> dict[str, Any]:
    """The record of one draft: its gate verdict, problems by kind, and the eval of its rendered text."""
    from etfwriter.compose import SECTIONS, missing_sections

    rep = rv.report
    ev = None
    diffs: dict[str, int] = {k: 0 for k in DIFF_KINDS}
    if rep is not None:
        s = rep.summary
        ev = {"numbers": s.numbers, "supported": s.supported, "unsupported": s.unsupported, "mismatched": s.mismatched,
              "unparsed": s.unparsed, "unreferenced": s.unreferenced, "must_say": len(s.must_say),
              "must_say_missing": list(s.must_say_missing)}
        diffs = _counts([d for r in rep.mentions if r.status == "mismatched" for d in r.diffs], DIFF_KINDS)
    required = len(SECTIONS) + 2  # the title line and the disclaimer, besides the sections
    missing = missing_sections(rv.rendered.markdown, lang) if rv.rendered is not None else ["all"]
    return {
        "attempt": index,
        "passed": bool(rv.passed),
        "problems": _counts([p.kind for p in rv.problems], PROBLEM_KINDS),
        "problem_list": [{"kind": p.kind, "span": p.span[:160], "message": p.message[:240], "line": p.line}
                         for p in rv.problems[:25]],
        "eval": ev,
        "mismatch_diffs": diffs,
        "sections": {"required": required, "present": max(0, required - len(missing)) if missing != ["all"] else 0,
                     "missing": missing},
    }


def _lang_result(job: Job, lang: str, result: DraftResult, info: dict[str, Any], seconds: float) -> dict[str, Any]:
    run = result.runs[lang]
    attempts = [_attempt(rv, i, lang) for i, rv in enumerate(run.reviews, 1)]
    out = Path(job.out)
    adir = _article_dir(out, job.config.id, job.period)
    name = f"article.{lang}.md" if result.passed else f"article.{lang}.rejected.md"
    tin, tout = run.tokens
    sources = sorted({c.token_source for c in run.model_calls})
    return {
        "schema": RESULT_SCHEMA,
        "config": job.config.public(),
        "config_fingerprint": job.config.fingerprint(),
        "settings": job.settings,
        "period": {"start": job.period.start.isoformat(), "end": job.period.end.isoformat(), **info},
        "lang": lang,
        "status": "passed" if run.passed else "rejected",
        "draft_passed": bool(result.passed),
        "attempts": attempts,
        "final": attempts[-1] if attempts else None,
        "reasks": run.retries,
        "tokens": {"input": tin, "output": tout, "source": sources[0] if len(sources) == 1 else sources},
        "model_calls": len(run.model_calls),
        "tool_calls": len(run.tool_calls),
        "tool_errors": sum(1 for t in run.tool_calls if not t.ok),
        "seconds": round(seconds, 3),
        "agent_seconds": round(run.seconds, 3),
        "prompt_version": run.prompt_version,
        "article": (adir / name).relative_to(out).as_posix(),
        "finished": dt.datetime.now().isoformat(timespec="seconds"),
    }


def _error_result(job: Job, lang: str, exc: BaseException, seconds: float) -> dict[str, Any]:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return {"schema": RESULT_SCHEMA, "config": job.config.public(), "config_fingerprint": job.config.fingerprint(),
            "settings": job.settings,
            "period": {"start": job.period.start.isoformat(), "end": job.period.end.isoformat()},
            "lang": lang, "status": "error", "error": f"{type(exc).__name__}: {text}"[:500], "seconds": round(seconds, 3),
            "finished": dt.datetime.now().isoformat(timespec="seconds")}


_DATASET: Any = None
"""The dataset of the pool workers (inherited through fork, or loaded by `_init_worker`)."""


def run_job(job: Job, ds: Dataset | None = None, progress: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """Draft one period for one configuration in the job's languages; write and return one result per language.

    A draft that stops with an error gives ``status: error`` results (written as ``.error.json``,
    so a rerun tries again); a draft that fails the gate after its re-asks is ``rejected``.
    """
    from etfwriter.draft import draft

    ds = ds if ds is not None else _DATASET
    out = Path(job.out)
    adir = _article_dir(out, job.config.id, job.period)
    for stale in adir.parent.glob(f".{adir.name}.staging-*"):  # left by a run that was killed mid-draft
        shutil.rmtree(stale, ignore_errors=True)
    t0 = time.perf_counter()
    try:
        result = draft(ds, job.period.start, job.period.end, langs=job.langs, model_config=job.config.model_config(),
                       price=job.price, out_dir=adir, max_retries=job.max_retries, progress=progress,
                       parallel_charts=job.parallel_charts, charts=job.charts, prompts_source=job.config.prompts_source)
        seconds = time.perf_counter() - t0
        info = period_kind(result.facts)
        results = [_lang_result(job, lang, result, info, seconds / len(job.langs)) for lang in job.langs]
    except Exception as exc:  # an error ends this job only; the suite goes on and reports it
        seconds = time.perf_counter() - t0
        results = [_error_result(job, lang, exc, seconds / len(job.langs)) for lang in job.langs]
    for r in results:
        err = r["status"] == "error"
        _write_json_atomic(_result_path(out, job.config.id, job.period, r["lang"], error=err), r)
        other = _result_path(out, job.config.id, job.period, r["lang"], error=not err)
        if other.exists():
            other.unlink()
    return results


def _init_worker(data_path: str | None, dataset_needed: bool) -> None:
    """Pool workers ignore Ctrl-C (the parent stops them) and load the data when it was not inherited."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _DATASET
    if dataset_needed and _DATASET is None:
        from etfwriter.tools import load_dataset

        _DATASET = load_dataset(data_path)


def _noop() -> int:
    return os.getpid()


# --- the run ------------------------------------------------------------------------------------


class Reporter:
    """What a run tells its caller (the CLI shows a progress bar); every method is optional."""

    def start(self, total: int, skipped: int, jobs: list[Job]) -> None:
        pass

    def step(self, text: str) -> None:
        pass

    def done(self, job: Job, results: list[dict[str, Any]]) -> None:
        pass


@dataclass
class SuiteOutcome:
    board: dict[str, Any]
    paths: dict[str, Path]
    interrupted: bool = False
    drafted: int = 0
    """Result files written by this run (finished articles and errors)."""
    skipped: int = 0
    """(configuration, period, language) already finished by an earlier run."""
    errors: int = 0
    """Errors among the results of this suite (this run's and earlier ones still on file)."""
    scripted_mutations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Per scripted configuration: every corruption its fake model made in this run."""


def run_suite(
    ds: Dataset,
    periods: Sequence[Period],
    configs: Sequence[SuiteConfig | ResolvedConfig],
    *,
    out: Path | str = Path("out/evals"),
    langs: Sequence[str] = ("zh", "en"),
    jobs: int = 1,
    price: str = "nav",
    max_retries: int = 2,
    charts: bool = True,
    data_path: str | Path | None = None,
    reporter: Reporter | None = None,
    meta: dict[str, Any] | None = None,
) -> SuiteOutcome:
    """Draft, check and score every (configuration, period, language) not yet finished in `out`."""
    rep = reporter or Reporter()
    out = Path(out)
    langs = list(dict.fromkeys(langs))
    if not periods:
        raise SuiteError("no periods to run")
    if not configs:
        raise SuiteError("no configurations to run")
    if any(lang not in ("zh", "en") for lang in langs) or not langs:
        raise SuiteError("languages: use zh, en or zh,en")
    resolved = [c if isinstance(c, ResolvedConfig) else resolve_config(c) for c in configs]
    ids = [c.id for c in resolved]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SuiteError(f"configurations given twice: {', '.join(dupes)}")
    settings = _settings(ds, price, max_retries, charts)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()

    # scripted (fake) models: bind their endpoints now, serve them once the pool exists
    servers: list[Any] = []
    scripts: dict[str, Any] = {}
    ready: list[ResolvedConfig] = []
    for c in resolved:
        if c.scripted is not None and c.base_url is None:
            from .suite_fake import ScriptedServer, SloppyScript

            params = dict(c.scripted)
            script = SloppyScript(ds, price=price, rate=params["rate"], stubborn=params["stubborn"], seed=params["seed"],
                                  name=params["name"])
            server = ScriptedServer(script)
            servers.append(server)
            scripts[c.id] = script
            c = ResolvedConfig(**{**asdict(c), "base_url": server.base_url})
        ready.append(c)

    todo: list[Job] = []
    skipped = 0
    parallel_charts = None if jobs <= 1 else False
    for c in ready:
        for p in periods:
            missing = [lang for lang in langs if not is_finished(out, c, p, lang, settings)]
            skipped += len(langs) - len(missing)
            if missing:
                todo.append(Job(c, p, missing, str(out), price, max_retries, charts, settings, parallel_charts))

    interrupted = False
    drafted = 0
    pool = None
    try:
        if jobs > 1 and len(todo) > 1:
            pool = _start_pool(min(jobs, len(todo)), ds, data_path)
        for s in servers:
            s.start()
        rep.start(len(todo), skipped, todo)
        if pool is None:
            for job in todo:
                rep.step(f"{job.config.id} {job.period.key}")
                results = run_job(job, ds, rep.step)
                drafted += len(results)
                rep.done(job, results)
        else:
            from concurrent.futures import FIRST_COMPLETED, wait

            futures = {pool.submit(run_job, job): job for job in todo}
            waiting = set(futures)
            while waiting:
                finished, waiting = wait(waiting, timeout=0.25, return_when=FIRST_COMPLETED)
                for f in finished:
                    job = futures[f]
                    try:
                        results = f.result()
                    except Exception as exc:  # the worker died (killed, out of memory): report, go on
                        results = [_error_result(job, lang, exc, 0.0) for lang in job.langs]
                        for r in results:
                            _write_json_atomic(_result_path(out, job.config.id, job.period, r["lang"], error=True), r)
                    drafted += len(results)
                    rep.done(job, results)
                rep.step("")
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if pool is not None:
            _stop_pool(pool, force=interrupted)
        for s in servers:
            s.close()

    results, errors = load_results(out, [c.id for c in ready], periods, langs, settings=settings,
                                   fingerprints={c.id: c.fingerprint() for c in ready})
    expected = len(ready) * len(periods) * len(langs)
    info = dict(meta or {})
    info.update(interrupted=interrupted, expected=expected, wall_seconds=round(time.perf_counter() - t0, 3),
                drafted_this_run=drafted, resumed=skipped, jobs=jobs, langs=langs, settings=settings,
                configs=[c.public() for c in ready],
                periods={"count": len(periods), "first": periods[0].start.isoformat(), "last": periods[-1].end.isoformat()})
    board = build_scoreboard(results, errors, info)
    paths = write_scoreboard(board, out)
    muts = {cid: [m.to_json() for m in s.mutations] for cid, s in scripts.items()}
    if muts:
        _write_json_atomic(out / "scripted_mutations.json", {"note": "FAKE model log: the corruptions the scripted model made in its last run",
                                                             "mutations": muts})
    return SuiteOutcome(board, paths, interrupted, drafted, skipped, len(errors), muts)


def _start_pool(n: int, ds: Dataset, data_path: str | Path | None) -> Any:
    """A process pool: forked (the workers inherit the data) where fork exists, else spawned (they load it)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _DATASET
    forked = "fork" in multiprocessing.get_all_start_methods()
    if forked:
        _DATASET = ds
        ctx = multiprocessing.get_context("fork")
    else:  # pragma: no cover - platforms without fork
        ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker,
                               initargs=(None if data_path is None else str(data_path), not forked))
    pool.submit(_noop).result()  # fork every worker now, while this process has a single thread
    if forked:
        _DATASET = None
    return pool


def _stop_pool(pool: Any, *, force: bool) -> None:
    if force:
        procs = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for p in procs:  # the workers this run started, stopped by their own handles
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)
    else:
        pool.shutdown(wait=True)


# --- results -> scoreboard ----------------------------------------------------------------------


def load_results(out: Path | str, config_ids: Sequence[str] | None = None, periods: Sequence[Period] | None = None,
                 langs: Sequence[str] | None = None, *, settings: dict[str, Any] | None = None,
                 fingerprints: dict[str, dict[str, Any]] | None = None) -> tuple[list[dict], list[dict]]:
    """(finished results, error results) stored in `out`, optionally only those of a run's selection."""
    out = Path(out)
    keys = {p.key for p in periods} if periods is not None else None
    finished: list[dict] = []
    errors: list[dict] = []
    root = out / "results"
    if not root.is_dir():
        return finished, errors
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if config_ids is not None and folder.name not in config_ids:
            continue
        for path in sorted(folder.glob("*.json")):
            m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2})\.(zh|en)(\.error)?\.json", path.name)
            if not m or (keys is not None and m.group(1) not in keys) or (langs is not None and m.group(2) not in langs):
                continue
            data = _read_json(path)
            if not data or data.get("schema") != RESULT_SCHEMA:
                continue
            if settings is not None and data.get("settings") != settings:
                continue
            if fingerprints is not None and data.get("config_fingerprint") != fingerprints.get(folder.name):
                continue
            (errors if m.group(3) else finished).append(data)
    return finished, errors


def _pct(num: float, den: float) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def _per(num: float, den: float, places: int = 2) -> float | None:
    return round(num / den, places) if den else None


def metrics(results: Sequence[dict[str, Any]], errors: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The scoreboard metrics of a group of results (definitions: `METRIC_DOCS`)."""
    m: dict[str, Any] = {"articles": len(results), "errors": len(errors)}
    m["passed"] = sum(r["status"] == "passed" for r in results)
    m["rejected"] = sum(r["status"] == "rejected" for r in results)
    m["rejected_pct"] = _pct(m["rejected"], len(results))

    def add_eval(prefix: str, attempts: list[dict[str, Any] | None]) -> None:
        evs = [a["eval"] for a in attempts if a and a.get("eval")]
        n = sum(e["numbers"] for e in evs)
        m[prefix + "numbers"] = n
        for k in ("supported", "unsupported", "mismatched", "unparsed"):
            m[prefix + k] = sum(e[k] for e in evs)
        m[prefix + "supported_pct"] = _pct(m[prefix + "supported"], n)
        for d in DIFF_KINDS:
            m[f"{prefix}mismatch.{d}"] = sum(a["mismatch_diffs"].get(d, 0) for a in attempts if a)

    finals = [r.get("final") for r in results]
    add_eval("", finals)
    m["unreferenced"] = sum(a["eval"].get("unreferenced", 0) for a in finals if a and a.get("eval"))
    pub = [r["final"] for r in results if r["status"] == "passed" and r.get("final") and r["final"].get("eval")]
    pn = sum(a["eval"]["numbers"] for a in pub)
    m["published_supported_pct"] = _pct(sum(a["eval"]["supported"] for a in pub), pn)
    must = sum(a["eval"]["must_say"] for a in finals if a and a.get("eval"))
    missing = sum(len(a["eval"]["must_say_missing"]) for a in finals if a and a.get("eval"))
    m["must_say"] = must
    m["must_say_covered"] = must - missing
    m["coverage_pct"] = _pct(must - missing, must)
    req = sum(a["sections"]["required"] for a in finals if a)
    present = sum(a["sections"]["present"] for a in finals if a)
    m["sections_required"] = req
    m["sections_present"] = present
    m["sections_pct"] = _pct(present, req)

    firsts = [r["attempts"][0] if r.get("attempts") else None for r in results]
    add_eval("first.", firsts)
    m["first_pass"] = sum(1 for a in firsts if a and a["passed"])
    m["first_pass_pct"] = _pct(m["first_pass"], len(results))

    failed = [a for r in results for a in r.get("attempts", []) if not a["passed"]]
    m["caught_drafts"] = len(failed)
    m["caught_problems"] = sum(sum(a["problems"].values()) for a in failed)
    for k in PROBLEM_KINDS:
        m[f"caught.{k}"] = sum(1 for a in failed if a["problems"].get(k, 0))
    m["reasks"] = sum(r.get("reasks", 0) for r in results)
    m["reasks_per_article"] = _per(m["reasks"], len(results))
    m["attempts"] = sum(len(r.get("attempts", [])) for r in results)
    m["model_calls"] = sum(r.get("model_calls", 0) for r in results)
    m["tool_calls"] = sum(r.get("tool_calls", 0) for r in results)
    m["tool_errors"] = sum(r.get("tool_errors", 0) for r in results)
    m["tokens_in"] = sum(r["tokens"]["input"] for r in results)
    m["tokens_out"] = sum(r["tokens"]["output"] for r in results)
    m["tokens_in_per_article"] = _per(m["tokens_in"], len(results), 0)
    m["tokens_out_per_article"] = _per(m["tokens_out"], len(results), 0)
    m["seconds"] = round(sum(r.get("seconds", 0.0) for r in results), 2)
    m["seconds_per_article"] = _per(m["seconds"], len(results), 3)
    return m


METRICS: tuple[tuple[str, str, str | None], ...] = (
    # (key, label, which way is better: "higher", "lower" or None)
    ("articles", "articles", None),
    ("passed", "articles passed", None),
    ("rejected", "articles rejected", "lower"),
    ("rejected_pct", "rejected %", "lower"),
    ("errors", "drafts stopped by an error", "lower"),
    ("numbers", "numbers written (final)", None),
    ("supported_pct", "supported % (final)", "higher"),
    ("published_supported_pct", "supported % (published articles)", "higher"),
    ("unsupported", "unsupported (final)", "lower"),
    ("mismatched", "mismatched (final)", "lower"),
    *((f"mismatch.{d}", f"  mismatched: {d}", "lower") for d in DIFF_KINDS),
    ("unparsed", "unparsed (final)", "lower"),
    ("coverage_pct", "must-say coverage %", "higher"),
    ("sections_pct", "sections present %", "higher"),
    ("first_pass_pct", "first draft passed %", "higher"),
    ("first.numbers", "first draft: numbers", None),
    ("first.supported_pct", "first draft: supported %", "higher"),
    ("first.unsupported", "first draft: unsupported", "lower"),
    ("first.mismatched", "first draft: mismatched", "lower"),
    *((f"first.mismatch.{d}", f"  first draft mismatched: {d}", "lower") for d in DIFF_KINDS),
    ("caught_drafts", "drafts the gate failed (caught)", "lower"),
    ("caught_problems", "problems listed by the gate", "lower"),
    *((f"caught.{k}", f"  caught drafts with problem: {k}", "lower") for k in PROBLEM_KINDS),
    ("reasks", "re-asks", "lower"),
    ("reasks_per_article", "re-asks per article", "lower"),
    ("model_calls", "model calls", "lower"),
    ("tool_errors", "tool calls that failed", "lower"),
    ("tokens_in", "tokens in", "lower"),
    ("tokens_out", "tokens out", "lower"),
    ("tokens_in_per_article", "tokens in per article", "lower"),
    ("tokens_out_per_article", "tokens out per article", "lower"),
    ("seconds", "seconds (drafting)", "lower"),
    ("seconds_per_article", "seconds per article", "lower"),
)

METRIC_DOCS: dict[str, str] = {
    "articles": "finished (configuration, period, language) drafts: passed + rejected; drafts stopped by an error are counted apart",
    "rejected": "articles whose last draft still failed the gate after the allowed re-asks (no article published)",
    "numbers": "numbers the eval extracted from the final rendered article (the rejected draft, for a rejected article)",
    "supported_pct": "supported / numbers over the final drafts of all articles, rejected ones included",
    "published_supported_pct": "the same over published (passed) articles only; the gate makes it 100% by construction",
    "unsupported": "numbers no fact speaks to (typed by the model)",
    "mismatched": "numbers a fact about the same quantity contradicts; `mismatch.<kind>` counts what differs: value, scale, direction, hedge, unit, points (one number may differ in several ways)",
    "coverage_pct": "must-say facts (headline flows) with a supported mention / must-say facts, over final drafts",
    "sections_pct": "required parts present / required (title line, every section heading incl. references, disclaimer), final drafts",
    "first_pass_pct": "articles whose first draft passed the gate with no re-ask",
    "first.*": "the same eval counts on each article's first draft, before the gate sent anything back",
    "caught_drafts": "drafts (first or after a re-ask) the gate failed; `caught.<kind>` counts failed drafts with at least one problem of that kind (number, reference, direction, section, empty)",
    "caught_problems": "problems the gate listed over all failed drafts",
    "reasks": "times the model was sent back with the list of problems",
    "tokens_in": "tokens sent to the model (the API's usage report; cl100k estimates for the offline model, as run.json says)",
    "seconds": "wall time of the drafts (a draft of several languages is split evenly between them); the suite's own wall time is wall_seconds",
}


def _group(results: Sequence[dict], errors: Sequence[dict], key: Callable[[dict], str]) -> dict[str, dict[str, Any]]:
    out: dict[str, tuple[list, list]] = {}
    for r in results:
        out.setdefault(key(r), ([], []))[0].append(r)
    for e in errors:
        k = key(e)
        if k is not None:
            out.setdefault(k, ([], []))[1].append(e)
    return {k: metrics(rs, es) for k, (rs, es) in out.items()}


def _kind_of(r: dict) -> str:
    return r.get("period", {}).get("kind") or "unknown"


def build_scoreboard(results: Sequence[dict], errors: Sequence[dict], meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The scoreboard of stored results: totals, per configuration, per period kind, per language, and rows."""
    meta = dict(meta or {})
    cfg = lambda r: r["config"]["id"]  # noqa: E731
    configs = meta.get("configs") or sorted({r["config"]["id"]: r["config"] for r in [*results, *errors]}.values(),
                                            key=lambda c: c["id"])
    finished = len(results)
    expected = meta.get("expected", finished + len(errors))
    periods: dict[str, dict[str, Any]] = {}
    for r in results:
        p = r["period"]
        periods.setdefault(f"{p['start']}_{p['end']}", {"start": p["start"], "end": p["end"], "kind": p.get("kind"),
                                                        "scenario": p.get("scenario"), "broad_flow": p.get("broad_flow")})
    kinds = Counter(p["kind"] for p in periods.values())
    scenarios = Counter(p["scenario"] for p in periods.values())
    board = {
        "schema": BOARD_SCHEMA,
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "complete": finished >= expected and not meta.get("interrupted"),
        "interrupted": bool(meta.get("interrupted")),
        "finished": finished,
        "expected": expected,
        "failed": len(errors),
        "pending": max(0, expected - finished - len(errors)),
        **{k: v for k, v in meta.items() if k not in ("configs", "interrupted", "expected")},
        "configs": configs,
        "period_kinds": {k: kinds.get(k, 0) for k in KINDS if kinds.get(k)},
        "scenarios": dict(sorted(scenarios.items())),
        "totals": metrics(results, errors),
        "by_config": _group(results, errors, cfg),
        "by_kind": _group(results, [], _kind_of),
        "by_lang": _group(results, errors, lambda r: r["lang"]),
        "by_config_kind": {c: _group([r for r in results if cfg(r) == c], [], _kind_of)
                           for c in sorted({cfg(r) for r in results})},
        "metric_docs": METRIC_DOCS,
        "articles": [_row(r) for r in sorted(results, key=lambda r: (cfg(r), r["period"]["start"], r["lang"]))],
        "rejected": [_row(r, problems=True) for r in results if r["status"] == "rejected"],
        "errors": [{"config": cfg(e), "start": e["period"]["start"], "end": e["period"]["end"], "lang": e["lang"],
                    "error": e.get("error")} for e in errors],
        "caught_examples": _caught_examples(results),
    }
    return board


def _row(r: dict, *, problems: bool = False) -> dict[str, Any]:
    first = r["attempts"][0] if r.get("attempts") else {}
    final = r.get("final") or {}
    fe, le = first.get("eval") or {}, final.get("eval") or {}
    row = {"config": r["config"]["id"], "start": r["period"]["start"], "end": r["period"]["end"], "lang": r["lang"],
           "kind": _kind_of(r), "scenario": r["period"].get("scenario"), "status": r["status"], "reasks": r.get("reasks", 0),
           "first_passed": bool(first.get("passed")), "first_problems": {k: v for k, v in (first.get("problems") or {}).items() if v},
           "numbers": le.get("numbers", 0), "supported": le.get("supported", 0),
           "first_unsupported": fe.get("unsupported", 0), "first_mismatched": fe.get("mismatched", 0),
           "tokens_in": r["tokens"]["input"], "tokens_out": r["tokens"]["output"], "seconds": r.get("seconds", 0.0),
           "article": r.get("article")}
    if problems:
        row["problems"] = final.get("problem_list", [])[:10]
    return row


def _caught_examples(results: Sequence[dict], limit: int = 30) -> list[dict[str, Any]]:
    out = []
    for r in results:
        for a in r.get("attempts", []):
            if a["passed"]:
                continue
            for p in a.get("problem_list", [])[:3]:
                out.append({"config": r["config"]["id"], "start": r["period"]["start"], "lang": r["lang"],
                            "attempt": a["attempt"], **p})
                if len(out) >= limit:
                    return out
    return out


# --- writing ------------------------------------------------------------------------------------


def _fmt(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        if math.isfinite(v) and v == int(v) and abs(v) >= 1000:
            return f"{int(v):,}"
        return f"{v:,.2f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    def cell(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def scoreboard_markdown(board: dict[str, Any]) -> str:
    """The scoreboard as Markdown."""
    cfgs = list(board["by_config"])
    lines = ["# Eval suite scoreboard", ""]
    if board.get("interrupted"):
        lines.append(f"**INTERRUPTED** — {board['finished']} of {board['expected']} articles finished; rerun the same command to resume.")
    elif not board.get("complete"):
        lines.append(f"**INCOMPLETE** — {board['finished']} of {board['expected']} articles finished"
                     + (f"; {board['failed']} stopped with an error (retried on the next run)." if board.get("failed") else "."))
    else:
        lines.append(f"Complete: {board['finished']} of {board['expected']} articles.")
    st = board.get("settings") or {}
    ds = st.get("dataset") or {}
    per = board.get("periods") or {}
    lines += [
        "",
        f"- data: {ds.get('name', '?')} (hash {str(ds.get('hash', '?'))[:12]}), price {st.get('price', '?')}, "
        f"max re-asks {st.get('max_retries', '?')}, charts {'on' if st.get('charts', True) else 'off'}",
        f"- periods: {per.get('count', '?')} ({per.get('first', '?')} .. {per.get('last', '?')}), every {board.get('every', 'week')}; "
        "kinds: " + ", ".join(f"{k} {n}" for k, n in board.get("period_kinds", {}).items()),
        "- writing branches exercised (composer scenarios): " + ", ".join(f"{k} {n}" for k, n in board.get("scenarios", {}).items()),
        f"- languages: {', '.join(board.get('langs') or [])}; this run drafted {board.get('drafted_this_run', 0)}, "
        f"resumed {board.get('resumed', 0)}, wall {_fmt(board.get('wall_seconds'))} s, jobs {board.get('jobs', 1)}",
        "- configurations: " + "; ".join(f"`{c['id']}` ({c.get('provider', '')})" for c in board.get("configs", [])),
        "",
        "## Scoreboard",
        "",
    ]
    header = ["metric", *cfgs] + (["all"] if len(cfgs) > 1 else [])
    rows = []
    for key, label, _better in METRICS:
        vals = [board["by_config"][c].get(key) for c in cfgs]
        if len(cfgs) > 1:
            vals.append(board["totals"].get(key))
        rows.append([label, *(_fmt(v) for v in vals)])
    lines += [_md_table(header, rows), ""]
    kinds = [k for k in KINDS if k in board["by_kind"]] + [k for k in board["by_kind"] if k not in KINDS]
    if kinds:
        lines += ["## By period kind", ""]
        head = ["configuration", "kind", "articles", "supported %", "first draft supported %", "first passed %",
                "caught drafts", "re-asks", "rejected", "coverage %", "sections %"]
        rows = []
        for c in cfgs:
            for k in kinds:
                m = board["by_config_kind"].get(c, {}).get(k)
                if m:
                    rows.append([c, k, *(_fmt(m[x]) for x in ("articles", "supported_pct", "first.supported_pct", "first_pass_pct",
                                                                 "caught_drafts", "reasks", "rejected", "coverage_pct", "sections_pct"))])
        lines += [_md_table(head, rows), ""]
    if board["by_lang"]:
        lines += ["## By language", ""]
        head = ["language", "articles", "supported %", "first draft supported %", "caught drafts", "re-asks", "rejected",
                "tokens in / article", "tokens out / article"]
        rows = [[lang, *(_fmt(m[x]) for x in ("articles", "supported_pct", "first.supported_pct", "caught_drafts", "reasks",
                                               "rejected", "tokens_in_per_article", "tokens_out_per_article"))]
                for lang, m in board["by_lang"].items()]
        lines += [_md_table(head, rows), ""]
    if board["rejected"]:
        lines += ["## Rejected articles", ""]
        for r in board["rejected"]:
            probs = "; ".join(f"{p['kind']}: {p['span']!r}" for p in r.get("problems", [])[:3])
            lines.append(f"- `{r['config']}` {r['start']}..{r['end']} {r['lang']} ({r['kind']}): {probs} — {r['article']}")
        lines.append("")
    if board["errors"]:
        lines += ["## Errors (retried on the next run)", ""]
        lines += [f"- `{e['config']}` {e['start']}..{e['end']} {e['lang']}: {e['error']}" for e in board["errors"]]
        lines.append("")
    if board["caught_examples"]:
        lines += ["## What the gate caught (examples)", ""]
        for e in board["caught_examples"][:15]:
            lines.append(f"- `{e['config']}` {e['start']} {e['lang']} draft {e['attempt']}: {e['kind']} `{e['span'][:80]}` — {e['message'][:140]}")
        lines.append("")
    lines += ["## Definitions", ""]
    lines += [f"- **{k}**: {v}" for k, v in METRIC_DOCS.items()]
    lines += ["- **period kinds**: record_outflow / record_inflow = the largest broad-based ETF outflow / inflow of all "
              f"comparable periods so far (at least {RECORD_MIN_PERIODS}); quiet = broad flow smaller than the median of its "
              "history; otherwise outflow / inflow by the sign of the broad flow.", ""]
    return "\n".join(lines)


def write_scoreboard(board: dict[str, Any], out: Path | str) -> dict[str, Path]:
    """scoreboard.json, scoreboard.md and scoreboard.html in `out`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "scoreboard.json", "md": out / "scoreboard.md", "html": out / "scoreboard.html"}
    _write_json_atomic(paths["json"], board)
    paths["md"].write_text(scoreboard_markdown(board), encoding="utf-8")
    from .scoreboard_html import scoreboard_html

    paths["html"].write_text(scoreboard_html(board), encoding="utf-8")
    return paths


# --- compare ------------------------------------------------------------------------------------


def load_board(path: Path | str) -> dict[str, Any]:
    """A scoreboard JSON (a file, or a folder holding scoreboard.json)."""
    p = Path(path)
    if p.is_dir():
        p = p / "scoreboard.json"
    data = _read_json(p)
    if not data or data.get("schema") != BOARD_SCHEMA:
        raise SuiteError(f"{path}: not a scoreboard JSON ({BOARD_SCHEMA})")
    return data


def pick_metrics(ref: str, board: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """(name, metrics) for a ``--compare`` side.

    `ref` is a scoreboard file or folder (its only configuration, else its totals), ``FILE#CONFIG``
    (one configuration of that board), or a configuration of `board`: its id
    (``offline@2026.01.1``) or its model part when that is unambiguous (``offline``, ``scripted:sloppy``).
    """
    path, _, cid = ref.partition("#")
    if Path(path).exists():
        b = load_board(path)
        if cid:
            if cid not in b["by_config"]:
                raise SuiteError(f"{ref}: no configuration {cid!r} (it has {', '.join(b['by_config'])})")
            return ref, b["by_config"][cid]
        if len(b["by_config"]) == 1:
            only = next(iter(b["by_config"]))
            return f"{path} ({only})", b["by_config"][only]
        return f"{path} (all)", b["totals"]
    if board is None:
        raise SuiteError(f"{ref}: no such scoreboard file")
    found = _match_config(ref, list(board["by_config"]))
    return found, board["by_config"][found]


def _match_config(ref: str, ids: list[str]) -> str:
    if ref in ids:
        return ref
    slug = _slug(ref.replace(":", "-"))
    hits = [i for i in ids if i.split("@")[0] in (ref, slug) or i == slug]
    if len(hits) == 1:
        return hits[0]
    raise SuiteError(f"{ref!r}: " + ("ambiguous, " if hits else "no such configuration; ") + f"configurations: {', '.join(ids) or 'none'}")


def compare(a: dict[str, Any], b: dict[str, Any]) -> list[dict[str, Any]]:
    """Per metric: A, B, B - A and which is better (``A``, ``B``, ``=``, or ``""`` when neither way is better)."""
    rows = []
    for key, label, better in METRICS:
        va, vb = a.get(key), b.get(key)
        diff = None if va is None or vb is None else round(vb - va, 4)
        if better is None or diff is None:
            win = ""
        elif diff == 0:
            win = "="
        else:
            win = "B" if (diff > 0) == (better == "higher") else "A"
        rows.append({"metric": key, "label": label, "a": va, "b": vb, "diff": diff, "better": win, "direction": better})
    return rows


def compare_markdown(name_a: str, name_b: str, rows: list[dict[str, Any]]) -> str:
    lines = [f"# Compare: A = `{name_a}`, B = `{name_b}`", "",
             "B − A per metric; *better* says which side wins (rates are the fair comparison when article counts differ).", ""]
    body = []
    for r in rows:
        d = r["diff"]
        ds = "" if d is None else ("+" if d > 0 else "") + _fmt(d)
        win = {"A": "A", "B": "B", "=": "=", "": ""}[r["better"]]
        body.append([r["label"], _fmt(r["a"]), _fmt(r["b"]), ds, win])
    lines += [_md_table(["metric", "A", "B", "B − A", "better"], body), ""]
    wins = Counter(r["better"] for r in rows if r["better"] in ("A", "B"))
    lines.append(f"A better on {wins.get('A', 0)} metric(s), B better on {wins.get('B', 0)}.")
    return "\n".join(lines) + "\n"
