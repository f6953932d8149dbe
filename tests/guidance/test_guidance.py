"""The guidance covers every source point S1–S19, and every tip names a known one."""

from __future__ import annotations

import re

import pytest

from tracker.guidance import ALL_TIPS, CHECKLIST_LABELS, NOTES, PATH, SECTIONS, SOURCE_IDS, Tip
from tracker.ledger.models import CHECKLIST_KEYS

BENGALI_LETTERS = re.compile("[\u0980-\u09f2\u09f4-\u09ff]")  # the taka sign ৳ (U+09F3) is allowed


def test_the_known_ids_are_s1_to_s19() -> None:
    assert tuple(f"S{n}" for n in range(1, 20)) == SOURCE_IDS


@pytest.mark.parametrize("source", SOURCE_IDS)
def test_every_source_point_is_on_the_path(source: str) -> None:
    assert source in {tip.source for tip in PATH}


@pytest.mark.parametrize("tip", ALL_TIPS, ids=lambda t: f"{t.source}:{t.title}")
def test_every_tip_names_a_known_source_and_says_something(tip: Tip) -> None:
    assert tip.source in SOURCE_IDS
    assert tip.title.strip() and len(tip.text) > 40


@pytest.mark.parametrize("text", [t for tip in ALL_TIPS for t in (tip.title, tip.text)]
                         + [t for s in SECTIONS for t in (s.title, s.intro)])
def test_texts_are_english_message_ids(text: str) -> None:
    """The Bengali comes from the translation catalog, never from the articles pasted in."""
    assert not BENGALI_LETTERS.search(text)


def test_the_path_is_a_newcomers_seven_steps_in_order() -> None:
    assert [s.title for s in SECTIONS] == [
        "Understand the field", "Get ready", "Learn, and get a mentor's approval", "Find clients safely",
        "Price and deliver", "Get paid", "Keep going"]
    assert tuple(tip for section in SECTIONS for tip in section.tips) == PATH
    ready = next(s for s in SECTIONS if s.key == "ready")
    assert "S8" in {tip.source for tip in ready.tips}, "the checklist step rests on S8"
    assert SECTIONS[0].tips[0].source == "S2", "the path starts with its own order (S2)"


def test_no_tip_is_written_twice() -> None:
    texts = [tip.text for tip in ALL_TIPS]
    assert len(texts) == len(set(texts))


def test_contextual_notes_cover_their_situations() -> None:
    assert {tip.source for tip in NOTES} == {"S1", "S2", "S4", "S5", "S9", "S15", "S18", "S19"}


def test_the_checklist_has_a_label_for_each_item() -> None:
    assert set(CHECKLIST_LABELS) == set(CHECKLIST_KEYS)
