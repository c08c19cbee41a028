"""The typed tool registry: one list of tools for the agent, OpenAI functions, MCP and scripts.

Each tool is a `ToolSpec`: a name, an English description (with the Chinese terms an article
uses), a pydantic model for its arguments, a pydantic model for its result, and a function
``fn(ctx, args) -> result``. Adapters derive everything from `REGISTRY`:

    call("top_movers", {"kind": "etf", "direction": "outflow"}, ctx)   # -> TopMovers
    langchain_tools(ctx)                                                # -> [StructuredTool, ...]
    openai_functions()                                                  # -> [{"type": "function", ...}]

Tools hand out *facts*, never tables to copy from: each fact carries its id (what an article
cites as ``{{fact.id}}``), a label and a display string in Chinese and English, and a short
provenance. Names of ETFs, managers and indices reach a model only this way, as tool results.
A tool that cannot produce what it is asked for raises `ToolError` with a message saying why;
it never returns a placeholder.

`ToolContext` holds what the tools read: the dataset, the period an article describes (the
*current period*), the price convention and the charts made for the run. Tools marked
``agent`` work on the current period; the ``embed`` tools (data range, facts of any period,
extract numbers, check an article) take a period or text as arguments.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from etfwriter.tools import CalculationError, EtfWriterError, compute_facts, resolve_period
from etfwriter.tools.facts import Bilingual, Fact, FactSet

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.tools import BaseTool

    from etfwriter.tools import Dataset

__all__ = [
    "AGENT_TOOLS",
    "ChartInfo",
    "FactOut",
    "REGISTRY",
    "ToolArgumentError",
    "ToolContext",
    "ToolError",
    "ToolSpec",
    "UnknownToolError",
    "call",
    "chart_ids",
    "fact_out",
    "get",
    "langchain_tools",
    "openai_functions",
    "to_text",
]

Category = Literal["broad", "sector_theme", "cross_border", "bond", "commodity", "money"]
_SHORT_SOURCE = 90


# --- errors -------------------------------------------------------------------------------------


class ToolError(EtfWriterError):
    """A tool could not produce what it was asked for; the message says why."""


class UnknownToolError(ToolError):
    """No tool has this name."""


class ToolArgumentError(ToolError):
    """The arguments do not fit the tool's argument model."""


# --- context ------------------------------------------------------------------------------------


class ChartInfo(BaseModel):
    """A chart made for the article, as it may embed it (``{{chart.<id>}}``)."""

    id: str
    caption: str
    """In the article's language."""
    file: str
    """Path relative to the output folder, e.g. ``charts/zh/category_flows.png``."""
    fact_ids: list[str] = Field(default_factory=list)
    """The facts the chart plots."""


@dataclass
class ToolContext:
    """What the tools read. Build it with a dataset and a period, or with a computed fact set."""

    dataset: Dataset | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    price: str = "nav"
    facts: FactSet | None = None
    """The fact set of the current period (computed on first use when not given)."""
    charts: list[ChartInfo] | Callable[[], list[ChartInfo]] = field(default_factory=list)
    """Charts made for the article being drafted (in its language), or a function that waits for them."""
    lang: str | None = None
    """When set (``zh`` or ``en``), LangChain tools show a model only that language's labels."""
    _cache: dict[tuple[dt.date, dt.date, str], FactSet] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.facts is not None:
            self.start, self.end = self.facts.period.start, self.facts.period.end
            self.price = self.facts.dataset.price_convention
            self._cache[(self.start, self.end, self.price)] = self.facts

    def current(self) -> FactSet:
        """The fact set of the current period."""
        if self.facts is None:
            if self.start is None or self.end is None:
                raise ToolError("no period is set: give a week or a start and end date")
            self.facts = self.period_facts(self.start, self.end)
        return self.facts

    def period_facts(self, start: dt.date, end: dt.date) -> FactSet:
        """Facts of any period of the dataset (cached)."""
        key = (start, end, self.price)
        if key not in self._cache:
            ds = self._need_dataset()
            s, e = resolve_period(ds, start=start, end=end)
            key = (s, e, self.price)
            if key not in self._cache:
                self._cache[key] = compute_facts(ds, s, e, self.price)
        return self._cache[key]

    def chart_list(self) -> list[ChartInfo]:
        """The charts, waiting for them when they are still being drawn."""
        if callable(self.charts):
            self.charts = list(self.charts())
        return list(self.charts)

    def _need_dataset(self) -> Dataset:
        if self.dataset is None:
            raise ToolError("this tool needs the dataset, and the context has none")
        return self.dataset


