"""`python -m tracker migrate` sets up the database given by --db or TRACKER_DB_URL."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy.engine import make_url

from tests.databases import new_database
from tracker.cli.main import main
from tracker.db.engine import current_revision, forget_engines, head_revision, make_engine, open_session
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.payments import PaymentInput, create_payment


def test_migrate_with_db_option(tmp_path) -> None:
    url = new_database(tmp_path, "cli.db")
    result = CliRunner().invoke(main, ["--db", url, "migrate"])
    assert result.exit_code == 0, result.output
    assert current_revision(make_engine(url)) == head_revision()


def test_migrate_with_environment_variable(tmp_path) -> None:
    url = new_database(tmp_path, "env.db")
    result = CliRunner().invoke(main, ["migrate"], env={"TRACKER_DB_URL": url})
    assert result.exit_code == 0, result.output
    assert make_url(url).database in result.output  # the database it migrated, named


def seeded_db(tmp_path) -> str:
    """Return a database with six months of rising income and one pending payment."""
    url = new_database(tmp_path, "report.db")
    with open_session(url) as s:
        for i, taka in enumerate([20000, 30000, 40000, 50000, 60000, 70000]):
            create_payment(session=s, data=PaymentInput(paid_on=f"2026-{5 + i:02d}-10",
                                                        gross=str(taka), currency="BDT"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-03", gross="250.00", platform_fee="25.00", rate="122.50", currency="USD"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-05", gross="40.00", rate="122.50", status="pending"))
        create_payment(session=s, data=PaymentInput(
            paid_on="2026-11-06", gross="10.00", rate="122.50", kind="refund"))
        create_expense(session=s, data=ExpenseInput(spent_on="2026-11-02", amount="1,200",
                                                    category="internet"))
    forget_engines()
    return url


def test_report_json_contract(tmp_path) -> None:
    """Nov 2026: 30,625 − 1,225 refund gross; 3,062.50 fees; 1,200 expenses; 4,900 pending."""
    url = seeded_db(tmp_path)
    result = CliRunner().invoke(main, ["--db", url, "report", "--month", "2026-11", "--json",
                                       "--as-of", "2026-11-21"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures == {
        "month": "2026-11", "currency": "BDT", "goal": "100000.00", "gross": "29400.00",
        "fees": "3062.50", "expenses": "1200.00", "net": "25137.50", "pending": "4900.00",
        "progress": 0.251375, "goal_reached_month": "2027-01", "outlook": "on track",
    }


def test_report_uses_the_environment_and_prints_a_table(tmp_path) -> None:
    url = seeded_db(tmp_path)
    result = CliRunner().invoke(main, ["report", "--month", "2026-10", "--as-of", "2026-11-21"],
                                env={"TRACKER_DB_URL": url})
    assert result.exit_code == 0, result.output
    assert "Net                 ৳70,000.00" in result.output
    assert "Progress            70.00%" in result.output
    assert "Goal reached        2027-01" in result.output


def test_report_on_an_empty_database(tmp_path) -> None:
    url = new_database(tmp_path, "empty.db")
    result = CliRunner().invoke(main, ["--db", url, "report", "--json", "--month", "2026-11"])
    figures = json.loads(result.output)
    assert (figures["net"], figures["progress"], figures["goal_reached_month"]) == ("0.00", 0, None)
    assert figures["outlook"] == "need more data"


def test_report_refuses_a_month_that_does_not_exist(tmp_path) -> None:
    result = CliRunner().invoke(main, ["--db", new_database(tmp_path, "x.db"), "report",
                                       "--month", "2026-13"])
    assert result.exit_code == 2
    assert "is not a month" in result.output
