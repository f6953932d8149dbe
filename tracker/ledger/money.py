"""Exact money: integer minor units per ISO 4217 currency, exact rates, conversion, plain amounts.

Rules, in one place:
- An amount is an `int` of minor units (cents, poisha); a currency's exponent comes from Babel's
  CLDR data (USD 2, BDT 2, JPY 0).
- A rate is a `Decimal`: how many units of the home currency one unit of the other currency gave.
- Conversion rounds once, half up (0.5 poisha goes up, -0.5 goes down), to the home currency's
  minor unit. Nothing between input and storage is a float.
- Display is tracker.present's (lakh grouping, Bengali digits); `amount_text` is the plain exact
  amount that CSV and JSON carry.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import lru_cache

from babel.numbers import get_currency_precision, list_currencies

from tracker.ledger.errors import InvalidInput

HOME_CURRENCY = "BDT"
BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_LATIN = str.maketrans(BENGALI_DIGITS, "0123456789")
_TO_BENGALI = str.maketrans("0123456789", BENGALI_DIGITS)
_KNOWN = frozenset(list_currencies())
_SYMBOLS = re.compile(r"^(?:[$৳€£¥₹]|tk\.?|usd|bdt|eur|gbp)\s*|\s*(?:[$৳€£¥₹]|tk\.?|usd|bdt|eur|gbp)$",
                      re.IGNORECASE)
# Digits grouped in thousands (1,000,000) or in lakh and crore (10,00,000), or not grouped; never "250,00".
_NUMBER = re.compile(r"^[+-]?((\d{1,3}(,\d{3})*|\d{1,2}(,\d{2})*,\d{3}|\d+)(\.\d*)?|\.\d+)$")
_PLAIN = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?")  # '1234.56', '-12': nothing to clean (statements)
_PLAIN_PARTS = re.compile(r"([+-]?)([0-9]{1,20})(?:\.([0-9]*))?")  # the same, short enough for int()
MAX_RATE_DECIMALS = 10
# The largest amount stored, in minor units (10 trillion taka or dollars): far beyond any payment, and
# small enough that SQLite's 64-bit integers hold it, its conversions and sums of thousands of them.
MAX_MINOR = 10**15
_MAX_DIGITS = len(str(MAX_MINOR))


def known_currencies() -> list[str]:
    """Return every ISO 4217 code that the app accepts, sorted."""
    return sorted(_KNOWN)


@lru_cache(maxsize=512)
def normalize_currency(code: str | None) -> str:
    """Return the upper-case ISO code, or raise InvalidInput for an unknown one."""
    cleaned = (code or "").strip().upper()
    if cleaned not in _KNOWN:
        raise InvalidInput("“{code}” is not a currency we know. Use a code like USD or BDT.",
                           field="currency", code=(code or "").strip())
    return cleaned


@lru_cache(maxsize=512)
def exponent(currency: str) -> int:
    """Return how many decimals the currency's minor unit has (USD 2, JPY 0)."""
    return int(get_currency_precision(normalize_currency(currency)))


def to_latin_digits(text: str) -> str:
    """Return the text with Bengali digits replaced by 0-9."""
    return text.translate(_TO_LATIN)


def to_bengali_digits(text: str) -> str:
    """Return the text with 0-9 replaced by Bengali digits."""
    return text.translate(_TO_BENGALI)


def parse_decimal(text: str | int | Decimal, *, field: str = "amount") -> Decimal:
    """Return the exact number a person typed: '1,250.50', '১২৫০.৫০', '৳1,00,000', ' 12 '."""
    if isinstance(text, Decimal):
        value = text
    elif (isinstance(text, int) and not isinstance(text, bool)
          or isinstance(text, str) and _PLAIN.fullmatch(text)):  # plain digits: nothing to clean
        value = Decimal(text)
    elif isinstance(text, str) and not text.strip():
        raise InvalidInput("Please give the {field}.", field=field)
    elif isinstance(text, str):
        cleaned = _SYMBOLS.sub("", to_latin_digits(text).strip()).replace(" ", "").replace("\u00a0", "")
        if not _NUMBER.match(cleaned):
            raise InvalidInput("“{text}” is not a number. Type digits, like 1,250.50.",
                               field=field, text=text.strip())
        value = Decimal(cleaned.replace(",", ""))
    else:
        raise InvalidInput("“{text}” is not a number. Type digits, like 1,250.50.",
                           field=field, text=str(text))
    if not value.is_finite():
        raise InvalidInput("“{text}” is not a number. Type digits, like 1,250.50.",
                           field=field, text=str(text))
    return value


