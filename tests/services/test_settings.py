"""Settings (tracker/services/settings.py): the one reader and writer, defaults, limits from the model."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import event
from sqlmodel import Session

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment, Setting
from tracker.services import settings
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import (
    backups_to_keep,
    delete_setting,
    fee_percent,
    get_setting,
    home_currency,
    saved_language,
    set_setting,
)


def test_setting_defaults(session: Session) -> None:
    assert home_currency(session) == "BDT"
    assert (fee_percent(session, "Upwork"), fee_percent(session, "Fiverr")) == (Decimal(10), Decimal(20))
    assert (fee_percent(session, "Freelancer.com"), fee_percent(session, "direct")) == (Decimal(10), 0)
    assert get_setting(session, "language") == ""


@pytest.mark.parametrize(("value", "stored"), [("12.5", "12.5"), ("0", "0"), ("100", "100"),
                                               ("15.00", "15"), ("১৫", "15")])
def test_fee_percent_is_stored(session: Session, value: str, stored: str) -> None:
    set_setting(session=session, key="fee_percent.Upwork", value=value)
    session.expire_all()
    assert session.get(Setting, "fee_percent.Upwork").value == stored
    assert fee_percent(session, "Upwork") == Decimal(stored)
    assert fee_percent(session, "Fiverr") == Decimal(20)


BAD_SETTINGS: list[tuple[str, str, str]] = [
    ("fee below 0", "fee_percent.Upwork", "-1"),
    ("fee above 100", "fee_percent.Upwork", "100.01"),
    ("fee not a number", "fee_percent.Fiverr", "ten"),
    ("unknown key", "colour", "blue"),
    ("unknown platform fee", "fee_percent.eBay", "10"),
    ("unknown language", "language", "fr"),
    ("language in words", "language", "English"),
    ("empty language", "language", ""),
    ("unknown currency", "home_currency", "XYZ"),
]


@pytest.mark.parametrize(("key", "value"), [(k, v) for _, k, v in BAD_SETTINGS],
                         ids=[n for n, _, _ in BAD_SETTINGS])
def test_bad_setting_is_refused_and_writes_nothing(session: Session, key: str, value: str) -> None:
    with pytest.raises(InvalidInput):
        set_setting(session=session, key=key, value=value)
    assert count(session, Setting) == 0


@pytest.mark.parametrize("language", ["bn", "en"])
def test_language_is_stored(session: Session, language: str) -> None:
    set_setting(session=session, key="language", value=language)
    set_setting(session=session, key="language", value=language)
    assert count(session, Setting) == 1
    assert get_setting(session, "language") == language


def test_home_currency_can_change_before_any_money(session: Session) -> None:
    """After the change, USD is home: a USD payment needs no rate."""
    set_setting(session=session, key="home_currency", value=" usd ")
    assert home_currency(session) == "USD"
    p = create_payment(session=session,
                       data=PaymentInput(paid_on="2026-08-03", gross="250", platform_fee="25"))
    assert (p.rate, p.gross_home_minor, p.net_home_minor) == ("1", 25000, 22500)


def test_home_currency_cannot_change_after_a_payment(session: Session) -> None:
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250", rate="122.5"))
    with pytest.raises(InvalidInput):
        set_setting(session=session, key="home_currency", value="USD")
    assert (home_currency(session), count(session, Setting), count(session, Payment)) == ("BDT", 0, 1)
    set_setting(session=session, key="home_currency", value="bdt")  # the same currency is fine
    assert home_currency(session) == "BDT"


def test_home_currency_cannot_change_after_an_expense(session: Session) -> None:
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-03", amount="500"))
    with pytest.raises(InvalidInput):
        set_setting(session=session, key="home_currency", value="EUR")
    assert home_currency(session) == "BDT"


def test_delete_setting_restores_default(session: Session) -> None:
    set_setting(session=session, key="fee_percent.Fiverr", value="25")
    assert fee_percent(session, "Fiverr") == Decimal(25)
    delete_setting(session=session, key="fee_percent.Fiverr")
    assert (count(session, Setting), fee_percent(session, "Fiverr")) == (0, Decimal(20))


def test_a_value_longer_than_the_models_column_is_refused(session: Session) -> None:
    limit = Setting.value.type.length  # type: ignore[attr-defined]
    try:
        set_setting(session=session, key="home_currency", value="U" * (limit + 1))
    except InvalidInput as err:
        assert err.params["limit"] == limit
    else:
        raise AssertionError("a value over the column's length was stored")
    assert get_setting(session, "home_currency") == "BDT"


def test_settings_are_read_once_per_transaction(session: Session) -> None:
    statements: list[str] = []
    engine = session.get_bind()

    def note(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        for _ in range(100):
            assert settings.home_currency(session) == "BDT"
            assert get_setting(session, "language") == ""
        assert len([s for s in statements if "FROM setting" in s]) == 1
        set_setting(session=session, key="language", value="bn")
        assert saved_language(session) == "bn", "a write is read back at once"
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_the_named_readers_give_defaults_until_set(session: Session) -> None:
    assert (saved_language(session), backups_to_keep(session)) == ("", 10)
    set_setting(session=session, key="backups_to_keep", value="৩")
    set_setting(session=session, key="language", value="en")
    assert (saved_language(session), backups_to_keep(session)) == ("en", 3)
