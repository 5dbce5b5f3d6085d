"""Reading what a person means to report from what they paste: a link or "video 7321"."""

from __future__ import annotations

import re
from itertools import pairwise
from urllib.parse import urlsplit

from kefu.trust.models import TargetType

TARGET_ID = re.compile(r"^[A-Za-z0-9_\-.:@]{1,128}$")
# Path words of share links and the words people type, for each kind of target.
_WORDS: dict[str, TargetType] = {
    "video": TargetType.video,
    "videos": TargetType.video,
    "v": TargetType.video,
    "视频": TargetType.video,
    "作品": TargetType.video,
    "comment": TargetType.comment,
    "comments": TargetType.comment,
    "评论": TargetType.comment,
    "live": TargetType.live,
    "room": TargetType.live,
    "直播": TargetType.live,
    "直播间": TargetType.live,
    "user": TargetType.account,
    "users": TargetType.account,
    "account": TargetType.account,
    "profile": TargetType.account,
    "账号": TargetType.account,
    "用户": TargetType.account,
}
_TYPED = re.compile(r"^\s*([A-Za-z]+|[\u4e00-\u9fff]+)\s*[:：#]?\s*([A-Za-z0-9_\-.:@]{1,128})\s*$")


def parse_target(value: str) -> tuple[TargetType | None, str] | None:
    """(kind, id) from a share link or "<kind> <id>"; the kind is None for a bare id, and the
    whole is None when no id can be read."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        parts = [p for p in urlsplit(value).path.split("/") if p]
        for word, following in pairwise(parts):
            kind = _WORDS.get(word.lower())
            if kind is not None and TARGET_ID.match(following):
                return kind, following
        if parts and parts[-1].startswith("@") and TARGET_ID.match(parts[-1]):
            return TargetType.account, parts[-1]
        return None
    typed = _TYPED.match(value)
    if typed and typed.group(1).lower() in _WORDS:
        return _WORDS[typed.group(1).lower()], typed.group(2)
    if value.startswith("@") and TARGET_ID.match(value):
        return TargetType.account, value
    if TARGET_ID.match(value):
        return None, value
    return None
