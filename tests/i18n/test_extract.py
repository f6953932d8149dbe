"""What `make i18n` collects (tracker/i18n/extract.py): every kind of message, field names, plurals."""

from __future__ import annotations

import re

from tests.i18n.catalogs import extracted
from tracker.i18n.extract import KEYWORDS, ROOT, field_names, method_calls, plural_refusals


def test_make_i18n_extracts_with_the_same_keywords() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = next(row for row in makefile.splitlines() if row.startswith("I18N_KEYWORDS"))
    given = dict(re.findall(r"-k (\w+)(?::([\d,]+))?", line))
    assert given == {name: ",".join(map(str, spec)) if spec else "" for name, spec in KEYWORDS.items()}
    assert given["ngettext"] == "1,2", "the plural form is extracted too"
    assert "tracker.i18n.extract:extract_python" in (ROOT / "babel.cfg").read_text(encoding="utf-8")


def test_the_extraction_finds_the_kinds_of_message() -> None:
    found = extracted()
    assert "Dashboard" in found, "a page title marked with N_"
    assert "Please give the {field}." in found, "an InvalidInput template"
    assert "client name" in found, "a field= name"
    assert "amount" in found, "the default of a field parameter"
    assert "Net income per month" in found, "a chart label"
    assert not [w for w in found.get("minutes", []) if w.startswith("tracker/learning.py")], \
        "an SQL column's .label(\"minutes\") is not a message"


def test_field_names_and_method_calls() -> None:
    source = ('def parse(text, *, field="amount"):\n    pass\n'
              'raise InvalidInput("Please give the {field}.", field="client name")\n'
              'query = func.sum(x).label("minutes")\n')
    assert sorted(found[2] for found in field_names(source)) == ["amount", "client name"]
    assert method_calls(source, {"label"}) == {(4, "minutes")}


def test_a_refusal_about_a_number_of_things_is_extracted_with_its_plural() -> None:
    source = ('raise InvalidInput("{count} gig uses it.",\n'
              '                   plural="{count} gigs use it.", field="skill", count=n)\n')
    assert [(line, forms) for line, _, forms, _ in plural_refusals(source)] == [
        (1, ("{count} gig uses it.", "{count} gigs use it."))]
    assert "{count} gig uses the skill “{name}”. Change its skill first." in extracted()
    assert "{count} gigs use the skill “{name}”. Change their skill first." not in extracted(), \
        "the plural is a form of the singular's msgid, not a msgid of its own"
