"""Translations and formats: every msgid has its Bengali text; taka in lakh and crore; Bengali digits.

The catalog test extracts the msgids from tracker/ and pages/ in-process, with the same extractor,
mapping (babel.cfg) and keywords that `make i18n` gives pybabel, so a message added to the code
without its Bengali translation fails here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import pytest
from babel.messages.catalog import Catalog

from tests.i18n.catalogs import extracted, forms, po
from tracker.i18n import N_, fill, translate, translate_plural
from tracker.io.rows import Refusal
from tracker.ledger.errors import InvalidInput
from tracker.ledger.money import parse_amount, parse_decimal
from tracker.ledger.months import MonthNet
from tracker.present import Present, format_day, format_money, format_month, format_number
from tracker.services.common import parse_day, parse_month
from tracker.web import charts

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.mark.parametrize(("count", "english", "bengali"), [
    (1, "1 gig uses the skill “Logo”. Change its skill first.",
     "1টি গিগে “Logo” দক্ষতা ব্যবহার করা হয়েছে। আগে সেটির দক্ষতা বদলান।"),
    (3, "3 gigs use the skill “Logo”. Change their skill first.",
     "3টি গিগে “Logo” দক্ষতা ব্যবহার করা হয়েছে। আগে সেগুলোর দক্ষতা বদলান।"),
])
def test_a_refusal_takes_the_form_of_its_count(count: int, english: str, bengali: str) -> None:
    error = InvalidInput("{count} gig uses the skill “{name}”. Change its skill first.",
                         plural="{count} gigs use the skill “{name}”. Change their skill first.",
                         field="skill", count=count, name="Logo")
    assert str(error) == english
    assert fill(error.message, error.params, str, error.plural) == english
    bn_forms = lambda one, many, n: translate_plural(one, many, n, "bn")  # noqa: E731
    bn = lambda message: translate(message, "bn")  # noqa: E731
    assert fill(error.message, error.params, bn, error.plural, bn_forms) == bengali


def untranslated(catalog: Catalog, msgids: Iterable[str]) -> list[str]:
    """Return the msgids without a translation in the catalog (a plural needs every form)."""
    return [m for m in msgids if m not in catalog or not all(forms(catalog[m].string))]


def wrong_placeholders(catalog: Catalog) -> list[tuple[object, object]]:
    """Return the (msgid, msgstr) whose translation (any plural form) has other {placeholders}."""
    return [(m.id, m.string) for m in catalog if m.id and any(forms(m.string))
            and any(Counter(PLACEHOLDER.findall(forms(m.id)[-1])) != Counter(PLACEHOLDER.findall(text))
                    for text in forms(m.string) if text)]


def test_every_message_has_a_bengali_translation() -> None:
    bn = po("bn")
    missing = untranslated(bn, extracted())
    assert not missing, f"no Bengali translation (run `make i18n`, then translate): {missing}"
    fuzzy = [m for m in extracted() if bn[m].fuzzy]
    assert not fuzzy, f"fuzzy Bengali translations (check them, remove the fuzzy flag): {fuzzy}"


def test_translations_keep_every_placeholder() -> None:
    assert not wrong_placeholders(po("bn"))


def test_the_checks_catch_a_plural_with_a_form_missing_or_a_placeholder_lost() -> None:
    catalog = Catalog(locale="bn")
    catalog.add(("{count} row", "{count} rows"), ("{count}টি সারি", ""))
    catalog.add(("{count} gig", "{count} gigs"), ("একটি গিগ", "{count}টি গিগ"))
    catalog.add("Net income", "নিট আয়")
    given = ["{count} row", "{count} gig", "Net income", "Gigs"]
    assert untranslated(catalog, given) == ["{count} row", "Gigs"]
    assert wrong_placeholders(catalog) == [(("{count} gig", "{count} gigs"), ("একটি গিগ", "{count}টি গিগ"))]


@pytest.mark.parametrize(("count", "english", "bengali"), [
    (1, "This gig has 1 payment. What should happen to it?", "এই গিগের 1টি পেমেন্ট আছে। সেটির কী হবে?"),
    (2, "This gig has 2 payments. What should happen to them?", "এই গিগের 2টি পেমেন্ট আছে। সেগুলোর কী হবে?"),
])
def test_plural_forms_follow_the_count(count: int, english: str, bengali: str) -> None:
    singular = "This gig has {count} payment. What should happen to it?"
    plural = "This gig has {count} payments. What should happen to them?"
    assert translate_plural(singular, plural, count, "en").format(count=count) == english
    assert translate_plural(singular, plural, count, "bn").format(count=count) == bengali
    untranslated_forms = translate_plural("{n} apple", "{n} apples", count, "bn")
    assert untranslated_forms == ("{n} apple" if count == 1 else "{n} apples")


def test_no_obsolete_entries_are_relied_on() -> None:
    assert not po("bn").obsolete, "obsolete (#~) entries are never shown; `make i18n` drops them"


def test_english_falls_back_to_the_msgid() -> None:
    english = po("en")
    assert english.locale_identifier == "en"
    assert all(not any(forms(m.string)) or m.string == m.id for m in english if m.id)
    assert translate("Net income", "en") == "Net income"
    assert translate("Net income", "bn") == "নিট আয়"
    assert translate("a message nobody wrote", "bn") == "a message nobody wrote"


def test_a_refusal_reads_in_bengali_field_and_all() -> None:
    bn = lambda message: translate(message, "bn")  # noqa: E731
    assert fill("Please give the {field}.", {"field": "client name"}, bn) == "অনুগ্রহ করে ক্লায়েন্টের নাম দিন।"
    assert fill("Please give the {field}.", {"field": "client name"}, str) == "Please give the client name."
    refusal = Refusal(4, "A “{type}” row should be {way}, but its amount is {amount}.",
                      (("field", "amount"), ("type", "Hourly"), ("way", N_("money in")), ("amount", "-5.00")))
    assert refusal.text(bn) == "“Hourly” ধরনের সারি হওয়ার কথা আসা টাকা, কিন্তু এর পরিমাণ -5.00।"
    assert refusal.text() == "A “Hourly” row should be money in, but its amount is -5.00."


@pytest.mark.parametrize(("value", "latin", "bengali"), [
    (100000, "1,00,000", "১,০০,০০০"),
    (12500000, "1,25,00,000", "১,২৫,০০,০০০"),
    (999, "999", "৯৯৯"),
    (-250000, "-2,50,000", "-২,৫০,০০০"),
])
def test_numbers_in_lakh_and_crore(value: int, latin: str, bengali: str) -> None:
    assert format_number(value) == latin
    assert format_number(value, bengali_digits=True) == bengali


@pytest.mark.parametrize(("minor", "currency", "whole", "latin", "bengali"), [
    (100_000_00, "BDT", True, "৳1,00,000", "৳১,০০,০০০"),
    (1_25_00_000_00, "BDT", True, "৳1,25,00,000", "৳১,২৫,০০,০০০"),
    (27_562_50, "BDT", False, "৳27,562.50", "৳২৭,৫৬২.৫০"),
    (100_000_00, "BDT", False, "৳1,00,000.00", "৳১,০০,০০০.০০"),
    (-1_25_000_50, "BDT", False, "-৳1,25,000.50", "-৳১,২৫,০০০.৫০"),
    (-5, "BDT", False, "-৳0.05", "-৳০.০৫"),
    (250_00, "USD", False, "$250.00", "$২৫০.০০"),
    (1_234_567_89, "USD", False, "$1,234,567.89", "$১,২৩৪,৫৬৭.৮৯"),
    (-12_00, "EUR", False, "-€12.00", "-€১২.০০"),
    (1235, "JPY", False, "¥1,235", "¥১,২৩৫"),
    (300_000, "JPY", True, "¥300,000", "¥৩০০,০০০"),  # a goal in yen: no decimals, and never ৳ (issue 16)
    (100_00, "USD", True, "$100", "$১০০"),
    (100_50, "USD", True, "$100.50", "$১০০.৫০"),
])
def test_money_in_both_languages(minor: int, currency: str, whole: bool, latin: str, bengali: str) -> None:
    assert format_money(minor, currency, whole=whole) == latin
    assert format_money(minor, currency, whole=whole, bengali_digits=True) == bengali


@pytest.mark.parametrize(("typed", "minor"), [
    ("১,০০,০০০", 100_000_00),
    ("৳১,২৫,০০,০০০.৫০", 1_25_00_000_50),
    ("১২৫০.৫০", 1250_50),
    ("1,00,000", 100_000_00),
    (" ৳1,00,000 ", 100_000_00),
])
def test_amounts_typed_in_either_digits(typed: str, minor: int) -> None:
    assert parse_amount(typed, "BDT") == minor


def test_numbers_days_and_months_typed_in_bengali_digits() -> None:
    assert parse_decimal("১২২.৫০") == Decimal("122.50")
    assert parse_day("২০২৬-০৮-০৩") == date(2026, 8, 3)
    assert parse_month("২০২৬-০৮") == "2026-08"


@pytest.mark.parametrize(("language", "digits", "day", "month"), [
    ("bn", True, "৩ আগস্ট ২০২৬", "আগস্ট ২০২৬"),
    ("bn", False, "3 আগস্ট 2026", "আগস্ট 2026"),
    ("en", False, "2026-08-03", "2026-08"),
])
def test_days_and_months(language: str, digits: bool, day: str, month: str) -> None:
    assert format_day(date(2026, 8, 3), language, bengali_digits=digits) == day
    assert format_day("2026-08-03", language, bengali_digits=digits) == day
    assert format_month("2026-08", language, bengali_digits=digits) == month
    assert format_day(None, language) == ""


def test_charts_write_months_and_days_as_the_person_reads_them() -> None:
    series = [MonthNet(month="2026-08", net_minor=100_000_00, goal_minor=100_000_00)]
    bengali = Present(language="bn", bengali_digits=True, home_currency="BDT")
    fig = charts.monthly_net_chart(series, bengali)
    assert list(fig.layout.xaxis.ticktext) == ["আগস্ট ২০২৬"]
    assert fig.data[0].hovertext[0] == "আগস্ট ২০২৬" and fig.data[0].customdata[0] == "৳১,০০,০০০.০০"
    progress = charts.month_progress_chart("2026-08", [(date(2026, 8, 3), 5_000_00)], 100_000_00, bengali)
    assert list(progress.data[0].hovertext) == ["১ আগস্ট ২০২৬", "৩ আগস্ট ২০২৬"]
    assert list(progress.layout.xaxis.ticktext) == ["১", "৮", "১৫", "২২", "২৯"]
