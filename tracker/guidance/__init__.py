"""Guidance from the source articles (points S1–S19 in ../shared/seeds/README.md), in our words.

Every tip names the source point it comes from, so it can be checked against the articles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tip:
    """One piece of advice and the source point it rests on."""

    source: str
    title: str
    text: str


CHECKLIST_LABELS = {  # S8: what to have before starting
    "computer": "A computer set up for the kind of work you will do",
    "internet": "An internet connection you can rely on",
    "phone": "A mobile phone, to answer clients when you are away from the desk",
    "workplace": "A quiet, pleasant place kept for work",
    "skill": "One skill you can really deliver",
}

PATH = (
    Tip("S1", "The goal is reachable",
        "Earning a net ৳1,00,000 a month is possible, but it comes from real skill and from "
        "keeping at it, not from luck."),
    Tip("S2", "First understand, then learn, then work",
        "Find out what freelancing involves, learn one skill properly, and only then look for "
        "paid work."),
    Tip("S9", "Let a mentor say when you are ready",
        "Watching a few videos does not make anyone an expert. Take a good course, practise on "
        "your own, and show your work to someone experienced. Start selling when they agree; "
        "until then, keep learning. Your own work will always look fine to you."),
    Tip("S11", "Agree before you start",
        "Learn how clients find freelancers online, build good relations with them, and settle "
        "the work and the price before you begin."),
    Tip("S18", "Check who you work for",
        "Some people or short-lived agencies offer to 'train' you and keep the work you do "
        "without paying. Look into any client or agency before you work for them."),
)
