"""Corrupt a clean article one number at a time, to measure whether the checker catches it.

Each `Mutation` changes one number of the text (a swap changes two) and records what changed:
the edits, the mutated text, where the changed number now sits, and the mentions the mutated text
should yield. A mutation is only produced when the new claim is false, i.e. no fact of the fact set
makes it true (`claim_holds`); a change that lands on another fact's value is skipped, because the
text would then be right about something.

Kinds:
    digit       change one digit (or one star of a rating)
    scale       万 <-> 亿, million <-> billion
    direction   净流入 <-> 净流出, inflow <-> outflow, or flip a printed sign (a table cell's -/+)
    hedge       超 <-> 近, over <-> nearly / under, 约 -> 超 / 近
    points      % <-> 个百分点 / percentage points
    swap        exchange the digits of two numbers
    drop_digit  delete one digit
    date_shift  move a date by a few days

`score` runs every mutation of an article through the checker and counts what was caught.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Literal

from pydantic import BaseModel, Field

from etfwriter.tools.facts import FactSet

from ._policy import ABOUT_BAND, NEARLY_BAND, UNDER_BAND, over_upper
from .mentions import Mention

__all__ = ["MutationKind", "KINDS", "Edit", "Mutation", "mutate", "mutations", "claim_holds", "KindScore",
           "CorruptionScore", "score"]

MutationKind = Literal["digit", "scale", "direction", "hedge", "points", "swap", "drop_digit", "date_shift"]
KINDS: tuple[MutationKind, ...] = ("digit", "scale", "direction", "hedge", "points", "swap", "drop_digit", "date_shift")

_NUM = re.compile(r"[+\-−]?\d(?:[\d,]*\d)?(?:\.\d+)?")
_STARS = re.compile(r"[★☆]+")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH_RE = "|".join(list(_MONTHS) + [m[:3] for m in _MONTHS])


class Edit(BaseModel):
    """One replacement in the original text."""

    start: int
    end: int
    before: str
    after: str


class Mutation(BaseModel):
    """One corrupted copy of a text."""

    kind: MutationKind
    index: int
    """Position of the changed mention in the input list."""
    edits: list[Edit]
    text: str
    span: tuple[int, int]
    """Where the changed number sits in the mutated text."""
    before: str
    after: str
    description: str
    mentions: list[Mention] = Field(default_factory=list)
    """The mentions the mutated text should yield (the input ones, shifted, with the change applied)."""


# --- the truth of a single claim ------------------------------------------------------------------


def _place(p: Decimal | None, mag: Decimal) -> Decimal:
    if p is not None and p > 0:
        return p
    if mag == 0:
        return Decimal(1)
    exp = mag.normalize().as_tuple().exponent
    return Decimal(10) ** int(exp) if isinstance(exp, int) else Decimal(1)


def _known_dates(facts: FactSet) -> set[str]:
    out = {facts.period.start.isoformat(), facts.period.end.isoformat()}
    for f in facts.facts:
        out.add(f.period.start.isoformat())
        out.add(f.period.end.isoformat())
        if f.unit == "date":
            out.add(str(f.value))
    return out


def claim_holds(m: Mention, facts: FactSet) -> bool:
    """Is the claim of `m` true of some fact? (Written plainly, apart from the checker's search.)

    A date holds when a date fact, a fact's period bound or the fact set's period has it. A number
    holds when a fact of its unit (and percent kind) lies inside the interval the hedge and the
    written precision allow (bands from `_policy`, ties included) with a consistent sign.
    """
    if m.value is None:
        return False
    if m.unit == "date":
        iso = str(m.value)
        known = _known_dates(facts)
        return iso in known or any(d.startswith(iso + "-") for d in known)
    v = Decimal(m.value) if not isinstance(m.value, Decimal) else m.value
    mag = abs(v)
    p = _place(m.precision, mag)
    plus = bool(re.search(r"(?:^|[^\w.])[+＋]\s*\d", m.text))
    outflow = v < 0 or (m.direction == "outflow" and not plus)
    stated = v < 0 or plus or m.direction != "none"
    units = ("count", "ratio", "points") if m.unit == "other" else (m.unit,)
    for f in facts.facts:
        if f.unit not in units:
            continue
        try:
            fv = f.value if isinstance(f.value, Decimal) else Decimal(str(f.value))
        except InvalidOperation:
            continue
        if f.unit == "pct" and f.points_change != m.points_change:
            continue
        fm = abs(fv)
        if f.unit not in ("count", "stars") and fv != 0 and mag != 0:
            if f.direction != "none" and f.unit in ("CNY", "shares"):
                if outflow != (fv < 0):
                    continue
            elif fv < 0 and stated and not outflow:
                continue
            elif fv > 0 and v < 0:
                continue
        h = m.hedge
        if h == "none":
            ok = abs(fm - mag) <= p / 2
        elif h == "over":
            ok = mag < fm <= over_upper(mag)
        elif h == "nearly":
            ok = mag * (1 - NEARLY_BAND) <= fm < mag
        elif h == "under":
            ok = mag * (1 - UNDER_BAND) <= fm < mag
        else:
            ok = abs(fm - mag) <= max(mag * ABOUT_BAND, p / 2)
        if ok:
            return True
    return False


# --- text surgery ------------------------------------------------------------------------------------


def _numeric(m: Mention) -> re.Match[str] | None:
    if m.unit in ("date", "stars"):
        return None
    found = list(_NUM.finditer(m.text))
    if not found:
        return None
    return max(found, key=lambda x: len(x.group()))


def _num_value(s: str) -> Decimal:
    return Decimal(s.replace(",", "").replace("−", "-").lstrip("+"))


def _decimals(s: str) -> int:
    return len(s.split(".")[1]) if "." in s else 0


def _factor(m: Mention, num: str) -> Decimal | None:
    try:
        n = abs(_num_value(num))
    except InvalidOperation:
        return None
    if n == 0 or not isinstance(m.value, Decimal):
        return None
    return abs(m.value) / n


def _with_digits(m: Mention, old_num: str, new_num: str, factor: Decimal) -> dict:
    """Value and precision after writing new_num (unsigned digits) where old_num was."""
    mag = abs(_num_value(new_num)) * factor
    sign = -1 if (isinstance(m.value, Decimal) and m.value < 0) else 1
    precision = (Decimal(1).scaleb(-_decimals(new_num)) * factor)
    return {"value": mag * sign, "precision": precision}


def _split_sign(num: str) -> tuple[str, str]:
    if num and num[0] in "+-−":
        return num[0], num[1:]
    return "", num


class _Builder:
    """Apply edits to a text and shift the mentions accordingly."""

    def __init__(self, text: str, mentions: Sequence[Mention]):
        self.text, self.mentions = text, list(mentions)

    def build(self, kind: MutationKind, index: int, edits: list[Edit], changes: dict[int, dict], description: str) -> Mutation:
        edits = sorted(edits, key=lambda e: e.start)
        out, pos = [], 0
        for e in edits:
            out.append(self.text[pos:e.start])
            out.append(e.after)
            pos = e.end
        out.append(self.text[pos:])
        new_text = "".join(out)

        new_mentions: list[Mention] = []
        span = (0, 0)
        for i, m in enumerate(self.mentions):
            start = m.start + sum(len(e.after) - len(e.before) for e in edits if e.end <= m.start)
            end = m.end + sum(len(e.after) - len(e.before) for e in edits if e.start < m.end)
            upd = dict(changes.get(i, {}))
            upd.update(start=start, end=end, text=new_text[start:end])
            nm = m.model_copy(update=upd)
            new_mentions.append(nm)
            if i == index:
                span = (start, end)
        target = self.mentions[index]
        return Mutation(kind=kind, index=index, edits=edits, text=new_text, span=span, before=target.text,
                        after=new_text[span[0]:span[1]], description=description, mentions=new_mentions)


def _span_edit(m: Mention, rel_start: int, rel_end: int, after: str) -> Edit:
    return Edit(start=m.start + rel_start, end=m.start + rel_end, before=m.text[rel_start:rel_end], after=after)


def _replace_in(m: Mention, rel_start: int, rel_end: int, after: str) -> tuple[Edit, str]:
    return _span_edit(m, rel_start, rel_end, after), m.text[:rel_start] + after + m.text[rel_end:]


def _false(m: Mention, upd: dict, facts: FactSet) -> bool:
    return not claim_holds(m.model_copy(update=upd), facts)


# --- the kinds ---------------------------------------------------------------------------------------


def _digit(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if m.unit == "stars":
        run = _STARS.search(m.text)
        if not run or not isinstance(m.value, Decimal):
            return None
        n = int(m.value)
        for new in (n - 1, n + 1):
            if 1 <= new <= 5 and _false(m, {"value": Decimal(new)}, facts):
                s = "★" * new + "☆" * (len(run.group()) - new) if len(run.group()) >= new else "★" * new
                edit, after = _replace_in(m, run.start(), run.end(), s)
                return b.build("digit", i, [edit], {i: {"value": Decimal(new)}}, f"stars {n} -> {new}: {m.text} -> {after}")
        return None
    num = _numeric(m)
    if num is None:
        return None
    factor = _factor(m, num.group())
    if factor is None:
        return None
    sign, body = _split_sign(num.group())
    positions = [k for k, ch in enumerate(body) if ch.isdigit()]
    for rank, k in enumerate(positions):
        d = int(body[k])
        lead = rank == 0
        new_d = (8 if d == 9 else d + 1) if lead else (d + 1) % 10
        new_body = body[:k] + str(new_d) + body[k + 1:]
        upd = _with_digits(m, body, new_body, factor)
        if _false(m, upd, facts):
            rs = num.start() + len(sign)
            edit, after = _replace_in(m, rs, num.end(), new_body)
            return b.build("digit", i, [edit], {i: upd}, f"digit: {m.text} -> {after}")
    return None


def _drop_digit(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    num = _numeric(m)
    if num is None:
        return None
    factor = _factor(m, num.group())
    if factor is None:
        return None
    sign, body = _split_sign(num.group())
    plain = body.replace(",", "")
    for k, ch in enumerate(plain):
        if not ch.isdigit():
            continue
        new = plain[:k] + plain[k + 1:]
        if not new or new.startswith(".") or new.endswith(".") or (len(new) > 1 and new[0] == "0" and new[1] != "."):
            continue
        if not any(c.isdigit() for c in new) or Decimal(new) == 0:
            continue
        upd = _with_digits(m, plain, new, factor)
        if _false(m, upd, facts):
            rs = num.start() + len(sign)
            edit, after = _replace_in(m, rs, num.end(), new)
            return b.build("drop_digit", i, [edit], {i: upd}, f"drop digit: {m.text} -> {after}")
    return None


_SCALE_SWAPS = (
    (re.compile(r"万亿"), "亿", Decimal("1e-4")),
    (re.compile(r"(?<!万)亿"), "万", Decimal("1e-4")),
    (re.compile(r"万(?!亿)"), "亿", Decimal("1e4")),
    (re.compile(r"\btrillion\b"), "billion", Decimal("1e-3")),
    (re.compile(r"\bbillion\b"), "million", Decimal("1e-3")),
    (re.compile(r"\bmillion\b"), "billion", Decimal("1e3")),
    (re.compile(r"\bbn\b"), "mn", Decimal("1e-3")),
    (re.compile(r"\bmn\b"), "bn", Decimal("1e3")),
)


def _scale(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if not isinstance(m.value, Decimal) or m.unit in ("date", "stars", "pct", "ratio", "count"):
        return None
    for pattern, repl, mult in _SCALE_SWAPS:
        hit = pattern.search(m.text)
        if not hit:
            continue
        upd = {"value": m.value * mult, "precision": (m.precision * mult) if m.precision else None}
        if _false(m, upd, facts):
            edit, after = _replace_in(m, hit.start(), hit.end(), repl)
            return b.build("scale", i, [edit], {i: upd}, f"scale: {m.text} -> {after}")
        return None
    return None


_DIRECTION_WORDS = (
    ("净流入", "净流出"), ("净流出", "净流入"), ("流入", "流出"), ("流出", "流入"),
    ("净申购", "净赎回"), ("净赎回", "净申购"),
    ("net inflows", "net outflows"), ("net outflows", "net inflows"),
    ("net inflow", "net outflow"), ("net outflow", "net inflow"),
    ("inflows", "outflows"), ("outflows", "inflows"), ("inflow", "outflow"), ("outflow", "inflow"),
)
_FLIP = {"inflow": "outflow", "outflow": "inflow", "none": "none"}


def _find_word(text: str, pairs) -> tuple[int, int, str] | None:
    """The last direction word in text (the longest one when several end at the same place)."""
    best = None
    for word, repl in pairs:
        for hit in re.finditer(re.escape(word), text):
            cand = (hit.start(), hit.end(), repl)
            if best is None or (cand[1], cand[1] - cand[0]) > (best[1], best[1] - best[0]):
                best = cand
    return best


def _direction(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if not isinstance(m.value, Decimal) or m.unit in ("date", "stars", "count"):
        return None
    num = _numeric(m)
    line_start = b.text.rfind("\n", 0, m.start) + 1
    in_table = b.text[line_start:m.start].lstrip().startswith("|")
    sign, _ = _split_sign(num.group()) if num else ("", "")
    if num is not None and (sign or m.value < 0 or in_table):
        new_sign = "+" if sign in ("-", "−") or (not sign and m.value < 0) else "-"
        upd = {"value": -m.value, "direction": _FLIP[m.direction] if m.direction != "none" else
               ("outflow" if new_sign == "-" else "none")}
        if m.value == 0 or not _false(m, upd, facts):
            return None
        edit, after = _replace_in(m, num.start(), num.start() + len(sign), new_sign)
        return b.build("direction", i, [edit], {i: upd}, f"sign: {m.text} -> {after}")
    if m.direction == "none":
        return None
    upd = {"direction": _FLIP[m.direction]}
    if not _false(m, upd, facts):
        return None
    hit = _find_word(m.text, _DIRECTION_WORDS)
    if hit is not None:
        edit, after = _replace_in(m, hit[0], hit[1], hit[2])
        return b.build("direction", i, [edit], {i: upd}, f"direction: {m.text} -> {after}")
    # the word sits just before the number, on the same line, with no other number in between
    lo = max(line_start, m.start - 24)
    before = b.text[lo:m.start]
    hit = _find_word(before, _DIRECTION_WORDS)
    if hit is None or re.search(r"\d", before[hit[1]:]):
        return None
    edit = Edit(start=lo + hit[0], end=lo + hit[1], before=before[hit[0]:hit[1]], after=hit[2])
    return b.build("direction", i, [edit], {i: upd}, f"direction: {edit.before} -> {edit.after} before {m.text}")


_HEDGES = (
    # (pattern, hedge kind, replacements as (text, new kind))
    (r"more than", "over", (("nearly", "nearly"), ("less than", "under"))),
    (r"less than", "under", (("more than", "over"),)),
    (r"\bover\b", "over", (("nearly", "nearly"), ("under", "under"))),
    (r"\bunder\b", "under", (("over", "over"),)),
    (r"\bnearly\b", "nearly", (("over", "over"),)),
    (r"\balmost\b", "nearly", (("over", "over"),)),
    (r"\babout\b", "about", (("over", "over"), ("nearly", "nearly"))),
    (r"\baround\b", "about", (("over", "over"), ("nearly", "nearly"))),
    (r"超过", "over", (("近", "nearly"), ("不到", "under"))),
    (r"不到", "under", (("超过", "over"),)),
    (r"不足", "under", (("超过", "over"),)),
    (r"接近|将近", "nearly", (("超过", "over"),)),
    (r"大约", "about", (("超过", "over"), ("近", "nearly"))),
    (r"超", "over", (("近", "nearly"), ("不到", "under"))),
    (r"逾", "over", (("近", "nearly"),)),
    (r"近", "nearly", (("超", "over"),)),
    (r"约", "about", (("超", "over"), ("近", "nearly"))),
)


def _hedge(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if m.hedge == "none" or not isinstance(m.value, Decimal):
        return None
    line_start = b.text.rfind("\n", 0, m.start) + 1
    lo = max(line_start, m.start - 16)
    before = b.text[lo:m.start]
    for pattern, kind, repls in _HEDGES:
        if kind != m.hedge:
            continue
        hit = re.search(pattern, m.text)
        if hit:
            where = (m.start + hit.start(), m.start + hit.end())
        else:
            # the hedge word sits just before the number's span, with no digit in between
            found = [h for h in re.finditer(pattern, before) if not re.search(r"\d", before[h.end():])]
            if not found:
                continue
            where = (lo + found[-1].start(), lo + found[-1].end())
        for word, new_kind in repls:
            upd = {"hedge": new_kind}
            if _false(m, upd, facts):
                edit = Edit(start=where[0], end=where[1], before=b.text[where[0]:where[1]], after=word)
                return b.build("hedge", i, [edit], {i: upd}, f"hedge: {edit.before} -> {word} in {m.text}")
        return None
    return None


_POINTS = (
    (re.compile(r"个百分点"), "%"),
    (re.compile(r"\s*percentage points?"), "%"),
    (re.compile(r"\s*pp\b"), "%"),
)


def _points(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if m.unit != "pct" or not isinstance(m.value, Decimal):
        return None
    upd = {"points_change": not m.points_change}
    if not _false(m, upd, facts):
        return None
    if m.points_change:
        for pattern, repl in _POINTS:
            hit = pattern.search(m.text)
            if hit:
                edit, after = _replace_in(m, hit.start(), hit.end(), repl)
                return b.build("points", i, [edit], {i: upd}, f"points -> percent: {m.text} -> {after}")
        return None
    k = m.text.find("%")
    if k < 0:
        return None
    zh = bool(re.search(r"[\u4e00-\u9fff]", b.text[max(0, m.start - 40):m.end + 40]))
    edit, after = _replace_in(m, k, k + 1, "个百分点" if zh else " percentage points")
    return b.build("points", i, [edit], {i: upd}, f"percent -> points: {m.text} -> {after}")


def _swap(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    num = _numeric(m)
    if num is None:
        return None
    f_m = _factor(m, num.group())
    if f_m is None:
        return None
    sign_m, body_m = _split_sign(num.group())

    def order(j: int) -> tuple:
        o = b.mentions[j]
        return (o.unit != m.unit, o.line != m.line, abs(o.start - m.start))

    for j in sorted((j for j in range(len(b.mentions)) if j != i), key=order):
        o = b.mentions[j]
        onum = _numeric(o)
        if onum is None or o.start < m.end and m.start < o.end:
            continue
        f_o = _factor(o, onum.group())
        if f_o is None:
            continue
        sign_o, body_o = _split_sign(onum.group())
        if _num_value(body_o) == _num_value(body_m):
            continue
        upd_m = _with_digits(m, body_m, body_o, f_m)
        if not _false(m, upd_m, facts):
            continue
        upd_o = _with_digits(o, body_o, body_m, f_o)
        e1 = _span_edit(m, num.start() + len(sign_m), num.end(), body_o)
        e2 = _span_edit(o, onum.start() + len(sign_o), onum.end(), body_m)
        mut = b.build("swap", i, [e1, e2], {i: upd_m, j: upd_o}, f"swap: {m.text} <-> {o.text}")
        return mut
    return None


def _date_shift(b: _Builder, i: int, facts: FactSet) -> Mutation | None:
    m = b.mentions[i]
    if m.unit != "date" or not isinstance(m.value, str):
        return None
    try:
        day = dt.date.fromisoformat(m.value)
    except ValueError:
        return None
    patterns = (r"(\d{1,2})\s*[日号]", r"\d{4}-\d{1,2}-(\d{1,2})", rf"(?:{_MONTH_RE})\.?\s+(\d{{1,2}})\b",
                rf"\b(\d{{1,2}})\s+(?:{_MONTH_RE})", r"\d{4}/\d{1,2}/(\d{1,2})")
    hit = None
    for p in patterns:
        found = list(re.finditer(p, m.text))
        if found:
            hit = found[-1]
            break
    if hit is None or int(hit.group(1)) != day.day:
        return None
    last = calendar.monthrange(day.year, day.month)[1]
    for delta in (1, -1, 2, -2, 7, -7):
        new_day = day.day + delta
        if not 1 <= new_day <= last:
            continue
        new = day.replace(day=new_day)
        upd = {"value": new.isoformat()}
        if _false(m, upd, facts):
            width = len(hit.group(1))
            txt = f"{new_day:0{width}d}" if width == 2 and hit.group(1).startswith("0") else str(new_day)
            edit, after = _replace_in(m, hit.start(1), hit.end(1), txt)
            return b.build("date_shift", i, [edit], {i: upd}, f"date: {m.text} -> {after}")
    return None


_KIND_FN: dict[str, Callable[[_Builder, int, FactSet], Mutation | None]] = {
    "digit": _digit, "scale": _scale, "direction": _direction, "hedge": _hedge, "points": _points,
    "swap": _swap, "drop_digit": _drop_digit, "date_shift": _date_shift,
}


def mutate(text: str, mentions: Sequence[Mention], facts: FactSet, kind: MutationKind, index: int) -> Mutation | None:
    """Apply one mutation of `kind` to mention `index`; None when it does not apply or cannot be made false."""
    m = mentions[index]
    if m.unparsed or m.value is None:
        return None
    return _KIND_FN[kind](_Builder(text, mentions), index, facts)


def mutations(text: str, facts: FactSet, *, mentions: Sequence[Mention] | None = None,
              kinds: Iterable[MutationKind] = KINDS, ref_date: dt.date | str | None = None) -> list[Mutation]:
    """Every applicable mutation of every number (mentions from the extractor unless given)."""
    if mentions is None:
        from .extract import extract

        mentions = extract(text, ref_date=ref_date)
    out: list[Mutation] = []
    for kind in kinds:
        for i in range(len(mentions)):
            mut = mutate(text, mentions, facts, kind, i)
            if mut is not None:
                out.append(mut)
    return out


# --- scoring -------------------------------------------------------------------------------------


class KindScore(BaseModel):
    tried: int = 0
    caught: int = 0
    missed: list[str] = Field(default_factory=list)


class CorruptionScore(BaseModel):
    """What the checker made of one clean article and its mutations."""

    name: str
    strict: bool
    numbers: int
    clean_failures: list[str]
    """Numbers of the clean article that did not pass (false alarms)."""
    kinds: dict[str, KindScore]
    ms_per_check: float
    chars: int

    @property
    def tried(self) -> int:
        return sum(k.tried for k in self.kinds.values())

    @property
    def caught(self) -> int:
        return sum(k.caught for k in self.kinds.values())


def score(text: str, facts: FactSet, *, name: str = "article", mentions: Sequence[Mention] | None = None,
          strict: bool = False, ref_date: dt.date | str | None = None,
          kinds: Iterable[MutationKind] = KINDS) -> CorruptionScore:
    """Check the clean text and each mutation of it.

    With `mentions` given, the checker sees each mutation's expected mentions (no extraction);
    otherwise every text, clean or mutated, goes through the extractor. A mutation is caught when a
    number overlapping the changed span is not supported.
    """
    from .check import check, check_mentions

    def run(t: str, ms: Sequence[Mention] | None):
        return check_mentions(ms, facts, strict=strict) if mentions is not None else check(t, facts, strict=strict, ref_date=ref_date)

    t0 = time.perf_counter()
    clean = run(text, mentions)
    elapsed = [time.perf_counter() - t0]
    muts = mutations(text, facts, mentions=mentions if mentions is not None else clean_mentions(clean), kinds=kinds)
    kind_scores = {k: KindScore() for k in kinds}
    for mut in muts:
        t0 = time.perf_counter()
        report = run(mut.text, mut.mentions if mentions is not None else None)
        elapsed.append(time.perf_counter() - t0)
        ks = kind_scores[mut.kind]
        ks.tried += 1
        a, z = mut.span
        hit = any(r.status != "supported" and r.mention.start < z and a < r.mention.end for r in report.mentions)
        if hit:
            ks.caught += 1
        else:
            ks.missed.append(mut.description)
    failures = [f"{r.mention.text}: {r.status} ({r.reason})" for r in clean.mentions if r.status != "supported"]
    if not clean.mentions:
        failures.append("no numbers found")
    return CorruptionScore(name=name, strict=strict, numbers=len(clean.mentions), clean_failures=failures,
                           kinds=kind_scores, ms_per_check=1000 * sum(elapsed) / len(elapsed), chars=len(text))


def clean_mentions(report) -> list[Mention]:
    return [r.mention for r in report.mentions]
