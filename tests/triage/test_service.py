"""Triage in the life of a ticket: predictions stored and applied, the needs-triage queue, and
learning from the corrections agents make."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from kefu.app import create_app
from kefu.auth.models import Role
from kefu.config import Settings
from kefu.kit.db import Database
from kefu.triage import minilm
from kefu.triage.classifier import ClassifierOptions, TextClassifier
from kefu.triage.models import TriageModel
from kefu.triage.service import current_pipeline, dump_artifact
from kefu.triage.shipped import CATEGORY
from kefu.triage.training import corrections, held_back, train_category_model
from kefu.worker.runner import run_until_idle
from tests.conftest import Desk, edit_ticket, new_ticket


def test_new_tickets_are_triaged_and_the_api_shows_why(
    client: TestClient, desk: Desk, database: Database
) -> None:
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user(vip_level=0, locale="zh-CN")
    number = new_ticket(
        client,
        user,
        body="Someone claiming to be your support asked me to share my screen and "
        "send them the verification code so they can refund my order",
    )["number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert ticket["category"] == "fraud_report"
    assert ticket["locale"] == "en"  # written in English, whatever the profile says
    assert ticket["priority"] in ("high", "urgent")
    assert "scam_risk" in ticket["tags"]
    assert ticket["needs_triage"] is False

    records = client.get(f"/api/v1/tickets/{number}/triage", headers=lead.headers).json()
    assert len(records) == 1
    assert records[0]["message_id"] and records[0]["created_at"]
    record = records[0]["result"]
    assert record["category"] == "fraud_report" and record["scam_flagged"] is True
    assert "screen_sharing" in record["scam_signals"]
    assert record["language"] == "en"
    assert record["model_version"].count("-seed-") == 4
    events = client.get(f"/api/v1/tickets/{number}/events", headers=lead.headers).json()
    assert any(e["field"] == "category" and e["actor_type"] == "system" for e in events)

    # A later reply is triaged too, in the background; a safety risk makes the ticket urgent.
    client.post(
        f"/api/v1/me/tickets/{number}/replies",
        headers=user,
        json={"body": "I lost all my savings, I don't want to live anymore"},
    )
    assert run_until_idle(database) == 1
    assert run_until_idle(database) == 0  # done once
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert ticket["priority"] == "urgent"
    assert "safety_self_harm" in ticket["tags"]
    assert len(client.get(f"/api/v1/tickets/{number}/triage", headers=lead.headers).json()) == 2


def test_category_chosen_by_the_requester_is_kept(client: TestClient, desk: Desk) -> None:
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, desk.user(), body="直播一直卡", category="app_bug")["number"]
    assert (
        client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["category"]
        == "app_bug"
    )
    # A category outside the taxonomy counts as none.
    odd = new_ticket(client, desk.user(), body="直播一直卡", category="whatever")["number"]
    assert client.get(f"/api/v1/tickets/{odd}", headers=lead.headers).json()["category"] == (
        "livestream"
    )


@pytest.fixture
def strict_client(settings: Settings, database: Database) -> Iterator[TestClient]:
    strict = settings.model_copy(update={"triage_min_confidence": 0.999})
    with TestClient(create_app(strict, database)) as test_client:
        yield test_client


def test_unsure_triage_goes_to_the_needs_triage_queue(
    strict_client: TestClient, desk: Desk
) -> None:
    client = strict_client
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, desk.user(), body="喂？有人吗，那个东西又不行了")["number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert (ticket["category"], ticket["needs_triage"]) == (None, True)
    queue = client.get("/api/v1/tickets", headers=lead.headers, params={"needs_triage": True})
    assert [t["number"] for t in queue.json()["items"]] == [number]

    fixed = client.patch(
        f"/api/v1/tickets/{number}",
        headers=lead.headers,
        json={"version": ticket["version"], "category": "app_bug"},
    )
    assert fixed.json()["needs_triage"] is False
    assert (
        client.get("/api/v1/tickets", headers=lead.headers, params={"needs_triage": True}).json()[
            "items"
        ]
        == []
    )


PARTNERSHIP = [
    "我们是{n}号MCN机构，想和平台谈主播签约合作，请问找哪个部门",
    "Hi, agency #{n} here: we'd like to discuss a creator partnership deal with your team",
    "商务合作{n}：我们品牌想在直播间做联名推广，怎么对接",
    "Brand collab request {n} - who handles sponsorship partnerships?",
]


def test_corrections_train_a_model_that_takes_over_when_not_worse(
    client: TestClient, desk: Desk, database: Database
) -> None:
    """Agents decide partnership enquiries are suggestions for the business team; after
    training on their corrections, kefu files new ones that way itself."""
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    texts = [template.format(n=n) for n in range(20) for template in PARTNERSHIP]
    assert sum(held_back(f"{t}\n{t}") for t in texts) >= 10  # enough to judge on
    for text in texts:
        number = new_ticket(client, user, subject=text, body=text)["number"]
        response = edit_ticket(client, lead.headers, number, category="suggestion")
        assert response.status_code == 200
    with database.transaction() as db:
        assert len(corrections(db)) == len(texts)
        outcome = train_category_model(db)
    assert outcome.activated, outcome.metrics
    metrics = outcome.metrics
    assert metrics["held_back_corrections"] >= 10
    assert metrics["macro_f1"] >= metrics["previous_macro_f1"]
    assert metrics["corrections_macro_f1"] > metrics["previous_corrections_macro_f1"]
    with database.transaction(write=False) as db:
        assert current_pipeline(db).category_version == outcome.version

    fresh = "商务合作99：我们品牌想在直播间做联名推广，怎么对接"
    number = new_ticket(client, user, subject=fresh, body=fresh)["number"]
    assert (
        client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()["category"]
        == "suggestion"
    )


def test_a_broken_trained_model_falls_back_to_the_shipped_one(
    client: TestClient, desk: Desk, database: Database
) -> None:
    """A corrupt active model is logged and skipped; tickets are still triaged."""
    with database.transaction() as db:
        db.add(
            TriageModel(
                version="broken",
                trained_rows=0,
                corrections=0,
                metrics={},
                active=True,
                artifact=b"not a model",
            )
        )
    lead = desk.staff("lead", Role.supervisor)
    user = desk.user()
    created = client.post("/api/v1/me/tickets", json={"body": "退款还没到账"}, headers=user)
    assert created.status_code == 201
    number = created.json()["number"]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert (ticket["needs_triage"], ticket["category"]) == (False, "refund_return")
    records = client.get(f"/api/v1/tickets/{number}/triage", headers=lead.headers).json()
    assert "category-seed-" in records[0]["result"]["model_version"]
    reply = client.post(
        f"/api/v1/me/tickets/{number}/replies", headers=user, json={"body": "还在等"}
    )
    assert reply.status_code == 201


def _activate(database: Database, version: str, classifier: TextClassifier) -> None:
    with database.transaction() as db:
        db.execute(update(TriageModel).values(active=False))
        db.add(
            TriageModel(
                version=version,
                trained_rows=0,
                corrections=0,
                metrics={},
                active=True,
                artifact=dump_artifact(classifier),
            )
        )


@pytest.mark.skipif(minilm.model_dir() is None, reason="needs the optional 'english' extra")
def test_a_model_trained_with_an_extra_encoder_serves_where_it_is_installed(
    client: TestClient, desk: Desk, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An active model that reads MiniLM as well as USE triages tickets; where the extra is
    missing, the service says so in its log and uses the shipped model instead."""
    seed = [e for e in CATEGORY.examples() if e.label in ("refund_return", "account_login")]
    options = ClassifierOptions(extra_encoders=("minilm",), embedding_weights=(1.0,))
    classifier = TextClassifier(options).fit([e.text for e in seed], [e.label for e in seed])
    _activate(database, "with-minilm", classifier)
    with database.transaction(write=False) as db:
        assert current_pipeline(db).category_version == "with-minilm"
    lead = desk.staff("lead", Role.supervisor)
    number = new_ticket(client, desk.user(), subject="Refund", body="my refund never arrived")[
        "number"
    ]
    ticket = client.get(f"/api/v1/tickets/{number}", headers=lead.headers).json()
    assert ticket["category"] == "refund_return"
    records = client.get(f"/api/v1/tickets/{number}/triage", headers=lead.headers).json()
    assert "with-minilm" in records[0]["result"]["model_version"].split()

    monkeypatch.setattr(minilm, "model_dir", lambda: None)  # as on a machine without the extra
    _activate(database, "with-minilm-elsewhere", classifier)
    with database.transaction(write=False) as db:
        assert current_pipeline(db).category_version.startswith("category-seed-")
