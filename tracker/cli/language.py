"""The command line's language: `--lang` (or TRACKER_LANG), else the one chosen in the app, else English.

The CLI's own messages are English msgids, translated with `_` like the pages' (tracker.i18n), so a
person who chose Bengali in the app reads a refused import's reasons in Bengali in the terminal too.
Click's own usage messages and the --help texts stay in English.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.i18n import DEFAULT_LANGUAGE, fill, translate
from tracker.ledger.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy import Engine

LANGUAGES = ("bn", "en")
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
    from sqlalchemy.exc import SQLAlchemyError
    from sqlmodel import Session

    from tracker.services.settings import get_setting

    engine = _read_only_engine(db_url)
    if engine is None:
        return DEFAULT_LANGUAGE  # no database file yet
    try:
        with Session(engine) as session:
            saved = get_setting(session, "language")
    except (SQLAlchemyError, sqlite3.Error):  # not a database yet, no settings table, locked
        return DEFAULT_LANGUAGE
    finally:
        engine.dispose()
    return saved if saved in LANGUAGES else DEFAULT_LANGUAGE


def _read_only_engine(db_url: str) -> Engine | None:
    """Return an engine that cannot write or create anything: a SQLite file opened read-only; None if
    there is no such file."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine.url import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(db_url)
    file = Path(url.database or "")
    if not url.database or url.database == ":memory:" or not file.is_file():
        return None
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(
        f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=5))


def _(message: str) -> str:
    """Return a message of the command line in its language."""
    return translate(message, language())


def reason(error: InvalidInput) -> str:
    """Return why input was refused, in the command's language (its field names translated too)."""
    return fill(error.message, error.params, _)
