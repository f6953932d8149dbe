"""Statement cells (tracker/io/rows.py): any text is an amount in signed minor units or a date, or refused
(property-based, Hypothesis).
"""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import CURRENCIES, HOSTILE, numbery
from tracker.io.rows import numeric_date, signed_minor, wordy_date
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import (
    MAX_MINOR,
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
