"""Backup and restore: a zip of one CSV per table with a manifest; restore checks before it writes."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session, SQLModel, select

from tracker.db.contents import is_empty
from tracker.db.engine import head_revision, open_session
from tracker.io.backup import NULL, NotEmpty, backup_bytes, decode, encode, restore_backup
from tracker.io.tables_csv import export_files
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.payments import PaymentInput, create_payment


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep automatic backups in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


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
