"""Every page renders; the payment form writes what it should and refuses bad input visibly; no page
renders a person's text as HTML or Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import PAGES
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.ledger.models import Client, Goal, Payment, Skill
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)
from tracker.web.state import plain

Open = Callable[[str], AppTest]


def no_trouble(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def count(model: type) -> int:
    """Return the rows of a table, read with a new session."""
    with open_session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_an_empty_database(open_page: Open, page: str) -> None:
    at = open_page(page)
    no_trouble(at)
    assert at.title, "every page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_data(open_page: Open, filled: Session, page: str) -> None:
    no_trouble(open_page(page))


def test_pages_show_what_is_in_the_database(open_page: Open, filled: Session) -> None:
    clients = open_page("clients").dataframe[0].value
    assert list(clients["name"]) == ["Acme Ltd"]
    assert list(clients["net_home"]) == ["27562.50"]
    skills = open_page("skills").dataframe[0].value
    assert list(skills["hours_learned"]) == ["1.5"]
    assert list(skills["stage"]) == ["mentor-approved"]
    payments = open_page("log_work").dataframe[0].value
    assert list(payments["net_home"]) == ["৳27,562.50"]


def test_router_runs_with_sidebar_progress(db_url: str) -> None:
    with open_session() as s:  # past the welcome steps, which open first on an empty database
        set_setting(session=s, key="onboarded", value="skipped")
    at = AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()
    no_trouble(at)
    assert at.title[0].value == "Dashboard"
    assert "৳1,00,000" in at.sidebar.markdown[0].value


def fill_payment(at: AppTest, gross: str, fee: str = "0", rate: str = "") -> AppTest:
    """Type a payment into the Log work form and press Save."""
    at.date_input[0].set_value(date(2026, 8, 3))
    labels = {t.label: t for t in at.text_input}
    labels["Amount the client paid"].input(gross)
    labels["Platform fee"].input(fee)
    labels["Taka received for 1 unit (rate)"].input(rate)
    at.selectbox[0].set_value("USD")
    return at.button[0].click().run()


def test_payment_form_stores_and_dashboard_shows_the_worked_example(open_page: Open) -> None:
    at = fill_payment(open_page("log_work"), "250.00", fee="25.00", rate="122.50")
    no_trouble(at)
    assert at.success[0].value == "Saved: ৳27,562.50 net."
    assert count(Payment) == 1
    dashboard = open_page("dashboard")
    dashboard.selectbox(key="dashboard_month").set_value("2026-08").run()
    metrics = {m.label: m.value for m in dashboard.metric}
    assert metrics["Net income"] == "৳27,562.50"
    assert metrics["Of your goal"] == "27.56%"
    assert metrics["Still to go"] == "৳72,437.50"


@pytest.mark.parametrize(("gross", "rate", "message"), [
    ("abc", "122.50", "is not a number"),
    ("0", "122.50", "must be more than zero"),
    ("250", "", "Give the rate you received"),
    ("250.001", "122.50", "at most 2 decimals"),
])
def test_bad_payment_shows_a_message_and_stores_nothing(open_page: Open, gross: str, rate: str,
                                                        message: str) -> None:
    at = fill_payment(open_page("log_work"), gross, rate=rate)
    assert not at.exception
    assert message in at.error[0].value
    assert count(Payment) == 0


def test_client_form_adds_a_client_and_refuses_an_empty_name(open_page: Open) -> None:
    at = open_page("clients")
    at.text_input[0].input("Bright Web")
    at.button[0].click().run()
    no_trouble(at)
    assert count(Client) == 1
    at.text_input[0].input("   ")
    at.button[0].click().run()
    assert "Please give the client name." in at.error[0].value
    assert count(Client) == 1


def test_skill_form_adds_a_skill(open_page: Open) -> None:
    at = open_page("skills")
    at.text_input[0].input("WordPress")
    at.button[0].click().run()
    no_trouble(at)
    assert count(Skill) == 1
    assert list(at.dataframe[0].value["name"]) == ["WordPress"]


def test_goal_form_sets_a_goal_from_a_month(open_page: Open) -> None:
    at = open_page("settings")
    at.text_input[0].input("1,50,000")
    at.text_input[1].input("2026-09")
    at.button[0].click().run()
    no_trouble(at)
    assert "From 2026-09 your goal is ৳1,50,000 a month." in at.success[0].value
    assert count(Goal) == 1
    at.text_input[1].input("2026-13")
    at.button[0].click().run()
    assert "is not a month" in at.error[0].value
    assert count(Goal) == 1


def test_checklist_tick_is_saved(open_page: Open) -> None:
    at = open_page("guidance")
    at.checkbox(key="check_internet").check().run()
    no_trouble(at)
    assert open_page("guidance").checkbox(key="check_internet").value is True


def test_data_page_offers_the_payments_csv(open_page: Open, filled: Session) -> None:
    at = open_page("data")
    no_trouble(at)
    assert at.download_button[0].label == "Download payments (CSV)"
    counts = dict(zip(at.dataframe[0].value["Table"], at.dataframe[0].value["Rows"], strict=True))
    assert counts["payment"] == 1 and counts["client"] == 1


# A person's text is never rendered as HTML or Markdown: a client called <script>alert(1)</script>, a skill
# called [x](javascript:alert(1)), a gig title with an image link, notes with HTML. Every page is run with
# such records; every text Streamlit renders as Markdown (st.markdown, captions, titles, message boxes,
# labels of widgets, tabs and expanders) must hold it escaped, so that it shows as typed.

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
IMAGE = "![pixel](http://evil.example/p.png) <img src=x onerror=alert(1)> **loud**"
ALL_PAGES = ["dashboard", "log_work", "clients", "gigs", "skills", "guidance", "data", "settings", "welcome"]
# HTML tags, Markdown links and images, and emphasis, each when not escaped by a backslash
RAW = re.compile(r"(?<!\\)<(script|img|/script)|(?<!\\)\]\(javascript|(?<!\\)!(?<!\\)\[pixel|(?<!\\)\*\*loud")


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


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
@pytest.mark.parametrize("page", ALL_PAGES)
def test_no_page_renders_a_persons_text_as_html_or_markdown(hostile: dict[str, int], page: str) -> None:
    assert raw_markup(run(page)) == []


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
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


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
def test_the_delete_confirmation_names_the_client_as_typed(hostile: dict[str, int]) -> None:
    at = run("clients", client_pick_0=hostile["client"])
    labels = [c.label for c in at.checkbox if c.key and c.key.endswith("_sure")]
    assert labels and all(plain(SCRIPT) in label for label in labels), labels


@pytest.mark.usefixtures("data_dir")  # tests/conftest.py
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
