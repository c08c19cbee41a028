r"""Fact references in article text, and the renderer that turns them into cited figures.

Prose never contains a figure of its own. It *refers* to computed facts by id, and this module is
the only place that writes the figure, from the fact's display string, followed by a footnote
citation that names the fact. The eval binds each number to its fact through that footnote.

Reference syntax
----------------

``{{fact.id}}`` or ``{{fact.id|variant}}``; spaces inside the braces are allowed
(``{{ flow.total | value }}``). A fact id is any run of characters other than whitespace, ``{``,
``}`` and ``|`` (ids may contain CJK, e.g. ``flow.manager.华夏``). Variants:

========== ============================================ ==================================== =====
variant    writes                                       example (zh / en)                    cites
========== ============================================ ==================================== =====
(none)     the fact's display string                    净流出2126.17亿元 /                  yes
                                                        net outflow of RMB 212.62 billion
``value``  the magnitude, without direction word/sign;  2126.17亿元 / RMB 212.62 billion     yes
           a flow needs a direction word (净流入 /
           净流出 / 流入 / 流出, inflow / outflow)
           that agrees with its sign just before the
           reference; not allowed for negative
           non-flow facts
``signed`` the value with a printed sign                -2126.17亿元 / -RMB 212.62 billion   yes
``yi``     signed number in 亿 (10^8), two places,      -2126.17 / +693.42                   yes
           for table cells under an ``（亿元）`` header
``bn``     signed number in billions, two places        -212.62 / +69.34                     yes
``approx`` rounded, hedged with 约 / about              净流入约31亿元 /                     yes
                                                        net inflow of about RMB 3.1 billion
``over``   a round number just below, hedged with       净流出超2000亿元 /                   yes
           超 / over (fact within 25% above it)         net outflow of over RMB 200 billion
``date``   the dates of the fact's own period (one day, 2026年1月14日 /                  yes
           or first and last day, each cited)           January 14, 2026
``cite``   only the footnote mark                       [^fact.id]                           yes
``label``  the fact's label                             宽基ETF净流入 / broad-based ETFs     no
                                                        net flow
``name``   the entity the fact is about (label without  华泰柏瑞沪深300ETF / CSI 300 ETFs    no
           the flow suffix and the fund code)
``Name``   the same, first letter capitalised           Broad-based ETFs                     no
``code``   the fund code of a single-ETF fact           510300                               no
``dir``    the direction word of a flow                 净流入 / 净流出, inflow / outflow    no
========== ============================================ ==================================== =====

``yi``, ``bn``, ``approx`` and ``over`` apply to money (``CNY``) and units (``shares``) facts only;
``over`` needs a non-zero value; ``dir`` needs a flow. A citing variant writes the figure and then
``[^fact.id]`` with nothing in between, e.g. ``净流出2126.17亿元[^flow.category.broad]``.

``{{chart.<id>}}`` embeds a chart as a Markdown image when `render` is given ``charts=`` (objects
with ``id``, ``file`` and ``caption``, e.g. from `etfwriter.charts.make_charts`).

Blocks: ``{{table.flows}}``, ``{{table.top_etfs}}``, ``{{table.episodes}}``, ``{{table.signals}}``,
``{{rule.<rating>}}`` and ``{{section.method}}`` expand to text the code writes from the facts
(`etfwriter.compose.article_blocks`, or ``blocks=`` given to `render`), itself in reference syntax,
so each figure in it is cited like any other. A block that does not apply to the period (no history,
no ratings) or is given a variant is a ``not_applicable`` problem, and one that shares its line with
other text is ``misplaced_block``. When the text right before a block already is the block's own heading
(``## 数据与方法说明`` then ``{{section.method}}``), the heading is written once.

Names (``name``, ``Name``, ``label``) are the only text a reference writes without a citation; some
contain digits that belong to the name (沪深300, 中证2000), which the eval reads as part of the
name. ``code`` writes a bare six-digit fund code: use it sparingly (in parentheses after a name).

Problems are returned, never hidden: an unknown id, an unknown variant, a variant that does not
apply to the fact, a malformed reference (unbalanced braces, empty id), a hand-written footnote
mark ``[^...]`` (citations come from references only) and a ``value`` whose direction word is
missing or contradicts the fact. Each `RenderProblem` carries the span in the input text. An
unknown or unusable reference is rendered as a visible marker ``⟦?fact.id⟧``, never as a blank.

References section
------------------

`render` appends a section headed ``## 引用`` (zh) / ``## References`` (en) with one Markdown
footnote definition per cited fact, in order of first citation: the label, the value as displayed
in the article's language, the period when it differs from the article's, the formula, the inputs,
the rating rule and its inputs for ratings, the dataset name and hash and the price convention.
Technical strings (formulas, inputs, rating rules, dataset name, hash, and labels that contain
digits, such as "该区间后20个交易日沪深300涨跌幅") are set as inline code, which the eval does not
read as claims; the only plain figure in a definition is the fact's own display string.

API
---

``parse_refs(text) -> list[Ref]`` (id, variant, start, end, text); ``render(text, facts, lang,
*, references=True, charts=None) -> Rendered`` with ``.markdown``, ``.used_ids`` (cited facts in
order of first citation), ``.errors`` (`RenderProblem`: kind, message, start, end, id, variant,
suggestions) and ``.ok``; ``render_value(fact, variant, lang)`` for one figure;
``footnote_definition(fact, facts, lang)`` for one definition.

Tables
------

`render_table` writes a Markdown table whose cells may hold references; `flow_table` builds the
flow panorama table from `TableRow`\ s (label, fact id, note), with a signed ``yi`` cell per row
under ``净流入（亿元）`` / ``Net flow (RMB 100 million)``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any, Literal

from etfwriter.tools import display as D
from etfwriter.tools.facts import Fact, FactSet
from etfwriter.tools.flows import PRICE_CONVENTIONS

__all__ = [
    "Ref",
    "RenderProblem",
    "Rendered",
    "TableRow",
    "VARIANTS",
    "CITING_VARIANTS",
    "REFERENCES_HEADING",
    "TABLE_HEADERS",
    "parse_refs",
    "render",
    "render_value",
    "footnote_definition",
    "references_section",
    "render_table",
    "flow_table",
    "entity_name",
]

Lang = Literal["zh", "en"]

VARIANTS: tuple[str, ...] = ("", "value", "signed", "yi", "bn", "approx", "over", "date", "cite", "label", "name", "Name", "code",
                             "dir")
"""Every variant the renderer knows ("" is the plain reference)."""

CITING_VARIANTS = frozenset({"", "value", "signed", "yi", "bn", "approx", "over", "date", "cite"})
"""Variants that write a figure (or a bare citation) followed by a footnote mark."""

REFERENCES_HEADING = {"zh": "引用", "en": "References"}

TABLE_HEADERS = {
    "yi": {"zh": "净流入（亿元）", "en": "Net flow (RMB 100 million)"},
    "bn": {"zh": "净流入（十亿元）", "en": "Net flow (RMB billion)"},
}
"""Header of the flow column for each numeric table variant."""

_REF = re.compile(r"\{\{\s*([^{}|\s]+)\s*(?:\|\s*([^{}|\s]*)\s*)?\}\}")
_BRACES = re.compile(r"\{\{|\}\}")
_BLOCK_HINT = re.compile(r"\{\{\s*(?:table|section|rule)\.")
_RAW_FOOTNOTE = re.compile(r"\[\^[^\]\s]*\]")
_MARKER = "⟦?{}⟧"

_AMOUNT_UNITS = ("CNY", "shares")
_PRICED_PREFIXES = ("ratio.", "share.", "rating.", "hist.category.", "hist.total.")
"""Facts whose value depends on the price convention besides money and units amounts."""
_YI = Decimal(10) ** 8
_BILLION = Decimal(10) ** 9

_DIR_WORDS = {
    "zh": (("净流入", 1), ("净流出", -1), ("流入", 1), ("流出", -1)),
    "en": (("inflows", 1), ("outflows", -1), ("inflow", 1), ("outflow", -1)),
}
_DIR_WINDOW = {"zh": 8, "en": 40}


@dataclass(frozen=True)
class Ref:
    """One well-formed reference: ``text[start:end]`` is the whole ``{{...}}``."""

    id: str
    variant: str
    start: int
    end: int
    text: str


ProblemKind = Literal[
    "unknown_id", "bad_variant", "not_applicable", "malformed", "misplaced_block", "raw_footnote", "direction_missing",
    "direction_conflict"
]


@dataclass(frozen=True)
class RenderProblem:
    """Something wrong with the input text; ``start``/``end`` index the input (end exclusive)."""

    kind: ProblemKind
    message: str
    start: int
    end: int
    id: str | None = None
    variant: str | None = None
    suggestions: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"kind": self.kind, "message": self.message, "start": self.start, "end": self.end,
                "id": self.id, "variant": self.variant, "suggestions": list(self.suggestions)}


@dataclass
class Rendered:
    """The rendered article: Markdown with cited figures and a references section."""

    markdown: str
    used_ids: list[str] = field(default_factory=list)
    """Ids of the facts cited, in order of first citation."""
    errors: list[RenderProblem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --- parsing --------------------------------------------------------------------------------


def parse_refs(text: str) -> list[Ref]:
    """Every well-formed reference in `text`, in order, with its span."""
    return [Ref(m.group(1), m.group(2) or "", m.start(), m.end(), m.group(0)) for m in _REF.finditer(text)]


def _malformed(text: str, refs: list[Ref]) -> list[RenderProblem]:
    """Braces that are not part of a well-formed reference, and empty references."""
    covered = [(r.start, r.end) for r in refs]
    out: list[RenderProblem] = []
    for m in _BRACES.finditer(text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        # report the whole {{...}} when it closes on the same line
        end = m.end()
        if m.group(0) == "{{":
            close = text.find("}}", m.end())
            newline = text.find("\n", m.end())
            if close != -1 and (newline == -1 or close < newline):
                end = close + 2
        snippet = text[m.start():end]
        if any(a <= m.start() < b for a, b in [(p.start, p.end) for p in out]):
            continue
        out.append(RenderProblem("malformed", f"malformed reference {snippet!r}: use {{{{fact.id}}}} or {{{{fact.id|variant}}}}",
                                 m.start(), end))
    return out


# --- values ---------------------------------------------------------------------------------


def _is_flow(fact: Fact) -> bool:
    return fact.unit == "CNY" and fact.direction in ("inflow", "outflow")


def _places_of(display: str) -> int:
    m = re.search(r"\d\.(\d+)", display)
    return len(m.group(1)) if m else 0


def _signed(fact: Fact, lang: str) -> str:
    v = fact.number
    i = 0 if lang == "zh" else 1
    if fact.unit == "CNY":
        return D.cny(v, signed=True)[i]
    if fact.unit == "shares":
        return D.shares(v, signed=True)[i]
    if fact.unit == "pct":
        return D.pct(v, _places_of(fact.display.en), signed=True, points_change=fact.points_change)[i]
    raise ValueError


def _magnitude(fact: Fact, lang: str) -> str:
    v = abs(fact.number)
    i = 0 if lang == "zh" else 1
    if fact.unit == "CNY":
        return D.cny(v)[i]
    if fact.unit == "shares":
        return D.shares(v)[i]
    if fact.unit == "pct":
        return D.pct(v, _places_of(fact.display.en), points_change=fact.points_change)[i]
    return getattr(fact.display, lang)


def _number(value: Decimal, scale: Decimal) -> str:
    q = D.round_half_up(value / scale, 2)
    if q == 0:
        return "0.00"
    return f"{q:+.2f}"


def _scale(v: Decimal, lang: str, unit: str) -> tuple[Decimal, str, str]:
    """(divisor, prefix, suffix) of the unit the display module would use for |v|."""
    a = abs(v)
    if lang == "zh":
        noun = "元" if unit == "CNY" else "份"
        if a >= D.WANYI:
            return D.WANYI, "", "万亿" + noun
        if a >= D.YI:
            return D.YI, "", "亿" + noun
        return D.WAN, "", "万" + noun
    if unit == "CNY":
        if a >= D.TRILLION:
            return D.TRILLION, "RMB ", " trillion"
        if a >= D.BILLION:
            return D.BILLION, "RMB ", " billion"
        return D.MILLION, "RMB ", " million"
    if a >= D.BILLION:
        return D.BILLION, "", " billion units"
    return D.MILLION, "", " million units"


def _plain(x: Decimal) -> str:
    s = format(x, "f")
    return s


def _approx_body(v: Decimal, lang: str, unit: str) -> str:
    div, pre, suf = _scale(v, lang, unit)
    x = abs(v) / div
    places = 0 if x >= 10 else 1
    w = D.round_half_up(x, places)
    hedge = "约" if lang == "zh" else "about "
    return f"{hedge}{pre}{_plain(w)}{suf}"


def _over_value(x: Decimal) -> Decimal | None:
    """A round number w with w < x <= 1.25 w (one significant figure if possible, else two)."""
    if x <= 0:
        return None
    exp = x.adjusted()
    for sig in (1, 2):
        q = Decimal(10) ** (exp - sig + 1)
        w = (x / q).to_integral_value(ROUND_FLOOR) * q
        if w >= x:
            w -= q
        if w > 0 and x <= w * Decimal("1.25"):
            return w.normalize() if w == w.to_integral_value() else w
    return None


def _over_body(v: Decimal, lang: str, unit: str) -> str | None:
    div, pre, suf = _scale(v, lang, unit)
    x = abs(v) / div
    w = _over_value(x)
    if w is None:
        return None
    text = format(w.quantize(Decimal(1)) if w == w.to_integral_value() else w.normalize(), "f")
    hedge = "超" if lang == "zh" else "over "
    return f"{hedge}{pre}{text}{suf}"


def _with_direction(fact: Fact, body: str, lang: str) -> str:
    """Prefix a flow's direction word the way the display module does."""
    if not _is_flow(fact):
        return body
    v = fact.number
    if lang == "zh":
        return ("净流出" if v < 0 else "净流入") + body
    return ("net outflow of " if v < 0 else "net inflow of ") + body


