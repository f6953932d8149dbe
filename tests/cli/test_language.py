"""The command line speaks the person's language: --lang, TRACKER_LANG, else the one chosen in the app."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.databases import new_database
from tracker.cli.language import saved_language
from tracker.cli.main import main
from tracker.db.engine import forget_engines, open_session
from tracker.reports.month import month_summary
from tracker.services.settings import set_setting

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(autouse=True)
def no_language_from_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep automatic backups in the test's own folder (data_dir); no language from the environment."""
    monkeypatch.delenv("TRACKER_LANG", raising=False)


@pytest.fixture
def url(tmp_path: Path) -> str:
    """Return the URL of a new database for the command line."""
    yield new_database(tmp_path, "cli.db")
    forget_engines()


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """Run `python -m tracker ARGS` and return the result."""
    return CliRunner().invoke(main, list(map(str, args)), env=env)


def net(url: str, month: str) -> int:
    """Return a month's net income in poisha."""
    with open_session(url) as session:
        return month_summary(session, month).net_minor


def choose_in_app(url: str, language: str) -> None:
    """Save the language as the Settings page does."""
    with open_session(url) as session:
        set_setting(session=session, key="language", value=language)
    forget_engines()


def test_a_refused_import_is_explained_in_bengali_with_lang_bn(url: str, bad_payoneer_file: Path) -> None:
    result = run("--db", url, "--lang", "bn", "import", bad_payoneer_file, "--rate", "USD=121.50")
    assert result.exit_code == 1
    assert "সারি 3: “31/08/2026” এমন কোনো তারিখ নেই।" in result.stderr
    assert "সমস্যা: কিছুই ইমপোর্ট হয়নি, কারণ কিছু সারি বাতিল হয়েছে।" in result.stderr
    assert result.stdout.splitlines()[-1] == "ইমপোর্ট 0, আগেই ছিল 0, বাতিল 1"
    assert "Nothing was imported" not in result.stderr
    assert net(url, "2026-08") == 0


def test_the_language_chosen_in_the_app_is_the_default_and_lang_overrides_it(url: str) -> None:
    run("--db", url, "migrate")
    choose_in_app(url, "bn")
    args = ("import", DATA / "paypal_mdy.csv", "--rate", "USD=121.50")
    bengali = run("--db", url, *args)
    assert bengali.exit_code == 1
    assert "EUR-এর সারিগুলোর জন্য BDT-এ রূপান্তরের রেট দরকার। রেট দিন, যেমন: --rate EUR=121.50" \
        in bengali.stderr
    english = run("--db", url, "--lang", "en", *args)
    assert english.exit_code == 1
    assert "Rows in EUR need an exchange rate into BDT." in english.stderr
    assert net(url, "2026-08") == 0


def test_tracker_lang_chooses_the_language_and_a_refused_restore_changes_nothing(url: str,
                                                                                 tmp_path: Path) -> None:
    assert run("--db", url, "import", DATA / "upwork_old.csv", "--rate", "USD=120").exit_code == 0
    assert run("--db", url, "backup", "--out", tmp_path / "b.zip").exit_code == 0
    refused = run("--db", url, "restore", tmp_path / "b.zip", env={"TRACKER_LANG": "bn"})
    assert refused.exit_code == 1
    assert "এই ডেটাবেসে আগে থেকেই ডেটা আছে। সবটা বদলাতে --replace দিয়ে আবার চালান" in refused.stderr
    assert net(url, "2026-08") == 14676120


def test_the_report_table_speaks_bengali_and_its_json_stays_the_same(url: str) -> None:
    run("--db", url, "migrate")
    table = run("--db", url, "--lang", "bn", "report", "--month", "2026-11")
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["মাস", "2026-11"]
    assert "নিট" in table.stdout and "অগ্রগতি" in table.stdout
    assert lines[-1].startswith("লক্ষ্যে পৌঁছানো ") and lines[-1].endswith(" আরও হিসাব দরকার")
    english = json.loads(run("--db", url, "report", "--month", "2026-11", "--json").stdout)
    assert json.loads(run("--db", url, "--lang", "bn", "report", "--month", "2026-11", "--json").stdout) \
        == english
    assert english["outlook"] == "need more data"


def test_an_unknown_language_is_a_usage_mistake(url: str) -> None:
    result = run("--db", url, "--lang", "fr", "report")
    assert result.exit_code == 2 and "--lang" in result.output


def test_the_saved_language_is_read_without_creating_or_changing_anything(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    assert saved_language(f"sqlite:///{missing}") == "en"
    assert not missing.exists()
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).close()  # an empty file: no settings table
    assert saved_language(f"sqlite:///{bare}") == "en"
    with sqlite3.connect(bare) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
