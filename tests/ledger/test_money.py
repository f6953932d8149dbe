"""Exact money: parsing, minor units, conversion and its rounding rule, formatting."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import CURRENCIES, numbery
from tracker.ledger import money
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import (
    MAX_MINOR,
    amount_text,
    convert,
    exponent,
    from_minor,
    normalize_currency,
    parse_amount,
    parse_decimal,
    parse_rate,
    to_minor,
)


@pytest.mark.parametrize(("typed", "expected"), [
    ("1,250.50", Decimal("1250.50")),
    ("১২৫০.৫০", Decimal("1250.50")),
    ("১,০০,০০০", Decimal("100000")),
    ("৳1,00,000", Decimal("100000")),
    ("$250", Decimal("250")),
    ("250 USD", Decimal("250")),
    ("  12  ", Decimal("12")),
    (".5", Decimal("0.5")),
    ("-3.25", Decimal("-3.25")),
    ("1 250.50", Decimal("1250.50")),
])
def test_parse_decimal_accepts_what_people_type(typed: str, expected: Decimal) -> None:
    assert parse_decimal(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "1e400", "NaN", "inf", "--5", "1.2.3", "12,5", "1,2345",
                                   "5-", "৳", "1,,000"])
def test_parse_decimal_refuses_what_is_not_a_number(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_decimal(typed)


@pytest.mark.parametrize(("currency", "places"), [("USD", 2), ("BDT", 2), ("JPY", 0), ("KWD", 3)])
def test_exponent_follows_iso_4217(currency: str, places: int) -> None:
    assert exponent(currency) == places


@pytest.mark.parametrize(("text", "currency", "minor"), [
    ("250.00", "USD", 25000), ("27562.50", "BDT", 2756250), ("1500", "JPY", 1500),
    ("0.01", "USD", 1), ("1,00,000", "BDT", 10000000),
])
def test_parse_amount_gives_minor_units(text: str, currency: str, minor: int) -> None:
    assert parse_amount(text, currency) == minor


@pytest.mark.parametrize(("text", "currency"), [("10.5", "JPY"), ("1.005", "USD"), ("0", "USD"),
                                                ("-5", "USD")])
def test_parse_amount_refuses_extra_decimals_zero_and_negative(text: str, currency: str) -> None:
    with pytest.raises(InvalidInput):
        parse_amount(text, currency)


def test_parse_amount_allows_zero_and_negative_only_when_asked() -> None:
    assert parse_amount("0", "USD", allow_zero=True) == 0
    assert parse_amount("-5", "USD", allow_negative=True) == -500


def test_to_minor_and_from_minor_round_trip() -> None:
    assert to_minor(Decimal("27562.50"), "BDT") == 2756250
    assert from_minor(2756250, "BDT") == Decimal("27562.50")
    assert str(from_minor(1500, "JPY")) == "1500"
    assert amount_text(-2500, "USD") == "-25.00"


@pytest.mark.parametrize("code", ["usd", " USD ", "Usd"])
def test_currency_codes_are_normalised(code: str) -> None:
    assert normalize_currency(code) == "USD"


@pytest.mark.parametrize("code", ["", "XYZ", "US", "dollar"])
def test_unknown_currency_is_refused(code: str) -> None:
    with pytest.raises(InvalidInput):
        normalize_currency(code)


def test_rates_are_exact_and_normalised() -> None:
    assert parse_rate("122.50") == Decimal("122.5")
    assert parse_rate("১২২.৫০") == Decimal("122.5")
    assert str(parse_rate("120")) == "120"


@pytest.mark.parametrize("typed", ["", "0", "-1", "abc", "1.12345678901"])
def test_bad_rates_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        parse_rate(typed)


def test_worked_example_converts_exactly() -> None:
    """$250.00 gross, $25.00 fee, rate 122.50: ৳30,625.00 − ৳3,062.50 = ৳27,562.50 net."""
    gross = convert(25000, "USD", Decimal("122.50"), "BDT")
    fees = convert(2500, "USD", Decimal("122.50"), "BDT")
    assert (gross, fees, gross - fees) == (3062500, 306250, 2756250)  # "৳27,562.50": tests/test_present.py


@pytest.mark.parametrize(("minor", "rate", "expected"), [
    (1, "0.5", 1),         # 0.5 poisha rounds up
    (-1, "0.5", -1),       # and -0.5 away from zero
    (1, "0.49", 0),
    (3, "121.505", 365),   # 364.515 poisha → 365
    (100, "0.0001", 0),
])
def test_conversion_rounds_half_up_once(minor: int, rate: str, expected: int) -> None:
    assert convert(minor, "USD", Decimal(rate), "BDT") == expected


def test_conversion_between_exponents() -> None:
    assert convert(1500, "JPY", Decimal("0.8"), "BDT") == 120000  # ¥1,500 at 0.8 → ৳1,200.00


def decimal_convert(minor: int, currency: str, rate: Decimal, home: str) -> int:
    """Return the conversion the way it was written before: Decimal, rounded half up once."""
    shift = 0 if currency == home else money.exponent(home) - money.exponent(currency)
    with localcontext() as exact:
        exact.prec = 80
        return int((Decimal(minor).scaleb(shift) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_conversion_and_amount_text_agree_with_decimal_arithmetic() -> None:
    rng = random.Random(8)
    for _ in range(20_000):
        minor = rng.choice([rng.randint(-10**12, 10**12), rng.randint(-999, 999), 5, -5, 50, -50])
        rate = Decimal(rng.randint(1, 10**12)).scaleb(-rng.randint(0, 10))
        currency, home = rng.choice(CURRENCIES), rng.choice(CURRENCIES)
        if currency == home and rate == 1:
            continue
        expected = decimal_convert(minor, currency, rate, home)
        if abs(expected) <= money.MAX_MINOR:
            assert money.convert(minor, currency, rate, home) == expected
        places = money.exponent(currency)
        assert money.amount_text(minor, currency) == format(Decimal(minor).scaleb(-places), "f")


@pytest.mark.parametrize(("text_in", "currency", "minor"), [
    ("1234.56", "USD", 123456), ("-12", "USD", -1200), ("+7.5", "BDT", 750), ("0.001", "KWD", 1),
    ("500", "JPY", 500), ("1,250.50", "USD", 125050), ("১২৫০.৫০", "BDT", 125050),
    ("৳1,00,000", "BDT", 10000000),
])
def test_typed_amounts_read_the_same(text_in: str, currency: str, minor: int) -> None:
    assert money.parse_amount(text_in, currency, allow_negative=True) == minor


@pytest.mark.parametrize(("value", "currency"), [("0.125", "USD"), ("1.5", "JPY"), ("0.0001", "KWD")])
def test_too_many_decimals_are_still_refused(value: str, currency: str) -> None:
    with pytest.raises(InvalidInput, match="at most"):
        money.to_minor(Decimal(value), currency)


@given(st.one_of(st.text(max_size=40), numbery), st.sampled_from(CURRENCIES))
def test_parsing_any_text_gives_an_amount_within_bounds_or_a_message(text: str, currency: str) -> None:
    try:
        value = parse_decimal(text)
        assert value.is_finite()
        minor = parse_amount(text, currency, allow_zero=True, allow_negative=True)
    except InvalidInput as err:
        assert str(err)
        return
    assert isinstance(minor, int) and abs(minor) <= MAX_MINOR


@given(st.integers(-MAX_MINOR, MAX_MINOR), st.sampled_from(CURRENCIES))
def test_an_amount_written_as_text_reads_back_the_same(minor: int, currency: str) -> None:
    assert parse_amount(amount_text(minor, currency), currency, allow_zero=True, allow_negative=True) == minor


rates = st.decimals(min_value=Decimal("0.0000000001"), max_value=Decimal("100000"), places=10,
                    allow_nan=False, allow_infinity=False)


@given(st.integers(-10**13, 10**13), st.sampled_from(CURRENCIES), rates)
def test_conversion_rounds_once_half_up_and_is_exact(minor: int, currency: str, rate: Decimal) -> None:
    from tracker.ledger.money import exponent

    exact = Fraction(minor) * Fraction(10) ** (exponent("BDT") - exponent(currency)) * Fraction(rate)
    expected = int(abs(exact) + Fraction(1, 2)) * (1 if exact >= 0 else -1)
    try:
        converted = convert(minor, currency, rate, "BDT")
    except InvalidInput:
        assert abs(expected) > MAX_MINOR
        return
    assert converted == expected
    assert convert(-minor, currency, rate, "BDT") == -converted


@given(st.integers(0, 10**9), st.integers(0, 10**9), rates)
def test_converting_parts_differs_from_the_whole_by_at_most_one_unit(a: int, b: int, rate: Decimal) -> None:
    parts = convert(a, "USD", rate, "BDT") + convert(b, "USD", rate, "BDT")
    assert abs(convert(a + b, "USD", rate, "BDT") - parts) <= 1


@given(st.one_of(st.text(max_size=30), numbery))
def test_a_rate_is_positive_with_at_most_ten_decimals_or_refused(text: str) -> None:
    try:
        rate = parse_rate(text)
    except InvalidInput:
        return
    assert rate > 0 and -rate.as_tuple().exponent <= 10  # type: ignore[operator]


def test_a_remembered_rate_still_refuses_too_many_decimals() -> None:
    assert parse_rate(Decimal("1.1")) == Decimal("1.1")
    for refused in (Decimal("1.10000000000"), "1.10000000000", Decimal("-1.1"), "0"):
        with pytest.raises(InvalidInput):
            parse_rate(refused)
    assert str(parse_rate("122.50")) == "122.5"


def test_equal_rates_convert_alike_however_they_are_written() -> None:
    assert convert(77833, "USD", Decimal("121.5"), "BDT") == convert(77833, "USD", Decimal("121.50"), "BDT") \
        == 9456710  # 778.33 × 121.5 = 94,567.095 → ৳94,567.10 (half up)
    assert convert(1500, "JPY", Decimal("0.8"), "BDT") == 120000
    assert convert(10**12, "USD", Decimal("1E-50"), "BDT") == 0  # a rate of no ordinary size: Decimal