_NAME_SUFFIXES = ("净流入", " net flow", "区间涨跌幅", " change over the period", "收盘", " close", "期末规模",
                  " AUM at period end", "信号强度", " signal strength", "连涨天数", " consecutive up days")


def entity_name(fact: Fact, lang: str) -> str:
    """What a fact is about: its label without the measure (net flow, close, ...) and the fund code."""
    label = getattr(fact.label, lang)
    for suffix in _NAME_SUFFIXES:
        if label.endswith(suffix):
            label = label[: -len(suffix)]
            break
    label = re.sub(r"\s*[（(]\d{6}[)）]", "", label)
    return label.strip()


def _code(fact: Fact) -> str | None:
    m = re.search(r"(?:^|\.)(\d{6})(?:\.|$)", fact.id)
    return m.group(1) if m else None


def render_value(fact: Fact, variant: str, lang: str) -> tuple[str | None, str | None]:
    """(text, None) for a variant of a fact, or (None, reason) when it does not apply."""
    lang = "zh" if lang == "zh" else "en"
    numeric = not isinstance(fact.value, str)
    if variant in ("", "cite"):
        return (getattr(fact.display, lang) if variant == "" else ""), None
    if variant == "label":
        return getattr(fact.label, lang), None
    if variant == "name":
        return entity_name(fact, lang), None
    if variant == "Name":
        name = entity_name(fact, lang)
        return name[:1].upper() + name[1:], None
    if variant == "code":
        code = _code(fact)
        return (code, None) if code else (None, "the fact is not about a single fund")
    if variant == "date":
        p = fact.period
        one = D.date(p.start)[0 if lang == "zh" else 1]
        if p.start == p.end:
            return one, None
        # both dates carry the citation (render appends the last one)
        return one + f"[^{fact.id}]" + ("至" if lang == "zh" else " to ") + D.date(p.end)[0 if lang == "zh" else 1], None
    if variant == "dir":
        if not _is_flow(fact):
            return None, "only flows have a direction"
        neg = fact.number < 0
        return (("净流出" if neg else "净流入") if lang == "zh" else ("outflow" if neg else "inflow")), None
    if not numeric:
        return None, f"a {fact.unit} fact has no {variant!r} form"
    if variant == "value":
        if fact.number < 0 and not _is_flow(fact) and fact.unit not in ("count", "stars"):
            return None, "the value is negative: use the plain reference or |signed"
        return _magnitude(fact, lang), None
    if variant == "signed":
        if fact.unit not in ("CNY", "shares", "pct"):
            return None, f"a {fact.unit} fact has no sign"
        return _signed(fact, lang), None
    if fact.unit not in _AMOUNT_UNITS:
        return None, f"|{variant} applies to money and unit amounts, not {fact.unit}"
    if variant == "yi":
        return _number(fact.number, _YI), None
    if variant == "bn":
        return _number(fact.number, _BILLION), None
    if variant == "approx":
        return _with_direction(fact, _approx_body(fact.number, lang, fact.unit), lang), None
    if variant == "over":
        body = _over_body(fact.number, lang, fact.unit)
        if body is None:
            return None, "|over needs a non-zero amount"
        return _with_direction(fact, body, lang), None
    return None, f"unknown variant {variant!r}"


