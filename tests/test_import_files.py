"""Reading any statement: decoding, headers, files that are not statements, atomic imports, rates,
and the mapped import (Fiverr's earnings file: 40.00 + 64.00 + 5.00 = 109.00 USD at 120 → ৳13,080.00;
the −100.00 withdrawal is a transfer).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from tracker.io.csvread import normalise, read_sheet
from tracker.io.importer import import_rows, may_import
from tracker.io.importers.mapped import load_mapping, make_mapping, save_mapping, saved_mappings
from tracker.io.plan import ImportOptions, plan_import
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Payment
from tracker.reports.month import month_summary

DATA = Path(__file__).parent / "data"
USD = (("USD", "120"),)
UPWORK = ("Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,"
          "Amount in local currency,Currency,Balance")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep automatic backups and mappings in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def stored(session: Session) -> tuple[int, int, int]:
    """Return how many payments, expenses and clients are stored."""
    return tuple(session.exec(select(func.count()).select_from(m)).one()  # type: ignore[return-value]
                 for m in (Payment, Expense, Client))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "The file is empty"),
    (b"\xef\xbb\xbf\n\n", "The file is empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\n", "does not look like a CSV file"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary", "not a CSV text file"),
    (b"Name,Amount\nA,1,2,3\n", "not valid CSV near line 2"),
    (b"Name,Amount\nA,1\n", "do not match a statement we know"),
])
def test_files_that_are_not_statements_are_refused(session: Session, data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        plan_import(session, data, ImportOptions())
    assert stored(session) == (0, 0, 0)


def test_headers_match_ignoring_case_spaces_and_the_byte_order_mark() -> None:
    sheet = read_sheet("\ufeff  DATE , ref id,Amount $\n\"Aug 3, 2026\",1,\"1,200.00\"\n".encode())
    assert sheet.has("Date", "Ref ID", "Amount") and sheet.rows == [["Aug 3, 2026", "1", "1,200.00"]]
    assert normalise("\ufeffAmount in local currency") == "amountinlocalcurrency"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_usual_encoding_reads_the_same(session: Session, encoding: str) -> None:
    text = (DATA / "upwork_old.csv").read_text(encoding="utf-8").replace("Acme Ltd", "Acmé Ltd")
    plan = plan_import(session, text.encode(encoding), ImportOptions(rates=USD))
    assert (plan.added_rows, plan.refused) == (14, [])
    assert "Acmé Ltd" in {r.client for r in plan.to_add}


def test_the_preview_lists_fee_rows_with_their_payment(session: Session) -> None:
    from tracker.io.preview import counts, refused_frame, rows_frame
    plan = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=USD))
    frame = rows_frame(plan.to_add)
    hourly = frame[frame["reference"] == "701123340"].iloc[0]
    assert (hourly["row"], hourly["fee_rows"]) == (11, "10")
    assert (hourly["amount"], hourly["fee"]) == ("1200.00", "120.00")
    assert counts(plan) == {"add": 14, "duplicates": 0, "refused": 0, "transfers": 1}
    assert refused_frame(plan.refused).empty


def test_quoted_fields_and_thousands_separators(session: Session) -> None:
    row = '"Aug 3, 2026",1,Hourly,"Invoice, week 31",,R,"Acme, Inc.",R,,"1,200.00",,USD,'
    data = f"{UPWORK}\n{row}\n".encode()
    plan = plan_import(session, data, ImportOptions(rates=USD))
    [row] = plan.to_add
    assert (row.client, row.amount, row.note) == ("Acme, Inc.", 120000, "Invoice, week 31")


def test_a_missing_column_is_named(session: Session) -> None:
    with pytest.raises(InvalidInput, match="no column “Amount \\$” or “Amount”, which"):
        plan_import(session, b"Date,Ref ID,Type,Team,Freelancer\nAug 3 2026,1,Hourly,A,R\n",
                    ImportOptions(format="upwork"))


def bad_file() -> bytes:
    """Return an Upwork file whose third data row has an unreadable amount."""
    return (f'{UPWORK}\n"Aug 3, 2026",1,Hourly,x,,R,Acme,R,,100.00,,USD,\n'
            f'"Aug 3, 2026",2,Service Fee,Service Fee for Hourly - Ref ID 1,,R,Acme,R,,-10.00,,USD,\n'
            f'"Aug 4, 2026",3,Hourly,x,,R,Acme,R,,12O.00,,USD,\n'
            f'"Aug 4, 2026",4,Service Fee,Service Fee for Hourly - Ref ID 3,,R,Acme,R,,-12.00,,USD,\n'
            ).encode()


def test_one_bad_row_writes_nothing_and_names_the_row(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    assert [(r.number, r.text()) for r in plan.refused] == [
        (4, "“12O.00” is not a number. Type digits, like 1,250.50."),
        (5, "This fee belongs to the payment in row 4, which was refused.")]
    with pytest.raises(InvalidInput, match="Nothing was imported, because 2 rows were refused. Row 4:"):
        import_rows(session=session, plan=plan)
    assert stored(session) == (0, 0, 0)


def test_a_payment_refused_by_the_form_rules_takes_its_fee_rows_along(session: Session) -> None:
    data = (f'{UPWORK}\n"Aug 3, 2026",1,Hourly,x,,R,Acme,R,,10.00,,USD,\n'
            f'"Aug 3, 2026",2,Service Fee,Service Fee for Hourly - Ref ID 1,,R,Acme,R,,-12.00,,USD,\n'
            ).encode()
    plan = plan_import(session, data, ImportOptions(rates=USD))
    assert [(r.number, r.text()) for r in plan.refused] == [
        (2, "The fees are more than the amount paid. Check the numbers."),
        (3, "This fee belongs to the payment in row 2, which was refused.")]


def test_skip_invalid_imports_the_good_rows_only(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    result = import_rows(session=session, plan=plan, skip_invalid=True)
    assert result.summary() == "imported 2, duplicates 0, refused 2"
    assert stored(session) == (1, 0, 1)
    assert month_summary(session, "2026-08").net_minor == 1080000


def test_without_a_rate_the_import_stops_and_names_the_currency(session: Session) -> None:
    plan = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions())
    assert (plan.missing_rates, plan.values) == (["USD"], [])
    with pytest.raises(InvalidInput, match="Rows in USD need an exchange rate into BDT"):
        import_rows(session=session, plan=plan)
    assert stored(session) == (0, 0, 0)


def test_a_bad_rate_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput, match="is not a number"):
        plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=(("USD", "abc"),)))


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


def test_importing_twice_from_one_plan_adds_nothing_the_second_time(session: Session) -> None:
    plan = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=plan)
    assert import_rows(session=session, plan=plan).summary() == "imported 0, duplicates 6, refused 0"


def test_existing_clients_are_found_ignoring_case(session: Session) -> None:
    from tracker.services.clients import ClientInput, create_client
    create_client(session=session, data=ClientInput(name="ACME LTD", platform="Upwork"))
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_new.csv").read_bytes(),
                                                  ImportOptions(rates=USD)))
    assert sorted(c.name for c in session.exec(select(Client))) == ["ACME LTD", "নদী ডিজাইন"]


def test_an_import_may_run_when_ready_with_rows_and_no_refused_row_left_in(session: Session) -> None:
    plan = plan_import(session, bad_file(), ImportOptions(rates=USD))
    assert plan.refused and plan.to_add and plan.ready
    assert not may_import(plan=plan, skip_refused=False), "refused rows in: not until they are left out"
    assert may_import(plan=plan, skip_refused=True)
    assert not may_import(plan=replace(plan, to_add=[]), skip_refused=True), "nothing to add"
    assert not may_import(plan=replace(plan, missing_rates=["EUR"]), skip_refused=True), "a rate missing"
    assert may_import(plan=replace(plan, refused=[]), skip_refused=False)
