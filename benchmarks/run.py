"""Scale benchmarks (issue 8): `make bench`, or `python benchmarks/run.py [--quick] [--payments N ...]`.

Builds (or reuses, from benchmarks/.cache/) ten busy years of data through the project's own bulk
path, then measures, each the median of several runs:
1. the Dashboard page (AppTest, in a process of its own) on that database and on an empty one:
   right after the caches are cleared (as after any write: the figure the targets are about), and
   warm; 2. the readers the page calls, without Streamlit (the page's SQL floor), and AppTest's own
   time on a one-line page (the page's own Python work is the rest); 3. `python -m
   tracker report --json` against `python -c "import tracker"`, each a fresh process; 4. importing
   an Upwork statement; 5. exporting every table; 6. the Dashboard process's peak memory.
Prints one JSON object (figures, targets met, the machine's cores and load) and a readable table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from dashboard import median_seconds  # noqa: E402  (benchmarks/dashboard.py)

import data  # noqa: E402  (benchmarks/data.py, found through the path above)

RATES = (("USD", "121.50"),)
SECTIONS = ("dashboard", "report", "import", "export")


def arguments(argv: list[str] | None) -> argparse.Namespace:
    """Return the command line: sizes (each adjustable), --quick, runs, where to cache and write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer runs: a fast check")
    for field in fields(data.Sizes):
        parser.add_argument(f"--{field.name.replace('_', '-')}", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5; quick 2)")
    parser.add_argument("--cache", type=Path, default=data.CACHE, help="folder of the generated data")
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON object to this file")
    parser.add_argument("--only", action="append", choices=SECTIONS, default=None,
                        help="measure only this part (repeatable); the targets table needs all of them")
    return parser.parse_args(argv)


def sizes_of(args: argparse.Namespace) -> data.Sizes:
    """Return the sizes asked for: the full (or quick) ones, with any given size changed."""
    base = data.QUICK if args.quick else data.Sizes()
    given = {f.name: getattr(args, f.name) for f in fields(data.Sizes) if getattr(args, f.name) is not None}
    return replace(base, **given)


def python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run this Python with arguments in the project folder; fail loudly if it fails."""
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done


def dashboard(url: str, runs: int, env: dict[str, str], empty_url: str | None = None) -> dict[str, Any]:
    """Return the Dashboard's figures on one database, measured in a process of its own (and, with
    empty_url, the first view on it and on the empty database alternately: `alternating`)."""
    extra = () if empty_url is None else (empty_url,)
    result = python(str(HERE / "dashboard.py"), url, str(runs), *extra, env=env)
    return json.loads(result.stdout.splitlines()[-1])


def report(url: str, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Return `report --json` and `import tracker` wall times, each a fresh process (after a first run)."""
    command = ("-m", "tracker", "--db", url, "report", "--json")
    python(*command, env=env)  # the first start of the day may back the database up; not timed
    figures = {"report_json": median_seconds(lambda: python(*command, env=env), runs),
               "import_tracker": median_seconds(lambda: python("-c", "import tracker", env=env), runs)}
    figures["over_floor"] = figures["report_json"] - figures["import_tracker"]
    return figures


def import_statement(path: Path, sizes: data.Sizes, end: str, runs: int, work: Path) -> dict[str, Any]:
    """Return the time to read and import an Upwork statement into a copy of the database."""
    from sqlmodel import Session, select

    from tracker.db.engine import get_engine
    from tracker.io.importer import import_rows
    from tracker.io.plan import ImportOptions, plan_import
    from tracker.ledger.models import Client

    statement = sizes.cache_statement(path.parent, end)
    if not statement.exists():
        with Session(get_engine(f"sqlite:///{path}")) as session:
            names = list(session.exec(select(Client.name)).all())
        statement.write_bytes(data.upwork_statement(sizes.import_rows, end, sizes.seed,
                                                    data.statement_teams(sizes, names)))
    content, times, result = statement.read_bytes(), [], None
    for run in range(runs):
        copy = work / f"import-{run}.db"
        shutil.copyfile(path, copy)
        with Session(get_engine(f"sqlite:///{copy}"), expire_on_commit=False) as session:
            start = time.perf_counter()
            plan = plan_import(session, content, ImportOptions(rates=RATES))
            result = import_rows(session=session, plan=plan)
            times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    return {"rows": sizes.import_rows, "seconds": seconds, "rows_per_second": sizes.import_rows / seconds,
            "imported": result.imported if result else 0, "refused": result.refused if result else 0}


