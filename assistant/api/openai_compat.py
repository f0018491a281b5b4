"""``/v1/models`` and ``/v1/chat/completions``: the assistant as an OpenAI-compatible model.

Model ``projdocs`` answers as configured (extractive, or verified language-model answers when
``PROJDOCS_LLM=openai``); ``projdocs-extractive`` always quotes the documents; ``projdocs-llm``
is listed when a model backend is set. The last user message is the question and the earlier
user messages its history. The reply is the answer with its [n] markers, then a "Sources" block
resolving them (so that plain chat clients show them); the message also carries ``citations``
(``[{source, location, quote}]``) and ``refused``. A refusal is an ordinary answer. Streaming
sends server-sent events: the answer's text as it comes, then the sources and citations.
Requests act for the caller (``assistant.api.auth``) and see only the caller's projects.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.access import policy
from assistant.access.policy import Caller
from assistant.core.types import Answer
from assistant.store.database import Filters

MODEL = "projdocs"


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    """The OpenAI request; sampling options (temperature, max_tokens…) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = MODEL
    messages: list[ChatMessage]
    stream: bool = False
    filters: dict[str, str] | None = Field(default=None, description="Optional: project, doc_type (extra_body).")


def _text(message: ChatMessage) -> str:
    if isinstance(message.content, str):
        return message.content
    parts = message.content or []
    return " ".join(str(p.get("text", "")) for p in parts if p.get("type") == "text")


def sources_block(answer: Answer) -> str:
    """The citations as plain text after the answer ("" for none)."""
    if not answer.citations:
        return ""
    lines = [f'[{i}] {c.source}, {c.location}: "{c.quote}"' for i, c in enumerate(answer.citations, start=1)]
    return "\n\nSources:\n" + "\n".join(lines)


def citations(answer: Answer) -> list[dict[str, str]]:
    return [{"source": c.source, "location": c.location, "quote": c.quote} for c in answer.citations]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": "invalid_request_error"}}, status_code=status)


def router(services: Any, get_caller: Callable[..., Caller]) -> APIRouter:
    v1 = APIRouter(prefix="/v1", tags=["openai"])
    extractive: dict[str, Any] = {}
    lock = threading.Lock()

    def models() -> list[str]:
        return [MODEL, f"{MODEL}-extractive"] + ([f"{MODEL}-llm"] if services.settings.llm == "openai" else [])

    def assistant_for(model: str) -> Any:
        if model != f"{MODEL}-extractive" or services.settings.llm != "openai":
            return services.assistant
        with lock:
            if "a" not in extractive:
                from assistant.answer.assistant import Assistant

                settings = services.settings.model_copy(update={"llm": "extractive"})
                extractive["a"] = Assistant(settings, services.store)
            return extractive["a"]

    @v1.get("/models", summary="The models (ways of answering) on offer")
    def list_models(caller: Caller = Depends(get_caller)) -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": m, "object": "model", "created": 0, "owned_by": "projdocs"} for m in models()],
        }

    @v1.post("/chat/completions", summary="Answer the conversation's last question, with citations")
    def chat(body: ChatRequest, caller: Caller = Depends(get_caller)) -> Any:
        if body.model not in models():
            return _error(404, f"unknown model {body.model!r}; the models are: {', '.join(models())}")
        questions = [_text(m).strip() for m in body.messages if m.role == "user"]
        questions = [q for q in questions if q]
        if not questions:
            return _error(400, "no user message with text")
        question, history = questions[-1], questions[:-1]
        wanted = Filters(
            doc_type=(body.filters or {}).get("doc_type", ""), project_number=(body.filters or {}).get("project", "")
        )
        filters = policy.restrict_filters(wanted, caller, services.store.documents())
        assistant = assistant_for(body.model)
        reply_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        if not body.stream:
            answer = assistant.ask(question, history=history, filters=filters)
            return {
                "id": reply_id,
                "object": "chat.completion",
                "created": created,
                "model": body.model,
                "choices": [
                    {
                        "index": 0,
                        "message": {
                            "role": "assistant",
                            "content": answer.answer + sources_block(answer),
                            "citations": citations(answer),
                            "refused": answer.refused,
                        },
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            }

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            data = {
                "id": reply_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": body.model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"

        def events() -> Iterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            shown = ""
            answer: Answer | None = None
            for item in assistant.ask_stream(question, history=history, filters=filters):
                if isinstance(item, Answer):
                    answer = item
                    break
                shown += item
                yield chunk({"content": item})
            if answer is None:  # pragma: no cover - ask_stream always ends with an Answer
                answer = Answer(answer="Not found in the documents.", refused=True)
            if answer.answer != shown:  # the verified answer replaced what was streamed
                yield chunk({"content": ("\n\n" if shown else "") + answer.answer})
            tail = sources_block(answer)
            if tail:
                yield chunk({"content": tail})
            yield chunk({"citations": citations(answer), "refused": answer.refused}, finish="stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    return v1
