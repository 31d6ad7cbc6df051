"""A throw-away PostgreSQL cluster for the site tests and benchmarks: initdb in a temporary
folder, listening on a unix socket in that folder only (no TCP port, nothing to collide with).

PostgreSQL refuses to run as root: when the tests run as root (CI does), the cluster belongs to
the ``postgres`` system user (Debian's package creates it) and every server command runs through
``runuser``. Local connections of the ``postgres`` superuser are trusted; every other role
authenticates with a password (scram-sha-256), so the station's keyring path is exercised for
real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

__all__ = ["PgCluster", "find_bindir", "unavailable_reason"]

_CANDIDATES = ("17", "16", "15", "14")


def find_bindir() -> Path | None:
    """Where initdb and postgres are (``$STATION_PG_BINDIR``, Debian's folders, or PATH)."""
    initdb = "initdb.exe" if os.name == "nt" else "initdb"
    given = os.environ.get("STATION_PG_BINDIR")
    if given:
        return Path(given) if (Path(given) / initdb).exists() else None
    # Debian's folders hold Linux programs; under wine a Windows Python sees them (as Z:\usr)
    # but cannot run them.
    for version in _CANDIDATES if os.name != "nt" else ():
        folder = Path("/usr/lib/postgresql") / version / "bin"
        if (folder / "initdb").exists() and (folder / "postgres").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _root() -> bool:
    return getattr(os, "geteuid", lambda: -1)() == 0  # no geteuid on Windows: never root


def _postgres_user() -> tuple[int, int]:
    import pwd  # POSIX only; imported here so the test modules also load on Windows

    entry = pwd.getpwnam("postgres")
    return entry.pw_uid, entry.pw_gid


def unavailable_reason() -> str | None:
    """Why no throw-away cluster can run here, or None when one can."""
    if find_bindir() is None and os.name == "nt":
        return (
            "PostgreSQL server binaries for Windows (initdb.exe) not on PATH or STATION_PG_BINDIR"
        )
    if find_bindir() is None:
        return "PostgreSQL server binaries not found (apt-get install postgresql; see .ci/postgres)"
    if _root():
        try:
            _postgres_user()
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
    return None


@dataclass
class PgCluster:
    """``start()``, ``create_role()``/``url()``, ``stop()``/``restart()``, ``destroy()``."""

    bindir: Path = field(default_factory=lambda: find_bindir() or Path("/nonexistent"))
    root: Path | None = None
    _user: str | None = None

    @property
    def datadir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.root is not None
        return self.root / "run"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self._user is not None:
            command = ["runuser", "-u", self._user, "--", *command]
        return subprocess.run(
            command, check=check, capture_output=True, text=True, timeout=120, cwd="/"
        )

    def init(self) -> PgCluster:
        self.root = Path(tempfile.mkdtemp(prefix="station-pg-"))
        if _root():
            self._user = "postgres"
            os.chown(self.root, *_postgres_user())
        self.root.chmod(0o755)
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.datadir),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C",
        )
        self._run("mkdir", "-p", str(self.socket_dir))
        (self.datadir / "pg_hba.conf").write_text(
            "local all postgres trust\nlocal all all scram-sha-256\n", encoding="utf-8"
        )
        with (self.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\nlisten_addresses = ''\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                "fsync = off\nfull_page_writes = off\nmax_connections = 200\n"
                "shared_buffers = 32MB\npassword_encryption = scram-sha-256\n"
            )
        return self

    def start(self) -> PgCluster:
        if self.root is None:
            self.init()
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-w",
            "-t",
            "60",
            "-l",
            str(self.root / "server.log"),
            "start",
        )  # type: ignore[operator]
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-w",
            "-m",
            mode,
            "stop",
            check=False,
        )

    def restart(self) -> None:
        self.stop()
        self.start()

    def running(self) -> bool:
        result = self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "status", check=False
        )
        return result.returncode == 0

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = self._run(
            str(self.bindir.parent / "bin" / "psql") if (self.bindir / "psql").exists() else "psql",
            "-h",
            str(self.socket_dir),
            "-U",
            "postgres",
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-At",
            "-c",
            sql,
        )
        return result.stdout

    def create_database(self, name: str, owner: str, password: str) -> None:
        """A role (with a password) owning a new database, as the README's site set-up does."""
        self.psql(f"CREATE ROLE {owner} LOGIN PASSWORD '{password}'")
        self.psql(f"CREATE DATABASE {name} OWNER {owner}")

    def url(self, database: str, user: str) -> str:
        """A ``journal_url`` for this cluster: no password in it (that is in the keyring)."""
        return f"postgresql://{user}@/{database}?host={quote(str(self.socket_dir), safe='')}"

    def destroy(self) -> None:
        if self.root is None:
            return
        if self.running():
            self.stop("immediate")
        deadline = time.monotonic() + 10
        while self.running() and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
