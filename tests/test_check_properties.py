"""Properties of the checker over generated values (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from etfwriter.evals.check import check_mentions
from etfwriter.evals.mentions import Mention
from etfwriter.tools.facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance

WEEK = Period(start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 16))


def _facts(value: Decimal, direction: str = "inflow") -> FactSet:
    f = Fact(id="flow.x", label=Bilingual(zh="x", en="x"), value=value, unit="CNY", direction=direction, period=WEEK,
             display=Bilingual(zh="x", en="x"), provenance=Provenance(formula="t"))
    return FactSet(period=WEEK, dataset=DatasetInfo(name="t", hash="h", price_convention="nav"), facts=[f])


def _mention(value: Decimal, precision: Decimal, hedge: str = "none", direction: str = "inflow") -> Mention:
    return Mention(text="n", start=0, end=1, value=value, unit="CNY", direction=direction, hedge=hedge, precision=precision)


# fact values: 1万 .. 1万亿 yuan, to the yuan
values = st.integers(min_value=10**4, max_value=10**12).map(Decimal)
places = st.integers(min_value=2, max_value=10)  # precision 100 yuan .. 100亿


@given(values, places)
@settings(max_examples=300, deadline=None)
def test_the_fact_rounded_to_any_precision_is_supported(f, k):
    p = Decimal(10) ** k
    w = (f / p).to_integral_value(ROUND_HALF_UP) * p
    if w == 0:
        return
    r = check_mentions([_mention(w, p)], _facts(f)).mentions[0]
    assert r.status == "supported"
    assert r.fact_id == "flow.x"


@given(values, places, st.sampled_from([-1, 1]))
@settings(max_examples=300, deadline=None)
def test_one_unit_off_in_the_last_digit_is_not_supported(f, k, step):
    p = Decimal(10) ** k
    if (f / p) % 1 == Decimal("0.5"):
        return  # an exact tie accepts both neighbours by policy (half up and half even)
    w = (f / p).to_integral_value(ROUND_HALF_UP) * p + step * p
    if w <= 0:
        return
    r = check_mentions([_mention(w, p)], _facts(f)).mentions[0]
    assert r.status != "supported"


@given(values, st.integers(min_value=1, max_value=400))
@settings(max_examples=300, deadline=None)
def test_over_holds_exactly_inside_its_band(f, pct_below):
    # written w = f x (1 - pct_below / 1000): over holds when f <= max(1.25 w, w + leading place of w)
    w = (f * (1 - Decimal(pct_below) / 1000)).quantize(Decimal(1))
    if w <= 0 or w >= f:
        return
    r = check_mentions([_mention(w, Decimal(1), "over")], _facts(f)).mentions[0]
    expected = f <= max(w * Decimal("1.25"), w + Decimal(10) ** (len(str(int(w))) - 1))
    assert (r.status == "supported") == expected


@given(values, places)
@settings(max_examples=200, deadline=None)
def test_direction_word_against_the_sign(f, k):
    p = Decimal(10) ** k
    w = (f / p).to_integral_value(ROUND_HALF_UP) * p
    if w == 0:
        return
    outflow_fact = _facts(-f, "outflow")
    assert check_mentions([_mention(w, p, direction="outflow")], outflow_fact).mentions[0].status == "supported"
    r = check_mentions([_mention(w, p, direction="inflow")], outflow_fact).mentions[0]
    assert (r.status, r.diffs) == ("mismatched", ["direction"])
    assert check_mentions([_mention(-w, p, direction="outflow")], outflow_fact).mentions[0].status == "supported"
