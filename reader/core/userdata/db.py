"""Opening ``user.db`` safely: durable settings, corruption set aside, schema upgraded.

Standard-library sqlite3 only: the window opens this file at start-up, and
sqlite-utils would add its import time for nothing.

Durability: WAL with ``synchronous=FULL`` syncs the log at every commit, so a
save that returned survives a crash of the program *and* of the machine (with
NORMAL, a power cut may drop the last commits). The connection is in
autocommit mode and every change is its own ``BEGIN IMMEDIATE … COMMIT``.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError
from . import migrations
from .errors import translate
from ..messages import Msg

_CORRUPTION = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class OpenedDatabase:
    conn: sqlite3.Connection
    notice: str | None = None        # for the user, in Chinese, when the file had to be replaced
    aside: Path | None = None        # where the broken file went
    backup: Path | None = None       # copy taken before a schema upgrade


def open_database(path: Path) -> OpenedDatabase:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_partial_backups(path)
    except OSError as e:
        raise translate(e, path.parent) from e
    notice = aside = None
    damage = _damage(path)
    if damage:
        try:
            aside = move_aside(path)
        except OSError as e:
            raise translate(e, path) from e
        notice = Msg("userdata.damaged", damage=damage, aside=aside.name, folder=str(aside.parent))
    conn = _connect(path)
    backup = None
    try:
        v = migrations.version(conn)
        if 0 < v < migrations.CURRENT:
            backup = _backup(conn, path, v)
        migrations.migrate(conn)
    except (sqlite3.Error, OSError) as e:
        conn.close()
        raise translate(e, path) from e
    except BaseException:
        conn.close()
        raise
    return OpenedDatabase(conn, notice, aside, backup)


def _damage(path: Path) -> str | None:
    """Why the file cannot be our user database, or None.

    Checked on a read-only connection: closing a read-write one would let
    SQLite delete a -wal it could not use, and that -wal may hold the last saves.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.DatabaseError:
        return None                     # unreadable for another reason: the real open reports it
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            return "; ".join(r[0] for r in result[:3])
        if _foreign(conn):
            return Msg("userdata.foreign")
        return None
    except sqlite3.DatabaseError as e:
        # "database is locked" is a DatabaseError too: only real damage moves the file.
        if (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF in _CORRUPTION:
            return str(e)
        return None
    finally:
        conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)
    except sqlite3.DatabaseError as e:
        raise StoreError(Msg("userdata.cannot_open", path=str(path), error=str(e))) from e
    try:
        found = migrations.version(conn)
        if found > migrations.CURRENT:     # checked before WAL is switched on: such a file stays untouched
            raise migrations.UserDataTooNew(
                Msg("userdata.too_new", found=found, known=migrations.CURRENT))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn
    except sqlite3.DatabaseError as e:
        conn.close()
        if (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StoreError(Msg("userdata.busy", path=str(path), error=str(e))) from e
        raise StoreError(Msg("userdata.cannot_open", path=str(path), error=str(e))) from e
    except BaseException:
        conn.close()
        raise


def _foreign(conn: sqlite3.Connection) -> bool:
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    if app == migrations.APPLICATION_ID:
        return False
    if app != 0:
        return True
    # No id: fine while empty (new file) or versioned by us; another program's tables are not.
    if conn.execute("PRAGMA user_version").fetchone()[0] > 0:
        return False
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    candidate, n = folder / f"{stem}{suffix}", 2
    while any(Path(str(candidate) + s).exists() for s in ("",) + _SIDE_FILES):
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate


def move_aside(path: Path) -> Path:
    """Rename a broken database and its -wal/-shm together (never delete): it may be recoverable."""
    target = _free_name(path.parent, f"{path.stem}.corrupt-{_stamp()}", path.suffix)
    os.replace(path, target)
    for side in _SIDE_FILES:
        extra = Path(str(path) + side)
        if extra.exists():
            os.replace(extra, Path(str(target) + side))
    return target


_PARTIAL = ".partial"


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A consistent copy (WAL included) before changing the schema of real data.

    Written under a ``.partial`` name and renamed when complete: an interrupted upgrade
    leaves no half backup that looks like a whole one (and the next open removes the part).
    """
    target = _free_name(path.parent, f"{path.stem}.v{version}-backup-{_stamp()}", path.suffix)
    partial = Path(str(target) + _PARTIAL)
    try:
        _copy_into(conn, partial)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(str(partial) + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target


def _copy_into(conn: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()


def _remove_partial_backups(path: Path) -> None:
    """What an upgrade killed while backing up left behind."""
    for leftover in path.parent.glob(f"{path.stem}.v*-backup-*{_PARTIAL}*"):
        leftover.unlink(missing_ok=True)
