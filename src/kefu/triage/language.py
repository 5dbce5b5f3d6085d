"""Which language a message is written in: by script first (Chinese, Japanese, Korean), then by
py3langid's statistical model for the rest."""

from __future__ import annotations

import threading
from typing import Any

# Languages a consumer platform's users write in; restricting the model helps on short texts.
CANDIDATES = [
    "en",
    "zh",
    "ja",
    "ko",
    "es",
    "fr",
    "de",
    "pt",
    "ru",
    "ar",
    "vi",
    "th",
    "id",
    "ms",
    "it",
    "tr",
    "hi",
]
MIN_CONFIDENCE = 0.5
_identifier: Any = None
_lock = threading.Lock()


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(CANDIDATES)
            _identifier = identifier
    return _identifier


def detect_language(text: str) -> tuple[str, float]:
    """(language code, confidence); ``und`` when there is nothing to go by."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "und", 0.0
    han = sum("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in letters)
    kana = sum("\u3040" <= ch <= "\u30ff" for ch in letters)
    hangul = sum("\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" for ch in letters)
    total = len(letters)
    if kana / total > 0.1:
        return "ja", min(1.0, 0.5 + kana / total)
    if hangul / total > 0.3:
        return "ko", min(1.0, 0.5 + hangul / total)
    if han / total >= 0.3:  # mixed messages such as "我的acct被封了" are Chinese
        return "zh", min(1.0, 0.5 + han / total)
    language, probability = _model().classify(text)
    if probability < MIN_CONFIDENCE:  # "ok", "refund?": too little text to tell
        return "und", float(probability)
    return str(language), float(probability)
