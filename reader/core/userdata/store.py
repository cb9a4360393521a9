"""The user's bookmarks, notes, 圈阅 marks and reading positions (``user.db``).

One connection, guarded by a lock, serves the GUI thread and workers alike.
Every mutation is one committed transaction before it returns, and returns the
new value; listeners registered with ``subscribe`` then get a ``Change``
(called in the thread that made the change; the GUI re-emits it as a signal).

Deleting moves a bookmark to the trash (``deleted`` set): ``restore`` undoes
it, even after a restart; only ``purge`` removes a row for good.
"""
from __future__ import annotations

import sqlite3
import string
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..location import Location
from ..paths import user_db_path
from .bookmarks import (ATTACHED, COLOR, DEFAULT_COLOR, NOTE, NOTE_TYPES, STATUSES, Anchor, Bookmark,
                        Change, ImportReport, ReadMark, TagCount, clean_tags, normal_stamp, now_stamp, parse_stamp,
                        stamp_after)
from .db import open_database
from .errors import translate
from ..messages import Msg

_KEEP = object()
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # what SQLite's lower() does

_COLUMNS = ('b.id, b.doc_key, b.block, b.start, b."end", b.quote, b.prefix, b.suffix, b.note, b.note_type, '
            "b.color, b.created, b.updated, b.status, b.fingerprint, b.doc_title, b.deleted, b.done")


class BookmarkNotFound(KeyError):
    pass


@dataclass(frozen=True)
class OpenedUserData:
    store: "UserData"
    notice: str | None = None        # show it once (e.g. a dialog) when set
    aside: Path | None = None
    backup: Path | None = None


def open_user_data(path: str | Path | None = None) -> OpenedUserData:
    """Open (creating, repairing or upgrading as needed) the user database."""
    try:
        path = Path(path) if path else user_db_path()
    except OSError as e:
        raise translate(e) from e
    opened = open_database(path)
    return OpenedUserData(UserData(opened.conn, path), opened.notice, opened.aside, opened.backup)


def _validate(b: Bookmark) -> None:
    if not b.id or not b.doc_key:
        raise ValueError(Msg("bookmark.no_id"))
    if b.note_type not in NOTE_TYPES:
        raise ValueError(Msg("bookmark.note_type", value=b.note_type))
    if not COLOR.match(b.color):
        raise ValueError(Msg("bookmark.color", value=b.color))
    if b.status not in STATUSES:
        raise ValueError(Msg("bookmark.status", value=b.status))
    a = b.anchor
    if a is not None and not (0 <= a.block and 0 <= a.start <= a.end):
        raise ValueError(Msg("bookmark.place", place=f"{a.block}:{a.start}-{a.end}"))


