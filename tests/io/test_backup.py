"""Backup and restore: a zip of one CSV per table with a manifest; restore checks before it writes."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, SQLModel, select

from tests.strategies import fresh_database, stored
from tracker.db.contents import is_empty
from tracker.db.engine import head_revision, open_session
from tracker.io.backup import NULL, NotEmpty, backup_bytes, decode, encode, restore_backup
from tracker.io.tables_csv import export_files
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.payments import PaymentInput, create_payment

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


@pytest.fixture
def filled(session: Session) -> Session:
    """Store records whose text is hard to keep exact: newlines, backslashes, Bengali, \\N, NULLs."""
    client = create_client(session=session, data=ClientInput(name="নদী ডিজাইন", notes="line 1\r\nline 2"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250.00", rate="122.50",
                                                      platform_fee="10%", client_id=client.id,
                                                      note="\\N is not null, \\\\ neither"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-04", gross="1,000", currency="BDT",
                                                      note='"quoted", =formula'))
    return session


def other_db(tmp_path: Path, name: str = "restored.db") -> Session:
    """Return a session on another, empty database."""
    return open_session(f"sqlite:///{tmp_path / name}")


def test_backup_restored_into_an_empty_database_gives_byte_identical_exports(filled: Session,
                                                                              tmp_path: Path) -> None:
    data = backup_bytes(filled)
    with other_db(tmp_path) as target:
        assert is_empty(target)
        result = restore_backup(session=target, data=data)
        assert (result.counts["payment"], result.counts["client"], result.saved_to) == (2, 1, None)
        assert export_files(target) == export_files(filled)
        [payment] = target.exec(select(Payment).where(Payment.currency == "USD")).all()
        assert (payment.id, payment.note, payment.external_ref) == (1, "\\N is not null, \\\\ neither", None)


def test_the_manifest_lists_every_table_and_column(filled: Session) -> None:
    archive = zipfile.ZipFile(io.BytesIO(backup_bytes(filled)))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["app"] == "freelance-tracker" and manifest["schema_revision"] == head_revision()
    tables = SQLModel.metadata.tables
    assert set(manifest["tables"]) == set(tables)
    for name, entry in manifest["tables"].items():
        assert entry["columns"] == [c.name for c in tables[name].columns]
        assert len(entry["sha256"]) == 64
    assert manifest["tables"]["payment"]["rows"] == 2


def test_restore_into_a_database_with_data_needs_replace_and_saves_what_was_there(
        filled: Session, tmp_path: Path, data_dir: Path) -> None:
    data = backup_bytes(filled)
    with other_db(tmp_path) as target:
        create_client(session=target, data=ClientInput(name="Only here"))
        with pytest.raises(NotEmpty):
            restore_backup(session=target, data=data)
        assert [c.name for c in target.exec(select(Client))] == ["Only here"]
        result = restore_backup(session=target, data=data, replace=True)
        assert result.saved_to is not None and result.saved_to.parent == data_dir / "backups"
        assert [c.name for c in target.exec(select(Client))] == ["নদী ডিজাইন"]
    with other_db(tmp_path, "from_auto.db") as again:
        restore_backup(session=again, data=result.saved_to.read_bytes())
        assert [c.name for c in again.exec(select(Client))] == ["Only here"]


def rewritten(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """Return the zip with some members replaced (None: left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name in change:
                if change[name] is not None:
                    target.writestr(name, change[name])  # type: ignore[arg-type]
            else:
                target.writestr(name, source.read(name))
    return out.getvalue()


def manifest_with(data: bytes, **fields: object) -> bytes:
    """Return the manifest of a backup with some fields changed."""
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))
    return json.dumps({**manifest, **fields}).encode()


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: b"not a zip at all", "it is not a zip file"),
    (lambda d: rewritten(d, {"manifest.json": None}), "not a backup made by this app"),
    (lambda d: rewritten(d, {"manifest.json": b"{oops"}), "not a backup made by this app"),
    (lambda d: rewritten(d, {"manifest.json": manifest_with(d, app="other")}),
     "not a backup made by this app"),
    (lambda d: rewritten(d, {"manifest.json": manifest_with(d, schema_revision="0001")}),
     "from database version 0001"),
    (lambda d: rewritten(d, {"payment.csv": None}), "payment.csv is missing"),
    (lambda d: rewritten(d, {"payment.csv": b"id\n1\n"}), "payment.csv does not match its checksum"),
])
def test_damaged_or_foreign_files_are_refused_and_change_nothing(filled: Session, tmp_path: Path,
                                                                 damage, message: str) -> None:  # noqa: ANN001
    data = damage(backup_bytes(filled))
    with other_db(tmp_path) as target:
        create_client(session=target, data=ClientInput(name="Kept"))
        with pytest.raises(InvalidInput, match=message):
            restore_backup(session=target, data=data, replace=True)
        assert [c.name for c in target.exec(select(Client))] == ["Kept"]