# --- result pieces ------------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FactOut(_Out):
    """One fact as a tool hands it out: cite it as ``{{id}}``."""

    id: str
    label: Bilingual
    display: Bilingual
    direction: Literal["inflow", "outflow"] | None = None
    source: str
    """Short provenance: how the figure is computed."""
    rank: int | None = None
    rule: Bilingual | None = None
    """For ratings: the rule that turns the inputs into stars."""


def _short(text: str) -> str:
    head = text.split(";")[0].strip()
    return head if len(head) <= _SHORT_SOURCE else head[: _SHORT_SOURCE - 1].rstrip() + "…"


def fact_out(f: Fact, *, rank: int | None = None, with_rule: bool = False) -> FactOut:
    """The tool view of a fact."""
    rule = None
    if with_rule and f.provenance.rule:
        rule = Bilingual(zh=f.provenance.rule, en=f.provenance.formula)
    return FactOut(
        id=f.id, label=f.label, display=f.display,
        direction=f.direction if f.direction != "none" else None,
        source=_short(f.provenance.formula), rank=rank, rule=rule,
    )


class FactList(_Out):
    """Facts of one period."""

    period: str
    facts: list[FactOut]


class DatasetOut(_Out):
    name: str
    reconstruction: bool
    """True when the data is a reconstruction (say so in the article)."""
    price_convention: str
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class PeriodSummary(FactList):
    """Headline facts of the current period, the data behind them, and what an article must say."""

    dataset: DatasetOut
    must_say: list[str]
    """Fact ids of the headline figures an article about this period should cite."""


class TopMovers(FactList):
    kind: str
    direction: str
    group: list[FactOut] = Field(default_factory=list)
    """Aggregates about the movers (top-10 combined, shares of the category flow, largest ETF-day)."""


class ChartList(_Out):
    charts: list[ChartInfo]


class DataRange(_Out):
    dataset: DatasetOut
    trading_days: int
    weeks: int
    latest_weeks: list[str]
    """Start dates (Mondays) of the most recent calendar weeks with data, newest first."""


class MentionOut(_Out):
    text: str
    start: int
    end: int
    value: str | None
    unit: str
    direction: str
    hedge: str


class Mentions(_Out):
    mentions: list[MentionOut]


class DraftOut(_Out):
    passed: bool
    period: str
    lang: str
    model: str
    markdown: str | None = None
    """The finished article (rendered, cited); absent when the draft did not pass the gate."""
    re_asks: int
    problems: list[str]
    """When it did not pass: what the gate still found (span, status, reason)."""
    eval_summary: dict[str, Any] = Field(default_factory=dict)


class CheckOut(_Out):
    passed: bool
    summary: dict[str, Any]
    problems: list[str]
    """One line per number that is not supported (span, status, reason)."""


# --- arguments ----------------------------------------------------------------------------------


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NoArgs(_Args):
    pass


class CategoryFlowsArgs(_Args):
    level: Literal["category", "family", "theme"] = Field(
        "category", description="category (宽基, 行业主题, 跨境, 债券, 商品, 货币), index family or theme")
    category: Category | None = Field(None)
    with_aum: bool = Field(False, description="Add AUM, AUM change and market effect.")


class TopMoversArgs(_Args):
    kind: Literal["etf", "theme", "family"] = Field("etf")
    direction: Literal["outflow", "inflow"] = Field("outflow")
    n: int = Field(5, ge=1, le=10)
    category: Category | None = Field(None)
    details: bool = Field(False, description="Add units change and AUM of the top three ETFs.")


class HistoryArgs(_Args):
    outflow_episodes: int | None = Field(None, ge=0, le=3, description="Default: 3 if the broad flow is an outflow, else 0.")
    inflow_episodes: int | None = Field(None, ge=0, le=3, description="Default: 3 if the broad flow is an inflow, else 0.")


class IndexArgs(_Args):
    closes: Literal["main", "all"] = Field("main", description="main: only the two headline index closes")


