"""``kefu bot``: ask the bot one question, and benchmark its answer-or-hand-off decision."""

from __future__ import annotations

from pathlib import Path

import click

from kefu.kit.cli import echo_report, reports_errors
from kefu.triage.cli import extra_encoders_option


@click.group(help="The self-service bot. / 智能客服机器人。")
def bot() -> None:
    pass


@bot.command(
    help=(
        "Measure the bot's decision (answer which intent, or hand off to a person) on TEST, one "
        "message per turn. Without --train it learns from the starter help centre, as a fresh "
        "install does. KEFU_BOT_HANDOFF_RECALL and KEFU_BOT_MIN_CONFIDENCE apply. CSV columns: "
        "text,label and optionally lang. "
        "/ 评测机器人的回答与转人工决策。"
    )
)
@click.option(
    "--test", "test_path", required=True, type=click.Path(path_type=Path), help="Labelled CSV."
)
@click.option(
    "--train",
    "train_path",
    type=click.Path(path_type=Path),
    help="Labelled CSV of intents to learn instead of the help centre.",
)
@click.option(
    "--oos-label",
    help="Label meaning 'a person should take this' (default: handoff).",
)
@extra_encoders_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@reports_errors
def benchmark(
    test_path: Path,
    train_path: Path | None,
    oos_label: str | None,
    extra_encoders: tuple[str, ...],
    as_json: bool,
) -> None:
    from kefu.bot.benchmark import benchmark as run
    from kefu.config import Settings
    from kefu.triage.dataset import read_examples
    from kefu.triage.encoder import check_encoders

    check_encoders(extra_encoders)
    test = read_examples(test_path)
    train = read_examples(train_path) if train_path else None
    settings = Settings()
    report = run(
        test,
        train,
        oos_label=oos_label,
        min_confidence=settings.bot_min_confidence,
        recall_floor=settings.bot_handoff_recall,
        extra_encoders=extra_encoders,
    )
    echo_report(report, as_json)
