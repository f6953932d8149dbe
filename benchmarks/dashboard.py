"""Time the Dashboard page on one database, in a process of its own.

Usage: `python benchmarks/dashboard.py URL RUNS [EMPTY_URL]`.

Prints one JSON object (seconds, medians of RUNS runs; of 3 × RUNS for the first tab's cold figures,
the harness and the SQL floor, whose ratio is a target and which each take a tenth of a second):
- `cold`: the page as first opened (its first tab), run by AppTest right after `st.cache_data.clear()`,
  as after any write;
- `cold_same_session`: the same, but the page runs again in one AppTest (one person's session, as
  after a write) instead of a new AppTest each time, whose set-up and compiling of the page (about
  60 ms here) a running server does not repeat;
- `warm`: the page run again with the readers' results cached;
- `readers`: the readers the page calls (recorded from one run through `state.read`), each run once
  with its own session like `state._read` does, without Streamlit: the floor of the page's SQL;
- `tabs`: each other tab of the page, by its label, opened cold (the page run right after
  `st.cache_data.clear()` with that tab chosen); `tab_readers`: the floor of the readers that run;
- `harness`, `harness_same_session`: the same two measures for a one-line page (`st.write`): what
  AppTest itself costs on any page (its set-up, the scan of every installed package for Streamlit
  components that a new AppTest makes and a running server makes once at start, the script thread,
  reading the result). `cold − readers − harness` is the Dashboard's own Python work, and
  `cold_same_session − readers_same_session − harness_same_session` the same on a rerun. The three
  of each are run in turn (`in_turn`), so that all three see the machine at the same moments;
- `alternating` (with EMPTY_URL): `cold` on URL and on EMPTY_URL, run one after the other 3 × RUNS
  times in this process, and their medians: the ratio of the two, measured under the same load, is
  the one compared with its target (the machine's speed can change between two processes);
- `peak_rss_mb`: the peak resident set of this process after the first tab's runs and readers;
  `peak_rss_mb_with_tabs`: the same after every tab was opened too.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "pages" / "dashboard.py"
TABS_KEY = "dashboard_tabs"
Calls = dict[tuple[str, tuple[Any, ...]], Callable[..., Any]]


def median_seconds(action: Callable[[], Any], runs: int) -> float:
    """Return the median wall time of `runs` calls of action."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(url: str, runs: int, empty_url: str | None = None) -> dict[str, Any]:
    """Return the Dashboard's figures on the database at url (and alternately on empty_url)."""
    os.environ["TRACKER_DB_URL"] = url
    import streamlit as st
    from sqlmodel import Session
    from streamlit.testing.v1 import AppTest

    from tracker.db.engine import get_engine
    from tracker.reports.facade import reader_subject
    from tracker.web import state

    def page(tab: str | None = None) -> AppTest:
        at = AppTest.from_file(str(PAGE), default_timeout=120)
        if tab is not None:
            at.session_state[TABS_KEY] = tab
        at.run()
        if at.exception:
            raise RuntimeError(f"the Dashboard failed: {[e.value for e in at.exception]}")
        return at

    def recorded(tab: str | None = None) -> tuple[Calls, AppTest]:
        """Run the page once (cold) and return the reader calls it made."""
        calls: Calls = {}
        original = state.read

        def recording(reader: Callable[..., Any], *args: Any) -> Any:
            calls.setdefault((f"{reader.__module__}.{reader.__qualname__}", args), reader)
            return original(reader, *args)

        state.read = recording  # type: ignore[assignment]
        try:
            st.cache_data.clear()
            at = page(tab)
        finally:
            state.read = original  # type: ignore[assignment]
        return calls, at

    calls, first = recorded()  # the first run imports what the page needs; not timed
    labels = [t.label for t in first.tabs]
    engine = get_engine(url)

    def readers(chosen: Calls) -> Callable[[], None]:
        def run() -> None:
            for (_name, args), reader in chosen.items():
                with Session(engine, expire_on_commit=False) as session:
                    reader(reader_subject(reader, session), *args)
        return run

    def cold(tab: str | None = None) -> Callable[[], None]:
        def run() -> None:
            st.cache_data.clear()
            page(tab)
        return run

    many = 3 * runs  # the figures whose ratios are targets: more runs, a steadier median
    session = page()  # one person's session: after a write the same page runs again in it

    def cold_again() -> None:
        st.cache_data.clear()
        session.run()
        if session.exception:
            raise RuntimeError(f"the Dashboard failed: {[e.value for e in session.exception]}")

    with tempfile.TemporaryDirectory(prefix="tracker-bench-page-") as folder:
        fresh_harness, harness_again = one_line_page(AppTest, Path(folder))
        figures: dict[str, Any] = in_turn(
            {"cold": cold(), "harness": fresh_harness, "readers": readers(calls)}, many)
        figures.update(in_turn({"cold_same_session": cold_again, "harness_same_session": harness_again,
                                "readers_same_session": readers(calls)}, many))
    if empty_url is not None:
        figures["alternating"] = alternating(cold(), url, empty_url, many)
    page()
    figures["warm"] = median_seconds(page, runs)
    figures["reader_calls"] = len(calls)
    figures["each_reader"] = each_reader(calls, engine, runs)
    figures["peak_rss_mb"] = peak_rss_mb()
    figures["tabs"], figures["tab_readers"] = {}, {}
    for label in labels[1:]:
        tab_calls, _at = recorded(label)
        figures["tabs"][label] = median_seconds(cold(label), runs)
        figures["tab_readers"][label] = median_seconds(readers(tab_calls), runs)
    figures["peak_rss_mb_with_tabs"] = peak_rss_mb()
    return figures


