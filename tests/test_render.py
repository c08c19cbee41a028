"""The reference renderer: syntax, every variant, problems with spans, footnotes and tables."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from etfwriter.render import (
    CITING_VARIANTS,
    REFERENCES_HEADING,
    VARIANTS,
    TableRow,
    flow_table,
    parse_refs,
    render,
    render_table,
)
from etfwriter.tools import display as D
from etfwriter.tools.facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance

WEEK = Period(start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 16))
DAY = Period(start=dt.date(2026, 1, 14), end=dt.date(2026, 1, 14))
EP = Period(start=dt.date(2025, 4, 7), end=dt.date(2025, 4, 11))


def _prov(formula: str = "a formula", **kw) -> Provenance:
    return Provenance(formula=formula, dataset="test-data", dataset_hash="abc", price="nav", **kw)


def _flow(fid: str, yuan: str, zh: str, en: str, period: Period = WEEK, tags=()) -> Fact:
    v = Decimal(yuan)
    dz, de = D.flow(v)
    return Fact(id=fid, label=Bilingual(zh=zh + "净流入", en=en + " net flow"), value=v, unit="CNY",
                direction="outflow" if v < 0 else "inflow", period=period, display=Bilingual(zh=dz, en=de),
                provenance=_prov("sum of flows", inputs=["flow.etf.510300"]), tags=list(tags))


def _fact(fid: str, value, unit: str, disp: tuple[str, str], label: tuple[str, str] = ("标签", "label"),
          period: Period = WEEK, **kw) -> Fact:
    return Fact(id=fid, label=Bilingual(zh=label[0], en=label[1]), value=value, unit=unit, period=period,
                display=Bilingual(zh=disp[0], en=disp[1]), provenance=kw.pop("provenance", _prov()), **kw)


@pytest.fixture(scope="module")
def facts() -> FactSet:
    fs = [
        _fact("period.start", "2026-01-12", "date", D.date(WEEK.start), ("统计区间起始日", "first day")),
        _flow("flow.category.broad", "-212617000000", "宽基ETF", "broad-based ETFs"),
        _flow("flow.category.sector_theme", "69342000000", "行业主题ETF", "sector and theme ETFs"),
        _flow("flow.etf.510300", "-47515000000", "华泰柏瑞沪深300ETF（510300）", "HUATAI-PB CSI 300 ETF (510300)", tags=["etf", "top_out:1"]),
        _flow("flow.theme.grid", "684000000", "电网设备ETF", "power-grid equipment ETFs"),
        _flow("hist.episode.out.1", "-80312000000", "历史第1大宽基净流出区间：宽基ETF", "No. 1 past outflow", period=EP),
        _flow("flow.daily.broad.2026-01-14", "-20188000000", "2026年1月14日宽基ETF", "broad on January 14", period=DAY),
        _fact("share.family.csi300.of_broad", Decimal("0.486231"), "pct", D.pct(Decimal("0.486231")),
              ("沪深300ETF占宽基ETF净流量比例", "CSI 300 share")),
        _fact("ratio.broad_out_to_theme_in", Decimal("3.066237"), "ratio", D.ratio(Decimal("3.066237")),
              ("宽基净流出与行业主题净流入之比", "ratio")),
        _fact("index.csi300.change", Decimal("-0.012318"), "pct", D.pct(Decimal("-0.012318"), 2, signed=True),
              ("沪深300指数区间涨跌幅", "CSI 300 change over the period")),
        _fact("index.csi300.close", Decimal("4720.35"), "points", D.points(Decimal("4720.35")), ("沪深300指数收盘", "CSI 300 close")),
        _fact("count.etfs_out", Decimal(186), "count", D.count(186), ("净流出ETF数量", "ETFs with a net outflow")),
        _fact("shares_change.etf.510300", Decimal("-10352000000"), "shares", D.shares(Decimal("-10352000000"), signed=True),
              ("华泰柏瑞沪深300ETF份额变动", "units change"), direction="outflow"),
        _fact("rating.risk_appetite", Decimal(4), "stars", D.stars(4), ("风险偏好转变信号强度", "risk-appetite shift signal strength"),
              provenance=Provenance(formula="Rated on the 99th percentile rule", rule="按分位数评级：分位数达到50%加1星",
                                    inputs=["broad_abs_percentile=0.9950"], dataset="test-data", dataset_hash="abc", price="nav")),
        _fact("hist.episode.out.1.csi300_after", Decimal("0.0523"), "pct", D.pct(Decimal("0.0523"), 2, signed=True),
              ("该区间后20个交易日沪深300涨跌幅", "CSI 300 change over the 20 trading days after that period"), period=EP),
    ]
    info = DatasetInfo(name="test-data", hash="abc", price_convention="nav")
    return FactSet(period=WEEK, dataset=info, facts=fs)


# --- parsing --------------------------------------------------------------------------------


def test_parse_refs_spans_variants_and_spaces():
    text = "宽基{{flow.category.broad}}，{{ flow.etf.510300 | value }}与{{flow.manager.华夏|name}}"
    refs = parse_refs(text)
    assert [(r.id, r.variant) for r in refs] == [("flow.category.broad", ""), ("flow.etf.510300", "value"), ("flow.manager.华夏", "name")]
    for r in refs:
        assert text[r.start:r.end] == r.text and r.text.startswith("{{") and r.text.endswith("}}")


def test_variant_lists_are_consistent():
    assert set(CITING_VARIANTS) <= set(VARIANTS)
    assert "" in VARIANTS and "label" not in CITING_VARIANTS and "name" not in CITING_VARIANTS


# --- variants -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_reference_writes_display_then_citation(facts, lang):
    for f in facts.facts:
        out = render("x {{" + f.id + "}} y", facts, lang, references=False)
        assert out.ok, out.errors
        assert out.markdown == f"x {getattr(f.display, lang)}[^{f.id}] y"
        assert out.used_ids == [f.id]


@pytest.mark.parametrize("lang,variant,fid,expected", [
    ("zh", "value", "share.family.csi300.of_broad", "48.6%"),
    ("en", "value", "count.etfs_out", "186 ETFs"),
    ("zh", "signed", "flow.category.broad", "-2126.17亿元"),
    ("en", "signed", "flow.category.sector_theme", "+RMB 69.34 billion"),
    ("zh", "signed", "index.csi300.change", "-1.23%"),
    ("zh", "yi", "flow.category.broad", "-2126.17"),
    ("en", "yi", "flow.category.sector_theme", "+693.42"),
    ("zh", "bn", "flow.category.broad", "-212.62"),
    ("zh", "approx", "flow.category.broad", "净流出约2126亿元"),
    ("en", "approx", "flow.theme.grid", "net inflow of about RMB 684 million"),
    ("zh", "approx", "flow.theme.grid", "净流入约6.8亿元"),
    ("zh", "over", "flow.category.broad", "净流出超2000亿元"),
    ("en", "over", "flow.category.broad", "net outflow of over RMB 200 billion"),
    ("zh", "over", "flow.etf.510300", "净流出超400亿元"),
    ("zh", "date", "flow.daily.broad.2026-01-14", "2026年1月14日"),
    ("en", "date", "hist.episode.out.1", "April 7, 2025[^hist.episode.out.1] to April 11, 2025"),
    ("zh", "cite", "flow.category.broad", ""),
    ("zh", "label", "flow.category.broad", "宽基ETF净流入"),
    ("zh", "name", "flow.etf.510300", "华泰柏瑞沪深300ETF"),
    ("en", "name", "flow.category.sector_theme", "sector and theme ETFs"),
    ("en", "Name", "flow.category.sector_theme", "Sector and theme ETFs"),
    ("zh", "name", "index.csi300.close", "沪深300指数"),
    ("en", "name", "index.csi300.change", "CSI 300"),
    ("zh", "code", "flow.etf.510300", "510300"),
    ("zh", "dir", "flow.category.broad", "净流出"),
    ("en", "dir", "flow.category.sector_theme", "inflow"),
])
def test_variants(facts, lang, variant, fid, expected):
    out = render(f"{{{{{fid}|{variant}}}}}", facts, lang, references=False)
    assert out.ok, out.errors
    cites = variant in CITING_VARIANTS
    assert out.markdown == expected + (f"[^{fid}]" if cites else "")
    assert out.used_ids == ([fid] if cites else [])


def test_value_of_flow_needs_an_agreeing_direction_word(facts):
    ok = render("宽基ETF净流出{{flow.category.broad|value}}", facts, "zh", references=False)
    assert ok.ok and ok.markdown == "宽基ETF净流出2126.17亿元[^flow.category.broad]"
    via_dir = render("宽基ETF{{flow.category.broad|dir}}{{flow.category.broad|value}}", facts, "zh", references=False)
    assert via_dir.ok, via_dir.errors
    missing = render("宽基ETF{{flow.category.broad|value}}", facts, "zh")
    assert [e.kind for e in missing.errors] == ["direction_missing"]
    conflict = render("宽基ETF净流入{{flow.category.broad|value}}", facts, "zh")
    assert [e.kind for e in conflict.errors] == ["direction_conflict"]
    en = render("a net inflow of {{flow.category.sector_theme|value}}", facts, "en")
    assert en.ok
    assert render("a gain of {{flow.category.sector_theme|value}}", facts, "en").errors[0].kind == "direction_missing"


def test_value_of_negative_non_flow_is_refused(facts):
    out = render("跌{{index.csi300.change|value}}", facts, "zh")
    assert [e.kind for e in out.errors] == ["not_applicable"]
    assert "⟦?index.csi300.change⟧" in out.markdown


@pytest.mark.parametrize("text,kind", [
    ("{{flow.category.broad|bogus}}", "bad_variant"),
    ("{{count.etfs_out|yi}}", "not_applicable"),
    ("{{ratio.broad_out_to_theme_in|dir}}", "not_applicable"),
    ("{{period.start|approx}}", "not_applicable"),
    ("{{flow.category.broad|code}}", "not_applicable"),
])
def test_inapplicable_variants(facts, text, kind):
    out = render("前 " + text + " 后", facts, "zh")
    assert [e.kind for e in out.errors] == [kind]
    e = out.errors[0]
    assert ("前 " + text + " 后")[e.start:e.end] == text


def test_unknown_id_is_an_error_with_span_never_a_blank(facts):
    text = "宽基ETF{{flow.category.braod}}，合计"
    out = render(text, facts, "zh")
    assert not out.ok
    (e,) = out.errors
    assert e.kind == "unknown_id" and e.id == "flow.category.braod"
    assert text[e.start:e.end] == "{{flow.category.braod}}"
    assert "flow.category.broad" in e.suggestions
    assert "⟦?flow.category.braod⟧" in out.markdown
    assert out.used_ids == []


def test_malformed_and_hand_written_citations(facts):
    text = "A {{flow.category.broad B {{ }} C [^flow.category.broad] D }} E"
    out = render(text, facts, "zh")
    kinds = [e.kind for e in out.errors]
    assert "raw_footnote" in kinds and kinds.count("malformed") >= 2
    for e in out.errors:
        assert 0 <= e.start < e.end <= len(text)
    raw = next(e for e in out.errors if e.kind == "raw_footnote")
    assert text[raw.start:raw.end] == "[^flow.category.broad]"
    assert out.errors == sorted(out.errors, key=lambda e: (e.start, e.end))


def test_problem_json_is_plain(facts):
    out = render("{{nope}}", facts, "en")
    data = out.errors[0].to_json()
    assert data["kind"] == "unknown_id" and data["start"] == 0 and data["end"] == len("{{nope}}")


def test_approx_and_over_hold_for_many_values():
    from etfwriter.render import _over_value

    for digits in ["1", "9.99", "10", "12.68", "19.9", "31.26", "99.99", "100", "2126.17", "3000", "9999.9", "1234567"]:
        x = Decimal(digits)
        w = _over_value(x)
        assert w is not None and w < x <= w * Decimal("1.25"), (x, w)


# --- footnotes and references -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_footnotes_resolve_and_carry_provenance(facts, lang):
    text = ("{{flow.category.broad}} {{flow.category.broad|yi}} {{rating.risk_appetite}} "
            "{{hist.episode.out.1.csi300_after}} {{flow.etf.510300|name}}")
    out = render(text, facts, lang)
    assert out.ok
    body, refs = out.markdown.split(f"## {REFERENCES_HEADING[lang]}\n")
    cited = re.findall(r"\[\^([^\]]+)\](?!:)", body)
    defs = re.findall(r"^\[\^([^\]]+)\]:", refs, re.M)
    assert defs == out.used_ids == ["flow.category.broad", "rating.risk_appetite", "hist.episode.out.1.csi300_after"]
    assert set(cited) == set(defs)
    broad = next(ln for ln in refs.splitlines() if ln.startswith("[^flow.category.broad]:"))
    assert getattr(facts.by_id()["flow.category.broad"].display, lang) in broad
    assert "`sum of flows`" in broad and "`test-data`" in broad and "`abc`" in broad and "`nav`" in broad
    rating = next(ln for ln in refs.splitlines() if ln.startswith("[^rating.risk_appetite]:"))
    assert ("按分位数评级" in rating) if lang == "zh" else ("99th percentile" in rating)
    assert "`broad_abs_percentile=0.9950`" in rating
    after = next(ln for ln in refs.splitlines() if ln.startswith("[^hist.episode.out.1.csi300_after]:"))
    assert ("2025年4月7日" in after) if lang == "zh" else ("April 7, 2025" in after)
    assert "`该区间后20个交易日沪深300涨跌幅`" in after or "`CSI 300 change over the 20 trading days after that period`" in after


def test_no_references_section_without_citations(facts):
    out = render("只有名字：{{flow.etf.510300|name}}", facts, "zh")
    assert "## 引用" not in out.markdown and out.used_ids == []


def test_chart_references(facts):
    class C:
        id = "category_flows"
        file = "charts/category_flows.png"
        caption = "图：各类ETF资金净流入"

    out = render("{{chart.category_flows}}\n{{chart.missing}}", facts, "zh", charts=[C()])
    assert "![图：各类ETF资金净流入](charts/category_flows.png)" in out.markdown
    assert [e.id for e in out.errors] == ["chart.missing"]


# --- tables ---------------------------------------------------------------------------------


def test_flow_table_cells_are_cited_and_signed(facts):
    rows = [TableRow("宽基ETF", "flow.category.broad", "大规模撤离"),
            TableRow("{{flow.category.sector_theme|name}}", "flow.category.sector_theme", "逆势流入|注")]
    table = flow_table(rows, "zh")
    assert table.splitlines()[0] == "| 资金类别 | 净流入（亿元） | 特征 |"
    assert "{{flow.category.sector_theme|name}}" in table  # no escaping inside references
    assert "逆势流入\\|注" in table
    out = render(table, facts, "zh", references=False)
    assert out.ok
    assert "| 宽基ETF | -2126.17[^flow.category.broad] | 大规模撤离 |" in out.markdown
    assert "| 行业主题ETF | +693.42[^flow.category.sector_theme] |" in out.markdown
    en = flow_table(rows, "en")
    assert "Net flow (RMB 100 million)" in en.splitlines()[0]


def test_render_table_checks_row_width():
    with pytest.raises(ValueError):
        render_table(["a", "b"], [["only one"]])
    assert render_table(["a", "b"], [["x", "y"]], ["l", "r"]).splitlines()[1] == "|---|---:|"


# --- the eval agrees --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rendered_number_is_supported_by_the_eval(facts, lang):
    check = pytest.importorskip("etfwriter.evals.check").check
    text = {
        "zh": ("{{period.start}}起，宽基ETF{{flow.category.broad}}，约{{flow.category.broad|approx}}，行业主题ETF{{flow.category.sector_theme}}；"
               "{{flow.etf.510300|name}}{{flow.etf.510300}}，份额变动{{shares_change.etf.510300}}。占比{{share.family.csi300.of_broad}}，"
               "比值{{ratio.broad_out_to_theme_in}}，沪深300指数收于{{index.csi300.close}}，涨跌幅{{index.csi300.change}}。"
               "{{count.etfs_out}}ETF净流出。信号强度{{rating.risk_appetite}}。{{flow.daily.broad.2026-01-14|date}}宽基{{flow.daily.broad.2026-01-14}}。"
               "电网设备ETF{{flow.theme.grid|over}}。\n\n" + flow_table([TableRow("宽基ETF", "flow.category.broad")], "zh")),
        "en": ("From {{period.start}}, broad-based ETFs saw a {{flow.category.broad}}, {{flow.category.broad|over}} in round terms, "
               "while sector and theme ETFs saw a {{flow.category.sector_theme}}. {{flow.etf.510300|Name}} saw a {{flow.etf.510300}}, "
               "a units change of {{shares_change.etf.510300}}. Share {{share.family.csi300.of_broad}}, ratio {{ratio.broad_out_to_theme_in}}; "
               "the CSI 300 closed at {{index.csi300.close}}, a change of {{index.csi300.change}}. {{count.etfs_out}} saw outflows. "
               "Signal {{rating.risk_appetite}}. On {{flow.daily.broad.2026-01-14|date}} broad-based ETFs saw a {{flow.daily.broad.2026-01-14}}."
               "\n\n" + flow_table([TableRow("Broad-based ETFs", "flow.category.broad")], "en")),
    }[lang]
    out = render(text, facts, lang)
    assert out.ok, out.errors
    report = check(out.markdown, facts, strict=True)
    bad = [(r.mention.text, r.status, r.reason) for r in report.mentions if r.status != "supported"]
    assert report.passed, bad


# --- blocks ---------------------------------------------------------------------------------------


def test_a_block_expands_in_place_with_its_citations(facts):
    blocks = {"table.flows": "| a | b |\n|---|---:|\n| x | {{flow.category.broad|yi}} |", "rule.x": "*the rule*"}
    out = render("Intro {{flow.etf.510300}}.\n\n{{table.flows}}\n\n{{rule.x}}\n", facts, "en", blocks=blocks)
    assert out.ok, out.errors
    assert "| x | -2126.17[^flow.category.broad] |" in out.markdown and "*the rule*" in out.markdown
    assert out.used_ids == ["flow.etf.510300", "flow.category.broad"]  # order of first citation, blocks included
    assert "[^flow.category.broad]: " in out.markdown  # the block's facts get their footnotes


def test_block_problems_are_reported_at_the_directive(facts):
    text = "{{table.signals}} and {{table.flows|yi}} and {{table.flowz}}"
    out = render(text, facts, "zh", blocks={"table.flows": "{{flow.etf.510300}}"})
    kinds = [(e.kind, text[e.start:e.end]) for e in out.errors]
    assert ("not_applicable", "{{table.flows|yi}}") in kinds  # a block takes no variant
    assert ("unknown_id", "{{table.signals}}") in kinds  # not a block of this render, not a fact
    flowz = next(e for e in out.errors if e.id == "table.flowz")
    assert "table.flows" in flowz.suggestions
    broken = render("{{table.flows}}", facts, "zh", blocks={"table.flows": "{{flow.nope}}"})
    assert [e.kind for e in broken.errors] == ["not_applicable"] and "⟦?table.flows⟧" in broken.markdown


def test_default_blocks_come_from_the_facts_and_say_when_they_do_not_apply():
    from etfwriter.compose import BLOCK_IDS, article_blocks
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2026, 1, 12))
    fs = compute_facts(ds, s, e, "nav")
    blocks = article_blocks(fs, "zh")
    assert set(blocks) <= set(BLOCK_IDS) and {"table.flows", "table.signals", "table.episodes", "section.method"} <= set(blocks)
    out = render("{{table.flows}}\n\n{{section.method}}\n", fs, "zh")
    assert out.ok and "| 资金类别 | 净流入（亿元） | 特征 |" in out.markdown and "## 数据与方法说明" in out.markdown
    assert "flow.category.broad" in out.used_ids
    first = resolve_period(ds, week=ds.first_date)
    early = compute_facts(ds, *first, "nav")
    assert "table.episodes" not in article_blocks(early, "en")  # no history before the first week
    none = render("{{table.episodes}}", early, "en")
    assert [e.kind for e in none.errors] == ["not_applicable"] and "nothing to show" in none.errors[0].message


def test_a_block_must_stand_on_its_own_line_and_its_heading_is_not_doubled(facts):
    blocks = {"section.method": "## Data and method\n\n- flows are units change x price"}
    inline = render("See {{section.method}} here.", facts, "en", blocks=blocks)
    assert [e.kind for e in inline.errors] == ["misplaced_block"] and "line of its own" in inline.errors[0].message
    twice = render("## Data and method\n\n{{section.method}}\n", facts, "en", blocks=blocks)
    assert twice.ok and twice.markdown.count("## Data and method") == 1 and "- flows are" in twice.markdown
    once = render("Text.\n\n{{section.method}}\n", facts, "en", blocks=blocks)
    assert once.ok and once.markdown.count("## Data and method") == 1
