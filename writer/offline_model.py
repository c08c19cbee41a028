"""Chat models that need no network: the built-in offline writer and a scripted test double.

`OfflineChatModel` is what ``etfwriter draft`` uses when no API key or base URL is configured. It
is a real LangChain chat model (``bind_tools``, tool calls, tool results) driven through the same
agent loop as a remote model:

1. in its first turn it asks, as parallel calls, for the period summary, category, family and
   theme flows, the top ETF outflows and inflows, ratings, history, index moves and charts (`PLAN`);
2. it then writes the article in reference syntax from the templates
   (`etfwriter.compose.compose(facts, lang)`), and answers a re-ask the same way.

It reports no token usage; the agent estimates it (cl100k_base) and says so.

`FunctionChatModel` scripts a conversation with a plain function
``fn(messages, info) -> AIMessage | str`` (``info``: call index and bound tool names), in the
manner of pydantic-ai's ``FunctionModel``: tests use it to make a model that calls tools, types a
wrong number, cites an unknown id or flips a direction, and then fixes it when re-asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field

__all__ = ["PLAN", "OfflineChatModel", "FunctionChatModel", "ToolCallingChatModel", "tool_call", "language_of"]

_LANG = re.compile(r"^lang:\s*(zh|en)\s*$", re.M)


def tool_call(name: str, args: dict[str, Any] | None = None, id: str | None = None) -> dict[str, Any]:
    """A tool call as an AIMessage carries it."""
    return {"name": name, "args": args or {}, "id": id or f"call_{name}", "type": "tool_call"}


def language_of(messages: Sequence[BaseMessage]) -> str:
    """The article language named in the task message (``lang: zh``); default zh."""
    for m in messages:
        if isinstance(m, HumanMessage) and isinstance(m.content, str):
            found = _LANG.search(m.content)
            if found:
                return found.group(1)
    return "zh"


class ToolCallingChatModel(BaseChatModel):
    """Base for local models: `bind_tools` binds OpenAI-format tool schemas like ChatOpenAI does."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def bind_tools(self, tools: Sequence[Any], *, tool_choice: str | None = None, **kwargs: Any) -> Runnable:
        schemas = [convert_to_openai_tool(t) for t in tools]
        return self.bind(tools=schemas, **kwargs)

    @staticmethod
    def tool_names(kwargs: dict[str, Any]) -> list[str]:
        return [t["function"]["name"] for t in kwargs.get("tools") or []]


class FunctionChatModel(ToolCallingChatModel):
    """A model whose every reply is computed by ``fn(messages, info)``; ``info`` has ``call`` and ``tools``."""

    fn: Callable[[list[BaseMessage], dict[str, Any]], AIMessage | str]
    calls: int = 0
    usage: bool = False
    """Attach made-up usage metadata (10 tokens in, 5 out) to each reply, as an API would."""

    @property
    def _llm_type(self) -> str:
        return "function-chat-model"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        self.calls += 1
        reply = self.fn(list(messages), {"call": self.calls, "tools": self.tool_names(kwargs)})
        msg = AIMessage(content=reply) if isinstance(reply, str) else reply
        if self.usage and msg.usage_metadata is None:
            msg.usage_metadata = {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15}
        return ChatResult(generations=[ChatGeneration(message=msg)])


PLAN: tuple[tuple[str, dict[str, Any]], ...] = (
    ("period_summary", {}),
    ("category_flows", {"level": "category"}),
    ("category_flows", {"level": "family"}),
    ("category_flows", {"level": "theme"}),
    ("top_movers", {"kind": "etf", "direction": "outflow"}),
    ("top_movers", {"kind": "etf", "direction": "inflow"}),
    ("ratings", {}),
    ("history", {}),
    ("index_moves", {}),
    ("daily_flows", {"category": "broad"}),
    ("charts", {}),
)
"""The tool calls the offline model makes, all in its first turn (what its template article cites)."""


class OfflineChatModel(ToolCallingChatModel):
    """The built-in model: calls the registry tools like a drafting model would, then writes from templates."""

    facts: Any = Field(default=None, exclude=True)
    """The `FactSet` the templates write from (the same one the tools read)."""
    charts: Any = Field(default=None, exclude=True)

    @property
    def _llm_type(self) -> str:
        return "etfwriter-offline"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": "offline"}

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        available = set(self.tool_names(kwargs))
        lang = language_of(messages)
        asked = any(isinstance(m, AIMessage) and m.tool_calls for m in messages)
        if not asked and available:
            calls = [tool_call(n, a, f"call_{i}") for i, (n, a) in enumerate(PLAN, 1) if n in available]
            msg = AIMessage(content="", tool_calls=calls)
        else:
            msg = AIMessage(content=self._write(lang, _charts_from(messages)))
        return ChatResult(generations=[ChatGeneration(message=msg)])

    def _write(self, lang: str, charts: list[Any]) -> str:
        if self.facts is None:
            return ""
        from etfwriter.compose import compose

        return compose(self.facts, lang, charts=charts)


def _charts_from(messages: Sequence[BaseMessage]) -> list[str]:
    """The ids of the charts the ``charts`` tool listed (the composer embeds them as ``{{chart.<id>}}``)."""
    from etfwriter.registry import chart_ids

    ids = {tc["id"] for m in messages if isinstance(m, AIMessage) for tc in m.tool_calls if tc["name"] == "charts"}
    out: list[str] = []
    for m in messages:
        if isinstance(m, ToolMessage) and m.tool_call_id in ids and m.status != "error" and isinstance(m.content, str):
            out += chart_ids(m.content)
    return out