class DailyArgs(_Args):
    category: Literal["total", "broad", "sector_theme"] = Field("total")


class PeriodArgs(_Args):
    week: dt.date | None = Field(None, description="Any date in the calendar week (YYYY-MM-DD).")
    start: dt.date | None = Field(None, description="First day of a custom period.")
    end: dt.date | None = Field(None, description="Last day of a custom period.")


class GetFactsArgs(PeriodArgs):
    category: Category | None = Field(None, description="Facts of this category (its flows, AUM, ETFs, themes).")
    theme: str | None = Field(None, description="Facts of this theme or broad-index family key, e.g. software, csi300.")
    code: str | None = Field(None, description="Facts of one ETF by its 6-digit code.")
    prefix: str | None = Field(None, description="Only ids starting with this, e.g. 'hist.' or 'rating.'.")
    limit: int = Field(60, ge=1, le=500)


class RangeArgs(_Args):
    weeks: int = Field(8, ge=1, le=60, description="How many recent week starts to list.")


class TextArgs(_Args):
    text: str = Field(..., description="Article text (Markdown).")


class DraftArgs(PeriodArgs):
    lang: Literal["zh", "en"] = Field("zh", description="Language of the article (中文 or English).")
    model: str | None = Field(None, description="Model on the configured OpenAI-compatible endpoint, or 'offline'; "
                              "default: the configured one, else the built-in offline model.")
    max_retries: int = Field(2, ge=0, le=5, description="Re-asks after a draft fails the check.")


class CheckArgs(PeriodArgs):
    text: str = Field(..., description="Article text: rendered Markdown, or reference syntax ({{fact.id}}) to render first.")
    lang: Literal["zh", "en"] = "zh"


# --- the spec -----------------------------------------------------------------------------------

A = TypeVar("A", bound=BaseModel)
R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class ToolSpec(Generic[A, R]):
    """One tool: everything an adapter needs."""

    name: str
    description: str
    args_model: type[A]
    result_model: type[R]
    fn: Callable[[ToolContext, A], R]
    audience: frozenset[str] = frozenset({"agent", "embed"})

    def parameters_schema(self) -> dict[str, Any]:
        """JSON schema of the arguments (OpenAI ``parameters``, MCP ``input_schema``), kept compact:
        no titles, and an optional field is its type with ``default: null`` instead of ``anyOf [.., null]``."""
        schema = self.args_model.model_json_schema()
        schema.pop("title", None)
        for prop in schema.get("properties", {}).values():
            prop.pop("title", None)
            options = prop.get("anyOf")
            if options and len(options) == 2 and {"type": "null"} in options:
                prop.pop("anyOf")
                prop.update(next(o for o in options if o != {"type": "null"}))
        return schema

    def __call__(self, ctx: ToolContext, args: dict[str, Any] | A | None = None) -> R:
        if not isinstance(args, self.args_model):
            try:
                args = self.args_model.model_validate(args or {})
            except ValidationError as exc:
                raise ToolArgumentError(f"{self.name}: {_validation_text(exc)}") from None
        try:
            return self.fn(ctx, args)
        except ToolError:
            raise
        except CalculationError as exc:
            raise ToolError(f"{self.name}: {exc}") from exc


