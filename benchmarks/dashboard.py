"""Time the Dashboard page on one database, in a process of its own.

Usage: `python benchmarks/dashboard.py URL RUNS`.

Prints one JSON object (seconds, medians of RUNS runs):
- `cold`: the page run by AppTest right after `st.cache_data.clear()`, as after any write;
- `warm`: the page run again with the readers' results cached;
- `readers`: the readers the page calls (recorded from one run through `ui.read`), each run once
  with its own session like `ui._read` does, without Streamlit: the floor of the page's SQL;
- `peak_rss_mb`: the peak resident set of this process (the page run and its readers).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "pages" / "dashboard.py"


def median_seconds(action: Callable[[], Any], runs: int) -> float:
    """Return the median wall time of `runs` calls of action."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(url: str, runs: int) -> dict[str, Any]:
    """Return the Dashboard's figures on the database at url."""
    os.environ["TRACKER_DB_URL"] = url
    import streamlit as st
    from sqlmodel import Session
    from streamlit.testing.v1 import AppTest

    from tracker import ui
    from tracker.db import get_engine

    def page() -> AppTest:
        at = AppTest.from_file(str(PAGE), default_timeout=120).run()
        if at.exception:
            raise RuntimeError(f"the Dashboard failed: {[e.value for e in at.exception]}")
        return at

    calls: dict[tuple[str, tuple[Any, ...]], Callable[..., Any]] = {}
    original = ui.read

    def recording(reader: Callable[..., Any], *args: Any) -> Any:
        calls.setdefault((f"{reader.__module__}.{reader.__qualname__}", args), reader)
        return original(reader, *args)

    ui.read = recording  # type: ignore[assignment]
    st.cache_data.clear()
    page()  # the first run imports what the page needs; not timed
    ui.read = original  # type: ignore[assignment]
    engine = get_engine(url)

    def readers() -> None:
        for (_name, args), reader in calls.items():
            with Session(engine, expire_on_commit=False) as session:
                reader(session, *args)

    def cold() -> None:
        st.cache_data.clear()
        page()

    figures = {"cold": median_seconds(cold, runs)}
    page()
    figures["warm"] = median_seconds(page, runs)
    figures["readers"] = median_seconds(readers, runs)
    figures["reader_calls"] = len(calls)
    figures["each_reader"] = each_reader(calls, engine, runs)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def each_reader(calls: dict[tuple[str, tuple[Any, ...]], Callable[..., Any]], engine: Any,
                runs: int) -> list[tuple[str, float]]:
    """Return every reader call the page made with its median seconds, slowest first."""
    from sqlmodel import Session

    timed = []
    for (name, args), reader in calls.items():
        def call(reader: Callable[..., Any] = reader, args: tuple[Any, ...] = args) -> None:
            with Session(engine, expire_on_commit=False) as session:
                reader(session, *args)
        timed.append((f"{name.removeprefix('tracker.')}{args!r}", round(median_seconds(call, runs), 4)))
    return sorted(timed, key=lambda t: -t[1])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]))))
