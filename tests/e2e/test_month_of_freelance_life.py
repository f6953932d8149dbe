"""Issue 3's done-when: a month of real freelance life, typed into a real browser and corrected there.

Five clients, ten gigs across the whole pipeline, eight payments in USD and taka, three expenses, two
skills with learning time and a mentor review; then one mistake of each kind corrected through the edit
forms; then the Dashboard must show the net income worked out by hand below.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from tests.e2e import steps
from tests.e2e.browser import go_to, metric, no_trouble, page_titles, screenshot
from tests.e2e.conftest import App
from tracker.db.engine import open_session
from tracker.ledger.models import Client, Expense, Gig, LearningSession, MentorReview, Payment, Skill

pytestmark = [pytest.mark.e2e, pytest.mark.postgres_too]  # `make test-pg` runs this one on PostgreSQL too

# Net income this month, by hand (every amount dated today; every product exact to the poisha):
#   payments                                   (gross − fees) × rate
#   P1 Acme, gig "Logo for Acme"   USD   (250.00 − 25.00 − 0)    × 122.50 = 27,562.50
#   P2 Bakery, gig "Menu card"     BDT    5,000.00 − 0                   =  5,000.00
#   P3 Nordic Shop                 USD   (120.00 − 24.00 − 2.00) × 121.00 = 11,374.00
#   P4 Karim Traders               BDT    3,500.00                       =  3,500.00
#   P5 Acme                        USD   (80.00 − 8.00 − 0)      × 122.00 =  8,784.00
#   P6 no client                   BDT    1,200.50                       =  1,200.50
#   P7 Sunrise Studio              USD   (60.00 − 6.00 − 1.50)   × 120.00 =  6,300.00
#   P8 Karim Traders               BDT    2,000.00 (typed 20,000, corrected) =  2,000.00
#                                                               payments = 65,721.00
#   expenses
#   E1 internet                    BDT    1,000.00                       =  1,000.00
#   E2 connects                    USD    15.00 × 122.00                 =  1,830.00
#   E3 training                    BDT    2,500.00 (typed 25,000, corrected) =  2,500.00
#                                                               expenses =  5,330.00
#   net = 65,721.00 − 5,330.00 = ৳60,391.00, which is 60.39% of ৳1,00,000; ৳39,609.00 still to go.
NET, SHARE, TO_GO = "৳60,391.00", "60.39%", "৳39,609.00"


def enter_clients(page: Page) -> None:
    """Five clients; the fifth with a typo in its name."""
    go_to(page, "Clients")
    steps.add_client(page, "Acme Ltd", "Upwork", "USA", verified=True)
    steps.add_client(page, "Bakery Dhaka", "direct", "Bangladesh")
    steps.add_client(page, "Nordic Shop", "Fiverr", "Norway", verified=True)
    steps.add_client(page, "Karim Traders", "direct", "Bangladesh")
    steps.add_client(page, "Sunrize Studio", "Freelancer.com", "UK")


def enter_skills(page: Page) -> None:
    """Two skills, three learning sessions (one of the wrong length), a review by a misspelt mentor."""
    go_to(page, "Skills and learning")
    steps.add_skill(page, "Logo desing", "graphic design", "practising")
    steps.add_skill(page, "Data entry", "data entry", "learning")
    steps.log_learning(page, "Logo desing", 45, "Kerning and colour")
    steps.log_learning(page, "Data entry", 60, "Spreadsheet shortcuts")
    steps.log_learning(page, "Logo desing", 30, "Portfolio piece")
    steps.add_review(page, "Logo desing", "Rahim", "ready", "Clean work, ready for first clients.")


def enter_gigs(page: Page) -> None:
    """Ten gigs across the pipeline; two paid ones come with their payment from Log work."""
    go_to(page, "Gigs")
    steps.add_gig(page, "Website for Nordic Shop", status="lead", price="400", client="Nordic Shop")
    steps.add_gig(page, "Logo for Sunrize Studio", status="proposal sent", price="40",
                  client="Sunrize Studio", skill="Logo desing")
    steps.add_gig(page, "Monthly data entry", status="active", price="5", pricing="hourly", hours="12",
                  client="Karim Traders", skill="Data entry")
    steps.add_gig(page, "Banner set for Bakery", status="delivered", price="3000", currency="BDT",
                  client="Bakery Dhaka")
    steps.add_gig(page, "Product photo edits", status="paid", price="120", client="Nordic Shop")
    steps.add_gig(page, "SEO audit", status="lost", price="150")
    steps.add_gig(page, "Betting site banners", status="lead", price="200")
    steps.move_gig(page, "Betting site banners", "declined", reason="The work is against my principles")
    steps.add_gig(page, "Flyer for Karim Traders", status="cancelled", price="1500", currency="BDT",
                  client="Karim Traders")
    go_to(page, "Log work")
    steps.log_gig_with_payment(page, "Logo for Acme", client="Acme Ltd", skill="Logo desing",
                               currency="USD", gross="250.00", fee="25.00", rate="122.50",
                               net="৳27,562.50")
    steps.log_gig_with_payment(page, "Menu card for Bakery", client="Bakery Dhaka", currency="BDT",
                               gross="5,000", fee="0", net="৳5,000.00")


def enter_payments_and_expenses(page: Page) -> None:
    """Six more payments (eight in all) and three expenses, one of each with a wrong amount."""
    go_to(page, "Log work")
    steps.log_payment(page, client="Nordic Shop", currency="USD", gross="120.00", fee="24.00",
                      transfer="2.00", rate="121.00", net="৳11,374.00")
    steps.log_payment(page, client="Karim Traders", currency="BDT", gross="3,500", net="৳3,500.00")
    steps.log_payment(page, client="Acme Ltd", currency="USD", gross="80.00", fee="8.00", rate="122.00",
                      net="৳8,784.00")
    steps.log_payment(page, currency="BDT", gross="1,200.50", net="৳1,200.50", note="Tuition, cash")
    steps.log_payment(page, client="Sunrize Studio", currency="USD", gross="60.00", fee="6.00",
                      transfer="1.50", rate="120.00", net="৳6,300.00")
    steps.log_payment(page, client="Karim Traders", currency="BDT", gross="20,000", net="৳20,000.00")
    steps.log_expense(page, amount="1,000", category="internet", in_taka="৳1,000.00", note="Broadband")
    steps.log_expense(page, amount="15.00", category="connects", currency="USD", rate="122.00",
                      in_taka="৳1,830.00")
    steps.log_expense(page, amount="25,000", category="training", in_taka="৳25,000.00",
                      note="Design course")


def correct_mistakes(page: Page) -> None:
    """One correction of each kind of record, through its edit form."""
    go_to(page, "Clients")
    steps.edit_client(page, "Sunrize Studio", name="Sunrise Studio", country="United Kingdom")
    go_to(page, "Gigs")
    steps.edit_gig(page, "Logo for Sunrize Studio", new_title="Logo for Sunrise Studio", price="45")
    go_to(page, "Log work")
    steps.edit_payment(page, "৳20,000.00", gross="2,000")
    steps.edit_expense(page, "৳25,000.00", amount="2,500")
    go_to(page, "Skills and learning")
    steps.edit_skill(page, "Logo desing", name="Logo design")
    steps.edit_learning(page, "Logo design · 45 min", minutes=90)
    steps.edit_review(page, "Logo design · Rahim", mentor="Karim")


def assert_books(app: App) -> None:
    """The database holds what was typed, with every correction in place."""
    with open_session(app.db_url) as s:
        assert sorted(c.name for c in s.exec(select(Client))) == [
            "Acme Ltd", "Bakery Dhaka", "Karim Traders", "Nordic Shop", "Sunrise Studio"]
        gigs = {g.title: g for g in s.exec(select(Gig))}
        assert len(gigs) == 10
        assert sorted({g.status for g in gigs.values()}) == [
            "active", "cancelled", "declined", "delivered", "lead", "lost", "paid", "proposal sent"]
        assert gigs["Betting site banners"].decline_reason == "principles"  # a code, shown in words
        assert gigs["Logo for Sunrise Studio"].price_minor == 4500
        assert len(s.exec(select(Payment)).all()) == 8
        assert sum(p.net_home_minor for p in s.exec(select(Payment))) == 65_721_00
        assert sum(e.amount_home_minor for e in s.exec(select(Expense))) == 5_330_00
        assert sorted(k.name for k in s.exec(select(Skill))) == ["Data entry", "Logo design"]
        assert sorted(m.minutes for m in s.exec(select(LearningSession))) == [30, 60, 90]
        assert [r.reviewer for r in s.exec(select(MentorReview))] == ["Karim"]


def test_a_month_of_freelance_life(page: Page, app: App) -> None:
    enter_clients(page)
    enter_skills(page)
    enter_gigs(page)
    enter_payments_and_expenses(page)
    correct_mistakes(page)

    go_to(page, "Dashboard")
    expect(metric(page, "Net income")).to_have_text(NET)
    expect(metric(page, "Of your goal")).to_have_text(SHARE)
    expect(metric(page, "Still to go")).to_have_text(TO_GO)
    expect(page.locator(".st-key-chart_monthly .main-svg").first).to_be_visible()
    expect(page.locator(".st-key-chart_month .main-svg").first).to_be_visible()
    no_trouble(page)
    assert_books(app)

    for title in page_titles(page):
        go_to(page, title)
        no_trouble(page)
        screenshot(page, f"month-{title.lower().replace(' ', '-')}")
