"""The dashboard's figures as the API returns them (and the page renders them). Durations are
seconds; shares are 0..1 (null when nothing was counted); names come in both languages."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class Names(BaseModel):
    en: str
    zh: str


class Bucket(BaseModel):
    start: datetime
    label: str = Field(description="Local hour (today) or month-day, in the service time zone.")


class WindowOut(BaseModel):
    period: str
    start: datetime
    end: datetime
    previous_start: datetime
    previous_end: datetime
    time_zone: str
    buckets: list[Bucket]


class TeamQueue(BaseModel):
    team_id: int | None
    name: Names
    total: int
    by_status: dict[str, int]


class CategoryQueue(BaseModel):
    category: str | None
    name: Names
    total: int
    by_priority: dict[str, int]


class QueueOut(BaseModel):
    """Live: unsolved tickets (new, open, pending, on hold) right now."""

    unsolved: int
    unassigned: int
    needs_triage: int
    no_team: int
    by_team: list[TeamQueue]
    by_category: list[CategoryQueue]


class TimingPoint(BaseModel):
    bucket: int
    count: int
    median_seconds: float | None
    p90_seconds: float | None


class TimingOut(BaseModel):
    count: int
    median_seconds: float | None
    p90_seconds: float | None
    trend: list[TimingPoint]


class VolumePoint(BaseModel):
    bucket: int
    created: int
    solved: int


class TicketAtRisk(BaseModel):
    number: int
    subject: str
    priority: str
    team_id: int | None
    created_at: datetime
    due_at: datetime
    waited_seconds: float


class SlaPriority(BaseModel):
    priority: str
    target_hours: float
    met: int
    missed: int


class SlaOut(BaseModel):
    """Interim first-response targets per priority, until the sla module lands."""

    breached_count: int
    at_risk_count: int
    breached: list[TicketAtRisk]
    at_risk: list[TicketAtRisk]
    met_share: float | None
    by_priority: list[SlaPriority]


class CsatPoint(BaseModel):
    bucket: int
    rated: int
    good: int
    csat: float | None


class SatisfactionOut(BaseModel):
    rated: int
    good: int
    csat: float | None = Field(description="Share of ratings of 4 or 5 (of 5).")
    by_score: dict[str, int]
    trend: list[CsatPoint]


class ContainmentPoint(BaseModel):
    bucket: int
    settled: int
    contained: int
    containment: float | None


class BotOut(BaseModel):
    """Bot conversations started in the period in which the user wrote at least once; not
    filtered by team (conversations come before routing)."""

    conversations: int
    resolved: int
    abandoned: int
    handed_off: int
    active: int
    containment: float | None = Field(
        description="(resolved + abandoned) / (resolved + abandoned + handed off)."
    )
    resolved_share: float | None = Field(description="resolved / settled conversations.")
    trend: list[ContainmentPoint]


class CategoryTrend(BaseModel):
    category: str | None
    name: Names
    current: int
    previous: int
    change: int
    change_share: float | None = Field(description="change / previous; null when previous is 0.")


class TrendingOut(BaseModel):
    current_total: int
    previous_total: int
    categories: list[CategoryTrend]
    risers: list[CategoryTrend]


class DashboardOut(BaseModel):
    generated_at: datetime
    team_id: int | None
    window: WindowOut
    queue: QueueOut
    first_response: TimingOut
    resolution: TimingOut
    volume: list[VolumePoint]
    sla: SlaOut
    satisfaction: SatisfactionOut
    bot: BotOut
    trending: TrendingOut
