"""The scale benchmark runs and reports every figure (a --quick run; nothing here is about time)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tracker.db.config import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))

import data  # noqa: E402  (benchmarks/data.py)

TINY = data.Sizes(clients=6, gigs=30, payments=80, expenses=10, skills=3, learning=10, import_rows=40)
TARGETS = {"dashboard_vs_empty", "dashboard_seconds", "dashboard_python_vs_sql",
           "dashboard_python_vs_sql_rerun",
           "dashboard_slowest_tab_seconds", "report_over_startup_seconds", "import_rows_per_second",
           "export_seconds", "dashboard_peak_rss_mb"}


def contents(path: Path) -> dict[str, list[tuple]]:
    """Return every table's rows without their creation times (those say when the file was built)."""
    with sqlite3.connect(path) as connection:
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for name in names:
            info = connection.execute(f'PRAGMA table_info("{name}")')
            columns = [c[1] for c in info if c[1] != "created_at"]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[name] = connection.execute(f'SELECT {listed} FROM "{name}" ORDER BY 1').fetchall()
    return found


def test_the_generated_history_is_the_same_every_time(tmp_path: Path) -> None:
    data.build_database(tmp_path / "one.db", TINY, "2026-11")
    data.build_database(tmp_path / "two.db", TINY, "2026-11")
    first = contents(tmp_path / "one.db")
    assert first == contents(tmp_path / "two.db")
    assert (len(first["payment"]), len(first["gig"]), len(first["client"])) == (80, 30, 6)
    with sqlite3.connect(tmp_path / "one.db") as connection:
        assert len(connection.execute("SELECT DISTINCT currency FROM payment").fetchall()) > 1
    teams = data.statement_teams(TINY, ["Acme"])
    assert data.upwork_statement(40, "2026-11", 8, teams) == data.upwork_statement(40, "2026-11", 8, teams)


def test_a_quick_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, str(PROJECT_ROOT / "benchmarks" / "run.py"), "--quick", "--runs", "1",
               "--payments", "600", "--gigs", "150", "--import-rows", "300",
               "--cache", str(tmp_path / "cache"), "--json", str(out)]
    done = subprocess.run(command,
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(out.read_text())
    for where in ("full", "empty"):
        page = figures["dashboard"][where]
        assert {"cold", "warm", "readers", "peak_rss_mb", "harness", "harness_same_session",
                "readers_same_session"} <= set(page)
        assert page["harness"] > 0 and page["harness_same_session"] > 0
    alternating = figures["dashboard"]["full"]["alternating"]  # both databases in turn, one process
    assert set(alternating) == {"full", "empty"} and min(alternating.values()) > 0
    ratio = figures["targets"]["dashboard_vs_empty"]["value"]
    assert ratio == round(alternating["full"] / alternating["empty"], 3)
    assert {"report_json", "import_tracker", "over_floor"} <= set(figures["report"])
    assert figures["import"]["rows"] == 300 and figures["import"]["imported"] > 0
    assert figures["import"]["refused"] == 0 and figures["import"]["rows_per_second"] > 0
    assert figures["export"]["files"] == 12
    assert set(figures["targets"]) == TARGETS
    assert all(isinstance(t["met"], bool) for t in figures["targets"].values())
    assert figures["machine"]["cores"] >= 1 and len(figures["machine"]["load_before"]) == 3
    assert "| what" in done.stdout  # the readable table follows the JSON object
