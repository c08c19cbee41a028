"""Charts: files written, values from facts, a real CJK font for Chinese labels."""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from etfwriter.charts import CHART_IDS, cjk_font, make_charts
from etfwriter.compose import compose
from etfwriter.render import render
from etfwriter.tools import compute_facts, weekly_flows
from etfwriter.tools.synthetic import synthetic_dataset


@pytest.fixture(scope="module")
def setup():
    ds = synthetic_dataset(120, 160)
    start = dt.date(2024, 7, 15)
    fs = compute_facts(ds, start, start + dt.timedelta(days=4))
    return ds, fs


def _png(path) -> bool:
    return path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_all_charts_written_with_facts_and_captions(setup, tmp_path, lang):
    ds, fs = setup
    charts = make_charts(fs, lang, tmp_path / "charts", dataset=ds)
    assert [c.id for c in charts] == list(CHART_IDS)
    by_id = fs.by_id()
    for c in charts:
        assert c.path.is_file() and c.path.stat().st_size > 5000 and _png(c.path)
        assert c.file == f"charts/{c.id}.png"
        assert c.fact_ids and all(f in by_id for f in c.fact_ids)
        assert c.caption and not re.search(r"\d", c.caption)
    cat = next(c for c in charts if c.id == "category_flows")
    assert set(cat.fact_ids) == {f.id for f in fs.facts if f.id.startswith("flow.category.")}
    daily = next(c for c in charts if c.id == "daily_path")
    assert all(i.startswith("flow.daily.") for i in daily.fact_ids)


def test_chinese_charts_use_a_real_cjk_font(setup, tmp_path):
    ds, fs = setup
    family, path = cjk_font()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts = make_charts(fs, "zh", tmp_path, dataset=ds)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    for c in charts:
        assert c.font == family and c.font_path == path
    # the family name resolves, through matplotlib's own font lookup, to that very file
    resolved = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert resolved == path
    font = FT2Font(path)
    assert all(font.get_char_index(ord(ch)) for ch in "宽基行业主题净流入亿元本周")
    assert FT2Font(path).family_name == family


def test_english_charts_use_the_default_latin_font(setup, tmp_path):
    ds, fs = setup
    charts = make_charts(fs, "en", tmp_path, dataset=ds)
    assert {c.font for c in charts} == {"DejaVu Sans"}


def test_weekly_history_needs_a_series(setup, tmp_path):
    ds, fs = setup
    assert "weekly_history" not in [c.id for c in make_charts(fs, "en", tmp_path / "a")]
    weekly = weekly_flows(ds, "nav", by="category")
    ids = [c.id for c in make_charts(fs, "en", tmp_path / "b", weekly=weekly)]
    assert "weekly_history" in ids


def test_charts_embed_in_the_rendered_article(setup, tmp_path):
    ds, fs = setup
    charts = make_charts(fs, "zh", tmp_path / "charts", dataset=ds)
    out = render(compose(fs, "zh", charts=charts), fs, "zh", charts=charts)
    assert out.ok
    for c in charts:
        assert f"]({c.file})" in out.markdown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nothing_is_cut_off_at_the_edges(setup, tmp_path, lang):
    from PIL import Image

    ds, fs = setup
    for c in make_charts(fs, lang, tmp_path, dataset=ds):
        img = Image.open(c.path).convert("RGB")
        w, h = img.size
        px = img.load()
        edge = [px[x, y] for x in range(w) for y in (0, 1, 2, h - 3, h - 2, h - 1)]
        edge += [px[x, y] for y in range(h) for x in (0, 1, 2, w - 3, w - 2, w - 1)]
        assert set(edge) == {(255, 255, 255)}, f"{c.id}: something is drawn on the image's edge"
        # and the plot itself is there: plenty of non-white pixels inside
        inner = img.crop((w // 4, h // 4, 3 * w // 4, 3 * h // 4)).getcolors(maxcolors=1 << 20)
        assert sum(n for n, colour in inner if colour != (255, 255, 255)) > 0.02 * (w * h // 4)


def test_weekly_history_draws_every_week_and_marks_the_current_one(setup, tmp_path):
    from PIL import Image

    ds, fs = setup
    weekly = weekly_flows(ds, "nav", by="category")
    (chart,) = [c for c in make_charts(fs, "en", tmp_path, weekly=weekly) if c.id == "weekly_history"]
    img = Image.open(chart.path).convert("RGB")
    colours = {colour for _, colour in img.getcolors(maxcolors=1 << 20)}
    assert (0x1F, 0x4E, 0x79) in colours  # the current week, in dark blue


def test_top_movers_shows_sector_theme_and_cross_border_groups_only(tmp_path):
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2026, 1, 12))
    fs = compute_facts(ds, s, e, "nav")
    by = fs.by_id()
    assert any("money" in by[i].tags for i in by if i.startswith("flow.theme."))  # the data has money-market groups
    chart = next(c for c in make_charts(fs, "en", tmp_path, dataset=ds) if c.id == "top_movers")
    assert chart.fact_ids and all({"sector_theme", "cross_border"} & set(by[i].tags) for i in chart.fact_ids)
