"""Two agents editing one ticket at once: the second write conflicts, it never overwrites."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from kefu.auth.models import Role
from kefu.kit.db import Database
from kefu.tickets import workflow
from kefu.tickets.models import Ticket
from tests.conftest import Desk


def test_simultaneous_edits_conflict_at_the_database(database: Database, desk: Desk) -> None:
    from fastapi.testclient import TestClient

    from kefu.app import create_app

    lead = desk.staff("lead", Role.supervisor)
    with TestClient(create_app(desk.settings, database)) as client:
        number = client.post("/api/v1/me/tickets", json={"body": "x"}, headers=desk.user()).json()[
            "number"
        ]

    # Both agents read version N; neither has written yet.
    first, second = database.session(write=False), database.session(write=False)
    mine = first.scalars(select(Ticket).where(Ticket.number == number)).one()
    theirs = second.scalars(select(Ticket).where(Ticket.number == number)).one()
    first.close()
    second.close()
    version = mine.version

    with database.transaction() as db:
        db.add(mine)
        workflow.update_ticket(
            db, mine, lead.actor, {"priority": "urgent"}, expected_version=version
        )
    with pytest.raises(StaleDataError), database.transaction() as db:
        db.add(theirs)
        workflow.update_ticket(
            db, theirs, lead.actor, {"priority": "low"}, expected_version=version
        )
    with database.transaction(write=False) as db:
        assert db.scalars(select(Ticket.priority).where(Ticket.number == number)).one() == "urgent"
