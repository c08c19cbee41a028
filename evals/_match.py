"""Comparing one written number with one fact, and finding the facts worth comparing it with.

Pure functions over `Mention` and `Fact`; the bands come from `_policy` and are not parameters.
A `Relation` says how a mention relates to a fact: an empty `diffs` means the fact supports the
mention; otherwise `diffs` names what differs (value, scale, direction, hedge, unit, points).
"""

from __future__ import annotations

import bisect
import re
import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from etfwriter.tools.facts import Fact, FactSet

from ._policy import (
    ABOUT_BAND,
    DATE_WINDOW_DAYS,
    EDIT_MIN_DIGITS,
    HEDGED_SCALE_EXPONENTS,
    NEARLY_BAND,
    OVER_BAND,
    over_upper,
    PLAUSIBLE_BAND,
    SCALE_EXPONENTS,
    SCALE_MIN_DIGITS,
    UNDER_BAND,
)
from .mentions import Mention

ONE = Decimal(1)
TEN = Decimal(10)
HALF = Decimal("0.5")

UNSIGNED_UNITS = frozenset({"count", "stars"})
"""Units that are magnitudes: a direction word next to a count says what was counted."""
FLOW_UNITS = frozenset({"CNY", "shares"})
FOREIGN_MONEY = "other currency"
"""The claim unit of an amount in a currency the mention units do not name (`Mention.foreign_money`)."""
AMOUNT_UNITS = frozenset({"CNY", "shares", "USD", "HKD", FOREIGN_MONEY})
DIMENSIONLESS = ("count", "ratio", "points")
NUMERIC_FACT_UNITS = ("CNY", "shares", "pct", "ratio", "stars", "count", "points")

DIFF_ORDER = ("unit", "points", "direction", "scale", "hedge", "value")
_MAG_RANK = {"ok": 0, "hedge": 1, "scale": 2, "value": 3, None: 4}


# --- numbers written ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric mention reduced to what the comparison needs."""

    mag: Decimal
    sign: int
    printed: bool
    """The sign is printed (a minus, or an explicit plus)."""
    worded: bool
    """The direction is given by a word (净流入 / outflow ...)."""
    unit: str
    hedge: str
    precision: Decimal
    points: bool
    digits: int
    fmag: float
    moved: bool = False
    """A verb of rising or falling gives the number its sign (上涨 / fell before a percentage)."""


_PLUS = re.compile(r"(?:^|[^\w.])[+＋]\s*\d")


