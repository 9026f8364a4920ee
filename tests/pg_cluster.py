"""A throwaway PostgreSQL cluster for the tests that need a real server.

The tests start their own cluster (initdb + pg_ctl on a free local port, a socket in its own folder)
so that nothing depends on a server configured by hand. PostgreSQL refuses to run as root: as root the
cluster belongs to the `postgres` account that Debian's package creates, and its commands run through
`runuser`. Without PostgreSQL the tests skip with the reason; under EGOV_REQUIRE_TOOLS=1 (CI) they fail.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def pg_bin() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running server; `url(db)` names a database on it, `create(db)`/`drop(db)` make and remove one."""

    user = "egov"

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="egov-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=120, check=True)

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self.resume()

    def resume(self) -> None:
        """Start the server (again, after `halt`) on its port."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=60"
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def halt(self) -> None:
        """The server goes down at once, as in a power cut (its data kept: `resume` starts it again)."""
        subprocess.run([*self._as, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)

    def stop(self) -> None:
        self.halt()
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@127.0.0.1:{self.port}/{db}"

    def sql(self, statement: str, db: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            conn.execute(statement)

    def create(self, db: str) -> str:
        self.sql(f'CREATE DATABASE "{db}"')
        return self.url(db)

    def drop(self, db: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
