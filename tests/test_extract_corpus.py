"""Score the extractor on the labelled dev corpus (tests/data/extract_corpus*.jsonl).

Each corpus line holds a text and the mentions a careful reader finds in it, written by hand:
``[text, value, unit, direction, hedge, {extras}]`` with values as exact decimal strings
("2126.17e8"), fractions ("1/3"), ISO strings for dates, or null for unparsed spans; direction is
"in" / "out" / "" and hedge is "over" / "nearly" / "about" / "under" / "". An expected mention is
found when an extracted mention overlaps its place in the text and has the same value and unit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from etfwriter.evals.extract import extract

DATA = Path(__file__).parent / "data"
DIRECTIONS = {"in": "inflow", "out": "outflow", "": "none"}
HEDGES = {"": "none", "over": "over", "nearly": "nearly", "about": "about", "under": "under"}


def load_corpus() -> list[dict]:
    cases = []
    for path in sorted(DATA.glob("extract_corpus*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                case["_where"] = f"{path.name}:{n}"
                cases.append(case)
    return cases


def expected_value(raw: str | None, unit: str):
    if raw is None or unit == "date":
        return raw
    if "/" in raw:
        num, den = raw.split("/")
        return Decimal(num) / Decimal(den)
    return Decimal(raw)


def same_value(want, got) -> bool:
    if want is None or isinstance(want, str):
        return want == got
    return isinstance(got, Decimal) and got == want


def score(cases: list[dict]) -> dict:
    tp = n_expected = n_found = 0
    hedge_ok = dir_ok = extras_ok = extras_n = 0
    misses: list[str] = []
    spurious: list[str] = []
    wrong_tags: list[str] = []
    for case in cases:
        text = case["text"]
        ref = dt.date.fromisoformat(case["ref_date"]) if case.get("ref_date") else None
        found = extract(text, ref_date=ref)
        n_found += len(found)
        used: set[int] = set()
        cursor = 0
        for item in case["expect"]:
            span_text, raw, unit, direction, hedge = item[:5]
            extras = item[5] if len(item) > 5 else {}
            n_expected += 1
            at = text.find(span_text, cursor)
            if at < 0:
                at = text.find(span_text)
            lo, hi = at, at + len(span_text)
            cursor = hi
            want = expected_value(raw, unit)
            hit = None
            for i, m in enumerate(found):
                if i in used or m.end <= lo or m.start >= hi:
                    continue
                if m.unit == unit and same_value(want, m.value):
                    hit = i
                    break
            if hit is None:
                near = [f"{m.text}={m.value} {m.unit}" for m in found if not (m.end <= lo or m.start >= hi)]
                misses.append(f"{case['id']}: [{span_text}] want {raw} {unit}; got {near or 'nothing'}")
                continue
            used.add(hit)
            tp += 1
            m = found[hit]
            if m.hedge == HEDGES[hedge]:
                hedge_ok += 1
            else:
                wrong_tags.append(f"{case['id']}: [{span_text}] hedge {m.hedge} != {HEDGES[hedge]}")
            if m.direction == DIRECTIONS[direction]:
                dir_ok += 1
            else:
                wrong_tags.append(f"{case['id']}: [{span_text}] direction {m.direction} != {DIRECTIONS[direction]}")
            for key, val in extras.items():
                extras_n += 1
                if getattr(m, key) == val:
                    extras_ok += 1
                else:
                    wrong_tags.append(f"{case['id']}: [{span_text}] {key} {getattr(m, key)!r} != {val!r}")
        for i, m in enumerate(found):
            if i not in used:
                spurious.append(f"{case['id']}: [{m.text}] {m.value} {m.unit}")
    return {
        "expected": n_expected,
        "found": n_found,
        "matched": tp,
        "recall": tp / n_expected if n_expected else 1.0,
        "precision": tp / n_found if n_found else 1.0,
        "hedge_accuracy": hedge_ok / tp if tp else 1.0,
        "direction_accuracy": dir_ok / tp if tp else 1.0,
        "extras_accuracy": extras_ok / extras_n if extras_n else 1.0,
        "misses": misses,
        "spurious": spurious,
        "wrong_tags": wrong_tags,
    }


CASES = load_corpus()
REPORT = score(CASES)


def _summary(report: dict) -> str:
    lines = [
        f"expected={report['expected']} found={report['found']} matched={report['matched']}",
        f"recall={report['recall']:.4f} precision={report['precision']:.4f} "
        f"hedge={report['hedge_accuracy']:.4f} direction={report['direction_accuracy']:.4f} "
        f"extras={report['extras_accuracy']:.4f}",
    ]
    lines += ["MISS " + x for x in report["misses"]]
    lines += ["SPURIOUS " + x for x in report["spurious"]]
    lines += ["TAG " + x for x in report["wrong_tags"]]
    return "\n".join(lines)


def test_corpus_is_large_and_covers_the_spec():
    items = [item for case in CASES for item in case["expect"]]
    assert len(items) >= 300
    units = Counter(item[2] for item in items)
    for unit in ("CNY", "USD", "HKD", "pct", "ratio", "shares", "points", "count", "stars", "date", "other"):
        assert units[unit] > 0, unit
    hedges = Counter(item[4] for item in items)
    for hedge in HEDGES:
        assert hedges[hedge] > 0, hedge
    assert {item[3] for item in items} == set(DIRECTIONS)
    assert any(not case["expect"] for case in CASES), "the corpus must hold not-a-number cases"
    assert any(item[1] is None for item in items), "the corpus must hold unparsed spans"
    langs = {case["id"].split("-")[0] for case in CASES}
    assert {"zh", "en"} <= langs
    assert any("淨" in case["text"] or "億" in case["text"] for case in CASES), "traditional Chinese"
    assert any("｜" in case["text"] or "|" in case["text"] for case in CASES), "tables"


def test_value_and_unit_recall_and_precision():
    assert REPORT["recall"] >= 0.98 and REPORT["precision"] >= 0.98, _summary(REPORT)


def test_hedge_and_direction_accuracy():
    assert REPORT["hedge_accuracy"] >= 0.95 and REPORT["direction_accuracy"] >= 0.95, _summary(REPORT)


def test_points_change_and_fact_refs():
    assert REPORT["extras_accuracy"] == 1.0, _summary(REPORT)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_index_the_text(case):
    for m in extract(case["text"]):
        assert case["text"][m.start : m.end] == m.text
