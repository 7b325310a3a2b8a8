"""LangChain's fake chat models, extended just enough to record prompts and raise errors."""

from __future__ import annotations

from typing import Any

import httpx
import openai
from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, BaseMessage


class RecordingChatModel(FakeMessagesListChatModel):
    """Answers from a list and keeps every prompt it was sent; accepts tool binding."""

    seen: list[list[BaseMessage]] = []
    bound: list[dict[str, Any]] = []

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> Any:
        self.seen.append(list(messages))
        return super()._generate(messages, *args, **kwargs)

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        self.bound.append({"tools": list(tools), **kwargs})
        return self


class RaisingChatModel(FakeMessagesListChatModel):
    """A model whose every call fails with `error`."""

    error: Any = None

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error


def tool_answer(args: dict[str, Any], name: str = "ReviewAssessment") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": "call_1"}])


def recording(*messages: AIMessage) -> RecordingChatModel:
    return RecordingChatModel(responses=list(messages), seen=[], bound=[])


def timeout_error() -> openai.APITimeoutError:
    return openai.APITimeoutError(request=httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions"))


def connection_error() -> openai.APIConnectionError:
    return openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions"))
