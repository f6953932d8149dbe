"""Backups (tracker/io/backup.py): a damaged backup restores nothing and any text is exported, read back
and restored exactly (property-based, Hypothesis); a file that unpacks to too much is refused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from tests.strategies import fresh_database, stored
from tracker.ledger.errors import InvalidInput


@pytest.fixture(scope="module")
def backup(migrated_template: Path, folder: Path) -> bytes:
    """Return the backup zip of a database with a client, a gig and payments with awkward text."""
    from tracker.io.backup import backup_bytes
    from tracker.services.clients import ClientInput, create_client
    from tracker.services.payments import PaymentInput, create_payment

    with fresh_database(migrated_template, folder) as session:
        client = create_client(session=session, data=ClientInput(name="নদী ডিজাইন", notes="a\r\nb, \"c\""))
        for note in ("\\N", "=1+1", "<script>"):
            create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250", rate="122.5",
                                                              client_id=client.id, note=note))
        return backup_bytes(session)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)), min_size=1,
                      max_size=4),
       cut=st.one_of(st.none(), st.floats(0, 1)), junk=st.binary(max_size=300))
def test_a_damaged_backup_is_refused_and_restores_nothing(
        migrated_template: Path, folder: Path, backup: bytes, flips: list[tuple[float, int]],
        cut: float | None, junk: bytes) -> None:
    from tracker.io.backup import restore_backup

    damaged = bytearray(backup)
    for where, bit in flips:
        damaged[int(where * len(damaged))] ^= 1 << bit
    data = bytes(damaged[:int(cut * len(damaged))] if cut is not None else damaged)
    for candidate in (data, junk):
        with fresh_database(migrated_template, folder) as session:
            try:
                result = restore_backup(session=session, data=candidate)
            except InvalidInput as err:
                assert str(err) and stored(session) == (0, 0, 0, 0, 0)
                event("refused")
                continue
            event("restored (the damage hit nothing that matters)")
            assert result.counts["payment"] == 3 and stored(session)[0] == 3


# Any text, exported and backed up ------------------------------------------------------------------

any_text = st.one_of(st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
                             max_size=30),
                     st.text(alphabet="a\r\n,\"' =+-@\t\\", max_size=12))


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_text)  # 30 examples: each writes every file twice and restores a backup (a second each)
def test_any_text_is_exported_read_back_and_restored_exactly(migrated_template: Path, folder: Path,
                                                            text: str) -> None:
    """Any text (CRs, LFs, quotes, formula starts) in every text column: every exported file reads back
    with the csv module to one row of harmless text, SQLite and Python write the same bytes, and a
    backup restores every row exactly."""
    from tests.io.exports import python_files, sqlite_files
    from tests.test_export_tables import one_row_everywhere
    from tracker.io.backup import backup_bytes, restore_backup
    from tracker.io.text import unharmless
    from tracker.ledger.models import tables_in_order

    event("has a CR" if "\r" in text else "no CR")
    with fresh_database(migrated_template, folder) as session:
        one_row_everywhere(session, text)
        files = python_files(session)
        assert sqlite_files(session) == files
        for name, data in files.items():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert len(rows) == 2 and len(rows[1]) == len(rows[0]), name
        detailed = dict(zip(*csv.reader(io.StringIO(files["payments_detailed"].decode("utf-8-sig"),
                                                    newline="")), strict=True))
        assert [unharmless(detailed[c]) for c in ("client", "note")] == [text, text]
        data = backup_bytes(session)
        before = {t.name: session.execute(select(t)).all() for t in tables_in_order()}
        (folder / "restored").mkdir(exist_ok=True)
        with fresh_database(migrated_template, folder / "restored") as target:
            restore_backup(session=target, data=data)
            assert {t.name: target.execute(select(t)).all() for t in tables_in_order()} == before


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
def test_a_backup_whose_file_unpacks_to_too_much_is_refused(session: Session,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.io import backup

    data = backup.backup_bytes(session)
    monkeypatch.setattr(backup, "MAX_MEMBER_BYTES", 100)  # a zip bomb, made small
    with pytest.raises(InvalidInput, match="is larger than any backup of this app"):
        backup.restore_backup(session=session, data=data)
