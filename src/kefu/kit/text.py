"""Tokenisation that works for Chinese and English alike, for full-text search.

Chinese runs are segmented with jieba; Latin words and numbers are kept whole and lower-cased.
Documents are indexed with jieba's search mode (words and their sub-words: 直播间 → 直播, 直播间),
queries with its precise mode, so every query token can match an indexed one.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata

import jieba

_WORD = re.compile(r"[0-9a-z]|[\u3400-\u9fff\uf900-\ufaff]", re.IGNORECASE)
_init_lock = threading.Lock()
_ready = False


def _ensure_jieba() -> None:
    global _ready
    if _ready:
        return
    with _init_lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            _ready = True


def _normalise(value: str) -> str:
    # NFKC folds full-width letters and digits (ＡＢＣ１２３) into their ASCII forms.
    return unicodedata.normalize("NFKC", value).lower()


MAX_TOKEN = 64  # longer "words" are pasted blobs: never searched for, too long for some indexes


def _keep(tokens: list[str]) -> list[str]:
    return [token.strip() for token in tokens if _WORD.search(token) and len(token) <= MAX_TOKEN]


def document_tokens(value: str) -> list[str]:
    """Tokens to index for a document (recall-oriented)."""
    _ensure_jieba()
    return _keep(list(jieba.cut_for_search(_normalise(value))))


def query_tokens(value: str) -> list[str]:
    """Tokens a query must all match (precision-oriented), without repeats."""
    _ensure_jieba()
    return list(dict.fromkeys(_keep(list(jieba.cut(_normalise(value))))))
