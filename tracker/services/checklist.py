"""The readiness checklist: five things to have before starting (S8)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import CHECKLIST_KEYS, ChecklistItem
from tracker.services.common import optional_text, replace_fields


def checklist(session: Session) -> list[ChecklistItem]:
    """Return the five items in their fixed order, unticked where never touched."""
    saved = {item.key: item for item in session.exec(select(ChecklistItem)).all()}
    return [saved.get(key) or ChecklistItem(key=key) for key in CHECKLIST_KEYS]


def set_checklist_item(*, session: Session, key: str, done: bool, note: str = "",
                       today: date | None = None) -> ChecklistItem:
    """Tick or untick one item (and keep a note); return it."""
    if key not in CHECKLIST_KEYS:
        raise InvalidInput("There is no checklist item “{key}”.", field="checklist", key=key)
    clean_note = optional_text(note, field="note", max_length=ChecklistItem.note)
    item = session.exec(select(ChecklistItem).where(ChecklistItem.key == key)).first()
    item = item or ChecklistItem(key=key)
    done_on = (item.done_on or today or clock.today()) if done else None
    return replace_fields(session, item, {"done": done, "done_on": done_on, "note": clean_note})
