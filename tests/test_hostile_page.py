"""The Data page with every file of the hostile corpus, the 50 MB file, and the automatic backups:
a refused file shows its message in an error box, never a traceback; nothing is written unless asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from tests.hostile.cases import CASES, Case, big_upwork_file
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.io.autobackup import automatic_backups, save_backup
from tracker.ledger.models import Client, Expense, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.settings import get_setting


@pytest.fixture(autouse=True)
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Empty Streamlit caches; automatic backups and mappings in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield tmp_path / "data"


def data_page(db_url: str) -> AppTest:
    """Return the Data page run once, in English, on the test database."""
    at = AppTest.from_file(str(PROJECT_ROOT / "pages" / "data.py"), default_timeout=60)
    at.session_state["language"] = "en"
    return at.run()


def stored() -> tuple[int, int, int]:
    """Return how many payments, expenses and clients are stored."""
    with open_session() as s:
        return tuple(s.exec(select(func.count()).select_from(m)).one()  # type: ignore[return-value]
                     for m in (Payment, Expense, Client))


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    """Put a statement into the uploader and run the page; give the USD rate when it is asked."""
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    if [t for t in at.text_input if t.key == "import_rate_USD"]:
        at.text_input(key="import_rate_USD").input("120").run()
    return at


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_each_file_of_the_corpus_is_shown_or_refused_with_its_message(db_url: str, case: Case) -> None:
    at = upload(data_page(db_url), case.file, case.data)
    assert not at.exception, [e.value for e in at.exception]
    if case.refused:
        assert case.refused in at.error[0].value
        assert not [b for b in at.button if b.key == "import_go"]
        assert stored() == (0, 0, 0)
        return
    assert not at.error, [e.value for e in at.error]
    counts = {m.label: m.value for m in at.metric}
    assert counts["Refused"] == str(len(case.rows)) and counts["Duplicates"] == str(case.duplicates)
    if case.rows:
        assert at.button(key="import_go").disabled
        at.checkbox(key="import_skip").check().run()
    if case.imported:
        at.button(key="import_go").click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
        assert at.success[0].value.startswith(f"Imported {case.imported} rows")


def test_a_50_mb_upload_shows_the_size_limit(db_url: str, tmp_path: Path) -> None:
    big = big_upwork_file(tmp_path / "upwork_50mb.csv", 50 * 1024 * 1024).read_bytes()
    at = upload(data_page(db_url), "upwork_50mb.csv", big)
    assert not at.exception
    assert at.error[0].value.startswith("This file is 51 MB; files up to 25 MB can be imported.")
    assert stored() == (0, 0, 0)


@pytest.fixture
def with_backups(session: Session) -> list[str]:
    """Store a client, take two automatic backups, then add another client; return the backups' names."""
    create_client(session=session, data=ClientInput(name="In the backups"))
    names = [save_backup(session.get_bind(), reason).name for reason in ("daily", "before-restore")]
    create_client(session=session, data=ClientInput(name="Added later"))
    return names


def test_automatic_backups_are_listed_and_restored_after_confirmation(db_url: str, with_backups: list[str],
                                                                     fresh: Path) -> None:
    at = data_page(db_url)
    assert not at.exception and not at.error
    buttons = [b for b in at.button if b.key.startswith("auto_restore_")]
    assert [b.key for b in buttons] == [f"auto_restore_{n}" for n in reversed(with_backups)]
    assert all(b.disabled for b in buttons)
    assert {t.value for t in at.text} >= {"Daily, at the first start", "Before a restore"}
    at.checkbox(key="auto_restore_sure").check().run()
    at.button(key=f"auto_restore_{with_backups[0]}").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success[0].value.startswith("Restored 1 records.")
    with open_session() as s:
        assert list(s.exec(select(Client.name))) == ["In the backups"]
        assert [b.reason for b in automatic_backups(s.get_bind())][0] == "before-restore"


def test_how_many_backups_to_keep_is_chosen_on_the_data_page(db_url: str) -> None:
    at = data_page(db_url)
    at.number_input(key="backups_keep").set_value(4).run()
    assert not at.exception and not at.error
    with open_session() as s:
        assert get_setting(s, "backups_to_keep") == "4"
