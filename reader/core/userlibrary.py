"""The writable library in the user's data folder.

The shipped ``data/gazette.db`` may sit in a read-only program folder: it is only
ever opened read-only (``mode=ro&immutable=1``) or copied. On first run it is
copied to the user's folder; imports go there. When a newer shipped library
arrives (an upgrade), its issues are merged into the user's library:

* issues and documents the user has not got are added, and shipped copies the
  user never touched are replaced by corrected ones;
* the user's own imports stay, including their own version of a shipped issue;
* a shipped issue the user removed stays removed unless the new build changes it.

For that the user's library remembers which source texts the last shipped build
held (``shipped_sources``). A library whose schema is older than this program is
rebuilt from the source texts it carries; the old file is kept beside it.

A damaged library (``PRAGMA quick_check`` fails) is moved aside and rebuilt from the
shipped library plus every source text of the user's own that can still be read
from it; ``take_notices()`` then says what was recovered, for the window or the
command line to tell the user. Disk and SQLite failures become one-line StoreErrors.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import time
import stat
import tempfile
from pathlib import Path

from ..resources import default_library
from .paths import user_library_path
from .errors import StoreError
from .store import schema
from .messages import Msg

SHIPPED_BUILD = "shipped_build_id"
SHIPPED_SOURCES = "shipped_sources"     # JSON list of the sha256 of the last merged build's sources

_NOTICES: list[str] = []                # what opening had to repair, not yet told to the user


def take_notices() -> list[str]:
    """What ensure_user_library repaired since last asked (each said once)."""
    out = list(_NOTICES)
    _NOTICES.clear()
    return out


def _connect(path: Path, shipped: bool) -> sqlite3.Connection:
    if not shipped:
        return schema.connect(path, readonly=True)
    # immutable: no lock or journal files either, so a read-only folder or medium is fine.
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def _busy(e: sqlite3.Error) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def _meta(path: Path, key: str, shipped: bool = False) -> str | None:
    """A meta value; None when the file is not a library. A library busy in another
    program is an error, never taken for a broken one (that would rebuild it)."""
    try:
        conn = _connect(path, shipped)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        if _busy(e):
            raise StoreError(Msg("store.busy", path=str(path))) from e
        return None
    return row[0] if row else None


def _sources(path: Path, shipped: bool = False) -> list[tuple[str, str, str]]:
    """(sha256, name, text) of every source a library holds."""
    conn = _connect(path, shipped)
    try:
        return [(sha, name, schema.source_text(text)) for sha, name, text in
                conn.execute("SELECT sha256, name, text FROM sources ORDER BY name")]
    finally:
        conn.close()


def schema_version_of(path: Path, shipped: bool = False) -> int | None:
    v = _meta(path, "schema_version", shipped)
    return int(v) if v and v.isdigit() else None


def ensure_user_library(shipped: Path | None = None, user: Path | None = None) -> Path:
    """The user's library, created, upgraded, merged or repaired as needed; StoreError in one line."""
    try:
        return _ensure(shipped, user)
    except StoreError:
        raise
    except (OSError, sqlite3.Error) as e:
        raise StoreError(_failure(e, user)) from e


