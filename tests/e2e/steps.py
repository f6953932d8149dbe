"""A person's steps in the app, one function per thing they do with one kind of record.

Each step finds widgets by their visible labels, presses the page's own buttons, waits for the app, and
checks the message the page shows after saving, so that a step that did nothing fails where it
happened. The caller opens the right page first (browser.go_to).
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.e2e.browser import (
    choose,
    choose_now,
    chosen,
    flash,
    form,
    main,
    no_trouble,
    press,
    tab,
    type_in,
    wait_idle,
)

NO_CLIENT = "— none —"  # the pickers' "no client" choice; they keep the last choice after a save


def saved(page: Page, message: str) -> None:
    """Assert the page says the save worked, in these words, and shows no error."""
    expect(flash(page).get_by_text(message, exact=True)).to_be_visible()
    no_trouble(page)


def tick(scope: Page | Locator, label: str, ticked: bool = True) -> None:
    """Tick (or untick) a check box inside a form by its label."""
    box = scope.get_by_role("checkbox", name=label, exact=True)
    if box.is_checked() != ticked:
        scope.get_by_text(label, exact=True).click()
    expect(box).to_be_checked(checked=ticked)


def choose_in_tab(page: Page, name: str, label: str, option: str, *, exact: bool = True) -> Locator:
    """Pick an option outside a form on a tab; return the tab's panel, shown again after the run.

    A run that adds or removes the message above the tabs shows the first tab again (reported as a
    bug); a person would click their tab again, and so does this step.
    """
    choose_now(page, tab(page, name), label, option, exact=exact, check=False)
    panel = tab(page, name)
    chosen(panel, label, option, exact=exact)
    return panel


def expander(page: Page, title: str) -> Locator:
    """Open an expander by its title (no script run) and return it."""
    box = page.get_by_test_id("stExpander").filter(has_text=title)
    details = box.locator("details")
    if details.get_attribute("open") is None:
        box.get_by_text(title, exact=True).click()
    expect(details).to_have_attribute("open", "")
    return box


# --- clients (Clients page) ------------------------------------------------------------------------

def add_client(page: Page, name: str, platform: str, country: str = "", verified: bool = False) -> None:
    """Add a client with the 'Add client' form."""
    new = form(page, "Add client")
    type_in(new, "Client name", name)
    choose(new, "Platform", platform)
    type_in(new, "Country", country)
    tick(new, "Payment method verified", verified)
    press(page, new, "Add client")
    saved(page, f"Added {name}.")


def edit_client(page: Page, current: str, *, name: str, country: str | None = None) -> None:
    """Pick a client under 'Change a client', correct its name (and country), and save."""
    choose_now(page, main(page), "Client to change", current)
    edit = form(page, "Save changes")
    expect(edit.get_by_label("Client name", exact=True)).to_have_value(current)
    type_in(edit, "Client name", name)
    if country is not None:
        type_in(edit, "Country", country)
    press(page, edit, "Save changes")
    saved(page, f"Saved {name}.")


# --- skills, learning time, mentor reviews (Skills and learning page) ------------------------------

def add_skill(page: Page, name: str, kind: str, stage: str = "learning") -> None:
    """Add a skill with its kind of work and stage."""
    new = form(tab(page, "Skills"), "Add skill")
    type_in(new, "Skill", name)
    choose(new, "Kind of work", kind)
    choose(new, "Stage", stage)
    press(page, new, "Add skill")
    saved(page, f"Added {name}.")


def edit_skill(page: Page, current: str, *, name: str) -> None:
    """Pick a skill under 'Change or delete a skill', correct its name, and save."""
    panel = choose_in_tab(page, "Skills", "Skill to change", current)
    edit = form(panel, "Save changes")
    expect(edit.get_by_label("Skill", exact=True)).to_have_value(current)
    type_in(edit, "Skill", name)
    press(page, edit, "Save changes")
    saved(page, "Saved.")


def log_learning(page: Page, skill: str, minutes: int, note: str = "") -> None:
    """Log learning time for a skill (today) with 'I learned today'."""
    new = form(tab(page, "Learning time"), "Save learning time")
    choose(new, "Skill", skill)
    type_in(new, "Minutes", str(minutes))
    type_in(new, "What you learned (optional)", note)
    press(page, new, "Save learning time")
    saved(page, f"Saved {minutes} minutes. Keep going!")


def edit_learning(page: Page, current: str, *, minutes: int) -> None:
    """Pick a learning session (by part of its label, like 'Logo design · 45 min'), fix its minutes."""
    panel = choose_in_tab(page, "Learning time", "Learning time to change", current, exact=False)
    edit = form(panel, "Save changes")
    type_in(edit, "Minutes", str(minutes))
    press(page, edit, "Save changes")
    saved(page, "Saved.")


def add_review(page: Page, skill: str, mentor: str, verdict: str, notes: str = "") -> None:
    """Save a mentor review of a skill (today)."""
    new = form(tab(page, "Mentor reviews"), "Save review")
    choose(new, "Skill", skill)
    type_in(new, "Mentor", mentor)
    new.get_by_text(verdict, exact=True).click()
    expect(new.get_by_role("radio", name=verdict, exact=True)).to_be_checked()
    type_in(new, "What the mentor said", notes)
    press(page, new, "Save review")
    saved(page, "Review saved.")


def edit_review(page: Page, current: str, *, mentor: str) -> None:
    """Pick a review (by part of its label, like 'Logo design · Rahim'), correct the mentor's name."""
    panel = choose_in_tab(page, "Mentor reviews", "Review to change", current, exact=False)
    edit = form(panel, "Save changes")
    type_in(edit, "Mentor", mentor)
    press(page, edit, "Save changes")
    saved(page, "Saved.")


