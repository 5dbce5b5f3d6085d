"""The feedback form: one address that takes multipart/form-data (text and files in one
request, as a browser form sends it) or JSON (files uploaded first and named by id)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from kefu.auth.deps import CurrentContact
from kefu.channels.webform.categories import FEEDBACK_CATEGORIES
from kefu.channels.webform.errors import (
    FeedbackBodyTooLarge,
    FeedbackTooManyFiles,
    MalformedBody,
    UnsupportedMediaType,
)
from kefu.channels.webform.schemas import FeedbackCategoryOut, FeedbackIn, FeedbackOut
from kefu.channels.webform.service import Feedback, Upload, submit_feedback
from kefu.config import Settings
from kefu.kit.http import AppSettings, DbSession, RequestLocale
from kefu.kit.i18n import pick

categories_router = APIRouter(prefix="/api/v1/feedback", tags=["feedback form"])
router = APIRouter(prefix="/api/v1/me/feedback", tags=["feedback form"])

FORM_OVERHEAD = 1024 * 1024  # text fields and multipart framing around the files
MAX_FORM_FIELDS = 40

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="A retried submission with the same key returns the first ticket.",
    ),
]


def _body_limit(settings: Settings) -> int:
    largest = max(settings.feedback_image_max_bytes, settings.feedback_video_max_bytes)
    return settings.feedback_max_files * largest + FORM_OVERHEAD


def _validated(fields: dict[str, Any]) -> FeedbackIn:
    try:
        return FeedbackIn.model_validate(fields)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**err, "loc": ("body", *err["loc"])} for err in exc.errors(include_url=False)]
        ) from None


async def _read_form(request: Request, settings: Settings) -> tuple[FeedbackIn, list[Upload]]:
    try:
        form = await request.form(max_files=settings.feedback_max_files, max_fields=MAX_FORM_FIELDS)
    except (MultiPartException, HTTPException) as exc:  # Starlette wraps the first in the other
        reason = exc.message if isinstance(exc, MultiPartException) else str(exc.detail)
        if "Too many files" in reason:
            raise FeedbackTooManyFiles(limit=settings.feedback_max_files) from None
        raise MalformedBody(reason=reason) from None
    fields: dict[str, Any] = {}
    uploads: list[Upload] = []
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            if name in ("files", "file"):
                uploads.append(Upload(filename=value.filename or "file", file=value.file))
            continue
        if name == "attachment_ids":
            fields.setdefault(name, []).extend(p for p in value.split(",") if p.strip())
        elif value.strip():  # an empty form field means "not given"
            fields[name] = value
    return _validated(fields), uploads


async def feedback_body(
    request: Request, settings: AppSettings
) -> AsyncIterator[tuple[FeedbackIn, list[Upload]]]:
    """Reads the submission in either encoding; form files are closed after the request."""
    limit = _body_limit(settings)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise FeedbackBodyTooLarge(limit=limit)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        body, uploads = await _read_form(request, settings)
        try:
            yield body, uploads
        finally:
            await request.close()  # closes the spooled form files
        return
    if content_type == "application/json":
        raw = await request.body()
        if len(raw) > FORM_OVERHEAD:
            raise FeedbackBodyTooLarge(limit=FORM_OVERHEAD)
        try:
            fields = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise MalformedBody(reason=str(exc)) from None
        if not isinstance(fields, dict):
            raise MalformedBody(reason="expected a JSON object")
        yield _validated(fields), []
        return
    raise UnsupportedMediaType()


FeedbackBody = Annotated[tuple[FeedbackIn, list[Upload]], Depends(feedback_body)]

_FORM_SCHEMA = {
    "type": "object",
    "required": ["category", "text"],
    "properties": {
        "category": {"type": "string", "description": "a key from /api/v1/feedback/categories"},
        "text": {"type": "string", "maxLength": 5000},
        "contact_email": {"type": "string", "format": "email"},
        "contact_phone": {"type": "string"},
        "locale": {"type": "string"},
        "client_token": {"type": "string", "maxLength": 255},
        "attachment_ids": {"type": "string", "description": "comma-separated upload ids"},
        "files": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "images and videos",
        },
    },
}


@categories_router.get(
    "/categories",
    response_model=list[FeedbackCategoryOut],
    summary="What feedback can be about, in both languages",
)
def categories(locale: RequestLocale) -> list[FeedbackCategoryOut]:
    return [
        FeedbackCategoryOut(
            key=c.key,
            label=pick(c.name, locale),
            labels={"en": c.name["en"], "zh-CN": c.name["zh"]},
            ticket_type=c.ticket_type,
        )
        for c in FEEDBACK_CATEGORIES
    ]


@router.post(
    "",
    response_model=FeedbackOut,
    status_code=201,
    summary="Send feedback with images and videos; becomes a ticket",
    responses={200: {"description": "A retry: the ticket created by the first submission"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {"schema": _FORM_SCHEMA},
                "application/json": {"schema": FeedbackIn.model_json_schema()},
            },
        }
    },
)
def submit(
    request: Request,
    response: Response,
    db: DbSession,
    settings: AppSettings,
    actor: CurrentContact,
    submission: FeedbackBody,
    idempotency_key: IdempotencyKeyHeader = None,
) -> FeedbackOut:
    body, uploads = submission
    result = submit_feedback(
        db,
        request.app.state.blob_store,
        settings,
        actor,
        Feedback(
            category=body.category,
            text=body.text,
            contact_email=body.contact_email,
            contact_phone=body.contact_phone,
            locale=body.locale,
            attachment_ids=body.attachment_ids,
            uploads=uploads,
        ),
        key=idempotency_key or body.client_token,
    )
    if result.replayed:
        response.status_code = 200
        response.headers["Idempotent-Replayed"] = "true"
    return FeedbackOut(
        id=result.submission.id,
        ticket_number=result.ticket_number,
        category=result.submission.category,
        created_at=result.submission.created_at,
        replayed=result.replayed,
    )
