"""The models' one table list: every table once, each after the tables it points to."""

from __future__ import annotations

from sqlmodel import SQLModel

from tracker.ledger.models import tables_in_order


def test_the_table_list_holds_every_table_once_parents_first() -> None:
    tables = tables_in_order()
    assert {t.name for t in tables} == set(SQLModel.metadata.tables) and len(tables) == len(set(tables))
    for position, table in enumerate(tables):
        parents = {key.column.table.name for key in table.foreign_keys}
        assert parents <= {t.name for t in tables[:position]}, table.name
    assert [t.name for t in tables][:5] == ["skill", "learning_session", "mentor_review", "client", "gig"]
