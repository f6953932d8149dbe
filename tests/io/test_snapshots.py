"""Every exported file and every backup table file, byte for byte, of a small known database.

The files in tests/io/snapshots/ were written by the export as it was before the CSV writers became
one (issue 15): a difference here is a change of what people download. After a deliberate change,
write them again with `UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/io/test_snapshots.py`.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import DateTime, text
from sqlmodel import Session

from tests.databases import sqlite_only
from tracker.io.backup import backup_bytes
from tracker.io.tables_csv import export_files
from tracker.ledger.models import tables_in_order
from tracker.services import skills
from tracker.services.checklist import set_checklist_item
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting

SNAPSHOTS = Path(__file__).parent / "snapshots"
CURRENCIES = ["USD", "BDT", "JPY", "KWD", "EUR"]
TEXTS = ["plain", "Comma, Ltd", 'Say "hi"', "two\nlines", "carriage\rreturn", "=SUM(A1)", "+1", "-minus",
         "@at", "\ttab", "'=quoted", "''+twice", "নদী ডিজাইন", "", "x\r\ny", "old\rMac\rnote", "\\back"]
TIMES = ["2026-08-01 10:00:00.000000", "2026-08-02 11:30:15.250000"]


def fill(session: Session) -> None:
    """Put a little of everything into the database: odd texts, five currencies, fixed days and times."""
    skill = skills.create_skill(session=session, data=skills.SkillInput(name='=Skill, "x"', category="-cat"))
    skills.log_learning(session=session, data=skills.LearningInput(
        skill_id=skill.id, learned_on="2026-07-30", minutes="45", note="@home"))
    skills.add_review(session=session, data=skills.ReviewInput(
        skill_id=skill.id, reviewed_on="2026-08-20", reviewer="Rina, mentor", verdict="ready",
        notes="+ good"))
    set_goal(session=session, target="100000", valid_from="2026-08")
    set_checklist_item(session=session, key="computer", done=True, note="=laptop", today=date(2026, 7, 1))
    set_setting(session=session, key="backups_to_keep", value="5")
    for number, name in enumerate(TEXTS):
        client = create_client(session=session, data=ClientInput(
            name=f"{name} {number}" if name else f"client {number}", notes=name, archived=number % 2 == 0))
        gig = create_gig(session=session, data=GigInput(title=name or "untitled", client_id=client.id,
                                                        skill_id=skill.id, price="10", currency="JPY"))
        currency = CURRENCIES[number % len(CURRENCIES)]
        create_payment(session=session, data=PaymentInput(
            paid_on=date(2026, 7 + number % 3, 1 + number), gross="12.345" if currency == "KWD" else "1500",
            currency=currency, rate=None if currency == "BDT" else "121.1234567891", gig_id=gig.id,
            kind="refund" if number % 3 == 0 else "payment", note=name, external_ref=name or None,
            source=name[:20] or "manual", status="pending" if number % 4 == 1 else "cleared"))
        create_expense(session=session, data=ExpenseInput(
            spent_on=date(2026, 8, 1 + number), amount="7.5" if currency != "JPY" else "7", currency=currency,
            rate=None if currency == "BDT" else "130.5", note=name, category="connects"))
    for table in tables_in_order():
        for column in table.columns:
            if isinstance(getattr(column.type, "impl", column.type), DateTime):
                session.execute(text(f"UPDATE {table.name} SET {column.name} = CASE WHEN id % 2 = 0 THEN "
                                     f"'{TIMES[0]}' ELSE '{TIMES[1]}' END WHERE {column.name} IS NOT NULL"))
    session.commit()


@pytest.fixture
def known(session: Session) -> Session:
    """The small known database."""
    fill(session)
    return session


def backup_files(session: Session) -> dict[str, bytes]:
    """Return the table files of a backup zip by name (the manifest holds the time: left out)."""
    with zipfile.ZipFile(io.BytesIO(backup_bytes(session))) as archive:
        return {f"backup-{n}": archive.read(n) for n in archive.namelist() if n.endswith(".csv")}


def written(session: Session) -> dict[str, bytes]:
    """Return every file the snapshots hold: the export, the export of August, the backup's tables."""
    files = {f"all-{name}": data for name, data in export_files(session).items()}
    files |= {f"august-{name}": data for name, data in
              export_files(session, date(2026, 8, 1), date(2026, 8, 31)).items()}
    return files | backup_files(session)


@sqlite_only  # the fixed times are written as SQL text, which a PostgreSQL timestamp column refuses
def test_every_file_is_byte_for_byte_the_snapshot(known: Session) -> None:
    files = written(known)
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        for old in SNAPSHOTS.glob("*.csv"):
            old.unlink()
        for name, data in files.items():
            (SNAPSHOTS / name).write_bytes(data)
    assert sorted(files) == sorted(p.name for p in SNAPSHOTS.glob("*.csv"))
    for name, data in files.items():
        assert data == (SNAPSHOTS / name).read_bytes(), name
