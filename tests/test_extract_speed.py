"""The extractor is cheap enough to run on every draft: < 10 ms for a 3,000-character article."""

from __future__ import annotations

import json
import time
from pathlib import Path

from etfwriter.evals.extract import extract

CORPUS = Path(__file__).parent / "data" / "extract_corpus.jsonl"


def _article(size: int = 3000) -> str:
    """A mixed Chinese / English article with tables, stitched from the corpus texts."""
    parts: list[str] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        parts.append(json.loads(line)["text"])
        if sum(len(p) + 2 for p in parts) >= size:
            break
    return "\n\n".join(parts)[:size]


def test_a_3000_character_article_takes_under_10_ms():
    text = _article()
    assert len(text) == 3000
    extract(text)  # warm the caches
    best = min(_cpu_time(text) for _ in range(25))
    assert best < 0.010, f"{best * 1000:.2f} ms"


def _cpu_time(text: str) -> float:
    start = time.process_time()
    extract(text)
    return time.process_time() - start
