"""Shared fixtures: a fresh database per test, migrated by Alembic like the app's.

On SQLite (the default) Alembic runs once per test session on a template file; each test gets its
own copy of it, so a test starts from exactly the schema the app creates, without paying for the
migrations again. With TRACKER_TEST_POSTGRES=1 (`make test-pg`) a throw-away PostgreSQL server is
started for the session, one database on it is migrated once and emptied before each test
(tests/databases.py). Under pytest-xdist (`make test` runs `-n auto`) every worker is its own process
with its own temporary folder, so each has its own template, and on PostgreSQL its own server.

The `db` marker (pytest_collection_modifyitems below) says which tests touch a database: the
PostgreSQL run (`make test-pg`) takes only those. A test gets it without asking when it uses one of
DB_FIXTURES (directly or through another fixture, like `filled` or `open_page`), is a browser test
(`e2e`: the app under test has a database), or sits in a module that makes its own databases with
tests.databases.new_database. `sqlite_only` tests never get it.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlmodel import Session

from tests import databases
from tests.hostile.cases import big_upwork_file
from tracker.db.engine import (
    current_revision,
    forget_engines,
    head_revision,
    make_engine,
    migrate,
    open_session,
)
from tracker.ledger import clock
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import LearningInput, SkillInput, create_skill, log_learning

# Hypothesis: `dev` (the default) explores 100 new examples per test; `ci` (chosen when CI=true) runs 150
# derandomized ones, the same every time. Neither has a deadline nor writes a .hypothesis folder.
settings.register_profile("dev", max_examples=100, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=150, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")

DB_FIXTURES = frozenset({"db_url", "session", "postgres_database"})


def touches_database(item: pytest.Item) -> bool:
    """Return True when the test uses a database: a DB fixture, the browser's app, or new_database."""
    if item.get_closest_marker("sqlite_only") is not None:
        return False
    if item.get_closest_marker("e2e") is not None or DB_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    return getattr(module, "new_database", None) is databases.new_database


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that touch a database with `db`; on PostgreSQL, skip the `sqlite_only` ones."""
    for item in items:
        if touches_database(item):
            item.add_marker(pytest.mark.db)
        elif databases.ON_POSTGRES and item.get_closest_marker("sqlite_only") is not None:
            item.add_marker(pytest.mark.skip(reason=databases.SQLITE_ONLY_REASON))


@pytest.fixture(scope="session", autouse=True)
def postgres_server() -> Iterator[None]:
    """With TRACKER_TEST_POSTGRES=1, run a throw-away PostgreSQL server for the whole test session."""
    if databases.ON_POSTGRES:
        databases.start_postgres()
    yield
    databases.stop_postgres()


@pytest.fixture(scope="session")
def postgres_database(postgres_server: None, tmp_path_factory: pytest.TempPathFactory) -> str | None:
    """Return the URL of the session's migrated PostgreSQL database (None when testing on SQLite)."""
    if not databases.ON_POSTGRES:
        return None
    url = databases.new_database(tmp_path_factory.getbasetemp(), "tracker")
    engine = make_engine(url)
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a database file upgraded to the newest migration, made once per test session."""
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migrated_template: Path,
           postgres_database: str | None) -> Iterator[str]:
    """Return the URL of a new (or emptied), migrated database; TRACKER_DB_URL points at it."""
    if postgres_database is not None:
        url = postgres_database
        if not os.environ.get("TRACKER_DATA_DIR"):  # automatic backups where SQLite's go: beside the test
            monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path))
        forget_engines()
        engine = make_engine(url)
        databases.empty_all_tables(engine)
        engine.dispose()
    else:
        path = tmp_path / "tracker.db"
        shutil.copyfile(migrated_template, path)
        url = f"sqlite:///{path}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    yield url
    forget_engines()


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """Return a session on a fresh, migrated database."""
    with open_session(db_url) as s:
        yield s


FROZEN_DAY = date(2026, 5, 20)  # a Wednesday in the middle of a month


@pytest.fixture
def frozen_today() -> Iterator[date]:
    """Return the day the app's clock (tracker.ledger.clock) shows during the test: FROZEN_DAY, at noon."""
    clock.freeze(datetime.combine(FROZEN_DAY, datetime.min.time()).replace(hour=12))
    yield FROZEN_DAY
    clock.freeze(None)


@pytest.fixture
def served_to_everyone() -> Iterator[None]:
    """Bind the (test) Streamlit server to every address, as `--server.address 0.0.0.0` does."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", before)


# Helpers and data that test modules in several packages share; a module takes an opt-in one with
# `pytestmark = pytest.mark.usefixtures("data_dir")` or as an argument.

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep automatic backups and mappings in the test's own folder; return that folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def bad_payoneer_file(tmp_path: Path) -> Path:
    """Return a Payoneer file whose second row has an unreadable date."""
    lines = (DATA / "payoneer.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("08/31/2026", "31/08/2026")
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def busy(session: Session) -> Session:
    """Skills, clients, gigs with and without hours, cleared, pending and unlinked payments, learning."""
    rng = random.Random(8)
    skills = [create_skill(session=session, data=SkillInput(name=name, category=category)).id
              for name, category in [("logo design", "graphic design"), ("Banner", "graphic design"),
                                     ("SEO", "search engine optimisation"), ("Unused", "editing")]]
    clients = [create_client(session=session, data=ClientInput(name=name, platform=platform)).id
               for name, platform in [("Acme", "Upwork"), ("Zed", "direct"), ("Bright", "Fiverr"),
                                      ("Quiet", "direct")]]
    gigs = [create_gig(session=session, data=GigInput(
        title=f"Gig {i}", client_id=rng.choice([*clients[:3], None]),
        skill_id=rng.choice([*skills[:3], None]),
        platform=rng.choice(["Upwork", "Fiverr", "direct"]), hours_worked=rng.choice(["0", "1.5", "12"]),
        status="paid", currency="BDT")).id for i in range(14)]
    for _ in range(90):
        month = f"20{rng.randint(25, 26)}-{rng.randint(1, 12):02d}"
        gig = rng.choice([*gigs, None])
        create_payment(session=session, data=PaymentInput(
            paid_on=f"{month}-{rng.randint(1, 28):02d}", gross=str(rng.randint(1, 90_000)), currency="BDT",
            gig_id=gig, client_id=None if gig else rng.choice([*clients, None]),
            platform=None if gig else rng.choice(["Upwork", "direct", None]),
            kind=rng.choice(["payment", "payment", "refund"]),
            status=rng.choice(["cleared", "cleared", "pending"])))
    for day, minutes in [("2026-01-03", 30), ("2026-02-04", 45), ("2026-02-05", 90)]:
        log_learning(session=session, data=LearningInput(skill_id=skills[0], learned_on=day, minutes=minutes))
    return session


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder for the databases the property tests make."""
    return tmp_path_factory.mktemp("properties")


@pytest.fixture(scope="session")
def fifty_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a 50 MB Upwork statement made for these tests (about 440,000 rows)."""
    return big_upwork_file(tmp_path_factory.mktemp("big") / "upwork_50mb.csv", 50 * 1024 * 1024)
