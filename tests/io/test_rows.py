"""Statement cells (tracker/io/rows.py): any text is an amount in signed minor units or a date, or refused
(property-based, Hypothesis).
"""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import CURRENCIES, EXAMPLES, HOSTILE, numbery, outcome
from tracker.io.rows import _signed_minor, numeric_date, signed_minor, wordy_date
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import (
    MAX_MINOR,
    parse_decimal,
    parse_minor,
    to_minor,
)
from tracker.services.common import parse_day


@given(st.one_of(st.text(max_size=30), numbery, st.sampled_from(HOSTILE)), st.sampled_from(CURRENCIES))
def test_a_statement_amount_is_signed_minor_units_or_refused(text: str, currency: str) -> None:
    try:
        minor = signed_minor(text, currency)
    except InvalidInput:
        return
    assert abs(minor) <= MAX_MINOR


@given(st.one_of(st.text(max_size=30), st.sampled_from(HOSTILE),
                 st.from_regex(r"\A\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\Z"),
                 st.from_regex(r"\A[A-Z][a-z]{2} \d{1,2}, \d{4}\Z")))
def test_any_date_text_is_a_real_date_or_refused(text: str) -> None:
    for read in (wordy_date, lambda t: numeric_date(t, "dmy"), lambda t: numeric_date(t, "mdy"), parse_day):
        with suppress(InvalidInput):
            read(text)


PLAIN = st.builds(lambda sign, whole, dot, part: f"{sign}{whole}{dot}{part}", st.sampled_from(["", "-", "+"]),
                  st.text(alphabet="0123456789", min_size=1, max_size=22), st.sampled_from(["", "."]),
                  st.text(alphabet="0123456789", max_size=5))
SOME_CURRENCIES = st.sampled_from(["USD", "JPY", "KWD", "BDT", "XYZ"])


def general(text: str, currency: str) -> int:
    """Return to_minor(parse_decimal(text)), the path every amount took before."""
    return to_minor(parse_decimal(text), currency)


@EXAMPLES
@given(PLAIN, SOME_CURRENCIES)
def test_plain_amounts_are_counted_as_the_general_path_counts_them(amount: str, currency: str) -> None:
    assert outcome(signed_minor, amount, currency) == outcome(_signed_minor, amount, currency)
    assert outcome(parse_minor, amount, currency) == outcome(general, amount, currency)
