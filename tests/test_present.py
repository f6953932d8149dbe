"""The one formatter: money in lakh (Babel's patterns, a fast path that must equal them), percentages,
hours, days, months, labels of stored codes, and the sentence the forecast reads as."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from tracker.ledger.money import MAX_MINOR, convert, parse_amount
from tracker.present import Present, format_money, format_percent, hours_text, outlook_sentence
from tracker.reports.forecast import Forecast, Outlook

ENGLISH = Present(language="en", bengali_digits=False, home_currency="BDT")
BENGALI = Present(language="bn", bengali_digits=True, home_currency="BDT")


def test_the_worked_example_reads_in_taka_and_percent() -> None:
    """$250.00 gross, $25.00 fee, rate 122.50: ৳27,562.50 net, 27.56% of ৳1,00,000."""
    net = convert(25000, "USD", Decimal("122.50"), "BDT") - convert(2500, "USD", Decimal("122.50"), "BDT")
    assert format_money(net, "BDT") == "৳27,562.50"
    assert format_percent(Decimal(net) / Decimal(10000000)) == "27.56%"


@pytest.mark.parametrize(("minor", "kwargs", "text"), [
    (10000000, {"whole": True}, "৳1,00,000"),
    (10000000, {}, "৳1,00,000.00"),
    (1250000000, {"whole": True}, "৳1,25,00,000"),
    (2756250, {"whole": True}, "৳27,562.50"),
    (-2756250, {}, "-৳27,562.50"),
    (10000000, {"whole": True, "bengali_digits": True}, "৳১,০০,০০০"),
])
def test_taka_is_grouped_in_lakh_and_crore(minor: int, kwargs: dict, text: str) -> None:
    assert format_money(minor, "BDT", **kwargs) == text


def babel_taka(minor: int, whole: bool) -> str:
    """Return a taka amount as Babel writes it with the lakh pattern (what format_money must equal)."""
    value = Decimal(minor).scaleb(-2)
    if whole and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    pattern = "#,##,##0" if value.as_tuple().exponent == 0 else "#,##,##0.00"
    text = format_decimal(abs(value), format=pattern, locale="en_IN", decimal_quantization=False)
    return ("-" if value < 0 else "") + "৳" + text


@given(st.one_of(st.integers(-10**15, 10**15), st.integers(-10**4, 10**4),
                 st.integers(0, 10**13).map(lambda n: n * 100)), st.booleans())
def test_taka_is_written_as_babel_writes_it(minor: int, whole: bool) -> None:
    assert format_money(minor, "BDT", whole=whole) == babel_taka(minor, whole)


@pytest.mark.parametrize("minor", [0, 1, 99, 100, 99999, 100000, 9999999, 10000000, 10**9, 10**15, -1, -100,
                                   -10**7, 123456789012345])
def test_taka_at_every_group_boundary_is_written_as_babel_writes_it(minor: int) -> None:
    for whole in (False, True):
        assert format_money(minor, "BDT", whole=whole) == babel_taka(minor, whole)


def test_other_currencies_use_their_usual_form() -> None:
    assert format_money(25000, "USD") == "$250.00"
    assert format_money(150000, "USD") == "$1,500.00"


@pytest.mark.parametrize(("minutes", "text"), [(0, "0.0"), (90, "1.5"), (3, "0.1"), (2, "0.0"),
                                               (125, "2.1"), (600, "10.0")])
def test_hours_text_rounds_to_a_tenth_half_up(minutes: int, text: str) -> None:
    assert hours_text(minutes) == text


def test_hours_with_two_places() -> None:
    assert hours_text(20, places=2) == "0.33"


@pytest.mark.parametrize(("amounts", "text"), [
    ((("USD", 30000), ("BDT", 500000)), "$300.00 + ৳5,000.00"),
    ((("BDT", 10000000),), "৳1,00,000.00"),
    ((("JPY", 5000), ("USD", -150)), "¥5,000 + -$1.50"),
    ((), "—"),
])
def test_amounts_in_several_currencies(amounts: tuple[tuple[str, int], ...], text: str) -> None:
    assert ENGLISH.amounts(amounts) == text


def test_bengali_writes_bengali_digits_month_names_and_words() -> None:
    assert BENGALI.money(500000) == "৳৫,০০০.০০"
    assert BENGALI.amounts((("BDT", 500000),)) == "৳৫,০০০.০০"
    assert BENGALI.day(date(2026, 8, 3)) == "৩ আগস্ট ২০২৬"
    assert BENGALI.month("2026-08") == "আগস্ট ২০২৬"
    assert BENGALI.number(100000) == "১,০০,০০০"
    assert BENGALI.percent(Decimal("0.275625")) == "২৭.৫৬%"
    assert BENGALI.label("active") != "active"
    latin = Present(language="bn", bengali_digits=False, home_currency="BDT")
    assert latin.day(date(2026, 8, 3)) == "3 আগস্ট 2026"


def test_english_keeps_iso_days_and_months_and_real_dates_in_tables() -> None:
    assert ENGLISH.day(date(2026, 8, 3)) == "2026-08-03"
    assert ENGLISH.day(None) == ""
    assert ENGLISH.month("2026-08") == "2026-08"
    assert ENGLISH.day_cell(date(2026, 8, 3)) == date(2026, 8, 3)
    assert BENGALI.day_cell(date(2026, 8, 3)) == "৩ আগস্ট ২০২৬"
    assert ENGLISH.label("active") == "active"


def test_money_is_in_the_bound_home_currency_unless_another_is_given() -> None:
    dollars = Present(language="en", bengali_digits=False, home_currency="USD")
    assert dollars.money(25000) == "$250.00"
    assert dollars.money(25000, "BDT") == "৳250.00"
    assert ENGLISH.money(10000000, whole=True) == "৳1,00,000"


@pytest.mark.parametrize(("forecast", "kind", "words"), [
    (Forecast(Outlook.REACHED, ["2026-01"]), "success", "at the goal already"),
    (Forecast(Outlook.ON_TRACK, ["2026-01"], goal_month="2026-12"), "info", "reach the goal in 2026-12"),
    (Forecast(Outlook.NOT_AT_THIS_PACE, ["2026-01"]), "warning", "Earn in a month first"),
    (Forecast(Outlook.NOT_AT_THIS_PACE, ["2026-01"], growth_needed=Decimal("0.05")), "warning",
     "Growing 5.00% a month"),
])
def test_the_forecast_reads_as_one_sentence(forecast: Forecast, kind: str, words: str) -> None:
    found_kind, sentence = outlook_sentence(forecast, ENGLISH)
    assert found_kind == kind and words in sentence


@given(st.integers(0, MAX_MINOR), st.sampled_from(["BDT", "USD", "EUR", "JPY"]), st.booleans(),
       st.booleans())
def test_a_formatted_amount_reads_back_the_same(minor: int, currency: str, bengali: bool,
                                               whole: bool) -> None:
    shown = format_money(minor, currency, bengali_digits=bengali, whole=whole)
    assert parse_amount(shown.replace("€", ""), currency, allow_zero=True) == minor
    assert format_money(-minor, currency, bengali_digits=bengali, whole=whole) in (shown, "-" + shown)


@given(st.integers(0, MAX_MINOR))
def test_any_taka_amount_is_grouped_in_lakh_and_crore(minor: int) -> None:
    whole_taka = format_money(minor, "BDT").split(".")[0].lstrip("৳").split(",")
    assert len(whole_taka[0]) <= 3 if len(whole_taka) == 1 else len(whole_taka[-1]) == 3
    assert all(len(group) == 2 for group in whole_taka[1:-1])
