"""Named settings: home currency, language, Bengali digits, default platform fee rates."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, func, select

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Expense, Payment, Platform, Setting
from tracker.ledger.money import HOME_CURRENCY, normalize_currency, parse_decimal, to_latin_digits
from tracker.services.common import writing

LANGUAGES = ("bn", "en")
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


def get_setting(session: Session, key: str) -> str:
    """Return the stored value of a setting, or its default."""
    row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def set_setting(*, session: Session, key: str, value: str) -> Setting:
    """Store a setting after checking it; return the stored row."""
    clean = _validated(session, key, value)
    with writing(session):
        row = session.get(Setting, key) or Setting(key=key, value=clean)
        row.value = clean
        session.add(row)
    return row


def set_fee_percents(*, session: Session, fees: dict[str, str]) -> None:
    """Store the default fee of several platforms: all of them, or none if one is refused."""
    clean = {FEE_PREFIX + platform: _validated(session, FEE_PREFIX + platform, value)
             for platform, value in fees.items()}
    with writing(session):
        for key, value in clean.items():
            row = session.get(Setting, key) or Setting(key=key, value=value)
            row.value = value
            session.add(row)


def delete_setting(*, session: Session, key: str) -> None:
    """Forget a stored setting, so that its default applies again."""
    with writing(session):
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)


def home_currency(session: Session) -> str:
    """Return the home currency code (BDT unless changed before any money was logged)."""
    return get_setting(session, "home_currency")


def fee_percent(session: Session, platform: str) -> Decimal:
    """Return the default platform fee for a platform, in percent."""
    return Decimal(get_setting(session, FEE_PREFIX + platform) or "0")


def _validated(session: Session, key: str, value: str) -> str:
    """Return the cleaned value for a known setting, or refuse."""
    if key not in DEFAULTS:
        raise InvalidInput("There is no setting called “{key}”.", field="setting", key=key)
    if key == "home_currency":
        code = normalize_currency(value)
        if code != home_currency(session) and _has_money(session):
            raise InvalidInput("The home currency cannot change once payments or expenses are "
                               "logged: every amount was converted into it.", field="home currency")
        return code
    if key == "language":
        if value not in LANGUAGES:
            raise InvalidInput("Choose a language: bn or en.", field="language")
        return value
    if key == "bengali_digits":
        if value not in SWITCH:
            raise InvalidInput("Bengali digits are either on or off.", field="setting")
        return value
    if key == "backups_to_keep":
        count = to_latin_digits(str(value).strip())
        if not count.isdigit() or not 1 <= int(count) <= MAX_BACKUPS:
            raise InvalidInput("Keep from 1 to {limit} automatic backups.", field="setting",
                               limit=MAX_BACKUPS)
        return str(int(count))
    if key == "onboarded":
        if value not in ONBOARDED:
            raise InvalidInput("The welcome steps end as done, skipped or demo.", field="setting")
        return value
    percent = parse_decimal(value, field="fee")
    if not Decimal(0) <= percent <= Decimal(100):
        raise InvalidInput("A fee is a percent from 0 to 100.", field="fee")
    return format(percent.normalize(), "f")


def _has_money(session: Session) -> bool:
    """Return True if any payment or expense exists."""
    payments = session.exec(select(func.count()).select_from(Payment)).one()
    expenses = session.exec(select(func.count()).select_from(Expense)).one()
    return bool(payments or expenses)
