"""Every page in Bengali: no English a person reads is left, every message asked for is translated.

Each page runs with AppTest in Bengali mode, on an empty and on a filled database. All the text a
person sees is collected (titles, headers, markdown, captions, alerts, labels, help and options of
every widget, tabs, expanders, metrics, table headers, chart titles, axes and legends) and checked:
no text may be an English msgid that has a Bengali translation, and no text may keep an English
word pair from the catalog (what a half-translated sentence leaves). Proper nouns, codes, digits and
the records the person typed are allowed. Every msgid the run asked translate() for must have a
Bengali translation too (a safety net for messages built at run time). The last tests switch the
language in the shared sidebar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
import streamlit as st
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

import tracker.i18n as i18n
from tests.pages.conftest import PAGES
from tests.pages.helpers import assert_clean
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import open_session
from tracker.services.settings import get_setting, set_setting

Open = Callable[[str], AppTest]
DATA = Path(__file__).parent.parent / "data"
# What the filled database holds (tests/pages/conftest.py): names a person typed stay as typed.
RECORD_NAMES = ("Logo for Acme", "Acme Ltd", "Logo design", "Karim", "USA")
PROPER_NOUNS = {"upwork", "fiverr", "freelancer", "com", "payoneer", "paypal", "usd", "bdt", "csv", "zip",
                "excel", "libreoffice", "utf", "mb", "ref", "id", "transaction", "yyyy", "mm", "dd",
                "dmy", "mdy", "autocad", "sqlite", "demo", "gross", "net", "home", "bn", "en"}
TRANSLATIONS = i18n.translations  # the real ones: tests below record lookups through a stand-in
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \u00a0]+[A-Za-z][A-Za-z'’]*)+")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


@cache
def bengali_texts() -> dict[str, str]:
    """Return every English msgid (of a plural, both) with its Bengali text, where there is one."""
    with i18n.catalog_path("bn").open("rb") as handle:
        catalog = read_po(handle, locale="bn")
    pairs = [pair for m in catalog if m.id and not m.fuzzy
             for pair in (zip(m.id, m.string, strict=False) if m.pluralizable else [(m.id, m.string)])]
    return {msgid: text for msgid, text in pairs if text}


def translated() -> dict[str, str]:
    """Return the English msgids whose Bengali text differs from the English."""
    return {m: t for m, t in bengali_texts().items() if t != m}


def english_pairs() -> set[tuple[str, str]]:
    """Return every pair of neighbouring English words in the translated msgids (placeholders out)."""
    pairs = set()
    for msgid in translated():
        words = [w.lower() for w in WORD.findall(re.sub(r"\{[^{}]*\}", " ", msgid))]
        pairs |= set(zip(words, words[1:], strict=False))
    return {p for p in pairs if not set(p) <= PROPER_NOUNS}


pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py: backups in the test's folder


@pytest.fixture(autouse=True)
def no_language_left_behind() -> Iterator[None]:
    """Forget a language that a sidebar switch left in the session state outside a run."""
    yield
    if "language" in st.session_state:
        del st.session_state["language"]


@pytest.fixture
def bengali(db_url: str) -> None:
    """Store Bengali as the person's language (the welcome steps done)."""
    with open_session() as s:
        set_setting(session=s, key="language", value="bn")
        set_setting(session=s, key="onboarded", value="done")