def last_digit_place(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit (used when no precision was given)."""
    if value == 0:
        return ONE
    exp = value.normalize().as_tuple().exponent
    return TEN ** int(exp) if isinstance(exp, int) else ONE


def claim_of(m: Mention) -> Claim:
    v = m.value
    assert isinstance(v, Decimal)
    mag = abs(v)
    p = m.precision if (m.precision is not None and m.precision > 0) else last_digit_place(mag)
    printed = v < 0 or bool(_PLUS.search(m.text))
    moved = not printed and m.change != "none"
    worded = not printed and (m.direction != "none" or moved)
    if v < 0 or (not printed and (m.direction == "outflow" or m.change == "down")):
        sign = -1 if v != 0 else 0
    else:
        sign = 1 if v > 0 else 0
    try:
        digits = len(str(int((mag / p).to_integral_value(ROUND_HALF_UP))))
    except (InvalidOperation, ZeroDivisionError):  # pragma: no cover - defensive
        digits = 0
    unit = FOREIGN_MONEY if m.foreign_money else m.unit
    return Claim(mag, sign, printed, worded, unit, m.hedge, p, m.points_change, digits, float(mag), moved)


# --- facts ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """A numeric fact, indexed."""

    fact: Fact
    order: int
    mag: Decimal
    sign: int
    unit: str
    points: bool
    flow: bool
    fmag: float


@dataclass(frozen=True, slots=True)
class KnownDate:
    iso: str
    fact: Fact | None
    how: str
    rank: int


class FactIndex:
    """Facts sorted by unit and magnitude, and every date the fact set vouches for."""

    def __init__(self, facts: FactSet):
        self.facts = facts
        self.by_id: dict[str, Fact] = {}
        self.order: dict[str, int] = {}
        self._entries: dict[str, list[Entry]] = {u: [] for u in NUMERIC_FACT_UNITS}
        dates: dict[str, list[KnownDate]] = {}

        def add_date(iso: str, fact: Fact | None, how: str, rank: int) -> None:
            dates.setdefault(iso, []).append(KnownDate(iso, fact, how, rank))

        p = facts.period
        first_with: dict[dt.date, Fact | None] = {p.start: None, p.end: None}
        periods: dict[tuple[dt.date, dt.date], Fact] = {}
        for i, f in enumerate(facts.facts):
            self.by_id.setdefault(f.id, f)
            self.order.setdefault(f.id, i)
            if f.unit == "date":
                add_date(str(f.value), f, "date fact", 0)
            elif (v := fact_number(f)) is not None:
                entry = Entry(f, i, abs(v), (v > 0) - (v < 0), f.unit, f.points_change,
                              f.direction != "none" and f.unit in FLOW_UNITS, float(abs(v)))
                self._entries[f.unit].append(entry)
            key = (f.period.start, f.period.end)
            if key not in periods:
                periods[key] = f
                for bound in key:
                    if bound in first_with and first_with[bound] is None:
                        first_with[bound] = f
        for (start, end), f in periods.items():
            add_date(start.isoformat(), f, "start of the period of", 2)
            add_date(end.isoformat(), f, "end of the period of", 2)
        add_date(p.start.isoformat(), first_with[p.start], "start of the period described", 1)
        add_date(p.end.isoformat(), first_with[p.end], "end of the period described", 1)
        for iso in dates:
            dates[iso].sort(key=lambda d: (d.rank, d.fact is None))
        self.dates = dates
        self.date_list = sorted(dates)
        for unit in self._entries:
            self._entries[unit].sort(key=lambda e: (e.fmag, e.order))
        self._keys = {u: [e.fmag for e in es] for u, es in self._entries.items()}
        self.period = p

    def entries(self, unit: str) -> list[Entry]:
        return self._entries.get(unit, [])

    def window(self, unit: str, lo: float, hi: float) -> list[Entry]:
        """Entries of `unit` with magnitude in [lo, hi] (floats, with a little slack)."""
        keys = self._keys.get(unit)
        if not keys:
            return []
        slack = 1e-9 * max(abs(hi), 1e-300)
        a = bisect.bisect_left(keys, lo - slack)
        b = bisect.bisect_right(keys, hi + slack)
        return self._entries[unit][a:b]

    def nearest(self, unit: str, fmag: float, n: int) -> list[Entry]:
        """The n entries of `unit` closest to fmag in ratio (log distance)."""
        es = self._entries.get(unit) or []
        if not es:
            return []
        keys = self._keys[unit]
        i = bisect.bisect_left(keys, fmag)
        lo, hi = max(0, i - n), min(len(es), i + n)
        pool = es[lo:hi]
        return sorted(pool, key=lambda e: (_log_distance(e.fmag, fmag), e.order))[:n]

    def entry_of(self, fact: Fact) -> Entry | None:
        v = fact_number(fact)
        if v is None:
            return None
        return Entry(fact, self.order.get(fact.id, 0), abs(v), (v > 0) - (v < 0), fact.unit, fact.points_change,
                     fact.direction != "none" and fact.unit in FLOW_UNITS, float(abs(v)))


def fact_number(fact: Fact) -> Decimal | None:
    """A numeric fact's value as a Decimal (a decimal string is read too); None for dates."""
    if fact.unit == "date":
        return None
    v = fact.value
    if isinstance(v, Decimal):
        return v if v.is_finite() else None
    try:
        d = Decimal(str(v).strip())
    except InvalidOperation:
        return None
    return d if d.is_finite() else None


def _log_distance(a: float, b: float) -> float:
    if a <= 0 or b <= 0:
        return math.inf if a != b else 0.0
    return abs(math.log10(a / b))


# --- one comparison -------------------------------------------------------------------------


def rounds_to(f: Decimal, w: Decimal, p: Decimal) -> bool:
    """The fact, rounded to the written place value, equals the written value."""
    q = f / p
    if q.to_integral_value(ROUND_HALF_UP) * p == w:
        return True
    return q.to_integral_value(ROUND_HALF_EVEN) * p == w


def holds(hedge: str, w: Decimal, f: Decimal, p: Decimal) -> bool:
    """Does magnitude f satisfy the written magnitude w under `hedge` (policy bands)?"""
    if hedge == "none":
        return rounds_to(f, w, p)
    if hedge == "over":
        return w < f <= over_upper(w)
    if hedge == "nearly":
        return w * (ONE - NEARLY_BAND) <= f < w
    if hedge == "under":
        return w * (ONE - UNDER_BAND) <= f < w
    if hedge == "about":
        return abs(f - w) <= max(w * ABOUT_BAND, p * HALF)
    return False


def _near_hedge(w: Decimal, f: Decimal, p: Decimal) -> bool:
    """f is close enough to w that another hedge (or none) would have been right."""
    if rounds_to(f, w, p):
        return True
    return w * (ONE - max(NEARLY_BAND, UNDER_BAND, ABOUT_BAND)) <= f <= max(over_upper(w), w * (ONE + ABOUT_BAND))


def _digits_at(value: Decimal, p: Decimal) -> str:
    return str(int((value / p).to_integral_value(ROUND_HALF_UP)))


def one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def scale_exponents(c: Claim, *, forced: bool = False) -> tuple[int, ...]:
    """Powers of ten (both signs) at which a scale slip of this claim is considered."""
    if c.unit in AMOUNT_UNITS:
        base: tuple[int, ...] = SCALE_EXPONENTS["amount"]
    elif c.unit == "pct":
        base = SCALE_EXPONENTS["pct"]
    else:
        base = ()
    if forced:
        base = tuple(range(1, 13)) if base else ()
    elif c.hedge != "none":
        base = tuple(k for k in base if k in HEDGED_SCALE_EXPONENTS)
    elif c.digits < SCALE_MIN_DIGITS:
        base = ()
    return tuple(k for b in base for k in (b, -b))


def mag_relation(c: Claim, f: Decimal, *, forced: bool = False) -> tuple[str | None, int]:
    """How the written magnitude relates to fact magnitude f: ok / hedge / scale / value / None."""
    w, p, h = c.mag, c.precision, c.hedge
    if holds(h, w, f, p):
        return "ok", 0
    if h != "none" and _near_hedge(w, f, p):
        return "hedge", 0
    exps = scale_exponents(c, forced=forced)
    if exps and f != 0 and w != 0:
        k0 = round(math.log10(c.fmag / float(f)))
        for k in (k0, k0 - 1, k0 + 1):
            if k not in exps:
                continue
            fk = f.scaleb(k)
            if holds(h, w, fk, p) or (h != "none" and _near_hedge(w, fk, p)):
                return "scale", k
    if abs(f - w) <= w * PLAUSIBLE_BAND + p * HALF:
        return "value", 0
    if c.digits >= EDIT_MIN_DIGITS and one_edit(_digits_at(w, p), _digits_at(f, p)):
        return "value", 0
    return None, 0


def unit_relation(mention_unit: str, fact_unit: str) -> str | None:
    """'same' when the units agree, 'confusable' for a plausible unit slip, else None."""
    if mention_unit == fact_unit:
        return "same"
    if mention_unit == "other" and fact_unit in DIMENSIONLESS:
        return "same"
    if mention_unit in AMOUNT_UNITS and fact_unit in AMOUNT_UNITS:
        return "confusable"
    if {mention_unit, fact_unit} == {"pct", "ratio"}:
        return "confusable"
    return None


def direction_ok(c: Claim, e: Entry) -> bool:
    """Printed sign or direction word agrees with the sign of the fact."""
    if e.unit in UNSIGNED_UNITS or c.unit in UNSIGNED_UNITS:
        return True
    if c.worded and c.unit in FLOW_UNITS and e.unit in FLOW_UNITS and not e.flow:
        # 净流出 / outflow describes a flow: a level (AUM, turnover) cannot support it
        return False
    if e.sign == 0 or c.mag == 0:
        return True
    if e.flow:
        return c.sign == e.sign
    if e.sign < 0:
        # a negative non-flow figure (an index change): a printed sign or a direction word must say
        # so; an unsigned number with no direction word leaves the sign to words such as 下跌 / fell
        return c.sign < 0 if (c.printed or c.worded) else True
    # a positive non-flow fact (a share, a ratio, an index level): only a printed minus, or a verb of
    # falling right before the number ("下跌1.5%", "fell 1.5%"), contradicts it; a direction word
    # nearby describes what was measured ("流出占比48.6%")
    if c.moved:
        return c.sign > 0
    return not (c.printed and c.sign < 0)


@dataclass(frozen=True, slots=True)
class Relation:
    entry: Entry
    diffs: tuple[str, ...]
    mag: str | None
    exponent: int
    distance: float

    @property
    def fact(self) -> Fact:
        return self.entry.fact

    @property
    def supported(self) -> bool:
        return not self.diffs

    def rank(self, prefer: str | None = None) -> tuple:
        return (
            len(self.diffs),
            _MAG_RANK[self.mag],
            self.entry.fact.id != prefer,
            self.distance,
            not self.entry.fact.must_say,
            self.entry.order,
        )


def relate(c: Claim, e: Entry, *, forced: bool = False) -> Relation | None:
    """Compare a claim with one fact; None when they are not plausibly about the same quantity.

    With `forced` (the fact the text itself cites), a relation is always returned.
    """
    ukind = unit_relation(c.unit, e.unit)
    if ukind is None and not forced:
        return None
    mag, k = mag_relation(c, e.mag, forced=forced)
    diffs: list[str] = []
    if ukind != "same":
        diffs.append("unit")
    if c.unit == "pct" and e.unit == "pct" and c.points != e.points:
        diffs.append("points")
    if not direction_ok(c, e):
        diffs.append("direction")
    if mag in ("hedge", "scale", "value"):
        diffs.append(mag)
    elif mag is None:
        diffs.append("value")
    if not forced:
        if mag is None:
            return None
        if "unit" in diffs and mag not in ("ok", "scale"):
            return None
        if "points" in diffs and mag not in ("ok", "hedge"):
            return None
        if mag == "value" and len(diffs) > 1:
            return None
        if len(diffs) > 2:
            return None
    fk = float(e.mag.scaleb(k)) if k else e.fmag
    return Relation(e, tuple(d for d in DIFF_ORDER if d in diffs), mag, k, _log_distance(fk, c.fmag) if c.fmag else abs(fk))


# --- candidate windows ----------------------------------------------------------------------


def support_units(unit: str) -> tuple[str, ...]:
    """Fact units that can support a mention of `unit`."""
    if unit == "other":
        return DIMENSIONLESS
    if unit in NUMERIC_FACT_UNITS:
        return (unit,)
    return ()


def confusable_units(unit: str) -> tuple[str, ...]:
    out = [u for u in NUMERIC_FACT_UNITS if unit_relation(unit, u) == "confusable"]
    return tuple(out)


def _band(c: Claim) -> tuple[float, float]:
    w, p = c.fmag, float(c.precision)
    spread = float(max(OVER_BAND, PLAUSIBLE_BAND, NEARLY_BAND, UNDER_BAND, ABOUT_BAND))
    return max(0.0, w * (1 - spread) - p), w * (1 + spread) + p


def support_entries(c: Claim, index: FactIndex, units: tuple[str, ...]) -> list[Entry]:
    """Entries whose magnitude could satisfy the claim's own interval (the only ones that can support it)."""
    w, p = c.fmag, float(c.precision)
    if c.hedge == "over":
        lo, hi = w, float(over_upper(Decimal(repr(w))))
    elif c.hedge in ("nearly", "under"):
        lo, hi = w * (1 - float(max(NEARLY_BAND, UNDER_BAND))), w
    elif c.hedge == "about":
        r = max(w * float(ABOUT_BAND), p / 2)
        lo, hi = w - r, w + r
    else:
        lo, hi = w - p / 2, w + p / 2
    out: list[Entry] = []
    for u in units:
        out.extend(index.window(u, lo, hi))
    return out


def near_entries(c: Claim, index: FactIndex, units: tuple[str, ...]) -> list[Entry]:
    lo, hi = _band(c)
    out: list[Entry] = []
    for u in units:
        out.extend(index.window(u, lo, hi))
    return out


def far_entries(c: Claim, index: FactIndex, units: tuple[str, ...]) -> list[Entry]:
    """Entries a scale slip or a one-digit edit could connect to the claim."""
    out: list[Entry] = []
    if c.fmag == 0:
        return out
    lo, hi = _band(c)
    for k in scale_exponents(c):
        s = 10.0 ** -k
        for u in units:
            out.extend(index.window(u, lo * s, hi * s))
    if c.digits >= EDIT_MIN_DIGITS:
        for u in units:
            out.extend(index.window(u, c.fmag / 100.0, c.fmag * 100.0))
    return out


# --- dates ----------------------------------------------------------------------------------


def parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def known_dates_for(iso: str, index: FactIndex) -> list[KnownDate]:
    """Known dates equal to `iso`; a partial date (YYYY or YYYY-MM) matches any known date in it."""
    if iso in index.dates:
        return index.dates[iso]
    if len(iso) in (4, 7):
        i = bisect.bisect_left(index.date_list, iso)
        out: list[KnownDate] = []
        while i < len(index.date_list) and index.date_list[i].startswith(iso + "-"):
            out.extend(index.dates[index.date_list[i]])
            i += 1
        return sorted(out, key=lambda d: (d.rank, d.fact is None))
    return []


def nearest_known_date(day: dt.date, index: FactIndex) -> tuple[int, KnownDate] | None:
    iso = day.isoformat()
    i = bisect.bisect_left(index.date_list, iso)
    best: tuple[int, KnownDate] | None = None
    for j in (i - 1, i):
        if 0 <= j < len(index.date_list):
            other = parse_iso(index.date_list[j])
            if other is None:
                continue
            gap = abs((other - day).days)
            if best is None or gap < best[0]:
                best = (gap, index.dates[index.date_list[j]][0])
    return best


def within_days(gap: int) -> bool:
    return gap <= DATE_WINDOW_DAYS
