"""Reading a statement's text (tracker/io/csvread.py): a regular file is read by the csv module exactly as
pandas reads it, irregular ones are left to pandas, and the first line is the first of splitlines.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import EXAMPLES
from tracker.io.csvread import _parse_with_pandas, first_line, normalise, read_sheet, regular_grid

CHARACTERS = st.sampled_from(["a", "1", ".", "-", '"', " ", "\t", "\r", "\n", "\u2028", "\x85", "é", "'",
                              ",", ";", "\\", "#"])
RAW = st.lists(CHARACTERS, max_size=6).map("".join)
QUOTED = RAW.map(lambda t: '"' + t.replace('"', '""') + '"')
CELL = st.one_of(RAW, QUOTED, QUOTED.map(lambda q: "  " + q), QUOTED.map(lambda q: q + " "), st.just(""))


@EXAMPLES
@given(width=st.integers(2, 4), rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=5),
       delimiter=st.sampled_from([",", ";"]), end=st.sampled_from(["\n", "\r\n", "\r"]), last=st.booleans(),
       pad=st.booleans())
def test_a_regular_file_reads_as_pandas_reads_it(width: int, rows: list[list[str]], delimiter: str,
                                                 end: str, last: bool, pad: bool) -> None:
    lines = [[f"h{i}" for i in range(width)], *[(r + [""] * width)[:width] if pad else r for r in rows]]
    content = end.join(delimiter.join(r) for r in lines) + (end if last else "")
    grid = regular_grid(content, delimiter)
    if grid is not None:  # else pandas reads it (or refuses it), as before
        assert grid == _parse_with_pandas(content, delimiter)


@pytest.mark.parametrize("content", [
    "a,b\n1,2,3\n",  # a ragged row
    'a,b\n"1,2\n',  # a quote never closed
    "a,b\n\n1,2\n",  # a blank line
    'a,b\n"1"x,2\n',  # text after a closing quote
    "a,b\n1\x00,2\n",  # a NUL
])
def test_irregular_files_are_left_to_pandas(content: str) -> None:
    assert regular_grid(content, ",") is None


@EXAMPLES
@given(st.lists(st.sampled_from(["a", ",", "\n", "\r", "\r\n", "\x0b", "\x1c", "\x85", "\u2028", " "]),
                min_size=1, max_size=40).map("".join), st.integers(0, 9000))
def test_the_first_line_is_the_first_of_splitlines(content: str, prefix: int) -> None:
    content = "x" * prefix + content
    assert first_line(content) == content.splitlines()[0]


def test_headers_match_ignoring_case_spaces_and_the_byte_order_mark() -> None:
    sheet = read_sheet("\ufeff  DATE , ref id,Amount $\n\"Aug 3, 2026\",1,\"1,200.00\"\n".encode())
    assert sheet.has("Date", "Ref ID", "Amount") and sheet.rows == [["Aug 3, 2026", "1", "1,200.00"]]
    assert normalise("\ufeffAmount in local currency") == "amountinlocalcurrency"
