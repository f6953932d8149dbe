"""Find every msgid in the code: Babel's Python extractor, plus the field names of refused input.

`make i18n` runs `pybabel extract` with babel.cfg, which names `extract_python` below as the method
for every .py file, and with the keywords in KEYWORDS: `_`, `N_`, `ngettext` (singular and plural),
`label`, and the first argument of InvalidInput and NotFound (the second of an import's Refusal).
An error's `field="client name"` is shown translated inside its message ("Please give the
{field}."), so a string given as a `field=` argument, or as the default of a `field` parameter, is a
msgid too; this extractor adds those.
tests/test_i18n.py runs the same extraction in-process.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path
from typing import IO, Any

from babel.messages.extract import extract_from_dir
from babel.messages.extract import extract_python as babel_extract_python

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("tracker", "pages")
KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2), "label": None, "InvalidInput": (1,),
                            "NotFound": (1,), "Refusal": (2,)}
FIELD = "field"
PLURAL = "ngettext"  # the keyword a plural refusal is given as, so that both forms are kept
Found = tuple[int, str | None, str, list[str]]


def extract_python(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Found]:
    """Yield Babel's messages of a Python file, then its `field` names (as Babel extractors do)."""
    source = fileobj.read()
    text = source.decode(options.get("encoding", "utf-8"))
    methods = method_calls(text, set(keywords))
    plurals = list(plural_refusals(text))
    taken = {(line, found[2][0]) for found in plurals for line in found[3]}
    for found in babel_extract_python(io.BytesIO(source), keywords, comment_tags, options):
        if (found[0], found[2]) not in methods | taken:
            yield found
    yield from ((found[0], PLURAL, found[2], []) for found in plurals)
    yield from field_names(text)


def plural_refusals(source: str) -> Iterator[tuple[int, None, tuple[str, str], list[int]]]:
    """Yield the (singular, plural) of calls like `InvalidInput("{count} gig…", plural="{count} gigs…")`,
    with the lines the call spans (where Babel finds the singular alone)."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Constant):
            continue
        plural = next((k.value for k in node.keywords if k.arg == "plural"), None)
        if isinstance(plural, ast.Constant) and isinstance(plural.value, str):
            lines = list(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            yield node.lineno, None, (node.args[0].value, plural.value), lines


def method_calls(source: str, names: set[str]) -> set[tuple[int, str]]:
    """Return (line, text) of calls like `column.label("minutes")`: a method, not a keyword function."""
    calls = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names:
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant):
                calls |= {(line, first.value) for line in range(node.lineno, (node.end_lineno or 0) + 1)}
    return calls


def field_names(source: str) -> Iterator[Found]:
    """Yield the string literals given as `field=` arguments or as defaults of `field` parameters."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            values = [k.value for k in node.keywords if k.arg == FIELD]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            values = _field_defaults(node.args)
        else:
            continue
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
                yield value.lineno, None, value.value, []  # no keyword: the message as is


def _field_defaults(args: ast.arguments) -> list[ast.expr | None]:
    """Return the default values of a function's parameters named `field`."""
    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    pairs = list(zip(positional, defaults, strict=True)) + list(zip(args.kwonlyargs, args.kw_defaults,
                                                                     strict=True))
    return [default for arg, default in pairs if arg.arg == FIELD]


def method_map(config: Path = ROOT / "babel.cfg") -> list[tuple[str, str]]:
    """Return the (pattern, method) pairs of babel.cfg, extractor names resolved."""
    parser = ConfigParser()
    parser.read(config, encoding="utf-8")
    extractors = dict(parser["extractors"]) if parser.has_section("extractors") else {}
    pairs = []
    for section in parser.sections():
        if section == "extractors":
            continue
        method, pattern = (part.strip() for part in section.split(":", 1))
        pairs.append((pattern, extractors.get(method, method)))
    return pairs


def messages(root: Path = ROOT) -> dict[str, list[str]]:
    """Return every msgid in tracker/ and pages/ with where it is used ('tracker/web/state.py:12').

    A plural message is listed by its singular msgid, which is its key in the catalogs too.
    """
    found: dict[str, list[str]] = {}
    for folder in SOURCES:
        for filename, lineno, message, _comments, _context in extract_from_dir(
                str(root / folder), method_map(), keywords=KEYWORDS):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault(msgid, []).append(f"{folder}/{filename}:{lineno}")
    return found
