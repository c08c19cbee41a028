"""A rendered article (Markdown) as a self-contained HTML page.

    page = to_html(rendered.markdown, title, "zh")

markdown-it-py (CommonMark + tables) with the footnote plugin: every citation mark becomes a
numbered superscript link whose tooltip is the fact id, and the references section lists each
fact's provenance once (one back-link per footnote). Charts stay as ``<img>`` elements with the
relative paths the article uses (``charts/<id>.png``), so the page is meant to sit next to its
``charts/`` folder. Raw HTML in the Markdown is not passed through. The CSS is embedded; Chinese
pages use a CJK font stack.
"""

from __future__ import annotations

import html as _html
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

__all__ = ["to_html", "markdown_parser", "CSS"]

CSS = """
:root { --ink: #1d2733; --muted: #5b6776; --rule: #d9dee5; --accent: #1f4e79; --bg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f5f8; color: var(--ink); }
main { max-width: 860px; margin: 2rem auto; padding: 2rem 2.5rem; background: var(--bg);
       box-shadow: 0 1px 3px rgba(0,0,0,.08); line-height: 1.75; font-size: 16px; }
html[lang="zh-CN"] main { font-family: "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
html[lang="en"] main { font-family: "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 0 0 1.2rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .4rem .6rem; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
td[style*="right"], th[style*="right"] { font-variant-numeric: tabular-nums; white-space: nowrap; }
img { display: block; max-width: 100%; height: auto; margin: 1rem auto; }
em { color: var(--muted); }
code { font-family: "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; background: #f1f3f6;
       padding: 0 .2em; border-radius: 3px; }
sup.footnote-ref { font-size: .7em; line-height: 0; }
sup.footnote-ref a { text-decoration: none; color: var(--accent); }
hr.footnotes-sep { display: none; }
section.footnotes { font-size: .82rem; color: var(--muted); line-height: 1.6; }
section.footnotes li { margin-bottom: .45rem; word-break: break-word; }
a.footnote-backref { text-decoration: none; }
"""


def _caption(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return "[" + str(tokens[idx].meta["id"] + 1) + "]"


def _ref(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    n = str(meta["id"] + 1)
    sub = meta.get("subId", 0)
    refid = n + (f":{sub}" if sub > 0 else "")
    label = _html.escape(str(meta.get("label") or ""), quote=True)
    return f'<sup class="footnote-ref"><a href="#fn{n}" id="fnref{refid}" title="{label}">[{n}]</a></sup>'


def _anchor(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    if meta.get("subId", 0) > 0:
        return ""
    n = str(meta["id"] + 1)
    return f' <a href="#fnref{n}" class="footnote-backref">\u21a9\ufe0e</a>'


def markdown_parser() -> MarkdownIt:
    """CommonMark + tables + footnotes, raw HTML off, with compact footnote marks."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    md.add_render_rule("footnote_caption", _caption)
    md.add_render_rule("footnote_ref", _ref)
    md.add_render_rule("footnote_anchor", _anchor)
    return md


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return markdown_parser()  # rendering keeps no state in the parser: one serves every page


def to_html(markdown: str, title: str, lang: str) -> str:
    """A complete HTML page for a rendered article."""
    body = _parser().render(markdown)
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
