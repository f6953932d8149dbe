"""The one reader and writer of settings: home currency, language, Bengali digits, fees, backups kept.

Every setting is read here (`get_setting` and the named readers below), by the app, the command line
(read-only, tracker.cli.language) and the automatic backups. The settings table is read once per
transaction of a session and kept in `session.info`, so that an import that asks for the home
currency per row does not query it per row. Limits come from the model (`Setting.value`).
"""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from tracker.db.contents import is_empty
from tracker.i18n import LANGUAGES
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Expense, Payment, Platform, Setting
from tracker.ledger.money import HOME_CURRENCY, normalize_currency, parse_decimal, to_latin_digits
from tracker.services.common import optional_text, writing

SWITCH = ("on", "off")  # bengali_digits: numbers in Bengali digits when the language is Bengali
ONBOARDED = ("done", "skipped", "demo")  # how the welcome steps ended; unset: not yet
FEE_PREFIX = "fee_percent."
MAX_BACKUPS = 1000
DEFAULTS: dict[str, str] = {
    "home_currency": HOME_CURRENCY,
    "language": "",
    "bengali_digits": "on",
    "onboarded": "",
    "backups_to_keep": "10",  # automatic backups kept (tracker.io.autobackup)
    FEE_PREFIX + Platform.UPWORK.value: "10",
    FEE_PREFIX + Platform.FIVERR.value: "20",
    FEE_PREFIX + Platform.FREELANCER.value: "10",
    FEE_PREFIX + Platform.DIRECT.value: "0",
    FEE_PREFIX + Platform.OWN_WEBSITE.value: "0",
    FEE_PREFIX + Platform.OTHER.value: "0",
}
_READ = "tracker.settings"  # session.info key: (the transaction they were read in, the stored values)


def get_setting(session: Session, key: str) -> str:
    """Return the stored value of a setting, or its default."""
    return _stored(session).get(key, DEFAULTS.get(key, ""))


def _stored(session: Session) -> dict[str, str]:
    """Return every stored setting, read once per transaction of the session."""
    read = session.info.get(_READ)
    if read is None or read[0] is not session.get_transaction():
        values = {row.key: row.value for row in session.exec(select(Setting))}
        read = session.info[_READ] = (session.get_transaction(), values)
    return read[1]


def home_currency(session: Session) -> str:
    """Return the home currency code (BDT unless changed before any money was logged)."""
    return get_setting(session, "home_currency")


def fee_percent(session: Session, platform: str) -> Decimal:
    """Return the default platform fee for a platform, in percent."""
    return Decimal(get_setting(session, FEE_PREFIX + platform) or "0")


def saved_language(session: Session) -> str:
    """Return the language the person chose ("bn" or "en"), or "" when none was chosen yet."""
    stored = get_setting(session, "language")
    return stored if stored in LANGUAGES else ""


def backups_to_keep(session: Session) -> int:
    """Return how many automatic backups to keep (10 unless changed)."""
    stored = get_setting(session, "backups_to_keep")
    return int(stored) if stored.isdigit() and int(stored) > 0 else int(DEFAULTS["backups_to_keep"])


def set_setting(*, session: Session, key: str, value: str) -> Setting:
    """Store a setting after checking it; return the stored row."""
    return _store(session, {key: _validated(session, key, value)})[0]


def set_fee_percents(*, session: Session, fees: dict[str, str]) -> None:
    """Store the default fee of several platforms: all of them, or none if one is refused."""
    _store(session, {FEE_PREFIX + platform: _validated(session, FEE_PREFIX + platform, value)
                     for platform, value in fees.items()})


def delete_setting(*, session: Session, key: str) -> None:
    """Forget a stored setting, so that its default applies again."""
    session.info.pop(_READ, None)
    with writing(session):
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)


def _store(session: Session, values: dict[str, str]) -> list[Setting]:
    """Store checked values in one transaction; return the rows."""
    session.info.pop(_READ, None)
    with writing(session):
        rows = []
        for key, value in values.items():
            row = session.get(Setting, key) or Setting(key=key, value=value)
            row.value = value
            session.add(row)
            rows.append(row)
    return rows


def _validated(session: Session, key: str, value: str) -> str:
    """Return the cleaned value for a known setting, or refuse."""
    if key not in DEFAULTS:
        raise InvalidInput("There is no setting called “{key}”.", field="setting", key=key)
    optional_text(str(value), field="setting", max_length=Setting.value)
    if key == "home_currency":
        return _home_currency(session, value)
    if key == "backups_to_keep":
        return _backups_to_keep(value)
    if key.startswith(FEE_PREFIX):
        return _fee(value)
    allowed, refusal = _CHOICES[key]
    if value not in allowed:
        raise InvalidInput(refusal, field="language" if key == "language" else "setting")
    return value


_CHOICES = {  # the settings that are one of a few words, and the refusal of any other
    "language": (LANGUAGES, "Choose a language: bn or en."),
    "bengali_digits": (SWITCH, "Bengali digits are either on or off."),
    "onboarded": (ONBOARDED, "The welcome steps end as done, skipped or demo."),
}


def _home_currency(session: Session, value: str) -> str:
    """Return the currency code; refuse a change once money is logged in the old one."""
    code = normalize_currency(value)
    if code != home_currency(session) and not is_empty(session, (Payment, Expense)):
        raise InvalidInput("The home currency cannot change once payments or expenses are "
                           "logged: every amount was converted into it.", field="home currency")
    return code


def _backups_to_keep(value: str) -> str:
    """Return a count of backups from 1 to MAX_BACKUPS (either digits), or refuse."""
    count = to_latin_digits(str(value).strip())
    if not count.isdigit() or not 1 <= int(count) <= MAX_BACKUPS:
        raise InvalidInput("Keep from 1 to {limit} automatic backups.", field="setting", limit=MAX_BACKUPS)
    return str(int(count))


def _fee(value: str) -> str:
    """Return a fee percent from 0 to 100 as plain digits, or refuse."""
    percent = parse_decimal(value, field="fee")
    if not Decimal(0) <= percent <= Decimal(100):
        raise InvalidInput("A fee is a percent from 0 to 100.", field="fee")
    return format(percent.normalize(), "f")
