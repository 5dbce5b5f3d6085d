"""``kefu triage``: classify a message, retrain, and benchmark the classifier."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kefu.kit.cli import echo_report, reports_errors
from kefu.kit.errors import Invalid


class OosNeedsTraining(Invalid):
    code = "oos_needs_training"
    en = "--oos-label needs --train: the shipped model has no 'none of these' decision."
    zh = "--oos-label 需要配合 --train 使用：随包发布的模型没有“不属于任何类别”的判断。"


# Shared by both benchmarks and `kefu triage train`.
extra_encoders_option = click.option(
    "--encoder",
    "extra_encoders",
    multiple=True,
    callback=lambda _ctx, _param, names: tuple(dict.fromkeys(names)),  # each encoder once
    help=(
        "An extra sentence encoder to train with, after USE (repeatable). 'minilm': English "
        "all-MiniLM-L6-v2, from the optional 'english' extra; more accurate on English, about "
        "2 ms slower a message. / 附加的句向量编码器（minilm：英文模型，需安装 english 可选依赖）。"
    ),
)


class UnknownLabels(Invalid):
    code = "benchmark_labels"
    en = "None of the labels in {path} is one the shipped {model} model gives ({labels})."
    zh = "{path} 中没有随包 {model} 模型会给出的标签（{labels}）。"


class EncoderNeedsTraining(Invalid):
    code = "encoder_needs_training"
    en = "--encoder needs --train: the shipped model was trained with USE alone."
    zh = "--encoder 需要配合 --train 使用：随包发布的模型只用 USE 训练。"


@click.group(help="Triage models. / 工单分诊模型。")
def triage() -> None:
    pass


@triage.command(
    help=(
        "Triage one message with the shipped models and print the result (a model activated by "
        "`kefu triage train` is used by the service, not here). / 用随包模型分析一条消息。"
    )
)
@click.argument("text")
@click.option(
    "--vip",
    "vip_level",
    default=0,
    show_default=True,
    type=click.IntRange(0, 10),
    help="The requester's VIP level.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def classify(text: str, vip_level: int, as_json: bool) -> None:
    from kefu.triage.pipeline import TriagePipeline
    from kefu.triage.taxonomy import BY_KEY

    if not text.strip():
        raise click.BadParameter("give a non-empty message / 请输入非空消息", param_hint="TEXT")
    result = TriagePipeline.shipped().analyse(text, vip_level=vip_level)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    category = BY_KEY[result.category].name
    click.echo(
        f"category:  {result.category} ({category['en']} / {category['zh']}) "
        f"{result.category_confidence:.2f}, runner-up {result.runner_up} "
        f"{result.runner_up_confidence:.2f}"
    )
    click.echo(f"priority:  {result.priority} ({', '.join(result.priority_reasons)})")
    click.echo(f"language:  {result.language} {result.language_confidence:.2f}")
    click.echo(
        f"sentiment: {result.sentiment} {result.sentiment_confidence:.2f}"
        f"{', angry' if result.angry else ''}"
    )
    signals = ", ".join(result.scam_signals) or "none"
    click.echo(
        f"scam risk: {result.scam_risk:.2f}{' FLAGGED' if result.scam_flagged else ''} "
        f"(signals: {signals})"
    )
    if result.safety_signals:
        click.echo(f"safety:    {', '.join(result.safety_signals)}")
    click.echo(f"models:    {result.model_version}")


@triage.command(
    help=(
        "Retrain the category model from the seed data plus agents' corrections; the service "
        "switches to it only if it is not worse on a held-back slice. With --encoder, every "
        "process that serves it needs that encoder's extra installed too (one without it logs "
        "why and keeps to the shipped model). "
        "/ 用种子数据和坐席纠正重新训练。"
    )
)
@extra_encoders_option
@reports_errors
def train(extra_encoders: tuple[str, ...]) -> None:
    from kefu.cli import unit_of_work
    from kefu.triage.encoder import check_encoders
    from kefu.triage.training import train_category_model

    check_encoders(extra_encoders)
    with unit_of_work() as session:
        outcome = train_category_model(session, extra_encoders=extra_encoders)
    metrics = outcome.metrics
    verdict = "now in use / 已启用" if outcome.activated else "kept the current model / 保留原模型"
    click.echo(
        f"{outcome.version}: macro-F1 {metrics['macro_f1']:.4f} vs "
        f"{metrics['previous_macro_f1']:.4f} ({metrics['previous_version']}) on "
        f"{metrics['held_back']} {metrics['judged_on']}: {verdict}"
    )


@triage.command(
    help=(
        "Retrain the models shipped in the package from its seed data (for developers, after "
        "editing src/kefu/triage/data). / 用种子数据重新训练随包发布的模型。"
    )
)
def build() -> None:
    from kefu.triage import shipped

    for spec in shipped.SPECS:
        model = shipped.train(spec)
        shipped.write(model, spec.artifact)
        size = spec.artifact.stat().st_size / 1e6
        accuracy = model.classifier.cv_accuracy
        shown = f"{accuracy:.4f}" if accuracy is not None else "n/a"
        click.echo(f"{model.version}: cross-validated accuracy {shown}, {size:.1f} MB")


@triage.command(
    help=(
        "Train on TRAIN (or use the shipped model) and measure on TEST. CSV columns: text,label "
        "and optionally lang; for the anger model the labels (1 or 0) are in a column named "
        "angry, the scam model's are scam or ok. / 在测试集上评测分类器。CSV 列：text,label，"
        "可选 lang；anger 模型的标签（1 或 0）在 angry 列，scam 模型的标签为 scam 或 ok。"
    )
)
@click.option(
    "--test",
    "test_path",
    required=True,
    type=click.Path(path_type=Path),
    help="Labelled CSV to measure on.",
)
@click.option(
    "--train",
    "train_path",
    type=click.Path(path_type=Path),
    help=(
        "Labelled CSV to train on; without it the shipped model is measured. / "
        "训练用的带标签 CSV；不给则评测随包模型。"
    ),
)
@click.option(
    "--model",
    "model_name",
    type=click.Choice(["category", "sentiment", "anger", "scam"]),
    default="category",
    show_default=True,
    help=(
        "Which shipped triage model to measure, and so which column holds the labels. / "
        "评测哪个随包分诊模型（也决定标签所在的列）。"
    ),
)
@click.option("--oos-label", help="Label meaning 'none of these' (out of scope).")
@extra_encoders_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@reports_errors
def benchmark(
    test_path: Path,
    train_path: Path | None,
    model_name: str,
    oos_label: str | None,
    extra_encoders: tuple[str, ...],
    as_json: bool,
) -> None:
    from kefu.triage import shipped
    from kefu.triage.benchmark import evaluate, train_and_evaluate
    from kefu.triage.dataset import read_examples
    from kefu.triage.encoder import check_encoders

    if train_path is None and extra_encoders:
        raise EncoderNeedsTraining()
    if train_path is None and oos_label is not None:
        raise OosNeedsTraining()
    check_encoders(extra_encoders)  # before reading and training: a clear error at once
    spec = next(spec for spec in shipped.SPECS if spec.name == model_name)
    test = read_examples(test_path, label_column=spec.label_column)
    if train_path is not None:
        train = read_examples(train_path, label_column=spec.label_column)
        report = train_and_evaluate(train, test, oos_label=oos_label, extra_encoders=extra_encoders)
    else:
        classifier = shipped.load(spec).classifier
        if not {e.label for e in test} & set(classifier.labels):
            raise UnknownLabels(
                path=test_path, model=model_name, labels=", ".join(classifier.labels)
            )
        report = evaluate(classifier, test, oos_label=oos_label)
    echo_report(report, as_json)
