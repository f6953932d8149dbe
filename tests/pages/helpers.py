"""Small helpers for AppTest page tests."""

from __future__ import annotations

from sqlmodel import func, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session


def press(at: AppTest, label: str) -> AppTest:
    """Click the first button with this label and run the page again."""
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}; buttons: {[b.label for b in at.button]}"
    return matches[0].click().run()


def count(model: type) -> int:
    """Return the rows of a table, read with a new session."""
    with open_session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def rows(model: type) -> list:
    """Return every row of a table, read with a new session."""
    with open_session() as s:
        return list(s.exec(select(model)).all())


def assert_clean(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
