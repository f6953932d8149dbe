"""A person's text is never rendered as HTML or Markdown: a client called <script>alert(1)</script>,
a skill called [x](javascript:alert(1)), a gig title with an image link, notes with HTML. Every page is
run with such records; every text Streamlit renders as Markdown (st.markdown, captions, titles, message
boxes, labels of widgets, tabs and expanders) must hold it escaped, so that it shows as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tracker.db.config import PROJECT_ROOT
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)
from tracker.web.state import plain

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
IMAGE = "![pixel](http://evil.example/p.png) <img src=x onerror=alert(1)> **loud**"
PAGES = ["dashboard", "log_work", "clients", "gigs", "skills", "guidance", "data", "settings", "welcome"]
# HTML tags, Markdown links and images, and emphasis, each when not escaped by a backslash
RAW = re.compile(r"(?<!\\)<(script|img|/script)|(?<!\\)\]\(javascript|(?<!\\)!(?<!\\)\[pixel|(?<!\\)\*\*loud")


@pytest.fixture(autouse=True)
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Empty Streamlit caches; automatic backups in the test's own folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def hostile(session: Session) -> dict[str, int]:
    """Store a client, skill, gig, payment, expense, learning time and review named with HTML and links."""
    client = create_client(session=session, data=ClientInput(name=SCRIPT, notes=LINK, country=IMAGE))
    skill = create_skill(session=session, data=SkillInput(name=LINK, category="graphic design", note=SCRIPT))
    gig = create_gig(session=session, data=GigInput(title=IMAGE, client_id=client.id, skill_id=skill.id,
                                                    price="100", status="delivered", note=SCRIPT))
    payment = create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="100", rate="120",
                                                                gig_id=gig.id, note=SCRIPT))
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-04", amount="500",
                                                      category="internet", note=LINK))
    log_learning(session=session, data=LearningInput(skill_id=skill.id, learned_on="2026-08-01", minutes=30,
                                                     note=IMAGE))
    add_review(session=session, data=ReviewInput(skill_id=skill.id, reviewed_on="2026-08-02", reviewer=SCRIPT,
                                                 verdict="ready", notes=LINK))
    return {"client": client.id, "skill": skill.id, "gig": gig.id, "payment": payment.id}  # type: ignore[dict-item]


def run(name: str, **state: Any) -> AppTest:
    """Return a page run once in English, with some session state set first."""
    at = AppTest.from_file(str(PROJECT_ROOT / "pages" / f"{name}.py"), default_timeout=60)
    at.session_state["language"] = "en"
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def markdown_texts(node: Any) -> Iterator[str]:
    """Yield every text under a node that Streamlit renders as Markdown: bodies and labels."""
    proto = getattr(node, "proto", None)
    for field in ("body", "label"):
        value = getattr(proto, field, None) if proto is not None else None
        if isinstance(value, str) and value:
            yield value
    for part in ("expandable", "tab"):
        present = proto is not None and part in proto.DESCRIPTOR.fields_by_name and proto.HasField(part)
        block = getattr(proto, part) if present else None
        if block is not None and getattr(block, "label", ""):
            yield block.label
    for child in getattr(node, "children", {}).values():
        yield from markdown_texts(child)


def raw_markup(at: AppTest) -> list[str]:
    """Return the rendered Markdown texts that hold a person's HTML or link unescaped."""
    assert not at.exception, [e.value for e in at.exception]
    return [text for text in markdown_texts(at._tree) if RAW.search(text)]


@pytest.mark.parametrize("page", PAGES)
def test_no_page_renders_a_persons_text_as_html_or_markdown(hostile: dict[str, int], page: str) -> None:
    assert raw_markup(run(page)) == []


@pytest.mark.parametrize(("page", "state"), [
    ("clients", {"client_pick_0": "client"}),
    ("gigs", {"gig_pick_0": "gig"}),
    ("skills", {"skill_edit_pick": "skill"}),
    ("welcome", {"welcome_step": 3}),
])
def test_records_opened_for_a_change_show_their_text_escaped(hostile: dict[str, int], page: str,
                                                             state: dict[str, Any]) -> None:
    chosen = {key: hostile[value] if isinstance(value, str) else value for key, value in state.items()}
    assert raw_markup(run(page, **chosen)) == []


def test_the_delete_confirmation_names_the_client_as_typed(hostile: dict[str, int]) -> None:
    at = run("clients", client_pick_0=hostile["client"])
    labels = [c.label for c in at.checkbox if c.key and c.key.endswith("_sure")]
    assert labels and all(plain(SCRIPT) in label for label in labels), labels


def test_a_message_after_saving_shows_the_name_as_typed(db_url: str) -> None:
    at = run("clients")
    at.text_input(key="client_0.name").input(SCRIPT)
    next(b for b in at.button if b.label == "Add client").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [f"Added {plain(SCRIPT)}."]
    assert plain(SCRIPT) == "\\<script\\>alert(1)\\</script\\>"


@pytest.mark.parametrize(("typed", "shown"), [
    (SCRIPT, "\\<script\\>alert(1)\\</script\\>"),
    (LINK, "\\[x\\](javascript:alert(1))"),
    ("![a](http://x/y.png)", "!\\[a\\](http://x/y.png)"),
    ("**bold** _it_ `code` ~~s~~ a|b", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b"),
    ("# Title", "\\# Title"), ("1. first", "1\\. first"), ("- item", "\\- item"),
    ("line one\nline two", "line one line two"), ("Tom & Jerry &lt;", "Tom \\& Jerry \\&lt;"),
    ("Acme Ltd, 2026-08-03 (10.5%)", "Acme Ltd, 2026-08-03 (10.5%)"),
])
def test_plain_escapes_what_markdown_would_render(typed: str, shown: str) -> None:
    assert plain(typed) == shown