def _failure(e: BaseException, user: Path | None) -> str:
    where = str(Path(user).parent) if user else Msg("store.user_folder")
    code = (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF
    if getattr(e, "errno", None) == errno.ENOSPC or code == 13 or "disk is full" in str(e):
        return Msg("store.disk_full", where=where)
    if getattr(e, "errno", None) in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in str(e):
        return Msg("store.folder_read_only", where=where)
    return Msg("store.cannot_make", where=where, error=str(getattr(e, 'strerror', None) or e))


def _ensure(shipped: Path | None, user: Path | None) -> Path:
    shipped = Path(shipped) if shipped else default_library()
    user = Path(user) if user else user_library_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    if user.exists():
        damage = _damage(user)
        if damage:
            _recover(shipped, user, damage)
            return user
    if user.exists():
        version = schema_version_of(user)
        if version is not None and version > schema.SCHEMA_VERSION:
            raise StoreError(Msg("store.too_new", path=str(user), version=version))
        if version != schema.SCHEMA_VERSION:
            _rebuild(user, recover=version is not None)
    if not user.exists():
        if shipped.exists() and schema_version_of(shipped, shipped=True) == schema.SCHEMA_VERSION:
            _copy(shipped, user)
        else:
            from .store.writer import LibraryWriter
            LibraryWriter(user).close()
        return user
    shipped_id = _meta(shipped, "build_id", shipped=True) if shipped.exists() else None
    if shipped_id and shipped_id != _meta(user, SHIPPED_BUILD):
        _merge(shipped, user, shipped_id)
    return user


def _copy(shipped: Path, user: Path) -> None:
    """Copy the shipped library and record what it held, then move it into place in one step."""
    from .store.writer import LibraryWriter
    fd, name = tempfile.mkstemp(prefix=".library-", suffix=".copying", dir=user.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        shutil.copyfile(shipped, tmp)
        # The copy must be writable even if the shipped file was not (copyfile keeps no mode, but be sure).
        tmp.chmod(stat.S_IMODE(tmp.stat().st_mode) | stat.S_IRUSR | stat.S_IWUSR)
        w = LibraryWriter(tmp)
        try:
            w.set_meta(SHIPPED_BUILD, _meta(shipped, "build_id", shipped=True) or "")
            w.set_meta(SHIPPED_SOURCES, json.dumps(sorted(s[0] for s in _sources(shipped, shipped=True))))
        finally:
            w.close()
        os.replace(tmp, user)
    finally:
        tmp.unlink(missing_ok=True)


def _stored_sha(writer, result) -> str | None:
    from .model import Issue
    if isinstance(result, Issue):
        row = writer.conn.execute("SELECT source_sha256 FROM issues WHERE key = ?", (result.key,)).fetchone()
    else:
        row = writer.conn.execute("SELECT coalesce(source_sha256, '') FROM documents WHERE key = ?",
                                  (result.document.key,)).fetchone()
    return row[0] if row else None


def _parse(text: str, name: str):
    from .importer import parse_text
    try:
        return parse_text(text, name)
    except Exception:  # one unreadable source (or a parser bug) must not keep the window from opening
        return None


def _merge(shipped: Path, user: Path, shipped_id: str) -> None:
    from .errors import ImportRefused
    from .importer import store_result
    from .store.writer import LibraryWriter
    before = _meta(user, SHIPPED_SOURCES)
    # Libraries made before this was recorded: treat every stored copy as a shipped one.
    old = set(json.loads(before)) if before else None
    sources = _sources(shipped, shipped=True)
    w = LibraryWriter(user)
    try:
        for sha, name, text in sources:
            result = _parse(text, name)
            if result is None:
                continue
            have = _stored_sha(w, result)
            if have == sha:
                continue                      # already the same text
            if have is None and old is not None and sha in old:
                continue                      # the user removed it, and it has not changed
            if have is not None and old is not None and have not in old:
                continue                      # the user's own import of it wins
            try:
                store_result(w, result, text, replace=True)
            except ImportRefused:
                continue
        w.set_meta(SHIPPED_SOURCES, json.dumps(sorted(s[0] for s in sources)))
        w.set_meta(SHIPPED_BUILD, shipped_id)
    finally:
        w.close()


def _rebuild(user: Path, recover: bool) -> None:
    """Re-parse every source of an older library (``recover``) into a new one, or start a
    fresh one where the file is not a library at all. The old file is kept aside, never deleted."""
    from .errors import ImportRefused
    from .importer import store_result
    from .store.writer import LibraryWriter
    sources: list = []
    carried: dict = {}
    if recover:
        try:
            sources = _sources(user)
        except sqlite3.DatabaseError as e:    # never rebuild from a read that failed
            raise StoreError(Msg("store.cannot_upgrade", path=str(user), error=str(e))) from e
        carried = {k: _meta(user, k) for k in (SHIPPED_BUILD, SHIPPED_SOURCES)}
    aside = _move_aside(user, "old")
    w = LibraryWriter(user)
    try:
        for _sha, name, text in sources:
            result = _parse(text, name)
            if result is None:
                continue
            try:
                store_result(w, result, text)
            except ImportRefused:
                continue
        for k, v in carried.items():
            if v is not None:
                w.set_meta(k, v)
    finally:
        w.close()


# -- a damaged library ------------------------------------------------------------------

def _damage(path: Path) -> str | None:
    """Why the file is a damaged library (``PRAGMA quick_check``), or None.

    An empty file, or one another program holds busy, is not damage."""
    if path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return None
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])
    except sqlite3.DatabaseError as e:
        if _busy(e):
            raise StoreError(Msg("store.busy", path=str(path))) from e
        # Only damage moves the file: SQLITE_CORRUPT or SQLITE_NOTADB, not "cannot open" on a read-only folder.
        return str(e) if (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF in (11, 26) else None
    finally:
        conn.close()


def _salvage(path: Path) -> list[tuple[str, str, str]]:
    """Every source text still readable in a damaged library: read forwards, then backwards,
    each until the damage stops it."""
    found: dict[str, tuple[str, str, str]] = {}
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return []
    try:
        for order in ("ASC", "DESC"):
            try:
                for sha, name, stored in conn.execute(
                        f"SELECT sha256, name, text FROM sources ORDER BY rowid {order}"):
                    try:
                        text = schema.source_text(stored)     # zlib since schema 4, text before
                    except Exception:  # noqa: BLE001 - a damaged row: the others may still be whole
                        continue
                    if isinstance(text, str) and isinstance(sha, str):
                        found.setdefault(sha, (sha, str(name), text))
            except sqlite3.DatabaseError:
                continue
    finally:
        conn.close()
    return sorted(found.values(), key=lambda s: s[1])


def _move_aside(user: Path, label: str) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside, n = user.with_name(f"{user.name}.{label}-{stamp}"), 1
    while aside.exists():
        n += 1
        aside = user.with_name(f"{user.name}.{label}-{stamp}-{n}")
    user.replace(aside)
    for side in ("-wal", "-shm", "-journal"):
        extra = Path(str(user) + side)
        if extra.exists():
            extra.replace(Path(str(aside) + side))
    return aside


def _recover(shipped: Path, user: Path, damage: str) -> None:
    """Move the damaged library aside; rebuild from the shipped one plus the user's own sources."""
    from .errors import ImportRefused
    from .importer import store_result
    from .store.writer import LibraryWriter
    salvaged = _salvage(user)
    aside = _move_aside(user, "damaged")
    if shipped.exists() and schema_version_of(shipped, shipped=True) == schema.SCHEMA_VERSION:
        _copy(shipped, user)
    else:
        LibraryWriter(user).close()
    shipped_shas = set(json.loads(_meta(user, SHIPPED_SOURCES) or "[]"))
    own = [s for s in salvaged if s[0] not in shipped_shas]
    restored, failed = [], []
    w = LibraryWriter(user)
    try:
        for _sha, name, text in own:
            result = _parse(text, name)
            try:
                if result is None:
                    raise ImportRefused(Msg("refuse.unparsable"))
                store_result(w, result, text, replace=True)
                restored.append(name)
            except ImportRefused:
                failed.append(name)
    finally:
        w.close()
    names = Msg("store.restored_more" if len(restored) > 10 else "store.restored", names=tuple(restored[:10])) \
        if restored else ""
    lost = Msg("store.not_restored", n=len(failed), names=tuple(failed[:10])) if failed else ""
    _NOTICES.append(Msg("store.recovered", damage=damage[:120], aside=aside.name, folder=str(aside.parent),
                        n=len(restored), restored=names, failed=lost))


def library_for_reading(shipped: Path | None = None, user: Path | None = None) -> Path:
    """The library a command without ``--db`` works on, for reading only (``import --dry-run``):
    the user's library, or, before the first run made it, the shipped one it will be copied from.
    Nothing is created or copied."""
    user = Path(user) if user else user_library_path()
    return user if user.exists() else (Path(shipped) if shipped else default_library())
