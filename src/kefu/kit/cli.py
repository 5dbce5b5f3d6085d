"""Shared by every ``kefu`` command: its language, how it reports an error and stops, and how
benchmarks print their figures."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, NoReturn, ParamSpec, TypeVar

import click

from kefu.kit.errors import KefuError
from kefu.kit.i18n import Locale, normalize_locale

P = ParamSpec("P")
R = TypeVar("R")


def cli_locale() -> Locale:
    for name in ("KEFU_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        locale = normalize_locale(os.environ.get(name))
        if locale:
            return locale
    return "en"


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn kefu's coded errors into one line on stderr and exit status 2."""
    try:
        yield
    except KefuError as exc:
        fail(f"[{exc.code}] {exc.message(cli_locale())}")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with reporting_errors():
            return command(*args, **kwargs)

    return wrapper


def echo_report(report: dict[str, Any], as_json: bool) -> None:
    """A benchmark's figures: one JSON object, or one line each (nested ones indented)."""
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for key, value in report.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, inner in value.items():
                if isinstance(inner, dict):
                    click.echo(
                        f"  {name}: " + ", ".join(f"{k} {_figure(v)}" for k, v in inner.items())
                    )
                else:
                    click.echo(f"  {name}: {_figure(inner)}")
        else:
            click.echo(f"{key}: {_figure(value)}")


def _figure(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)
