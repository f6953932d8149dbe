"""Data page: downloads, importing a statement with its preview, restoring a backup with confirmation;
every file of the hostile corpus, the 50 MB file, and the automatic backups."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from tests.hostile.cases import CASES, Case, big_upwork_file
from tests.pages.helpers import assert_clean, count, rows
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.io.autobackup import automatic_backups, save_backup
from tracker.io.backup import backup_bytes
from tracker.ledger.models import Client, Expense, Payment
from tracker.reports.month import month_summary
from tracker.services.clients import ClientInput, create_client
from tracker.services.settings import get_setting

Open = Callable[[str], AppTest]
DATA = Path(__file__).parent.parent / "data"


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


def upload(at: AppTest, name: str, data: bytes | None = None, which: int = 0) -> AppTest:
    """Put a file into an uploader (0: statement, 1: backup) and run the page again."""
    content = data if data is not None else (DATA / name).read_bytes()
    at.file_uploader[which].set_value((name, content, "text/csv"))
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    """Return the preview's counts by label."""
    return {m.label: m.value for m in at.metric}


def net(month: str) -> int:
    """Return a month's net income in poisha, read with a new session."""
    with open_session() as s:
        return month_summary(s, month).net_minor


def test_downloads_are_offered(open_page: Open, filled: Session) -> None:
    at = open_page("data")
    assert_clean(at)
    labels = [b.label for b in at.download_button]
    assert labels[:3] == ["Download payments (CSV)", "Download the monthly summary (CSV)",
                          "Download a backup of everything (zip)"]
    assert {"payment", "client", "expense"} <= set(labels)


def test_import_asks_for_the_rate_previews_and_imports(open_page: Open) -> None:
    at = upload(open_page("data"), "upwork_old.csv")
    assert_clean(at)
    assert at.button(key="import_go").disabled
    at.text_input(key="import_rate_USD").input("120").run()
    assert metrics(at) == {"To add": "14", "Duplicates": "0", "Refused": "0", "Transfers, not counted": "1"}
    assert not at.button(key="import_go").disabled
    at.button(key="import_go").click().run()
    assert_clean(at)
    assert at.success[0].value == "Imported 14 rows; 0 were there already; 0 refused."
    assert (count(Payment), count(Expense), count(Client)) == (5, 4, 2)
    assert net("2026-08") == 14676120


def test_importing_the_same_file_again_says_nothing_is_new(open_page: Open) -> None:
    at = upload(open_page("data"), "upwork_new.csv")
    at.text_input(key="import_rate_USD").input("120").run()
    at.button(key="import_go").click().run()
    at = upload(at, "upwork_new.csv")
    assert not [t for t in at.text_input if t.key == "import_rate_USD"]  # duplicates need no rate
    assert "Nothing new" in at.info[0].value
    assert metrics(at)["Duplicates"] == "6"
    assert at.button(key="import_go").disabled


def test_a_refused_row_blocks_the_import_until_the_good_rows_are_chosen(open_page: Open) -> None:
    text = (DATA / "payoneer.csv").read_text(encoding="utf-8").replace('"1,250.00"', '"1,25O.00"')
    at = upload(open_page("data"), "payoneer.csv", text.encode())
    at.text_input(key="import_rate_USD").input("121.50").run()
    assert metrics(at)["Refused"] == "1"
    refused = at.dataframe[3].value  # counts, to add, duplicates, refused, transfers
    assert list(refused["Row"]) == [5] and "is not a number" in refused["Reason"][0]
    assert at.button(key="import_go").disabled
    at.checkbox(key="import_skip").check().run()
    at.button(key="import_go").click().run()
    assert_clean(at)
    assert (count(Payment), count(Expense)) == (1, 2)


def test_ambiguous_dates_are_asked(open_page: Open) -> None:
    at = upload(open_page("data"), "paypal_dmy_ambiguous.csv")
    assert_clean(at)
    assert "could be day/month or month/day" in at.radio(key="import_order").label
    at.radio(key="import_order").set_value("dmy").run()
    at.text_input(key="import_rate_GBP").input("155").run()
    at.button(key="import_go").click().run()
    assert_clean(at)
    assert net("2026-11") == 4457025


def test_a_file_that_is_not_csv_shows_a_message(open_page: Open) -> None:
    at = upload(open_page("data"), "statement.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert not at.exception
    assert "does not look like a CSV file" in at.error[0].value
    assert count(Payment) == 0


def test_mapped_import_guesses_the_columns(open_page: Open) -> None:
    at = open_page("data")
    at.selectbox(key="import_format").set_value("mapped")
    at = upload(at, "fiverr_earnings.csv")
    assert_clean(at)
    guessed = (at.selectbox(key="map_client").value, at.selectbox(key="map_reference").value)
    assert guessed == ("Buyer", "Order")
    at.text_input(key="import_rate_USD").input("120").run()
    at.button(key="import_go").click().run()
    assert_clean(at)
    assert {(p.source, p.platform) for p in rows(Payment)} == {("fiverr", "Fiverr")}
    assert net("2026-08") == 1308000


def test_restore_into_a_database_with_data_needs_confirmation(open_page: Open, filled: Session,
                                                              data_dir: Path) -> None:
    backup = backup_bytes(filled)
    from tracker.services.clients import ClientInput, create_client
    create_client(session=filled, data=ClientInput(name="Added after the backup"))
    at = upload(open_page("data"), "backup.zip", backup, which=1)
    assert_clean(at)
    assert "replaces all the data" in at.warning[0].value
    assert at.button(key="restore_go").disabled
    at.checkbox(key="restore_sure").check().run()
    at.button(key="restore_go").click().run()
    assert_clean(at)
    assert "The data that was there is saved in" in at.success[0].value
    assert [c.name for c in rows(Client)] == ["Acme Ltd"]
    assert len(list((data_dir / "backups").glob("*before-restore.zip"))) == 1


def test_restore_into_an_empty_database_and_a_damaged_file(open_page: Open, filled: Session,
                                                           tmp_path: Path) -> None:
    backup = backup_bytes(filled)
    with open_session(f"sqlite:///{tmp_path / 'empty.db'}"):
        pass
    at = upload(open_page("data"), "backup.zip", backup[:200], which=1)
    assert "not a zip file" in at.error[0].value
    assert not [b for b in at.button if b.key == "restore_go"]


def test_every_csv_file_is_prepared_with_a_progress_bar_then_offered(open_page: Open,
                                                                     filled: Session) -> None:
    at = open_page("data")
    at.button(key="export_all").click().run()
    assert_clean(at)
    [bar] = [p for p in at.get("progress")]
    assert bar.proto.value == 100 and bar.proto.text == "Exporting…"
    assert "Download every CSV file (zip)" in [b.label for b in at.download_button]


# The corpus of bad files (tests/hostile/), the 50 MB file and the automatic backups: a refused file
# shows its message in an error box, never a traceback; nothing is written unless asked.

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


def upload_with_rate(at: AppTest, name: str, data: bytes) -> AppTest:
    """Put a statement into the uploader and run the page; give the USD rate when it is asked."""
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    if [t for t in at.text_input if t.key == "import_rate_USD"]:
        at.text_input(key="import_rate_USD").input("120").run()
    return at


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_each_file_of_the_corpus_is_shown_or_refused_with_its_message(db_url: str, case: Case) -> None:
    at = upload_with_rate(data_page(db_url), case.file, case.data)
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
    at = upload_with_rate(data_page(db_url), "upwork_50mb.csv", big)
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
                                                                     data_dir: Path) -> None:
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
