"""`etfwriter eval` / `etfwriter extract` through a small Typer app that calls register().

The extractor is replaced by a stand-in that returns the hand-annotated mentions of the sample
articles, so these tests exercise the command layer alone.
"""

from __future__ import annotations

import json
import sys
import types

import pytest
import typer
from typer.testing import CliRunner

from etfwriter import cli_eval
from etfwriter.evals._samples import ARTICLE_ZH, gold_zh, sample_facts
from etfwriter.evals.corrupt import mutate

runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    cli_eval.register(app)
    return app


@pytest.fixture
def fake_extractor(monkeypatch):
    """Stand-in extractor: known texts map to hand-made mentions; records what it was given."""
    table: dict[str, list] = {ARTICLE_ZH: gold_zh()}
    calls: list[tuple[str, object]] = []

    def extract(text, *, ref_date=None):
        calls.append((text, ref_date))
        return table.get(text.replace("\r\n", "\n"), [])

    def extract_json(text, ref_date=None):
        return {"mentions": [m.to_json() for m in extract(text, ref_date=ref_date)]}

    mod = types.ModuleType("etfwriter.evals.extract")
    mod.extract, mod.extract_json = extract, extract_json
    monkeypatch.setitem(sys.modules, "etfwriter.evals.extract", mod)
    import etfwriter.evals as evals_pkg

    monkeypatch.setattr(evals_pkg, "extract", mod, raising=False)
    return types.SimpleNamespace(table=table, calls=calls)


@pytest.fixture
def files(tmp_path):
    article = tmp_path / "article.md"
    article.write_text(ARTICLE_ZH, encoding="utf-8")
    facts = tmp_path / "facts.json"
    facts.write_text(sample_facts().model_dump_json(indent=2), encoding="utf-8")
    return types.SimpleNamespace(dir=tmp_path, article=article, facts=facts)


def test_clean_article_exits_0_with_json(fake_extractor, files):
    result = runner.invoke(make_app(), ["eval", str(files.article), "--facts", str(files.facts), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"] == {"numbers": 38, "supported": 38, "unsupported": 0, "mismatched": 0, "unparsed": 0,
                               "precision": 1.0, "coverage": 1.0}
    first = data["mentions"][0]
    assert (first["text"], first["value"], first["status"]) == ("2026年1月12日", "2026-01-12", "supported")
    cell = next(m for m in data["mentions"] if m["text"] == "-2126.17")
    assert cell["value"] == -212617000000 and cell["fact_id"] == "flow.category.broad"


def test_corrupted_article_exits_1(fake_extractor, files):
    ms = gold_zh()
    i = next(k for k, m in enumerate(ms) if m.text == "净流出2126.17亿元")
    mut = mutate(ARTICLE_ZH, ms, sample_facts(), "direction", i)
    fake_extractor.table[mut.text] = mut.mentions
    files.article.write_text(mut.text, encoding="utf-8")
    result = runner.invoke(make_app(), ["eval", str(files.article), "--facts", str(files.facts), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    bad = [m for m in data["mentions"] if m["status"] != "supported"]
    assert [(m["text"], m["status"], m["fact_id"]) for m in bad] == [("净流入2126.17亿元", "mismatched", "flow.category.broad")]
    assert bad[0]["reason"].startswith("direction")
    assert data["summary"]["mismatched"] == 1 and data["summary"]["precision"] == round(37 / 38, 4)


def test_table_output_and_strict_flag(fake_extractor, files):
    result = runner.invoke(make_app(), ["eval", str(files.article), "--facts", str(files.facts), "--strict"])
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout
    assert "numbers 38" in result.stdout
    assert "without a fact reference" in result.stdout  # the two dates in the first line carry no reference


def test_strict_unknown_reference_fails(fake_extractor, files):
    text = ARTICLE_ZH.replace("[^flow.total]", "[^flow.totl]")
    ms = [m.model_copy(update={"fact_ref": "flow.totl"}) if m.fact_ref == "flow.total" else m for m in gold_zh()]
    fake_extractor.table[text] = ms
    files.article.write_text(text, encoding="utf-8")
    args = ["eval", str(files.article), "--facts", str(files.facts), "--json"]
    assert runner.invoke(make_app(), args).exit_code == 0  # not strict: the number is still true
    result = runner.invoke(make_app(), args + ["--strict"])
    assert result.exit_code == 1
    bad = [m for m in json.loads(result.stdout)["mentions"] if m["status"] != "supported"]
    assert [(m["text"], m["reason"]) for m in bad] == [("净流出1571.98亿元", "unknown fact id: flow.totl")]


def test_ref_date_reaches_the_extractor(fake_extractor, files):
    result = runner.invoke(make_app(), ["eval", str(files.article), "--facts", str(files.facts), "--ref-date", "2026-01-17"])
    assert result.exit_code == 0
    import datetime as dt

    assert fake_extractor.calls[-1][1] == dt.date(2026, 1, 17)


@pytest.mark.parametrize("case", ["missing_article", "missing_facts", "bad_json", "not_a_factset", "not_utf8", "bad_date"])
def test_bad_input_exits_2_and_names_the_file(fake_extractor, files, case):
    article, facts, extra = files.article, files.facts, []
    expect = None
    if case == "missing_article":
        article = files.dir / "nope.md"
        expect = "nope.md"
    elif case == "missing_facts":
        facts = files.dir / "nofacts.json"
        expect = "nofacts.json"
    elif case == "bad_json":
        facts.write_text("{not json", encoding="utf-8")
        expect = "facts.json"
    elif case == "not_a_factset":
        facts.write_text(json.dumps({"period": {"start": "2026-01-12"}, "facts": []}), encoding="utf-8")
        expect = "facts.json"
    elif case == "not_utf8":
        article.write_bytes("净流出".encode("gbk"))
        expect = "article.md"
    elif case == "bad_date":
        extra = ["--ref-date", "17/01/2026"]
        expect = "--ref-date"
    result = runner.invoke(make_app(), ["eval", str(article), "--facts", str(facts), *extra])
    assert result.exit_code == 2, result.output
    assert expect in result.output
    if case == "bad_json":
        assert "not valid JSON" in result.output
    if case == "not_a_factset":
        assert "not a fact set" in result.output


def test_extract_json_prints_exactly_the_mentions(fake_extractor, files):
    result = runner.invoke(make_app(), ["extract", str(files.article), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["mentions"]
    assert len(data["mentions"]) == 38
    m = data["mentions"][3]
    assert (m["text"], m["value"], m["direction"], m["fact_ref"]) == ("净流出1571.98亿元", 157198000000, "outflow", "flow.total")
    assert ARTICLE_ZH[m["start"]:m["end"]] == m["text"]


def test_extract_table_and_missing_file(fake_extractor, files):
    result = runner.invoke(make_app(), ["extract", str(files.article)])
    assert result.exit_code == 0
    assert "38 mention(s)" in result.stdout
    result = runner.invoke(make_app(), ["extract", str(files.dir / "gone.md")])
    assert result.exit_code == 2 and "gone.md" in result.output


def test_line_endings_are_kept(fake_extractor, files):
    files.article.write_bytes(ARTICLE_ZH.replace("\n", "\r\n").encode("utf-8"))
    runner.invoke(make_app(), ["extract", str(files.article), "--json"])
    assert "\r\n" in fake_extractor.calls[-1][0]
