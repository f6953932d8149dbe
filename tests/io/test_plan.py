"""Planning an import (tracker/io/plan.py), property-based (Hypothesis): every importer fed arbitrary bytes
and arbitrary CSV plans it or refuses it with InvalidInput (a message a person can read), never another
exception; a refused import writes nothing, an accepted one writes every row.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

import tracker.io.plan as plan_module
from tests.strategies import cells, fresh_database, stored
from tracker.io.importer import import_rows
from tracker.io.importers import CHOICES
from tracker.io.importers.mapped import make_mapping
from tracker.io.plan import ImportOptions, ImportPlan, plan_import, stored_refs
from tracker.ledger.errors import InvalidInput

DATA = Path(__file__).parents[1] / "data"
HEADERS = {path.stem: next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
           for path in DATA.glob("*.csv")}
HEADERS["tracker"] = ["id", "date", "kind", "status", "client", "gig", "skill", "platform", "currency",
                      "gross", "platform_fee", "transfer_fee", "rate", "home_currency", "gross_home",
                      "fees_home", "net_home", "source", "external_ref", "note"]



FORMATS = [f for f in CHOICES if f != "mapped"]
FIVERR = make_mapping("Fiverr", {"date": "Date", "amount": "Amount", "description": "Description",
                                 "client": "Buyer", "reference": "Order"}, platform="Fiverr")


def plan_or_refusal(session: Session, data: bytes, options: ImportOptions) -> ImportPlan | None:
    """Return the plan for a file, or None if it was refused with a message; assert nothing was written."""
    before = stored(session)
    try:
        plan = plan_import(session, data, options)
    except InvalidInput as err:
        assert str(err)
        event(f"file refused: {err.message[:50]}")
        plan = None
    assert stored(session) == before
    return plan


def write_or_refusal(session: Session, plan: ImportPlan, skip_invalid: bool) -> None:
    """Import a plan; a refusal must leave the database as it was, a success add what the plan said."""
    before = stored(session)
    try:
        result = import_rows(session=session, plan=plan, skip_invalid=skip_invalid)
    except InvalidInput as err:
        assert str(err) and stored(session) == before
        event(f"import refused: {err.message[:40]}")
        return
    event(f"imported {'some' if plan.to_add else 'no'} rows")
    after = stored(session)
    assert after[0] + after[1] - before[0] - before[1] == len(plan.to_add)
    assert result.imported == plan.added_rows and result.refused == len(plan.refused)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([*FORMATS, "mapped"]))
def test_arbitrary_bytes_are_read_or_refused_and_nothing_is_written(
        migrated_template: Path, folder: Path, data: bytes, fmt: str) -> None:
    with fresh_database(migrated_template, folder) as session:
        plan_or_refusal(session, data, ImportOptions(format=fmt, mapping=FIVERR, rates=(("USD", "120"),)))


PLAUSIBLE = {  # what a column usually holds, found by a word in its name
    "date": ["Aug 3, 2026", "Sep 15, 2026", "08/03/2026", "03/08/2026", "2026-08-03", "Jan 01, 2026"],
    "time": ["10:00:00"], "zone": ["PDT"],
    "currency": ["USD", "USD", "BDT", "EUR", "usd"],
    "type": ["Fixed Price", "Hourly", "Service Fee", "Refund", "Withdrawal", "Withdrawal Fee", "Connects",
             "Bonus", "Payment Received", "Express Checkout Payment", "Payment Refund", "General Withdrawal"],
    "kind": ["payment", "refund"], "status": ["Completed", "Pending", "cleared", "pending", ""],
    "impact": ["Credit", "Debit", "Memo", ""], "category": ["internet", "connects", "other"],
    "rate": ["120", "122.50", "1"], "source": ["upwork", "manual", "paypal", "Acme Ltd", "Upwork Inc"],
    "platform": ["Upwork", "direct", ""],
}
AMOUNTS = ["250.00", "-25.00", "1,200.00", "(5.00)", "-0.99", "৫০০০", "0.50", "100", ""]
IDS = ("id", "ref", "order", "reference")


def cells_for(column: str) -> st.SearchStrategy[str]:
    """Return mostly plausible values for a column (by its name), sometimes hostile ones."""
    name = column.lower()
    plausible: st.SearchStrategy[str]
    if any(word in name for word in IDS):
        plausible = st.integers(1, 40).map(lambda n: f"7012{n:05d}")
    elif any(word in name for word in ("amount", "gross", "fee", "net", "balance", "credit", "debit")):
        plausible = st.sampled_from(AMOUNTS)
    else:
        words = next((v for k, v in PLAUSIBLE.items() if k in name), None)
        plausible = st.sampled_from(words or ["Acme Ltd", "নদী ডিজাইন", "Logo", ""])
    return st.one_of(*[plausible] * 7, cells)


@st.composite
def statements(draw: st.DrawFn) -> tuple[bytes, str]:
    """Return a CSV file with a known statement's columns (some left out, some twice) and cells that are
    mostly plausible for their column, sometimes hostile."""
    name = draw(st.sampled_from(sorted(HEADERS)))
    some = draw(st.lists(st.sampled_from(HEADERS[name]), min_size=1, max_size=len(HEADERS[name]) + 2))
    columns = draw(st.sampled_from([HEADERS[name], HEADERS[name], HEADERS[name], some]))
    rows = draw(st.lists(st.tuples(*(cells_for(c) for c in columns)).map(list), min_size=1, max_size=8))
    out = io.StringIO()
    csv.writer(out).writerows([columns, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return out.getvalue().encode(encoding, errors="replace"), name


OWN_FORMAT = {"upwork_new": "upwork", "upwork_old": "upwork", "payoneer": "payoneer", "paypal_mdy": "paypal",
              "paypal_dmy_ambiguous": "paypal", "tracker": "tracker", "fiverr_earnings": "mapped"}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(statement=statements(), choice=st.sampled_from(["auto", "auto", "own", "own", "any"]),
       other=st.sampled_from(FORMATS), skip=st.sampled_from([True, True, False]),
       order=st.sampled_from([None, "dmy", "mdy"]))
def test_arbitrary_statements_import_completely_or_not_at_all(
        migrated_template: Path, folder: Path, statement: tuple[bytes, str], choice: str, other: str,
        skip: bool, order: str | None) -> None:
    data, name = statement
    fmt = {"auto": "auto", "own": OWN_FORMAT[name], "any": other}[choice]
    if name == "fiverr_earnings" and fmt == "auto":
        fmt = "mapped"
    options = ImportOptions(format=fmt, mapping=FIVERR, rates=(("USD", "120"), ("EUR", "130")),
                            date_order=order)
    with fresh_database(migrated_template, folder) as session:
        plan = plan_or_refusal(session, data, options)
        if plan is not None:
            write_or_refusal(session, plan, skip)


USD = (("USD", "120"),)


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
def test_stored_references_are_found_in_batches(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_module, "REFS_PER_QUERY", 2)  # upwork_new.csv's rows take several batches
    first = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=first)
    keys = {(row.source, row.ref) for row in first.to_add}
    assert len(keys) > 2
    others = {("upwork", "no such reference"), ("paypal", first.to_add[0].ref)}
    assert stored_refs(session, keys | others) == keys
    again = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    assert (again.to_add, again.duplicate_rows) == ([], first.added_rows)