def _validation_text(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "arguments"
        parts.append(f"{loc}: {e['msg']}")
    return "; ".join(parts)


# --- tool functions -----------------------------------------------------------------------------


def _period_text(fs: FactSet) -> str:
    return f"{fs.period.start.isoformat()}..{fs.period.end.isoformat()}"


def _pick(fs: FactSet, ids: Iterable[str], *, required: bool = False, what: str = "") -> list[FactOut]:
    by = fs.by_id()
    out = []
    for fid in ids:
        f = by.get(fid)
        if f is None:
            if required:
                raise ToolError(f"{what or fid} cannot be computed for {_period_text(fs)}: fact {fid} is missing")
            continue
        out.append(fact_out(f))
    return out


def _dataset_out(fs: FactSet) -> DatasetOut:
    d = fs.dataset
    return DatasetOut(name=d.name, reconstruction=d.reconstruction, price_convention=d.price_convention,
                      first_date=d.first_date, last_date=d.last_date)


_SUMMARY_IDS = (
    "period.start", "period.end", "count.trading_days", "flow.total", "flow.stock", "flow.stock_plus_cross_border",
    "flow.category.broad", "flow.category.sector_theme", "count.etfs", "count.etfs_in", "count.etfs_out",
    "count.etfs_out_over_100yi", "aum.total.end", "aum_change.total", "market_effect.total",
    "ratio.broad_out_to_theme_in", "ratio.broad_in_to_theme_out",
)


def _period_summary(ctx: ToolContext, _: NoArgs) -> PeriodSummary:
    fs = ctx.current()
    facts = _pick(fs, ("period.start", "period.end", "count.trading_days", "flow.total"), required=True, what="the period summary")
    facts += _pick(fs, _SUMMARY_IDS[4:])
    seen = {f.id for f in facts}
    must = [f.id for f in fs.facts if f.must_say]
    facts += [fact_out(f) for f in fs.facts if f.must_say and f.id not in seen]
    return PeriodSummary(period=_period_text(fs), facts=facts, dataset=_dataset_out(fs), must_say=must)


def _category_flows(ctx: ToolContext, a: CategoryFlowsArgs) -> FactList:
    fs = ctx.current()
    if a.level == "category":
        cats = [f.id.split(".")[-1] for f in fs.facts if f.id.startswith("flow.category.")]
        if a.category:
            cats = [c for c in cats if c == a.category]
        if not cats:
            raise ToolError(f"no {a.category or 'category'} flows in {_period_text(fs)}")
        ids = [f"flow.category.{c}" for c in cats]
        if a.with_aum:
            for c in cats:
                ids += [f"aum.category.{c}.end", f"aum_change.category.{c}", f"market_effect.category.{c}"]
        return FactList(period=_period_text(fs), facts=_pick(fs, ids))
    if a.level == "family":
        rows = [f for f in fs.facts if f.id.startswith("flow.family.")]
        shares = [f for f in fs.facts if f.id.startswith("share.family.")]
        if not rows:
            raise ToolError(f"no broad-index family flows in {_period_text(fs)} (the data has no broad-based ETFs)")
        rows.sort(key=lambda f: f.number)
        return FactList(period=_period_text(fs), facts=[fact_out(f) for f in rows + shares])
    rows = [f for f in fs.facts if f.id.startswith("flow.theme.") and (a.category is None or a.category in f.tags)]
    if not rows:
        raise ToolError(f"no theme flows{' for ' + a.category if a.category else ''} in {_period_text(fs)}")
    rows.sort(key=lambda f: f.number)
    return FactList(period=_period_text(fs), facts=[fact_out(f) for f in rows])


def _top_movers(ctx: ToolContext, a: TopMoversArgs) -> TopMovers:
    fs = ctx.current()
    sign = -1 if a.direction == "outflow" else 1
    prefix = {"etf": "flow.etf.", "theme": "flow.theme.", "family": "flow.family."}[a.kind]
    pool = [f for f in fs.facts if f.id.startswith(prefix) and f.number * sign > 0]
    if a.category:
        pool = [f for f in pool if a.category in f.tags]
    if a.kind == "family" and a.category not in (None, "broad"):
        pool = []
    if not pool:
        what = {"etf": "ETFs", "theme": "themes", "family": "broad-index families"}[a.kind]
        raise ToolError(f"no {what}{' of ' + a.category if a.category else ''} with a net {a.direction} in {_period_text(fs)}")
    pool.sort(key=lambda f: abs(f.number), reverse=True)
    movers = [fact_out(f, rank=k) for k, f in enumerate(pool[: a.n], 1)]
    group: list[FactOut] = []
    if a.kind == "etf":
        by = fs.by_id()
        extra = ["flow.etf_day.max_out", "flow.etf_day.max_out.date"] if sign < 0 else ["flow.etf_day.max_in", "flow.etf_day.max_in.date"]
        if sign < 0 and a.category in (None, "broad"):
            extra = ["flow.group.top10_broad_out", "share.top10_of_broad"] + extra
        listed = {m.id.split(".")[-1] for m in movers}
        extra += [f.id for f in fs.facts if f.id.startswith("share.etf.") and f.id.split(".")[2] in listed]
        group = _pick(fs, extra)
        for m in movers[:3] if a.details else []:
            code = m.id.split(".")[-1]
            group += _pick(fs, [f"shares_change.etf.{code}", f"aum.etf.{code}.end"]) if f"shares_change.etf.{code}" in by else []
    return TopMovers(period=_period_text(fs), facts=movers, kind=a.kind, direction=a.direction, group=group)


def _ratings(ctx: ToolContext, _: NoArgs) -> FactList:
    fs = ctx.current()
    rows = [fact_out(f, with_rule=True) for f in fs.facts if f.id.startswith("rating.")]
    if not rows:
        raise ToolError(f"ratings cannot be computed for {_period_text(fs)}: they need both broad-based and "
                        "sector/theme ETFs in the data")
    return FactList(period=_period_text(fs), facts=rows)


def _flow_side(fact: Fact | None) -> str | None:
    """"out" or "in" for a non-zero numeric flow, else None."""
    if fact is None or isinstance(fact.value, str) or fact.value == 0:
        return None
    return "out" if fact.value < 0 else "in"


def _history_wanted(fid: str, a: HistoryArgs, by: dict[str, Fact]) -> bool:
    """Ranks and previous extremes only in the direction of their flow (an outflow's rank among
    inflows says nothing); episodes as asked, by default those in the direction of the broad flow."""
    parts = fid.split(".")
    kind = next((p for p in parts[1:] if p in ("rank_in", "rank_out", "prev_max_in", "prev_max_out")), None)
    if kind is not None:
        if kind.startswith("rank") and parts[1] == "category" and parts[2] not in ("broad", "sector_theme"):
            return False
        side = _flow_side(by.get("flow.total" if parts[1] == "total" else f"flow.category.{parts[2]}"))
        return side is None or kind.endswith("_" + side)
    if parts[1] == "episode":
        side = _flow_side(by.get("flow.category.broad")) or "in"
        asked = a.outflow_episodes if parts[2] == "out" else a.inflow_episodes
        limit = asked if asked is not None else (3 if parts[2] == side else 0)
        return int(parts[3]) <= limit
    return True


def _history(ctx: ToolContext, a: HistoryArgs) -> FactList:
    fs = ctx.current()
    by = fs.by_id()
    keep = [f for f in fs.facts if f.id.startswith("hist.") and _history_wanted(f.id, a, by)]
    if not keep:
        raise ToolError(f"no history to compare {_period_text(fs)} with: the data has no earlier periods")
    return FactList(period=_period_text(fs), facts=[fact_out(f) for f in keep])


def _index_moves(ctx: ToolContext, a: IndexArgs) -> FactList:
    fs = ctx.current()
    main = ("index.sse_composite.close", "index.csi300.close")
    rows = [fact_out(f) for f in fs.facts if f.id.startswith("index.")
            and (a.closes == "all" or not f.id.endswith(".close") or f.id in main)]
    if not rows:
        raise ToolError(f"no index closes in the data for {_period_text(fs)} (the dataset has no indices file)")
    return FactList(period=_period_text(fs), facts=rows)


def _daily_flows(ctx: ToolContext, a: DailyArgs) -> FactList:
    fs = ctx.current()
    rows = [fact_out(f) for f in fs.facts if f.id.startswith(f"flow.daily.{a.category}.")]
    if not rows:
        raise ToolError(f"no daily {a.category} flows in {_period_text(fs)}")
    return FactList(period=_period_text(fs), facts=rows)


def _charts(ctx: ToolContext, _: NoArgs) -> ChartList:
    return ChartList(charts=ctx.chart_list())


def _data_range(ctx: ToolContext, a: RangeArgs) -> DataRange:
    ds = ctx._need_dataset()
    cal = ds.calendar
    mondays = sorted({(d.date() - dt.timedelta(days=d.weekday())) for d in cal}, reverse=True)
    d = DatasetOut(name=ds.name, reconstruction=ds.reconstruction, price_convention=ctx.price,
                   first_date=ds.first_date, last_date=ds.last_date)
    return DataRange(dataset=d, trading_days=len(cal), weeks=len(mondays), latest_weeks=[m.isoformat() for m in mondays[: a.weeks]])


def _resolve(ctx: ToolContext, a: PeriodArgs) -> FactSet:
    if a.week is None and a.start is None and a.end is None:
        return ctx.current()
    ds = ctx._need_dataset()
    s, e = resolve_period(ds, a.week, a.start, a.end)
    return ctx.period_facts(s, e)


def _get_facts(ctx: ToolContext, a: GetFactsArgs) -> FactList:
    fs = _resolve(ctx, a)
    rows = fs.facts
    if a.prefix:
        rows = [f for f in rows if f.id.startswith(a.prefix)]
    if a.code:
        rows = [f for f in rows if f.id.split(".")[2:3] == [a.code] or f"etf:{a.code}" in f.tags]
    if a.category:
        members = {f.id.split(".")[2] for f in fs.facts if f.id.startswith("flow.etf.") and a.category in f.tags}
        themes = {f.id.split(".")[2] for f in fs.facts if f.id.startswith(("flow.theme.", "flow.family.")) and a.category in f.tags}
        rows = [f for f in rows if f".category.{a.category}" in f.id or a.category in f.tags
                or (f.id.count(".") >= 2 and f.id.split(".")[2] in members | themes)]
    if a.theme:
        rows = [f for f in rows if f.id.split(".")[2:3] == [a.theme] or f.id.startswith((f"share.family.{a.theme}.",))]
    if not rows:
        raise ToolError(f"no facts match these filters in {_period_text(fs)}")
    return FactList(period=_period_text(fs), facts=[fact_out(f) for f in rows[: a.limit]])


def _extract_numbers(ctx: ToolContext, a: TextArgs) -> Mentions:
    from etfwriter.evals.extract import extract

    out = []
    for m in extract(a.text):
        value = None if m.value is None else (m.value if isinstance(m.value, str) else format(m.value, "f"))
        out.append(MentionOut(text=m.text, start=m.start, end=m.end, value=value, unit=m.unit, direction=m.direction, hedge=m.hedge))
    return Mentions(mentions=out)


def _draft_article(ctx: ToolContext, a: DraftArgs) -> DraftOut:
    from etfwriter.agent import ModelConfig, make_model, run_agent

    fs = _resolve(ctx, a)
    try:
        config = ModelConfig(model=a.model)
        sub = ToolContext(dataset=ctx.dataset, facts=fs)
        run = run_agent(make_model(config, fs), sub, a.lang, max_retries=a.max_retries, config=config)
    except ToolError:
        raise
    except EtfWriterError as exc:
        raise ToolError(f"draft_article: {exc}") from exc
    review = run.review
    passed = run.passed
    return DraftOut(
        passed=passed, period=_period_text(fs), lang=a.lang, model=config.describe()["model"],
        markdown=review.rendered.markdown if passed and review is not None else None, re_asks=run.retries,
        problems=[] if passed or review is None else [p.text() for p in review.problems],
        eval_summary=review.eval_summary if review is not None else {},
    )


def _check_article(ctx: ToolContext, a: CheckArgs) -> CheckOut:
    from etfwriter import gate

    fs = _resolve(ctx, a)
    review = gate.review(a.text, fs, a.lang, require_sections=False)
    return CheckOut(passed=review.passed, summary=review.eval_summary, problems=[p.text() for p in review.problems])


# --- the registry -------------------------------------------------------------------------------

_AGENT = frozenset({"agent", "embed"})
_EMBED = frozenset({"embed"})

REGISTRY: list[ToolSpec] = [
    ToolSpec(
        "period_summary",
        "Headline facts (本期概况): dates, trading days, net flows of all, broad-based and sector/theme ETFs, funds with "
        "inflows/outflows, total AUM, the dataset, and must_say (ids an article should cite).",
        NoArgs, PeriodSummary, _period_summary, _AGENT,
    ),
    ToolSpec(
        "category_flows",
        "Net flows (净流入) by category, broad-index family (with shares of the broad flow) or sector/theme group, from "
        "outflow to inflow.",
        CategoryFlowsArgs, FactList, _category_flows, _AGENT,
    ),
    ToolSpec(
        "top_movers",
        "Largest net outflows or inflows (资金进出居前), ranked: single ETFs, themes or broad-index families. For ETFs also the "
        "top-10 broad outflow combined and its share, and the largest single-day flow.",
        TopMoversArgs, TopMovers, _top_movers, _AGENT,
    ),
    ToolSpec(
        "ratings",
        "Signal ratings (信号强度, stars) with their rules: risk appetite, sector rotation, small caps, valuation divergence, "
        "bottom signal.",
        NoArgs, FactList, _ratings, _AGENT,
    ),
    ToolSpec(
        "history",
        "This period's flows against comparable periods in the data (历史比较): rank, percentile, previous largest broad-based "
        "outflow and inflow, past episodes and the CSI 300 after each.",
        HistoryArgs, FactList, _history, _AGENT,
    ),
    ToolSpec(
        "index_moves",
        "Closes and period changes (涨跌幅) of the main A-share indices, and up streaks.",
        IndexArgs, FactList, _index_moves, _AGENT,
    ),
    ToolSpec(
        "daily_flows",
        "Net flows (每日净流入) day by day within the period.",
        DailyArgs, FactList, _daily_flows, _AGENT,
    ),
    ToolSpec(
        "charts",
        "Charts made for this article (图表): id, caption, facts plotted. Embed with {{chart.<id>}} on its own line.",
        NoArgs, ChartList, _charts, _AGENT,
    ),
    ToolSpec(
        "data_range",
        "What data is available (数据范围): dataset name, whether it is a reconstruction, first and last trading day, "
        "number of trading days and calendar weeks, and the most recent week starts.",
        RangeArgs, DataRange, _data_range, _EMBED,
    ),
    ToolSpec(
        "get_facts",
        "Facts of any period (a week, or start and end), filtered by category (分类), theme or index family (主题), "
        "ETF code (代码) or id prefix. Without a period: the current period.",
        GetFactsArgs, FactList, _get_facts, _EMBED,
    ),
    ToolSpec(
        "extract_numbers",
        "Every number written in a text (数字抽取) with its span, exact value, unit, direction (净流入/净流出) and hedge (约/超/近).",
        TextArgs, Mentions, _extract_numbers, _EMBED,
    ),
    ToolSpec(
        "draft_article",
        "Draft the weekly article (ETF资金周报) of a period in Chinese or English with the configured model or the "
        "built-in offline model; every number is rendered from facts and checked before it is returned. Returns the "
        "cited Markdown only when it passes; otherwise what is still wrong.",
        DraftArgs, DraftOut, _draft_article, _EMBED,
    ),
    ToolSpec(
        "check_article",
        "Check an article against the facts of a period (核对): every number must be supported by a computed fact. "
        "Reference syntax ({{fact.id}}) is rendered first. Returns pass/fail, the eval summary and one line per problem.",
        CheckArgs, CheckOut, _check_article, _EMBED,
    ),
]

AGENT_TOOLS: tuple[str, ...] = tuple(s.name for s in REGISTRY if "agent" in s.audience)
_BY_NAME = {s.name: s for s in REGISTRY}


def get(name: str) -> ToolSpec:
    """The spec of a tool by name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UnknownToolError(f"unknown tool {name!r}; available: {', '.join(_BY_NAME)}") from None


def call(name: str, args: dict[str, Any] | None, ctx: ToolContext) -> BaseModel:
    """Validate `args` with the tool's argument model, run it, return its result model."""
    return get(name)(ctx, args)


_DRAFTING_DROP = frozenset({"source", "direction"})


def _drafting_view(data: Any, lang: str) -> Any:
    if isinstance(data, dict):
        if set(data) == {"zh", "en"}:
            return data[lang]
        return {k: _drafting_view(v, lang) for k, v in data.items() if k not in _DRAFTING_DROP}
    if isinstance(data, list):
        return [_drafting_view(v, lang) for v in data]
    return data


_FLOW_LABEL_END = ("净流入", " net flow")


def _fact_line(f: dict[str, Any]) -> str:
    label = f.get("label", "")
    for end in _FLOW_LABEL_END:  # "软件ETF净流入" -> "软件ETF": the display already says 净流入/净流出
        if label.endswith(end) and f["id"].startswith("flow."):
            label = label[: -len(end)].rstrip("：: ")
    line = f"{f['id']} = {f.get('display', '')} | {label}"
    if "rank" in f:
        line = f"#{f['rank']} " + line
    if "rule" in f:
        line += f"\n  rule: {f['rule']}"
    return line


def _is_fact(x: Any) -> bool:
    return isinstance(x, dict) and "id" in x and "display" in x


def _drafting_text(data: dict[str, Any]) -> str:
    """A one-language result as lines: ``id = display | label`` per fact, ``key: value`` for the rest."""
    head: list[str] = []
    body: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(_is_fact(v) for v in value):
            if key != "facts":
                body.append(f"{key}:")
            body += [_fact_line(v) for v in value]
        elif key == "charts" and isinstance(value, list):
            body += [f"chart.{c['id']}: {c.get('caption', '')}" for c in value] or ["(no charts)"]
        elif isinstance(value, list):
            body.append(f"{key}: " + (", ".join(str(v) for v in value) if value else "(none)"))
        elif isinstance(value, dict):
            body.append(f"{key}: " + "; ".join(f"{k}={json.dumps(v, ensure_ascii=False) if isinstance(v, bool) else v}"
                                               for k, v in value.items()))
        else:
            head.append(f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, bool) else value}")
    return "\n".join(([" ; ".join(head)] if head else []) + body)


