"""The writable library in the user's data folder.

The shipped ``data/gazette.db`` may sit in a read-only program folder. On first
run it is copied to the user's folder; imports go there. When a newer shipped
library arrives (an upgrade), its issues are added to the user's library without
touching the user's own imports. A library whose schema is older than this
program is rebuilt from the source texts it carries.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from ..resources import default_library
from .paths import user_library_path
from .store import schema

SHIPPED_BUILD = "shipped_build_id"


def _meta(path: Path, key: str) -> str | None:
    try:
        conn = schema.connect(path, readonly=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _sources(path: Path) -> list[tuple[str, str, str]]:
    """(sha256, name, text) of every source a library holds."""
    conn = schema.connect(path, readonly=True)
    try:
        return conn.execute("SELECT sha256, name, text FROM sources ORDER BY name").fetchall()
    finally:
        conn.close()


def _import_sources(writer, sources, replace: bool) -> int:
    from .errors import ImportRefused
    from .importer import parse_text
    from .model import Issue
    added = 0
    for sha, name, text in sources:
        result = parse_text(text, name)
        try:
            if isinstance(result, Issue):
                row = writer.conn.execute("SELECT source_sha256 FROM issues WHERE key = ?", (result.key,)).fetchone()
                if row and (row[0] == sha or not replace):
                    continue
                writer.add_issue(result, text, replace=True)
            else:
                if writer.has_document(result.document.key) and not replace:
                    continue
                writer.add_standalone(result, text, replace=True)
            added += 1
        except ImportRefused:
            continue
    return added


def ensure_user_library(shipped: Path | None = None, user: Path | None = None) -> Path:
    shipped = shipped or default_library()
    user = user or user_library_path()
    from .store.writer import LibraryWriter
    if user.exists() and schema_version_of(user) not in (schema.SCHEMA_VERSION,):
        _rebuild(user)
    if not user.exists():
        if shipped.exists() and schema_version_of(shipped) == schema.SCHEMA_VERSION:
            tmp = user.with_suffix(".copying")
            shutil.copyfile(shipped, tmp)
            tmp.replace(user)
            w = LibraryWriter(user)
            w.set_meta(SHIPPED_BUILD, _meta(shipped, "build_id") or "")
            w.close()
            user.chmod(0o644)
        else:
            LibraryWriter(user).close()
        return user
    shipped_id = _meta(shipped, "build_id") if shipped.exists() else None
    if shipped_id and shipped_id != _meta(user, SHIPPED_BUILD):
        w = LibraryWriter(user)
        try:
            # Shipped issues replace older copies of themselves; user imports stay.
            _import_sources(w, _sources(shipped), replace=True)
            w.set_meta(SHIPPED_BUILD, shipped_id)
        finally:
            w.close()
    return user


def schema_version_of(path: Path) -> int | None:
    v = _meta(path, "schema_version")
    return int(v) if v and v.isdigit() else None


def _rebuild(user: Path) -> None:
    """Re-parse every source of an old or broken library into a new one; keep the old file aside."""
    from .store.writer import LibraryWriter
    try:
        sources = _sources(user)
    except sqlite3.DatabaseError:
        sources = []
    aside = user.with_name(user.name + ".old")
    user.replace(aside)
    w = LibraryWriter(user)
    try:
        _import_sources(w, sources, replace=False)
    finally:
        w.close()