def parse_minor(text: str, currency: str, *, field: str = "amount") -> int:
    """Return `to_minor(parse_decimal(text))`: minor units for typed text, refused the same way.

    Plain digits that fit the currency ('1234.56', '-12') are counted with integers alone, without a
    Decimal: most statement cells are like that. Anything else takes the general path.
    """
    plain = _PLAIN_PARTS.fullmatch(text)
    if plain is not None:
        sign, whole, part = plain.groups()
        places = exponent(currency)
        part = (part or "").rstrip("0")
        if len(part) <= places:
            minor = int(whole + part.ljust(places, "0"))
            return bounded(-minor if sign == "-" else minor, field=field)
    return to_minor(parse_decimal(text, field=field), currency, field=field)


def to_minor(value: Decimal, currency: str, *, field: str = "amount") -> int:
    """Return the amount in minor units, refusing more decimals than the currency has."""
    places = exponent(currency)
    adjusted = value.adjusted()
    if adjusted > _MAX_DIGITS:  # no need to scale a number this large
        raise InvalidInput("That amount is too large.", field=field)
    if adjusted >= -40 and value.is_finite():  # exact integer arithmetic (see _exact_ratio), the common case
        numerator, denominator = value.as_integer_ratio()
        scaled, rest = divmod(numerator * 10**places, denominator)
        if rest:
            raise InvalidInput("{currency} amounts have at most {places} decimals; “{value}” has more.",
                               field=field, currency=currency, places=places, value=str(value))
        return bounded(scaled, field=field)
    with localcontext() as exact:  # enough digits that scaling never rounds
        exact.prec = len(value.as_tuple().digits) + places + 2
        scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise InvalidInput("{currency} amounts have at most {places} decimals; “{value}” has more.",
                           field=field, currency=currency, places=places, value=str(value))
    return bounded(int(scaled), field=field)


def _exact_ratio(value: Decimal) -> tuple[int, int] | None:
    """Return a finite number of ordinary size as (numerator, denominator), or None (use Decimal).

    Ordinary: its leading digit within 10**±40 (`adjusted`, cheaper to read than the exponent). The
    integers are then no longer than the number's own digits; 1E-999999 is left to Decimal.
    """
    if not value.is_finite() or not -40 <= value.adjusted() <= 40:
        return None
    return value.as_integer_ratio()


def bounded(minor: int, *, field: str = "amount") -> int:
    """Return the minor units if they are within MAX_MINOR either way, else refuse them as too large."""
    if abs(minor) > MAX_MINOR:
        raise InvalidInput("That amount is too large.", field=field)
    return minor


def parse_amount(text: str | int | Decimal, currency: str, *, field: str = "amount",
                 allow_zero: bool = False, allow_negative: bool = False) -> int:
    """Return minor units for typed text; refuse zero or negative unless allowed."""
    if isinstance(text, str):
        minor = parse_minor(text, currency, field=field)
    else:
        minor = to_minor(parse_decimal(text, field=field), currency, field=field)
    return counted(minor, field=field, allow_zero=allow_zero, allow_negative=allow_negative)


def counted(minor: int, *, field: str = "amount", allow_zero: bool = False,
            allow_negative: bool = False) -> int:
    """Return minor units already counted (a statement's) if `parse_amount` would accept them, else refuse."""
    bounded(minor, field=field)
    if minor < 0 and not allow_negative:
        raise InvalidInput("The {field} cannot be negative.", field=field)
    if minor == 0 and not allow_zero:
        raise InvalidInput("The {field} must be more than zero.", field=field)
    return minor


def parse_rate(text: str | int | Decimal, *, field: str = "rate") -> Decimal:
    """Return a positive exchange rate with at most ten decimals, normalised ('122.50' → 122.5).

    A statement gives every row the same rate: the rates of the last few texts or Decimals are
    remembered (a Decimal by its exact text, so that 1.10000000000 is still refused for its decimals).
    """
    if text.__class__ is str or text.__class__ is Decimal:
        key = (text.__class__, str(text))
        rate = _RATES.get(key)
        if rate is None:
            rate = _checked_rate(text, field=field)
            if len(_RATES) >= 256:
                _RATES.clear()
            _RATES[key] = rate
        return rate
    return _checked_rate(text, field=field)


