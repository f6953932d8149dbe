"""The shapes of guidance: a tip with its source point, a section of the path, the known source ids."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.i18n import N_ as N_  # re-exported: the guidance texts mark their msgids with it

SOURCE_IDS = tuple(f"S{number}" for number in range(1, 20))  # ../shared/seeds/README.md


@dataclass(frozen=True)
class Tip:
    """One piece of advice and the source point it rests on."""

    source: str
    title: str
    text: str


@dataclass(frozen=True)
class Section:
    """One step of a newcomer's path: a title, a line saying what it is about, and its tips."""

    key: str
    title: str
    intro: str
    tips: tuple[Tip, ...]
