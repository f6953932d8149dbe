"""Where income came from, on the `scenario` of conftest.py (all amounts in taka, rate 1)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import Session

from tracker.reports import sources
from tracker.reports import sources as b


def shares(rows: list[b.Share]) -> list[tuple[str, int]]:
    """Return (name, whole taka) pairs."""
    return [(r.name, r.net_minor // 100) for r in rows]


def test_income_by_category_platform_and_client(scenario: Session) -> None:
    assert shares(b.income_by_category(scenario, "2026-08", "2026-09")) == [
        ("web design", 21000), ("graphic design", 15000), ("", 5000)]
    assert shares(b.income_by_platform(scenario, "2026-08", "2026-09")) == [
        ("direct", 21000), ("Upwork", 20000)]
    assert shares(b.income_by_client(scenario, "2026-08", "2026-09")) == [("Bright", 21000), ("Acme", 20000)]
    assert shares(b.income_by_client(scenario, "2026-08", "2026-08")) == [("Acme", 12000)]


def test_largest_client_share(scenario: Session) -> None:
    assert b.income_sources(scenario, "2026-08", "2026-09").largest_client_share == (
        Decimal(21000) / Decimal(41000))
    assert b.income_sources(scenario, "2027-01", "2027-02").largest_client_share is None


def test_income_sources_gathers_the_three_breakdowns(scenario: Session) -> None:
    found = b.income_sources(scenario, "2026-08", "2026-09")
    assert shares(found.by_category) == [("web design", 21000), ("graphic design", 15000), ("", 5000)]
    assert shares(found.by_platform) == [("direct", 21000), ("Upwork", 20000)]
    assert shares(found.by_client) == [("Bright", 21000), ("Acme", 20000)]


@pytest.mark.parametrize(("first", "last"), [("2025-01", "2026-12"), ("2026-03", "2026-08"),
                                             ("2027-01", "2027-06")])
def test_income_sources_match_each_breakdown(busy: Session, first: str, last: str) -> None:
    found = sources.income_sources(busy, first, last)
    assert found.by_category == sources.income_by_category(busy, first, last)
    assert found.by_platform == sources.income_by_platform(busy, first, last)
    assert found.by_client == sources.income_by_client(busy, first, last)
