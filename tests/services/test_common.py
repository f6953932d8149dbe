"""Shared service checks (tracker/services/common.py): a choice is matched ignoring case, else refused."""

from __future__ import annotations

import pytest

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import PaymentKind, Platform
from tracker.services.common import choice


def test_words_of_a_choice_match_ignoring_case_and_others_are_refused() -> None:
    assert choice(" PayMent ", PaymentKind, field="kind") == "payment"
    assert choice("UPWORK", Platform, field="platform") == Platform.UPWORK.value
    with pytest.raises(InvalidInput, match="Choose one of: payment, refund"):
        choice("gift", PaymentKind, field="kind")
