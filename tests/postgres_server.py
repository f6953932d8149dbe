"""A throw-away PostgreSQL server for the tests (`make test-pg`), from Debian's packages.

`initdb` makes a cluster in a temporary folder; `pg_ctl` starts it listening only on a Unix socket in
that folder (no TCP port, nothing reachable from outside), tuned for tests (no fsync). PostgreSQL
refuses to run as root, so under root the server runs as the `postgres` user that Debian's package
creates. `stop()` shuts it down and removes the folder.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

USER = "tracker"


def binaries() -> Path | None:
    """Return the folder holding initdb and pg_ctl (newest Debian PostgreSQL), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


class PostgresServer:
    """One PostgreSQL cluster in a temporary folder, reachable through its Unix socket."""

    def __init__(self) -> None:
        """Prepare (not start) a server: the folder, and who runs it."""
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (Debian's package).")
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
        self.data = self.folder / "data"
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        """Run a PostgreSQL program (as the postgres user under root); raise with its output if it fails."""
        done = subprocess.run([*self.run_as, *command], capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")

    def start(self) -> PostgresServer:
        """Create the cluster and start the server; return self."""
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-k {self.folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        """Return the SQLAlchemy URL of a database on this server (psycopg 3, through the socket)."""
        return f"postgresql+psycopg://{USER}@/{database}?host={self.folder}"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
