"""The speed fixes of issue 8 give exactly what the straightforward code gave.

Each faster path is compared with a plain one: money arithmetic with Decimal, the recursive
query for months with income (and with payments) with a DISTINCT, the forecast read from six months
with the forecast read from all of them, and the Dashboard's combined readers (learning and rates,
income sources, the forecast with its chart's months) with one query per figure.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from sqlmodel import Session, col, func, select

from tracker.ledger import money
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig, LearningSession, Payment, PaymentStatus, Skill
from tracker.present import Present
from tracker.reports import learning, sources
from tracker.reports.forecast import forecast, goal_outlook, outlook_and_history
from tracker.reports.month import first_month_with_money, income_months, monthly_net, months_with_payments
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.goals import goal_for_month
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import LearningInput, SkillInput, create_skill, log_learning

CURRENCIES = ["USD", "BDT", "JPY", "KWD", "EUR"]


def decimal_convert(minor: int, currency: str, rate: Decimal, home: str) -> int:
    """Return the conversion the way it was written before: Decimal, rounded half up once."""
    shift = 0 if currency == home else money.exponent(home) - money.exponent(currency)
    with localcontext() as exact:
        exact.prec = 80
        return int((Decimal(minor).scaleb(shift) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_conversion_and_amount_text_agree_with_decimal_arithmetic() -> None:
    rng = random.Random(8)
    for _ in range(20_000):
        minor = rng.choice([rng.randint(-10**12, 10**12), rng.randint(-999, 999), 5, -5, 50, -50])
        rate = Decimal(rng.randint(1, 10**12)).scaleb(-rng.randint(0, 10))
        currency, home = rng.choice(CURRENCIES), rng.choice(CURRENCIES)
        if currency == home and rate == 1:
            continue
        expected = decimal_convert(minor, currency, rate, home)
        if abs(expected) <= money.MAX_MINOR:
            assert money.convert(minor, currency, rate, home) == expected
        places = money.exponent(currency)
        assert money.amount_text(minor, currency) == format(Decimal(minor).scaleb(-places), "f")


@pytest.mark.parametrize(("text_in", "currency", "minor"), [
    ("1234.56", "USD", 123456), ("-12", "USD", -1200), ("+7.5", "BDT", 750), ("0.001", "KWD", 1),
    ("500", "JPY", 500), ("1,250.50", "USD", 125050), ("১২৫০.৫০", "BDT", 125050),
    ("৳1,00,000", "BDT", 10000000),
])
def test_typed_amounts_read_the_same(text_in: str, currency: str, minor: int) -> None:
    assert money.parse_amount(text_in, currency, allow_negative=True) == minor


@pytest.mark.parametrize(("value", "currency"), [("0.125", "USD"), ("1.5", "JPY"), ("0.0001", "KWD")])
def test_too_many_decimals_are_still_refused(value: str, currency: str) -> None:
    with pytest.raises(InvalidInput, match="at most"):
        money.to_minor(Decimal(value), currency)


def test_months_with_income_are_the_distinct_months(session: Session) -> None:
    rng = random.Random(3)
    for _ in range(60):
        month = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}"
        create_payment(session=session, data=PaymentInput(
            paid_on=f"{month}-{rng.randint(1, 28):02d}", gross=str(rng.randint(1, 900)), currency="BDT",
            kind=rng.choice(["payment", "refund"]), status=rng.choice(["cleared", "pending"])))
    for last in ("2024-01", "2025-06", "2026-12", "2027-03"):
        distinct = set(session.exec(select(Payment.month).where(
            Payment.status == PaymentStatus.CLEARED.value, Payment.net_home_minor > 0,
            Payment.month <= last).distinct()).all())
        found = income_months(session, last)
        assert set(found) == distinct and found == sorted(found, reverse=True)


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 3, 2), date(2025, 12, 31),
                                   date(2024, 1, 5)])
def test_the_forecast_reads_only_the_months_it_uses(session: Session, today: date) -> None:
    rng = random.Random(today.toordinal())
    for _ in range(40):
        month = f"20{rng.randint(25, 26)}-{rng.randint(1, 12):02d}"
        create_payment(session=session, data=PaymentInput(paid_on=f"{month}-10", currency="BDT",
                                                          gross=str(rng.randint(1_000, 150_000))))
    current = f"{today.year:04d}-{today.month:02d}"
    first = first_month_with_money(session) or current
    everything = forecast(monthly_net(session, min(first, current), current), current,
                          goal_for_month(session, current))
    assert goal_outlook(session, today) == everything


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


def plain_per_gig(session: Session):  # noqa: ANN201  (a subquery)
    """Return every gig's first cleared payment day and cleared net, the way it was written before."""
    return (select(Payment.gig_id, func.min(Payment.paid_on).label("first"),
                   func.sum(Payment.net_home_minor).label("net"))
            .where(Payment.status == PaymentStatus.CLEARED.value, col(Payment.gig_id).is_not(None))
            .group_by(Payment.gig_id).subquery())


