"""The command line's language: `--lang` (or TRACKER_LANG), else the one chosen in the app, else English.

The CLI's own messages are English msgids, translated with `_` like the pages' (tracker.i18n), so a
person who chose Bengali in the app reads a refused import's reasons in Bengali in the terminal too.
Click's own usage messages and the --help texts stay in English.
"""

from __future__ import annotations

import click

from tracker.i18n import DEFAULT_LANGUAGE, fill, translate, translate_plural
from tracker.ledger.errors import InvalidInput

_KEY = "tracker.language"


def choose_language(language: str | None) -> None:
    """Remember the language asked for on the command line (None: the app's, read when first needed)."""
    click.get_current_context().meta[_KEY] = language


def language() -> str:
    """Return the language of this command's messages."""
    context = click.get_current_context(silent=True)
    if context is None:
        return DEFAULT_LANGUAGE
    chosen = context.meta.get(_KEY)
    if chosen is None:
        root = context.find_root().obj
        chosen = context.meta[_KEY] = saved_language(root) if isinstance(root, str) else DEFAULT_LANGUAGE
    return chosen


def saved_language(db_url: str) -> str:
    """Return the language saved in the app's settings, or English (nothing is created or changed)."""
    from sqlalchemy.exc import SQLAlchemyError  # loaded only when a message needs the saved language
    from sqlmodel import Session

    from tracker.db.read_only import read_only_engine
    from tracker.services import settings

    engine = read_only_engine(db_url)
    if engine is None:
        return DEFAULT_LANGUAGE  # no database file yet
    try:
        with Session(engine) as session:
            return settings.saved_language(session) or DEFAULT_LANGUAGE
    except SQLAlchemyError:  # not a database yet, no settings table, locked, no server
        return DEFAULT_LANGUAGE
    finally:
        engine.dispose()


def _(message: str) -> str:
    """Return a message of the command line in its language."""
    return translate(message, language())


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a command line message for a count, in its language."""
    return translate_plural(singular, plural, count, language())


def reason(error: InvalidInput) -> str:
    """Return why input was refused, in the command's language (its field names translated too)."""
    return fill(error.message, error.params, _, error.plural, ngettext)
