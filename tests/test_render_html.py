"""HTML pages: tables, footnotes with the fact id, images, language and escaping."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from etfwriter.compose import compose
from etfwriter.html import to_html
from etfwriter.render import render
from etfwriter.tools import compute_facts
from etfwriter.tools.synthetic import synthetic_dataset


@pytest.fixture(scope="module")
def facts():
    ds = synthetic_dataset(120, 160)
    start = dt.date(2024, 7, 15)
    return compute_facts(ds, start, start + dt.timedelta(days=4))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_article_page_has_tables_footnotes_and_images(facts, lang):
    class C:
        id, file, caption = "category_flows", "charts/category_flows.png", "chart"

    out = render(compose(facts, lang, charts=[C()]), facts, lang, charts=[C()])
    page = to_html(out.markdown, "周报 <draft> & co", lang)
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    assert "<title>周报 &lt;draft&gt; &amp; co</title>" in page
    assert page.count("<table>") >= 3 and '<th style="text-align:right">' in page
    items = re.findall(r'<li id="fn(\d+)" class="footnote-item">', page)
    assert len(items) == len(out.used_ids)
    refs = re.findall(r'<sup class="footnote-ref"><a href="#fn(\d+)" id="fnref[\d:]+" title="([^"]+)">\[(\d+)\]</a></sup>', page)
    assert refs and {t for _, t, _ in refs} == set(out.used_ids)
    assert all(a == b for a, _, b in refs)
    # one back-link per footnote however often it is cited
    assert page.count('class="footnote-backref"') == len(out.used_ids)
    assert '<img src="charts/category_flows.png" alt="chart"' in page
    assert "[^" not in page.split('<section class="footnotes">')[0]


def test_raw_html_is_not_passed_through():
    page = to_html("# t\n\n<script>alert(1)</script>\n", "t", "en")
    assert "<script>" not in page
