"""Text cells in exported CSV: made harmless for spreadsheets (no formula runs), and restored on import.

Every CSV file the app writes (export and backup) ends its lines with CR LF, RFC 4180's line end:
Python's csv module (and pandas) quote a field only when it holds a character of the line end, so a
text with a lone CR ("a\rb", from an old Mac file) is quoted too, and no reader breaks its row.
"""

from __future__ import annotations

from collections.abc import Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LINE_END = "\r\n"


def lines_end_with_lf_alone(data: str | bytes) -> bool:
    """Return True if the first line break of a file is LF with no CR before it.

    Such a file was written before the app's CSV files ended lines with CR LF, when a lone CR in a
    text was not quoted: in it, a CR is part of a text, not a line end.
    """
    line_feed, carriage_return = ("\n", "\r") if isinstance(data, str) else (b"\n", b"\r")
    end = data.find(line_feed)  # type: ignore[arg-type]
    return end >= 0 and data.find(carriage_return, 0, end) < 0  # type: ignore[arg-type]


def harmless(text: str | None) -> str:
    """Return text that a spreadsheet will not run as a formula (a leading ' is added).

    Text that already starts with ' followed by a formula character gets one more ', so that
    `unharmless` always gives the original back.
    """
    text = text or ""
    return "'" + text if text.lstrip("'").startswith(FORMULA_START) else text


RISKY_START = frozenset("".join(FORMULA_START) + "'")  # text starting otherwise is harmless as it is


def harmless_column(texts: Sequence[str | None]) -> list[str]:
    """Return `harmless` of each text (None gives ''), checking only the texts that could need it.

    A column whose different texts all start harmlessly (most: kinds, statuses, months) is kept as it is.
    """
    if all(t is not None and t[:1] not in RISKY_START for t in set(texts)):
        return list(texts)  # type: ignore[arg-type]
    return ["" if t is None else harmless(t) if t[:1] in RISKY_START else t for t in texts]


def unharmless(text: str | None) -> str:
    """Return the original text of a cell that `harmless` may have changed."""
    text = text or ""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_START):
        return text[1:]
    return text
