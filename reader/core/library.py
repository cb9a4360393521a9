"""The one facade over a content library: typed reads for the window, the CLI and tests.

Reads use the standard library's sqlite3 only, so opening a library costs no
sqlite-utils import on the start-up path. The window's changes (import, removal) go
through here too; they open a ``LibraryWriter`` only when they happen.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from .errors import StoreError
from .blocks import Block
from .records import DocInfo, DocumentView, IssueDetail, IssueInfo, ResolvedCitation, SectionInfo, YearInfo
from .store import schema
from .store.queries import DOC_COLUMNS, DOC_FROM
from .messages import Msg


CITED_BY_FIRST = 20      # a document's facts list this many citing documents, then "more"
# The ids of the documents citing ``?`` (a key): each kind of citation found through the
# citations_target index, never a scan of every citation.
_CITING = """WITH t AS (SELECT id, doc_number, title_fold FROM documents WHERE key = ?),
citing AS (SELECT c.doc_id FROM citations c, t WHERE c.kind = 'doc_number' AND c.target = t.doc_number
                AND c.doc_id != t.id
           UNION SELECT c.doc_id FROM citations c, t WHERE c.kind = 'title' AND c.target = t.title_fold
                AND c.doc_id != t.id)"""


def _int_list(text: str) -> tuple[int, ...]:
    """A JSON list of integers ("[5,6]"), read without importing json at start-up."""
    return tuple(int(x) for x in text.strip("[] ").split(",") if x.strip())


def _json_tuple(text: str | None) -> tuple:
    if not text:
        return ()
    import json
    return tuple(json.loads(text))


def _info(row) -> DocInfo:
    return DocInfo(*row)


class Library:
    def __init__(self, path: str | Path, readonly: bool = True):
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(Msg("store.not_found", path=str(self.path)))
        try:
            self.conn = schema.connect(self.path, readonly=readonly)
            v = schema.version(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(Msg("store.cannot_open", path=str(self.path), error=str(e))) from e
        if v != schema.SCHEMA_VERSION:
            raise StoreError(Msg("store.unreadable_version", path=str(self.path), version=v))
        # One connection shared by the GUI thread and search workers.
        self._lock = threading.RLock()
        self._issues: tuple[int, list[IssueInfo]] | None = None
        self._status = None     # reader.core.status.index.StatusIndex, built on first use (never at start-up)
        self._status_lock = threading.Lock()

    def close(self) -> None:
        self.conn.close()
        if self._status is not None:
            self._status.conn.close()

    def _all(self, sql: str, args=()):
        with self._lock:
            return self.conn.execute(sql, args).fetchall()

    def _one(self, sql: str, args=()):
        with self._lock:
            return self.conn.execute(sql, args).fetchone()

    def meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def fingerprints(self, keys) -> dict[str, str]:
        """The current fingerprint of each of ``keys`` that is in the library (bookmark checks)."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, str] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(self._all(f"SELECT key, fingerprint FROM documents WHERE key IN ({marks})", chunk))
        return out

    def data_version(self) -> int:
        """Changes when another connection (another process) wrote to the file."""
        return self._one("PRAGMA data_version")[0]

    # -- changes: one transaction each, through the store's writer -----------------------
    def check_writable(self) -> None:
        """StoreError (one line) unless imports and removals can be written to this library."""
        import os
        from .store.writer import LibraryWriter
        LibraryWriter(self.path).close()
        if not (os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)):
            raise StoreError(Msg("store.read_only", path=str(self.path)))

    def store_import(self, parsed, replace: bool = False) -> int:
        """Store a parsed file (``importer.parse_file``); returns the documents written.
        Safe from a worker thread: the writer has its own connection."""
        from .importer import store
        from .store.writer import LibraryWriter
        writer = LibraryWriter(self.path)
        try:
            return store(writer, parsed, replace=replace)
        finally:
            writer.close()

    def remove_issue(self, key: str) -> bool:
        from .store.writer import LibraryWriter
        writer = LibraryWriter(self.path)
        try:
            return writer.remove_issue(key)
        finally:
            writer.close()

    # -- the tree --------------------------------------------------------------
    def issues(self) -> list[IssueInfo]:
        """Newest first. Read again only when the file changed (an import or a removal)."""
        version = self._one("PRAGMA data_version")[0]
        if self._issues is not None and self._issues[0] == version:
            return list(self._issues[1])
        infos = self._issue_infos("")
        self._issues = (version, infos)
        return list(infos)

    def years(self) -> list[YearInfo]:
        """The years the issues belong to (their own ``year``), newest first, with how many issues
        each has: the tree's top level, from the narrow issues_tree index (~1 ms at 2,400 issues)."""
        return [YearInfo(*r) for r in self._all("SELECT year, count(*) FROM issues GROUP BY year ORDER BY year DESC")]

    def issues_of_year(self, year: int) -> list[IssueInfo]:
        """One year's issues, in the order of ``issues()``: a year of the tree, read when opened."""
        return self._issue_infos("WHERE i.year = ?", (year,))

    def issue_year(self, key: str) -> int | None:
        row = self._one("SELECT year FROM issues WHERE key = ?", (key,))
        return row[0] if row else None

    def _issue_infos(self, where: str, args=()) -> list[IssueInfo]:
        rows = self._all(
            "SELECT i.key, i.publication, i.year, i.numbers, i.cumulative, i.label, "
            "(SELECT count(*) FROM documents d WHERE d.issue_id = i.id AND d.parent_id IS NULL) "
            f"FROM issues i {where}", args)
        infos = [IssueInfo(r[0], r[1], r[2], _int_list(r[3]), _int_list(r[4]), r[5], r[6]) for r in rows]
        infos.sort(key=lambda x: (x.year, x.numbers, x.publication), reverse=True)
        return infos

    def _newest_first(self):
        """The issues newest first, a year at a time: the older years read only if needed."""
        for y in self.years():
            yield from self.issues_of_year(y.year)

    def issue(self, key: str) -> IssueDetail | None:
        import json
        row = self._one("SELECT masthead, warnings, dropped, toc, source_name FROM issues WHERE key = ?", (key,))
        if not row:
            return None
        from .model import Masthead
        info = self._issue_infos("WHERE i.key = ?", (key,))[0]     # one row, not all 2,400
        m = json.loads(row[0])
        masthead = Masthead(**{k: tuple(tuple(x) if isinstance(x, list) else x for x in v) if isinstance(v, list) else v
                               for k, v in m.items()})
        return IssueDetail(info, masthead, tuple(json.loads(row[1])), tuple(json.loads(row[2])),
                           tuple(json.loads(row[3])), row[4])

    def sections(self, issue_key: str) -> list[SectionInfo]:
        rows = self._all(
            "SELECT s.id, i.key, s.name, s.ord, "
            "(SELECT count(*) FROM documents d WHERE d.section_id = s.id AND d.parent_id IS NULL) "
            "FROM sections s JOIN issues i ON i.id = s.issue_id WHERE i.key = ? ORDER BY s.ord", (issue_key,))
        return [SectionInfo(*r) for r in rows]

    def section_documents(self, section_id: int) -> list[DocInfo]:
        rows = self._all(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} "
                         "WHERE d.section_id = ? AND d.parent_id IS NULL ORDER BY d.ord", (section_id,))
        return [_info(r) for r in rows]

    def children(self, key: str) -> list[DocInfo]:
        """Attached texts, then interpretations, in print order."""
        rows = self._all(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE p.key = ? "
                         "ORDER BY d.role = 'interpretation', d.ord", (key,))
        return [_info(r) for r in rows]

    def standalone_documents(self) -> list[DocInfo]:
        rows = self._all(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} "
                         "WHERE d.issue_id IS NULL AND +d.parent_id IS NULL ORDER BY d.date DESC, d.key")   # +: use the issue index
        return [_info(r) for r in rows]

    def standalone_count(self) -> int:
        return self._one("SELECT count(*) FROM documents WHERE issue_id IS NULL AND +parent_id IS NULL")[0]

    def info(self, key: str) -> DocInfo | None:
        row = self._one(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE d.key = ?", (key,))
        return _info(row) if row else None

    def first_policy_with_interpretation(self) -> DocInfo | None:
        """The first policy, in 目录 order, of the newest issue that has one with a 解读."""
        has_interp = "EXISTS (SELECT 1 FROM documents c WHERE c.parent_id = d.id AND c.role = 'interpretation')"
        for issue in self._newest_first():
            row = self._one(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE i.key = ? AND d.parent_id IS NULL "
                            f"AND {has_interp} ORDER BY s.ord, d.ord LIMIT 1", (issue.key,))
            if row:
                return _info(row)
        row = self._one(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE d.issue_id IS NULL AND d.parent_id IS NULL "
                        f"AND {has_interp} ORDER BY d.date DESC LIMIT 1")
        return _info(row) if row else None

    def counts(self) -> dict[str, int]:
        row = self._one("SELECT (SELECT count(*) FROM issues), (SELECT count(*) FROM documents), "
                        "(SELECT count(*) FROM documents WHERE role = 'interpretation'), "
                        "(SELECT count(*) FROM blocks)")
        return {"issues": row[0], "documents": row[1], "interpretations": row[2], "blocks": row[3]}

    # -- one document ----------------------------------------------------------
    def blocks(self, key: str) -> tuple[Block, ...]:
        rows = self._all("SELECT b.kind, b.text, b.level, b.line FROM blocks b JOIN documents d ON d.id = b.doc_id "
                         "WHERE d.key = ? ORDER BY b.idx", (key,))
        return tuple(Block(*r) for r in rows)

    def document(self, key: str) -> DocumentView | None:
        row = self._one(
            "SELECT d.id, d.doc_number_printed, d.addressees, d.signature, d.date_printed, d.author, "
            "d.explains, d.fingerprint, i.publication, i.label, d.warnings FROM documents d "
            "LEFT JOIN issues i ON i.id = d.issue_id WHERE d.key = ?", (key,))
        if not row:
            return None
        doc_id = row[0]
        info = self.info(key)
        kids = self.children(key)
        parent = self.info(info.parent_key) if info.parent_key else None
        return DocumentView(
            info=info, blocks=self.blocks(key), doc_number_printed=row[1], addressees=row[2],
            signature=row[3], date_printed=row[4], author=row[5], explains=row[6], fingerprint=row[7],
            publication=row[8], issue_label=row[9], parent=parent,
            attachments=tuple(k for k in kids if k.role == "attachment"),
            interpretations=tuple(k for k in kids if k.role == "interpretation"),
            citations=self._citations(doc_id, key), cited_by=self.cited_by(key, CITED_BY_FIRST),
            warnings=_json_tuple(row[10]), cited_by_total=self.cited_by_count(key),
        )

    def _citations(self, doc_id: int, key: str) -> tuple[ResolvedCitation, ...]:
        rows = self._all(
            'SELECT c.kind, c.text, c.target, c.block, c.start, c."end", '
            "(SELECT t.key FROM documents t WHERE t.key != ? AND "
            "  ((c.kind = 'doc_number' AND t.doc_number = c.target) OR (c.kind = 'title' AND t.title_fold = c.target)) "
            "  ORDER BY t.parent_id IS NOT NULL, t.id LIMIT 1) "
            "FROM citations c WHERE c.doc_id = ? ORDER BY c.ord", (key, doc_id))
        out = []
        for r in rows:
            target_title = None
            if r[6]:
                t = self._one("SELECT title FROM documents WHERE key = ?", (r[6],))
                target_title = t[0] if t else None
            out.append(ResolvedCitation(*r, target_title))
        return tuple(out)

    def cited_by(self, key: str, limit: int = -1) -> tuple[DocInfo, ...]:
        """The documents citing this one (by 文号 or 《title》), oldest first; ``limit`` of them."""
        rows = self._all(f"{_CITING} SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE d.id IN citing "
                         "ORDER BY d.id LIMIT ?", (key, limit))
        return tuple(_info(r) for r in rows)

    def cited_by_count(self, key: str) -> int:
        return self._one(f"{_CITING} SELECT count(*) FROM citing", (key,))[0]

    def find_by_number(self, normal: str) -> list[DocInfo]:
        rows = self._all(f"SELECT {DOC_COLUMNS} FROM {DOC_FROM} WHERE d.doc_number = ? OR d.code = ?",
                         (normal, normal))
        return [_info(r) for r in rows]

    # -- status and relations (is it still in force?) ------------------------------
    def status_index(self, cancel=None):
        """The statuses of this library, brought up to date with it (the first call reads every
        document: ~1 s for 6,000). It has its own connection, so a worker can build it while the
        window keeps reading through this one."""
        from .status.index import StatusIndex
        with self._status_lock:
            if self._status is None:
                self._status = StatusIndex(schema.connect(self.path, readonly=True))
        self._status.refresh(cancel)
        return self._status

    def status_ready(self) -> bool:
        """Is the status index built and current (so that asking costs no reading)?"""
        return self._status is not None and self._status.is_current()

    def status(self, key: str, as_of: str | None = None):
        """A DocStatus (state, since, until, evidence, warnings) as of ``as_of`` (ISO date; today by default)."""
        return self.status_index().status(key, as_of)

    def relations(self, key: str):
        """Relations both ways (废止/被废止, 修改/被修改, 依据, 转发/被转发, 替代 …) as Relation records."""
        return self.status_index().relations(key)

    def statuses(self, as_of: str | None = None, known_only: bool = False) -> dict:
        """Every document's DocStatus as of a day, by key (``known_only``: leaving out 状态不明)."""
        return self.status_index().statuses(as_of, known_only)

    # -- export ----------------------------------------------------------------
    def dump(self, as_of: str | None = None) -> dict:
        """The whole library as plain data (the ``dump`` command's JSON); statuses as of ``as_of``."""
        as_of = as_of or _today()
        issues = []
        for info in sorted(self.issues(), key=lambda x: (x.year, x.numbers)):
            detail = self.issue(info.key)
            sections = []
            for s in self.sections(info.key):
                sections.append({"name": s.name, "order": s.order,
                                 "documents": [self._dump_doc(d.key, as_of) for d in self.section_documents(s.id)]})
            issues.append({
                "key": info.key, "publication": info.publication, "year": info.year,
                "numbers": list(info.numbers), "cumulative": list(info.cumulative), "label": info.label,
                "masthead": _masthead_dict(detail.masthead), "toc": list(detail.toc),
                "sections": sections, "warnings": list(detail.warnings), "dropped": list(detail.dropped),
                "source": detail.source_name,
            })
        docs = [self._dump_doc(d.key, as_of) for d in sorted(self.standalone_documents(), key=lambda d: d.key)]
        return {"schema_version": schema.SCHEMA_VERSION, "issues": issues, "documents": docs}

    def _dump_doc(self, key: str, as_of: str | None = None) -> dict:
        v = self.document(key)
        i = v.info
        out = {
            "key": i.key, "kind": i.kind, "title": i.title, "doc_number": i.doc_number,
            "doc_number_printed": v.doc_number_printed, "code": i.code, "issuer": i.issuer,
            "addressees": v.addressees, "signature": v.signature, "date": i.date,
            "date_printed": v.date_printed, "page": i.page,
            "blocks": [{"kind": b.kind, **_dump_body(b)}
                       for b in v.blocks],
            "attachments": [self._dump_doc(a.key, as_of) for a in v.attachments],
            "interpretations": [self._dump_doc(a.key, as_of) for a in v.interpretations],
            "citations": [{"kind": c.kind, "text": c.text, "target": c.target, "block": c.block,
                           "resolves_to": c.target_key} for c in v.citations],
            "fingerprint": v.fingerprint,
            "status": self.status(key, as_of).as_dict(),
            "relations": [r.as_dict() for r in self.relations(key)],
        }
        if i.kind == "interpretation":
            out["author"] = v.author
            out["explains"] = v.explains
        if v.warnings:
            out["warnings"] = list(v.warnings)
        if v.parent is None and not v.issue_label:
            # A single document's dropped furniture, every line with its reason.
            dropped = _json_tuple(self._one("SELECT dropped FROM documents WHERE key = ?", (key,))[0])
            if dropped:
                out["dropped"] = list(dropped)
        return out


def _today() -> str:
    import datetime
    return datetime.date.today().isoformat()


def _masthead_dict(m) -> dict:
    return {
        "supervisor": m.supervisor, "sponsor": m.sponsor, "board": [list(x) for x in m.board],
        "contacts": [list(x) for x in m.contacts], "distribution": list(m.distribution),
        "motto": m.motto, "editor": m.editor,
    }


def _dump_body(b: Block) -> dict:
    """A block in the dump: a table as its rows of cells, any other block as its text (and level)."""
    if b.kind == "table":
        return {"rows": b.rows}
    return {"text": b.text, **({"level": b.level} if b.level else {})}
