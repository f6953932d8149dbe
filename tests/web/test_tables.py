"""Display tables from typed rows: each column formatted by the run's Present (no database needed)."""

from __future__ import annotations

from datetime import date

from tracker.present import Present
from tracker.reports.choices import Choice, DayChoice, GigChoice
from tracker.reports.learning import SkillRow
from tracker.reports.owed import ClientRow
from tracker.reports.pipeline import GigRow
from tracker.web import tables

ENGLISH = Present(language="en", bengali_digits=False, home_currency="BDT")
BENGALI = Present(language="bn", bengali_digits=True, home_currency="BDT")


def client(name: str, **values: object) -> ClientRow:
    """Return a client row with nothing paid or owed, changed by `values`."""
    fields: dict[str, object] = {"id": 1, "name": name, "platform": "Upwork", "country": "",
                                 "verified": False, "archived": False, "payments": 0, "net_home_minor": 0,
                                 "open": (), "overdue": (), "last_payment": None, "notes": ""}
    return ClientRow(**{**fields, **values})  # type: ignore[arg-type]


CLIENTS = [
    client("Acme", payments=3, net_home_minor=3136250, open=(("USD", 37417), ("BDT", 500000)),
           overdue=(("BDT", 500000),), last_payment=date(2026, 8, 10)),
    client("bakery", open=(("EUR", 8000), ("USD", 2000)), overdue=(("EUR", 8000),)),
    client("Corner", archived=True),
]


def test_clients_list_money_as_text() -> None:
    frame = tables.frame(CLIENTS, tables.CLIENTS, ENGLISH)
    rows = frame.set_index("name").to_dict("index")
    assert list(frame["name"]) == ["Acme", "bakery", "Corner"]
    assert {k: rows["Acme"][k] for k in ("payments", "net_home", "open", "overdue", "last_payment")} == {
        "payments": 3, "net_home": "31362.50", "open": "$374.17 + ৳5,000.00",
        "overdue": "৳5,000.00", "last_payment": date(2026, 8, 10)}
    assert {k: rows["bakery"][k] for k in ("net_home", "open", "overdue", "last_payment")} == {
        "net_home": "0.00", "open": "€80.00 + $20.00", "overdue": "€80.00", "last_payment": None}
    assert (rows["Corner"]["open"], rows["Corner"]["archived"]) == ("—", True)


def test_clients_in_bengali_use_bengali_digits_and_days() -> None:
    frame = tables.frame(CLIENTS, tables.CLIENTS, BENGALI)
    assert frame.loc[frame["name"] == "Acme", "overdue"].item() == "৳৫,০০০.০০"
    assert frame.loc[frame["name"] == "Acme", "last_payment"].item() == "১০ আগস্ট ২০২৬"


def test_an_empty_table_keeps_its_columns() -> None:
    frame = tables.frame([], tables.CLIENTS, ENGLISH)
    assert frame.empty and list(frame.columns) == [c.key for c in tables.CLIENTS]


def test_gigs_show_price_hours_and_value_in_the_gigs_currency() -> None:
    fixes = GigRow(id=3, title="Fixes", client="Acme", skill="", status="delivered", platform="direct",
                   pricing="hourly", currency="USD", price_minor=1250, minutes_worked=20, value_minor=417,
                   started_on=None, due_on=None, delivered_on=date(2026, 8, 18), closed_on=None,
                   decline_reason="")
    row = tables.frame([fixes], tables.GIGS, ENGLISH).iloc[0]
    assert (row["client"], row["pricing"], row["price"], row["hours"], row["value"]) == (
        "Acme", "hourly", "$12.50", "0.33", "$4.17")
    assert row["delivered"] == date(2026, 8, 18)


def test_skills_show_hours_learned() -> None:
    rows = [SkillRow(1, "Logo design", "graphic design", "mentor-approved", 120, date(2026, 8, 3), 2,
                     "ready"),
            SkillRow(2, "SEO", "search engine optimisation", "learning", 0, None, 0, "")]
    frame = tables.frame(rows, tables.SKILLS, ENGLISH).set_index("name")
    assert frame.loc["Logo design", "hours_learned"] == "2.0"
    assert str(frame.loc["Logo design", "last_learned"]) == "2026-08-03"
    assert frame.loc["Logo design", "mentor_reviews"] == 2
    assert (frame.loc["Logo design", "latest_verdict"], frame.loc["SEO", "latest_verdict"]) == ("ready", "")
    assert frame.loc["Logo design", "stage"] == "mentor-approved"
    assert frame.loc["SEO", "hours_learned"] == "0.0"


def test_picks_are_labelled_for_people() -> None:
    gigs = [GigChoice(12, "Casino", "bakery", "declined"), GigChoice(8, "Own", "", "delivered")]
    assert tables.gig_picks(gigs, ENGLISH) == [Choice(12, "#12 Casino · bakery · declined"),
                                               Choice(8, "#8 Own · — · delivered")]
    learned = [DayChoice(2, date(2026, 8, 5), "B", 40), DayChoice(1, date(2026, 8, 1), "A", 20)]
    assert [c.label for c in tables.learning_picks(learned, ENGLISH)] == [
        "2026-08-05 · B · 40 min", "2026-08-01 · A · 20 min"]
    reviews = [DayChoice(5, date(2026, 8, 2), "A", "Karim")]
    assert tables.review_picks(reviews, ENGLISH) == [Choice(5, "2026-08-02 · A · Karim")]