def test_a_bad_value_with_a_matching_checksum_is_refused(filled: Session, tmp_path: Path) -> None:
    import hashlib
    data = backup_bytes(filled)
    bad = zipfile.ZipFile(io.BytesIO(data)).read("client.csv").replace(b",false,", b",maybe,", 1)
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))
    manifest["tables"]["client"]["sha256"] = hashlib.sha256(bad).hexdigest()
    data = rewritten(data, {"client.csv": bad, "manifest.json": json.dumps(manifest).encode()})
    with other_db(tmp_path) as target, pytest.raises(InvalidInput, match="client.csv cannot be read"):
        restore_backup(session=target, data=data)


@pytest.mark.parametrize("value", [None, "", "\\N", "\\", "a\\b", "true", 0, 5, True, False])
def test_cell_encoding_round_trips(value: object) -> None:
    from sqlalchemy import Boolean, Column, Integer, String
    kind = Boolean() if isinstance(value, bool) else Integer() if isinstance(value, int) else String()
    assert decode(encode(value), Column("x", kind)) == value
    assert (encode(None), encode("\\N")) == (NULL, "\\\\N")


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


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_text)  # 30 examples: each writes every file twice and restores a backup (a second each)
def test_any_text_is_exported_read_back_and_restored_exactly(migrated_template: Path, folder: Path,
                                                            text: str) -> None:
    """Any text (CRs, LFs, quotes, formula starts) in every text column: every exported file reads back
    with the csv module to one row of harmless text, and a backup restores every row exactly."""
    from tests.io.helpers import one_row_everywhere
    from tracker.io.backup import backup_bytes, restore_backup
    from tracker.io.csv import unharmless
    from tracker.io.tables_csv import export_files
    from tracker.ledger.models import tables_in_order

    event("has a CR" if "\r" in text else "no CR")
    with fresh_database(migrated_template, folder) as session:
        one_row_everywhere(session, text)
        files = export_files(session)
        for name, data in files.items():
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert len(rows) == 2 and len(rows[1]) == len(rows[0]), name
        detailed = dict(zip(*csv.reader(io.StringIO(files["payments_detailed.csv"].decode("utf-8-sig"),
                                                    newline="")), strict=True))
        assert [unharmless(detailed[c]) for c in ("client", "note")] == [text, text]
        data = backup_bytes(session)
        before = {t.name: session.execute(select(t)).all() for t in tables_in_order()}
        (folder / "restored").mkdir(exist_ok=True)
        with fresh_database(migrated_template, folder / "restored") as target:
            restore_backup(session=target, data=data)
            assert {t.name: target.execute(select(t)).all() for t in tables_in_order()} == before


def test_a_backup_whose_file_unpacks_to_too_much_is_refused(session: Session,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.io import backup

    data = backup.backup_bytes(session)
    monkeypatch.setattr(backup, "MAX_MEMBER_BYTES", 100)  # a zip bomb, made small
    with pytest.raises(InvalidInput, match="is larger than any backup of this app"):
        backup.restore_backup(session=session, data=data)