def export_all(path: Path, runs: int) -> dict[str, Any]:
    """Return the time to export every table (one CSV each, payments_detailed, monthly summary).

    `cpu_seconds` is the median processor time of the same runs: on a busy machine, the wall time
    is the larger, by the time other processes had the cores.
    """
    from sqlmodel import Session

    from tracker.db.engine import get_engine
    from tracker.io.tables_csv import export_files

    cpu: list[float] = []

    def export() -> None:
        start = time.process_time()
        export_files(session)
        cpu.append(time.process_time() - start)

    with Session(get_engine(f"sqlite:///{path}")) as session:
        files = export_files(session)
        seconds = median_seconds(export, runs)
    return {"seconds": seconds, "cpu_seconds": statistics.median(cpu), "files": len(files),
            "megabytes": sum(map(len, files.values())) / 1e6}


def own_python(page: dict[str, Any]) -> tuple[float, float]:
    """Return the Dashboard's own Python time, fresh page and rerun: page − SQL floor − AppTest's own time.

    AppTest's own time is the same measure taken on a one-line page (`harness` in dashboard.py).
    """
    return (page["cold"] - page["readers"] - page["harness"],
            page["cold_same_session"] - page["readers_same_session"] - page["harness_same_session"])


def versus_empty(full: dict[str, Any]) -> float:
    """Return the first view at full size ÷ on the empty database, both measured in turn in one process."""
    return full["alternating"]["full"] / full["alternating"]["empty"]