# --- gigs (Gigs page) ------------------------------------------------------------------------------

def add_gig(page: Page, title: str, *, status: str, price: str, client: str | None = None,
            skill: str | None = None, platform: str | None = None, pricing: str = "fixed",
            currency: str = "USD", hours: str = "", reason: str = "") -> None:
    """Add a gig at any status of the pipeline with the 'Add gig' form."""
    new = form(page, "Add gig")
    type_in(new, "What is the work?", title)
    if client:
        choose(new, "Client", client)
    if skill:
        choose(new, "Skill", skill)
    if platform:
        choose(new, "Platform", platform)
    choose(new, "Fixed or hourly", pricing)
    choose(new, "Status", status)
    type_in(new, "Agreed price (per hour for hourly work)", price)
    choose(new, "Currency", currency)
    type_in(new, "Hours worked", hours)
    type_in(new, "Why you declined it (only for declined work)", reason)
    press(page, new, "Add gig")
    saved(page, f"Added {title}.")


def pick_gig(page: Page, title: str) -> None:
    """Choose a gig under 'Change a gig' by its title."""
    choose_now(page, main(page), "Gig to change", f" {title} · ", exact=False)


def move_gig(page: Page, title: str, status: str, reason: str | None = None) -> None:
    """Move a gig along the pipeline; a decline needs one of the page's reasons."""
    pick_gig(page, title)
    panel = choose_in_tab(page, "Move along", "New status", status)
    if reason is not None:
        wait_idle(page, panel.get_by_text(reason, exact=True).click)
        panel = tab(page, "Move along")
        expect(panel.get_by_role("radio", name=reason, exact=True)).to_be_checked()
    press(page, panel, "Move gig")
    saved(page, f"{title} is now: {status}.")


def edit_gig(page: Page, title: str, *, new_title: str | None = None, price: str | None = None) -> None:
    """Correct a gig's title or agreed price in its Edit tab."""
    pick_gig(page, title)
    edit = form(tab(page, "Edit"), "Save changes")
    expect(edit.get_by_label("What is the work?", exact=True)).to_have_value(title)
    if new_title is not None:
        type_in(edit, "What is the work?", new_title)
    if price is not None:
        type_in(edit, "Agreed price (per hour for hourly work)", price)
    press(page, edit, "Save changes")
    saved(page, f"Saved {new_title or title}.")


# --- payments and expenses (Log work page) ---------------------------------------------------------

