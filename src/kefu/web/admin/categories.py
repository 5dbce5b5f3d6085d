"""/desk/admin/categories: the fixed triage taxonomy with its unsolved tickets and published
articles, and the feedback form's choices with where each lands. Read-only: both are code (the
shipped classifier was trained on exactly these categories)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from kefu.channels.webform.categories import FEEDBACK_CATEGORIES
from kefu.kit.http import DbSession
from kefu.knowledge.models import Article, ArticleStatus
from kefu.tickets.models import Ticket
from kefu.tickets.status import UNSOLVED
from kefu.triage.taxonomy import BY_KEY, CATEGORIES
from kefu.web.admin.common import render_admin
from kefu.web.desk.session import Admin

router = APIRouter()


@router.get("/categories", response_class=HTMLResponse)
def categories(request: Request, db: DbSession, staff: Admin) -> HTMLResponse:
    unsolved = dict(
        db.execute(
            select(Ticket.category, func.count())
            .where(Ticket.status.in_(UNSOLVED), Ticket.category.is_not(None))
            .group_by(Ticket.category)
        ).all()
    )
    articles = dict(
        db.execute(
            select(Article.category, func.count())
            .where(Article.status == ArticleStatus.published, Article.category.is_not(None))
            .group_by(Article.category)
        ).all()
    )
    return render_admin(
        request,
        "admin/categories.html",
        staff,
        section="categories",
        categories=CATEGORIES,
        unsolved=unsolved,
        articles=articles,
        feedback=FEEDBACK_CATEGORIES,
        triage_names={key: category.name for key, category in BY_KEY.items()},
    )
