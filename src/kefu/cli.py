"""The ``kefu`` command line: serve, migrate, seed the demo, manage staff and API tokens.

Heavy modules (SQLAlchemy, Alembic, the app) are imported inside the commands that use them, so
``kefu --help`` answers at once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from kefu.config import ConfigError, Settings, get_settings
from kefu.kit.cli import fail, reporting_errors

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kefu.kit.db import Database


def _settings() -> Settings:
    try:
        settings = get_settings()
        settings.check_secrets()
    except (ConfigError, ValueError) as exc:
        fail(str(exc))
    return settings


def _database(settings: Settings) -> Database:
    from kefu.kit.db import Database

    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Database(settings.effective_database_url)


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A committed transaction for one command; bilingual errors become exit code 2."""
    database = _database(_settings())
    try:
        with reporting_errors(), database.transaction() as session:
            yield session
    finally:
        database.dispose()


def _ensure_migrated(database: Database) -> None:
    from kefu.kit.migrate import pending_revisions

    pending = pending_revisions(database.write_engine)
    if pending:
        fail(
            f"the database needs migrating ({len(pending)} pending); run `kefu db upgrade` "
            f"/ 数据库需要升级，请先运行 `kefu db upgrade`"
        )


@click.group(help="kefu (客服): intelligent customer service. / 智能客服平台。")
@click.version_option(package_name="kefu")
def main() -> None:
    pass


@main.command(help="Run the web server. / 启动 Web 服务。")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=int, help="Worker processes.")
@click.option("--reload", is_flag=True, help="Restart on code changes (development).")
def serve(host: str, port: int, workers: int, reload: bool) -> None:
    import uvicorn

    settings = _settings()
    try:
        settings.check_secrets(host=host)
    except ConfigError as exc:
        fail(str(exc))
    database = _database(settings)
    _ensure_migrated(database)
    database.dispose()
    click.echo(f"kefu serving on http://{host}:{port} (docs at /docs, {settings.env})")
    uvicorn.run(
        "kefu.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_level="info",
    )


@main.group(help="Database schema. / 数据库结构。")
def db() -> None:
    pass


@db.command("upgrade", help="Apply all pending migrations. / 执行所有待运行的迁移。")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def db_upgrade(revision: str) -> None:
    from kefu.kit.migrate import pending_revisions, upgrade

    settings = _settings()
    database = _database(settings)
    before = pending_revisions(database.write_engine)
    upgrade(database.write_engine, revision)
    database.dispose()
    click.echo(f"database up to date ({len(before)} migration(s) applied) / 数据库已是最新")


@main.command(
    help="Seed the starter help centre and bilingual demo staff, contacts, orders, tickets, "
    "macros, saved views and a month of history for the dashboard. "
    "/ 写入初始帮助中心和中英文演示数据（含快捷回复、已保存视图和一个月的看板历史）。"
)
def demo() -> None:
    from kefu.demo.data import DEMO_PASSWORD, STAFF
    from kefu.demo.seed import is_seeded, seed_demo
    from kefu.knowledge.documents import STARTER_FOLDER, read_folder
    from kefu.knowledge.service import import_documents

    settings = _settings()
    if settings.env == "production":
        fail("refusing to seed demo data in production / 生产环境不能写入演示数据")
    from kefu.triage.service import install as install_triage

    install_triage(settings)
    with unit_of_work() as session:
        report = import_documents(session, read_folder(STARTER_FOLDER))
        click.echo(
            f"help centre: {report.created} articles added / 帮助中心：新增 {report.created} 篇"
        )
    with unit_of_work() as session:
        if is_seeded(session):
            click.echo("demo data already present / 演示数据已存在")
            return
        count = seed_demo(session)
    click.echo(f"demo desk ready: {count} tickets / 演示数据已就绪：{count} 个工单")
    click.echo(f"sign in with any of these, password {DEMO_PASSWORD!r}:")
    for email, name, role, *_ in STAFF:
        click.echo(f"  {email:28} {role:11} {name}")


@main.group(help="Ticket housekeeping. / 工单维护。")
def tickets() -> None:
    pass


@tickets.command(
    "close-solved",
    help=(
        "Close tickets solved longer ago than the reopen window (KEFU_REOPEN_WINDOW_DAYS); run "
        "it from a scheduler. / 关闭超过重开期限的已解决工单。"
    ),
)
def tickets_close_solved() -> None:
    from datetime import timedelta

    from kefu.kit.clock import utcnow
    from kefu.tickets.workflow import close_solved_tickets
    from kefu.wiring import install_listeners

    settings = _settings()
    install_listeners(settings)  # closing is a status change subscribers hear about
    cutoff = utcnow() - timedelta(days=settings.reopen_window_days)
    total = 0
    while True:
        with unit_of_work() as session:
            closed = close_solved_tickets(session, solved_before=cutoff)
        total += closed
        if closed == 0:
            break
    click.echo(f"closed {total} solved ticket(s) / 已关闭 {total} 个工单")


@main.group(help="Staff accounts. / 客服账号。")
def user() -> None:
    pass


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        fail("no terminal to ask for a password; use --password-stdin / 请使用 --password-stdin")
    value: str = click.prompt("Password / 密码", hide_input=True, confirmation_prompt=True)
    return value


@user.command("create", help="Create a staff account. / 创建客服账号。")
@click.option("--email", required=True, help="Sign-in e-mail.")
@click.option("--name", required=True, help="Display name.")
@click.option(
    "--role",
    type=click.Choice(["agent", "moderator", "supervisor", "admin"]),
    default="agent",
    show_default=True,
)
@click.option("--team", "teams", multiple=True, help="Team slug, repeatable (e.g. after_sales).")
@click.option("--locale", type=click.Choice(["zh-CN", "en"]), default="zh-CN", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def user_create(
    email: str, name: str, role: str, teams: tuple[str, ...], locale: str, password_stdin: bool
) -> None:
    from kefu.auth.models import Role
    from kefu.auth.service import create_staff

    password = _read_password(password_stdin)
    with unit_of_work() as session:
        created = create_staff(
            session,
            email=email,
            name=name,
            password=password,
            role=Role(role),
            team_slugs=list(teams),
            locale=locale,
        )
        click.echo(f"created {created.role} {created.email} (id {created.id})")


@main.group(help="API tokens for the platform's backend. / 平台后端的 API 令牌。")
def token() -> None:
    pass


@token.command("create", help="Create an API token and print it once. / 创建并显示一次令牌。")
@click.option("--name", required=True, help="What the token is for.")
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    default=["tickets:write", "tickets:read"],
    show_default=True,
    help="Scope, repeatable.",
)
def token_create(name: str, scopes: tuple[str, ...]) -> None:
    from kefu.auth.service import create_api_token

    with unit_of_work() as session:
        secret, row = create_api_token(session, name=name, scopes=list(scopes))
        click.echo(secret)
        click.echo(f"token {row.id} ({row.scopes}); store it now, it is not shown again", err=True)


def _register_groups() -> None:
    from kefu.bot.cli import bot
    from kefu.channels.email.cli import email
    from kefu.knowledge.cli import kb
    from kefu.triage.cli import triage
    from kefu.worker.cli import worker

    main.add_command(triage)
    main.add_command(worker)
    main.add_command(kb)
    main.add_command(bot)
    main.add_command(email)


_register_groups()
