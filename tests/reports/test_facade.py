"""The facade: every method is one hop to the one function (of the same name) that runs the query."""

from __future__ import annotations

import inspect
import re
from datetime import date

from sqlmodel import Session

from tracker.reports import facade, month
from tracker.reports.facade import Reports, reader_subject
from tracker.services.settings import get_setting

ONE_HOP = re.compile(r"return _(\w+)\.(\w+)\(self\.session\b")


def methods() -> list[str]:
    """Return the names of the facade's reading methods."""
    return [name for name, _f in inspect.getmembers(Reports, inspect.isfunction) if not name.startswith("_")]


def test_every_method_calls_the_function_of_its_name_in_one_module() -> None:
    for name in methods():
        found = ONE_HOP.search(inspect.getsource(getattr(Reports, name)))
        assert found is not None and found.group(2) == name, name
        module = getattr(facade, f"_{found.group(1)}")
        assert callable(getattr(module, name)), name


def test_a_method_gives_what_its_function_gives(session: Session) -> None:
    reports = Reports(session)
    assert reports.month_summary("2026-08") == month.month_summary(session, "2026-08")
    assert reports.month_pace("2026-08", date(2026, 8, 3)) == month.month_pace(session, "2026-08",
                                                                               date(2026, 8, 3))


def test_readers_are_called_on_the_facade_or_the_session(session: Session) -> None:
    assert reader_subject(Reports.month_pace, session) == Reports(session)
    assert reader_subject(get_setting, session) is session
