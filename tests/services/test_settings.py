"""The one settings reader and writer: limits from the model, one read per transaction, typed readers."""

from __future__ import annotations

from sqlalchemy import event
from sqlmodel import Session

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Setting
from tracker.services import settings
from tracker.services.settings import backups_to_keep, get_setting, saved_language, set_setting


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
