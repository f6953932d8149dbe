"""The whole export: one CSV per table (from the models, so new columns appear by themselves), the
flat payments file with client, gig, skill and platform, and the monthly summary.

The monthly summary is checked against upwork_old.csv at 120 taka (see test_import_upwork): July
৳32,400.00 net; August gross ৳1,68,000.00, fees ৳16,800.00, expenses ৳4,438.80, net ৳1,46,761.20,
146.76% of the ৳1,00,000 goal.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import String
from sqlalchemy import text as sql_text
from sqlmodel import Session, SQLModel

from tests.databases import sqlite_only
from tests.io.helpers import OWN_WORDS, one_row_everywhere, rows_of
from tracker.io.csv import harmless
from tracker.io.export import monthly_summary_csv, payments_csv
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.io.tables_csv import export_files, export_zip, table_csv, write_export
from tracker.ledger.models import Client, tables_in_order
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

DATA = Path(__file__).parent.parent / "data"


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
    assert rows_of(monthly_summary_csv(session, date(2030, 1, 1))) == []


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


RISKY_TEXTS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=quoted", "''+twice", "'plain", "a,b",
               'say "hi"', "two\nlines", "=a,\"b\"", "নদী", "", "plain", "9 to 5", ":-)", "?x", "<b>", "~x",
               "a\rb", "\r", "x\r\ny", "at end\r", "'\r", "=a\rb"]


@pytest.mark.parametrize("text", RISKY_TEXTS)
def test_every_text_column_of_every_file_is_harmless_and_numbers_stay_numbers(session: Session,
                                                                              text: str) -> None:
    one_row_everywhere(session, text)
    files = export_files(session)
    for table in tables_in_order():
        [row] = rows_of(files[f"{table.name}.csv"])
        for column in table.columns:
            kind = getattr(column.type, "impl", column.type)
            cell = row[column.name.removesuffix("_minor")]
            if column.name.endswith("_minor"):
                assert cell == "-123.45", (table.name, column.name)
            elif isinstance(kind, String) and column.name not in OWN_WORDS:
                assert cell == harmless(text), (table.name, column.name)
        assert set(row.get("home_currency", "BDT").split()) == {"BDT"}
    [detailed] = rows_of(files["payments_detailed.csv"])
    for name in ("client", "gig", "skill", "source", "external_ref", "note"):
        assert detailed[name] == harmless(text), name
    assert (detailed["gross"], detailed["net_home"], detailed["id"]) == ("-123.45", "-123.45", "1")


def test_every_first_character_is_judged_as_harmless_judges_it(session: Session) -> None:
    """The column check (only texts starting with a formula character or a quote are looked at) misses
    no formula."""
    firsts = [chr(c) for c in range(1, 128)] + ["ঢ", "é", "'", "''", "'''-"]
    client = create_client(session=session, data=ClientInput(name="Acme"))
    for number, first in enumerate(firsts):
        session.execute(Client.__table__.insert().values(
            id=client.id + 1 + number, name=f"{first}x", platform="", country="", payment_verified=False,
            asks_upfront=False, notes=first, archived=False, created_at=datetime(2026, 8, 3, tzinfo=UTC)))
    session.commit()
    assert [r["notes"] for r in rows_of(table_csv(session, "client"))][1:] == [harmless(f) for f in firsts]


def test_detailed_payments_are_in_date_order_then_id_order_with_every_name(session: Session) -> None:
    """Entered out of date order, some without client, gig or skill: the file is by date, then id."""
    skill = create_skill(session=session, data=SkillInput(name="Logo, design", category="graphic design"))
    client = create_client(session=session, data=ClientInput(name='Say "hi" Ltd'))
    with_skill = create_gig(session=session, data=GigInput(title="=Logo", client_id=client.id,
                                                           skill_id=skill.id))
    without_skill = create_gig(session=session, data=GigInput(title="Site", client_id=client.id))
    for day, gig_id, client_id in [("2026-08-05", with_skill.id, None), ("2026-08-03", None, client.id),
                                   ("2026-08-05", without_skill.id, None), ("2026-07-30", None, None),
                                   ("2026-08-03", with_skill.id, None)]:
        create_payment(session=session, data=PaymentInput(paid_on=day, gross="10", rate="120", gig_id=gig_id,
                                                          client_id=client_id))
    rows = rows_of(payments_csv(session))
    assert [(r["date"], r["id"]) for r in rows] == [("2026-07-30", "4"), ("2026-08-03", "2"),
                                                   ("2026-08-03", "5"), ("2026-08-05", "1"),
                                                   ("2026-08-05", "3")]
    assert [(r["client"], r["gig"], r["skill"]) for r in rows] == [
        ("", "", ""), ('Say "hi" Ltd', "", ""), ('Say "hi" Ltd', "'=Logo", "Logo, design"),
        ('Say "hi" Ltd', "'=Logo", "Logo, design"), ('Say "hi" Ltd', "Site", "")]
    assert [r["date"] for r in rows_of(payments_csv(session, date(2026, 8, 3), date(2026, 8, 3)))] == [
        "2026-08-03", "2026-08-03"]


def test_a_known_export_gives_exactly_these_bytes(session: Session) -> None:
    """A small export, byte for byte: BOM, CR LF line ends, quoting (a lone CR too), harmless text, exact
    amounts, ISO dates and times."""
    client = create_client(session=session, data=ClientInput(name="নদী, ডিজাইন", notes="=2+2"))
    create_payment(session=session, data=PaymentInput(
        paid_on="2026-08-03", gross="250.00", currency="USD", platform_fee="25", rate="122.50",
        client_id=client.id, note='+1 "x"\nnext', external_ref="-7"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-01", gross="1,000", currency="BDT",
                                                      kind="refund", source="manual", note="old\rMac"))
    session.execute(sql_text("UPDATE payment SET created_at = '2026-08-03 10:00:00.000000' WHERE id = 1"))
    session.execute(sql_text("UPDATE payment SET created_at = '2026-08-03 10:00:00.250000' WHERE id = 2"))
    session.commit()
    files = export_files(session)
    assert files["payment.csv"] == (
        "\ufeffid,paid_on,month,kind,client_id,gig_id,platform,currency,gross,platform_fee,transfer_fee,rate,"
        "gross_home,fees_home,net_home,status,source,external_ref,note,created_at,home_currency\r\n"
        "1,2026-08-03,2026-08,payment,1,,direct,USD,250.00,25.00,0.00,122.5,30625.00,3062.50,27562.50,cleared,"
        "manual,'-7,\"'+1 \"\"x\"\"\nnext\",2026-08-03T10:00:00+00:00,BDT\r\n"
        "2,2026-08-01,2026-08,refund,,,,BDT,-1000.00,0.00,0.00,1,-1000.00,0.00,-1000.00,cleared,manual,,"
        "\"old\rMac\",2026-08-03T10:00:00.250000+00:00,BDT\r\n").encode()
    assert files["payments_detailed.csv"] == (
        "\ufeffid,date,kind,status,client,gig,skill,platform,currency,gross,platform_fee,transfer_fee,rate,"
        "home_currency,gross_home,fees_home,net_home,source,external_ref,note\r\n"
        "2,2026-08-01,refund,cleared,,,,,BDT,-1000.00,0.00,0.00,1,BDT,-1000.00,0.00,-1000.00,manual,,"
        "\"old\rMac\"\r\n"
        "1,2026-08-03,payment,cleared,\"নদী, ডিজাইন\",,,direct,USD,250.00,25.00,0.00,122.5,BDT,30625.00,"
        "3062.50,27562.50,manual,'-7,\"'+1 \"\"x\"\"\nnext\"\r\n").encode()


def test_odd_words_are_made_harmless_and_quoted_too(session: Session) -> None:
    """A status or rate that is not a plain word (a hand-edited backup, say) is treated as text."""
    for day in ("2026-08-01", "2026-08-02", "2026-08-03"):
        create_payment(session=session, data=PaymentInput(paid_on=day, gross="10", rate="120"))
    session.execute(sql_text("UPDATE payment SET status = '=1+1', rate = '1,5' WHERE id = 3"))
    session.commit()
    files = export_files(session)
    assert b"'=1+1" in files["payment.csv"] and b'"1,5"' in files["payments_detailed.csv"]
    assert b",'=1+1," in files["payments_detailed.csv"]  # the flat file's status is made harmless too


def test_the_progress_is_told_after_each_file_up_to_the_whole(session: Session) -> None:
    told: list[float] = []
    files = export_files(session, progress=told.append)
    assert len(told) == len(files) and told == sorted(told) and told[-1] == 1.0 and told[0] > 0


def test_the_zip_of_everything_holds_every_file(session: Session) -> None:
    upwork(session)
    told: list[float] = []
    with zipfile.ZipFile(io.BytesIO(export_zip(session, progress=told.append))) as archive:
        assert {n: archive.read(n) for n in archive.namelist()} == export_files(session)
    assert told[-1] == 1.0


@sqlite_only  # PostgreSQL refuses a number in a date or time column
def test_days_and_times_stored_as_numbers_are_written_and_ordered_as_sqlite_orders_them(
        session: Session) -> None:
    """A hand-made file may hold a day or a time as a number: written as it is; such a day comes first."""
    for day in ("2026-08-01", "2026-08-02", "2026-08-03"):
        create_payment(session=session, data=PaymentInput(paid_on=day, gross="10", rate="120"))
    session.execute(sql_text("UPDATE payment SET paid_on = 20260804 WHERE id = 3"))
    session.execute(sql_text("UPDATE payment SET created_at = 20260801 WHERE id = 2"))
    session.execute(sql_text("UPDATE payment SET created_at = '2026-08-01 10:00:00.000000' WHERE id = 1"))
    session.commit()
    files = export_files(session)
    detailed = [r["id"] + "," + r["date"] for r in rows_of(files["payments_detailed.csv"])]
    assert detailed == ["3,20260804", "1,2026-08-01", "2,2026-08-02"]
    assert [r["created_at"] for r in rows_of(files["payment.csv"])][:2] == ["2026-08-01T10:00:00+00:00",
                                                                          "20260801"]


def test_a_date_range_gives_the_whole_figures_of_each_month_it_touches(session: Session) -> None:
    """The summary's months are the Dashboard's (tracker.reports.month.month_summary), not parts of them."""
    upwork(session)
    whole = rows_of(export_files(session)["monthly_summary.csv"])[1]
    [august] = rows_of(export_files(session, date(2026, 8, 15), date(2026, 8, 31))["monthly_summary.csv"])
    assert august == whole and august["net"] == "146761.20"