_CHART_LINE = re.compile(r"^chart\.([\w.-]+):", re.M)


def chart_ids(result_text: str) -> list[str]:
    """The chart ids a ``charts`` tool result lists (drafting lines or JSON); [] for any other result."""
    if result_text.lstrip().startswith("{"):
        try:
            return [str(c["id"]) for c in json.loads(result_text).get("charts", [])]
        except (ValueError, TypeError, KeyError, AttributeError):
            return []
    return _CHART_LINE.findall(result_text)


def to_text(result: BaseModel, lang: str | None = None) -> str:
    """A result as a model reads it: compact JSON (non-ASCII kept, nulls dropped), or the drafting view.

    With `lang` (the drafting view, what the drafting agent reads) every ``{zh, en}`` pair is
    reduced to that language and the result is written as lines, one fact per line::

        flow.category.broad = 净流出2126.17亿元 | 宽基ETF
        #1 flow.theme.software = 净流入114.43亿元 | 软件ETF
        rating.small_cap = ★★★★★ | 小盘风格偏好信号强度
          rule: ...
        chart.category_flows: 图：本期各类ETF资金净流入（亿元）

    A flow's label loses its "净流入" / "net flow" ending (the display says which way it went) and
    only `period_summary` states the period. `source` and `direction` are left out: the display string already says 净流入/净流出, and
    provenance formulas mention counts ("sum of the 77 ETFs") that are not facts a draft may
    cite. Rating rules stay. This is about a third of what the JSON of both languages costs.
    """
    data = result.model_dump(mode="json", exclude_none=True)
    if lang is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if not isinstance(result, PeriodSummary):
        data.pop("period", None)  # said once, by period_summary
    return _drafting_text(_drafting_view(data, lang))


