"""The one CSV writer of the export and the backup, the one formula guard, and the column formatting
of exported cells.

Written with Python's csv module: a field is quoted only when it holds a comma, a double quote, CR
or LF, and lines end with CR LF (RFC 4180's line end), so a lone CR inside a text ("a\rb", from an
old Mac file) is quoted and kept, and no reader breaks its row. Text cells a spreadsheet could run
as a formula get a leading ' (`harmless`); importing takes it off again (`unharmless`). Export files
are UTF-8 with a byte-order mark (Excel then shows Bengali names); backup files are plain UTF-8.
Cells are formatted a column at a time (amounts with numpy's string functions), which for 200,000
payments is a fraction of the time of a call per cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tracker.ledger.money import amount_text, exponent

if TYPE_CHECKING:
    import numpy as np

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


LARGEST = 2**62  # amounts beyond this do not fit numpy's integers: each goes through amount_text


def csv_file(columns: Mapping[str, Sequence[Any]], *, order: Sequence[int] | None = None,
             byte_order_mark: bool = True) -> bytes:
    """Return equally long columns as a CSV file's bytes: the names, then one line per row.

    `order`, if given, lists the rows' positions in the order they are written.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow(columns)
    rows = zip(*columns.values(), strict=True)
    if order is not None:
        every = list(rows)
        rows = map(every.__getitem__, order)  # type: ignore[assignment]
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig" if byte_order_mark else "utf-8")


def amount_column(minors: Sequence[Any], currencies: Sequence[str]) -> list[str]:
    """Return `amount_text` of each amount in its currency ('' for None), a column at a time."""
    import numpy as np  # loaded when amounts are written, not at every start

    if not minors:
        return []
    known = [0 if m is None else m for m in minors] if None in minors else minors
    try:
        numbers = np.array(known, dtype=np.int64)
    except (OverflowError, TypeError, ValueError):
        numbers = None
    if numbers is None or numbers.dtype != np.int64 or np.abs(numbers).max() >= LARGEST:
        return ["" if m is None else amount_text(m, c) for m, c in zip(minors, currencies, strict=True)]
    places = decimals(currencies)
    if len(places) == 1:
        texts = decimal_texts(numbers, next(iter(places)))
    else:
        texts = np.empty(len(numbers), dtype=object)
        for shift, rows in places.items():
            texts[rows] = decimal_texts(numbers[rows], shift)
    if known is not minors:
        texts[[m is None for m in minors]] = ""
    return texts.tolist()  # type: ignore[no-any-return]


def decimals(currencies: Sequence[str]) -> dict[int, Any]:
    """Return the rows of each number of decimals (the currency's exponent): all rows (a slice) if one."""
    import numpy as np

    codes = set(currencies)
    shifts = {code: exponent(code) for code in codes}
    if len(set(shifts.values())) == 1:
        return {next(iter(shifts.values())): slice(None)}
    each = np.fromiter(map(shifts.__getitem__, currencies), dtype=np.int64, count=len(currencies))
    return {int(shift): each == shift for shift in np.unique(each)}


def decimal_texts(numbers: np.ndarray, places: int) -> np.ndarray:
    """Return minor units as exact decimal texts with a fixed number of decimals ('-12.05', '1500').

    Each different amount is written once.
    """
    import numpy as np

    amounts, where = np.unique(numbers, return_inverse=True)
    whole, part = np.divmod(np.abs(amounts), 10**places)
    texts = np.strings.add(np.where(amounts < 0, "-", ""), whole.astype(str))
    if places:
        texts = np.strings.add(np.strings.add(texts, "."), np.strings.zfill(part.astype(str), places))
    return texts.astype(object)[where]  # type: ignore[no-any-return]
