"""Optional: an OpenAI-compatible chat endpoint writes answers grounded on retrieved passages.

Off unless ``KEFU_LLM_BASE_URL`` is set; nothing depends on it. Its text is used only when it
cites at least one of the given sources and does not ask for a password, code or card number;
otherwise, or when the endpoint fails, the caller keeps its own passage-based answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from kefu.config import Settings

log = logging.getLogger(__name__)
_CITATION = re.compile(r"\[(\d+)\]")
# Written answers may name a secret only to warn about it: any mention without a "never" /
# "do not" in the same sentence is discarded (prompt injection can make a model ask for codes).
_SECRET = re.compile(
    r"password|passcode|verification code|security code|sms code|\botp\b|\bpin\b|cvv|"
    r"card number|\bcode\b|密码|验证码|校验码|动态码|卡号|银行卡",
    re.IGNORECASE,
)
_WARNS = re.compile(r"never|do not|don't|绝不|不要|请勿|切勿|不会", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?。！？\n]+")


def asks_for_secret(text: str) -> bool:
    return any(
        _SECRET.search(sentence) and not _WARNS.search(sentence)
        for sentence in _SENTENCE.findall(text)
    )


INSTRUCTIONS = {
    "en": (
        "You are a customer-service assistant. Answer the user's question using only the "
        "numbered sources, in English, in at most 120 words, and cite the sources you used as "
        "[1], [2]. If the sources do not answer it, say so. Never ask for passwords, "
        "verification codes or card numbers."
    ),
    "zh-CN": (
        "你是客服助手。只根据编号资料用简体中文回答用户的问题，不超过 200 字，并用 [1]、[2] "
        "标注引用的资料。资料无法回答时请直说。绝不索要密码、验证码或银行卡号。"
    ),
}


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    text: str


class LlmWriter:
    def __init__(self, base_url: str, api_key: str, model: str, timeout: float) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.model = model
        self.timeout = timeout

    def write(self, question: str, sources: Sequence[Source], locale: str) -> str | None:
        if not sources:
            return None
        numbered = "\n\n".join(
            f"[{i}] {source.title} ({source.url})\n{source.text}"
            for i, source in enumerate(sources, 1)
        )
        payload = {
            "model": self.model,
            "temperature": 0.2,
            "messages": [
                {"role": "system", "content": INSTRUCTIONS.get(locale, INSTRUCTIONS["en"])},
                {"role": "user", "content": f"{numbered}\n\n---\n{question}"},
            ],
        }
        try:
            response = httpx.post(
                self.url, json=payload, headers=self.headers, timeout=self.timeout
            )
            response.raise_for_status()
            text = str(response.json()["choices"][0]["message"]["content"]).strip()
        except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError):
            log.warning("the LLM endpoint failed; using the article's passage", exc_info=True)
            return None
        cited = {int(n) for n in _CITATION.findall(text)}
        if not cited & set(range(1, len(sources) + 1)) or asks_for_secret(text):
            log.warning("discarded an LLM answer without citations or asking for secrets")
            return None
        return text


def writer_from(settings: Settings) -> LlmWriter | None:
    if not settings.llm_base_url:
        return None
    return LlmWriter(
        settings.llm_base_url, settings.llm_api_key, settings.llm_model, settings.llm_timeout
    )
