"""Translations: English message ids, translated per language from gettext catalogs.

The English text is the message id (msgid). Each language has a catalog,
locales/<lang>/LC_MESSAGES/messages.po, read with Babel at run time (no compile step). A message
with no translation (or a fuzzy one) is shown in English: the English catalog therefore keeps its
msgstr empty, and a new language starts showing English until its translator fills it in.
`make i18n` extracts every msgid from the code (see tracker/i18n/extract.py) into messages.pot and
updates each catalog; tests/test_i18n.py fails while any msgid lacks its Bengali translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent / "locales"
DEFAULT_LANGUAGE = "en"
WORD_PARAMS = ("field", "what", "way")  # an error's params that hold English words (msgids), not data
Translator = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802  (the gettext convention for "translate later")
    """Return the message unchanged; marks an English msgid that is translated when shown."""
    return message


def catalog_path(language: str) -> Path:
    """Return where the catalog of a language lives."""
    return LOCALES / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=8)
def catalog(language: str) -> dict[str, str]:
    """Return msgid → translation for a language, read from locales/<lang>/LC_MESSAGES/messages.po."""
    path = catalog_path(language)
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        po = read_po(handle, locale=language)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def translate(message: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the message in the language, or the English message when no translation exists."""
    return catalog(language).get(message, message)


def fill(message: str, params: Mapping[str, Any], label: Translator) -> str:
    """Return an English template translated by `label`, then filled; word params (a field) translated."""
    text = label(message)
    if not params:
        return text
    values = {name: label(value) if name in WORD_PARAMS and f"{{{name}}}" in message else value
              for name, value in params.items()}
    return text.format(**values)
