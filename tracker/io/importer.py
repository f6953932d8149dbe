"""Writing an import plan: one service, one transaction, everything or nothing.

Clients named in the file are found by name (ignoring case) or created; gigs and skills named in
the tracker's own export likewise. Rows are inserted in bulk (a query per row would make a large
statement slow); duplicates are checked again inside the transaction, so that pressing Import twice
adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from tracker.i18n import N_
from tracker.io.collector import collector_paused
from tracker.io.plan import ImportPlan, split_duplicates
from tracker.io.rows import ImportRow, RowKind
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import (
    Client,
    Expense,
    Gig,
    GigStatus,
    Payment,
    Platform,
    Skill,
    SkillStage,
    utc_now,
)
from tracker.services.clients import ClientInput, client_values
from tracker.services.common import writing
from tracker.services.gigs import GigInput, gig_values
from tracker.services.settings import home_currency
from tracker.services.skills import SkillInput, skill_values

CHUNK = 5000
ROOMY_CACHE_KIB = 64 * 1024
_MONEY_IN = frozenset((RowKind.PAYMENT, RowKind.REFUND))  # rows whose client is looked up or added
Progress = Callable[[float], None]


@dataclass(frozen=True)
class ImportResult:
    """What an import did, counted in rows of the file."""

    imported: int
    duplicates: int
    refused: int
    transfers: int
    clients_added: int = 0

    def summary(self, translate: Callable[[str], str] = str) -> str:
        """Return the one summary line: 'imported N, duplicates D, refused R' (translated when asked)."""
        return summary_line(self.imported, self.duplicates, self.refused, translate)


def summary_line(imported: int, duplicates: int, refused: int, translate: Callable[[str], str] = str) -> str:
    """Return an import's one summary line, in English or as `translate` gives it."""
    return translate(N_("imported {imported}, duplicates {duplicates}, refused {refused}")).format(
        imported=imported, duplicates=duplicates, refused=refused)


def check_ready(plan: ImportPlan, skip_invalid: bool) -> None:
    """Refuse a plan that has refused rows (unless skipping them), missing rates or an open question."""
    if plan.date_question is not None:
        raise InvalidInput(plan.date_question.message, **dict(plan.date_question.params))
    if plan.missing_rates:
        raise InvalidInput("Rows in {currencies} need an exchange rate into {home}. Give one, like "
                           "{example}.", field="rate", currencies=", ".join(plan.missing_rates),
                           home=plan.home, example=f"{plan.missing_rates[0]}=121.50")
    if plan.refused and not skip_invalid:
        first = plan.refused[0]
        raise InvalidInput("Nothing was imported, because {count} rows were refused. Row {row}: "
                           "{reason} Fix the file, or import only the good rows.", field="file",
                           count=len(plan.refused), row=first.number, reason=first.text())


def may_import(*, plan: ImportPlan, skip_refused: bool) -> bool:
    """Return True when the plan may be imported now: it is ready (rates known, date order settled),
    it adds something, and it has no refused rows unless the person chose to leave them out."""
    return plan.ready and bool(plan.to_add) and (not plan.refused or skip_refused)


def import_rows(*, session: Session, plan: ImportPlan, skip_invalid: bool = False,
                progress: Progress | None = None) -> ImportResult:
    """Write every row the plan adds in one transaction; return the counts."""
    with collector_paused():
        return _write(session, plan, skip_invalid, progress)


def _write(session: Session, plan: ImportPlan, skip_invalid: bool, progress: Progress | None) -> ImportResult:
    """Write a plan (see import_rows)."""
    check_ready(plan, skip_invalid)
    if home_currency(session) != plan.home:
        raise InvalidInput("The home currency changed since this file was read. Read it again.",
                           field="home currency")
    with writing(session):
        fresh, again = split_duplicates(session, plan.to_add)
        new = {id(row) for row in fresh}
        chosen = [(row, values) for row, values in zip(plan.to_add, plan.values, strict=True)
                  if id(row) in new]
        clients, added = client_ids(session, [row for row, _v in chosen])
        gigs = gig_ids(session, [row for row, _v in chosen if row.gig], clients)
        payments, expenses = records(chosen, clients, gigs)
        with roomy_cache(session):
            _insert(session, Payment, payments, progress, 0, len(chosen))
            _insert(session, Expense, expenses, progress, len(payments), len(chosen))
    imported = sum(1 + len(row.merged) for row, _v in chosen)
    return ImportResult(imported=imported,
                        duplicates=plan.duplicate_rows + sum(1 + len(r.merged) for r in again),
                        refused=len(plan.refused), transfers=len(plan.transfers), clients_added=added)


