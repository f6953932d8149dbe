"""A gig and the payment for it, logged in one go: both checked first, then written together."""

from __future__ import annotations

from sqlmodel import Session

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Gig, GigStatus, Payment, Platform
from tracker.services.common import writing
from tracker.services.gigs import GigInput, gig_values
from tracker.services.payments import PaymentInput, payment_values


def create_gig_with_payment(*, session: Session, gig: GigInput,
                            payment: PaymentInput) -> tuple[Gig, Payment]:
    """Check a new gig and its payment, store both in one transaction; return (gig, payment).

    The payment is linked to the new gig and to the gig's client (the payment's client is used for
    both when only the payment names one); its platform is the gig's unless the payment names one.
    If either is refused, nothing is written.
    """
    if payment.gig_id is not None:
        raise InvalidInput("A payment logged with a new gig cannot point at another gig.", field="gig")
    client_id = gig.client_id if gig.client_id is not None else payment.client_id
    if payment.client_id is not None and payment.client_id != client_id:
        raise InvalidInput("This gig belongs to another client. Choose the gig's client or "
                           "no client.", field="client")
    pay = payment_values(session, payment.model_copy(
        update={"client_id": client_id, "platform": payment.platform or gig.platform}))
    work = gig_values(session, gig.model_copy(update={"client_id": client_id}))
    new_gig = Gig(**work)
    with writing(session):
        session.add(new_gig)
        session.flush()
        new_payment = Payment(**{**pay, "gig_id": new_gig.id})
        session.add(new_payment)
    session.refresh(new_gig)
    session.refresh(new_payment)
    return new_gig, new_payment


def gig_of_payment(*, title: str, client_id: int | None, skill_id: int | None, status: str,
                   hours: str, payment: PaymentInput) -> GigInput:
    """Return the gig logged with its payment: priced at what was paid, in the payment's currency and
    platform, closed on the day of the payment when it is paid; no hours given count as none."""
    return GigInput(title=title, client_id=client_id, skill_id=skill_id,
                    platform=payment.platform or Platform.DIRECT.value, price=payment.gross,
                    currency=payment.currency, hours_worked=hours or "0", status=status,
                    closed_on=payment.paid_on if status == GigStatus.PAID.value else None)
