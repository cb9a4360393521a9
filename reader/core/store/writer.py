"""Writing parsed issues and documents into a content library, one transaction each.

sqlite-utils does the inserts; ``db.atomic()`` makes each issue all-or-nothing:
an error anywhere leaves the file exactly as it was.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

import sqlite_utils

from ..errors import ImportRefused, StoreError
from ..model import Document, Issue, Standalone
from ..search import index as search_index
from ..status.stored import encode as encode_facts, facts_of as status_facts, is_own
from ..text import fold
from . import schema
from ..messages import Msg


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _writes(method):
    """A failure of the database itself (locked, read-only, disk full) is a StoreError with one
    line; the transaction has been rolled back by then, so the file is as it was."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as e:
            raise StoreError(Msg("store.cannot_write", path=str(self.path), error=str(e))) from e
    return wrapper


class LibraryWriter:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.conn = schema.connect(self.path)
            v = schema.version(self.conn)
            if v is None:
                if self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise StoreError(Msg("store.no_version", path=str(self.path)))
                schema.create(self.conn)
            elif v != schema.SCHEMA_VERSION:
                raise StoreError(Msg("store.other_version", path=str(self.path), version=v, ours=schema.SCHEMA_VERSION))
        except Exception as e:  # sqlite3.DatabaseError: "file is not a database"
            if isinstance(e, StoreError):
                raise
            raise StoreError(Msg("store.cannot_open", path=str(self.path), error=str(e))) from e
        self.db = sqlite_utils.Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    # -- queries the importer needs -------------------------------------------------
    def issue_label(self, key: str) -> str | None:
        row = self.conn.execute("SELECT label FROM issues WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def has_document(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone() is not None

    @_writes
    def set_meta(self, key: str, value: str) -> None:
        with self.db.atomic():
            self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- writes ------------------------------------------------------------------
    @_writes
    def add_issue(self, issue: Issue, source_text: str, replace: bool = False) -> int:
        """Store an issue; returns how many documents were written."""
        existing = self.issue_label(issue.key)
        if existing and not replace:
            raise ImportRefused(Msg("refuse.issue_present", publication=issue.publication, label=existing))
        sha = sha256_text(source_text)
        with self.db.atomic():
            if existing:
                self._delete_issue(issue.key)
            self._add_source(sha, issue.source_name, "issue", source_text)
            issue_id = self.db["issues"].insert({
                "key": issue.key, "publication": issue.publication, "year": issue.year,
                "numbers": _json(list(issue.numbers)), "cumulative": _json(list(issue.cumulative)),
                "label": issue.label, "masthead": _json(asdict(issue.masthead)),
                "toc": _json([asdict(e) for e in issue.toc]), "warnings": _json(list(issue.warnings)),
                "dropped": _json([asdict(d) for d in issue.dropped]),
                "front_matter": _json([list(x) for x in issue.front_matter]),
                "source_sha256": sha, "source_name": issue.source_name,
            }).last_pk
            ids: list[int] = []
            for section in issue.sections:
                section_id = self.db["sections"].insert(
                    {"issue_id": issue_id, "name": section.name, "ord": section.order}).last_pk
                for n, doc in enumerate(section.documents):
                    self._add_document(doc, ids, issue_id=issue_id, section_id=section_id, ord=n)
            search_index.index_documents(self.conn, ids)
        return len(ids)

    @_writes
    def add_standalone(self, item: Standalone, source_text: str, replace: bool = False) -> int:
        doc = item.document
        if self.has_document(doc.key):
            if not replace:
                raise ImportRefused(Msg("refuse.document_present", title=doc.title, number=doc.doc_number or doc.key))
        sha = sha256_text(source_text)
        with self.db.atomic():
            if self.has_document(doc.key):
                self._delete_documents([self._doc_id(doc.key)])
            self._add_source(sha, item.source_name, "document", source_text)
            ids: list[int] = []
            self._add_document(doc, ids, extra={
                "warnings": _json(list(item.warnings)),
                "dropped": _json([asdict(d) for d in item.dropped]),
                "source_sha256": sha, "source_name": item.source_name,
            })
            search_index.index_documents(self.conn, ids)
        return len(ids)

    @_writes
    def remove_issue(self, key: str) -> bool:
        with self.db.atomic():
            return self._delete_issue(key)

    # -- internals ---------------------------------------------------------------
    def _doc_id(self, key: str) -> int:
        return self.conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()[0]

    def _add_source(self, sha: str, name: str, kind: str, text: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO sources(sha256, name, kind, text) VALUES (?, ?, ?, ?)",
                          (sha, name, kind, schema.compress_source(text)))

    def _add_document(self, doc: Document, ids: list[int], issue_id=None, section_id=None,
                      parent_id=None, role="main", ord=0, extra=None, parent_title=None) -> int:
        row = {
            "key": doc.key, "issue_id": issue_id, "section_id": section_id, "parent_id": parent_id,
            "role": role, "ord": ord, "kind": doc.kind, "title": doc.title, "title_fold": fold(doc.title),
            "doc_number": doc.doc_number, "doc_number_printed": doc.doc_number_printed, "code": doc.code,
            "issuer": doc.issuer, "addressees": doc.addressees, "signature": doc.signature,
            "date": doc.date, "date_printed": doc.date_printed, "page": doc.page, "author": doc.author,
            "explains": doc.explains, "fingerprint": doc.fingerprint, "line": doc.line,
        }
        row.update(extra or {})
        doc_id = self.db["documents"].insert(row).last_pk
        ids.append(doc_id)
        self.db["blocks"].insert_all(
            ({"doc_id": doc_id, "idx": i, "kind": b.kind, "level": b.level, "text": b.text, "line": b.line}
             for i, b in enumerate(doc.blocks)), batch_size=500)
        self.db["citations"].insert_all(
            ({"doc_id": doc_id, "ord": i, "kind": c.kind, "text": c.text, "target": c.target,
              "block": c.block, "start": c.start, "end": c.end} for i, c in enumerate(doc.citations)),
            batch_size=500)
        if role != "interpretation":        # a 解读 explains a text; it enacts nothing
            facts = status_facts(doc.title, [(i, b.kind, b.text) for i, b in enumerate(doc.blocks)],
                                 doc.doc_number, parent_title)
            if facts:                       # most texts say nothing: no row
                self.conn.execute("INSERT INTO status_facts(doc_id, own, facts) VALUES (?, ?, ?)",
                                  (doc_id, int(is_own(facts)), encode_facts(facts)))
        for n, a in enumerate(doc.attachments):
            self._add_document(a, ids, issue_id, section_id, doc_id, "attachment", n, parent_title=doc.title)
        for n, a in enumerate(doc.interpretations):
            self._add_document(a, ids, issue_id, section_id, doc_id, "interpretation", n, parent_title=doc.title)
        return doc_id

    def _delete_documents(self, top_ids: list[int]) -> None:
        ids = list(top_ids)
        frontier = list(top_ids)
        while frontier:  # children first found, all unindexed before rows vanish
            rows = self.conn.execute(
                f"SELECT id FROM documents WHERE parent_id IN ({','.join('?' * len(frontier))})", frontier).fetchall()
            frontier = [r[0] for r in rows]
            ids += frontier
        search_index.unindex_documents(self.conn, ids)
        self.conn.executemany("DELETE FROM documents WHERE id = ?", ((i,) for i in reversed(ids)))
        self._prune_sources()

    def _delete_issue(self, key: str) -> bool:
        row = self.conn.execute("SELECT id FROM issues WHERE key = ?", (key,)).fetchone()
        if not row:
            return False
        tops = [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE issue_id = ? AND parent_id IS NULL", (row[0],))]
        self._delete_documents(tops)
        self.conn.execute("DELETE FROM issues WHERE id = ?", (row[0],))
        self._prune_sources()
        return True

    def _prune_sources(self) -> None:
        self.conn.execute(
            "DELETE FROM sources WHERE sha256 NOT IN (SELECT source_sha256 FROM issues) "
            "AND sha256 NOT IN (SELECT source_sha256 FROM documents WHERE source_sha256 IS NOT NULL)")
