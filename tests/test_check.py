"""The checker on hand-made mentions: statuses, reasons, policy bands, strict mode, summary, JSON.

Every expected value here is worked out by hand from the fact values written in the test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal as D

import pytest

from etfwriter.evals import _policy
from etfwriter.evals._samples import ARTICLE_EN, ARTICLE_ZH, gold_en, gold_zh, sample_facts
from etfwriter.evals.check import EvalReport, check_mentions
from etfwriter.evals.mentions import Mention
from etfwriter.tools.facts import Bilingual, DatasetInfo, Fact, FactSet, Period, Provenance

WEEK = Period(start=dt.date(2026, 1, 12), end=dt.date(2026, 1, 16))


def fact(fid, value, unit="CNY", *, direction="none", must_say=False, points=False, period=WEEK):
    return Fact(id=fid, label=Bilingual(zh=fid, en=fid), value=D(value) if unit != "date" else value, unit=unit,
                direction=direction, period=period, display=Bilingual(zh=f"{fid}-zh", en=f"{fid}-en"),
                provenance=Provenance(formula="test"), must_say=must_say, points_change=points)


def facts(*fs):
    return FactSet(period=WEEK, dataset=DatasetInfo(name="t", hash="h", price_convention="nav"), facts=list(fs))


def men(value, unit="CNY", *, precision=None, direction="none", hedge="none", points=False, ref=None, text="x",
        start=0, unparsed=False):
    v = None if value is None else (value if unit == "date" else D(value))
    return Mention(text=text, start=start, end=start + len(text), value=v, unit=unit, direction=direction,
                   hedge=hedge, precision=None if precision is None else D(precision), points_change=points,
                   fact_ref=ref, unparsed=unparsed)


BROAD = fact("flow.category.broad", "-212617000000", direction="outflow", must_say=True)  # 净流出2126.17亿
THEME = fact("flow.category.sector_theme", "69342000000", direction="inflow", must_say=True)  # 净流入693.42亿
SOFTWARE = fact("flow.theme.software", "3126000000", direction="inflow")  # 31.26亿
GRID = fact("flow.theme.grid", "684000000", direction="inflow")  # 6.84亿
SHARE = fact("share.csi300", "0.486231", "pct")  # 48.6%
PP = fact("share.theme_aum.change", "0.008", "pct", points=True)  # 0.8 percentage points
CHANGE = fact("index.csi300.change", "-0.012318", "pct")  # -1.23%
COUNT_OUT = fact("count.etfs_out", "186", "count", direction="outflow")
END = fact("period.end", "2026-01-16", "date")
DAY14 = fact("flow.etf_day.max_out.date", "2026-01-14", "date", period=Period(start=dt.date(2026, 1, 14), end=dt.date(2026, 1, 14)))

FS = facts(BROAD, THEME, SOFTWARE, GRID, SHARE, PP, CHANGE, COUNT_OUT, END, DAY14)


def one(m, fs=FS, **kw):
    report = check_mentions([m], fs, **kw)
    return report.mentions[0]


# --- exact numbers: rounding to the written precision ---------------------------------------------


@pytest.mark.parametrize("value,precision,status", [
    ("212617000000", "1000000", "supported"),    # 2126.17亿
    ("212600000000", "100000000", "supported"),  # 2126亿: 2126.17 rounds to 2126
    ("212620000000", "10000000", "supported"),   # 2126.2亿 / RMB 212.62 billion
    ("213000000000", "100000000", "mismatched"),  # 2130亿
    ("212610000000", "10000000", "mismatched"),  # 2126.1亿: the fact rounds to 2126.2
    ("210000000000", "10000000000", "supported"),  # 2100亿 written to the hundreds of 亿 (precision 1e10)
])
def test_exact_value_is_the_fact_rounded_to_the_digits_written(value, precision, status):
    r = one(men(value, precision=precision, direction="outflow"))
    assert r.status == status
    assert r.fact_id == "flow.category.broad"
    if status == "mismatched":
        assert r.diffs == ["value"]


def test_precision_defaults_to_the_last_nonzero_digit():
    # 2126亿 with no precision given: the last non-zero digit is the 亿 place
    assert one(men("212600000000", direction="outflow")).status == "supported"
    # 2126.17亿 exactly
    assert one(men("212617000000", direction="outflow")).status == "supported"


def test_an_exact_tie_accepts_half_up_and_half_even():
    fs = facts(fact("share.tie", "0.4865", "pct"))
    assert one(men("0.487", "pct", precision="0.001"), fs).status == "supported"  # half up
    assert one(men("0.486", "pct", precision="0.001"), fs).status == "supported"  # half even
    assert one(men("0.485", "pct", precision="0.001"), fs).status != "supported"


# --- hedges ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value,hedge,fact_id,status", [
    ("3000000000", "over", "flow.theme.software", "supported"),     # 超30亿: 31.26 in (30, 37.5]
    ("3100000000", "over", "flow.theme.software", "supported"),     # 超31亿: 31.26 in (31, 38.75]
    ("3130000000", "over", "flow.theme.software", "mismatched"),    # 超31.3亿: 31.26 is below
    ("700000000", "nearly", "flow.theme.grid", "supported"),        # 近7亿: 6.84 in [6.3, 7)
    ("684000000", "nearly", "flow.theme.grid", "mismatched"),       # 近6.84亿: equal is not "nearly"
    ("700000000", "under", "flow.theme.grid", "supported"),         # 不到7亿: 6.84 in [6.3, 7)
    ("700000000", "over", "flow.theme.grid", "mismatched"),         # 超7亿: 6.84 is below
    ("3200000000", "about", "flow.theme.software", "supported"),    # 约32亿: |31.26 - 32| = 0.74 <= 1.6
])
def test_hedges_have_interval_meaning(value, hedge, fact_id, status):
    r = one(men(value, hedge=hedge, direction="inflow", precision="100000000"))
    assert r.status == status
    assert r.fact_id == fact_id
    if status == "mismatched":
        assert r.diffs == ["hedge"]


def test_over_is_bounded_so_a_much_larger_fact_does_not_support_it():
    # 超20亿 against 31.26亿: the band ends at max(20 x 1.25, 20 + 10) = 30 < 31.26; nothing else is near
    r = one(men("2000000000", hedge="over", direction="inflow", precision="100000000"), facts(SOFTWARE))
    assert r.status == "unsupported"
    # 超25亿 against 31.26亿: within max(31.25, 35) -> supported (writers round down to a round figure)
    r = one(men("2500000000", hedge="over", direction="inflow", precision="100000000"), facts(SOFTWARE))
    assert r.status == "supported"
    # 超1亿 is not "supported" by a 2126亿 figure either
    assert one(men("100000000", hedge="over", direction="outflow")).status != "supported"


def test_about_band_is_five_percent():
    # 约2100亿: |2126.17 - 2100| = 26.17 <= 105 -> supported; 约2000亿: 126.17 > 100 -> hedge mismatch
    assert one(men("210000000000", hedge="about", direction="outflow", precision="100000000")).status == "supported"
    r = one(men("200000000000", hedge="about", direction="outflow", precision="100000000"))
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["hedge"], "flow.category.broad")


def test_nearly_band_is_ten_percent():
    # 近7.6亿: 7.6 x 0.9 = 6.84 <= 6.84 < 7.6 -> supported (band edge included); 近7.7亿: 6.93 > 6.84 -> not
    assert one(men("760000000", hedge="nearly", direction="inflow", precision="10000000"), facts(GRID)).status == "supported"
    assert one(men("770000000", hedge="nearly", direction="inflow", precision="10000000"), facts(GRID)).status != "supported"


# --- direction and sign -------------------------------------------------------------------------------


def test_direction_word_compares_magnitudes():
    assert one(men("212617000000", direction="outflow", precision="1000000")).status == "supported"
    r = one(men("212617000000", direction="inflow", precision="1000000"))  # 净流入2126.17亿
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["direction"], "flow.category.broad")
    assert "inflow" in r.reason and "outflow" in r.reason


def test_printed_sign_compares_signs():
    assert one(men("-212617000000", direction="outflow", precision="1000000")).status == "supported"  # table cell -2126.17
    r = one(men("212617000000", precision="1000000"))  # +2126.17 / unsigned, no word: reads as positive
    assert (r.status, r.diffs) == ("mismatched", ["direction"])
    r = one(men("-69342000000", direction="outflow", precision="1000000"))  # -693.42 for an inflow
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["direction"], "flow.category.sector_theme")


def test_signed_non_flow_values():
    assert one(men("-0.0123", "pct", precision="0.0001")).status == "supported"  # -1.23%
    r = one(men("0.0123", "pct", precision="0.0001", text="+1.23%"))  # +1.23% for a fall
    assert (r.status, r.diffs) == ("mismatched", ["direction"])
    # a direction word next to a positive share describes what was measured: 流出占比48.6%
    assert one(men("0.486", "pct", precision="0.001", direction="outflow")).status == "supported"
    # but a printed minus contradicts it
    assert one(men("-0.486", "pct", precision="0.001")).status == "mismatched"


def test_counts_ignore_direction_words():
    assert one(men("186", "count", direction="outflow")).status == "supported"  # 186只ETF净流出
    assert one(men("186", "count")).status == "supported"
    r = one(men("187", "count"))
    assert (r.status, r.fact_id, r.diffs) == ("mismatched", "count.etfs_out", ["value"])


# --- scale, unit, points ------------------------------------------------------------------------------


def test_wan_for_yi_is_a_scale_mismatch():
    r = one(men("21261700", direction="outflow", precision="100"))  # 净流出2126.17万
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["scale"], "flow.category.broad")
    assert "10^-4" in r.reason


def test_yi_for_billion_is_a_scale_mismatch():
    r = one(men("21260000000", direction="outflow", precision="10000000"))  # RMB 21.26 billion written for 212.62
    assert (r.status, r.diffs) == ("mismatched", ["scale"])


def test_hedged_scale_slip_is_found_for_unit_words():
    r = one(men("300000", hedge="over", direction="inflow", precision="10000"))  # 超30万 for 31.26亿
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["scale"], "flow.theme.software")


def test_percent_versus_points():
    r = one(men("0.486", "pct", precision="0.001", points=True))  # 48.6个百分点
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["points"], "share.csi300")
    r = one(men("0.008", "pct", precision="0.001"))  # 0.8% for 0.8 percentage points
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["points"], "share.theme_aum.change")
    assert one(men("0.008", "pct", precision="0.001", points=True)).status == "supported"


def test_wrong_unit_with_the_right_digits():
    r = one(men("212617000000", "shares", direction="outflow", precision="1000000"))  # 2126.17亿份
    assert (r.status, r.diffs, r.fact_id) == ("mismatched", ["unit"], "flow.category.broad")
    r = one(men("212617000000", "USD", direction="outflow", precision="1000000"))
    assert (r.status, r.diffs) == ("mismatched", ["unit"])
    # a dollar figure nothing resembles is simply unsupported
    assert one(men("5000000", "USD")).status == "unsupported"


def test_one_digit_edit_links_to_the_fact():
    # 2162.17亿 (two digits swapped) and 216.17亿 (a digit dropped) are about 2126.17亿
    for value in ("216217000000", "21617000000"):
        r = one(men(value, direction="outflow", precision="1000000"))
        assert (r.status, r.fact_id, r.diffs) == ("mismatched", "flow.category.broad", ["value"])


# --- unsupported, unparsed ----------------------------------------------------------------------------


def test_unsupported_lists_nearest_facts_of_the_unit():
    r = one(men("5000000000000", direction="outflow", precision="100000000"))  # 净流出5万亿: nothing near
    assert r.status == "unsupported"
    assert r.fact_id is None
    assert r.candidates[0] == "flow.category.broad"  # the outflow closest in ratio
    assert "nearest" in r.reason and "flow.category.broad" in r.reason


def test_unparsed_is_its_own_status_and_fails():
    report = check_mentions([men(None, "other", unparsed=True, text="两三成")], FS)
    assert report.mentions[0].status == "unparsed"
    assert report.summary.unparsed == 1
    assert not report.passed


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("iso,status,fact_id", [
    ("2026-01-16", "supported", "period.end"),                 # a date fact
    ("2026-01-12", "supported", "flow.category.broad"),        # start of the period described
    ("2026-01-14", "supported", "flow.etf_day.max_out.date"),  # a date fact
    ("2026-01", "supported", "flow.etf_day.max_out.date"),     # a month: its earliest date fact
    ("2026-01-17", "mismatched", "period.end"),                # a day after the end, outside the period
    ("2026-01-13", "unsupported", None),                       # inside the period, no fact has it
    ("2025-06-01", "unsupported", None),
])
def test_dates(iso, status, fact_id):
    r = one(men(iso, "date"))
    assert (r.status, r.fact_id) == (status, fact_id)


# --- strict mode -------------------------------------------------------------------------------------


def test_a_number_citing_a_known_fact_is_bound_to_it_in_both_modes():
    # the theme flow's value, cited as the broad flow (two numbers swapped): true of some fact, but not of its own
    right_value_wrong_fact = men("69342000000", direction="inflow", precision="1000000", ref="flow.category.broad")
    for strict in (False, True):
        r = one(right_value_wrong_fact, strict=strict)
        assert (r.status, r.fact_id) == ("mismatched", "flow.category.broad")
        assert "direction" in r.diffs and "value" in r.diffs


def test_unknown_citation_falls_back_to_search_unless_strict():
    r = one(men("212617000000", direction="outflow", precision="1000000", ref="3"))
    assert (r.status, r.fact_id) == ("supported", "flow.category.broad")


def test_strict_unknown_id():
    r = one(men("212617000000", direction="outflow", precision="1000000", ref="flow.nope"), strict=True)
    assert (r.status, r.reason) == ("mismatched", "unknown fact id: flow.nope")


def test_strict_unreferenced_numbers_are_searched_and_flagged():
    report = check_mentions([men("212617000000", direction="outflow", precision="1000000")], FS, strict=True)
    r = report.mentions[0]
    assert (r.status, r.fact_id, r.unreferenced) == ("supported", "flow.category.broad", True)
    assert "no fact reference" in r.reason
    assert report.summary.unreferenced == 1
    assert report.passed


def test_strict_reference_with_scale_error_names_the_scale():
    r = one(men("3000000", hedge="over", direction="inflow", precision="1000000", ref="flow.theme.software"), strict=True)
    assert (r.status, r.diffs) == ("mismatched", ["scale"])  # over RMB 3 million for 31.26亿


def test_strict_date_reference():
    assert one(men("2026-01-14", "date", ref="flow.etf_day.max_out.date"), strict=True).status == "supported"
    r = one(men("2026-01-15", "date", ref="flow.etf_day.max_out.date"), strict=True)
    assert (r.status, r.fact_id) == ("mismatched", "flow.etf_day.max_out.date")


def test_non_strict_prefers_the_referenced_fact_among_equals():
    twin = fact("flow.family.csi300", "-212617000000", direction="outflow")
    fs = facts(BROAD, twin)
    assert one(men("212617000000", direction="outflow", precision="1000000", ref="flow.family.csi300"), fs).fact_id == "flow.family.csi300"
    # without a reference the must-say fact is preferred
    assert one(men("212617000000", direction="outflow", precision="1000000"), fs).fact_id == "flow.category.broad"


# --- summary, pass/fail, JSON ---------------------------------------------------------------------------


def test_summary_counts_precision_and_coverage():
    ms = [
        men("212617000000", direction="outflow", precision="1000000", text="净流出2126.17亿元", start=0),   # supported, must-say
        men("3000000000", hedge="over", direction="inflow", precision="100000000", start=20),              # supported
        men("999000000000", direction="inflow", precision="100000000", start=30),                          # unsupported
        men("213000000000", direction="outflow", precision="100000000", start=40),                         # mismatched
        men(None, "other", unparsed=True, start=50),                                                       # unparsed
    ]
    report = check_mentions(ms, FS)
    s = report.summary
    assert (s.numbers, s.supported, s.unsupported, s.mismatched, s.unparsed) == (5, 2, 1, 1, 1)
    assert s.precision == 0.4  # 2 / 5
    assert s.coverage == 0.5   # broad said, sector_theme not: 1 / 2
    assert s.must_say_missing == ["flow.category.sector_theme"]
    assert not report.passed


def test_no_numbers_does_not_pass():
    report = check_mentions([], FS)
    assert report.summary.numbers == 0
    assert report.summary.precision is None
    assert not report.passed


def test_json_shape_and_types():
    ms = [men("-212617000000", direction="outflow", precision="1000000", text="-2126.17", start=3),
          men("0.486", "pct", precision="0.001", text="48.6%", start=20),
          men("2026-01-16", "date", text="2026年1月16日", start=30)]
    data = check_mentions(ms, FS).to_json()
    assert list(data) == ["mentions", "summary"]
    assert list(data["summary"]) == ["numbers", "supported", "unsupported", "mismatched", "unparsed", "precision", "coverage"]
    first = data["mentions"][0]
    assert list(first) == ["text", "start", "end", "line", "value", "unit", "direction", "hedge", "status", "fact_id", "reason"]
    assert first["value"] == -212617000000 and isinstance(first["value"], int)
    assert data["mentions"][1]["value"] == 0.486
    assert data["mentions"][2]["value"] == "2026-01-16"
    assert (first["start"], first["end"]) == (3, 11)
    json.dumps(data)  # plain JSON types only


# --- policy ------------------------------------------------------------------------------------------


def test_the_caller_cannot_widen_the_bands():
    with pytest.raises(TypeError):
        check_mentions([], FS, tolerance=0.5)  # type: ignore[call-arg]
    with pytest.raises(dataclasses.FrozenInstanceError):
        _policy.POLICY.about_band = D("0.5")  # type: ignore[misc]
    with pytest.raises(TypeError):
        _policy.SCALE_EXPONENTS["amount"] = (1, 2, 3)  # type: ignore[index]
    report = check_mentions([], FS)
    assert report.policy["about_band"] == "0.05"
    assert report.policy["over_band"] == "0.25"
    assert report.policy["nearly_band"] == "0.10"


# --- the hand-annotated sample articles ---------------------------------------------------------------


@pytest.mark.parametrize("gold,article", [(gold_zh, ARTICLE_ZH), (gold_en, ARTICLE_EN)])
@pytest.mark.parametrize("strict", [False, True])
def test_clean_samples_pass(gold, article, strict):
    mentions = gold()
    for m in mentions:
        assert article[m.start:m.end] == m.text
    report = check_mentions(mentions, sample_facts(), strict=strict)
    assert [r.mention.text for r in report.mentions if r.status != "supported"] == []
    assert report.passed
    assert report.summary.coverage == 1.0  # all six must-say facts are in both articles
    for r in report.mentions:
        if r.mention.fact_ref is not None and r.mention.unit != "date":
            assert r.fact_id == r.mention.fact_ref


def test_report_is_a_pydantic_model():
    report = check_mentions(gold_zh(), sample_facts())
    again = EvalReport.model_validate_json(report.model_dump_json())
    assert again.to_json() == report.to_json()


def test_facts_read_from_plain_json_work():
    # FactSet.model_validate on json.loads output keeps decimal strings as str; they are read as numbers
    fs = FactSet.model_validate(json.loads(facts(BROAD, SHARE).model_dump_json()))
    assert isinstance(fs.facts[0].value, str)
    assert one(men("212617000000", direction="outflow", precision="1000000"), fs).status == "supported"
    assert one(men("0.486", "pct", precision="0.001"), fs).status == "supported"


def test_a_changed_fact_set_is_not_judged_from_a_stale_index():
    fs = facts(fact("flow.x", "-212617000000", direction="outflow"))
    m = men("212617000000", direction="outflow", precision="1000000")
    assert one(m, fs).status == "supported"
    fs.facts[0].value = D("-100000000000")  # 1000亿 now
    assert one(m, fs).status == "unsupported"


def test_non_strict_unsupported_number_with_a_reference_is_judged_against_it():
    # 净流出5000亿[^flow.category.broad]: nothing supports it; the reference says what it is about
    r = one(men("500000000000", direction="outflow", precision="100000000", ref="flow.category.broad"))
    assert (r.status, r.fact_id, r.diffs) == ("mismatched", "flow.category.broad", ["value"])


def test_negative_non_flow_figure_written_without_a_sign():
    # 沪深300指数下跌1.23%: the fall is in a word the extractor does not carry; the magnitude is compared
    assert one(men("0.0123", "pct", precision="0.0001", text="1.23%")).status == "supported"
    # an explicit plus contradicts the fall
    r = one(men("0.0123", "pct", precision="0.0001", text="+1.23%"))
    assert (r.status, r.diffs) == ("mismatched", ["direction"])
    assert "printed with +" in r.reason
    # a flow figure is stricter: an unsigned number with no direction word reads as an inflow
    r = one(men("212617000000", precision="1000000", text="2126.17亿元"))
    assert (r.status, r.diffs) == ("mismatched", ["direction"])


def test_an_amount_in_another_currency_is_not_supported_by_a_count():
    import datetime as dt

    from etfwriter.evals.check import check
    from etfwriter.evals.extract import extract
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2026, 1, 12))
    fs = compute_facts(ds, s, e, "nav")
    text = "The week had 5 trading days, and investors put €5 into a European fund."
    (days, euros) = extract(text)
    assert (days.unit, days.foreign_money) == ("count", False) and (euros.unit, euros.foreign_money) == ("other", True)
    got = {r.mention.text: r.status for r in check(text, fs).mentions}
    assert got == {days.text: "supported", "€5": "unsupported"}
    plain = {r.mention.text: r.status for r in check("The week had 5 trading days; 5 of them were up.", fs).mentions}
    assert "supported" in plain.values()  # a bare number may still match a count


def test_a_move_word_that_contradicts_the_sign_of_a_change_is_mismatched():
    import datetime as dt

    from etfwriter.evals.check import check
    from etfwriter.tools import compute_facts, load_seed, resolve_period

    ds = load_seed()
    s, e = resolve_period(ds, week=dt.date(2026, 1, 12))
    fs = compute_facts(ds, s, e, "nav")
    by = fs.by_id()
    assert by["index.csi300.change"].number < 0 < by["index.csi2000.change"].number

    def statuses(text):
        return [(r.mention.text, r.status) for r in check(text, fs).mentions]

    assert statuses("沪深300本周下跌0.60%，中证2000上涨1.48%。") == [("0.60%", "supported"), ("1.48%", "supported")]
    assert statuses("沪深300本周上涨0.60%，中证2000下跌1.48%。") == [("0.60%", "mismatched"), ("1.48%", "mismatched")]
    assert statuses("The CSI 300 fell 0.6% and the CSI 2000 rose 1.48%.") == [("0.6%", "supported"), ("1.48%", "supported")]
    assert statuses("The CSI 300 rose 0.6% and the CSI 2000 fell 1.48%.") == [("0.6%", "mismatched"), ("1.48%", "mismatched")]
    assert statuses("沪深300ETF占宽基净流出的48.6%。") == [("48.6%", "supported")]  # a share is not a move
