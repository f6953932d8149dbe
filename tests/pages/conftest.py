"""Page tests run each page script with AppTest against a fresh database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from tracker.db.config import PROJECT_ROOT
from tracker.services.checklist import set_checklist_item
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput, create_gig
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import (
    LearningInput,
    ReviewInput,
    SkillInput,
    add_review,
    create_skill,
    log_learning,
)

PAGES = ["dashboard", "log_work", "clients", "gigs", "skills", "guidance", "data", "settings"]


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Start every page test with empty Streamlit caches."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


@pytest.fixture
def open_page(db_url: str) -> Callable[[str], AppTest]:
    """Return a function that runs pages/<name>.py once on the test database."""
    def run(name: str) -> AppTest:
        return AppTest.from_file(str(PROJECT_ROOT / "pages" / f"{name}.py"), default_timeout=30).run()
    return run


@pytest.fixture
def filled(session: Session) -> Session:
    """Fill the database with one of everything (August 2026) and return the session."""
    client = create_client(session=session, data=ClientInput(name="Acme Ltd", platform="Upwork",
                                                             country="USA", payment_verified=True))
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    log_learning(session=session, data=LearningInput(skill_id=skill.id, learned_on="2026-08-01",
                                                     minutes=90))
    add_review(session=session, data=ReviewInput(skill_id=skill.id, reviewed_on="2026-08-02",
                                                 reviewer="Karim", verdict="ready"))
    gig = create_gig(session=session, data=GigInput(title="Logo for Acme", client_id=client.id,
                                                    skill_id=skill.id, platform="Upwork", price="250",
                                                    status="paid"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250.00",
                                                      platform_fee="25", rate="122.50", gig_id=gig.id))
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-04", amount="1,000",
                                                      category="internet"))
    set_goal(session=session, target="1,00,000", valid_from="2026-01")
    set_checklist_item(session=session, key="computer", done=True)
    return session
