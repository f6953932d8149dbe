"""The whole export: one CSV per table (from the models, so new columns appear by themselves), the
flat payments file with client, gig, skill and platform, and the monthly summary.

The monthly summary is checked against upwork_old.csv at 120 taka (see test_import_upwork): July
৳32,400.00 net; August gross ৳1,68,000.00, fees ৳16,800.00, expenses ৳4,438.80, net ৳1,46,761.20,
146.76% of the ৳1,00,000 goal.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, SQLModel

from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import export_files, monthly_summary_frame, table_csv, write_export
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

DATA = Path(__file__).parent / "data"


def rows_of(data: bytes) -> list[dict[str, str]]:
    """Return a CSV's rows, checking the byte-order mark is there."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def upwork(session: Session) -> None:
    """Import the older Upwork sample at 120 taka a dollar."""
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_old.csv").read_bytes(),
                                                  ImportOptions(rates=(("USD", "120"),))))


def test_one_file_per_table_and_the_two_flat_files(session: Session) -> None:
    files = export_files(session)
    assert set(files) == {f"{t}.csv" for t in SQLModel.metadata.tables} | {"payments_detailed.csv",
                                                                             "monthly_summary.csv"}
    header = files["client.csv"].decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [c.name for c in SQLModel.metadata.tables["client"].columns]


def test_monthly_summary(session: Session) -> None:
    upwork(session)
    rows = rows_of(export_files(session)["monthly_summary.csv"])
    assert [(r["month"], r["net"]) for r in rows] == [("2026-07", "32400.00"), ("2026-08", "146761.20")]
    august = rows[1]
    assert (august["gross"], august["fees"], august["expenses"], august["pending"]) == (
        "168000.00", "16800.00", "4438.80", "0.00")
    assert (august["currency"], august["goal"], august["progress_percent"]) == ("BDT", "100000.00", "146.76")


def test_date_range_limits_dated_tables(session: Session) -> None:
    upwork(session)
    files = export_files(session, date(2026, 8, 1), date(2026, 8, 31))
    assert {r["date"][:7] for r in rows_of(files["payments_detailed.csv"])} == {"2026-08"}
    assert [r["month"] for r in rows_of(files["monthly_summary.csv"])] == ["2026-08"]
    assert len(rows_of(files["payment.csv"])) == 4
    assert len(rows_of(files["client.csv"])) == 2  # tables without a date are whole
    assert monthly_summary_frame(session, date(2030, 1, 1)).empty


def test_money_is_exact_decimals_with_currency_and_numbers_stay_numbers(session: Session) -> None:
    upwork(session)
    payments = {r["external_ref"]: r for r in rows_of(table_csv(session, "payment"))}
    refund = payments["701200003"]
    assert (refund["gross"], refund["platform_fee"], refund["currency"]) == ("-50.00", "-5.00", "USD")
    assert (refund["net_home"], refund["home_currency"]) == ("-5400.00", "BDT")
    assert refund["paid_on"] == "2026-08-20"
    assert "gross_minor" not in refund


def test_text_that_looks_like_a_formula_is_made_harmless(session: Session) -> None:
    skill = create_skill(session=session, data=SkillInput(name="@Logos", category="+design"))
    client = create_client(session=session, data=ClientInput(name="=cmd|' /C calc'!A0", notes="-2+3"))
    gig = create_gig(session=session, data=GigInput(title="\tTabbed", client_id=client.id, skill_id=skill.id))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="5", rate="120",
                                                      gig_id=gig.id, note="+1 555"))
    [client_row] = rows_of(table_csv(session, "client"))
    assert (client_row["name"], client_row["notes"]) == ("'=cmd|' /C calc'!A0", "'-2+3")
    [skill_row] = rows_of(table_csv(session, "skill"))
    assert (skill_row["name"], skill_row["category"]) == ("'@Logos", "'+design")
    [payment] = rows_of(export_files(session)["payments_detailed.csv"])
    assert (payment["client"], payment["skill"]) == ("'=cmd|' /C calc'!A0", "'@Logos")
    assert payment["note"] == "'+1 555"
    assert payment["gig"] == "Tabbed"  # the service strips surrounding white space


def test_detailed_payments_name_client_gig_skill_and_platform(session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="রহিম ট্রেডার্স", platform="Fiverr"))
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    gig = create_gig(session=session, data=GigInput(title="Logo", client_id=client.id, skill_id=skill.id,
                                                    platform="Fiverr"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250.00",
                                                      platform_fee="25", rate="122.50", gig_id=gig.id))
    [row] = rows_of(export_files(session)["payments_detailed.csv"])
    assert (row["client"], row["gig"], row["skill"], row["platform"]) == ("রহিম ট্রেডার্স", "Logo",
                                                                          "Logo design", "Fiverr")
    assert (row["gross"], row["net_home"]) == ("250.00", "27562.50")


def test_write_export_into_a_folder(session: Session, tmp_path: Path) -> None:
    paths = write_export(session, tmp_path / "out")
    assert {p.name for p in paths} == set(export_files(session))
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in paths)


@pytest.mark.parametrize("table", ["goal", "setting", "checklist_item"])
def test_tables_without_money_in_a_currency_export(session: Session, table: str) -> None:
    assert table_csv(session, table).startswith(b"\xef\xbb\xbf")
