"""The app's own CSV export re-imports exactly: export → import into an empty database → export gives
the same files (database ids and creation times aside: a backup keeps those), and importing the
export again into the database it came from adds nothing.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlmodel import Session

from tracker.db.engine import open_session
from tracker.io.export import payments_csv
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import table_csv
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

DATA = Path(__file__).parents[2] / "data"


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


def fill(session: Session) -> None:
    """Store payments of every kind, expenses, a gig with a skill, and an Upwork statement."""
    acme = create_client(session=session, data=ClientInput(name="রহিম ট্রেডার্স", platform="Fiverr"))
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    gig = create_gig(session=session, data=GigInput(title="=Logo set", client_id=acme.id,
                                                    skill_id=skill.id, platform="Fiverr", status="paid"))
    payments = [
        PaymentInput(paid_on="2026-08-03", gross="250.00", platform_fee="25", rate="122.50", gig_id=gig.id,
                     note='=HYPERLINK("x")'),
        PaymentInput(paid_on="2026-08-03", gross="250.00", platform_fee="25", rate="122.50", gig_id=gig.id,
                     note='=HYPERLINK("x")'),
        PaymentInput(paid_on="2026-08-05", gross="15,000", currency="BDT", note="-cash, in hand"),
        PaymentInput(paid_on="2026-08-06", gross="99.99", transfer_fee="1.50", received_home="12,000"),
        PaymentInput(paid_on="2026-08-07", gross="10.00", platform_fee="1.00", rate="121.3333", kind="refund",
                     client_id=acme.id),
        PaymentInput(paid_on="2026-08-08", gross="40.00", rate="121", status="pending",
                     external_ref="'@ref-7", source="fiverr"),
    ]
    for data in payments:
        create_payment(session=session, data=data)
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-04", amount="1,000",
                                                      category="internet", note="\ttab first"))
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-09", amount="12.00", currency="USD",
                                                      rate="121.50", category="connects"))
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_old.csv").read_bytes(),
                                                  ImportOptions(rates=(("USD", "120"),))))


def without(data: bytes, *columns: str) -> list[dict[str, str]]:
    """Return a CSV's rows without some columns."""
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    return [{k: v for k, v in row.items() if k not in columns} for row in rows]


def exported(session: Session) -> tuple[bytes, bytes]:
    """Return the payments file and the expense table file."""
    return payments_csv(session), table_csv(session, "expense")


def test_export_import_export_is_exact(session: Session, tmp_path: Path) -> None:
    fill(session)
    payments, expenses = exported(session)
    with open_session(f"sqlite:///{tmp_path / 'other.db'}") as other:
        for data in (payments, expenses):
            plan = plan_import(other, data, ImportOptions())
            assert (plan.format, plan.refused, plan.missing_rates) == ("tracker", [], [])
            assert import_rows(session=other, plan=plan).refused == 0
        again_payments, again_expenses = exported(other)
    assert without(again_payments, "id") == without(payments, "id")
    assert without(again_expenses, "id", "created_at") == without(expenses, "id", "created_at")
    assert len(without(payments)) == 11 and len(without(expenses)) == 6


def test_reimporting_the_export_adds_nothing(session: Session) -> None:
    fill(session)
    payments, expenses = exported(session)
    for data, count in ((payments, 11), (expenses, 6)):
        result = import_rows(session=session, plan=plan_import(session, data, ImportOptions()))
        assert result.summary() == f"imported 0, duplicates {count}, refused 0"
    assert exported(session) == (payments, expenses)


def test_a_file_from_another_home_currency_is_refused(session: Session) -> None:
    fill(session)
    payments = payments_csv(session).decode("utf-8-sig").replace(",BDT,", ",INR,")
    plan = plan_import(session, payments.encode(), ImportOptions())
    assert len(plan.refused) == 11
    assert "counts in INR; this one counts in BDT" in plan.refused[0].text()
