"""Reading a statement file: decoding (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252),
CSV parsing (every cell text, nothing parsed as a float: Python's csv module for a regular file, else
pandas), and header normalisation.

Rows are numbered the way a spreadsheet shows them: the header is row 1, the first data row is 2.
Rows whose cells are all empty are left out (they are not data).

Refused before anything is parsed: a file over MAX_IMPORT_MB (25 MB is about 180,000 Upwork rows;
reading and checking one takes about 5 seconds and 570 MB of memory), binary data (an image or a
spreadsheet renamed .csv), UTF-8 text with some lines in another encoding, and a file with no data
rows. A column that a format needs and that appears twice is refused when the format asks for it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from tracker.io.csv import lines_end_with_lf_alone
from tracker.ledger.errors import InvalidInput

_NOT_NAME = re.compile(r"[\W_]+", re.UNICODE)
_LETTERS_BEYOND_ASCII = re.compile("[^\x00-\x7f\ufffd\ufeff]")
BOM = "\ufeff"
MAX_IMPORT_MB = 25
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024


def normalise(header: str) -> str:
    """Return a column name reduced to lower-case letters and digits ('Amount $' → 'amount')."""
    return _NOT_NAME.sub("", header.replace(BOM, "").lower())


@dataclass
class Sheet:
    """A parsed CSV file: its headers as written and normalised, and its data rows as text (unstripped)."""

    headers: list[str]
    rows: list[list[str]]
    numbers: list[int]
    encoding: str
    index: dict[str, int] = field(default_factory=dict)

    twice: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        """Map each normalised header to its first column, and note the names used twice."""
        for position, header in enumerate(self.headers):
            self.index.setdefault(normalise(header), position)
        counts = Counter(normalise(h) for h in self.headers)
        self.twice = {name for name, count in counts.items() if name and count > 1}

    def has(self, *names: str) -> bool:
        """Return True if every named column is present (names compared normalised)."""
        return all(normalise(n) in self.index for n in names)

    def position(self, *names: str) -> int | None:
        """Return the column of the first of these names that is present, or None."""
        for name in names:
            if normalise(name) in self.twice:
                raise InvalidInput("The file has more than one column called “{name}”, so it is not clear "
                                   "which one to use. Delete the extra column and try again.",
                                   field="file", name=self.headers[self.index[normalise(name)]])
            if normalise(name) in self.index:
                return self.index[normalise(name)]
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): UTF-16 by byte-order mark or by its zero bytes, else UTF-8, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _text(data, "utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        order = utf16_without_mark(data[:4096])
        if order is None:
            raise InvalidInput("This file is not a CSV text file (it holds binary data). Export the "
                               "statement as CSV and try again.", field="file")
        return _text(data, order), order
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        mixed_encodings(data)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def utf16_without_mark(sample: bytes) -> str | None:
    """Return 'utf-16-le' or 'utf-16-be' if the bytes look like UTF-16 text with no byte-order mark."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 4 and odd.count(0) >= 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if len(sample) >= 4 and even.count(0) >= 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def _text(data: bytes, encoding: str) -> str:
    """Return UTF-16 bytes as text, or refuse bytes that are not valid in it."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InvalidInput("This file is not a CSV text file (it holds binary data). Export the "
                           "statement as CSV and try again.", field="file") from None


def mixed_encodings(data: bytes) -> None:
    """Refuse UTF-8 text in which some bytes are not UTF-8 (more valid UTF-8 letters than bad bytes)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if len(_LETTERS_BEYOND_ASCII.findall(text)) <= bad:
        return  # Windows-1252 (or Latin-1) text, where a few byte pairs may look like UTF-8 by chance
    raise InvalidInput("Line {line} of the file is not UTF-8 text, but other lines are: the file mixes "
                       "text encodings. Save it again as “CSV UTF-8” and try again.", field="file",
                       line=text[:text.index("\ufffd")].count("\n") + 1)


