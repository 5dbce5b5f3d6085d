"""The admin pages as a browser receives them: who may see them, what they show, both languages."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kefu.auth.models import Role
from kefu.kit.db import Database
from kefu.knowledge.models import Article
from tests.conftest import Desk, edit_ticket, new_ticket
from tests.web.desk.conftest import sign_in

PAGES = (
    "/desk/admin",
    "/desk/admin/staff",
    "/desk/admin/staff/1",
    "/desk/admin/teams",
    "/desk/admin/categories",
    "/desk/admin/kb",
    "/desk/admin/kb/new",
    "/desk/admin/kb/1",
    "/desk/admin/api-tokens",
)


def client_texts(html: str) -> dict[str, str]:
    found = re.search(r'<script type="application/json" id="admin-texts">(.*?)</script>', html)
    assert found, "the page has no texts for its script"
    words: dict[str, str] = json.loads(found.group(1))
    return words


def test_only_admins_see_the_admin_pages(client: TestClient, desk: Desk) -> None:
    for path in PAGES:
        stranger = client.get(path, follow_redirects=False)
        assert stranger.status_code == 303, path
        assert stranger.headers["location"].startswith("/desk/login?next=")
    for role in (Role.agent, Role.moderator, Role.supervisor):
        sign_in(client, desk.staff(role.value, role))
        for path in PAGES:
            refused = client.get(path + "?lang=en")
            assert refused.status_code == 403, (role, path)
            assert "Your role does not allow this page" in refused.text
            assert 'href="/desk/admin/staff"' not in refused.text


@pytest.mark.usefixtures("help_centre")
def test_the_overview_counts_and_links_every_section(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("Ada", Role.admin)
    desk.staff("agent one")
    gone = desk.staff("agent two")
    client.patch(f"/api/v1/admin/staff/{gone.id}", headers=admin.headers, json={"is_active": False})
    sign_in(client, admin)
    page = client.get("/desk/admin?lang=en")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Administration</h1>" in text
    assert "Agent: 1" in text and "Administrator: 1" in text and "1 deactivated" in text
    assert "4 support queues, 4 departments" in text
    assert "50 published, 0 drafts, 0 archived" in text
    nav = text[text.index('class="admin-nav"') :]
    nav = nav[: nav.index("</nav>")]
    for path in (
        "/desk/admin",
        "/desk/admin/staff",
        "/desk/admin/teams",
        "/desk/admin/categories",
        "/desk/admin/macros",
        "/desk/admin/kb",
        "/desk/admin/api-tokens",
    ):
        assert f'href="{path}"' in nav, path
    assert 'href="/desk/admin" aria-current="page"' in nav
    assert 'href="/desk/admin" aria-current="page"' in text  # the shell's "Admin" is current
    chinese = client.get("/desk/admin?lang=zh-CN").text
    assert "系统管理" in chinese and "快捷回复" in chinese and "知识库" in chinese


def test_the_staff_pages_show_teams_skills_and_access(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("Ada", Role.admin)
    agent = desk.staff("Bo <script>", teams=("after_sales",))
    client.put(
        f"/api/v1/admin/staff/{agent.id}/skills",
        headers=admin.headers,
        json={"skills": [{"kind": "category", "value": "refund_return", "level": "senior"}]},
    )
    client.patch(
        f"/api/v1/admin/staff/{agent.id}", headers=admin.headers, json={"is_active": False}
    )
    sign_in(client, admin)

    listing = client.get("/desk/admin/staff?lang=en").text
    assert (
        "Bo &lt;script&gt;" in listing
        and "<script>" not in listing.split("<main>")[1].split('<script type="application/json"')[0]
    )
    row = listing[listing.index(f'href="/desk/admin/staff/{agent.id}"') :].split("</tr>")[0]
    assert "After-sales" in row and "Refunds &amp; returns · Senior" in row
    assert "Deactivated" in row
    assert '<label for="new-name">Name</label>' in listing
    assert client_texts(listing)["created"] == "{name} can now sign in."

    edit = client.get(f"/desk/admin/staff/{agent.id}?lang=en").text
    assert "<h1>Edit Bo &lt;script&gt;</h1>" in edit
    assert 'value="after_sales" checked' in edit and 'value="technical_support">' in edit
    assert '<option value="refund_return" selected>' in edit
    assert "Reactivate" in edit and "Deactivate</button>" not in edit
    assert 'data-skill-template="language"' in edit and 'aria-label="Level"' in edit

    mine = client.get(f"/desk/admin/staff/{admin.id}?lang=en").text
    assert "This is you" in mine and 'class="danger" disabled' in mine
    missing = client.get("/desk/admin/staff/99999?lang=en")
    assert missing.status_code == 404 and "This page does not exist" in missing.text
    chinese = client.get(f"/desk/admin/staff/{agent.id}?lang=zh-CN").text
    assert "退款与退货" in chinese and "重新启用" in chinese and "添加语言" in chinese


def test_the_teams_page_counts_members_and_fixes_slugs(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("Ada", Role.admin)
    desk.staff("a", teams=("legal",))
    desk.staff("b", teams=("legal",))
    sign_in(client, admin)
    page = client.get("/desk/admin/teams?lang=en").text
    legal = page[page.index("<code>legal</code>") :].split("</tr>")[0]
    assert "Department (escalations)" in legal and "<td>2</td>" in legal
    assert 'data-edit-team data-id="' in legal and 'aria-label="Edit team legal"' in legal
    assert "slug is fixed once created" in page
    assert client_texts(page)["editTeam"] == "Edit team {slug}"


def test_categories_show_unsolved_tickets_and_articles_read_only(
    client: TestClient, desk: Desk, help_centre: Database
) -> None:
    admin = desk.staff("Ada", Role.admin)
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    for category in ("privacy", "privacy", "livestream"):
        ticket = new_ticket(client, user)
        edited = edit_ticket(client, lead.headers, ticket["number"], category=category)
        assert edited.status_code == 200, edited.text
    solved = new_ticket(client, user)
    edit_ticket(client, lead.headers, solved["number"], category="privacy", status="solved")
    sign_in(client, admin)
    page = client.get("/desk/admin/categories?lang=en").text
    privacy = page[page.index("<code>privacy</code>") :].split("</tr>")[0]
    assert '<td class="num">2</td>' in privacy  # the solved one is not counted
    with help_centre.transaction() as db:
        published = len(db.scalars(select(Article.id).where(Article.category == "privacy")).all())
    assert f'href="/desk/admin/kb?category=privacy">{published}</a>' in privacy
    assert "This page is read-only" in page
    assert "decided by triage from the text" in page and "<code>shop_refund</code>" in page
    assert "<form" not in page.split("<main>")[1]
    chinese = client.get("/desk/admin/categories?lang=zh-CN").text
    assert "本页只读" in chinese and "隐私" in chinese


@pytest.mark.usefixtures("help_centre")
def test_the_article_list_filters_and_pages(client: TestClient, desk: Desk) -> None:
    sign_in(client, desk.staff("Ada", Role.admin))
    everything = client.get("/desk/admin/kb?lang=en").text
    assert everything.count('<td><a href="/desk/admin/kb/') == 50  # one page of 50
    assert "cursor=" not in everything

    english = client.get("/desk/admin/kb?lang=en&locale=en&category=privacy").text
    assert english.count('<td><a href="/desk/admin/kb/') == 2 and "privacy-settings" in english
    assert "account-deletion-data-export" in english
    assert '<option value="privacy" selected>' in english
    found = client.get("/desk/admin/kb", params={"lang": "en", "q": "密码"}).text
    assert "password-recovery" in found and "video-upload-failures" not in found
    none = client.get("/desk/admin/kb?lang=en&status=draft").text
    assert "No articles match." in none
    odd = client.get("/desk/admin/kb?lang=en&status=nonsense&category=x&cursor=garbage")
    assert odd.status_code == 200 and odd.text.count('<td><a href="/desk/admin/kb/') == 50


def test_the_article_editor_links_translation_and_revisions(
    client: TestClient, desk: Desk, help_centre: Database
) -> None:
    admin = desk.staff("Ada", Role.admin)
    sign_in(client, admin)
    with help_centre.transaction() as db:
        ids = dict(
            db.execute(
                select(Article.locale, Article.id).where(Article.slug == "password-recovery")
            ).all()
        )
    zh, en = ids["zh-CN"], ids["en"]
    saved = client.patch(
        f"/api/v1/kb/articles/{en}",
        headers=admin.headers,
        json={"version": 1, "title": "Recover your password"},
    )
    assert saved.status_code == 200, saved.text

    page = client.get(f"/desk/admin/kb/{en}?lang=en&done=saved").text
    assert 'value="Recover your password"' in page
    assert f'<a href="/desk/admin/kb/{zh}" data-translation>Edit the Chinese version</a>' in page
    assert "Version 2 · " in page and " · Ada · Published" in page and " · import · " in page
    assert '<p class="notice ok" role="status">Saved.</p>' in page
    assert 'data-version="2"' in page and 'name="slug" value="password-recovery"' in page
    assert "Unpublish" in page and ">Publish<" not in page
    assert "{{hotline}}" in page  # the hint names the placeholder as authors write it

    with help_centre.transaction() as db:
        db.delete(db.get(Article, zh))
    alone = client.get(f"/desk/admin/kb/{en}?lang=en").text
    assert f'href="/desk/admin/kb/new?from={en}" data-translation' in alone
    translation = client.get(f"/desk/admin/kb/new?from={en}&lang=zh-CN").text
    assert 'value="password-recovery"' in translation and "readonly" in translation
    assert '<option value="zh-CN" selected>' in translation
    assert '<option value="account_login" selected>' in translation
    assert "新建文章" in translation

    blank = client.get("/desk/admin/kb/new?lang=en").text
    assert 'name="slug" value=""' in blank and "Revision history" not in blank
    missing = client.get("/desk/admin/kb/99999?lang=en")
    assert missing.status_code == 404


def test_the_token_page_never_shows_a_secret(client: TestClient, desk: Desk) -> None:
    admin = desk.staff("Ada", Role.admin)
    made = client.post(
        "/api/v1/admin/api-tokens",
        headers=admin.headers,
        json={"name": "mall sync", "scopes": ["orders:write"]},
    ).json()
    old = client.post(
        "/api/v1/admin/api-tokens",
        headers=admin.headers,
        json={"name": "old backend", "scopes": ["tickets:read"]},
    ).json()
    client.delete(f"/api/v1/admin/api-tokens/{old['id']}", headers=admin.headers)
    sign_in(client, admin)
    page = client.get("/desk/admin/api-tokens?lang=en").text
    assert made["token"] not in page and made["token"][:12] + "…" in page
    shop = page[page.index("mall sync") :].split("</tr>")[0]
    assert "Active" in shop and "Ada" in shop and f'data-revoke="{made["id"]}"' in shop
    gone = page[page.index("old backend") :].split("</tr>")[0]
    assert "Revoked" in gone and "data-revoke" not in gone
    assert "Push shop orders" in page
    assert client_texts(page)["confirmRevoke"].startswith("Revoke {name}?")


def test_every_admin_asset_is_served(client: TestClient) -> None:
    for asset in (
        "admin.css",
        "forms.js",
        "staff.js",
        "staff_edit.js",
        "teams.js",
        "kb_edit.js",
        "tokens.js",
    ):
        assert client.get(f"/static/admin/{asset}").status_code == 200, asset
