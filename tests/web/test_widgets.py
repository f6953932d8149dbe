"""tracker/web/widgets.py: pickers, the delete confirmation, the currency list, forms that start afresh."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tracker.web.widgets import COMMON_CURRENCIES, currency_options


def picker() -> None:
    """Draw a picker with a 'none' choice, a delete confirmation, and a form key; show the results."""
    import streamlit as st

    from tracker.reports.choices import Choice
    from tracker.web import widgets

    chosen = widgets.pick("Client", [Choice(2, "Bright"), Choice(1, "Acme")], key="pick",
                          none_label="— none —", current=1)
    sure = widgets.confirm_delete("Acme", key="acme")
    st.markdown(f"{chosen} {sure} {widgets.form_key('client')}")
    if st.button("Save"):
        widgets.saved("client", "Saved Acme.")


def test_a_picker_starts_on_the_current_record_and_offers_none(db_url: str) -> None:
    at = AppTest.from_function(picker, default_timeout=30).run()
    assert at.selectbox(key="pick").options == ["— none —", "Bright", "Acme"]
    assert at.markdown[0].value == "1 False client_0"


def test_delete_needs_the_tick_then_the_button(db_url: str) -> None:
    at = AppTest.from_function(picker, default_timeout=30).run()
    assert at.button(key="acme_delete").disabled
    at.checkbox(key="acme_sure").check().run()
    assert at.checkbox(key="acme_sure").label == "Yes, delete Acme"
    at.button(key="acme_delete").click().run()
    assert at.markdown[0].value == "1 True client_0"


def test_a_save_empties_the_form_and_keeps_its_message(db_url: str) -> None:
    at = AppTest.from_function(picker, default_timeout=30).run()
    next(b for b in at.button if b.label == "Save").click().run()
    assert at.markdown[0].value.endswith("client_1"), "the form's key moved on: it starts empty"
    assert at.session_state["_flash"] == [("success", "Saved Acme.")]


def test_common_currencies_come_first_then_every_other_once() -> None:
    options = currency_options()
    assert options[:len(COMMON_CURRENCIES)] == COMMON_CURRENCIES
    assert len(options) == len(set(options)) and "CHF" in options
