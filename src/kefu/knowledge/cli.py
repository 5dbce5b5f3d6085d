"""``kefu kb``: import and export the knowledge base as a folder of markdown files."""

from __future__ import annotations

from pathlib import Path

import click

from kefu.kit.cli import reports_errors


@click.group(help="Knowledge base (help-centre articles). / 知识库（帮助中心文章）。")
def kb() -> None:
    pass


@kb.command(
    "import",
    help=(
        "Create or update articles from a folder of markdown files with front matter; without "
        "FOLDER, the starter help centre shipped with kefu. Nothing is saved if any file is "
        "invalid. / 从 Markdown 文件夹导入文章；不给文件夹时导入随包的初始帮助中心。"
    ),
)
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@reports_errors
def kb_import(folder: Path | None) -> None:
    from kefu.cli import unit_of_work
    from kefu.knowledge.documents import STARTER_FOLDER, read_folder
    from kefu.knowledge.service import import_documents

    documents = read_folder(folder or STARTER_FOLDER)
    with unit_of_work() as session:
        report = import_documents(session, documents)
    click.echo(
        f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged / "
        f"新建 {report.created}，更新 {report.updated}，未变 {report.unchanged}"
    )


@kb.command(
    "export",
    help="Write every article, drafts included, as markdown files into FOLDER/<locale>/. / "
    "把全部文章导出为 Markdown 文件。",
)
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@reports_errors
def kb_export(folder: Path) -> None:
    from kefu.cli import unit_of_work
    from kefu.knowledge.documents import render_document
    from kefu.knowledge.service import export_documents

    with unit_of_work() as session:
        documents = export_documents(session)
    for document in documents:
        target = folder / document.locale / f"{document.slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_document(document), encoding="utf-8")
    click.echo(f"{len(documents)} articles written to {folder} / 已导出 {len(documents)} 篇文章")
