"""Shared pieces for the agent, registry, draft and fake-server tests (offline only)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from etfwriter.tools import compute_facts, resolve_period
from etfwriter.tools.synthetic import synthetic_dataset

WEEK = dt.date(2024, 12, 2)
"""A week inside the synthetic market (2024-01-02 plus 300 weekdays)."""


def _letters(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


@lru_cache(maxsize=1)
def dataset():
    """The synthetic market, with fund names free of digits (a name like "TEST ETF 143" would read as a number)."""
    ds = synthetic_dataset(200, 300)
    uni = ds.universe.copy()
    uni["name_zh"] = [f"测试ETF{_letters(i)}" for i in range(len(uni))]
    uni["name_en"] = [f"TEST ETF {_letters(i)}" for i in range(len(uni))]
    ds.universe = uni.astype("string")
    return ds


@lru_cache(maxsize=1)
def week_facts():
    ds = dataset()
    s, e = resolve_period(ds, week=WEEK)
    return compute_facts(ds, s, e, "nav")


def write_dataset_folder(folder: Path, ds=None) -> Path:
    """Write a dataset as a folder `load_dataset` reads: universe.csv, panel.csv, indices.csv."""
    ds = ds or dataset()
    folder.mkdir(parents=True, exist_ok=True)
    ds.universe.to_csv(folder / "universe.csv", index=False)
    panel = ds.panel[["date", "code", "shares", "nav", "close", "amount", "volume"]].sort_values(["date", "code"]).copy()
    panel["date"] = panel["date"].dt.strftime("%Y-%m-%d")
    panel["code"] = panel["code"].astype(str)
    panel.to_csv(folder / "panel.csv", index=False)
    idx = ds.indices.copy()
    idx["date"] = idx["date"].dt.strftime("%Y-%m-%d")
    idx.to_csv(folder / "indices.csv", index=False)
    return folder


def outflow_fact_id(facts) -> str:
    """A category flow that is a net outflow (for direction-flip tests)."""
    for f in facts.facts:
        if f.id.startswith("flow.category.") and f.direction == "outflow":
            return f.id
    raise AssertionError("the test week has no category outflow")


def good_article(facts, lang: str) -> str:
    """A short article in reference syntax that passes the gate: title, every required heading, the method block."""
    from etfwriter.gate import required_headings

    heads, disclaimer = required_headings(lang)
    out_id = outflow_fact_id(facts)
    zh = lang == "zh"
    lines = ["# 本期ETF资金流向：全部ETF{{flow.total}}" if zh else "# ETF flows this period: a {{flow.total}}", "",
             "统计区间为{{period.start}}至{{period.end}}，共{{count.trading_days}}。" if zh
             else "The period runs from {{period.start}} to {{period.end}}, {{count.trading_days}}.", ""]
    body = (f"宽基ETF{{{{flow.category.broad}}}}，{{{{{out_id}|name}}}}{{{{{out_id}}}}}。" if zh
            else f"Broad-based ETFs saw a {{{{flow.category.broad}}}}; {{{{{out_id}|name}}}} saw a {{{{{out_id}}}}}.")
    for h in heads:
        lines += [h, "", body, ""]
    lines.append("{{section.method}}")  # the data and method section, ending with the disclaimer
    return "\n".join(lines) + "\n"
