"""How urgent a request is, from what it is about and who is asking, with the reasons."""

from __future__ import annotations

LEVELS = ("low", "normal", "high", "urgent")
BASE = {
    "fraud_report": "high",
    "account_anomaly": "high",
    "suggestion": "low",
    "other": "low",
}
VIP_LEVEL = 3  # from this VIP level on, requests move up one step


def decide_priority(
    category: str,
    *,
    angry: bool,
    vip_level: int,
    safety_signals: list[str],
    scam_flagged: bool,
) -> tuple[str, list[str]]:
    """The priority and the reasons for it (category first, then each step up)."""
    level = LEVELS.index(BASE.get(category, "normal"))
    reasons = [f"category:{category}"]
    if scam_flagged and level < LEVELS.index("high"):
        level = LEVELS.index("high")
        reasons.append("scam_risk")
    if angry:
        level += 1
        reasons.append("angry")
    if vip_level >= VIP_LEVEL:
        level += 1
        reasons.append(f"vip:{vip_level}")
    if safety_signals:  # a person may be in danger: always first in line
        level = LEVELS.index("urgent")
        reasons += [f"safety:{name}" for name in safety_signals]
    return LEVELS[min(level, len(LEVELS) - 1)], reasons