@pytest.fixture
def requested(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Return the set that collects every message translate() is asked for in Bengali."""
    seen: set[str] = set()

    class Recorder:
        """Translations that note what is looked up in them."""

        def __init__(self, real: NullTranslations) -> None:
            self.real = real

        def gettext(self, message: str) -> str:
            """Note the message, then translate it."""
            seen.add(message)
            return self.real.gettext(message)

        def ngettext(self, singular: str, plural: str, count: int) -> str:
            """Note the message (by its singular msgid), then translate the form for the count."""
            seen.add(singular)
            return self.real.ngettext(singular, plural, count)

    monkeypatch.setattr(i18n, "translations", lambda language: Recorder(TRANSLATIONS(language))
                        if language == "bn" else TRANSLATIONS(language))
    return seen


def widget_texts(at: AppTest) -> Iterator[str]:
    """Yield the labels, help, placeholders and options of every widget."""
    kinds = ("button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "text_input",
             "text_area", "number_input", "date_input", "download_button", "file_uploader", "slider")
    for kind in kinds:
        for widget in getattr(at, kind):
            proto = widget.proto
            for name in ("label", "help", "placeholder"):
                yield getattr(proto, name, "") or ""
            yield from getattr(proto, "options", []) or []


def table_texts(at: AppTest) -> Iterator[str]:
    """Yield the column headers a table shows (its column_config labels) and its text cells."""
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        shown = list(frame.proto.column_order) or [str(c) for c in frame.value.columns]
        for column in shown:
            settings = config.get(column, config.get(f"name:{column}", {}))
            if settings is None or settings.get("hidden"):
                continue
            yield settings.get("label") or column
            if column in frame.value.columns and frame.value[column].dtype == object:
                yield from (v for v in frame.value[column] if isinstance(v, str))


def chart_texts(at: AppTest) -> Iterator[str]:
    """Yield a chart's title, axis titles and tick labels, legend names and hover texts."""
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        layout = figure.get("layout", {})
        for part in (layout, *(layout.get(a, {}) for a in ("xaxis", "yaxis"))):
            title = part.get("title", {})
            yield title.get("text", "") if isinstance(title, dict) else str(title)
        for axis in ("xaxis", "yaxis"):
            yield from map(str, layout.get(axis, {}).get("ticktext", []))
        for trace in figure.get("data", []):
            yield str(trace.get("name", ""))
            for key in ("customdata", "hovertext"):
                yield from (str(v) for v in trace.get(key, []) or [])
            if trace.get("type") == "bar" and trace.get("orientation") != "h":
                yield from (v for v in trace.get("x", []) if isinstance(v, str) and not v[:1].isdigit())


def visible_text(at: AppTest) -> list[str]:
    """Return every piece of text the page shows a person."""
    texts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "info", "success",
                 "warning", "error", "exception"):
        texts += [str(e.value) for e in getattr(at, kind)]
    texts += [t.label for t in at.tabs] + [e.label for e in at.expander]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.proto.help]
    texts += [p.proto.text for p in at.get("progress")]
    texts += [*widget_texts(at), *table_texts(at), *chart_texts(at)]
    return [t for t in texts if t and t.strip()]


def english_left(texts: list[str]) -> list[str]:
    """Return the texts that are, or still hold, English from the catalog."""
    msgids, pairs = translated(), english_pairs()
    left = []
    for text in texts:
        plain = text.strip().strip("*").strip()
        if plain in msgids and plain not in RECORD_NAMES:
            left.append(text)
            continue
        for name in RECORD_NAMES:
            plain = plain.replace(name, " ")
        for run in LATIN_RUN.findall(plain):
            words = [w.lower() for w in WORD.findall(run)]
            if set(zip(words, words[1:], strict=False)) & pairs:
                left.append(text)
                break
    return left


def assert_bengali(at: AppTest, requested: set[str]) -> None:
    """Assert the page ran cleanly, shows no English and asked only for translated messages."""
    assert not at.exception, [e.value for e in at.exception]
    texts = visible_text(at)
    assert texts, "the page shows text"
    assert not english_left(texts), english_left(texts)
    untranslated = sorted(m for m in requested if m and m not in bengali_texts() and m not in RECORD_NAMES)
    assert not untranslated, f"asked for, but not in the Bengali catalog: {untranslated}"


def test_the_check_finds_english(bengali: None) -> None:
    assert english_left(["Net income", "৳১,০০০ Still to go", "নিট আয়: Upwork, USD", "Logo design"]) == [
        "Net income", "৳১,০০০ Still to go"]


@pytest.mark.parametrize("page", [*PAGES, "welcome"])
def test_every_page_in_bengali_on_an_empty_database(open_page: Open, bengali: None, requested: set[str],
                                                    page: str) -> None:
    at = open_page(page)
    assert_bengali(at, requested)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_bengali_with_data(open_page: Open, filled: Session, bengali: None,
                                         requested: set[str], page: str) -> None:
    at = open_page(page)
    assert_clean(at)
    assert_bengali(at, requested)


def test_dashboard_month_in_bengali(open_page: Open, filled: Session, bengali: None,
                                    requested: set[str]) -> None:
    at = open_page("dashboard")
    at.selectbox(key="dashboard_month").set_value("2026-08").run()
    assert_bengali(at, requested)
    assert "আগস্ট ২০২৬" in at.selectbox(key="dashboard_month").options
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["নিট আয়"] == "৳২৬,৫৬২.৫০"  # ৳27,562.50 paid, ৳1,000 spent
    assert metrics["লক্ষ্যের কত ভাগ"] == "২৬.৫৬%"


@pytest.mark.parametrize("step", range(5))
def test_every_welcome_step_in_bengali(bengali: None, requested: set[str], step: int) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "pages" / "welcome.py"), default_timeout=30)
    at.session_state["welcome_step"] = step
    assert_bengali(at.run(), requested)


