"""The offline composer: every section, no unknown references, every number supported, in both
languages, for contrasting weeks (outflow with rotation, record outflow, record inflow, inflow with
rotation, a quiet week, the first week of the data) and for sparse fact sets."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

import pytest

from etfwriter._phrasebank import PLACEHOLDER, load_phrasebank, parse_phrasebank
from etfwriter.compose import DISCLAIMER, REQUIRED_SECTIONS, SECTIONS, article_blocks, compose, missing_sections, scenario
from etfwriter.render import parse_refs, render
from etfwriter.tools import compute_facts
from etfwriter.tools.facts import FactSet
from etfwriter.tools.synthetic import synthetic_dataset

WEEKS = {
    "out_rotation": dt.date(2025, 1, 13),
    "out_rotation_small_ratio": dt.date(2024, 2, 12),
    "out_record": dt.date(2024, 12, 30),
    "in_record": dt.date(2024, 8, 12),
    "in_rotation": dt.date(2024, 4, 15),
    "quiet": dt.date(2024, 11, 18),
    "first_week": dt.date(2024, 1, 1),
}


@pytest.fixture(scope="module")
def dataset():
    ds = synthetic_dataset(200, 300)
    # fund names without digits, as real names would be checked by their own fixtures
    ds.universe["name_zh"] = ds.universe["theme"].astype(str) + "测试基金"
    ds.universe["name_en"] = ds.universe["theme"].astype(str).str.upper() + " TEST FUND"
    return ds


@pytest.fixture(scope="module")
def weeks(dataset) -> dict[str, FactSet]:
    return {k: compute_facts(dataset, d, d + dt.timedelta(days=4)) for k, d in WEEKS.items()}


def _check():
    return pytest.importorskip("etfwriter.evals.check").check


def _with_blocks(text: str, fs: FactSet, lang: str) -> str:
    """The composed text with each block directive replaced by the reference syntax it expands to."""
    for bid, body in article_blocks(fs, lang).items():
        text = text.replace("{{" + bid + "}}", body)
    return text


def _assert_article(fs: FactSet, lang: str) -> str:
    text = compose(fs, lang)
    refs = parse_refs(text)
    by_id = fs.by_id()
    assert refs, "the article cites nothing"
    blocks = article_blocks(fs, lang)
    assert [r.id for r in refs if r.id not in by_id and not r.id.startswith("chart.") and r.id not in blocks] == []
    out = render(text, fs, lang)
    assert out.ok, [e.to_json() for e in out.errors]
    assert missing_sections(out.markdown, lang) == []
    report = _check()(out.markdown, fs, strict=True)
    bad = [(r.mention.line, r.mention.text, r.status, r.reason) for r in report.mentions if r.status != "supported"]
    assert report.passed, bad
    return out.markdown


# --- scenarios ------------------------------------------------------------------------------------


def test_the_weeks_cover_the_scenarios(weeks):
    got = {k: scenario(fs) for k, fs in weeks.items()}
    assert got["out_rotation"] == "out_rotation"
    assert got["out_record"] == "out_record"
    assert got["in_record"] == "in_record"
    assert got["in_rotation"] == "in_rotation"
    assert got["quiet"] == "quiet"
    assert "ratio.broad_out_to_theme_in" in weeks["out_rotation"].by_id()
    assert "ratio.broad_in_to_theme_out" in weeks["in_rotation"].by_id()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("week", list(WEEKS))
def test_article_passes_sections_references_and_eval(weeks, week, lang):
    _assert_article(weeks[week], lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outflow_and_inflow_weeks_read_differently(weeks, lang):
    out = render(compose(weeks["out_record"], lang), weeks["out_record"], lang).markdown
    inn = render(compose(weeks["in_record"], lang), weeks["in_record"], lang).markdown
    title_out, title_in = out.splitlines()[0], inn.splitlines()[0]
    if lang == "zh":
        assert "净流出" in title_out and "净流入" in title_in
        lead_out, lead_in = title_out + out.split("\n\n")[1], title_in + inn.split("\n\n")[1]
        assert re.search("纪录|最大", lead_out) and re.search("纪录|最大", lead_in)
    else:
        assert "outflow" in title_out.lower() or "redemption" in title_out.lower()
        assert "inflow" in title_in.lower() or "buying" in title_in.lower()


def test_rotation_and_same_direction_weeks_say_so(weeks):
    rot = compose(weeks["out_rotation"], "zh")
    same = compose(weeks["out_record"], "zh")
    assert "{{ratio.broad_out_to_theme_in}}" in rot
    assert "ratio." not in same
    assert "未见轮动" in render(same, weeks["out_record"], "zh").markdown


def test_quiet_week_is_called_quiet(weeks):
    md = render(compose(weeks["quiet"], "en"), weeks["quiet"], "en").markdown
    assert re.search(r"quiet|calm|modest", md.split("\n## ")[0], re.I)


def test_ratio_below_one_is_not_described_as_partial_absorption(weeks):
    fs = weeks["out_rotation_small_ratio"]
    assert fs.by_id()["ratio.broad_out_to_theme_in"].number < 1
    md = render(compose(fs, "zh"), fs, "zh").markdown
    assert "只承接了宽基流出的部分" not in md and "主题只承接了部分资金" not in md


def test_phrasing_is_deterministic_and_varies_with_the_period(weeks):
    a = compose(weeks["out_rotation"], "zh")
    assert a == compose(weeks["out_rotation"], "zh")
    heads = {compose(fs, "en").splitlines()[0] for fs in weeks.values()}
    assert len(heads) >= 4


# --- content ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_patterns_carry_stars_and_rules(weeks, lang):
    fs = weeks["out_rotation"]
    text = _with_blocks(compose(fs, lang), fs, lang)
    for key in ("risk_appetite", "sector_rotation", "small_cap", "valuation_divergence", "bottom_signal"):
        assert re.search(r"^### .*\{\{rating\." + key + r"\}\}", text, re.M), key
    rules = re.findall(r"^\*(?:评级依据|How it is rated)", text, re.M)
    assert len(rules) == 5


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_cites_real_episodes_and_what_followed(weeks, lang):
    fs = weeks["out_record"]
    text = _with_blocks(compose(fs, lang), fs, lang)
    eps = [f.id for f in fs.facts if re.fullmatch(r"hist\.episode\.out\.\d", f.id)]
    assert eps
    for e in eps:
        assert "{{" + e + "|date}}" in text
        if e + ".csi300_after" in fs.by_id():
            assert "{{" + e + ".csi300_after}}" in text
    assert "{{hist.category.broad.rank_out}}" in text


def test_first_week_has_no_history_to_compare(weeks):
    md = render(compose(weeks["first_week"], "zh"), weeks["first_week"], "zh").markdown
    hist = md.split("## 四、历史比较")[1].split("\n## ")[0]
    assert "暂无可比较的历史区间" in hist


def test_rotation_lists_themes_of_both_directions(weeks):
    fs = weeks["out_rotation"]
    text = compose(fs, "zh")
    rot = text.split("## 五、板块轮动")[1].split("\n## ")[0]
    themes_in = [f.id for f in fs.facts if f.id.startswith("flow.theme.") and "sector_theme" in f.tags and f.number > 0]
    assert any("{{" + t + "}}" in rot for t in themes_in)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reconstruction_is_disclosed_only_when_true(weeks, lang):
    fs = weeks["out_rotation"]
    plain = render(compose(fs, lang), fs, lang).markdown
    recon = fs.model_copy(update={"dataset": fs.dataset.model_copy(update={"reconstruction": True})})
    disclosed = render(compose(recon, lang), recon, lang).markdown
    word = "重建数据" if lang == "zh" else "reconstruction"
    assert word not in plain and word in disclosed
    assert DISCLAIMER[lang] in plain


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sections_in_order(weeks, lang):
    md = render(compose(weeks["in_rotation"], lang), weeks["in_rotation"], lang).markdown
    positions = [md.index("\n" + s.heading(lang) + "\n") for s in SECTIONS]
    assert positions == sorted(positions)
    assert md.startswith("# ")
    assert set(REQUIRED_SECTIONS) == {s.id for s in SECTIONS}


def test_missing_sections_reports_what_is_absent():
    assert set(missing_sections("no headings at all", "zh")) >= {"headline", "panorama", "references", "disclaimer"}


def test_charts_are_embedded_when_given(weeks):
    class C:
        def __init__(self, cid):
            self.id, self.file, self.caption = cid, f"charts/{cid}.png", "图"

    charts = [C(c) for c in ("category_flows", "top_movers", "daily_path", "weekly_history")]
    fs = weeks["out_rotation"]
    text = compose(fs, "zh", charts=charts)
    for c in charts:
        assert text.count("{{chart.%s}}" % c.id) == 1
    assert compose(fs, "zh", charts=[c.id for c in charts]) == text  # ids alone are enough
    assert "{{chart." not in compose(fs, "zh")
    rendered = render(text, fs, "zh", charts=charts).markdown
    for c in charts:
        assert f"![图](charts/{c.id}.png)" in rendered


# --- sparse fact sets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sparse_fact_set_still_makes_a_full_article(weeks, lang):
    fs = weeks["out_rotation"]
    keep = [f for f in fs.facts if not f.id.startswith(("hist.", "rating.", "index.", "share.", "ratio.", "flow.daily.", "flow.etf_day."))]
    sparse = fs.model_copy(update={"facts": keep})
    md = _assert_article(sparse, lang)
    assert "★" not in md


def _relabel(fs: FactSet) -> FactSet:
    """The eval's sample facts are labelled with their ids; give them the labels the fact layer writes."""
    from etfwriter.tools.facts import Bilingual
    from etfwriter.tools.labels import category_label, group_label, index_label

    out = []
    for f in fs.facts:
        p = f.id.split(".")
        label = None
        if f.id.startswith("flow.category."):
            label = category_label(p[2])
        elif f.id.startswith(("flow.family.", "flow.theme.")):
            label = group_label(p[2])
        elif f.id.startswith("flow.etf."):
            label = ("华泰柏瑞沪深300ETF（510300）", "HUATAI-PB CSI 300 ETF (510300)")
        elif f.id == "flow.total":
            label = ("全部ETF", "all ETFs")
        if label and f.unit == "CNY":
            label = (label[0] + "净流入", label[1] + " net flow")
        if f.id.startswith("index.") and f.id.endswith(".change"):
            zh, en = index_label(p[1])
            label = (zh + "区间涨跌幅", en + " change over the period")
        elif f.id.startswith("index.") and f.id.endswith(".close"):
            zh, en = index_label(p[1])
            label = (zh + "收盘", en + " close")
        out.append(f.model_copy(update={"label": Bilingual(zh=label[0], en=label[1])}) if label else f)
    return fs.model_copy(update={"facts": out})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_published_week_sample(lang):
    samples = pytest.importorskip("etfwriter.evals._samples")
    fs = _relabel(samples.sample_facts())
    md = _assert_article(fs, lang)
    assert ("2126.17" in md) if lang == "zh" else ("212.62" in md)


