"""Guidance from the source articles (points S1–S19 in ../shared/seeds/README.md), in our words.

Every tip names the source point it comes from, so it can be checked against the articles.
- `path.SECTIONS`: a newcomer's path in seven steps (the Guidance page); `PATH` is all their tips.
- `notes`: tips shown in place, in their situation (tracker/advice.py decides when).
- `CHECKLIST_LABELS`: the five things to have before starting (S8).

Texts are English message ids, marked with `N_` and translated when shown (`state._`).
"""

from __future__ import annotations

from tracker.guidance.base import N_, SOURCE_IDS, Section, Tip
from tracker.guidance.notes import NOTES
from tracker.guidance.path import PATH, SECTIONS

CHECKLIST_LABELS = {  # S8: what to have before starting
    "computer": N_("A computer set up for the kind of work you will do"),
    "internet": N_("An internet connection you can rely on"),
    "phone": N_("A mobile phone, to answer clients when you are away from the desk"),
    "workplace": N_("A quiet, pleasant place kept for work"),
    "skill": N_("One skill you can really deliver"),
}

ALL_TIPS = PATH + NOTES

__all__ = ["ALL_TIPS", "CHECKLIST_LABELS", "NOTES", "N_", "PATH", "SECTIONS", "SOURCE_IDS", "Section",
           "Tip"]
