"""Translations: English message ids, translated per language from gettext catalogs.

The English text is the message id (msgid). Each language has a catalog,
locales/<lang>/LC_MESSAGES/messages.po, read at run time and compiled in memory (no compile step)
into a `babel.support.Translations`, once per language: gettext, with the language's plural forms
(`translate_plural`, marked `ngettext` in the code). A message with no translation (or a fuzzy one)
is shown in English: the English catalog therefore keeps its msgstr empty, and a new language starts
showing English until its translator fills it in.
`make i18n` extracts every msgid from the code (see tracker/i18n/extract.py) into messages.pot and
updates each catalog; tests/test_i18n.py fails while any msgid lacks its Bengali translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES = Path(__file__).resolve().parent / "locales"
LANGUAGES = ("bn", "en")  # the languages a person can choose, Bengali first
DEFAULT_LANGUAGE = "en"
WORD_PARAMS = ("field", "what", "way")  # an error's params that hold English words (msgids), not data
Translator = Callable[[str], str]
PluralTranslator = Callable[[str, str, int], str]  # ngettext: singular, plural, count


def N_(message: str) -> str:  # noqa: N802  (the gettext convention for "translate later")
    """Return the message unchanged; marks an English msgid that is translated when shown."""
    return message


def catalog_path(language: str) -> Path:
    """Return where the catalog of a language lives."""
    return LOCALES / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=8)
def translations(language: str) -> NullTranslations:
    """Return the gettext translations of a language, compiled in memory from its .po catalog."""
    path = catalog_path(language)
    if not path.exists():
        return NullTranslations()
    with path.open("rb") as handle:
        po = read_po(handle, locale=language)
    for message in list(po)[1:]:
        if isinstance(message.string, tuple) and not all(message.string):
            del po[message.id]  # a plural with a form missing is shown in English, as a missing singular
    compiled = BytesIO()
    write_mo(compiled, po)  # fuzzy translations are left out: shown in English
    compiled.seek(0)
    return Translations(compiled)


def translate(message: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the message in the language, or the English message when no translation exists."""
    return translations(language).gettext(message) if message else message


def translate_plural(singular: str, plural: str, count: int, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the form of a message for a count, in the language (the English forms when untranslated)."""
    return translations(language).ngettext(singular, plural, count)


def fill(message: str, params: Mapping[str, Any], label: Translator, plural: str | None = None,
         forms: PluralTranslator | None = None) -> str:
    """Return an English template translated by `label`, then filled; word params (a field) translated.

    A template with a plural takes the form for `params["count"]`, translated by `forms` (ngettext).
    """
    if plural is not None:
        count = params["count"]
        text = forms(message, plural, count) if forms else (message if count == 1 else plural)
    else:
        text = label(message)
    if not params:
        return text
    values = {name: label(value) if name in WORD_PARAMS and f"{{{name}}}" in message else value
              for name, value in params.items()}
    return text.format(**values)
