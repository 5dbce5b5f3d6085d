"""HTTP plumbing shared by every module: the request's transaction, its locale, error bodies."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from kefu.config import Settings
from kefu.kit.db import Database
from kefu.kit.errors import (
    Conflict,
    DatabaseBusy,
    Forbidden,
    InternalError,
    Invalid,
    KefuError,
    MethodNotAllowed,
    RouteNotFound,
    Unauthorized,
)
from kefu.kit.i18n import Locale, negotiate

log = logging.getLogger("kefu")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def request_locale(request: Request) -> Locale:
    return negotiate(request.headers.get("accept-language"))


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


AppSettings = Annotated[Settings, Depends(app_settings)]
RequestLocale = Annotated[Locale, Depends(request_locale)]


def get_db(request: Request) -> Iterator[Session]:
    """The request's unit of work: committed before the response is sent, or rolled back."""
    database: Database = request.app.state.db
    session = database.session(write=request.method not in SAFE_METHODS)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# scope="function": the commit above runs before the response goes out, so a client never sees
# success for a transaction that then failed to commit.
DbSession = Annotated[Session, Depends(get_db, scope="function")]


def error_response(request: Request, error: KefuError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse(
        error.body(request_locale(request)), status_code=error.status, headers=headers
    )


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = _validation_details(exc)
    first = details[0] if details else {"loc": [], "msg": ""}
    where = ".".join(str(part) for part in first["loc"])
    error = Invalid(details=details, reason=f"{where}: {first['msg']}")
    return error_response(request, error)


def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    error: KefuError
    if exc.status_code == 404:
        error = RouteNotFound()
    elif exc.status_code == 405:
        error = MethodNotAllowed()
    elif exc.status_code == 401:
        error = Unauthorized()
    elif exc.status_code == 403:
        error = Forbidden()
    else:
        error = KefuError(details=str(exc.detail))
        error.status = exc.status_code  # type: ignore[misc]
    return error_response(request, error)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(KefuError)
    async def _kefu(request: Request, exc: KefuError) -> JSONResponse:
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return validation_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return http_error(request, exc)

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        log.warning("integrity error on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(request, Conflict())

    @app.exception_handler(OperationalError)
    async def _operational(request: Request, exc: OperationalError) -> JSONResponse:
        transient = ("locked", "could not serialize", "deadlock detected")
        if any(word in str(exc.orig) for word in transient):
            return error_response(request, DatabaseBusy())
        log.exception("database error on %s %s", request.method, request.url.path)
        return error_response(request, InternalError())

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, InternalError())
