"""The checker with the real extractor: clean sample articles pass, corrupted ones are caught."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
import typer
from typer.testing import CliRunner

from etfwriter import cli_eval
from etfwriter.evals._samples import ARTICLE_EN, ARTICLE_ZH, REF_DATE, gold_en, gold_zh, sample_facts
from etfwriter.evals.check import check
from etfwriter.evals.corrupt import KINDS, mutations, score

extract_mod = pytest.importorskip("etfwriter.evals.extract")

SAMPLES = [("zh", ARTICLE_ZH, gold_zh), ("en", ARTICLE_EN, gold_en)]


@pytest.mark.parametrize("name,article,gold", SAMPLES)
@pytest.mark.parametrize("strict", [False, True])
def test_clean_samples_pass_end_to_end(name, article, gold, strict):
    report = check(article, sample_facts(), strict=strict, ref_date=REF_DATE)
    assert [(r.mention.text, r.status, r.reason) for r in report.mentions if r.status != "supported"] == []
    assert report.summary.numbers == len(gold())
    assert report.summary.coverage == 1.0
    assert report.passed


@pytest.mark.parametrize("name,article,gold", SAMPLES)
def test_extracted_values_agree_with_the_hand_annotation(name, article, gold):
    got = [(m.value, m.unit, m.hedge, m.points_change) for m in extract_mod.extract(article, ref_date=REF_DATE)]
    want = [(m.value, m.unit, m.hedge, m.points_change) for m in gold()]
    assert got == want


def test_ref_date_as_text_is_accepted():
    assert check(ARTICLE_ZH, sample_facts(), ref_date="2026-01-17").passed


@pytest.mark.parametrize("name,article,gold", SAMPLES)
@pytest.mark.parametrize("strict", [False, True])
def test_every_mutation_is_caught_end_to_end(name, article, gold, strict):
    sc = score(article, sample_facts(), name=name, strict=strict, ref_date=REF_DATE)
    assert sc.clean_failures == []
    assert {k for k, v in sc.kinds.items() if v.tried} == set(KINDS)
    assert {k: v.missed for k, v in sc.kinds.items() if v.missed} == {}


def test_mutated_number_gets_the_expected_diff():
    facts = sample_facts()
    by_kind = {}
    for mut in mutations(ARTICLE_ZH, facts, ref_date=REF_DATE):
        by_kind.setdefault((mut.kind, mut.before), mut)
    expected = {
        ("scale", "2126.17亿元"): ("mismatched", ["scale"], "flow.category.broad"),
        ("direction", "-2126.17"): ("mismatched", ["direction"], "flow.category.broad"),
        ("hedge", "30亿元"): ("mismatched", ["hedge"], "flow.theme.software"),
        ("points", "48.6%"): ("mismatched", ["points"], "share.family.csi300.of_broad"),
        ("digit", "2126.17亿元"): ("mismatched", ["value"], "flow.category.broad"),
    }
    for key, (status, diffs, fact_id) in expected.items():
        mut = by_kind[key]
        report = check(mut.text, facts, ref_date=REF_DATE)
        hit = [r for r in report.mentions if r.mention.start < mut.span[1] and mut.span[0] < r.mention.end]
        assert [(r.status, r.diffs, r.fact_id) for r in hit] == [(status, diffs, fact_id)], key


def test_the_footnote_reference_binds_the_number_in_both_modes():
    # the right number under the wrong reference: true of the theme flow, false of the one cited
    text = "行业主题ETF净流入693.42亿元[^flow.category.broad]。"
    for strict in (False, True):
        r = check(text, sample_facts(), strict=strict).mentions[0]
        assert r.mention.fact_ref == "flow.category.broad"
        assert (r.status, r.fact_id) == ("mismatched", "flow.category.broad")
        assert "direction" in r.diffs


def test_cli_with_the_real_extractor(tmp_path):
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    cli_eval.register(app)
    runner = CliRunner()
    article = tmp_path / "a.md"
    facts = tmp_path / "f.json"
    article.write_text(ARTICLE_EN, encoding="utf-8")
    facts.write_text(sample_facts().model_dump_json(), encoding="utf-8")
    ok = runner.invoke(app, ["eval", str(article), "--facts", str(facts), "--json", "--ref-date", "2026-01-17"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["summary"]["numbers"] == 27
    article.write_text(ARTICLE_EN.replace("RMB 212.62 billion[^flow.category.broad]", "RMB 21.26 billion[^flow.category.broad]"),
                       encoding="utf-8")
    bad = runner.invoke(app, ["eval", str(article), "--facts", str(facts), "--json"])
    assert bad.exit_code == 1
    wrong = [m for m in json.loads(bad.stdout)["mentions"] if m["status"] != "supported"]
    assert [(m["text"], m["status"], m["fact_id"]) for m in wrong] == [("RMB 21.26 billion", "mismatched", "flow.category.broad")]
    assert wrong[0]["value"] == 21260000000
    listed = runner.invoke(app, ["extract", str(article), "--json"])
    assert listed.exit_code == 0
    data = json.loads(listed.stdout)
    assert list(data) == ["mentions"]
    text = article.read_text(encoding="utf-8")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in data["mentions"])
    cell = next(m for m in data["mentions"] if m["text"] == "-212.62")
    assert D(str(cell["value"])) == D("-212620000000")
