"""Where a range of months' income came from: by kind of work, by platform, by client.

Every figure is cleared net income in home-currency minor units over a range of months, summed
in the database with GROUP BY; nothing loads every payment into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, col, func, select

from tracker.ledger.models import Client, Gig, Payment, PaymentStatus, Skill

TOP_CLIENTS = 10
RISKY_SHARE = Decimal("0.5")  # above this, one client is most of the income
UNKNOWN = ""


@dataclass(frozen=True)
class Share:
    """One slice of income: a name and its net income."""

    name: str
    net_minor: int




def _cleared_in(first: str, last: str) -> list:
    """Return the WHERE terms for cleared payments in a month range."""
    return [Payment.status == PaymentStatus.CLEARED.value, Payment.month >= first, Payment.month <= last]


def income_by_category(session: Session, first: str, last: str) -> list[Share]:
    """Return net income by the skill category of each payment's gig, largest first."""
    per_gig = (select(Payment.gig_id, func.sum(Payment.net_home_minor).label("net"))  # from the index
               .where(*_cleared_in(first, last)).group_by(Payment.gig_id).subquery())
    category, net = func.coalesce(Skill.category, UNKNOWN), func.sum(per_gig.c.net)
    rows = session.exec(
        select(category, net).select_from(per_gig)
        .join(Gig, per_gig.c.gig_id == Gig.id, isouter=True)
        .join(Skill, col(Gig.skill_id) == Skill.id, isouter=True)
        .group_by(category).order_by(net.desc())).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def income_by_platform(session: Session, first: str, last: str) -> list[Share]:
    """Return net income by platform, largest first."""
    platform = func.coalesce(Payment.platform, UNKNOWN)
    rows = session.exec(
        select(platform, func.sum(Payment.net_home_minor)).where(*_cleared_in(first, last))
        .group_by(platform).order_by(func.sum(Payment.net_home_minor).desc())).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def income_by_client(session: Session, first: str, last: str) -> list[Share]:
    """Return the top clients by net income, largest first (payments without a client apart)."""
    rows = session.exec(
        select(func.coalesce(Client.name, UNKNOWN), func.sum(Payment.net_home_minor))
        .join(Client, col(Payment.client_id) == Client.id, isouter=True)
        .where(*_cleared_in(first, last)).group_by(Payment.client_id, Client.name)
        .order_by(func.sum(Payment.net_home_minor).desc()).limit(TOP_CLIENTS)).all()
    return [Share(name=name, net_minor=int(net)) for name, net in rows]


def client_share(top_clients: list[Share], total_minor: int) -> Decimal | None:
    """Return the largest named client's share of the total (clients largest first), or None."""
    named = [s for s in top_clients if s.name != UNKNOWN]
    if total_minor <= 0 or not named:
        return None
    return Decimal(named[0].net_minor) / Decimal(total_minor)


@dataclass(frozen=True)
class Sources:
    """Where a range of months' income came from: by kind of work, platform and client."""

    by_category: list[Share]
    by_platform: list[Share]
    by_client: list[Share]
    largest_client_share: Decimal | None


def income_sources(session: Session, first: str, last: str) -> Sources:
    """Return the range's income by category, platform and top client, and the largest client's share.

    Every cleared payment falls in exactly one platform (or none, counted as ''), so the platforms
    add up to the total: the share needs no query of its own.
    """
    by_platform = income_by_platform(session, first, last)
    by_client = income_by_client(session, first, last)
    return Sources(by_category=income_by_category(session, first, last), by_platform=by_platform,
                   by_client=by_client,
                   largest_client_share=client_share(by_client, sum(s.net_minor for s in by_platform)))
