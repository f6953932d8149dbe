"""A busy ten-year history, made deterministically (seeded) through the project's own bulk path.

`build_database` fills a migrated SQLite file with skills, clients, gigs, payments (several
currencies), expenses and learning sessions through tracker.services.bulk, which checks every
record with the same value builders the forms use. `upwork_statement` writes an Upwork
transaction history (newer layout) for the import benchmark. Both are cached under
benchmarks/.cache/, keyed by the sizes, the seed and the month the history ends in.
"""

from __future__ import annotations

import calendar
import csv
import io
import random
import shutil
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from tracker.db.engine import head_revision, make_engine, migrate
from tracker.ledger.models import DEFAULT_SKILL_CATEGORIES, ExpenseCategory, GigStatus, Platform
from tracker.ledger.months import add_months, month_start
from tracker.services import bulk
from tracker.services.clients import ClientInput
from tracker.services.common import month_of
from tracker.services.expenses import ExpenseInput
from tracker.services.gigs import GigInput
from tracker.services.goals import set_goal
from tracker.services.payments import PaymentInput
from tracker.services.skills import LearningInput, SkillInput

VERSION = 1  # change when the generated data changes, so that cached files are made again
MONTHS = 120
BATCH = 25_000
CACHE = Path(__file__).resolve().parent / ".cache"
PLATFORMS = [(Platform.UPWORK.value, 55), (Platform.FIVERR.value, 20), (Platform.DIRECT.value, 15),
             (Platform.FREELANCER.value, 5), (Platform.OWN_WEBSITE.value, 5)]
FEE_PERCENT = {Platform.UPWORK.value: "10%", Platform.FIVERR.value: "20%", Platform.FREELANCER.value: "10%"}
STATUSES = [(GigStatus.PAID.value, 700), (GigStatus.LOST.value, 120), (GigStatus.DECLINED.value, 30),
            (GigStatus.CANCELLED.value, 20), (GigStatus.LEAD.value, 50), (GigStatus.PROPOSAL_SENT.value, 50),
            (GigStatus.ACTIVE.value, 25), (GigStatus.DELIVERED.value, 5)]
COUNTRIES = ["USA", "UK", "Germany", "Canada", "Australia", "Bangladesh", "UAE", "Netherlands"]
WORDS = ["Acme", "Bright", "Nadi", "Sonar", "Blue", "Delta", "Green", "Kite", "Lotus", "Orbit", "Padma",
         "River", "Summit", "Tiger", "Vista", "Zen"]
BASE_RATES = {"USD": Decimal("84"), "EUR": Decimal("92"), "GBP": Decimal("106")}  # taka, ten years ago


@dataclass(frozen=True)
class Sizes:
    """How much history to make."""

    clients: int = 2_000
    gigs: int = 50_000
    payments: int = 200_000
    expenses: int = 20_000
    skills: int = 30
    learning: int = 20_000
    import_rows: int = 100_000
    seed: int = 8

    def key(self, end: str) -> str:
        """Return the database's cache key: its sizes, the seed, the last month, schema and data versions."""
        sizes = "-".join(f"{k}{v}" for k, v in asdict(self).items() if k != "import_rows")
        return f"{sizes}-{end}-schema{head_revision()}-v{VERSION}"

    def cache_statement(self, folder: Path, end: str) -> Path:
        """Return where the Upwork statement of these sizes is cached (its teams follow the clients)."""
        name = f"upwork-{self.import_rows}-clients{self.clients}-seed{self.seed}-{end}-v{VERSION}.csv"
        return folder / name


QUICK = Sizes(clients=40, gigs=400, payments=2_000, expenses=200, skills=8, learning=200, import_rows=2_000)


def history_months(end: str) -> list[str]:
    """Return the ten years of months ending with `end`, oldest first."""
    return [add_months(end, k - MONTHS + 1) for k in range(MONTHS)]


def recent_day(rng: random.Random, first: date, last: date) -> date:
    """Return a day between first and last, more often a recent one (a growing business)."""
    span = (last - first).days
    return first + timedelta(days=int(span * rng.random() ** 0.6))