def _direction_problem(before: str, ref: Ref, fact: Fact, lang: str) -> RenderProblem | None:
    """A ``|value`` flow must follow a direction word that agrees with its sign.

    `before` is the rendered text up to the reference (so a ``|dir`` reference counts).
    """
    window = re.sub(r"\[\^[^\]]*\]", "", before[-(_DIR_WINDOW[lang] + 80):])[-_DIR_WINDOW[lang]:]
    words = _DIR_WORDS[lang]
    best: tuple[int, int] | None = None  # (position, sign) of the nearest direction word
    hay = window.lower()
    for word, sign in words:
        pos = hay.rfind(word)
        if pos != -1 and (best is None or pos + len(word) > best[0]):
            best = (pos + len(word), sign)
    want = -1 if fact.number < 0 else 1
    if best is None:
        need = ("净流出" if want < 0 else "净流入") if lang == "zh" else ("outflow" if want < 0 else "inflow")
        return RenderProblem("direction_missing", f"{{{{{ref.id}|value}}}} is a flow with no direction word before it: write {need!r} just before it or use {{{{{ref.id}}}}}",
                             ref.start, ref.end, ref.id, ref.variant)
    if best[1] != want:
        return RenderProblem("direction_conflict", f"{ref.id} is an {'outflow' if want < 0 else 'inflow'}, but the word before it says the opposite",
                             ref.start, ref.end, ref.id, ref.variant)
    return None


