"""The gate a draft must pass before it is an article, and the re-ask that sends failures back.

    review = review(text, facts, "zh", charts=charts)   # render, check, list problems
    review.passed, review.problems, review.rendered.markdown, review.report
    message = reask_message(review)                     # what the model is told to fix

A draft is the model's text in reference syntax (``{{fact.id}}``, see `etfwriter.render`). The
gate renders it and collects every problem, each with the exact offending span:

- ``reference``: unknown fact ids, unknown or inapplicable variants, malformed braces,
  hand-written ``[^...]`` citations, a ``|value`` flow without its direction word (from the
  renderer's problems);
- ``direction``: a direction word (净流入/净流出, inflow/outflow) in the clause before a flow
  reference that contradicts the fact, or doubles the word the reference already writes;
- ``number``: every number in the rendered article that the eval (`check(..., strict=True)`) does
  not find supported by a fact: numbers the model typed itself, or cited figures whose words
  contradict them;
- ``section``: the title line, a required section heading (`etfwriter.compose.SECTIONS`, written
  exactly) or the disclaimer is missing;
- ``empty``: there is no text at all.

Nothing is repaired here: the model gets the list and rewrites, or the draft is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from etfwriter.tools.facts import Fact, FactSet

__all__ = ["Problem", "Review", "review", "reask_message", "required_sections", "required_headings"]

Kind = Literal["reference", "direction", "number", "section", "empty"]

_CITING = {"", "value", "signed", "yi", "bn", "approx", "over"}
_WRITES_DIRECTION = {"", "approx", "over"}
_ZH_WORDS = (("净流入", 1), ("净流出", -1), ("流入", 1), ("流出", -1))
_EN_WORDS = re.compile(r"\b(inflows?|outflows?)\b", re.I)
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,：:]|(?<=[a-z])\.\s")
_IMMEDIATE = {"zh": re.compile(r"(净流入|净流出|流入|流出)\s*(?:了)?\s*$"),
              "en": re.compile(r"\b(?:net\s+)?(inflows?|outflows?)(?:\s+of)?\s*$", re.I)}


@dataclass
class Problem:
    """One thing the model must fix: the exact span, what is wrong and what to do."""

    kind: Kind
    span: str
    message: str
    fix: str
    line: int | None = None
    fact_id: str | None = None
    ref: str | None = None
    """For a cited figure the eval rejects: the fact id of the reference that wrote it."""

    def fact_ref_flagged(self, flagged: set[str]) -> bool:
        return self.ref is not None and self.ref in flagged

    def text(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        return f"[{self.kind}] {self.span!r}{where}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "span": self.span, "line": self.line, "message": self.message,
                "fix": self.fix, "fact_id": self.fact_id}


@dataclass
class Review:
    """The verdict on one draft."""

    text: str
    lang: str
    problems: list[Problem] = field(default_factory=list)
    rendered: Any = None
    """`etfwriter.render.Rendered` of the draft (None for an empty draft)."""
    report: Any = None
    """`EvalReport` of the rendered article (None when it could not be checked)."""
    warnings: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems and self.report is not None and self.report.passed

    @property
    def eval_summary(self) -> dict[str, Any]:
        return self.report.summary.to_json() if self.report is not None else {}

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "problems": [p.to_json() for p in self.problems],
            "warnings": self.warnings,
            "eval": self.report.to_json() if self.report is not None else None,
        }


def required_sections(lang: str) -> list[str]:
    """Heading texts an article in `lang` must have, without ``#`` (from `etfwriter.compose.REQUIRED_SECTIONS`)."""
    from etfwriter.compose import REQUIRED_SECTIONS

    return [v["zh" if lang == "zh" else "en"] for v in REQUIRED_SECTIONS.values()]


def required_headings(lang: str) -> tuple[list[str], str]:
    """(the Markdown heading lines the model writes, the disclaimer line) for `lang`.

    The references heading is left out (the renderer appends that section), and so is the data
    and method heading: ``{{section.method}}`` writes that section with the disclaimer.
    """
    from etfwriter.compose import DISCLAIMER, SECTIONS

    lang = "zh" if lang == "zh" else "en"
    return [s.heading(lang) for s in SECTIONS if s.id not in ("references", "method")], DISCLAIMER[lang]


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, max(pos, 0)) + 1