def targets(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return each target of issue 8 with the measured value and whether it is met."""
    full = figures["dashboard"]["full"]
    own, own_rerun = own_python(full)
    rows = {
        "dashboard_vs_empty": (versus_empty(full), "<=", 1.5),
        "dashboard_seconds": (full["cold"], "<", 0.5),
        "dashboard_python_vs_sql": (own / full["readers"], "<=", 3.0),
        "dashboard_python_vs_sql_rerun": (own_rerun / full["readers_same_session"], "<=", 3.0),
        "dashboard_slowest_tab_seconds": (max(full["tabs"].values()), "<", 0.5),
        "report_over_startup_seconds": (figures["report"]["over_floor"], "<=", 0.5),
        "import_rows_per_second": (figures["import"]["rows_per_second"], ">=", 25_000),
        "export_seconds": (figures["export"]["seconds"], "<", 6.0),
        "dashboard_peak_rss_mb": (full["peak_rss_mb"], "<", 400),
    }
    met = {"<=": lambda v, t: v <= t, "<": lambda v, t: v < t, ">=": lambda v, t: v >= t}
    return {name: {"value": round(value, 3), "target": f"{sign} {limit}", "met": met[sign](value, limit)}
            for name, (value, sign, limit) in rows.items()}


def table(figures: dict[str, Any]) -> str:
    """Return the figures as a readable (Markdown) table."""
    full, empty = figures["dashboard"]["full"], figures["dashboard"]["empty"]
    rep, imp, exp = figures["report"], figures["import"], figures["export"]
    goal = {name: ("met" if t["met"] else "MISSED") + f" ({t['target']})"
            for name, t in figures["targets"].items()}
    own, own_rerun = own_python(full)
    lines = [
        ("Dashboard after a write (caches cleared)", f"{full['cold']:.3f} s",
         f"empty database {empty['cold']:.3f} s: {full['cold'] / empty['cold']:.2f}x",
         goal["dashboard_seconds"]),
        ("  the same, both databases in turn in one process", f"{full['alternating']['full']:.3f} s",
         f"empty database {full['alternating']['empty']:.3f} s: {versus_empty(full):.2f}x",
         goal["dashboard_vs_empty"]),
        ("Dashboard rerun after a write, same session", f"{full['cold_same_session']:.3f} s",
         f"empty database {empty['cold_same_session']:.3f} s: "
         f"{full['cold_same_session'] / empty['cold_same_session']:.2f}x", ""),
        ("Dashboard warm (readers cached)", f"{full['warm']:.3f} s",
         f"empty database {empty['warm']:.3f} s", ""),
        *[(f"Dashboard tab '{tab}' opened (cold)", f"{seconds:.3f} s",
           f"empty database {empty['tabs'][tab]:.3f} s", "") for tab, seconds in full["tabs"].items()],
        ("AppTest alone, on a one-line page", f"{full['harness']:.3f} s",
         f"rerun in one session {full['harness_same_session']:.3f} s", ""),
        ("Dashboard SQL floor (its readers alone)", f"{full['readers']:.3f} s",
         f"page's own Python {own:.3f} s: {own / full['readers']:.1f}x the floor",
         goal["dashboard_python_vs_sql"]),
        ("  the same, on a rerun in one session", f"{full['readers_same_session']:.3f} s",
         f"page's own Python {own_rerun:.3f} s: {own_rerun / full['readers_same_session']:.1f}x the floor",
         goal["dashboard_python_vs_sql_rerun"]),
        ("Dashboard's slowest tab (cold)", f"{max(full['tabs'].values()):.3f} s", "",
         goal["dashboard_slowest_tab_seconds"]),
        ("report --json (fresh process)", f"{rep['report_json']:.3f} s",
         f"import tracker {rep['import_tracker']:.3f} s: {rep['over_floor']:.3f} s more",
         goal["report_over_startup_seconds"]),
        (f"Import of {imp['rows']:,} Upwork rows", f"{imp['seconds']:.2f} s",
         f"{imp['rows_per_second']:,.0f} rows/s", goal["import_rows_per_second"]),
        ("Export of every table", f"{exp['seconds']:.2f} s",
         f"{exp['files']} files, {exp['megabytes']:.0f} MB, {exp['cpu_seconds']:.2f} s CPU",
         goal["export_seconds"]),
        ("Dashboard process, peak memory", f"{full['peak_rss_mb']:.0f} MB", "",
         goal["dashboard_peak_rss_mb"]),
    ]
    machine, sizes = figures["machine"], figures["sizes"]
    head = (f"{sizes['payments']:,} payments, {sizes['gigs']:,} gigs, {sizes['clients']:,} clients; "
            f"{machine['cores']} cores, load average {machine['load_before'][0]:.2f} before and "
            f"{machine['load_after'][0]:.2f} after; median of {figures['runs']} runs")
    rows = [("what", "time", "compared with", "target"), *lines]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    out = [head, ""]
    for number, row in enumerate(rows):
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.append("| " + " | ".join(cells) + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Build or reuse the data, measure everything, print the JSON object and the table; return it."""
    args = arguments(argv)
    sizes, end = sizes_of(args), data.today_month()
    runs = args.runs or (2 if args.quick else 5)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        work = Path(folder)
        os.environ["TRACKER_DATA_DIR"] = str(work / "data")  # automatic backups go here, not into data/
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.perf_counter()
        path, built = data.cached_database(sizes, end, args.cache)
        empty = data.empty_database(work / "empty.db")
        full_url, empty_url = f"sqlite:///{path}", f"sqlite:///{empty}"
        for url in (full_url, empty_url):  # migrate, and the day's first backup, before any timing
            python("-m", "tracker", "--db", url, "migrate", env=env)
        figures: dict[str, Any] = {
            "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                        "load_before": load_before},
            "sizes": asdict(sizes), "runs": runs, "history_ends": end,
            "data": {"database": str(path), "megabytes": path.stat().st_size / 1e6,
                     "built_seconds": built, "cached": built is None},
        }
        few = max(1, min(runs, 3))  # import and export take seconds each: fewer runs
        sections: list[tuple[str, Callable[[], Any]]] = [
            ("dashboard", lambda: {"full": dashboard(full_url, runs, env, empty_url),
                                   "empty": dashboard(empty_url, runs, env)}),
            ("report", lambda: report(full_url, runs, env)),
            ("import", lambda: import_statement(path, sizes, end, few, work)),
            ("export", lambda: export_all(path, few)),
        ]
        for name, measure in sections:
            if args.only and name not in args.only:
                continue
            load = os.getloadavg()[0]
            figures[name] = measure()
            figures[name]["load_average"] = [round(load, 2), round(os.getloadavg()[0], 2)]
        figures["machine"]["load_after"] = os.getloadavg()
        figures["seconds_in_all"] = time.perf_counter() - started
        if not args.only:
            figures["targets"] = targets(figures)
    print(json.dumps(figures, default=str))
    if not args.only:
        print()
        print(table(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    return figures


if __name__ == "__main__":
    main()