# --- rendering ------------------------------------------------------------------------------


def _chart_lookup(charts: Iterable[Any] | None, lang: str) -> dict[str, str]:
    """chart id -> Markdown image, for charts given as objects with an id, a file and a caption."""
    out: dict[str, str] = {}
    for c in charts or ():
        cid = getattr(c, "id", None)
        file = getattr(c, "file", None) or getattr(c, "path", None)
        if not cid or not file:
            continue
        cap = getattr(c, "caption", None) or getattr(c, "title", None) or ""
        if not isinstance(cap, str):
            cap = getattr(cap, lang, "") if hasattr(cap, lang) else (cap.get(lang, "") if isinstance(cap, dict) else str(cap))
        cap = cap.replace("[", "(").replace("]", ")")
        out[f"chart.{cid}" if not str(cid).startswith("chart.") else str(cid)] = f"![{cap}]({str(file).replace(chr(92), '/')})"
    return out


def _known_blocks(facts: FactSet, lang: str, text: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """(block id -> reference-syntax text for the blocks that apply, every block id) from `etfwriter.compose`."""
    from etfwriter.compose import BLOCK_IDS, article_blocks

    return (article_blocks(facts, lang) if _BLOCK_HINT.search(text) else {}), BLOCK_IDS


def render(text: str, facts: FactSet, lang: str, *, references: bool = True, charts: Iterable[Any] | None = None,
           blocks: dict[str, str] | None = None) -> Rendered:
    """Replace every reference in `text` by its figure and citation; append the references section.

    `charts` (optional): objects with ``id``, ``file`` (or ``path``) and ``caption`` (or ``title``,
    a string or a zh/en pair); ``{{chart.<id>}}`` then becomes a Markdown image of that chart.
    `blocks`: block id -> reference-syntax text that ``{{<block id>}}`` expands to (default: the
    blocks `etfwriter.compose.article_blocks` writes for these facts: ``table.flows``,
    ``table.signals``, ``table.episodes``, ``table.top_etfs``, ``section.method``, ``rule.<rating>``).
    """
    lang = "zh" if lang == "zh" else "en"
    by_id = facts.by_id()
    images = _chart_lookup(charts, lang)
    if blocks is None:
        blocks, block_ids = _known_blocks(facts, lang, text)
    else:
        block_ids = tuple(blocks)
    refs = parse_refs(text)
    errors: list[RenderProblem] = []
    for m in _RAW_FOOTNOTE.finditer(text):
        errors.append(RenderProblem("raw_footnote", f"hand-written citation {m.group(0)!r}: cite facts with {{{{fact.id}}}} only",
                                    m.start(), m.end()))
    errors.extend(_malformed(text, refs))
    out: list[str] = []
    used: list[str] = []
    pos = 0
    for ref in refs:
        out.append(text[pos:ref.start])
        pos = ref.end
        fact = by_id.get(ref.id)
        if fact is None and ref.id in images and ref.variant == "":
            out.append(images[ref.id])
            continue
        if fact is None and ref.id in blocks and ref.variant == "":
            inner = render(blocks[ref.id], facts, lang, references=False, charts=charts, blocks={})
            if inner.errors:
                errors.append(RenderProblem("not_applicable", f"block {ref.id} cannot be written: {inner.errors[0].message}",
                                            ref.start, ref.end, ref.id, ref.variant))
                out.append(_MARKER.format(ref.id))
                continue
            line_start = text.rfind("\n", 0, ref.start) + 1
            line_end = text.find("\n", ref.end)
            rest = text[ref.end:] if line_end == -1 else text[ref.end:line_end]
            if text[line_start:ref.start].strip() or rest.strip():
                errors.append(RenderProblem("misplaced_block", f"block {{{{{ref.id}}}}} must stand on a line of its own",
                                            ref.start, ref.end, ref.id, ref.variant))
            body = inner.markdown
            head, _, tail = body.partition("\n")
            written = "".join(out).rstrip()
            if head.startswith("#") and written.endswith(head.strip()):  # the heading is already there: not twice
                body = tail.lstrip("\n")
            out.append(body)
            used.extend(i for i in inner.used_ids if i not in used)
            continue
        if fact is None and ref.id in block_ids:
            why = f"a block takes no variant: write {{{{{ref.id}}}}}" if ref.variant else \
                f"block {ref.id} has nothing to show for this period: leave it out"
            errors.append(RenderProblem("not_applicable", why, ref.start, ref.end, ref.id, ref.variant))
            out.append(_MARKER.format(ref.id))
            continue
        if fact is None:
            close = tuple(difflib.get_close_matches(ref.id, list(by_id) + list(images) + list(block_ids), n=3, cutoff=0.75))
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            errors.append(RenderProblem("unknown_id", f"no fact has the id {ref.id!r}{hint}", ref.start, ref.end, ref.id, ref.variant, close))
            out.append(_MARKER.format(ref.id))
            continue
        if ref.variant not in VARIANTS:
            errors.append(RenderProblem("bad_variant", f"unknown variant {ref.variant!r}; use one of: {', '.join(v for v in VARIANTS if v)}",
                                        ref.start, ref.end, ref.id, ref.variant))
            out.append(_MARKER.format(ref.id))
            continue
        value, why = render_value(fact, ref.variant, lang)
        if value is None:
            errors.append(RenderProblem("not_applicable", f"{{{{{ref.id}|{ref.variant}}}}}: {why}", ref.start, ref.end, ref.id, ref.variant))
            out.append(_MARKER.format(ref.id))
            continue
        if ref.variant == "value" and _is_flow(fact) and fact.number != 0:
            problem = _direction_problem("".join(out[-8:]), ref, fact, lang)
            if problem is not None:
                errors.append(problem)
        out.append(value)
        if ref.variant in CITING_VARIANTS:
            out.append(f"[^{fact.id}]")
            if fact.id not in used:
                used.append(fact.id)
    out.append(text[pos:])
    body = "".join(out)
    if references and used:
        body = body.rstrip("\n") + "\n\n" + references_section(used, facts, lang)
    errors.sort(key=lambda e: (e.start, e.end))
    return Rendered(markdown=body, used_ids=used, errors=errors, refs=refs)


def references_section(ids: list[str], facts: FactSet, lang: str) -> str:
    """The heading and one footnote definition per fact id."""
    by_id = facts.by_id()
    lines = [f"## {REFERENCES_HEADING['zh' if lang == 'zh' else 'en']}", ""]
    for fid in ids:
        lines.append(footnote_definition(by_id[fid], facts, lang))
    return "\n".join(lines) + "\n"


def _code_span(s: str) -> str:
    s = s.replace("`", "'")
    return f"`{s}`"


def _inputs(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (", …" if len(items) > limit else "")


def footnote_definition(fact: Fact, facts: FactSet, lang: str) -> str:
    """``[^id]: ...``: label, value, period, formula, inputs, rule, dataset and price convention."""
    zh = lang == "zh"
    p = fact.provenance
    label = getattr(fact.label, "zh" if zh else "en")
    label = f"**{_code_span(label)}**" if re.search(r"\d", label) else f"**{label}**"
    parts: list[str] = [label + ("：" if zh else ": ") + getattr(fact.display, "zh" if zh else "en")]
    if fact.period != facts.period:
        one = D.date(fact.period.start)[0 if zh else 1]
        if fact.period.end != fact.period.start:
            one += ("至" if zh else " to ") + D.date(fact.period.end)[0 if zh else 1]
        parts.append(("区间：" if zh else "Period: ") + one)
    rating = fact.unit == "stars"
    if rating:
        rule = (p.rule or p.formula) if zh else p.formula
        parts.append(("评级规则：" if zh else "Rule: ") + _code_span(rule.rstrip("。.")))
        if p.inputs:
            parts.append(("规则输入：" if zh else "Rule inputs: ") + _code_span(_inputs(p.inputs, 8)))
    else:
        parts.append(("计算：" if zh else "Formula: ") + _code_span(p.formula))
        if p.inputs:
            parts.append(("输入：" if zh else "Inputs: ") + _code_span(_inputs(p.inputs)))
    if p.dataset:
        ds = _code_span(p.dataset) + (f"（哈希 {_code_span(p.dataset_hash)}）" if zh and p.dataset_hash else
                                      f" (hash {_code_span(p.dataset_hash)})" if p.dataset_hash else "")
        parts.append(("数据集：" if zh else "Dataset: ") + ds)
    if p.price and (fact.unit in _AMOUNT_UNITS or fact.id.startswith(_PRICED_PREFIXES)):
        text = PRICE_CONVENTIONS.get(p.price, (p.price, p.price))[0 if zh else 1]
        parts.append(f"价格口径：{text}（{_code_span(p.price)}）" if zh else f"Price convention: {text} ({_code_span(p.price)})")
    sep = "；" if zh else "; "
    end = "。" if zh else "."
    return f"[^{fact.id}]: " + sep.join(parts) + end


# --- tables ---------------------------------------------------------------------------------


def _cell(s: str) -> str:
    """A table cell: pipes escaped outside references (the renderer consumes those), one line."""
    parts = re.split(r"(\{\{[^{}]*\}\})", s.replace("\n", " "))
    return "".join(p if i % 2 else p.replace("|", "\\|") for i, p in enumerate(parts))


def render_table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    """A Markdown table; cells may hold references. `align`: 'l', 'r' or 'c' per column."""
    align = align or ["l"] * len(header)
    rule = {"l": "---", "r": "---:", "c": ":---:"}
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join(rule[a] for a in align) + "|"]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"table row has {len(row)} cells, header has {len(header)}")
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class TableRow:
    """One row of the flow table: what it is, the flow fact, and a short note (no digits)."""

    label: str
    fact_id: str
    note: str = ""


def flow_table(rows: list[TableRow], lang: str, *, unit: Literal["yi", "bn"] = "yi",
               headers: tuple[str, str] | None = None) -> str:
    """The flow panorama table as reference syntax: one signed, cited cell per row."""
    zh = lang == "zh"
    first, last = headers or (("资金类别", "特征") if zh else ("Category", "What it shows"))
    header = [first, TABLE_HEADERS[unit]["zh" if zh else "en"], last]
    body = [[r.label, f"{{{{{r.fact_id}|{unit}}}}}", r.note] for r in rows]
    return render_table(header, body, ["l", "r", "l"])