_RATES: dict[tuple[type, str], Decimal] = {}


def _checked_rate(text: str | int | Decimal, *, field: str) -> Decimal:
    """Return the rate `parse_rate` describes, or refuse it (nothing remembered)."""
    if isinstance(text, str) and not text.strip():
        raise InvalidInput("Give the exchange rate you received, for example 122.50.", field=field)
    value = parse_decimal(text, field=field)
    if value <= 0:
        raise InvalidInput("The exchange rate must be more than zero.", field=field)
    if -value.as_tuple().exponent > MAX_RATE_DECIMALS:  # type: ignore[operator]
        raise InvalidInput("An exchange rate has at most {places} decimals.", field=field,
                           places=MAX_RATE_DECIMALS)
    return Decimal(rate_to_text(value))


def rate_to_text(rate: Decimal) -> str:
    """Return the rate as plain text for storage ('122.5', never '1.225E+2')."""
    return format(rate.normalize(), "f")


def from_minor(minor: int, currency: str) -> Decimal:
    """Return the exact decimal amount of a count of minor units (2756250 BDT → 27562.50)."""
    places = exponent(currency)
    if abs(minor) < 10**27:  # fewer digits than the context keeps: scaling alone is exact, and quantized
        return Decimal(minor).scaleb(-places)
    return Decimal(minor).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def convert(minor: int, currency: str, rate: Decimal, home_currency: str) -> int:
    """Return minor units of the home currency for an amount at a rate, rounded half up once."""
    factors = _factors(currency, rate, home_currency) if rate.is_finite() else None
    if factors is not None:  # exact integer arithmetic, the common case: round half up (away from zero)
        product = minor * factors[0]
        whole, rest = divmod(abs(product), factors[1])
        whole += 2 * rest >= factors[1]
        return bounded(-whole if product < 0 else whole)
    shift = _shift(currency, home_currency)
    with localcontext() as exact:  # enough digits that the product is exact before the one rounding
        exact.prec = len(str(minor)) + len(rate.as_tuple().digits) + abs(shift) + 4
        return _round_half_up(Decimal(minor).scaleb(shift) * rate)


@lru_cache(maxsize=512)
def _factors(currency: str, rate: Decimal, home_currency: str) -> tuple[int, int] | None:
    """Return (multiplier, divisor) that turn minor units of the currency into the home currency's.

    None for a rate of no ordinary size (converted with Decimal). Remembered: a statement converts
    every row at the same rate. Equal rates give the same factors, however they are written.
    """
    ratio = _exact_ratio(rate)
    if ratio is None:
        return None
    shift = _shift(currency, home_currency)
    return ratio[0] * 10**max(shift, 0), ratio[1] * 10**max(-shift, 0)


@lru_cache(maxsize=512)
def _shift(currency: str, home_currency: str) -> int:
    """Return the home currency's decimals less the currency's (0 for the same currency)."""
    if normalize_currency(currency) == normalize_currency(home_currency):
        return 0
    return exponent(home_currency) - exponent(currency)


def _round_half_up(value: Decimal) -> int:
    """Return the nearest integer, halves away from zero; refuse a result beyond MAX_MINOR."""
    if not value.is_finite() or value.adjusted() > _MAX_DIGITS:
        raise InvalidInput("That amount is too large.", field="amount")
    try:
        return bounded(int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    except InvalidOperation as exc:  # more digits than the context holds
        raise InvalidInput("That amount is too large.", field="amount") from exc


def amount_text(minor: int, currency: str) -> str:
    """Return the plain exact amount for CSV and JSON ('27562.50'), no grouping, no symbol."""
    places = exponent(currency)
    if type(minor) is int and abs(minor) < 10**27:  # integer digits, as Decimal would write them
        if not places:
            return str(minor)
        whole, part = divmod(abs(minor), 10**places)
        return f"{'-' if minor < 0 else ''}{whole}.{part:0{places}d}"
    return format(from_minor(minor, currency), "f")
