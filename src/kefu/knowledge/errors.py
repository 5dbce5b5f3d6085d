from __future__ import annotations

from kefu.kit.errors import Conflict, Invalid, NotFound


class ArticleNotFound(NotFound):
    code = "article_not_found"
    en = "There is no such article."
    zh = "没有这篇文章。"


class ArticleExists(Conflict):
    code = "article_exists"
    en = "An article with slug '{slug}' in {locale} already exists."
    zh = "已存在 slug 为“{slug}”、语言为 {locale} 的文章。"


class ArticleEdited(Conflict):
    code = "article_edited"
    en = "Someone saved this article since you opened it (now version {current}); reload it."
    zh = "在您打开之后，有人保存了这篇文章（当前版本 {current}），请重新加载。"


class InvalidArticle(Invalid):
    code = "invalid_article"
    en = "The article is not valid: {reason}"
    zh = "文章无效：{reason}"
