"""Support for the catalog tests: the code's msgids (extracted once) and the catalogs as Babel reads them."""

from __future__ import annotations

from functools import cache

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from tracker.i18n import catalog_path
from tracker.i18n.extract import messages


@cache
def extracted() -> dict[str, list[str]]:
    """Return the msgids of the code, with where each is used (extracted once per test run)."""
    return messages()


def forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    """Return a msgid's or msgstr's texts: one, or every plural form."""
    return text if isinstance(text, tuple) else (text,)


def translated(word: str) -> bool:
    """Return True if the Bengali catalog has a translation of the word (fuzzy ones do not count)."""
    message = po("bn").get(word)
    return message is not None and all(forms(message.string)) and not message.fuzzy


@cache
def po(language: str) -> Catalog:
    """Return a language's catalog file as Babel reads it."""
    with catalog_path(language).open("rb") as handle:
        return read_po(handle, locale=language)
