"""Full-text search over ticket subjects and messages, for Chinese and English.

Text is segmented in Python (kit.text) and stored space-separated in ``ticket_search``; each backend
indexes those tokens as they are, with no language-specific parsing of its own:
SQLite through an FTS5 table fed by triggers, PostgreSQL through a GIN index on
``array_to_tsvector(string_to_array(content, ' '))``.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, bindparam, literal_column, select, text
from sqlalchemy.orm import Session

from kefu.kit.text import document_tokens, query_tokens
from kefu.tickets.errors import EmptySearch
from kefu.tickets.models import TicketSearch

PG_TOKENS = "array_to_tsvector(string_to_array(content, ' '))"


def index_text(db: Session, ticket_id: int, value: str) -> None:
    """Add text to a ticket's searchable content."""
    tokens = " ".join(document_tokens(value))
    if not tokens:
        return
    row = db.get(TicketSearch, ticket_id)
    if row is None:
        db.add(TicketSearch(ticket_id=ticket_id, content=tokens))
    else:
        row.content = f"{row.content} {tokens}".strip()


def _fts5_literal(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _tsquery_literal(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def matching_ticket_ids(db: Session, query: str) -> Select[int]:
    """A subquery of the ids of tickets whose text contains every word of the query."""
    tokens = query_tokens(query)
    if not tokens:
        raise EmptySearch()
    if db.get_bind().dialect.name == "sqlite":
        match = " ".join(_fts5_literal(token) for token in tokens)
        return (
            select(literal_column("rowid", type_=TicketSearch.ticket_id.type))
            .select_from(text("ticket_search_fts"))
            # unique: one statement may hold several searches (each saved view's count)
            .where(
                text("ticket_search_fts MATCH :match").bindparams(
                    bindparam("match", match, unique=True)
                )
            )
        )
    tsquery = " & ".join(_tsquery_literal(token) for token in tokens)
    condition: ColumnElement[bool] = text(f"{PG_TOKENS} @@ CAST(:tsquery AS tsquery)").bindparams(
        bindparam("tsquery", tsquery, unique=True)
    )  # type: ignore[assignment]
    return select(TicketSearch.ticket_id).where(condition)
