"""The chat's WebSocket frames (see README, "Live chat"), client to server."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from kefu.kit.types import MAX_ID, Id, NoNul

Words = Annotated[str, StringConstraints(min_length=1, max_length=4000), NoNul]
ClientId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_\-]{8,64}$")]


class Hello(BaseModel):
    """The first frame: who the user is, which chat to resume and the last ``seq`` seen."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["hello"]
    token: str = Field(min_length=1, max_length=4096)
    conversation_id: Id | None = None
    after: int = Field(0, ge=0, le=MAX_ID)
    locale: Literal["zh-CN", "en"] | None = None


class Say(BaseModel):
    """A message; ``client_id`` is the client's own id for it, so a resend lands once."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["message"]
    client_id: ClientId
    text: Words | None = None
    option: str | None = Field(None, pattern=r"^[a-z0-9_:\-]{1,80}$")
    attachment_ids: list[Id] = Field(default_factory=list, max_length=10)

    @model_validator(mode="after")
    def _something(self) -> Say:
        if self.text is None and self.option is None and not self.attachment_ids:
            raise ValueError("send text, an option or files")
        return self


class Signal(BaseModel):
    """Frames that carry no data: typing, and pings that keep proxies from closing us."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["typing", "ping"]


CLIENT_FRAME: TypeAdapter[Say | Signal] = TypeAdapter(
    Annotated[Say | Signal, Field(discriminator="type")]
)
HELLO: TypeAdapter[Hello] = TypeAdapter(Hello)