def records(chosen: list[tuple[ImportRow, dict[str, Any]]], clients: dict[str, int],
            gigs: dict[tuple[int | None, str], int]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the payment and expense rows to insert, linked to their clients and gigs."""
    now = utc_now()
    payments, expenses = [], []
    for row, values in chosen:
        record = dict(values)
        del record["table"]
        record["created_at"] = now
        if values["table"] == "expense":
            expenses.append(record)
            continue
        record["client_id"] = clients.get(row.client.strip().lower())
        record["gig_id"] = gigs.get((record["client_id"], row.gig.strip().lower())) if row.gig else None
        payments.append(record)
    return payments, expenses


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """Give SQLite a 64 MB page cache while the rows are inserted, then its own size again.

    With the usual 2 MB, pages of the table and its six indexes are written out and read back
    several times during a large insert; with room for all of them, each is written once, at commit
    (about a fifth less time). The size is put back before the commit: pages not yet written stay.
    """
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar() \
        if connection.dialect.name == "sqlite" else None
    if before is None or _kib(session, int(before)) >= ROOMY_CACHE_KIB:  # not SQLite, or roomy already
        yield
        return
    connection.exec_driver_sql(f"PRAGMA cache_size={-ROOMY_CACHE_KIB}")
    try:
        yield
    except BaseException:
        with suppress(SQLAlchemyError):  # the insert's own error is the one to report
            connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")
        raise
    connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def _kib(session: Session, cache_size: int) -> int:
    """Return SQLite's cache size in KiB (a negative size is KiB already, a positive one pages)."""
    if cache_size < 0:
        return -cache_size
    return cache_size * int(session.connection().exec_driver_sql("PRAGMA page_size").scalar() or 0) // 1024


def _insert(session: Session, model: type, rows: list[dict[str, Any]], progress: Progress | None,
            before: int, total: int) -> None:
    """Insert rows in chunks, reporting the share done after each chunk."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(table), rows[start:start + CHUNK])
        if progress is not None:
            progress((before + min(start + CHUNK, len(rows))) / max(total, 1))


def client_ids(session: Session, rows: list[ImportRow]) -> tuple[dict[str, int], int]:
    """Return client ids by lower-case name (found or created), and how many were created."""
    wanted = {r.client.strip().lower(): r for r in rows
              if r.client.strip() and r.kind in _MONEY_IN}
    found = {name.lower(): cid for cid, name in session.exec(select(Client.id, Client.name)).all()}
    new = {key: Client(**client_values(session, ClientInput(
        name=row.client, platform=row.platform or Platform.DIRECT.value), client_id=None))
        for key, row in wanted.items() if key not in found}  # each checked before any is added
    session.add_all(new.values())
    session.flush()  # one flush for all of them, in the order of the file
    found.update({key: client.id for key, client in new.items()})  # type: ignore[misc]
    return found, len(new)


def gig_ids(session: Session, rows: list[ImportRow],
            clients: dict[str, int]) -> dict[tuple[int | None, str], int]:
    """Return gig ids by (client id, lower-case title), creating the gigs (and skills) not there."""
    if not rows:  # most statements name no gigs: no need to read every gig
        return {}
    gigs = {(client_id, title.lower()): gid
            for gid, title, client_id in session.exec(select(Gig.id, Gig.title, Gig.client_id)).all()}
    for row in rows:
        client_id = clients.get(row.client.strip().lower())
        key = (client_id, row.gig.strip().lower())
        if key in gigs:
            continue
        gig = Gig(**gig_values(session, GigInput(
            title=row.gig, client_id=client_id, skill_id=skill_id(session, row.skill),
            platform=row.platform or Platform.DIRECT.value, status=GigStatus.PAID.value)))
        session.add(gig)
        session.flush()
        gigs[key] = gig.id  # type: ignore[assignment]
    return gigs


def skill_id(session: Session, name: str) -> int | None:
    """Return the id of the skill with this name (ignoring case), created if missing; None for none."""
    if not name.strip():
        return None
    found = session.exec(select(Skill.id).where(func.lower(Skill.name) == name.strip().lower())).first()
    if found is not None:
        return found
    skill = Skill(**skill_values(session, SkillInput(name=name, category="other",
                                                     stage=SkillStage.EARNING.value), skill_id=None))
    session.add(skill)
    session.flush()
    return skill.id
