from __future__ import annotations

from kefu.kit.text import document_tokens, query_tokens


def test_chinese_is_segmented_and_sub_words_are_indexed() -> None:
    tokens = document_tokens("我的直播间卡顿，观众都走了！")
    assert "直播" in tokens and "直播间" in tokens
    assert "，" not in tokens and "！" not in tokens


def test_queries_use_precise_segmentation_without_repeats() -> None:
    assert query_tokens("直播间 直播间") == ["直播间"]
    assert query_tokens("Refund  REFUND for ＤＤ-2026") == ["refund", "for", "dd", "2026"]
    assert query_tokens("，。！？") == []
