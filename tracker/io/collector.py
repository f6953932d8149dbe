"""Python's cycle collector paused while a file is read or written in one go (import and export)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a statement is read or written, then let it run again.

    Reading 100,000 rows makes hundreds of thousands of lists, dicts and rows that all live until the
    end; the collector would walk all of them again and again (about a sixth of the import's time) and
    find nothing to free, since they are still in use. Memory is freed as usual meanwhile (reference
    counting); only cycles wait until the end. A collector that was already off is left off.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
