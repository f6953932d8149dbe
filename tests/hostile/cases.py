"""The corpus of bad statement files in tests/hostile/, each with what must happen to it.

A file is refused as a whole (`refused`: the message), or read with some rows refused (`rows`: row
number → reason) and the good rows imported when the person says so, or imported completely. The
50 MB file is not kept here: tests make it (see `big_upwork_file`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

HOSTILE = Path(__file__).parent
UPWORK_HEADER = ("Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,"
                 "Amount in local currency,Currency,Balance\n")


@dataclass(frozen=True)
class Case:
    """A file of the corpus and its expected outcome."""

    file: str
    refused: str = ""  # the whole file is refused with this message
    rows: dict[int, str] = field(default_factory=dict)  # rows refused, with their reason
    imported: int = 0  # rows of the file imported (the good ones, when some are refused)
    duplicates: int = 0

    @property
    def data(self) -> bytes:
        """Return the file's bytes."""
        return (HOSTILE / self.file).read_bytes()


NOT_CSV = "This file is not a CSV text file (it holds binary data)"
NOT_A_NUMBER = "is not a number. Type digits, like 1,250.50."
CASES = [
    Case("empty.csv", refused="The file is empty: there is nothing to import."),
    Case("header_only.csv", refused="The file has only a header row: there are no rows to import."),
    Case("image_renamed.csv", refused=NOT_CSV),
    Case("spreadsheet_renamed.csv", refused=NOT_CSV),
    Case("nul_bytes.csv", refused=NOT_CSV),
    Case("html_page.csv", refused="This does not look like a CSV file: its first line has no columns"),
    Case("mixed_encodings.csv", refused="Line 4 of the file is not UTF-8 text, but other lines are"),
    Case("missing_amount_column.csv", refused="The file has no column “Amount $” or “Amount”, which this "
                                              "format needs."),
    Case("duplicated_amount_column.csv", refused="The file has more than one column called “Amount”"),
    Case("unknown_columns.csv", refused="This file's columns do not match a statement we know"),
    Case("unclosed_quote.csv", refused="A quoted cell on line 2 is never closed"),
    Case("ragged_row.csv", refused="The file is not valid CSV near line 2: a row has more columns"),
    Case("dates_both_orders.csv", refused="Some dates in this file are day/month and others month/day"),
    Case("bad_amounts.csv", imported=2, rows={
        2: f"“1e400” {NOT_A_NUMBER}", 3: f"“NaN” {NOT_A_NUMBER}", 4: f"“--5” {NOT_A_NUMBER}",
        6: f"“(-5.00)” {NOT_A_NUMBER}", 7: "That amount is too large.", 8: f"“250,00” {NOT_A_NUMBER}",
        9: "USD amounts have at most 2 decimals; “12.345” has more.", 10: "The amount is missing."}),
    Case("bad_dates.csv", imported=1, rows={
        2: "“Feb 30, 2026” is not a date that exists.", 3: "“Aug 32, 2026” is not a date that exists.",
        4: "“2026-13-01” is not a date.", 5: "The date 9999-08-03 is outside the years 1990–2100.",
        6: "“tomorrow” is not a date."}),
    Case("wrong_sign_and_type.csv", imported=1, rows={
        2: "A “Fixed Price” row should be money in, but its amount is -100.00.",
        3: "A row of type “Lottery Win” is not one we know how to count.",
        4: "A “Hourly” row should be money in, but its amount is 0.00.",
        5: "The row has no transaction reference (Ref ID)."}),
    Case("semicolons_and_decimal_commas.csv", rows={2: f"“250,00” {NOT_A_NUMBER}"}),
    Case("bom_crlf_bengali.csv", imported=2),
    Case("utf16_without_mark.csv", imported=2),
    Case("windows_1252.csv", imported=1),
    Case("formula_cells.csv", imported=3),
    Case("html_and_script.csv", imported=2),
    Case("repeated_rows.csv", imported=1, duplicates=1),
]


def big_upwork_file(path: Path, size: int) -> Path:
    """Write an Upwork statement of about `size` bytes: fixed-price payments, each its own reference."""
    line = ('"Aug 3, 2026",{ref},Fixed Price,Logo design milestone {ref},,Rahim Uddin,Client {client},'
            'Rahim Uddin,,250.00,,USD,1000.00\n')
    with path.open("w", encoding="utf-8") as out:
        out.write(UPWORK_HEADER)
        written, ref = len(UPWORK_HEADER), 10_000_000
        while written < size:
            block = "".join(line.format(ref=ref + i, client=i % 500) for i in range(1000))
            out.write(block)
            written, ref = written + len(block), ref + 1000
    return path
