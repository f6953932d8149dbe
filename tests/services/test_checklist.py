"""The readiness checklist (tracker/services/checklist.py): five items in order, ticked and unticked."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import CHECKLIST_KEYS, ChecklistItem
from tracker.services.checklist import checklist, set_checklist_item


def stored_item(session: Session, key: str) -> ChecklistItem | None:
    """Return the checklist row for a key as the database holds it."""
    session.expire_all()
    return session.exec(select(ChecklistItem).where(ChecklistItem.key == key)).first()


def test_checklist_always_has_five_items_in_order(session: Session) -> None:
    assert CHECKLIST_KEYS == ("computer", "internet", "phone", "workplace", "skill")
    fresh = [(i.key, i.done, i.done_on) for i in checklist(session)]
    assert fresh == [(k, False, None) for k in CHECKLIST_KEYS]
    set_checklist_item(session=session, key="skill", done=True, today=date(2026, 8, 1))
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 2))
    items = checklist(session)
    assert [i.key for i in items] == list(CHECKLIST_KEYS)
    assert [i.done for i in items] == [False, True, False, False, True]


def test_ticking_sets_done_on_and_keeps_the_first_day(session: Session) -> None:
    set_checklist_item(session=session, key="computer", done=True, note=" laptop ", today=date(2026, 8, 1))
    set_checklist_item(session=session, key="computer", done=True, note="laptop", today=date(2026, 8, 9))
    row = stored_item(session, "computer")
    assert row is not None
    assert (row.done, row.done_on, row.note) == (True, date(2026, 8, 1), "laptop")
    assert count(session, ChecklistItem) == 1


def test_ticking_without_a_day_uses_today(session: Session, frozen_today: date) -> None:
    item = set_checklist_item(session=session, key="phone", done=True)
    assert item.done_on == frozen_today


def test_unticking_clears_done_on(session: Session) -> None:
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 1))
    set_checklist_item(session=session, key="internet", done=False, today=date(2026, 8, 5))
    row = stored_item(session, "internet")
    assert row is not None
    assert (row.done, row.done_on) == (False, None)
    set_checklist_item(session=session, key="internet", done=True, today=date(2026, 8, 7))
    assert stored_item(session, "internet").done_on == date(2026, 8, 7)


@pytest.mark.parametrize("key", ["laptop", "Computer", ""])
def test_unknown_checklist_key_is_refused(session: Session, key: str) -> None:
    with pytest.raises(InvalidInput):
        set_checklist_item(session=session, key=key, done=True)
    assert count(session, ChecklistItem) == 0


def test_bad_checklist_note_changes_nothing(session: Session) -> None:
    """A refused untick must not linger and be saved by the next, unrelated write."""
    set_checklist_item(session=session, key="computer", done=True, today=date(2026, 8, 1))
    with pytest.raises(InvalidInput):
        set_checklist_item(session=session, key="computer", done=False, note="x" * 2001)
    set_checklist_item(session=session, key="phone", done=True, today=date(2026, 8, 2))
    row = stored_item(session, "computer")
    assert row is not None
    assert (row.done, row.done_on, row.note) == (True, date(2026, 8, 1), "")
