"""Real Redis and PostgreSQL servers for tests and benchmarks: each started on a free port on
127.0.0.1 in its own temporary directory, and stopped (and deleted) after.

Debian's `redis-server` and `postgresql` packages provide them (`.ci/run` installs both). Without
them, tests that need a server skip with one line saying how to install them; with `CI=true` a
missing server fails the run instead, so CI cannot pass by skipping.

PostgreSQL refuses to run as root: as root, its directory is handed to the `postgres` user (made
by Debian's package) and the server runs as that user.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

INSTALL_HINT = (
    "needs redis-server and PostgreSQL: apt-get install redis-server postgresql "
    "(CI installs them; with CI=true a missing server fails the run)"
)
START_TIMEOUT_S = 30.0
PG_USER = "skim"
PG_SUPERUSER_OS = "postgres"  # the account Debian's package creates


class ServerMissing(RuntimeError):
    """The server's binaries are not installed here."""


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], what: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited at start: {log.read_text(errors='replace')[-800:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {START_TIMEOUT_S:.0f} s")


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def redis_binary() -> str:
    """The redis-server program, or ServerMissing."""
    found = shutil.which("redis-server")
    if found is None:
        raise ServerMissing(f"redis-server not found: {INSTALL_HINT}")
    return found


def postgres_bindir() -> Path:
    """Where initdb and postgres are (SKIM_PG_BINDIR, PATH, or Debian's newest version)."""
    configured = os.environ.get("SKIM_PG_BINDIR")
    candidates = [Path(configured)] if configured else []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += debian
    for bindir in candidates:
        if all((bindir / program).exists() for program in ("initdb", "postgres", "psql")):
            return bindir
    raise ServerMissing(f"PostgreSQL (initdb) not found: {INSTALL_HINT}")


@dataclass
class RedisServer:
    """A redis-server on 127.0.0.1:port, keeping nothing on disk."""

    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    directory: Path | None = None

    @property
    def url(self) -> str:
        """What SKIM_REDIS_URL is set to."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        """Start it and wait until it listens."""
        binary = redis_binary()
        self.directory = Path(tempfile.mkdtemp(prefix="skim-redis-"))
        self.port = self.port or free_port()
        log = self.directory / "redis.log"
        options = {
            "port": str(self.port),
            "bind": "127.0.0.1",
            "save": "",
            "appendonly": "no",
            "dir": str(self.directory),
            "logfile": str(log),
        }
        self.process = subprocess.Popen(
            [binary, *(part for name, value in options.items() for part in (f"--{name}", value))],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        _wait_for_port(self.port, self.process, "redis-server", log)
        return self

    def kill(self) -> None:
        """SIGKILL it (to test the bot with Redis gone); `start()` again brings it back."""
        if self.process is not None:
            _stop(self.process, signal.SIGKILL)
            self.process = None

    def stop(self) -> None:
        """Stop it and delete its directory."""
        if self.process is not None:
            _stop(self.process)
            self.process = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


@dataclass
class PostgresServer:
    """A PostgreSQL cluster of its own on 127.0.0.1:port, with a password-protected user."""

    port: int = 0
    password: str = field(default_factory=lambda: secrets.token_hex(12))
    process: subprocess.Popen[bytes] | None = None
    directory: Path | None = None
    _databases: int = 0

    def url(self, database: str = PG_USER, *, password: str | None = None) -> str:
        """What SKIM_DATABASE_URL is set to, for `database`."""
        secret = self.password if password is None else password
        return f"postgresql://{PG_USER}:{secret}@127.0.0.1:{self.port}/{database}"

    def _as_server_user(self) -> dict[str, object]:
        """Popen arguments that run a program as the postgres account when we are root."""
        if os.geteuid() != 0:
            return {}
        account = pwd.getpwnam(PG_SUPERUSER_OS)
        return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}

    def start(self) -> PostgresServer:
        """initdb (first time), then start the server and wait until it takes connections."""
        bindir = postgres_bindir()
        first = self.directory is None
        if self.directory is None:
            self.directory = Path(tempfile.mkdtemp(prefix="skim-pg-"))
            self.port = self.port or free_port()
        data, sockets, log = self.directory / "data", self.directory / "run", self.directory / "log"
        as_server = self._as_server_user()
        if first:
            sockets.mkdir()
            (self.directory / "pw").write_text(self.password + "\n")
            if as_server:
                account = pwd.getpwnam(PG_SUPERUSER_OS)
                for path in (self.directory, sockets, self.directory / "pw"):
                    os.chown(path, account.pw_uid, account.pw_gid)
            initdb = [str(bindir / "initdb"), "-D", str(data), "-U", PG_USER]
            initdb += ["--pwfile", str(self.directory / "pw"), "--auth", "scram-sha-256"]
            initdb += ["--encoding", "UTF8", "--locale", "C", "--no-sync"]
            subprocess.run(
                initdb,
                check=True,
                capture_output=True,
                **as_server,  # type: ignore[call-overload]
            )
        with log.open("ab") as log_file:
            if as_server:
                os.chown(log, pwd.getpwnam(PG_SUPERUSER_OS).pw_uid, -1)
            server = [str(bindir / "postgres"), "-D", str(data), "-p", str(self.port)]
            server += ["-k", str(sockets), "-c", "listen_addresses=127.0.0.1"]
            server += ["-c", "max_connections=200", "-c", "shared_buffers=32MB"]
            # Tests kill processes, not the machine: a commit must reach the server (it does,
            # synchronous_commit is on), not the platter, so fsync is skipped for speed.
            server += ["-c", "fsync=off", "-c", "full_page_writes=off"]
            self.process = subprocess.Popen(
                server,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                **as_server,  # type: ignore[call-overload]
            )
        _wait_for_port(self.port, self.process, "postgres", log)
        self._wait_ready()
        if first:
            self.create_database(PG_USER)
        return self

    def _wait_ready(self) -> None:
        """The port opens before the server takes logins: wait until one works."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                self._psql("postgres", "SELECT 1")
                return
            except subprocess.CalledProcessError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _psql(self, database: str, sql: str) -> str:
        bindir = postgres_bindir()
        done = subprocess.run(
            [str(bindir / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
            env={
                **os.environ,
                "PGHOST": "127.0.0.1",
                "PGPORT": str(self.port),
                "PGUSER": PG_USER,
                "PGPASSWORD": self.password,
                "PGDATABASE": database,
            },
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        self._psql("postgres", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def new_database(self) -> str:
        """A fresh database no other test uses; returns its URL."""
        self._databases += 1
        return self.create_database(f"test{self._databases}")

    def kill(self) -> None:
        """SIGKILL the postmaster (a crash); `start()` again recovers the same cluster."""
        if self.process is not None:
            _stop(self.process, signal.SIGKILL)
            self.process = None
            # Its backends notice the postmaster is gone and exit; wait so the port is free.
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop it (fast shutdown) and delete its directory."""
        if self.process is not None:
            _stop(self.process, signal.SIGINT)
            self.process = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def missing_server(problem: ServerMissing) -> None:
    """Skip the test (fail it under CI=true) because a server is not installed."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(str(problem), pytrace=False)
    pytest.skip(str(problem))


@contextlib.contextmanager
def running_redis() -> Iterator[RedisServer]:
    """A Redis server for the block."""
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the block."""
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


SERVER_FIXTURES = ("redis_server", "postgres_server")


def servers_missing() -> ServerMissing | None:
    """Why the servers cannot be started here (None when both are installed)."""
    try:
        redis_binary()
        postgres_bindir()
    except ServerMissing as problem:
        return problem
    return None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "servers: needs redis-server and PostgreSQL (testkit/servers.py)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the servers (and not under CI=true), leave out every test that needs them and
    say so in one line at the end; under CI=true they run, and fail."""
    problem = servers_missing()
    if problem is None or os.environ.get("CI", "").lower() == "true":
        return
    needing = [
        item
        for item in items
        if item.get_closest_marker("servers") is not None
        or any(name in getattr(item, "fixturenames", ()) for name in SERVER_FIXTURES)
    ]
    if needing:
        config.hook.pytest_deselected(items=needing)
        items[:] = [item for item in items if item not in set(needing)]
        config.stash[_LEFT_OUT] = (len(needing), str(problem))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    left_out = terminalreporter.config.stash.get(_LEFT_OUT, None)
    if left_out is not None:
        count, problem = left_out
        terminalreporter.write_line(f"{count} tests not run: {problem}")


_LEFT_OUT = pytest.StashKey[tuple[int, str]]()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One Redis for the test session (tests use their own key prefixes or flush it)."""
    try:
        redis_binary()
    except ServerMissing as problem:
        missing_server(problem)
    with running_redis() as server:
        yield server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One PostgreSQL for the test session; `new_database()` gives each test its own."""
    try:
        postgres_bindir()
    except ServerMissing as problem:
        missing_server(problem)
    with running_postgres() as server:
        yield server