# --- checks ---------------------------------------------------------------------------------------


def review(text: str, facts: FactSet, lang: str, *, charts: Iterable[Any] | None = None,
           require_sections: bool = True) -> Review:
    """Render `text`, check it, and list every problem."""
    lang = "zh" if lang == "zh" else "en"
    rv = Review(text=text, lang=lang)
    if not text or not text.strip():
        rv.problems.append(Problem("empty", "", "the reply has no article text",
                                   "write the whole article in Markdown" if lang == "en" else "输出完整的文章Markdown"))
        return rv
    from etfwriter.render import parse_refs, render

    rendered = render(text, facts, lang, charts=charts)
    rv.rendered = rendered
    rv.problems += _reference_problems(text, rendered, lang)
    rv.problems += _direction_problems(text, parse_refs(text), facts, lang, rendered)
    if require_sections:
        rv.problems += _section_problems(rendered.markdown, lang)
    from etfwriter.evals.check import check

    rv.report = check(rendered.markdown, facts, strict=True)
    flagged = {p.fact_id for p in rv.problems if p.fact_id}
    rv.problems += [p for p in _number_problems(rv.report, text, lang) if not (p.fact_id and p.fact_ref_flagged(flagged))]
    rv.problems.sort(key=lambda p: (p.line or 0, p.kind))
    missing = rv.report.summary.must_say_missing
    if missing:
        rv.warnings.append("headline facts not cited: " + ", ".join(missing))
    body_end = _references_start(rendered.markdown, lang)
    unref = [r for r in rv.report.mentions if r.status == "supported" and r.unreferenced and r.mention.start < body_end]
    if unref:
        rv.warnings.append(f"{len(unref)} supported number(s) written without a reference: "
                           + ", ".join(repr(r.mention.text) for r in unref[:10]))
    return rv


def _references_start(markdown: str, lang: str) -> int:
    """Offset of the generated references section (the figures there restate cited facts)."""
    from etfwriter.render import REFERENCES_HEADING

    m = re.search(r"^## " + re.escape(REFERENCES_HEADING[lang]) + r"\s*$", markdown, re.M)
    return m.start() if m else len(markdown)


_REF_FIX = {
    "unknown_id": ("use an id exactly as a tool returned it", "只使用工具返回的 id，原样拼写"),
    "bad_variant": ("use one of the documented variants, or none", "只使用文档列出的变体，或不加变体"),
    "not_applicable": ("use the plain reference {{id}} or a variant that applies to this fact", "改用 {{id}} 或适用于该事实的变体"),
    "malformed": ("write references as {{fact.id}} or {{fact.id|variant}}", "引用写成 {{fact.id}} 或 {{fact.id|variant}}"),
    "raw_footnote": ("delete it: citations come only from references", "删除它：引用标注由 {{fact.id}} 自动生成"),
    "misplaced_block": ("put the block on a line of its own, with nothing else on that line", "把这个块单独写成一行，同一行不要有其他文字"),
    "direction_missing": ("put the direction word (净流入/净流出, inflow/outflow) just before it, or use the plain reference",
                          "在引用前紧接写出方向词（净流入/净流出），或改用不带变体的 {{id}}"),
    "direction_conflict": ("the word before it contradicts the fact: write the right direction word, or use the plain reference",
                           "引用前的方向词与事实相反：改成正确的方向词，或改用不带变体的 {{id}}"),
}


def _block_ids() -> tuple[str, ...]:
    from etfwriter.compose import BLOCK_IDS

    return BLOCK_IDS


def _reference_problems(text: str, rendered: Any, lang: str) -> list[Problem]:
    out = []
    for e in rendered.errors:
        fix_en, fix_zh = _REF_FIX.get(e.kind, ("fix the reference", "修正该引用"))
        if e.kind == "not_applicable" and e.id in _block_ids():
            fix_en, fix_zh = ("delete this block (or write it with no variant, when it applies)", "删除这个块（若适用，写成不带变体的形式）")
        fix = fix_zh if lang == "zh" else fix_en
        if e.suggestions:
            fix += (" (did you mean " if lang == "en" else "（是否是 ") + ", ".join(e.suggestions) + (")" if lang == "en" else "）")
        kind: Kind = "direction" if e.kind == "direction_conflict" else "reference"
        out.append(Problem(kind, text[e.start:e.end], e.message, fix, _line_of(text, e.start), e.id))
    return out