def _money(new: Locator, labels: tuple[str, str, str, str], gross: str, fee: str, transfer: str,
           rate: str | None) -> None:
    """Type the amount, fees and (for a foreign currency) the rate into a payment form."""
    type_in(new, labels[0], gross)
    type_in(new, labels[1], fee)
    type_in(new, labels[2], transfer)
    rate_field = new.get_by_label(labels[3], exact=True)
    if rate is None:
        expect(rate_field).to_have_count(0)  # a payment in taka has no rate
    else:
        rate_field.fill(rate)


def log_payment(page: Page, *, currency: str, gross: str, fee: str = "0", transfer: str = "0",
                rate: str | None = None, client: str | None = None, net: str, note: str = "") -> None:
    """Log a payment (today) on the Payment tab; `net` is the taka the page must say it saved."""
    panel = choose_in_tab(page, "Payment", "Currency", currency)
    panel = choose_in_tab(page, "Payment", "Client (optional)", client or NO_CLIENT)
    new = form(panel, "Save payment")
    _money(new, ("Amount the client paid", "Platform fee", "Transfer / withdrawal fee",
                 "Taka received for 1 unit (rate)"), gross, fee, transfer, rate)
    type_in(new, "Note (optional)", note)
    press(page, new, "Save payment")
    saved(page, f"Saved: {net} net.")


def log_gig_with_payment(page: Page, title: str, *, currency: str, gross: str, net: str,
                         fee: str = "0", transfer: str = "0", rate: str | None = None,
                         client: str | None = None, skill: str | None = None, hours: str = "") -> None:
    """Log a paid gig and its payment together on the 'Gig and its payment' tab."""
    panel = choose_in_tab(page, "Gig and its payment", "Currency", currency)
    panel = choose_in_tab(page, "Gig and its payment", "Client (optional)", client or NO_CLIENT)
    new = form(panel, "Save gig and payment")
    type_in(new, "Gig title", title)
    if skill:
        choose(new, "Skill (optional)", skill)
    expect(new.get_by_role("combobox", name="Gig status", exact=True)).to_have_value("paid")
    type_in(new, "Hours worked (optional)", hours)
    _money(new, ("Amount paid for the gig", "Platform fee on it", "Transfer fee on it",
                 "Rate for it (taka for 1 unit)"), gross, fee, transfer, rate)
    press(page, new, "Save gig and payment")
    saved(page, f"Saved “{title}” and its payment: {net} net.")


def log_expense(page: Page, *, amount: str, category: str, in_taka: str, currency: str = "BDT",
                rate: str | None = None, note: str = "") -> None:
    """Log an expense (today) on the Expense tab; `in_taka` is what the page must say was spent."""
    panel = choose_in_tab(page, "Expense", "Currency", currency)
    new = form(panel, "Save expense")
    type_in(new, "Amount spent", amount)
    choose(new, "Category", category)
    if rate is not None:
        type_in(new, "Taka for 1 unit (rate)", rate)
    type_in(new, "Note (optional)", note)
    press(page, new, "Save expense")
    saved(page, f"Saved: {in_taka} spent.")


def edit_payment(page: Page, which: str, *, gross: str) -> None:
    """Pick a payment (by part of its label, like '৳20,000.00') and correct its amount."""
    box = expander(page, "Change or delete a payment")
    choose_now(page, box, "Payment to change", which, exact=False)
    box = expander(page, "Change or delete a payment")
    edit = form(box, "Save changes")
    type_in(edit, "Amount the client paid", gross)
    press(page, edit, "Save changes")
    saved(page, "The payment is changed.")


def edit_expense(page: Page, which: str, *, amount: str) -> None:
    """Pick an expense (by part of its label, like '৳25,000.00') and correct its amount."""
    box = expander(page, "Change or delete an expense")
    choose_now(page, box, "Expense to change", which, exact=False)
    box = expander(page, "Change or delete an expense")
    edit = form(box, "Save changes")
    type_in(edit, "Amount spent", amount)
    press(page, edit, "Save changes")
    saved(page, "The expense is changed.")
