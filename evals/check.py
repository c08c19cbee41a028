"""Check every number of a text against a fact set.

    report = check(text, facts)               # extract, then check
    report = check_mentions(mentions, facts)  # check mentions you already have
    report.passed, report.to_json()

Each number gets one status:

- ``supported``: a fact of the same unit (and the same percent / percentage-point kind) is
  consistent with it: the fact rounded to the precision written equals the written value, a hedge
  holds within the policy band, and the direction agrees (see `_policy`).
- ``mismatched``: no fact supports it, but a fact about the same quantity contradicts it. The
  reason names what differs (value, scale, direction, hedge, unit, points) and ``fact_id`` is
  that fact.
- ``unsupported``: no fact speaks to it; the reason lists the nearest facts of its unit.
- ``unparsed``: the extractor saw a number it could not read.

Unsupported numbers fail the check: a claim the facts do not back is never counted as passing.

Strict mode (for articles whose numbers carry ``[^fact.id]`` references): a referenced number
must match that very fact, and an unknown id is mismatched. Numbers without a reference are
still searched for but flagged as unreferenced.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from etfwriter.tools.facts import Fact, FactSet

from . import _match as M
from ._policy import ABOUT_BAND, NEARLY_BAND, NEAREST_SHOWN, POLICY, UNDER_BAND
from .mentions import Mention
from .report import EvalReport, MentionResult, Summary

__all__ = ["check", "check_mentions", "EvalReport", "MentionResult", "Summary"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_POLICY = POLICY.as_dict()
_INDEX_CACHE: list[tuple[FactSet, int, M.FactIndex]] = []


def check(text: str, facts: FactSet, *, strict: bool = False, ref_date: dt.date | str | None = None) -> EvalReport:
    """Extract the numbers of `text` and check them against `facts`.

    `ref_date` (a date or YYYY-MM-DD) completes dates written without a year.
    """
    from .extract import extract

    if isinstance(ref_date, str):
        ref_date = dt.date.fromisoformat(ref_date)
    return check_mentions(extract(text, ref_date=ref_date), facts, strict=strict)


def check_mentions(mentions: Iterable[Mention], facts: FactSet, *, strict: bool = False) -> EvalReport:
    """Check mentions (from the extractor or made by hand) against `facts`."""
    index = _index(facts)
    mentions = list(mentions)
    lang = "zh" if any(_CJK.search(m.text) for m in mentions) else "en"
    results = [_assess(m, index, strict, lang) for m in mentions]
    return EvalReport(mentions=results, summary=_summary(results, facts), strict=strict, policy=dict(_POLICY))


# --- per mention ------------------------------------------------------------------------------


def _result(**fields) -> MentionResult:
    """A MentionResult from values built here (already valid; skips re-validation)."""
    fields.setdefault("fact_id", None)
    fields.setdefault("reason", "")
    fields.setdefault("diffs", [])
    fields.setdefault("candidates", [])
    fields.setdefault("unreferenced", False)
    return MentionResult.model_construct(**fields)


def _assess(m: Mention, index: M.FactIndex, strict: bool, lang: str) -> MentionResult:
    if m.unparsed or m.value is None:
        note = "; ".join(m.notes)
        return _result(mention=m, status="unparsed", reason="could not read this number" + (f": {note}" if note else ""))
    if m.unit == "date" or isinstance(m.value, str):
        if m.unit != "date":
            try:
                value = Decimal(str(m.value))
            except InvalidOperation:
                return _result(mention=m, status="unparsed", reason=f"not a number: {m.value!r}")
            m = m.model_copy(update={"value": value})
        else:
            result = _assess_date(m, index, strict, lang)
            return _flag(result, strict)
    result = _assess_number(m, index, strict, lang)
    return _flag(result, strict)


def _flag(result: MentionResult, strict: bool) -> MentionResult:
    if strict and result.mention.fact_ref is None:
        result.unreferenced = True
        result.reason = (result.reason + " " if result.reason else "") + "[no fact reference]"
    return result


def _assess_number(m: Mention, index: M.FactIndex, strict: bool, lang: str) -> MentionResult:
    c = M.claim_of(m)
    ref = m.fact_ref
    if ref is not None and (strict or ref in index.by_id):
        # a number that cites a known fact is checked against that fact (in strict mode, any cited id)
        fact = index.by_id.get(ref)
        if fact is None:
            return _result(mention=m, status="mismatched", diffs=["value"], reason=f"unknown fact id: {ref}")
        entry = index.entry_of(fact)
        if entry is None:
            what = f"a date ({fact.value})" if fact.unit == "date" else f"a fact without a numeric value ({fact.value!r})"
            return _result(mention=m, status="mismatched", fact_id=fact.id, diffs=["unit"],
                           reason=f"unit: cites {fact.id}, {what}, for a {m.unit} number")
        rel = M.relate(c, entry, forced=True)
        if rel is not None and rel.supported:
            return _supported(m, rel, c, lang)
        return _mismatched(m, rel, c, lang)

    units = M.support_units(c.unit)
    seen: set[int] = set()
    rels: list[M.Relation] = []

    def consider(entries: list[M.Entry]) -> None:
        for e in entries:
            if e.order in seen:
                continue
            seen.add(e.order)
            r = M.relate(c, e)
            if r is not None:
                rels.append(r)

    consider(M.support_entries(c, index, units))
    sup = [r for r in rels if r.supported]
    if sup:
        best = min(sup, key=lambda r: r.rank(ref))
        result = _supported(m, best, c, lang)
        if ref is not None and best.fact.id != ref:
            result.reason += f" (cites {ref}, which " + ("is not a known fact)" if ref not in index.by_id else "does not match)")
        return result
    cited = index.by_id.get(ref) if ref is not None else None
    cited_entry = index.entry_of(cited) if cited is not None else None
    if cited_entry is not None:
        # the text names the quantity it is about: judge the number against that fact
        return _mismatched(m, M.relate(c, cited_entry, forced=True), c, lang)
    other = M.confusable_units(c.unit)
    consider(M.near_entries(c, index, units))
    consider(M.far_entries(c, index, units))
    consider(M.near_entries(c, index, other))
    consider(M.far_entries(c, index, other))
    if rels:
        return _mismatched(m, min(rels, key=lambda r: r.rank(ref)), c, lang)
    return _unsupported(m, c, index, units, lang)


def _show(fact: Fact, lang: str) -> str:
    return f"{fact.id} ({getattr(fact.display, lang)})"


def _fmt(x: Decimal) -> str:
    s = format(x.normalize(), "f") if x == x.to_integral_value() else format(x, "f")
    return s


def _supported(m: Mention, rel: M.Relation, c: M.Claim, lang: str) -> MentionResult:
    shown = getattr(rel.fact.display, lang)
    h = c.hedge
    if h == "none":
        how = f"matches {shown}"
    elif h == "over":
        how = f"{shown} is above it (below the next step of its leading digit)"
    elif h == "about":
        how = f"{shown} is within {_pct(ABOUT_BAND)} of it"
    else:
        how = f"{shown} is just below it (within {_pct(NEARLY_BAND if h == 'nearly' else UNDER_BAND)})"
    return _result(mention=m, status="supported", fact_id=rel.fact.id, reason=how)


def _pct(band: Decimal) -> str:
    return f"{band * 100:.0f}%"


def _direction_word(c: M.Claim) -> str:
    if c.printed:
        return "a negative number" if c.sign < 0 else "a number printed with +"
    if c.unit in M.FLOW_UNITS:
        return "an outflow" if c.sign < 0 else "an inflow" if c.sign > 0 else "zero"
    return "a negative value" if c.sign < 0 else "a positive value"


def _fact_direction(fact: Fact) -> str:
    v = M.fact_number(fact) or Decimal(0)
    if fact.direction != "none" and fact.unit in M.FLOW_UNITS:
        return "an outflow" if v < 0 else "an inflow"
    return "negative" if v < 0 else "positive"


def _mismatched(m: Mention, rel: M.Relation | None, c: M.Claim, lang: str = "en") -> MentionResult:
    assert rel is not None
    fact = rel.fact
    disp = getattr(fact.display, lang)
    f = rel.entry.mag
    parts: list[str] = []
    for d in rel.diffs:
        if d == "unit":
            parts.append(f"unit: written in {m.unit}, the fact is in {fact.unit} ({disp})")
        elif d == "points":
            parts.append(f"points: written as percentage points, the fact is a percent ({disp})" if c.points
                         else f"points: written as a percent, the fact is a change in percentage points ({disp})")
        elif d == "direction":
            parts.append(f"direction: the text gives {_direction_word(c)}, the fact is {_fact_direction(fact)} ({disp})")
        elif d == "scale":
            parts.append(f"scale: {m.text} is 10^{rel.exponent} times the fact ({disp})")
        elif d == "hedge":
            side = "below" if f < c.mag else "above" if f > c.mag else "equal to"
            parts.append(f"hedge: '{m.hedge}' {m.text} does not fit the fact ({disp}, {side} the written value)")
        elif d == "value":
            if c.mag:
                change = (f - c.mag) / c.mag
                parts.append(f"value: {m.text} vs {disp} (the fact is {abs(change):.1%} {'higher' if change > 0 else 'lower'})")
            else:
                parts.append(f"value: {m.text} vs {disp}")
    return _result(mention=m, status="mismatched", fact_id=fact.id, diffs=list(rel.diffs), reason="; ".join(parts))


def _unsupported(m: Mention, c: M.Claim, index: M.FactIndex, units: tuple[str, ...], lang: str) -> MentionResult:
    pool: list[M.Entry] = []
    for u in units:
        pool.extend(index.nearest(u, c.fmag, NEAREST_SHOWN))
    near = sorted(pool, key=lambda e: (e.sign != c.sign, M._log_distance(e.fmag, c.fmag), e.order))[:NEAREST_SHOWN]
    if not units:
        reason = f"no fact in {m.unit}"
    elif not near:
        reason = f"no {m.unit} fact in the fact set"
    else:
        reason = "no fact states this; nearest: " + ", ".join(_show(e.fact, lang) for e in near)
    return _result(mention=m, status="unsupported", reason=reason, candidates=[e.fact.id for e in near])


def _assess_date(m: Mention, index: M.FactIndex, strict: bool, lang: str) -> MentionResult:
    iso = str(m.value)
    ref = m.fact_ref
    if ref is not None and (strict or ref in index.by_id):
        fact = index.by_id.get(ref)
        if fact is None:
            return _result(mention=m, status="mismatched", diffs=["value"], reason=f"unknown fact id: {ref}")
        own = {fact.period.start.isoformat(), fact.period.end.isoformat()}
        if fact.unit == "date":
            own.add(str(fact.value))
        if iso in own or (len(iso) in (4, 7) and any(d.startswith(iso + "-") for d in own)):
            return _result(mention=m, status="supported", fact_id=fact.id, reason=f"date of {_show(fact, lang)}")
        return _result(mention=m, status="mismatched", fact_id=fact.id, diffs=["value"],
                       reason=f"value: {_show(fact, lang)} has dates {', '.join(sorted(own))}, not {iso}")
    hits = M.known_dates_for(iso, index)
    if hits:
        h = next((x for x in hits if ref is not None and x.fact is not None and x.fact.id == ref), hits[0])
        fid = h.fact.id if h.fact is not None else None
        if h.rank == 0 and h.fact is not None:
            reason = f"equals {_show(h.fact, lang)}"
        elif h.rank == 1:
            reason = f"{h.how} ({index.period.start} to {index.period.end})"
        else:
            reason = f"{h.how} {fid}"
        return _result(mention=m, status="supported", fact_id=fid, reason=reason)
    day = M.parse_iso(iso)
    if day is not None:
        near = M.nearest_known_date(day, index)
        inside = index.period.start <= day <= index.period.end
        if near is not None:
            gap, kd = near
            if M.within_days(gap) and not inside:
                fid = kd.fact.id if kd.fact else None
                return _result(mention=m, status="mismatched", fact_id=fid, diffs=["value"],
                               reason=f"value: {gap} day(s) from {kd.iso} ({kd.how}{' ' + fid if fid else ''})")
            return _result(mention=m, status="unsupported", candidates=[kd.fact.id] if kd.fact else [],
                           reason=f"no fact has this date; nearest known date {kd.iso}")
    return _result(mention=m, status="unsupported", reason="no fact has this date")


# --- summary ------------------------------------------------------------------------------------


def _summary(results: list[MentionResult], facts: FactSet) -> Summary:
    counts = {s: 0 for s in ("supported", "unsupported", "mismatched", "unparsed")}
    for r in results:
        counts[r.status] += 1
    n = len(results)
    must = [f.id for f in facts.facts if f.must_say]
    said = {r.fact_id for r in results if r.status == "supported" and r.fact_id}
    missing = [fid for fid in must if fid not in said]
    return Summary(
        numbers=n,
        **counts,
        precision=round(counts["supported"] / n, 4) if n else None,
        coverage=round((len(must) - len(missing)) / len(must), 4) if must else None,
        must_say=must,
        must_say_missing=missing,
        unreferenced=sum(r.unreferenced for r in results),
    )


def _fingerprint(facts: FactSet) -> int:
    """Changes when a fact is added, removed or replaced, or has its value or period reassigned."""
    fs = facts.facts
    return hash((id(facts.period), tuple(map(id, fs)), tuple([id(f.value) for f in fs]), tuple([id(f.period) for f in fs])))


def _index(facts: FactSet) -> M.FactIndex:
    """Build (or reuse) the index of a fact set; reused only while the facts are unchanged."""
    key = _fingerprint(facts)
    for fs, fp, idx in _INDEX_CACHE:
        if fs is facts and fp == key:
            return idx
    idx = M.FactIndex(facts)
    _INDEX_CACHE.insert(0, (facts, key, idx))
    del _INDEX_CACHE[4:]
    return idx