def _flow_sign(fact: Fact) -> int | None:
    if fact.unit != "CNY" or fact.direction not in ("inflow", "outflow") or isinstance(fact.value, str) or fact.value == 0:
        return None
    return -1 if fact.value < 0 else 1


def _word_sign(word: str) -> int:
    w = word.lower()
    return 1 if ("入" in w or w.startswith("in")) else -1


def _direction_problems(text: str, refs: list[Any], facts: FactSet, lang: str, rendered: Any) -> list[Problem]:
    """Direction words that contradict (or, for self-directed references, double) a flow reference."""
    by_id = facts.by_id()
    flagged = {(e.start, e.end) for e in rendered.errors}
    out: list[Problem] = []
    prev_end = 0
    for ref in refs:
        start, prev = ref.start, prev_end
        prev_end = ref.end
        fact = by_id.get(ref.id)
        if fact is None or ref.variant not in _CITING or (start, ref.end) in flagged:
            continue
        sign = _flow_sign(fact)
        if sign is None:
            continue
        before = text[prev:start]
        cut = list(_CLAUSE_END.finditer(before))
        clause = before[cut[-1].end():] if cut else before
        right = ("净流出" if sign < 0 else "净流入") if lang == "zh" else ("outflow" if sign < 0 else "inflow")
        imm = _IMMEDIATE[lang].search(clause)
        span = (clause[imm.start():] if imm else "") + ref.text
        if imm and ref.variant in _WRITES_DIRECTION:
            if _word_sign(imm.group(1)) != sign:
                out.append(Problem("direction", span, f"{ref.id} is a net {'outflow' if sign < 0 else 'inflow'}, but the text says {imm.group(1)!r}",
                                   _dir_fix(ref, lang, doubled=False), _line_of(text, start), ref.id))
            else:
                out.append(Problem("direction", span, f"{{{{{ref.id}}}}} already writes the direction word, so it is doubled",
                                   _dir_fix(ref, lang, doubled=True), _line_of(text, start), ref.id))
            continue
        words = _clause_words(clause, lang)
        if words and words[-1][1] != sign:
            word = words[-1][0]
            out.append(Problem("direction", clause.strip()[-40:] + ref.text,
                               f"{ref.id} is a net {'outflow' if sign < 0 else 'inflow'}, but the sentence says {word!r}",
                               (f"用“{right}”描述它，或删除相反的方向词" if lang == "zh" else f"describe it as an {right}, or drop the contradicting word"),
                               _line_of(text, start), ref.id))
    return out


def _clause_words(clause: str, lang: str) -> list[tuple[str, int]]:
    found: list[tuple[int, str, int]] = []
    if lang == "zh":
        i = 0
        while i < len(clause):
            for word, s in _ZH_WORDS:
                if clause.startswith(word, i):
                    found.append((i, word, s))
                    i += len(word) - 1
                    break
            i += 1
    else:
        found = [(m.start(), m.group(1), _word_sign(m.group(1))) for m in _EN_WORDS.finditer(clause)]
    return [(w, s) for _, w, s in sorted(found)]


def _dir_fix(ref: Any, lang: str, *, doubled: bool) -> str:
    if lang == "zh":
        return f"删除引用前的方向词，直接写 {{{{{ref.id}}}}}（它自带正确的“净流入/净流出”）" if doubled else \
            f"删除引用前的方向词，直接写 {{{{{ref.id}}}}}，它会写出正确的方向"
    return f"delete the word before it and write {{{{{ref.id}}}}} alone (it writes the right direction)"


