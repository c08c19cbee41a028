"""FAKE models for the eval suite: a scripted OpenAI-compatible endpoint on 127.0.0.1.

Nothing here is a real model, and nothing here is used unless asked for by name
(``etfwriter evals run --model scripted:sloppy``, or a test that builds a script). It exists so the
suite can show, offline, what the gate and the re-asks do with a model that makes mistakes.

    script = SloppyScript(ds, rate=0.5, stubborn=0.1)       # script(request_json, n) -> completion
    with ScriptedServer(script) as server:                   # POST {server.base_url}/chat/completions
        ModelConfig(model="scripted-sloppy", base_url=server.base_url, api_key="fake")
    script.mutations                                          # every corruption it made, with its kind

`SloppyScript` drafts like a tool-calling model: in its first turn it asks for the same tools as
the built-in offline model (`etfwriter.offline_model.PLAN`); then it writes the template article
(`etfwriter.compose.compose`) in reference syntax for the period the tools reported. A fixed,
deterministic share of first drafts (`rate`, chosen by a hash of period, language and `seed`) is
corrupted with exactly one of three mistakes a careless model makes:

``number``      a flow reference replaced by a hand-typed figure with the wrong value
                (the gate reports a ``number`` problem);
``unknown_id``  a reference to a fact id that does not exist (a ``reference`` problem);
``direction``   the opposite direction word written in front of a flow reference (a ``direction``
                problem).

Re-asked, it writes the clean article, except for the `stubborn` share of (period, language)
pairs, where every attempt carries a new mistake, so the article ends rejected. Every corruption
is logged in `SloppyScript.mutations` (keyed by period, language and attempt, so a client's HTTP
retry is not counted twice): that log is how tests know, independently of the gate, how many
mistakes the scoreboard must show as caught. ``rate=0`` gives a clean scripted model (the LLM path
with API token accounting, no mistakes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
import time
from dataclasses import asdict, dataclass
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from etfwriter.registry import chart_ids

__all__ = ["MUTATION_KINDS", "EXPECTED_PROBLEM", "Mutation", "SloppyScript", "ScriptedServer", "parse_scripted",
           "SCRIPTED_PREFIX", "completion"]

SCRIPTED_PREFIX = "scripted:"
MUTATION_KINDS = ("number", "unknown_id", "direction")
EXPECTED_PROBLEM = {"number": "number", "unknown_id": "reference", "direction": "direction"}
"""The gate problem kind each mutation must produce."""

_PERIOD = re.compile(r'"?period"?:\s*"?(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})')
_PLAIN_REF = re.compile(r"\{\{\s*([^\s{}|]+)\s*\}\}")
_MULTIPLIERS = (Decimal("1.37"), Decimal("0.59"), Decimal("1.83"), Decimal("0.41"), Decimal("2.71"), Decimal("0.23"))


@dataclass(frozen=True)
class Mutation:
    """One corrupted draft the script sent."""

    start: str
    end: str
    lang: str
    attempt: int
    kind: str
    """number, unknown_id or direction."""
    detail: str

    @property
    def expected_problem(self) -> str:
        return EXPECTED_PROBLEM[self.kind]

    def to_json(self) -> dict[str, Any]:
        return dict(asdict(self), expected_problem=self.expected_problem)


def _unit(key: str) -> float:
    """A number in [0, 1) fixed by `key` (sha256; the same on every platform and run)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:13], 16) / 16 ** 13


def completion(content: str | None = None, tool_calls: list[dict] | None = None, *, request: dict | None = None,
               model: str = "scripted") -> dict:
    """A chat.completion body whose usage is counted (cl100k_base) on the request and the reply."""
    from etfwriter.agent import count_tokens

    tokens_in = 3
    for m in (request or {}).get("messages", []):
        c = m.get("content")
        if isinstance(c, list):
            c = "".join(p.get("text", "") for p in c if isinstance(p, dict))
        tokens_in += 4 + count_tokens(c or "")
        for tc in m.get("tool_calls") or []:
            tokens_in += count_tokens(tc["function"]["name"] + tc["function"]["arguments"])
    if request and request.get("tools"):
        tokens_in += count_tokens(json.dumps(request["tools"], ensure_ascii=False))
    tokens_out = count_tokens(content or "") + sum(count_tokens(t["function"]["name"] + t["function"]["arguments"])
                                                   for t in tool_calls or [])
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": f"chatcmpl-scripted-{time.time_ns()}", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out},
    }