class UserData:
    def __init__(self, conn, path: Path):
        self.conn = conn
        self.path = Path(path)
        self._lock = threading.RLock()
        self._listeners: list[Callable[[Change], None]] = []

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- plumbing ------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``listener(change)`` after each committed change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def notify(self, change: Change) -> None:
        """Tell listeners about a committed change (mutations do it themselves)."""
        for listener in list(self._listeners):
            listener(change)

    @contextmanager
    def transaction(self):
        """One durable transaction (BEGIN IMMEDIATE … COMMIT); rolled back on any error.

        A failure of SQLite or of the disk is raised as a UserDataError (DiskFull, ReadOnly).
        """
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise translate(e, self.path) from e
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as e:
                if self.conn.in_transaction:     # also when COMMIT itself failed (disk full, I/O error)
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass                     # SQLite rolls back on its own when it cannot
                if isinstance(e, (sqlite3.Error, OSError)):
                    raise translate(e, self.path) from e
                raise

    def _rows(self, sql: str, args=()):
        with self._lock:
            try:
                return self.conn.execute(sql, args).fetchall()
            except sqlite3.Error as e:
                raise translate(e, self.path) from e

    def meta(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- bookmarks: reading ----------------------------------------------------------
    def _select(self, where: str, args: tuple, order: str) -> list[Bookmark]:
        try:
            return self._select_rows(where, args, order)
        except sqlite3.Error as e:
            raise translate(e, self.path) from e

    def _select_rows(self, where: str, args: tuple, order: str) -> list[Bookmark]:
        with self._lock:
            rows = self.conn.execute(f"SELECT {_COLUMNS} FROM bookmarks b WHERE {where} ORDER BY {order}",
                                     args).fetchall()
            tags: dict[str, list[str]] = {}
            for bid, tag in self.conn.execute(
                    f"SELECT bookmark_id, tag FROM bookmark_tags WHERE bookmark_id IN "
                    f"(SELECT b.id FROM bookmarks b WHERE {where}) ORDER BY bookmark_id, ord", args):
                tags.setdefault(bid, []).append(tag)
        return [_bookmark(r, tags.get(r[0], ())) for r in rows]

    def get(self, bookmark_id: str) -> Bookmark | None:
        """Any bookmark, including one in the trash."""
        found = self._select("b.id = ?", (bookmark_id,), "b.id")
        return found[0] if found else None

    def _require(self, bookmark_id: str) -> Bookmark:
        b = self.get(bookmark_id)
        if b is None:
            raise BookmarkNotFound(bookmark_id)
        return b

    def bookmarks(self, doc_key: str | None = None, *, text: str | None = None, tag: str | None = None,
                  note_type: str | None = None, status: str | None = None, trash: bool = False,
                  done: bool | None = None) -> list[Bookmark]:
        """Live bookmarks (or those in the trash), filtered.

        One document: in reading order (whole-document bookmarks first). All:
        most recently edited first. ``text`` matches a substring of the note,
        the quoted passage, the document title or a tag, exactly for Chinese
        and ignoring case for Latin letters.
        """
        where = ["b.deleted IS NOT NULL" if trash else "b.deleted IS NULL"]
        args: list = []
        if doc_key is not None:
            where.append("b.doc_key = ?")
            args.append(doc_key)
        if note_type is not None:
            where.append("b.note_type = ?")
            args.append(note_type)
        if status is not None:
            where.append("b.status = ?")
            args.append(status)
        if done is not None:
            where.append("b.done IS NOT NULL" if done else "b.done IS NULL")
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM bookmark_tags t WHERE t.bookmark_id = b.id AND t.tag = ?)")
            args.append(tag)
        if text:
            needle = text.translate(_ASCII_LOWER)
            where.append("(instr(lower(b.note), ?) OR instr(lower(b.quote), ?) OR instr(lower(b.doc_title), ?) "
                         "OR EXISTS (SELECT 1 FROM bookmark_tags t WHERE t.bookmark_id = b.id "
                         "AND instr(lower(t.tag), ?)))")
            args += [needle] * 4
        order = ("b.block IS NOT NULL, b.block, b.start, b.created" if doc_key is not None
                 else "b.updated DESC, b.id")
        return self._select(" AND ".join(where), tuple(args), order)

    def trash(self) -> list[Bookmark]:
        return self.bookmarks(trash=True)

    def all_bookmarks(self) -> list[Bookmark]:
        """Live and trashed, oldest first (exports, re-anchoring)."""
        return self._select("1", (), "b.created, b.id")

    def checked_against(self, doc_keys=None) -> list[tuple[str, str, str]]:
        """(doc_key, fingerprint, status) of every bookmark (trash included), of ``doc_keys`` or all:
        what re-anchoring needs to know which documents changed, without loading notes."""
        if doc_keys is None:
            return self._rows("SELECT doc_key, fingerprint, status FROM bookmarks")
        keys = list(dict.fromkeys(doc_keys))
        out: list = []
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            out += self._rows(f"SELECT doc_key, fingerprint, status FROM bookmarks WHERE doc_key IN "
                              f"({','.join('?' * len(chunk))})", tuple(chunk))
        return out

    def counts_by_document(self) -> dict[str, int]:
        """Live bookmarks per document key, for badges in the tree."""
        return dict(self._rows("SELECT doc_key, count(*) FROM bookmarks WHERE deleted IS NULL GROUP BY doc_key"))

    def tags(self) -> list[TagCount]:
        """Tags of live bookmarks, most used first."""
        rows = self._rows("SELECT t.tag, count(*) FROM bookmark_tags t JOIN bookmarks b ON b.id = t.bookmark_id "
                          "WHERE b.deleted IS NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag")
        return [TagCount(t, n) for t, n in rows]

    # -- bookmarks: writing ----------------------------------------------------------
    def _write(self, c, b: Bookmark) -> None:
        a = b.anchor
        c.execute(
            'INSERT OR REPLACE INTO bookmarks (id, doc_key, doc_title, block, start, "end", quote, prefix, suffix, '
            "note, note_type, color, status, fingerprint, created, updated, deleted, done) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (b.id, b.doc_key, b.doc_title, a and a.block, a and a.start, a and a.end,
             a.quote if a else "", a.prefix if a else "", a.suffix if a else "",
             b.note, b.note_type, b.color, b.status, b.fingerprint, b.created, b.updated, b.deleted, b.done))
        c.execute("DELETE FROM bookmark_tags WHERE bookmark_id = ?", (b.id,))
        c.executemany("INSERT INTO bookmark_tags (bookmark_id, tag, ord) VALUES (?, ?, ?)",
                      [(b.id, t, i) for i, t in enumerate(b.tags)])

    def add(self, doc_key: str, anchor: Anchor | None = None, *, fingerprint: str = "", doc_title: str = "",
            note: str = "", note_type: str = NOTE, tags=(), color: str = DEFAULT_COLOR) -> Bookmark:
        """A new bookmark on a passage (``anchoring.make_anchor``) or, with no anchor, the whole document."""
        import uuid   # here, not at start-up: it pulls in platform and more
        stamp = now_stamp()
        b = Bookmark(str(uuid.uuid4()), doc_key, anchor, note, note_type, clean_tags(tags), color.lower(),
                     stamp, stamp, ATTACHED, fingerprint, doc_title)
        _validate(b)
        with self.transaction() as c:
            self._write(c, b)
        self.notify(Change("added", (b.id,), (doc_key,)))
        return b

    def set_done(self, bookmark_id: str, done: bool) -> Bookmark:
        """Tick a 待办 已办 (now) or open it again; an edit like any other (it travels in exports)."""
        return self.update(bookmark_id, done=now_stamp() if done else None)

    def update(self, bookmark_id: str, *, note=_KEEP, note_type=_KEEP, tags=_KEEP, color=_KEEP,
               done=_KEEP) -> Bookmark:
        """Edit what the user wrote; ``updated`` moves forward (it decides merges)."""
        with self._lock:
            old = self._require(bookmark_id)
            new = replace(old, note=old.note if note is _KEEP else note,
                          note_type=old.note_type if note_type is _KEEP else note_type,
                          tags=old.tags if tags is _KEEP else clean_tags(tags),
                          color=old.color if color is _KEEP else color.lower(),
                          done=old.done if done is _KEEP else done)
            if new == old:
                return old
            new = replace(new, updated=stamp_after(old.updated))
            _validate(new)
            with self.transaction() as c:
                self._write(c, new)
        self.notify(Change("updated", (new.id,), (new.doc_key,)))
        return new

    def delete(self, bookmark_id: str) -> Bookmark:
        """Move to the trash; returns the trashed bookmark (``restore(b.id)`` undoes it)."""
        return self._set_deleted(bookmark_id, True)

    def restore(self, bookmark_id: str) -> Bookmark:
        return self._set_deleted(bookmark_id, False)

    def _set_deleted(self, bookmark_id: str, deleted: bool) -> Bookmark:
        with self._lock:
            old = self._require(bookmark_id)
            if (old.deleted is not None) == deleted:
                return old
            stamp = stamp_after(old.updated)
            new = replace(old, deleted=stamp if deleted else None, updated=stamp)
            with self.transaction() as c:
                self._write(c, new)
        self.notify(Change("deleted" if deleted else "restored", (new.id,), (new.doc_key,)))
        return new

    def purge(self, bookmark_id: str) -> Bookmark | None:
        """Remove for good (emptying the trash); returns what was removed, so ``put`` can still undo it."""
        with self._lock:
            old = self.get(bookmark_id)
            if old is None:
                return None
            with self.transaction() as c:
                c.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        self.notify(Change("purged", (old.id,), (old.doc_key,)))
        return old

    def put(self, bookmark: Bookmark) -> Bookmark:
        """Store a bookmark exactly as given (same id and times), e.g. to undo ``purge``."""
        b = _normalised(bookmark)
        with self.transaction() as c:
            self._write(c, b)
        self.notify(Change("added", (b.id,), (b.doc_key,)))
        return b

    def merge(self, incoming, read_marks=()) -> ImportReport:
        """Add what is new, replace what the incoming copy edited later, in one transaction.

        Merging the same bookmarks twice changes nothing; all or nothing is written.
        """
        fresh = [_normalised(b) for b in incoming]     # validate everything before writing anything
        added, updated, unchanged, marks = [], [], [], 0
        with self.transaction() as c:
            for b in fresh:
                old = self.get(b.id)
                if old is None:
                    added.append(b.id)
                elif parse_stamp(b.updated) > parse_stamp(old.updated):
                    updated.append(b.id)
                else:
                    unchanged.append(b.id)
                    continue
                self._write(c, b)
            for m in read_marks:
                cur = c.execute("INSERT OR IGNORE INTO read_marks (doc_key, marked) VALUES (?, ?)",
                                (m.doc_key, normal_stamp(m.when)))
                marks += cur.rowcount
        report = ImportReport(tuple(added), tuple(updated), tuple(unchanged), marks)
        if added or updated or marks:
            written = set(added + updated)
            keys = tuple(sorted({b.doc_key for b in fresh if b.id in written}))
            self.notify(Change("imported", tuple(added + updated), keys))
        return report

    def set_anchor(self, bookmark_id: str, anchor: Anchor | None, status: str, fingerprint: str,
                   doc_title: str | None = None, notify: bool = True) -> Bookmark:
        """Record where re-anchoring found the passage. Not a user edit: ``updated`` stays."""
        with self._lock:
            old = self._require(bookmark_id)
            new = replace(old, anchor=anchor, status=status, fingerprint=fingerprint,
                          doc_title=old.doc_title if doc_title is None else doc_title)
            _validate(new)
            if new != old:
                with self.transaction() as c:
                    self._write(c, new)
        if notify and new != old:
            self.notify(Change("anchored", (new.id,), (new.doc_key,)))
        return new

    # -- 圈阅 --------------------------------------------------------------------------
    def mark_read(self, doc_key: str) -> ReadMark:
        mark = ReadMark(doc_key, now_stamp())
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO read_marks (doc_key, marked) VALUES (?, ?)", (mark.doc_key, mark.when))
        self.notify(Change("read", (), (doc_key,)))
        return mark

    def clear_read(self, doc_key: str) -> ReadMark | None:
        """Returns the mark that was removed (to undo), or None."""
        with self._lock:
            old = self.read_mark(doc_key)
            if old is None:
                return None
            with self.transaction() as c:
                c.execute("DELETE FROM read_marks WHERE doc_key = ?", (doc_key,))
        self.notify(Change("unread", (), (doc_key,)))
        return old

    def put_read_mark(self, mark: ReadMark) -> ReadMark:
        mark = ReadMark(mark.doc_key, normal_stamp(mark.when))
        with self.transaction() as c:
            c.execute("INSERT OR REPLACE INTO read_marks (doc_key, marked) VALUES (?, ?)", (mark.doc_key, mark.when))
        self.notify(Change("read", (), (mark.doc_key,)))
        return mark

    def read_mark(self, doc_key: str) -> ReadMark | None:
        rows = self._rows("SELECT doc_key, marked FROM read_marks WHERE doc_key = ?", (doc_key,))
        return ReadMark(*rows[0]) if rows else None

    def read_marks(self) -> dict[str, ReadMark]:
        return {k: ReadMark(k, w) for k, w in self._rows("SELECT doc_key, marked FROM read_marks")}

    # -- where the reader was -----------------------------------------------------
    def set_position(self, location: Location) -> Location:
        """Remember where a document was left (call on leaving it, not on every scroll step)."""
        loc = Location(location.doc_key, location.block, location.offset)
        with self.transaction() as c:
            c.execute('INSERT OR REPLACE INTO positions (doc_key, block, "offset", updated) VALUES (?, ?, ?, ?)',
                      (loc.doc_key, loc.block, loc.offset, now_stamp()))
        return loc

    def position(self, doc_key: str) -> Location | None:
        rows = self._rows('SELECT doc_key, block, "offset" FROM positions WHERE doc_key = ?', (doc_key,))
        return Location(*rows[0]) if rows else None

    def last_position(self) -> Location | None:
        """The document read last, to reopen at start-up."""
        rows = self._rows('SELECT doc_key, block, "offset" FROM positions ORDER BY updated DESC LIMIT 1')
        return Location(*rows[0]) if rows else None


def _normalised(b: Bookmark) -> Bookmark:
    b = replace(b, tags=clean_tags(b.tags), color=b.color.lower(), created=normal_stamp(b.created),
                updated=normal_stamp(b.updated), deleted=normal_stamp(b.deleted) if b.deleted else None,
                done=normal_stamp(b.done) if b.done else None)
    _validate(b)
    return b


def _bookmark(r, tags) -> Bookmark:
    anchor = Anchor(r[2], r[3], r[4], r[5], r[6], r[7]) if r[2] is not None else None
    return Bookmark(id=r[0], doc_key=r[1], anchor=anchor, note=r[8], note_type=r[9], tags=tuple(tags),
                    color=r[10], created=r[11], updated=r[12], status=r[13], fingerprint=r[14],
                    doc_title=r[15], deleted=r[16], done=r[17])
