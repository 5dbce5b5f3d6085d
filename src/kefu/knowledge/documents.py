"""Articles as markdown files with YAML front matter: reading, writing, and cutting into passages.

The same format serves the starter help centre shipped in ``knowledge/articles/`` and
``kefu kb import/export``::

    ---
    slug: password-recovery
    locale: en
    title: How to recover your password
    category: account_login
    tags: [password, reset]
    visibility: public
    questions:
      - forgot my password how do i get back in
    ---
    # How to recover your password
    ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kefu.kit import i18n
from kefu.kit.errors import Invalid
from kefu.kit.i18n import normalize_locale

STARTER_FOLDER = Path(__file__).parent / "articles"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
PASSAGE_CHARS = 1200  # longer sections are cut at paragraph breaks


class InvalidArticleFile(Invalid):
    code = "invalid_article_file"
    en = "{path} is not a valid article file: {reason}"
    zh = "{path} 不是有效的文章文件：{reason}"


@dataclass
class ArticleDocument:
    slug: str
    locale: str
    title: str
    body: str
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    visibility: str = "public"
    status: str = "published"


def _strings(value: object, name: str, path: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text(f"'{name}' must be a list of texts", f"“{name}”必须是文本列表"),
        )
    return [str(item).strip() for item in value if str(item).strip()]


def parse_document(text: str, path: str = "<text>") -> ArticleDocument:
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text("no front matter between '---' lines", "缺少 '---' 之间的文件头"),
        )
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text(
                f"front matter is not YAML ({error})", f"文件头不是合法的 YAML（{error}）"
            ),
        ) from None
    if not isinstance(meta, dict):
        raise InvalidArticleFile(
            path=path, reason=i18n.text("front matter must be a mapping", "文件头必须是键值映射")
        )
    missing = [key for key in ("slug", "locale", "title") if not meta.get(key)]
    if missing:
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text(f"missing {', '.join(missing)}", f"缺少 {'、'.join(missing)}"),
        )
    slug = str(meta["slug"])
    if not SLUG.match(slug):
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text(
                f"slug {slug!r} is not lower-case-with-dashes",
                f"slug {slug!r} 须为小写字母、数字和连字符",
            ),
        )
    locale = normalize_locale(str(meta["locale"]))
    if locale is None:
        raise InvalidArticleFile(
            path=path,
            reason=i18n.text(
                f"locale {meta['locale']!r} is not zh-CN or en",
                f"语言 {meta['locale']!r} 不是 zh-CN 或 en",
            ),
        )
    body = text.lstrip("\ufeff")[match.end() :].strip()
    if not body:
        raise InvalidArticleFile(
            path=path, reason=i18n.text("the article has no body", "文章没有正文")
        )
    return ArticleDocument(
        slug=slug,
        locale=locale,
        title=str(meta["title"]).strip(),
        body=body,
        category=str(meta["category"]) if meta.get("category") else None,
        tags=_strings(meta.get("tags"), "tags", path),
        questions=_strings(meta.get("questions"), "questions", path),
        visibility=str(meta.get("visibility") or "public"),
        status=str(meta.get("status") or "published"),
    )


def render_document(document: ArticleDocument) -> str:
    meta: dict[str, object] = {
        "slug": document.slug,
        "locale": document.locale,
        "title": document.title,
        "category": document.category,
        "tags": document.tags,
        "visibility": document.visibility,
        "status": document.status,
        "questions": document.questions,
    }
    front = yaml.safe_dump(
        {key: value for key, value in meta.items() if value not in (None, [])},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return f"---\n{front}---\n\n{document.body.strip()}\n"


def read_folder(folder: Path) -> list[ArticleDocument]:
    """Every ``*.md`` file under the folder (sub-folders included), in a stable order."""
    if not folder.is_dir():
        raise InvalidArticleFile(path=str(folder), reason=i18n.text("not a folder", "不是文件夹"))
    documents = []
    for path in sorted(folder.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InvalidArticleFile(
                path=str(path), reason=i18n.text("not UTF-8 text", "不是 UTF-8 文本")
            ) from None
        documents.append(parse_document(text, str(path)))
    return documents


def render_placeholders(text: str, facts: dict[str, str]) -> str:
    """Fill ``{{platform_name}}`` and friends; unknown names stay as they are."""
    return _PLACEHOLDER.sub(lambda m: facts.get(m.group(1), m.group(0)), text)


def strip_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(" ", text)


@dataclass(frozen=True)
class Section:
    heading: str
    text: str


def split_passages(body: str) -> list[Section]:
    """Cut an article at its ``##`` headings (the lead before the first one is a passage too),
    and long sections at paragraph breaks, so an answer can quote just the part that helps."""
    sections: list[Section] = []
    heading, lines = "", list[str]()

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            sections.extend(_cut(heading, text))

    for line in body.splitlines():
        if line.startswith("# "):  # the title repeated in the body
            continue
        if line.startswith("## "):
            flush()
            heading, lines = line[3:].strip(), []
        else:
            lines.append(line)
    flush()
    return sections


def _cut(heading: str, text: str) -> list[Section]:
    if len(text) <= PASSAGE_CHARS:
        return [Section(heading, text)]
    pieces: list[Section] = []
    current = ""
    for paragraph in re.split(r"\n\s*\n", text):
        if current and len(current) + len(paragraph) > PASSAGE_CHARS:
            pieces.append(Section(heading, current.strip()))
            current = ""
        current += paragraph + "\n\n"
    if current.strip():
        pieces.append(Section(heading, current.strip()))
    return pieces
