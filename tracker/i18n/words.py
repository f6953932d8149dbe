"""Words stored in English and shown translated: the vocabularies of tracker/models.py and imports.

The database and the CSV files keep these values in English (`Platform.DIRECT` is "direct"); a page
shows them with `_(value)`. Listing them here, marked with N_, puts them in the catalogs;
tests/test_i18n.py checks that every value of the vocabularies is listed.
"""

from __future__ import annotations

from tracker.i18n import N_, translate

SKILL_STAGES = (N_("learning"), N_("practising"), N_("mentor-approved"), N_("earning"))
VERDICTS = (N_("ready"), N_("not yet"))
PLATFORMS = (N_("Upwork"), N_("Fiverr"), N_("Freelancer.com"), N_("direct"), N_("own website"),
             N_("other"))
PRICINGS = (N_("fixed"), N_("hourly"))
GIG_STATUSES = (N_("lead"), N_("proposal sent"), N_("active"), N_("delivered"), N_("paid"), N_("lost"),
                N_("declined"), N_("cancelled"))
PAYMENT_KINDS = (N_("payment"), N_("refund"))
PAYMENT_STATUSES = (N_("cleared"), N_("pending"))
EXPENSE_CATEGORIES = (N_("connects"), N_("membership"), N_("equipment"), N_("internet"), N_("training"),
                      N_("other"))
SKILL_CATEGORIES = (N_("web design"), N_("AutoCAD"), N_("search engine optimisation"), N_("data entry"),
                    N_("editing"), N_("content writing"), N_("graphic design"), N_("animation design"))
IMPORT_ROW_KINDS = (N_("payment"), N_("refund"), N_("fee"), N_("expense"), N_("transfer"))
TABLES = (N_("skill"), N_("learning_session"), N_("mentor_review"), N_("client"), N_("gig"), N_("payment"),
          N_("expense"), N_("goal"), N_("setting"), N_("checklist_item"))
DECLINE_REASONS = {  # tracker.ledger.models.DeclineReason: code -> what a page shows (S4)
    "principles": N_("The work is against my principles"),
    "budget": N_("The budget is too low"),
    "skill": N_("I do not have the skill for it yet"),
    "trust": N_("The client does not look trustworthy"),
    "time": N_("I have no time for it now"),
}
DATE_FIELDS = (N_("started date"), N_("due date"), N_("delivered date"), N_("closed date"))  # services/gigs



def decline_reason_text(stored: str, language: str) -> str:
    """Return a stored decline reason in the language (a code translated; own words as written)."""
    return translate(DECLINE_REASONS[stored], language) if stored in DECLINE_REASONS else stored
