"""``kefu worker``: run background jobs outside the web process."""

from __future__ import annotations

import signal
import threading

import click


@click.command(
    help=(
        "Run background jobs (e-mail out, webhooks, ...) until stopped. Run it when the web "
        "processes have KEFU_INLINE_WORKER=false. / 运行后台任务（发送邮件、Webhook 等）。"
    )
)
@click.option("--once", is_flag=True, help="Run the jobs that are due, then exit.")
def worker(once: bool) -> None:
    from kefu.cli import _database, _ensure_migrated, _settings
    from kefu.wiring import connect_bus, install_listeners
    from kefu.worker.runner import Worker, load_job_kinds, run_until_idle

    settings = _settings()
    database = _database(settings)
    _ensure_migrated(database)
    install_listeners(settings)  # what jobs change is heard as in the web process
    connect_bus(database, settings)
    try:
        if once:
            load_job_kinds()
            ran = run_until_idle(database)
            click.echo(f"ran {ran} job(s) / 已运行 {ran} 个任务")
            return
        runner = Worker(database)
        stopped = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopped.set())
        runner.start()
        click.echo("worker running; Ctrl-C stops it / 后台任务运行中，Ctrl-C 停止", err=True)
        stopped.wait()
        runner.stop()
    finally:
        database.dispose()