def test_import_preview_in_bengali(open_page: Open, bengali: None, requested: set[str]) -> None:
    text = (DATA / "payoneer.csv").read_text(encoding="utf-8").replace('"1,250.00"', '"1,25O.00"')
    at = open_page("data")
    at.file_uploader[0].set_value(("payoneer.csv", text.encode(), "text/csv"))
    at = at.run()
    at.text_input(key="import_rate_USD").input("১২১.৫০").run()
    assert_bengali(at, requested)
    refused = at.dataframe[3].value
    assert "সংখ্যা নয়" in refused["কারণ"][0]


def test_a_refusal_reads_in_bengali(open_page: Open, bengali: None, requested: set[str]) -> None:
    at = open_page("clients")
    at.text_input[0].input("   ")
    at.button[0].click().run()
    assert at.error[0].value == "অনুগ্রহ করে ক্লায়েন্টের নাম দিন।"
    assert_bengali(at, requested)


def test_dates_in_tables_read_in_bengali(open_page: Open, filled: Session, bengali: None) -> None:
    payments = open_page("log_work").dataframe[0].value
    assert list(payments["date"]) == ["৩ আগস্ট ২০২৬"]
    assert list(payments["net_home"]) == ["৳২৭,৫৬২.৫০"]


def test_bengali_digits_can_be_turned_off(open_page: Open, filled: Session, bengali: None) -> None:
    at = open_page("settings")
    at.toggle(key="bengali_digits").set_value(False).run()
    assert_clean(at)
    with open_session() as s:
        assert get_setting(s, "bengali_digits") == "off"
    payments = open_page("log_work").dataframe[0].value
    assert list(payments["date"]) == ["3 আগস্ট 2026"]
    assert list(payments["net_home"]) == ["৳27,562.50"]


def router() -> AppTest:
    """Run the app the way `streamlit run` does, with its navigation and shared sidebar."""
    return AppTest.from_file(str(PROJECT_ROOT / "streamlit_app.py"), default_timeout=30).run()


def stored_language() -> str:
    """Return the language stored in Settings."""
    with open_session() as s:
        return get_setting(s, "language")


def test_the_sidebar_switch_changes_the_whole_app_and_is_remembered(db_url: str) -> None:
    with open_session() as s:
        set_setting(session=s, key="onboarded", value="skipped")
    at = router()
    assert at.title[0].value == "Dashboard"
    switch = at.sidebar.radio(key="sidebar_language")
    assert switch.options == ["বাংলা", "English"] and switch.value == "en"
    at = switch.set_value("bn").run()
    assert_clean(at)
    assert at.title[0].value == "ড্যাশবোর্ড", "the page changes at once"
    assert stored_language() == "bn"
    at = router()  # a new visit: remembered, and the sidebar too is in Bengali
    assert at.title[0].value == "ড্যাশবোর্ড"
    assert at.sidebar.caption[0].value == "এই মাস"
    assert "৳১,০০,০০০" in at.sidebar.markdown[0].value
    assert at.sidebar.radio(key="sidebar_language").value == "bn"
    at = at.sidebar.radio(key="sidebar_language").set_value("en").run()
    assert at.title[0].value == "Dashboard"
    assert stored_language() == "en"


def test_the_settings_switch_and_the_sidebar_agree(db_url: str) -> None:
    with open_session() as s:
        set_setting(session=s, key="onboarded", value="skipped")
        set_setting(session=s, key="language", value="bn")
    at = router()
    at.switch_page("pages/settings.py").run()
    assert at.title[0].value == "সেটিংস"
    at.radio(key="language_choice").set_value("en").run()
    assert at.title[0].value == "Settings"
    assert stored_language() == "en"
    assert router().sidebar.radio(key="sidebar_language").value == "en"



@pytest.mark.parametrize("with_data", [False, True])
@pytest.mark.parametrize("tab", range(1, 5))
def test_every_dashboard_tab_in_bengali(open_page: Open, bengali: None, requested: set[str], tab: int,
                                        with_data: bool, request: pytest.FixtureRequest) -> None:
    """The tabs after the first are drawn only when opened: each one opened, checked like a page."""
    if with_data:
        request.getfixturevalue("filled")
    at = open_page("dashboard")
    at.session_state["dashboard_tabs"] = at.tabs[tab].label
    at.run()
    assert_clean(at)
    assert not any(r.key == "dashboard_span" for r in at.radio), "the tab opened"
    assert_bengali(at, requested)
