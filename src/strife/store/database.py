"""Opening a store: the database URL, the engine, and the schema brought up to date.

SQLite in a file is the default (one user, one laptop); PostgreSQL serves teams and scale. The
same code runs on both; what differs is how a writer takes its lock (SQLite: `BEGIN
IMMEDIATE`; PostgreSQL: an advisory lock per transaction), so that concurrent ingests never
interleave their merge decisions.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Any constant will do: every strife writer takes the same one.
PG_WRITE_LOCK = 0x5354524946  # "STRIF"


class StoreError(Exception):
    """The store cannot be opened or used as asked (a bad URL, no such store, a newer schema)."""


def data_dir() -> Path:
    """Where strife keeps its database by default: $STRIFE_DATA_DIR, or the platform's place
    for a user's application data."""
    if base := os.environ.get("STRIFE_DATA_DIR"):
        return Path(base)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "strife"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "strife"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "strife"


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'strife.db'}"


def normalise_url(value: str | None) -> URL:
    """A SQLAlchemy URL from what the user gave: a URL, a bare file path (SQLite), or nothing
    (the default store). `postgresql://` means psycopg 3, the driver strife installs."""
    value = value or default_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser()}"
    try:
        url = make_url(value)
    except ArgumentError:
        raise StoreError(f"not a database URL: {value!r}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {url.get_backend_name()!r}: use sqlite:/// or postgresql://")
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for in-memory databases and other backends."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite begins transactions lazily and never for DDL; SQLAlchemy emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers (export) go on while an ingest writes; a killed writer's transaction is
        # rolled back on the next open. NORMAL is safe against a killed process.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A writer takes the write lock up front: a read lock upgraded later can deadlock.
        immediate = connection.get_execution_options().get("strife_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Store:
    """An open store: the engine and sessions for reading and for writing."""

    url: URL
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises.
        Writers are serialised, so the merge step always sees every earlier commit."""
        with self._write() as session, session.begin():
            if self.backend == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield session

    def close(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection | None = None):  # -> alembic.config.Config
    """Alembic's configuration without an ini file: the migrations shipped in the package.
    For a developer writing a new migration:

        from alembic import command
        from strife.store.database import alembic_config, open_store
        store = open_store("sqlite:///dev.db")
        with store.engine.begin() as conn:
            command.revision(alembic_config(conn), message="...", autogenerate=True)
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(store: Store) -> None:
    """Bring the schema to the newest migration this strife knows (nothing when it is there)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with store.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    # In one write transaction, locked like any writer: two processes opening a new store at
    # once migrate it once, and a failed migration leaves the schema as it was.
    with store.engine.execution_options(strife_write=True).begin() as connection:
        if store.backend == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
            raise StoreError(
                f"the store at {store.display_url} has schema revision {current}, which this strife "
                "does not know: it was written by a newer strife"
            )
        try:
            command.upgrade(alembic_config(connection), "head")
        except CommandError as err:
            raise StoreError(f"cannot migrate the store at {store.display_url}: {err}") from None


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and, with `create`, make) the store at `url`, its schema migrated to the newest.

    Without `create`, a SQLite file that does not exist is an error rather than a new, empty
    store: exporting from a mistyped path should say so.
    """
    parsed = normalise_url(url)
    path = sqlite_path(parsed)
    if path is not None and not path.exists():
        if not create:
            raise StoreError(f"no store at {path} (strife ingest makes one)")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, json_serializer=_json_dumps, json_deserializer=orjson.loads)
    except NoSuchModuleError as err:
        raise StoreError(f"no driver for {parsed.drivername}: {err}") from None
    except ImportError as err:
        hint = " (pip install 'strife[postgres]')" if parsed.get_backend_name() == "postgresql" else ""
        raise StoreError(f"cannot load the database driver: {err}{hint}") from None
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    store = Store(
        url=parsed,
        engine=engine,
        _read=sessionmaker(engine, expire_on_commit=False),
        _write=sessionmaker(engine.execution_options(strife_write=True), expire_on_commit=False),
    )
    try:
        upgrade(store)
    except OperationalError as err:
        engine.dispose()
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise StoreError(f"cannot open the store at {store.display_url}: {reason}") from None
    except BaseException:
        engine.dispose()
        raise
    return store


__all__ = ["Store", "StoreError", "data_dir", "default_url", "normalise_url", "open_store"]
