"""Opening a store: the database URL, the engine, and the schema brought up to date.

SQLite in a file is the default (one user, one laptop); PostgreSQL serves teams and scale. The
same code runs on both; what differs is how a writer takes its lock (SQLite: `BEGIN
IMMEDIATE`; PostgreSQL: an advisory lock per transaction), so that concurrent ingests never
interleave their merge decisions.
"""

from __future__ import annotations

import contextlib
import math
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
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Any constant will do: every strife writer takes the same one.
PG_WRITE_LOCK = 0x5354524946  # "STRIF"

# The largest integer the store's INTEGER columns hold on every backend: PostgreSQL's are 32-bit
# (SQLite's 64). A value past it is refused up front, so that both answer the same.
MAX_INTEGER = 2**31 - 1
MIN_INTEGER = -(2**31)


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
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
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


def in_memory(url: URL) -> bool:
    """Whether the URL is an in-memory SQLite database (`sqlite://`, `sqlite:///:memory:`):
    one that is empty when opened and gone when the process that opened it ends."""
    return url.get_backend_name() == "sqlite" and sqlite_path(url) is None


def printable(text: str) -> str:
    """`text` with what cannot be encoded as UTF-8 (a lone surrogate) written as an escape, for
    a message that quotes it."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def unstorable(value: Any, name: str = "value") -> str | None:
    """Why a JSON value (a request body, an edit) cannot be stored alike in SQLite and
    PostgreSQL, naming where in it the problem is (`name.key[2]`); None when it can be.

    Refused: text with a NUL character (PostgreSQL cannot hold one) or with a lone surrogate
    (no UTF-8 for it: half of a UTF-16 pair, cut apart), NaN and infinities (no JSON for them),
    and integers past the store's integer columns.
    """
    # Iterative: a deeply nested value must not exhaust the stack.
    pending: list[tuple[str, Any]] = [(name, value)]
    while pending:
        where, item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return f"{where}: text with a NUL character (\\x00), which the store cannot hold"
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as err:
                return (
                    f"{where}: a lone surrogate ({printable(item[err.start])}) at character {err.start}, which "
                    "is not Unicode text (half of a UTF-16 pair: was the text cut in two?)"
                )
        elif isinstance(item, bool):
            continue
        elif isinstance(item, int):
            if not MIN_INTEGER <= item <= MAX_INTEGER:
                return f"{where}: an integer out of range (the store holds {MIN_INTEGER} to {MAX_INTEGER})"
        elif isinstance(item, float):
            if not math.isfinite(item):
                return f"{where}: {item} is not a number JSON can hold (no NaN or infinity)"
        elif isinstance(item, dict):
            for key, member in reversed(item.items()):
                label = f"{where}.{printable(str(key))}"
                pending.append((label, member))
                pending.append((f"{label} (the key)", key))
        elif isinstance(item, list | tuple):
            pending.extend((f"{where}[{index}]", member) for index, member in reversed(list(enumerate(item))))
    return None


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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # a file on the way
            blocker = next((parent for parent in path.parents if parent.exists()), path.parent)
            raise StoreError(f"cannot make the store {path}: {blocker} is not a folder") from None
        except OSError as err:  # no permission, a read-only file system
            raise StoreError(
                f"cannot make the folder {path.parent} for the store: {err.strerror or err}"
            ) from None
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
    except DBAPIError as err:  # no server, no such file, a file that is not a database
        engine.dispose()
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise StoreError(f"cannot open the store at {store.display_url}: {reason}") from None
    except (ValueError, OSError) as err:  # the driver refusing the path itself (a NUL in it)
        engine.dispose()
        raise StoreError(f"cannot open the store at {store.display_url}: {err}") from None
    except BaseException:
        engine.dispose()
        raise
    from strife.store.runs import interrupt_dead_runs

    with contextlib.suppress(DBAPIError):  # a store this process may not write to keeps its runs
        interrupt_dead_runs(store.engine)
    return store


__all__ = [
    "MAX_INTEGER",
    "MIN_INTEGER",
    "Store",
    "StoreError",
    "data_dir",
    "default_url",
    "in_memory",
    "normalise_url",
    "open_store",
    "printable",
    "unstorable",
]