def _tool_call(name: str, args: dict, id: str) -> dict:
    return {"id": id, "type": "function", "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}


def _lang(request: dict) -> str:
    for m in request.get("messages", []):
        if m.get("role") == "user" and re.search(r"^lang:\s*en\s*$", m.get("content") or "", re.M):
            return "en"
    return "zh"


class SloppyScript:
    """A scripted drafting model that corrupts a deterministic share of its drafts (see the module doc)."""

    def __init__(self, ds: Any, *, price: str = "nav", rate: float = 0.5, stubborn: float = 0.1, seed: int = 0,
                 name: str = "scripted-sloppy"):
        if not 0 <= stubborn <= rate <= 1:
            raise ValueError("need 0 <= stubborn <= rate <= 1")
        self.ds, self.price, self.rate, self.stubborn, self.seed, self.name = ds, price, rate, stubborn, seed, name
        self._log: dict[tuple[str, str, str, int], Mutation] = {}
        self._facts: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()
        self.requests = 0

    # --- what it decides ----------------------------------------------------------------------

    def plan(self, start: str, end: str, lang: str) -> str:
        """``clean``, ``once`` (first draft corrupted) or ``stubborn`` (every draft corrupted)."""
        u = _unit(f"{self.seed}|{start}|{end}|{lang}")
        return "stubborn" if u < self.stubborn else "once" if u < self.rate else "clean"

    def kind_for(self, start: str, end: str, lang: str, attempt: int) -> str:
        base = int(_unit(f"{self.seed}|kind|{start}|{end}|{lang}") * len(MUTATION_KINDS))
        return MUTATION_KINDS[(base + attempt - 1) % len(MUTATION_KINDS)]

    @property
    def mutations(self) -> list[Mutation]:
        with self._lock:
            return sorted(self._log.values(), key=lambda m: (m.start, m.lang, m.attempt))

    # --- the endpoint -------------------------------------------------------------------------

    def __call__(self, request: dict, n: int = 0) -> dict:
        with self._lock:
            self.requests += 1
        messages = request.get("messages", [])
        lang = _lang(request)
        asked = any(m.get("role") == "assistant" and m.get("tool_calls") for m in messages)
        if not asked:
            from etfwriter.offline_model import PLAN

            calls = [_tool_call(t, a, f"call_{i}") for i, (t, a) in enumerate(PLAN, 1)]
            return completion(None, calls, request=request, model=self.name)
        period = None
        charts: list[Any] = []
        for m in messages:
            if m.get("role") != "tool":
                continue
            content = m.get("content") or ""
            found = _PERIOD.search(content)
            if found and period is None:
                period = found.groups()
            charts = chart_ids(content) or charts
        if period is None:
            return completion("(no period in the tool results)", request=request, model=self.name)
        start, end = period
        attempt = 1 + sum(1 for m in messages if m.get("role") == "assistant" and not m.get("tool_calls"))
        facts = self._facts_of(start, end)
        from etfwriter.compose import compose

        text = compose(facts, lang, charts=charts)
        plan = self.plan(start, end, lang)
        if plan == "stubborn" or (plan == "once" and attempt == 1):
            kind = self.kind_for(start, end, lang, attempt)
            corrupted, detail = corrupt(text, facts, lang, kind, attempt)
            if corrupted is not None:
                with self._lock:
                    self._log[(start, end, lang, attempt)] = Mutation(start, end, lang, attempt, kind, detail)
                text = corrupted
        return completion(text, request=request, model=self.name)

    def _facts_of(self, start: str, end: str) -> Any:
        key = (start, end)
        with self._lock:
            if key not in self._facts:
                from etfwriter.tools import compute_facts

                self._facts[key] = compute_facts(self.ds, dt.date.fromisoformat(start), dt.date.fromisoformat(end), self.price)
            return self._facts[key]


# --- the mistakes ---------------------------------------------------------------------------------


def _flow_refs(text: str, facts: Any) -> list[tuple[re.Match[str], Any]]:
    """Plain references ``{{id}}`` to non-zero money flows whose id has no digit, in text order."""
    by = facts.by_id()
    out = []
    for m in _PLAIN_REF.finditer(text):
        f = by.get(m.group(1))
        if f is None or f.unit != "CNY" or f.direction not in ("inflow", "outflow") or any(ch.isdigit() for ch in f.id):
            continue
        if isinstance(f.value, str) or f.value == 0:
            continue
        out.append((m, f))
    return out


def _is_false(value: Decimal, facts: Any) -> bool:
    """No money fact is within 1% of `value` in magnitude (so the typed figure states nothing true)."""
    mag = abs(value)
    for f in facts.facts:
        if f.unit != "CNY" or isinstance(f.value, str):
            continue
        v = abs(Decimal(f.value))
        if v and abs(v - mag) / v < Decimal("0.01"):
            return False
    return True


def corrupt(text: str, facts: Any, lang: str, kind: str, attempt: int = 1) -> tuple[str | None, str]:
    """`text` (reference syntax) with one mistake of `kind`; (None, reason) when it has no place for one."""
    refs = _flow_refs(text, facts)
    if not refs:
        return None, "no plain flow reference to corrupt"
    m, fact = refs[(attempt - 1) % len(refs)]
    if kind == "unknown_id":
        bad = fact.id + ("x" * attempt)
        return text[: m.start()] + "{{" + bad + "}}" + text[m.end():], f"{{{{{fact.id}}}}} -> {{{{{bad}}}}}"
    if kind == "direction":
        zh = lang == "zh"
        inflow = Decimal(fact.value) > 0
        word = ("净流出" if inflow else "净流入") if zh else ("outflow of " if inflow else "inflow of ")
        return text[: m.start()] + word + text[m.start():], f"{word.strip()} before {{{{{fact.id}}}}} (a net {'inflow' if inflow else 'outflow'})"
    if kind == "number":
        from etfwriter.tools import display as D

        for k in range(len(_MULTIPLIERS)):
            mult = _MULTIPLIERS[(attempt - 1 + k) % len(_MULTIPLIERS)]
            wrong = Decimal(fact.value) * mult
            if _is_false(wrong, facts):
                typed = D.flow(wrong)[0 if lang == "zh" else 1]
                return text[: m.start()] + typed + text[m.end():], f"{{{{{fact.id}}}}} typed as {typed!r} (x{mult})"
        return None, "no false value found"
    raise ValueError(f"unknown mutation kind {kind!r}")


# --- the server -----------------------------------------------------------------------------------


class ScriptedServer:
    """A FAKE OpenAI-compatible endpoint: ``POST /v1/chat/completions`` answered by ``script(request, n)``.

    The socket is bound in the constructor and served from `start` (or ``with``), so a process
    pool can be forked between the two while this process still runs a single thread.
    """

    def __init__(self, script: Callable[[dict, int], dict]):
        self.script = script
        self.requests = 0
        lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    return self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                with lock:
                    outer.requests += 1
                    n = outer.requests
                try:
                    reply, status = outer.script(json.loads(raw or b"{}"), n), 200
                except Exception as exc:  # a script bug is a 500 with its message, never a hang
                    reply, status = {"error": {"message": f"script error: {exc!r}", "type": "server_error"}}, 500
                self._send(status, reply)

            def _send(self, status: int, data: Any) -> None:
                body = json.dumps(data, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread: threading.Thread | None = None

    def start(self) -> ScriptedServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="etfwriter-scripted-llm")
            self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()


def parse_scripted(spec: str) -> dict[str, Any]:
    """``scripted:sloppy[:RATE[:STUBBORN[:SEED]]]`` or ``scripted:clean`` -> SloppyScript keyword arguments."""
    if not spec.startswith(SCRIPTED_PREFIX):
        raise ValueError(f"not a scripted model: {spec!r}")
    parts = spec[len(SCRIPTED_PREFIX):].split(":")
    name, args = parts[0], parts[1:]
    if name == "clean" and not args:
        return {"rate": 0.0, "stubborn": 0.0, "seed": 0, "name": "scripted-clean"}
    if name != "sloppy" or len(args) > 3:
        raise ValueError(f"unknown scripted model {spec!r}: use scripted:sloppy[:RATE[:STUBBORN[:SEED]]] or scripted:clean")
    try:
        rate = float(args[0]) if len(args) > 0 else 0.5
        stubborn = float(args[1]) if len(args) > 1 else min(0.1, rate)
        seed = int(args[2]) if len(args) > 2 else 0
    except ValueError:
        raise ValueError(f"bad numbers in {spec!r}: RATE and STUBBORN are fractions (0..1), SEED an integer") from None
    if not 0 <= stubborn <= rate <= 1:
        raise ValueError(f"{spec!r}: need 0 <= STUBBORN <= RATE <= 1")
    return {"rate": rate, "stubborn": stubborn, "seed": seed, "name": "scripted-sloppy"}