def openai_functions(names: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """OpenAI ``tools=[...]`` entries for the named tools (default: all)."""
    specs = [get(n) for n in names] if names is not None else REGISTRY
    return [{"type": "function", "function": {"name": s.name, "description": s.description, "parameters": s.parameters_schema()}}
            for s in specs]


def langchain_tools(ctx: ToolContext, names: Sequence[str] | None = AGENT_TOOLS) -> list[BaseTool]:
    """LangChain `StructuredTool`s that run the registry tools on `ctx` and return compact JSON.

    A `ToolError` becomes an error tool message (the model reads why); bad arguments become an
    error message naming the field.
    """
    from langchain_core.tools import StructuredTool, ToolException

    def make(spec: ToolSpec) -> BaseTool:
        def run(**kwargs: Any) -> str:
            try:
                return to_text(spec(ctx, kwargs), ctx.lang)
            except ToolError as exc:
                raise ToolException(f"error: {exc}") from exc

        def bad_args(exc: Exception) -> str:
            text = _validation_text(exc) if isinstance(exc, ValidationError) else str(exc)
            return f"error: invalid arguments for {spec.name}: {text}"

        return StructuredTool.from_function(
            func=run, name=spec.name, description=spec.description, args_schema=spec.args_model,
            infer_schema=False, handle_tool_error=True, handle_validation_error=bad_args,
        )

    specs = [get(n) for n in names] if names is not None else REGISTRY
    return [make(s) for s in specs]