# --- the phrasebanks -------------------------------------------------------------------------------------


def _prose_lines(lang: str) -> list[str]:
    text = resources.files("etfwriter.prompts").joinpath("templates", f"{lang}.md").read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return [ln for ln in text.splitlines() if ln.startswith(("- ", "  "))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_phrasebank_prose_has_no_typed_numbers(lang):
    numerals = re.compile(r"[0-9０-９]|[两二三四五六七八九十百千万亿][只个大项家类成倍周次]|前[一二三四五六七八九十]|[一二三四五六七八九十两]+个")
    words = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|dozen|half)\b", re.I)
    for line in _prose_lines(lang):
        prose = re.sub(r"\{\{[^}]*\}\}|\{[a-z_0-9]+\}", "", line)
        assert not numerals.search(prose), line
        if lang == "en":
            assert not words.search(prose), line


def test_phrasebanks_have_the_same_slots():
    zh, en = load_phrasebank("zh"), load_phrasebank("en")
    assert set(zh.slots) == set(en.slots)
    for slot in zh.slots:
        # every phrasing of a slot, in either language, uses only placeholders the slot's zh phrasings know
        known = set().union(*(set(PLACEHOLDER.findall(v)) for v in zh.slots[slot]))
        for v in en.slots[slot]:
            assert set(PLACEHOLDER.findall(v)) <= known | {"b", "t", "total", "hs300"}, (slot, v)
    assert len(zh.slots) > 150


