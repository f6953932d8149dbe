"""Reading a statement file: decoding (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252),
CSV parsing with pandas (every cell text, nothing parsed as a float), and header normalisation.

Rows are numbered the way a spreadsheet shows them: the header is row 1, the first data row is 2.
Rows whose cells are all empty are left out (they are not data).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from tracker.errors import InvalidInput

_NOT_NAME = re.compile(r"[\W_]+", re.UNICODE)
BOM = "\ufeff"


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

    def __post_init__(self) -> None:
        """Map each normalised header to its first column."""
        for position, header in enumerate(self.headers):
            self.index.setdefault(normalise(header), position)

    def has(self, *names: str) -> bool:
        """Return True if every named column is present (names compared normalised)."""
        return all(normalise(n) in self.index for n in names)

    def position(self, *names: str) -> int | None:
        """Return the column of the first of these names that is present, or None."""
        for name in names:
            if normalise(name) in self.index:
                return self.index[normalise(name)]
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name): UTF-16 or UTF-8 by byte-order mark, else UTF-8, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise InvalidInput("This file is not a CSV text file (it holds binary data). Export the "
                           "statement as CSV and try again.", field="file")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_sheet(data: bytes) -> Sheet:
    """Return the file's header and rows as text, or refuse an empty or non-CSV file."""
    text, encoding = decode(data)
    text = text.lstrip(BOM)
    if not text.strip():
        raise InvalidInput("The file is empty: there is nothing to import.", field="file")
    first = text.lstrip().splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if first.count(delimiter) == 0:
        raise InvalidInput("This does not look like a CSV file: its first line has no columns "
                           "separated by commas.", field="file")
    grid = _parse(text, delimiter)
    headers = [h.strip() for h in grid[0]]
    width = len(headers)
    rows, numbers = [], []
    for number, cells in enumerate(grid[1:], start=2):
        if not "".join(cells).strip():
            continue
        rows.append(cells if len(cells) == width else (cells + [""] * width)[:width])
        numbers.append(number)
    return Sheet(headers=headers, rows=rows, numbers=numbers, encoding=encoding)


def _parse(text: str, delimiter: str) -> list[list[str]]:
    """Return every row of the CSV text as lists of strings (no type guessing)."""
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                            keep_default_na=False, na_filter=False, skip_blank_lines=False,
                            skipinitialspace=True, quoting=csv.QUOTE_MINIMAL)
    except pd.errors.ParserError as err:
        line = re.search(r"line (\d+)", str(err))
        raise InvalidInput("The file is not valid CSV near line {line}: a row has more columns "
                           "than the header.", field="file",
                           line=line.group(1) if line else "?") from None
    except pd.errors.EmptyDataError:
        raise InvalidInput("The file is empty: there is nothing to import.", field="file") from None
    return frame.to_numpy(dtype=object).tolist()