def rate(currency: str, day: date, rng: random.Random) -> str | None:
    """Return a plausible rate into taka for the day (rising over the years), or None for taka."""
    if currency == "BDT":
        return None
    years = Decimal(day.toordinal() - date(2000, 1, 1).toordinal()) / Decimal(3650)
    value = BASE_RATES[currency] + years * 4 + Decimal(rng.randint(-150, 150)) / 100
    return str(value.quantize(Decimal("0.01")))


def weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    """Return one of the names, chosen by weight."""
    return rng.choices([p for p, _w in pairs], weights=[w for _p, w in pairs])[0]


def build_database(path: Path, sizes: Sizes, end: str) -> dict[str, float]:
    """Fill a new database file with the history; return seconds taken per kind of record."""
    if path.exists():
        path.unlink()
    engine = make_engine(f"sqlite:///{path}")
    took = fill_database(engine, sizes, end)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # no ANALYZE: a person's file has none
    engine.dispose()
    return took


def fill_database(engine: Engine, sizes: Sizes, end: str) -> dict[str, float]:
    """Migrate the (empty) database and fill it with the history; return seconds taken per kind."""
    migrate(engine)
    rng = random.Random(sizes.seed)
    months = history_months(end)
    first = month_start(months[0])
    last = month_start(end) + timedelta(days=calendar.monthrange(int(end[:4]), int(end[5:]))[1] - 1)
    took: dict[str, float] = {}
    with Session(engine, expire_on_commit=False) as session:
        set_goal(session=session, target="50,000", valid_from=months[0])
        set_goal(session=session, target="1,00,000", valid_from=months[MONTHS // 2])
        clock = time.perf_counter()
        skills = bulk.add_skills(session=session, data=[
            SkillInput(name=f"{DEFAULT_SKILL_CATEGORIES[i % 8].capitalize()} {i + 1}",
                       category=DEFAULT_SKILL_CATEGORIES[i % 8], stage="earning")
            for i in range(sizes.skills)])
        platforms = [weighted(rng, PLATFORMS) for _ in range(sizes.clients)]
        clients = bulk.add_clients(session=session, data=[
            ClientInput(name=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i + 1:05d}", platform=platforms[i],
                        country=rng.choice(COUNTRIES), payment_verified=rng.random() < 0.8)
            for i in range(sizes.clients)])
        took["skills_and_clients"] = time.perf_counter() - clock
        clock = time.perf_counter()
        paid = add_gigs(session, rng, sizes, skills, clients, platforms, (first, last))
        took["gigs"] = time.perf_counter() - clock
        clock = time.perf_counter()
        add_payments(session, rng, sizes, clients, paid, last)
        took["payments"] = time.perf_counter() - clock
        clock = time.perf_counter()
        add_expenses(session, rng, sizes, (first, last))
        bulk.add_learning(session=session, data=[
            LearningInput(skill_id=rng.choice(skills), learned_on=first + timedelta(
                days=int((last - first).days * rng.random() ** 1.5)), minutes=rng.randint(15, 240))
            for _ in range(sizes.learning)])
        took["expenses_and_learning"] = time.perf_counter() - clock
    return took


PaidGig = tuple[int, date, str, int]  # id, delivered on, currency, a typical payment (minor units)


def add_gigs(session: Session, rng: random.Random, sizes: Sizes, skills: list[int], clients: list[int],
             platforms: list[str], window: tuple[date, date]) -> list[PaidGig]:
    """Store the gigs (mostly paid, some open, lost or declined); return the paid ones."""
    first, last = window
    inputs, paid_at = [], []
    for _ in range(sizes.gigs):
        who = min(int(len(clients) * rng.random() ** 2), len(clients) - 1)  # a few big clients
        status = weighted(rng, STATUSES)
        recent = status in (GigStatus.ACTIVE.value, GigStatus.DELIVERED.value, GigStatus.LEAD.value,
                            GigStatus.PROPOSAL_SENT.value)
        started = recent_day(rng, max(first, last - timedelta(days=150)) if recent else first,
                             last - timedelta(days=30))
        delivered = started + timedelta(days=rng.randint(2, 25))
        hourly = rng.random() < 0.3
        currency = "BDT" if platforms[who] == Platform.DIRECT.value and rng.random() < 0.5 else \
            weighted(rng, [("USD", 85), ("EUR", 8), ("GBP", 7)])
        price = rng.randint(10, 60) if hourly else rng.randint(30, 2000)
        price *= 100 if currency == "BDT" else 1
        done = status in (GigStatus.PAID.value, GigStatus.DELIVERED.value)
        closed = status in bulk_closed()
        inputs.append(GigInput(
            title=f"Gig {len(inputs) + 1}: {rng.choice(WORDS)} {rng.choice(['logo', 'site', 'SEO', 'data'])}",
            client_id=clients[who], skill_id=rng.choice(skills), platform=platforms[who],
            pricing="hourly" if hourly else "fixed", price=price, currency=currency,
            hours_worked=rng.randint(1, 80) if hourly or rng.random() < 0.5 else 0, status=status,
            started_on=started, delivered_on=delivered if done else None,
            closed_on=min(delivered + timedelta(days=rng.randint(0, 20)), last) if closed else None,
            decline_reason="Budget too low" if status == GigStatus.DECLINED.value else ""))
        typical = price * 100 * (rng.randint(5, 40) if hourly else 1)  # one payment, in minor units
        paid_at.append((delivered, currency, typical) if status == GigStatus.PAID.value else None)
    ids: list[int] = []
    for start in range(0, len(inputs), BATCH):
        ids.extend(bulk.add_gigs(session=session, data=inputs[start:start + BATCH]))
    return [(gid, *info) for gid, info in zip(ids, paid_at, strict=True) if info is not None]


def bulk_closed() -> tuple[str, ...]:
    """Return the statuses that close a gig."""
    return (GigStatus.PAID.value, GigStatus.LOST.value, GigStatus.DECLINED.value, GigStatus.CANCELLED.value)


def add_payments(session: Session, rng: random.Random, sizes: Sizes, clients: list[int],
                 paid: list[PaidGig], last: date) -> None:
    """Store the payments: most for paid gigs, some straight from a client, a few refunds and pending."""
    batch: list[PaymentInput] = []
    for number in range(1, sizes.payments + 1):
        if rng.random() < 0.9 and paid:
            gig, delivered, currency, price = rng.choice(paid)
            day = min(delivered + timedelta(days=rng.randint(0, 45)), last)
            gross, client, platform = max(price // rng.randint(1, 4), 500), None, None
        else:
            gig, currency, client = None, weighted(rng, [("USD", 80), ("BDT", 20)]), rng.choice(clients)
            day = recent_day(rng, last - timedelta(days=MONTHS * 30), last)
            gross, platform = rng.randint(500, 50_000) * (100 if currency == "BDT" else 1), None
        refund = rng.random() < 0.01
        pending = day > last - timedelta(days=20) and rng.random() < 0.3
        batch.append(PaymentInput(
            paid_on=day, gross=Decimal(gross) / 100, currency=currency, rate=rate(currency, day, rng),
            platform_fee="10%" if gig is not None and rng.random() < 0.6 else "0",
            transfer_fee=Decimal(rng.choice([0, 0, 0, 99, 200])) / 100 if currency != "BDT" else "0",
            kind="refund" if refund else "payment", status="pending" if pending else "cleared",
            gig_id=gig, client_id=client, platform=platform,
            source="upwork" if number % 3 == 0 else "manual",
            external_ref=f"{700_000_000 + number}" if number % 3 == 0 else None))
        if len(batch) == BATCH:
            bulk.add_payments(session=session, data=batch)
            batch = []
    if batch:
        bulk.add_payments(session=session, data=batch)


def add_expenses(session: Session, rng: random.Random, sizes: Sizes, window: tuple[date, date]) -> None:
    """Store the expenses: connects and membership in dollars, the rest in taka."""
    first, last = window
    inputs = []
    for _ in range(sizes.expenses):
        category = rng.choice(list(ExpenseCategory)).value
        day = recent_day(rng, first, last)
        dollars = category in (ExpenseCategory.CONNECTS.value, ExpenseCategory.MEMBERSHIP.value)
        currency = "USD" if dollars else "BDT"
        amount = Decimal(rng.randint(300, 3000)) / 100 if dollars else Decimal(rng.randint(200, 8000))
        inputs.append(ExpenseInput(spent_on=day, amount=amount, currency=currency,
                                   rate=rate(currency, day, rng), category=category))
    for start in range(0, len(inputs), BATCH):
        bulk.add_expenses(session=session, data=inputs[start:start + BATCH])


UPWORK_HEADER = ["Date", "Transaction ID", "Transaction Type", "Transaction Summary",
                 "Transaction Summary Details", "Description 1", "Description 2", "Description 3",
                 "Entered Description", "Agency", "Freelancer", "Team", "Account Name", "PO", "Ref ID",
                 "Amount $", "Amount in local currency", "Currency", "Current Balance $", "Payment Method"]


def upwork_statement(rows: int, end: str, seed: int, teams: list[str]) -> bytes:
    """Return an Upwork transaction history of `rows` rows over the two years up to `end`, newest first.

    Income rows (hourly, fixed price, bonus) come with their service fee row; connects, membership,
    withdrawals and withdrawal fees fill the rest. Half the teams are clients already stored.
    """
    rng = random.Random(seed)
    first, last = month_start(add_months(end, -23)), month_start(end)
    days = sorted(rng.randint(0, (last - first).days) for _ in range(rows))  # a statement is in date order
    lines: list[list[str]] = []
    ref = 900_000_000
    while len(lines) < rows:
        ref += 1
        day = (first + timedelta(days=days[len(lines)])).strftime("%b %d, %Y")
        roll = rng.random()
        if roll < 0.88 and len(lines) + 2 <= rows:
            kind = weighted(rng, [("Hourly", 50), ("Fixed-price", 45), ("Bonus", 5)])
            amount = Decimal(rng.randint(1000, 150_000)) / 100
            team = rng.choice(teams)
            lines.append(_upwork_line(day, ref, kind, f"Invoice {ref}", team, str(ref), f"{amount:.2f}"))
            fee = (amount / 10).quantize(Decimal("0.01"))
            lines.append(_upwork_line(day, ref + 1, "Service Fee", f"Service Fee for {kind} - Ref ID {ref}",
                                      team, str(ref), f"-{fee:.2f}"))
            ref += 1
        elif roll < 0.94:
            lines.append(_upwork_line(day, ref, "Connects", "Connects purchase", "", str(ref),
                                      f"-{rng.choice([6, 12, 24]):.2f}"))
        elif roll < 0.96:
            lines.append(_upwork_line(day, ref, "Membership Fee", "Freelancer Plus", "", str(ref), "-19.99"))
        elif roll < 0.98:
            lines.append(_upwork_line(day, ref, "Withdrawal", "Withdrawal to Payoneer", "", str(ref),
                                      f"-{rng.randint(100, 2000)}.00"))
        else:
            lines.append(_upwork_line(day, ref, "Withdrawal Fee", "Withdrawal Fee", "", str(ref), "-0.99"))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UPWORK_HEADER)
    writer.writerows(reversed(lines))
    return out.getvalue().encode("utf-8")


def _upwork_line(day: str, ref: int, kind: str, summary: str, team: str, related: str,
                 amount: str) -> list[str]:
    """Return one row of the newer Upwork layout."""
    return [day, str(ref), kind, summary, "", "", "", "", "", "", "Rahim Uddin", team, "Rahim Uddin", "",
            related, amount, "", "USD", "", ""]


def statement_teams(sizes: Sizes, clients: list[str]) -> list[str]:
    """Return the team names of the statement: stored clients and as many new ones."""
    count = max(2, min(400, sizes.clients // 5))
    rng = random.Random(sizes.seed + 1)
    known = rng.sample(clients, min(len(clients), count // 2))
    return known + [f"Upwork Team {i:04d}" for i in range(count - len(known))]


def cached_database(sizes: Sizes, end: str, cache: Path = CACHE) -> tuple[Path, dict[str, float] | None]:
    """Return the database file for these sizes, building it first if not cached (with its timings)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"bench-{sizes.key(end)}.db"
    if path.exists():
        return path, None
    building = path.with_suffix(".building")
    took = build_database(building, sizes, end)
    for suffix in ("-wal", "-shm"):
        Path(f"{building}{suffix}").unlink(missing_ok=True)
    shutil.move(building, path)
    return path, took


def empty_database(path: Path) -> Path:
    """Return a new, migrated, empty database file."""
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


def today_month() -> str:
    """Return the current month, where the history ends."""
    return month_of(date.today())
