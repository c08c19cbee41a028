"""The offline phrasebanks: slots of alternative phrasings, read from ``prompts/templates/<lang>.md``.

File format (Markdown, so it ships as package data)::

    ## slot.name
    - first phrasing, with {placeholders} and {{fact.id}} references
    - second phrasing,
      continued on an indented line

Text before the first ``##`` and HTML comments are ignored. A placeholder ``{name}`` (single
braces, lower-case name) is filled by the composer; ``{{...}}`` is left for the renderer. A
phrasing is chosen deterministically from a seed (the period and the slot), so one week always
reads the same and different weeks read differently.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources

__all__ = ["Phrasebank", "load_phrasebank", "fill", "PLACEHOLDER"]

PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}(?!\})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` placeholders; a missing value is a programming error (KeyError)."""

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if key not in values:
            raise KeyError(f"placeholder {{{key}}} has no value in: {text[:80]!r}")
        return values[key]

    return PLACEHOLDER.sub(sub, text)


class Phrasebank:
    """Slots of phrasings for one language."""

    def __init__(self, lang: str, slots: dict[str, list[str]]):
        self.lang = lang
        self.slots = slots

    def variants(self, slot: str) -> list[str]:
        try:
            return self.slots[slot]
        except KeyError:
            raise KeyError(f"phrasebank {self.lang!r} has no slot {slot!r}") from None

    def choose(self, slot: str, seed: str) -> str:
        options = self.variants(slot)
        digest = hashlib.sha256(f"{seed}|{slot}".encode()).digest()
        return options[int.from_bytes(digest[:4], "big") % len(options)]

    def say(self, slot: str, seed: str, **values: str) -> str:
        return fill(self.choose(slot, seed), values)


def parse_phrasebank(text: str, lang: str) -> Phrasebank:
    text = _COMMENT.sub("", text)
    slots: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("## "):
            name = line[3:].strip()
            if name in slots:
                raise ValueError(f"slot {name!r} appears twice in the {lang} phrasebank")
            current = slots[name] = []
            continue
        if current is None or not line.strip():
            continue
        if line.startswith("- "):
            current.append(line[2:].strip())
        elif line.startswith("  ") and current:
            current[-1] += ("" if lang == "zh" else " ") + line.strip()
        else:
            raise ValueError(f"{lang} phrasebank: cannot read line {raw!r}")
    empty = [k for k, v in slots.items() if not v]
    if empty:
        raise ValueError(f"{lang} phrasebank: slots without phrasings: {', '.join(empty)}")
    return Phrasebank(lang, slots)


@lru_cache(maxsize=4)
def load_phrasebank(lang: str) -> Phrasebank:
    """The packaged phrasebank of `lang` (zh or en)."""
    path = resources.files("etfwriter.prompts").joinpath("templates", f"{lang}.md")
    return parse_phrasebank(path.read_text(encoding="utf-8"), lang)