def _section_problems(rendered_markdown: str, lang: str) -> list[Problem]:
    """Missing headline, sections and disclaimer (`etfwriter.compose.missing_sections` on the rendered text)."""
    from etfwriter.compose import DISCLAIMER, SECTIONS, missing_sections

    zh = lang == "zh"
    by_id = {s.id: s for s in SECTIONS}
    out = []
    lines = [ln.strip() for ln in rendered_markdown.splitlines()]
    for s in SECTIONS:
        head = s.heading(lang)
        if lines.count(head) > 1:
            out.append(Problem("section", head, "a section heading is written more than once",
                               f"只保留一处“{head}”" + ("（{{section.method}} 已写出这一节）" if s.id == "method" else "") if zh else
                               f"keep one '{head}'" + (" ({{section.method}} writes that section)" if s.id == "method" else "")))
    for sid in missing_sections(rendered_markdown, lang):
        if sid == "headline":
            out.append(Problem("section", "# ", "the article has no '# ' title line",
                               "第一行写“# ”开头的标题" if zh else "start the article with a '# ' title line"))
        elif sid == "disclaimer":
            text = DISCLAIMER["zh" if zh else "en"]
            out.append(Problem("section", text, "the disclaimer line is missing",
                               "文章最后单独一行写 {{section.method}}（它写出数据与方法说明和免责声明）" if zh else
                               "end the article with {{section.method}} on its own line (it writes the data and method section and the disclaimer)"))
        elif sid == "references":
            continue  # appended by the renderer when anything is cited; uncited text fails elsewhere
        elif sid == "method":
            out.append(Problem("section", by_id[sid].heading(lang), "the data and method section is missing",
                               "文章最后单独一行写 {{section.method}}" if zh else "end the article with {{section.method}} on its own line"))
        else:
            head = by_id[sid].heading(lang) if sid in by_id else sid
            out.append(Problem("section", head, "required section heading is missing or not written exactly",
                               f"加上这一行标题（逐字照抄）：{head}" if zh else f"add this heading line exactly as written: {head}"))
    return out


def _number_problems(report: Any, text: str, lang: str) -> list[Problem]:
    out = []
    cursor = 0
    for r in report.mentions:
        if r.status == "supported":
            continue
        m = r.mention
        ref = m.fact_ref
        if ref:
            at = text.find("{{" + ref)
            span = m.text
            line = _line_of(text, at) if at >= 0 else None
            if lang == "zh":
                fix = f"这个数字来自 {{{{{ref}}}}}，但周围的词与它矛盾：检查方向词、约/超/近等修饰词，必要时改用不带变体的 {{{{{ref}}}}}"
            else:
                fix = f"this figure comes from {{{{{ref}}}}} but the words around it contradict it: check direction and hedge words, or use the plain {{{{{ref}}}}}"
        else:
            at = text.find(m.text, cursor)
            if at < 0:
                at = text.find(m.text)
            else:
                cursor = at + len(m.text)
            span = m.text
            line = _line_of(text, at) if at >= 0 else None
            cands = ", ".join("{{" + c + "}}" for c in r.candidates[:3])
            if lang == "zh":
                fix = "这是你自己写的数字。删除它，或改用事实引用" + (f"（可能是 {cands}）" if cands else "") + "；不要手写任何数字"
            else:
                fix = "you typed this number yourself: delete it or replace it with a fact reference" + (f" (perhaps {cands})" if cands else "") + "; never type digits"
        out.append(Problem("number", span, f"{r.status}: {r.reason}", fix, line, r.fact_id, ref=ref))
    return out


# --- the re-ask -----------------------------------------------------------------------------------


def reask_message(rv: Review, attempt: int | None = None, max_attempts: int | None = None) -> str:
    """The message that sends a failed draft back: every problem with its span and the fix."""
    zh = rv.lang == "zh"
    lines = []
    if zh:
        lines.append("文章未通过核对。请修正下列每一处问题，然后重新输出**完整的**文章（只输出文章Markdown，不要解释）。")
    else:
        lines.append("The article failed the check. Fix every problem below, then output the **whole** article again "
                     "(only the article Markdown, no explanation).")
    if attempt is not None and max_attempts is not None:
        lines.append(f"（第{attempt}次修改，共{max_attempts}次机会）" if zh else f"(revision {attempt} of {max_attempts})")
    for i, p in enumerate(rv.problems, 1):
        where = (f"第{p.line}行 " if zh else f"line {p.line}: ") if p.line else ""
        lines.append(f"{i}. {where}「{p.span}」— {p.message} → {p.fix}" if zh else f"{i}. {where}`{p.span}` — {p.message} → {p.fix}")
    lines.append("记住：所有数字、日期、星级都只能通过 {{fact.id}} 引用写出。" if zh else
                 "Remember: every number, date and star rating must come from a {{fact.id}} reference.")
    return "\n".join(lines)
