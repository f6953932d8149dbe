"""Words stored as codes and shown translated (tracker/i18n/words.py): every code has its words."""

from __future__ import annotations

import pytest

from tests.i18n.catalogs import extracted, translated
from tracker.guidance import CHECKLIST_LABELS
from tracker.i18n import translate
from tracker.i18n.words import DECLINE_REASONS, decline_reason_text
from tracker.io.rows import RowKind
from tracker.ledger.models import (
    DEFAULT_SKILL_CATEGORIES,
    DeclineReason,
    ExpenseCategory,
    GigStatus,
    PaymentKind,
    PaymentStatus,
    Platform,
    Pricing,
    SkillStage,
    Verdict,
    tables_in_order,
)


def test_every_decline_reason_code_has_words_in_both_languages() -> None:
    assert set(DECLINE_REASONS) == {r.value for r in DeclineReason}
    assert all(translated(words) and words in extracted() for words in DECLINE_REASONS.values())
    assert decline_reason_text("budget", "bn") == "বাজেট খুব কম"
    assert decline_reason_text("budget", "en") == "The budget is too low"
    assert decline_reason_text("They want it for free", "bn") == "They want it for free"


@pytest.mark.parametrize("vocabulary", (SkillStage, Verdict, Platform, Pricing, GigStatus, PaymentKind,
                                        PaymentStatus, ExpenseCategory, RowKind), ids=lambda v: v.__name__)
def test_every_stored_word_is_translated(vocabulary: type) -> None:
    missing = [w.value for w in vocabulary if w.value not in extracted() or not translated(w.value)]
    assert not missing


def test_kinds_of_work_tables_and_checklist_are_translated() -> None:
    words = [*DEFAULT_SKILL_CATEGORIES, *(t.name for t in tables_in_order()), *CHECKLIST_LABELS.values()]
    assert not [w for w in words if not translated(w)]


def test_platform_names_stay_in_latin_letters() -> None:
    for name in ("Upwork", "Fiverr", "Freelancer.com"):
        assert translate(name, "bn") == name
