"""The corruption benchmark on the hand-annotated sample articles (no extractor involved)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from etfwriter.evals._samples import ARTICLE_EN, ARTICLE_ZH, gold_en, gold_zh, sample_facts
from etfwriter.evals.check import check_mentions
from etfwriter.evals.corrupt import KINDS, claim_holds, mutate, mutations, score
from etfwriter.evals.mentions import Mention
from etfwriter.tools.facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance

SAMPLES = [("zh", ARTICLE_ZH, gold_zh), ("en", ARTICLE_EN, gold_en)]
WEEK = Period(start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 16))


def _find(mentions, text):
    return next(i for i, m in enumerate(mentions) if m.text == text)


@pytest.mark.parametrize("name,article,gold", SAMPLES)
def test_every_kind_applies_to_each_sample(name, article, gold):
    kinds = {m.kind for m in mutations(article, sample_facts(), mentions=gold())}
    assert kinds == set(KINDS)


@pytest.mark.parametrize("name,article,gold", SAMPLES)
@pytest.mark.parametrize("strict", [False, True])
def test_all_mutations_caught_and_no_false_alarms(name, article, gold, strict):
    sc = score(article, sample_facts(), mentions=gold(), strict=strict, name=name)
    assert sc.clean_failures == []
    assert sc.tried >= 90
    missed = {k: v.missed for k, v in sc.kinds.items() if v.missed}
    assert missed == {}
    assert sc.caught == sc.tried


@pytest.mark.parametrize("name,article,gold", SAMPLES)
def test_mutations_are_recorded_faithfully(name, article, gold):
    facts = sample_facts()
    mentions = gold()
    for mut in mutations(article, facts, mentions=mentions):
        # replaying the edits on the clean text gives the mutated text
        out, pos = [], 0
        for e in mut.edits:
            assert article[e.start:e.end] == e.before
            out += [article[pos:e.start], e.after]
            pos = e.end
        assert "".join(out) + article[pos:] == mut.text
        assert mut.text != article
        # the recorded span holds the changed number, and the expected mentions line up with the text
        assert mut.text[mut.span[0]:mut.span[1]] == mut.after
        for m in mut.mentions:
            assert mut.text[m.start:m.end] == m.text
        # the original claim was true, the new one is false
        assert claim_holds(mentions[mut.index], facts)
        assert not claim_holds(mut.mentions[mut.index], facts), mut.description


def test_specific_mutations_zh():
    facts, ms = sample_facts(), gold_zh()

    def after(kind, text):
        mut = mutate(ARTICLE_ZH, ms, facts, kind, _find(ms, text))
        assert mut is not None
        return mut

    m = after("digit", "净流出2126.17亿元")
    assert m.after == "净流出3126.17亿元" and m.mentions[m.index].value == D("312617000000")
    m = after("scale", "净流出2126.17亿元")
    assert m.after == "净流出2126.17万元" and m.mentions[m.index].value == D("21261700")
    m = after("direction", "-2126.17")
    assert m.after == "+2126.17" and m.mentions[m.index].value == D("212617000000")
    m = after("direction", "净流入693.42亿元")
    assert m.after == "净流出693.42亿元" and m.mentions[m.index].direction == "outflow"
    m = after("hedge", "净流入超30亿元")
    assert m.after == "净流入近30亿元" and m.mentions[m.index].hedge == "nearly"
    m = after("hedge", "净流入近7亿元")
    assert m.after == "净流入超7亿元"
    m = after("points", "48.6%")
    assert m.after == "48.6个百分点" and m.mentions[m.index].points_change
    m = after("points", "0.8个百分点")
    assert m.after == "0.8%" and not m.mentions[m.index].points_change
    m = after("drop_digit", "净流出2126.17亿元")
    assert m.after == "净流出126.17亿元" and m.mentions[m.index].value == D("12617000000")
    m = after("date_shift", "2026年1月16日")
    assert m.after == "2026年1月17日" and m.mentions[m.index].value == "2026-01-17"
    # ★★★★☆ -> 3 or 5 stars would be true of other ratings (small-cap 3, rotation 5): no mutation
    assert mutate(ARTICLE_ZH, ms, facts, "digit", _find(ms, "★★★★☆")) is None
    m = after("digit", "★★★☆☆")
    assert m.after == "★★☆☆☆" and m.mentions[m.index].value == 2
    m = after("swap", "净流出2126.17亿元")
    assert m.after == "净流出693.42亿元"  # the nearest number of the same unit, a true claim made false
    assert len(m.edits) == 2


def test_direction_word_before_the_number_is_flipped():
    text = "软件ETF净流入 超30亿元，其他略。"
    start = text.index("超30亿元")
    m = Mention(text="超30亿元", start=start, end=start + 5, value=D("3000000000"), unit="CNY", direction="inflow",
                hedge="over", precision=D("100000000"))
    fs = _fs(Fact(id="flow.s", label=Bilingual(zh="s", en="s"), value=D("3126000000"), unit="CNY", direction="inflow",
                  period=WEEK, display=Bilingual(zh="s", en="s"), provenance=Provenance(formula="t")))
    mut = mutate(text, [m], fs, "direction", 0)
    assert mut is not None
    assert mut.text == "软件ETF净流出 超30亿元，其他略。"
    assert mut.mentions[0].direction == "outflow"


def _fs(*facts):
    return FactSet(period=WEEK, dataset=DatasetInfo(name="t", hash="h", price_convention="nav"), facts=list(facts))


def _flow(fid, value):
    v = D(value)
    return Fact(id=fid, label=Bilingual(zh=fid, en=fid), value=v, unit="CNY", direction="outflow" if v < 0 else "inflow",
                period=WEEK, display=Bilingual(zh=fid, en=fid), provenance=Provenance(formula="t"))


def test_mutator_skips_changes_that_land_on_another_fact():
    # 净流出2126.17亿元; a second fact is 3126.17亿 outflow, so 2->3 in the first digit would be true
    fs = _fs(_flow("a", "-212617000000"), _flow("b", "-312617000000"))
    text = "宽基ETF净流出2126.17亿元。"
    start = text.index("净流出")
    m = Mention(text="净流出2126.17亿元", start=start, end=start + len("净流出2126.17亿元"), value=D("212617000000"), unit="CNY",
                direction="outflow", precision=D("1000000"))
    mut = mutate(text, [m], fs, "digit", 0)
    assert mut is not None
    assert mut.after == "净流出2226.17亿元"  # second digit 1 -> 2
    # the sign flip lands on no fact, so it stays
    assert mutate(text, [m], fs, "direction", 0).after == "净流入2126.17亿元"
    # with an inflow twin, a direction flip would be true: no mutation of that kind
    fs2 = _fs(_flow("a", "-212617000000"), _flow("b", "212617000000"))
    assert mutate(text, [m], fs2, "direction", 0) is None


def test_hedge_flip_chooses_a_false_alternative():
    # 约30亿 for 31.26亿: "超30亿" would be true (31.26 in (30, 37.5]), so the mutator writes 近30亿
    fs = _fs(_flow("s", "3126000000"))
    text = "软件ETF净流入约30亿元。"
    start = text.index("净流入")
    m = Mention(text="净流入约30亿元", start=start, end=start + 8, value=D("3000000000"), unit="CNY",
                direction="inflow", hedge="about", precision=D("100000000"))
    mut = mutate(text, [m], fs, "hedge", 0)
    assert mut is not None and mut.after == "净流入近30亿元"
    assert check_mentions(mut.mentions, fs).mentions[0].status == "mismatched"


def test_claim_holds_by_hand():
    fs = _fs(_flow("s", "3126000000"), _flow("b", "-212617000000"))

    def c(value, **kw):
        return claim_holds(Mention(text="x", start=0, end=1, value=D(value), unit="CNY", **kw), fs)

    assert c("3126000000", direction="inflow", precision=D("1000000"))
    assert c("3000000000", direction="inflow", hedge="over", precision=D("100000000"))
    assert not c("3000000000", direction="inflow", hedge="nearly", precision=D("100000000"))
    assert not c("3126000000", direction="outflow", precision=D("1000000"))
    assert c("-212617000000", precision=D("1000000"))
    assert not c("212617000000", precision=D("1000000"))
    assert c("212617000000", direction="outflow", precision=D("1000000"))