def read_sheet(data: bytes) -> Sheet:
    """Return the file's header and rows as text, or refuse an empty, too large or non-CSV file."""
    if len(data) > MAX_IMPORT_BYTES:
        raise too_large(len(data))
    text, encoding = decode(data)
    text = text.lstrip(BOM)
    if not text.strip():
        raise InvalidInput("The file is empty: there is nothing to import.", field="file")
    first = first_line(text.lstrip())
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if first.count(delimiter) == 0:
        raise InvalidInput("This does not look like a CSV file: its first line has no columns "
                           "separated by commas.", field="file")
    text, mark = lone_carriage_returns_kept(text)
    grid = _parse(text, delimiter)
    if mark:
        grid = [[cell.replace(mark, "\r") if mark in cell else cell for cell in row] for row in grid]
    headers = [h.strip() for h in grid[0]]
    width = len(headers)
    rows, numbers = [], []
    for number, cells in enumerate(grid[1:], start=2):
        if not "".join(cells).strip():
            continue
        rows.append(cells if len(cells) == width else (cells + [""] * width)[:width])
        numbers.append(number)
    if not rows:
        raise InvalidInput("The file has only a header row: there are no rows to import.", field="file")
    return Sheet(headers=headers, rows=rows, numbers=numbers, encoding=encoding)


def lone_carriage_returns_kept(text: str) -> tuple[str, str]:
    """Return the text with each carriage return (CR) of a file whose lines end with LF alone marked
    as text, and the mark ('' when none is needed).

    This app's exports ended lines with LF before they ended them with CR LF, and then left a lone
    CR in a note unquoted; CSV readers take every CR for a line end and split such a row in two.
    In a file whose first line ends with LF alone, a CR is text: it is swapped for a character the
    file does not hold (from Unicode's private use area) while the rows are split, then put back.
    """
    if "\r" not in text or not lines_end_with_lf_alone(text):
        return text, ""
    mark = next((chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text), "")
    return (text.replace("\r", mark), mark) if mark else (text, "")


def first_line(text: str) -> str:
    """Return `text.splitlines()[0]` without splitting the whole file (100,000 lines) to find it."""
    size = 4096
    while True:
        lines = text[:size].splitlines()
        if len(lines) > 1 or size >= len(text):
            return lines[0]
        size *= 4


def too_large(size: int) -> InvalidInput:
    """Return the refusal of a file over the size limit (its size in MB, rounded up)."""
    return InvalidInput("This file is {size} MB; files up to {limit} MB can be imported. Export a "
                        "shorter period (a year at a time) and import each file.", field="file",
                        size=-(-size // (1024 * 1024)), limit=MAX_IMPORT_MB)


def _parse(text: str, delimiter: str) -> list[list[str]]:
    """Return every row of the CSV text as lists of strings (no type guessing)."""
    grid = regular_grid(text, delimiter)
    return grid if grid is not None else _parse_with_pandas(text, delimiter)


def regular_grid(text: str, delimiter: str) -> list[list[str]] | None:
    """Return the rows of a regular file read by Python's csv module (twice as fast as pandas), or None.

    Regular: every row as wide as the first, no blank line, no NUL, and quotes used only around whole
    cells (strict). Such a file reads the same either way; anything else (a ragged row, an unclosed
    quote, ...) is left to pandas, whose reading and refusals stay the reference.
    """
    if "\x00" in text:
        return None
    try:
        grid = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True,
                               strict=True))
    except csv.Error:
        return None
    width = len(grid[0]) if grid else 0
    if not width or any(len(row) != width for row in grid):
        return None
    return grid


def _parse_with_pandas(text: str, delimiter: str) -> list[list[str]]:
    """Return every row of the CSV text as lists of strings, read by pandas; refuse a malformed file."""
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            skipinitialspace=True, quoting=csv.QUOTE_MINIMAL)
    except pd.errors.ParserError as err:
        unclosed = re.search(r"EOF inside string starting at row (\d+)", str(err))
        if unclosed:
            raise InvalidInput("A quoted cell on line {line} is never closed: a quote mark (\") is "
                               "missing.", field="file", line=int(unclosed.group(1)) + 1) from None
        line = re.search(r"line (\d+)", str(err))
        raise InvalidInput("The file is not valid CSV near line {line}: a row has more columns "
                           "than the header.", field="file",
                           line=line.group(1) if line else "?") from None
    except pd.errors.EmptyDataError:
        raise InvalidInput("The file is empty: there is nothing to import.", field="file") from None
    return frame.to_numpy(dtype=object).tolist()
