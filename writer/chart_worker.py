"""The chart process: a forked worker that draws an article's charts while the drafting goes on.

    worker = ChartWorker.start()          # None where fork is unavailable or unsafe
    worker.submit(facts, weekly, stage, ["zh", "en"])
    rows = worker.result("zh")            # [(id, path, caption, fact ids), ...]
    worker.close()

This module imports nothing heavy (no pandas, no matplotlib): a command chooses when to fork.
`etfwriter draft` forks once the data tools are imported (the worker shares them rather than
importing them again) and before the data loads: the worker imports matplotlib while the parent
loads the data and computes the facts, and draws when the job arrives.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from etfwriter.tools.facts import FactSet

__all__ = ["ChartWorker", "ChartRows"]


ChartRows = list[tuple[str, str, str, list[str]]]


def _draw(facts: FactSet, stage: Path, lang: str, *, dataset: Any = None, weekly: Any = None) -> ChartRows:
    """(id, path, caption, fact ids) of each chart drawn (plain data: it crosses a process boundary)."""
    from etfwriter.charts import make_charts

    made = make_charts(facts, lang, stage / "charts" / lang, dataset=dataset, weekly=weekly,
                       price=facts.dataset.price_convention)
    return [(c.id, str(c.path), c.caption, list(c.fact_ids)) for c in made]


def _fork_is_safe() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1 and not os.environ.get("ETFWRITER_NO_FORK")


def _worker_main(conn: Any) -> None:
    """The chart process: import matplotlib and find the CJK font while the parent loads data, then draw.

    The job is received on a thread from the start, so the parent's send never waits on the pipe
    while this process is still importing.
    """
    box: list[Any] = []

    def receive() -> None:
        try:
            box.append(conn.recv())
        except (EOFError, OSError):
            box.append(None)

    reader = threading.Thread(target=receive, daemon=True)
    reader.start()
    try:
        from etfwriter import charts

        charts.cjk_font()
    except Exception:  # a missing font is reported when a Chinese chart is drawn
        pass
    reader.join()
    job = box[0] if box else None
    if job is None:
        return
    facts, weekly, stage, langs = job
    for lang in langs:
        try:
            conn.send((lang, "ok", _draw(facts, stage, lang, weekly=weekly)))
        except Exception as exc:
            conn.send((lang, "error", (type(exc).__name__, str(exc))))


class ChartWorker:
    """A forked process that draws the articles' charts while the agent runs on the other core.

    Drawing is the costliest step of an offline draft after imports. Start the worker before loading
    the data (``ChartWorker.start()``, as ``etfwriter draft`` does) so that its matplotlib import
    overlaps the data load and the facts, and pass it to `draft`.
    `start` returns None where fork is unavailable or unsafe (other threads running;
    ``ETFWRITER_NO_FORK`` set): charts are then drawn in-process.
    """

    def __init__(self, process: Any, conn: Any):
        self.process, self.conn = process, conn
        self.submitted = False
        self.closed = False
        self.results: dict[str, tuple[str, Any]] = {}

    @classmethod
    def start(cls) -> ChartWorker | None:
        if not _fork_is_safe():
            return None
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child,), daemon=True, name="etfwriter-charts")
        proc.start()
        child.close()
        return cls(proc, parent)

    def submit(self, facts: FactSet, weekly: Any, stage: Path, langs: Sequence[str]) -> None:
        self.conn.send((facts, weekly, stage, list(langs)))
        self.submitted = True

    def result(self, lang: str) -> ChartRows:
        while lang not in self.results:
            try:
                got_lang, status, payload = self.conn.recv()
            except EOFError:
                from etfwriter.tools import EtfWriterError

                raise EtfWriterError("the chart process ended unexpectedly") from None
            self.results[got_lang] = (status, payload)
        status, payload = self.results[lang]
        if status == "error":
            name, message = payload
            raise _ChartFailure(name, message)
        return payload

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if not self.submitted:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=5)
        self.conn.close()

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _ChartFailure(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
