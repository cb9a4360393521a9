"""The user database's schema, as numbered steps from an empty file.

``PRAGMA user_version`` holds the version. ``STEPS[i]`` brings version i to
i + 1; a fresh file runs them all, an older file the ones it lacks. All pending
steps run in one transaction, so an interrupted upgrade leaves the old version
intact. Steps use single ``execute`` calls: ``executescript`` would commit
half-way.

Never edit a released step; add a new one.
"""
from __future__ import annotations

import json
import sqlite3

from ..errors import StoreError
from ..messages import Msg

# "GzRd": marks the file as ours, so another program's database is not mistaken for it.
APPLICATION_ID = 0x477A5264


def _step_1_initial(conn: sqlite3.Connection) -> None:
    """Bookmarks with their anchor, 圈阅 marks, reading positions, a key/value table."""
    for sql in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE bookmarks (
            id          TEXT PRIMARY KEY,
            doc_key     TEXT NOT NULL,
            block       INTEGER,            -- NULL: the whole document
            start       INTEGER,
            "end"       INTEGER,
            quote       TEXT NOT NULL DEFAULT '',
            prefix      TEXT NOT NULL DEFAULT '',
            suffix      TEXT NOT NULL DEFAULT '',
            note        TEXT NOT NULL DEFAULT '',
            note_type   TEXT NOT NULL DEFAULT 'note',
            tags        TEXT NOT NULL DEFAULT '[]',   -- JSON list (moved to bookmark_tags in 2)
            color       TEXT NOT NULL DEFAULT '#ffd54f',
            status      TEXT NOT NULL DEFAULT 'attached',
            fingerprint TEXT NOT NULL DEFAULT '',
            created     TEXT NOT NULL,
            updated     TEXT NOT NULL
        )""",
        "CREATE INDEX bookmarks_doc ON bookmarks(doc_key)",
        "CREATE TABLE read_marks (doc_key TEXT PRIMARY KEY, marked TEXT NOT NULL)",
        """CREATE TABLE positions (
            doc_key  TEXT PRIMARY KEY,
            block    INTEGER NOT NULL,
            "offset" INTEGER NOT NULL,
            updated  TEXT NOT NULL
        )""",
        f"PRAGMA application_id = {APPLICATION_ID}",
    ):
        conn.execute(sql)


def _step_2_tag_table_trash_titles(conn: sqlite3.Connection) -> None:
    """Tags get their own table (listing and filtering by tag use an index), deleted
    bookmarks go to a trash instead of vanishing, and each bookmark keeps its
    document's title for when the document is gone."""
    old = conn.execute("SELECT id, tags FROM bookmarks").fetchall()
    for sql in (
        """CREATE TABLE bookmarks_v2 (
            id          TEXT PRIMARY KEY,
            doc_key     TEXT NOT NULL,
            doc_title   TEXT NOT NULL DEFAULT '',
            block       INTEGER,
            start       INTEGER,
            "end"       INTEGER,
            quote       TEXT NOT NULL DEFAULT '',
            prefix      TEXT NOT NULL DEFAULT '',
            suffix      TEXT NOT NULL DEFAULT '',
            note        TEXT NOT NULL DEFAULT '',
            note_type   TEXT NOT NULL DEFAULT 'note',
            color       TEXT NOT NULL DEFAULT '#ffd54f',
            status      TEXT NOT NULL DEFAULT 'attached',
            fingerprint TEXT NOT NULL DEFAULT '',
            created     TEXT NOT NULL,
            updated     TEXT NOT NULL,
            deleted     TEXT               -- in the trash since; NULL: live
        )""",
        """INSERT INTO bookmarks_v2 (id, doc_key, block, start, "end", quote, prefix, suffix, note,
               note_type, color, status, fingerprint, created, updated)
           SELECT id, doc_key, block, start, "end", quote, prefix, suffix, note,
               note_type, color, status, fingerprint, created, updated FROM bookmarks""",
        "DROP TABLE bookmarks",
        "ALTER TABLE bookmarks_v2 RENAME TO bookmarks",
        "CREATE INDEX bookmarks_doc ON bookmarks(doc_key)",
        "CREATE INDEX bookmarks_updated ON bookmarks(updated)",
        """CREATE TABLE bookmark_tags (
            bookmark_id TEXT NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
            tag         TEXT NOT NULL,
            ord         INTEGER NOT NULL,
            PRIMARY KEY (bookmark_id, tag)
        )""",
        "CREATE INDEX bookmark_tags_tag ON bookmark_tags(tag)",
    ):
        conn.execute(sql)
    for bookmark_id, raw in old:
        for i, tag in enumerate(_tags_from_v1(raw)):
            conn.execute("INSERT OR IGNORE INTO bookmark_tags VALUES (?, ?, ?)", (bookmark_id, tag, i))


def _tags_from_v1(raw: str) -> list[str]:
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return [raw] if raw and raw.strip() else []   # keep unreadable text as a tag, never drop it
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [" ".join(str(t).split()) for t in value if str(t).strip()]


def _step_3_done(conn: sqlite3.Connection) -> None:
    """A 待办 can be ticked 已办: the time it was done, NULL while it is open."""
    conn.execute("ALTER TABLE bookmarks ADD COLUMN done TEXT")


STEPS = (_step_1_initial, _step_2_tag_table_trash_titles, _step_3_done)
CURRENT = len(STEPS)


class UserDataTooNew(StoreError):
    """The file was written by a newer program: leave it alone (it is not broken)."""


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring the schema up to CURRENT; returns (version before, version after).

    The connection must be in autocommit mode (isolation_level None): the
    transaction is ours, and BEGIN IMMEDIATE keeps a second process from
    migrating at the same time.
    """
    before = version(conn)
    if before > CURRENT:
        raise UserDataTooNew(Msg("userdata.too_new", found=before, known=CURRENT))
    if before == CURRENT:
        return before, before
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = version(conn)          # re-read under the write lock
        for i in range(start, CURRENT):
            STEPS[i](conn)
        conn.execute(f"PRAGMA user_version = {CURRENT}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return before, CURRENT
