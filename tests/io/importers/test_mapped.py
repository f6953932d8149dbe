"""The mapped import (tracker/io/importers/mapped.py): Fiverr's earnings file, 40.00 + 64.00 + 5.00 = 109.00
USD at 120 → ৳13,080.00; the −100.00 withdrawal is a transfer; mappings are saved and used again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.io.importer import import_rows
from tracker.io.importers.mapped import load_mapping, make_mapping, save_mapping, saved_mappings
from tracker.io.plan import ImportOptions, plan_import
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment
from tracker.reports.month import month_summary

DATA = Path(__file__).parents[2] / "data"
USD = (("USD", "120"),)
pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


def fiverr() -> ImportOptions:
    """Return the options of the Fiverr mapping used in these tests."""
    return ImportOptions(format="mapped", rates=USD, mapping=make_mapping(
        "Fiverr", {"date": "Date", "amount": "Amount", "description": "Description", "client": "Buyer",
                   "reference": "Order"}, platform="Fiverr"))


def test_mapped_import(session: Session) -> None:
    plan = plan_import(session, (DATA / "fiverr_earnings.csv").read_bytes(), fiverr())
    assert (plan.added_rows, len(plan.transfers), plan.refused) == (3, 1, [])
    result = import_rows(session=session, plan=plan)
    assert result.summary() == "imported 3, duplicates 0, refused 0"
    assert month_summary(session, "2026-08").net_minor == 1308000
    assert {(p.source, p.platform) for p in session.exec(select(Payment))} == {("fiverr", "Fiverr")}
    again = import_rows(session=session, plan=plan_import(
        session, (DATA / "fiverr_earnings.csv").read_bytes(), fiverr()))
    assert again.summary() == "imported 0, duplicates 3, refused 0"


def test_mapping_is_saved_and_used_again(data_dir: Path) -> None:
    mapping = fiverr().mapping
    assert mapping is not None
    path = save_mapping(mapping)
    assert path.parent == data_dir / "mappings"
    assert saved_mappings() == ["Fiverr"] and load_mapping("fiverr") == mapping
    with pytest.raises(InvalidInput, match="no saved mapping called"):
        load_mapping("Freelancer")
    with pytest.raises(InvalidInput, match="which column holds the amount"):
        make_mapping("x", {"date": "Date"})


def test_a_mapped_file_without_references_is_still_imported_once(session: Session) -> None:
    data = b"When,Paid\n2026-08-01,10.00\n2026-08-01,10.00\n2026-08-02,5.00\n"
    options = ImportOptions(format="mapped", rates=USD, mapping=make_mapping(
        "Direct", {"date": "When", "amount": "Paid"}))
    assert import_rows(session=session, plan=plan_import(session, data, options)).imported == 3
    assert import_rows(session=session, plan=plan_import(session, data, options)).duplicates == 3
