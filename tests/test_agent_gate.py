"""The gate: every kind of problem is found with its exact span, and the re-ask lists them."""

from __future__ import annotations

import pytest
from agent_helpers import good_article, outflow_fact_id, week_facts

from etfwriter.gate import reask_message, required_headings, review


@pytest.fixture(scope="module")
def facts():
    return week_facts()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_clean_article_passes(facts, lang):
    rv = review(good_article(facts, lang), facts, lang)
    assert rv.passed, [p.text() for p in rv.problems]
    assert rv.report.summary.unsupported == 0 and rv.report.summary.mismatched == 0
    assert rv.rendered.markdown.count("[^flow.category.broad]") >= 1


def _kinds(rv):
    return sorted({p.kind for p in rv.problems})


def test_unknown_id_is_a_reference_problem(facts):
    text = good_article(facts, "zh").replace("{{flow.category.broad}}", "{{flow.category.broadd}}", 1)
    rv = review(text, facts, "zh")
    assert not rv.passed and _kinds(rv) == ["reference"]
    p = rv.problems[0]
    assert p.span == "{{flow.category.broadd}}" and "flow.category.broad" in p.fix and p.line == 7


def test_typed_number_the_facts_do_not_support(facts):
    text = good_article(facts, "zh").replace("。\n", "，另有资金净流入2130亿元。\n", 1)
    rv = review(text, facts, "zh")
    assert _kinds(rv) == ["number"]
    assert rv.problems[0].span == "净流入2130亿元" or rv.problems[0].span.endswith("2130亿元")
    assert "自己写的数字" in rv.problems[0].fix


def test_typed_number_that_is_right_passes_with_a_warning(facts):
    days = facts.by_id()["count.trading_days"].display.en  # "5 trading days"
    text = good_article(facts, "en").replace("{{count.trading_days}}", days, 1)
    rv = review(text, facts, "en")
    assert rv.passed and any("without a reference" in w for w in rv.warnings)


@pytest.mark.parametrize("lang,word", [("zh", "净流入"), ("en", "an inflow of ")])
def test_flipped_direction_before_a_plain_reference(facts, lang, word):
    out_id = outflow_fact_id(facts)
    src = f"{{{{{out_id}|name}}}}{{{{{out_id}}}}}" if lang == "zh" else f"{{{{{out_id}|name}}}} saw a {{{{{out_id}}}}}"
    dst = f"{{{{{out_id}|name}}}}{word}{{{{{out_id}}}}}" if lang == "zh" else f"{{{{{out_id}|name}}}} saw {word}{{{{{out_id}}}}}"
    text = good_article(facts, lang).replace(src, dst, 1)
    assert text != good_article(facts, lang)
    rv = review(text, facts, lang)
    assert "direction" in _kinds(rv)
    p = next(p for p in rv.problems if p.kind == "direction")
    assert p.fact_id == out_id and "{{" + out_id + "}}" in p.span and "net outflow" in p.message
    assert ("净流入" if lang == "zh" else "inflow") in p.message


def test_doubled_direction_word_is_flagged(facts):
    out_id = outflow_fact_id(facts)
    text = good_article(facts, "zh").replace(f"{{{{{out_id}}}}}", f"净流出{{{{{out_id}}}}}", 1)
    rv = review(text, facts, "zh")
    p = next(p for p in rv.problems if p.kind == "direction")
    assert "doubled" in p.message and p.span == f"净流出{{{{{out_id}}}}}"


def test_value_variant_with_the_wrong_word(facts):
    out_id = outflow_fact_id(facts)
    text = good_article(facts, "zh").replace(f"{{{{{out_id}}}}}", f"净流入{{{{{out_id}|value}}}}", 1)
    rv = review(text, facts, "zh")
    assert _kinds(rv) == ["direction"] and len(rv.problems) == 1  # the eval's own verdict is not repeated


def test_a_word_elsewhere_in_the_clause_contradicts(facts):
    out_id = outflow_fact_id(facts)
    text = good_article(facts, "zh").replace(f"{{{{{out_id}|name}}}}{{{{{out_id}}}}}", f"{{{{{out_id}|name}}}}资金大举流入达{{{{{out_id}}}}}", 1)
    rv = review(text, facts, "zh")
    assert any(p.kind == "direction" and "流入" in p.message for p in rv.problems)


def test_missing_section_title_and_disclaimer(facts):
    heads, disclaimer = required_headings("en")
    text = good_article(facts, "en").replace(heads[2] + "\n", "", 1).replace("{{section.method}}", "", 1)
    text = "\n".join(text.splitlines()[1:])
    rv = review(text, facts, "en")
    spans = {p.span for p in rv.problems if p.kind == "section"}
    assert heads[2] in spans and disclaimer in spans and "# " in spans and "## Data and method" in spans
    assert any("{{section.method}}" in p.fix for p in rv.problems if p.span == disclaimer)


def test_a_model_may_write_the_method_section_itself(facts):
    from etfwriter.compose import SECTIONS

    heads, disclaimer = required_headings("en")
    method = next(s for s in SECTIONS if s.id == "method").heading("en")
    assert method not in heads  # the brief asks for the block instead
    text = good_article(facts, "en").replace("{{section.method}}", f"{method}\n\nFlows are computed from units and prices.\n\n*{disclaimer}*")
    assert review(text, facts, "en").passed


def test_hand_written_footnote_and_malformed_reference(facts):
    text = good_article(facts, "zh").replace("。\n", "[^flow.total]，{{flow.total。\n", 1)
    rv = review(text, facts, "zh")
    assert _kinds(rv) == ["reference"] and len(rv.problems) >= 2


def test_empty_reply(facts):
    rv = review("  \n", facts, "en")
    assert not rv.passed and _kinds(rv) == ["empty"]
    assert "whole article" in reask_message(rv)


def test_reask_lists_every_span_and_what_to_do(facts):
    out_id = outflow_fact_id(facts)
    text = (good_article(facts, "zh")
            .replace("{{flow.category.broad}}", "{{flow.category.broadd}}", 1)
            .replace(f"{{{{{out_id}}}}}", f"净流入{{{{{out_id}}}}}", 1)
            .replace("。\n", "，另有资金净流入2130亿元。\n", 1))
    rv = review(text, facts, "zh")
    msg = reask_message(rv, 1, 2)
    assert "{{flow.category.broadd}}" in msg and f"净流入{{{{{out_id}}}}}" in msg and "2130亿元" in msg
    assert "第1次修改，共2次机会" in msg and msg.count("→") == len(rv.problems) == 3
    en = reask_message(review(text.replace("净流入", "inflow "), facts, "en"))
    assert en.startswith("The article failed the check")


def test_a_section_written_twice_is_a_problem(facts):
    heads, _ = required_headings("zh")
    text = good_article(facts, "zh").replace("{{section.method}}", f"{heads[1]}\n\n正文。\n\n{{{{section.method}}}}")
    rv = review(text, facts, "zh")
    assert any(p.kind == "section" and p.span == heads[1] and "more than once" in p.message for p in rv.problems)


def test_misplaced_and_inapplicable_blocks_come_back_with_their_fix(facts):
    text = good_article(facts, "en").replace("{{section.method}}", "See {{section.method}} {{table.flows|yi}}")
    rv = review(text, facts, "en")
    by_span = {p.span: p for p in rv.problems if p.kind == "reference"}
    assert "line of its own" in by_span["{{section.method}}"].fix
    assert "delete this block" in by_span["{{table.flows|yi}}"].fix