def plain_learning(session: Session) -> list[learning.SkillReturn]:
    """Return learning against earning with one query per figure, as before the combined query."""
    learned = (select(LearningSession.skill_id, func.sum(LearningSession.minutes).label("minutes"))
               .group_by(LearningSession.skill_id).subquery())
    per_gig = plain_per_gig(session)
    earned = (select(Gig.skill_id, func.min(per_gig.c.first).label("first"),
                     func.sum(per_gig.c.net).label("net"))
              .join(Gig, per_gig.c.gig_id == Gig.id).group_by(Gig.skill_id).subquery())
    rows = session.exec(select(Skill.name, learned.c.minutes, earned.c.first, earned.c.net)
                        .join(learned, learned.c.skill_id == Skill.id, isouter=True)
                        .join(earned, earned.c.skill_id == Skill.id, isouter=True)
                        .order_by(func.lower(Skill.name), Skill.id)).all()
    return [learning.SkillReturn(skill=name, minutes_learned=int(minutes or 0), first_earning=first,
                                   net_minor=int(net or 0)) for name, minutes, first, net in rows]


def plain_rates(session: Session, by: str) -> list[learning.HourlyRate]:
    """Return the hourly rates by skill or client with a query of their own, as before."""
    per_gig = plain_per_gig(session)
    owner, key = (Skill, Gig.skill_id) if by == "skill" else (Client, Gig.client_id)
    rows = session.exec(select(owner.name, func.sum(Gig.minutes_worked), func.sum(per_gig.c.net))
                        .join(per_gig, per_gig.c.gig_id == Gig.id).join(owner, col(key) == owner.id)
                        .where(Gig.minutes_worked > 0).group_by(key, owner.name)
                        .order_by(func.sum(per_gig.c.net).desc(), key)).all()
    return [learning.HourlyRate(name=n, minutes_worked=int(m), net_minor=int(net)) for n, m, net in rows]


def test_learning_and_rates_match_one_query_per_figure(busy: Session) -> None:
    combined = learning.learning_and_rates(busy)
    assert combined.skills == plain_learning(busy)
    assert combined.by_skill == plain_rates(busy, "skill") and combined.by_skill
    assert combined.by_client == plain_rates(busy, "client") and combined.by_client
    assert [s.skill for s in combined.skills] == ["Banner", "logo design", "SEO", "Unused"]
    assert combined.skills[-1].first_earning is None and combined.skills[-1].net_minor == 0


@pytest.mark.parametrize(("first", "last"), [("2025-01", "2026-12"), ("2026-03", "2026-08"),
                                             ("2027-01", "2027-06")])
def test_income_sources_match_each_breakdown(busy: Session, first: str, last: str) -> None:
    found = sources.income_sources(busy, first, last)
    assert found.by_category == sources.income_by_category(busy, first, last)
    assert found.by_platform == sources.income_by_platform(busy, first, last)
    assert found.by_client == sources.income_by_client(busy, first, last)


def test_months_with_payments_are_the_distinct_months(busy: Session) -> None:
    distinct = busy.exec(select(Payment.month).distinct().order_by(col(Payment.month).desc())).all()
    assert months_with_payments(busy) == list(distinct) and len(distinct) > 10


def test_months_with_payments_on_an_empty_database(session: Session) -> None:
    assert months_with_payments(session) == []


@pytest.mark.parametrize("today", [date(2026, 11, 21), date(2026, 3, 2), date(2025, 2, 1), date(2024, 1, 5)])
def test_the_forecast_chart_shows_the_months_the_forecast_read(busy: Session, today: date) -> None:
    outlook = outlook_and_history(busy, today)
    trend, history = outlook.forecast, outlook.history
    current = f"{today.year:04d}-{today.month:02d}"
    assert trend == goal_outlook(busy, today)
    if trend.months_used:
        assert history == monthly_net(busy, trend.months_used[0], current)
    else:
        assert history == []


def test_charts_built_in_one_go_keep_their_titles_and_axes(busy: Session) -> None:
    """The figures get their layout in one dict: every title, axis type and tick is still there."""
    from tracker.web import charts

    series = monthly_net(busy, "2026-01", "2026-12")
    english = Present(language="en", bengali_digits=False, home_currency="BDT")
    fig = charts.monthly_net_chart(series, english)
    assert (fig.layout.title.text, fig.layout.xaxis.title.text, fig.layout.yaxis.title.text) == (
        "Net income per month", "Month", "Net income")
    assert fig.layout.xaxis.type == "category" and fig.layout.xaxis.ticktext[0] == "2026-01"
    assert all("৳" in tick for tick in fig.layout.yaxis.ticktext)
    outlook = outlook_and_history(busy, date(2026, 11, 21))
    fig = charts.forecast_chart(outlook.history, outlook.forecast, 10_000_000, english)
    assert fig.layout.xaxis.type == "category"
    assert [t.name for t in fig.data] == ["Net income", "Trend", "Goal"]
    digits = Present(language="en", bengali_digits=True, home_currency="BDT")
    fig = charts.month_progress_chart("2026-02", [], 10_000_000, digits)
    assert fig.layout.xaxis.title.text == "Day" and list(fig.layout.xaxis.ticktext) == ["১", "৮", "১৫", "২২"]
    fig = charts.shares_chart("By platform", ["Upwork"], [100], english)
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.xaxis.title.text == "Net income"
    assert charts.pipeline_chart({"lead": 2}, english).layout.yaxis.title.text == "Gigs"
