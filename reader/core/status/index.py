"""Status and relations for a whole library, cached per library version.

The facts of a document depend only on its text: they are read when it is stored
(``stored``; table ``status_facts``, most texts have none) and decoded here when
asked (the last few dozen texts' kept). The index resolves the texts they name;
when the library changes (an import, a removal), the targets that could name the
new texts are resolved again. Almost nothing of it is held in memory: rows are
read from the library when asked (the last few hundred kept); names and
fingerprints go to temporary tables of the index's own connection (on disk,
SQLite's default temp store); a resolved relation is a few ids. At 60,000
documents the window would otherwise hold ~100 MB for the rows and names and
~10 MB for the facts.
Statuses are computed on demand and remembered per text and day asked for.
Measured on the benchmark libraries: see the README.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading

from . import stored
from .compute import Inputs, compute
from .phrases import Fact
from .records import (AMENDS, BASED_ON, CONFIRMS, FORWARDS, INVERSE, REPEALS, REPLACES, UNKNOWN, DocStatus,
                      Evidence, Relation)
from .relations import DocRow, Resolver, replacements
from .single import add_own_fact, anchored_start

_FROM_OTHERS = ("repeal", "amend", "confirm")       # facts about another text's status
_FACT_KIND = {"repeal": REPEALS, "amend": AMENDS, "basis": BASED_ON, "forward": FORWARDS, "confirm": CONFIRMS}
# Rows are read when asked: the values many rows share (role, issuer, date) as one string each,
# the folded title as the title itself where equal.
_ROWS_SQL = ("SELECT id, key, parent_id, role, title, title_fold, doc_number, code, issuer, date, fingerprint "
             "FROM documents")
ROWS_KEPT = 256             # rows kept read (parents, targets, units looked at again and again)


def _row(r: tuple) -> DocRow:
    doc_id, key, parent, role, title, title_fold, number, code, issuer, date, fingerprint = r
    # Not interned: rows are read and let go (a few hundred kept), and the interpreter's table of
    # interned strings never shrinks (60,000 dates and issuers held it at ~1 MB).
    return DocRow(doc_id, key, parent, role, title, title if title_fold == title else title_fold,
                  number, code, issuer, date, hash(fingerprint))


class _Rows:
    """id → DocRow, read from the library when asked; the last ROWS_KEPT kept."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._kept: dict[int, DocRow] = {}

    def _keep(self, r: DocRow) -> DocRow:
        if len(self._kept) >= ROWS_KEPT:
            self._kept.clear()
        self._kept[r.id] = r
        return r

    def get(self, doc_id, default=None):
        r = self._kept.get(doc_id)
        if r is None:
            row = self.conn.execute(f"{_ROWS_SQL} WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return default
            r = self._keep(_row(row))
        return r

    def __getitem__(self, doc_id) -> DocRow:
        r = self.get(doc_id)
        if r is None:
            raise KeyError(doc_id)
        return r

    def __contains__(self, doc_id) -> bool:
        return self.get(doc_id) is not None

    def by_key(self, key: str) -> DocRow | None:
        row = self.conn.execute(f"{_ROWS_SQL} WHERE key = ?", (key,)).fetchone()
        return self._keep(_row(row)) if row else None

    def all(self, where: str = "", args=()):
        """Every row (or those ``where`` says), in id order, read as it goes and not kept."""
        for row in self.conn.execute(f"{_ROWS_SQL} {where} ORDER BY id", args):
            yield _row(row)

    def clear(self) -> None:
        self._kept.clear()


FACTS_KEPT = 64            # texts' facts kept decoded


class _Facts:
    """id → facts of the texts that state something, read from the library (``status_facts``,
    written when each text was stored), the last FACTS_KEPT decoded: 5,350 facts of 4,080 texts
    with their sentences would cost the window ~10 MB as objects at 60,000 documents."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._kept: dict[int, tuple[Fact, ...]] = {}

    def get(self, doc_id: int) -> tuple[Fact, ...]:
        got = self._kept.get(doc_id)
        if got is None:
            row = self.conn.execute("SELECT facts FROM status_facts WHERE doc_id = ?", (doc_id,)).fetchone()
            if row is None:
                return ()
            if len(self._kept) >= FACTS_KEPT:
                self._kept.clear()
            got = self._kept[doc_id] = stored.decode(row[0])
        return got

    def ids(self, own_only: bool = False) -> list[int]:
        return [i for (i,) in self.conn.execute(
            "SELECT doc_id FROM status_facts" + (" WHERE own" if own_only else "") + " ORDER BY doc_id")]

    def clear(self) -> None:
        """Forget what was decoded (the library changed)."""
        self._kept.clear()


class Cancelled(Exception):
    """A first build stopped on request."""


def today() -> str:
    return dt.date.today().isoformat()


class _Resolved:
    """A target of a fact, resolved (or not): ids only; the fact is read again when shown.
    Compared by identity: the same sentence may name the same text twice."""
    __slots__ = ("kind", "source", "fact_no", "target_index", "target")

    def __init__(self, kind: str, source: int, fact_no: int, target_index: int, target: int | None):
        self.kind, self.source, self.fact_no = kind, source, fact_no      # ids: rows are read when shown
        self.target_index, self.target = target_index, target


class StatusIndex:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn            # its own read-only connection: built off the window's thread
        conn.isolation_level = None     # writes go to its temporary tables only: transactions by hand
        # It reads every row once, then a few again and again: a small page cache is enough.
        conn.execute("PRAGMA cache_size = -512")
        conn.execute("PRAGMA temp.cache_size = -512")
        self._lock = threading.RLock()
        self._stamp = None
        self.rows = _Rows(conn)
        self.resolver = Resolver(conn, self.rows)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS status_seen (id INTEGER PRIMARY KEY, fingerprint TEXT)")
        self._facts = _Facts(conn)      # only texts that state something
        self._memo: dict[tuple[int | None, str], DocStatus] = {}     # (top id or None, day) → status
        self.outgoing: dict[int, list[_Resolved]] = {}
        self.incoming: dict[int, list[_Resolved]] = {}
        self._replaced = None
        self._relevant_units: set[int] | None = None
        self.last_refresh_ms = 0.0
        self.last_read_documents = 0

    # -- keeping up with the library -------------------------------------------------------
    def is_current(self) -> bool:
        """Never waits: while a worker is building, the answer is simply "not yet"."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            return self._stamp is not None and self._stamp == self._version()
        finally:
            self._lock.release()

    def _version(self):
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def refresh(self, cancel=None) -> None:
        """Bring the index up to the library's state (PRAGMA data_version moves with every write
        made through another connection: an import, a removal). ``cancel.is_cancelled()`` stops a
        first build (the window quitting), leaving the index empty, as before."""
        conn = self.conn
        with self._lock:
            stamp = self._version()
            if stamp == self._stamp and self._stamp is not None:
                return
            import time
            t0 = time.perf_counter()
            self.rows.clear()
            self._facts.clear()
            first = self._stamp is None
            if first:       # every document: no list of 60,000 ids (2 MB) to say so
                added, gone = [], []
                read = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            else:
                added = [i for (i,) in conn.execute(
                    "SELECT d.id FROM documents d LEFT JOIN temp.status_seen s ON s.id = d.id "
                    "WHERE s.fingerprint IS NOT d.fingerprint ORDER BY d.id")]
                gone = [i for (i,) in conn.execute(
                    "SELECT s.id FROM temp.status_seen s LEFT JOIN documents d ON d.id = s.id "
                    "WHERE d.fingerprint IS NOT s.fingerprint")]
                read = len(added)
            try:
                conn.execute("BEGIN")
                try:
                    if first:
                        self._build(cancel)
                    else:
                        self._update(gone, added)
                    conn.executemany("DELETE FROM temp.status_seen WHERE id = ?", ((i,) for i in gone))
                    conn.execute("INSERT OR REPLACE INTO temp.status_seen SELECT id, fingerprint FROM documents"
                                 + ("" if first else f" WHERE id IN ({','.join(map(str, added)) or 'NULL'})"))
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except BaseException:
                if first:
                    self._reset()
                raise
            self._memo.clear()
            self._replaced = replacements(self.rows.all("WHERE parent_id IS NULL AND role = 'main'"))
            self._relevant_units = None
            self._stamp = stamp
            self.last_read_documents = read
            self.last_refresh_ms = (time.perf_counter() - t0) * 1000

    def _reset(self) -> None:
        self.rows.clear()
        for table in (self._facts, self.outgoing, self.incoming, self._memo):
            table.clear()
        self.conn.execute("DELETE FROM temp.status_seen")
        self.resolver.clear()
        self._stamp = None

    def _build(self, cancel=None) -> None:
        self.resolver.add_all(_checking(self.rows.all(), cancel))
        for i in _checking(self._facts.ids(), cancel, 256):
            self._resolve(i)

    def _update(self, gone: list[int], added: list[int]) -> None:
        """Only what an import or a removal touches: the new texts' facts, and the texts that name them."""
        redo: set[int] = set()
        for i in gone:
            self.resolver.remove(i)
            self._unresolve(i)
            redo.update(item.source for item in self.incoming.pop(i, []))
        for i in added:                 # a text whose fingerprint changed is gone and added
            self.resolver.remove(i)
        new_rows = [self.rows[i] for i in added]
        self.resolver.add_all(new_rows)
        # Texts that named the new ones before they came (resolved elsewhere, or not at all).
        names = {k for r in new_rows for k in Resolver.lookup_keys(r)}
        for i, items in self.outgoing.items():
            if any(k in names for it in items for k in Resolver.target_keys(self._target(it))):
                redo.add(i)
        redo.update(added)
        for i in redo:
            if i in self.rows:
                self._unresolve(i)
                self._resolve(i)

    def _members(self, top: DocRow) -> list[int]:
        """The texts whose status is ``top``'s: itself and its attachments (not its 解读), by id."""
        below = [i for (i,) in self.conn.execute(
            "WITH RECURSIVE m(id) AS (SELECT id FROM documents WHERE parent_id = ? AND role != 'interpretation' "
            "UNION ALL SELECT d.id FROM documents d JOIN m ON d.parent_id = m.id WHERE d.role != 'interpretation') "
            "SELECT id FROM m", (top.id,))]
        members = ([top.id] if top.role != "interpretation" else []) + sorted(below)
        return members or [top.id]

    def _resolve(self, doc_id: int) -> None:
        src = self.rows[doc_id]
        items = []
        for fact_no, f in enumerate(self._facts.get(doc_id)):
            if f.kind not in _FACT_KIND:
                continue
            earlier = f.kind in _FROM_OTHERS
            for n, t in enumerate(f.targets):
                hit = self.resolver.resolve(t, src, earlier)
                item = _Resolved(sys.intern(f.kind), doc_id, fact_no, n, hit.id if hit is not None else None)
                items.append(item)
                if hit is not None:
                    self.incoming.setdefault(hit.id, []).append(item)
        if items:
            self.outgoing[doc_id] = items

    def _fact(self, item: _Resolved) -> Fact:
        return self._facts.get(item.source)[item.fact_no]

    def _target(self, item: _Resolved):
        return self._fact(item).targets[item.target_index]

    def _unresolve(self, doc_id: int) -> None:
        for item in self.outgoing.pop(doc_id, []):
            if item.target is not None:
                lst = self.incoming.get(item.target, [])
                if item in lst:
                    lst.remove(item)

    # -- answers ---------------------------------------------------------------------------
    def _date(self, r: DocRow) -> str | None:
        return self.resolver._date(r)

    def _unit_facts(self, top: DocRow):
        for i in self._members(top):
            facts = self._facts.get(i)
            if facts:
                r = self.rows[i]
                for f in facts:
                    yield r, f

    def _start_of(self, r: DocRow, f: Fact) -> str | None:
        return anchored_start(f, self._date(r))

    def _effective(self, source: DocRow) -> str:
        """A repeal or amendment takes effect on the 施行 date of the text that makes it."""
        top = self.resolver.top(source)
        starts = [self._start_of(r, f) for r, f in self._unit_facts(top) if f.kind == "start"]
        starts = [s for s in starts if s]
        return min(starts) if starts else (self._date(source) or "0000-00-00")

    def status(self, key: str, as_of: str | None = None) -> DocStatus | None:
        as_of = as_of or today()
        with self._lock:
            r = self.rows.by_key(key)
            return None if r is None else self._status_of(r, as_of)

    def _status_of(self, r: DocRow, as_of: str, memo_of: dict | None = None) -> DocStatus:
        if r.role == "interpretation":      # a 解读 holds as long as the text it explains
            parent = self.rows.get(r.parent_id) if r.parent_id is not None else None
            return self._status_of(parent, as_of, memo_of) if parent else self._unknown(as_of)
        top = self.resolver.top(r)
        if top.id not in self._relevant():
            return self._unknown(as_of)     # most texts: nothing said, nothing known
        # A text and its attachments share one status: remembered once per text and day.
        memo_of = self._memo if memo_of is None else memo_of
        memo = memo_of.get((top.id, as_of))
        if memo is None:
            memo = memo_of[(top.id, as_of)] = compute(self._inputs(top), as_of)
        return memo

    def _unknown(self, as_of: str) -> DocStatus:
        """状态不明 as of that day: one shared (frozen) record, not one per document."""
        memo = self._memo.get((None, as_of))
        if memo is None:
            memo = self._memo[(None, as_of)] = DocStatus(as_of, UNKNOWN)
        return memo

    def _relevant(self) -> set[int]:
        """The texts (by their top document) whose status anything is known about; the others are
        状态不明 without further ado. Worked out once per library version."""
        if self._relevant_units is None:
            top = self.resolver.top
            units = {top(self.rows[i]).id for i in self._facts.ids(own_only=True) if i in self.rows}
            units |= {top(self.rows[i]).id for i, items in self.incoming.items()
                      if i in self.rows and any(it.kind in _FROM_OTHERS for it in items)}
            self._relevant_units = units
        return self._relevant_units

    def _inputs(self, top: DocRow) -> Inputs:
        x = Inputs(date=self._date(top))
        for r, f in self._unit_facts(top):
            add_own_fact(x, f, r.key, self._date(r))
        for i in self._members(top):
            for item in self.incoming.get(i, []):
                f = self._fact(item)
                source = self.rows[item.source]
                ev = Evidence(f.kind, source.key, f.block, f.text)
                eff = self._effective(source)
                if f.kind == "repeal":
                    x.repeals.append((eff, ev))
                elif f.kind == "amend":
                    x.amends.append((eff, ev))
                elif f.kind == "confirm":
                    x.confirms.append((self._date(source) or "0000-00-00", ev))
        return x

    def relations(self, key: str) -> tuple[Relation, ...]:
        with self._lock:
            r = self.rows.by_key(key)
            if r is None:
                return ()
            out: list[Relation] = []
            for item in self.outgoing.get(r.id, []):
                f = self._fact(item)
                t = f.targets[item.target_index]
                target = self.rows[item.target] if item.target is not None else None
                out.append(Relation(_FACT_KIND[f.kind], t.label(), target.key if target else None,
                                    f.block, f.text, r.key, target.title if target else None))
            for item in self.incoming.get(r.id, []):
                f = self._fact(item)
                source = self.rows[item.source]
                out.append(Relation(INVERSE[_FACT_KIND[f.kind]], _label(source), source.key,
                                    f.block, f.text, source.key, source.title))
            for newer_id, older_id in self._replaced or ():
                if r.id == newer_id:
                    newer, older = r, self.rows[older_id]
                    out.append(Relation(REPLACES, _label(older), older.key, 0, newer.title, newer.key, older.title))
                elif r.id == older_id:
                    newer = self.rows[newer_id]
                    out.append(Relation(INVERSE[REPLACES], _label(newer), newer.key, 0, newer.title, newer.key,
                                        newer.title))
            seen, unique = set(), []
            for rel in out:     # a title and a sentence may say the same thing: show it once
                k = (rel.kind, rel.target, rel.resolves_to, rel.source_key)
                if k not in seen:
                    seen.add(k)
                    unique.append(rel)
            return tuple(unique)

    def statuses(self, as_of: str | None = None, known_only: bool = False) -> dict[str, DocStatus]:
        """Every document's status (the search facet, the benchmark, the dump); with ``known_only``
        only those that are not 状态不明 (most are; the window keeps those few): the members of
        the texts anything is known about and their 解读, not every document."""
        as_of = as_of or today()
        with self._lock:
            if not known_only:
                return {r.key: self._status_of(r, as_of) for r in self.rows.all()}
            out = {}
            memo: dict = {}     # the window keeps the states, not these records: not remembered
            for top_id in sorted(self._relevant()):
                top = self.rows.get(top_id)
                if top is None:
                    continue
                members = self._members(top)
                explained = [i for (i,) in self.conn.execute(
                    "WITH RECURSIVE e(id) AS (SELECT id FROM documents WHERE role = 'interpretation' AND parent_id IN "
                    f"({','.join(map(str, members))}) UNION ALL SELECT d.id FROM documents d JOIN e ON d.parent_id = "
                    "e.id WHERE d.role = 'interpretation') SELECT id FROM e")]
                for i in members + explained:
                    r = self.rows.get(i)
                    s = self._status_of(r, as_of, memo) if r is not None else None
                    if s is not None and s.state != UNKNOWN:
                        out[r.key] = s
            return out


def _label(r: DocRow) -> str:
    return f"《{r.title}》（{r.doc_number}）" if r.doc_number else f"《{r.title}》"


def _checking(rows, cancel, every: int = 1024):
    """``rows`` as they come, raising Cancelled once ``cancel.is_cancelled()`` (looked at every few)."""
    for n, r in enumerate(rows):
        if cancel is not None and n % every == 0 and cancel.is_cancelled():
            raise Cancelled()
        yield r