def test_phrasebank_parser_rejects_bad_files():
    with pytest.raises(ValueError):
        parse_phrasebank("## a\n- x\n## a\n- y\n", "en")
    with pytest.raises(ValueError):
        parse_phrasebank("## a\nloose line\n", "en")
    with pytest.raises(ValueError):
        parse_phrasebank("## a\n## b\n- y\n", "en")
    bank = parse_phrasebank("## a\n- first\n  continued\n- second\n", "en")
    assert bank.variants("a") == ["first continued", "second"]
    assert bank.choose("a", "seed") == bank.choose("a", "seed")


def test_compose_rejects_unknown_language(weeks):
    with pytest.raises(ValueError):
        compose(weeks["quiet"], "fr")  # type: ignore[arg-type]


# --- the bundled seed data (when present) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_week():
    from etfwriter.tools import load_seed

    try:
        ds = load_seed()
    except Exception as exc:  # noqa: BLE001 - the seed data is built separately
        pytest.skip(f"seed data not available: {exc}")
    return compute_facts(ds, dt.date(2026, 1, 12), dt.date(2026, 1, 16))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_seed_week_of_the_record_outflow(seed_week, lang):
    md = _assert_article(seed_week, lang)
    assert scenario(seed_week).startswith("out_")
    if lang == "zh" and seed_week.by_id().get("count.broad_families_in") and seed_week.by_id()["count.broad_families_in"].number == 1:
        assert "唯一净流入的宽基指数系列[^count.broad_families_in]" in md
    if seed_week.dataset.reconstruction:
        assert ("重建数据" if lang == "zh" else "reconstruction") in md
