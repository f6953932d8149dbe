"""Translations: English message ids, translated per language from gettext catalogs.

The English text is the message id. Until a catalog for a language exists, the English text is
shown; the Bengali catalog arrives with the language work (issue 5).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent / "locales"
DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=8)
def catalog(language: str) -> dict[str, str]:
    """Return msgid → translation for a language, read from locales/<lang>/LC_MESSAGES/messages.po."""
    path = LOCALES / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        po = read_po(handle, locale=language)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def translate(message: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the message in the language, or the English message when no translation exists."""
    return catalog(language).get(message, message)
