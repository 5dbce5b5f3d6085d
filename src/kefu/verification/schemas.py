from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class VerifyOut(BaseModel):
    kind: Literal["phone", "email", "url", "agent"]
    value: str = Field(description="What was compared, after normalising (e.g. 4000000000)")
    official: bool
    reason: Literal["listed", "not_listed", "lookalike", "inactive"] = Field(
        description="listed: ours; lookalike: not ours but imitating our name; inactive: an "
        "agent code of someone who no longer works here"
    )
    channel: str | None = Field(description="Which official channel it is, in your language")
    agent_name: str | None
    message: str = Field(description="The verdict in one sentence, in your language")
    report_url: str = Field(description="Where to report a scam")
