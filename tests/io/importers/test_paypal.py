"""PayPal activity downloads. Hand-computed, USD at 121.50 and EUR at 132.00 taka:

paypal_mdy.csv (a US account, October 2026; "10/14/2026" shows month first):
  Maple Leaf Media payment 500.00 − fee 19.79: ৳60,750.00 − ৳2,404.485 → ৳2,404.49 = ৳58,345.51
  its refund −100.00 with 3.49 of the fee given back: −৳12,150.00 + ৳424.035 → ৳424.04 = −৳11,725.96
  Nordic Pixel payment €120.00 − €4.55: ৳15,840.00 − ৳600.60 = ৳15,239.40
  net ৳61,858.95; Oslo Design's 200.00 − 8.28 is pending: ৳24,300.00 − ৳1,006.02 = ৳23,293.98 apart.
  The authorisation (Memo), two conversion rows and the withdrawal are transfers.
paypal_dmy_ambiguous.csv (a UK account; every date reads both ways): with day first, Thames Copy's
  £300.00 − £12.45 at 155.00 lands in November: ৳46,500.00 − ৳1,929.75 = ৳44,570.25.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment
from tracker.reports.month import month_summary

DATA = Path(__file__).parents[2] / "data"
RATES = (("USD", "121.50"), ("EUR", "132"))


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


def test_file_starts_with_a_byte_order_mark() -> None:
    assert (DATA / "paypal_mdy.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_monthly_totals_with_two_currencies_and_a_pending_payment(session: Session) -> None:
    plan = plan_import(session, (DATA / "paypal_mdy.csv").read_bytes(), ImportOptions(rates=RATES))
    assert (plan.format, plan.added_rows, len(plan.transfers), plan.refused) == ("paypal", 4, 4, [])
    import_rows(session=session, plan=plan)
    october = month_summary(session, "2026-10")
    assert (october.gross_minor, october.fees_minor) == (6444000, 258105)
    assert (october.net_minor, october.pending_minor) == (6185895, 2329398)


def test_refund_gives_part_of_the_fee_back(session: Session) -> None:
    import_rows(session=session, plan=plan_import(session, (DATA / "paypal_mdy.csv").read_bytes(),
                                                  ImportOptions(rates=RATES)))
    refund = session.exec(select(Payment).where(Payment.kind == "refund")).one()
    assert (refund.gross_minor, refund.platform_fee_minor, refund.net_home_minor) == (-10000, -349, -1172596)
    assert refund.external_ref == "7EF98765GH4321098"


def test_each_currency_needs_a_rate(session: Session) -> None:
    plan = plan_import(session, (DATA / "paypal_mdy.csv").read_bytes(),
                       ImportOptions(rates=(("USD", "121.50"),)))
    assert (plan.missing_rates, plan.rate_currencies, plan.ready) == (["EUR"], ["EUR", "USD"], False)


def test_ambiguous_dates_need_the_order(session: Session) -> None:
    data = (DATA / "paypal_dmy_ambiguous.csv").read_bytes()
    plan = plan_import(session, data, ImportOptions(rates=(("GBP", "155"),)))
    assert plan.date_question is not None and not plan.ready
    assert "03/11/2026" in plan.date_question.text()
    plan = plan_import(session, data, ImportOptions(rates=(("GBP", "155"),), date_order="dmy"))
    assert (plan.added_rows, len(plan.transfers)) == (1, 2)
    import_rows(session=session, plan=plan)
    assert month_summary(session, "2026-11").net_minor == 4457025


def test_month_first_puts_the_same_file_in_march(session: Session) -> None:
    data = (DATA / "paypal_dmy_ambiguous.csv").read_bytes()
    import_rows(session=session, plan=plan_import(session, data, ImportOptions(
        rates=(("GBP", "155"),), date_order="mdy")))
    assert month_summary(session, "2026-03").net_minor == 4457025


HEADER = '"Date","Name","Type","Status","Currency","Gross","Fee","Transaction ID","Balance Impact"'


def test_a_day_over_twelve_settles_the_order(session: Session) -> None:
    data = (f'{HEADER}\n"25/10/2026","A","Payment Received","Completed","USD","10.00","0","T1","Credit"\n'
            f'"03/11/2026","A","Payment Received","Completed","USD","10.00","0","T2","Credit"\n').encode()
    plan = plan_import(session, data, ImportOptions(rates=RATES))
    assert [r.day.isoformat() for r in plan.to_add] == ["2026-10-25", "2026-11-03"]  # type: ignore[union-attr]


def test_dates_that_disagree_refuse_the_file(session: Session) -> None:
    data = (f'{HEADER}\n"25/10/2026","A","Payment Received","Completed","USD","10.00","0","T1","Credit"\n'
            f'"10/26/2026","A","Payment Received","Completed","USD","10.00","0","T2","Credit"\n').encode()
    with pytest.raises(InvalidInput, match="day/month and others month/day"):
        plan_import(session, data, ImportOptions(rates=RATES))


def test_unknown_type_is_refused_and_column_set_may_vary(session: Session) -> None:
    data = (f'{HEADER}\n"10/25/2026","A","Lucky Draw","Completed","USD","10.00","0","T1","Credit"\n'
            f'"10/26/2026","B","Payment Hold","Completed","USD","-10.00","0","T2","Debit"\n').encode()
    plan = plan_import(session, data, ImportOptions(rates=RATES))
    assert [(r.number, "Lucky Draw" in r.text()) for r in plan.refused] == [(2, True)]
    assert [r.ref for r in plan.transfers] == ["T2"]