def alternating(action: Callable[[], Any], url: str, other_url: str, runs: int) -> dict[str, float]:
    """Return the median time of `action` on each database, run on one and then the other `runs` times."""
    def on(address: str) -> Callable[[], Any]:
        def run() -> Any:
            os.environ["TRACKER_DB_URL"] = address
            return action()
        return run

    try:
        on(other_url)()  # the other database's first run opens its engine: not timed
        return in_turn({"full": on(url), "empty": on(other_url)}, runs)
    finally:
        os.environ["TRACKER_DB_URL"] = url


def in_turn(actions: dict[str, Callable[[], Any]], runs: int) -> dict[str, float]:
    """Return each action's median time, the actions run one after the other `runs` times.

    The page, AppTest alone and the SQL floor are subtracted from each other: run in turn, they see
    the machine at the same moments (its speed changes from one minute to the next).
    """
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def one_line_page(app_test: Any, folder: Path) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """Return two runs of a one-line page: a new AppTest each time, and a rerun of one AppTest."""
    script = folder / "one_line.py"
    script.write_text("import streamlit as st\n\nst.write('One line.')\n")

    def fresh() -> Any:
        at = app_test.from_file(str(script), default_timeout=120)
        at.run()
        return at

    fresh()  # its first run compiles and imports: not timed
    return fresh, fresh().run


def peak_rss_mb() -> float:
    """Return the peak resident set of this process so far, in megabytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def each_reader(calls: Calls, engine: Any, runs: int) -> list[tuple[str, float]]:
    """Return every reader call the page made with its median seconds, slowest first."""
    from sqlmodel import Session

    from tracker.reports.facade import reader_subject

    timed = []
    for (name, args), reader in calls.items():
        def call(reader: Callable[..., Any] = reader, args: tuple[Any, ...] = args) -> None:
            with Session(engine, expire_on_commit=False) as session:
                reader(reader_subject(reader, session), *args)
        timed.append((f"{name.removeprefix('tracker.')}{args!r}", round(median_seconds(call, runs), 4)))
    return sorted(timed, key=lambda t: -t[1])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)))
