"""Checks every service shares (tracker/services/common.py): limits from the model, choices ignoring case."""

from __future__ import annotations

import pytest

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Gig, PaymentKind, Platform, Setting
from tracker.services.common import choice, optional_text


def test_a_columns_limit_is_the_models_own() -> None:
    """Services pass the column (max_length=Gig.title): the model's max_length is the one limit."""
    assert optional_text("x" * 300, field="gig title", max_length=Gig.title) == "x" * 300
    with pytest.raises(InvalidInput) as refused:
        optional_text("x" * 301, field="gig title", max_length=Gig.title)
    assert refused.value.params["limit"] == 300
    assert optional_text(" 400 ", field="setting", max_length=Setting.value) == "400"


def test_words_of_a_choice_match_ignoring_case_and_others_are_refused() -> None:
    assert choice(" PayMent ", PaymentKind, field="kind") == "payment"
    assert choice("UPWORK", Platform, field="platform") == Platform.UPWORK.value
    with pytest.raises(InvalidInput, match="Choose one of: payment, refund"):
        choice("gift", PaymentKind, field="kind")
