"""Status and relations for a whole library, cached per library version.

Nothing is stored in the content file: the facts of a document depend only on its
text, so they are read once per document (keyed by its fingerprint) and kept in
memory; when the library changes (an import, a removal), only the new documents
are read, then targets are resolved again over all facts (dictionary lookups).
Statuses are computed on demand and remembered per day asked for.
Measured on the 240-issue benchmark library: see the README.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import threading
from dataclasses import dataclass

from . import phrases
from .compute import Inputs, compute
from .phrases import Fact
from .records import (AMENDS, BASED_ON, CONFIRMS, FORWARDS, INVERSE, REPEALS, REPLACES, UNKNOWN, DocStatus,
                      Evidence, Relation)
from .relations import DocRow, Resolver, replacements
from .single import add_own_fact, anchored_start

_OWN = ("start", "until", "period")                 # facts that make a text's own status
_FROM_OTHERS = ("repeal", "amend", "confirm")       # facts about another text's status
_FACT_KIND = {"repeal": REPEALS, "amend": AMENDS, "basis": BASED_ON, "forward": FORWARDS, "confirm": CONFIRMS}
# A row is kept for every document (60,000 at the benchmark's largest): its fingerprint as a
# 64-bit hash (a change of text changes it), the values many rows
# share (role, issuer, date) as one string each, the folded title as the title itself where equal.
_ROWS_SQL = ("SELECT id, key, parent_id, role, title, title_fold, doc_number, code, issuer, date, fingerprint "
             "FROM documents")
_KEYWORD_SQL = " OR ".join(f"instr(b.text, '{w}') > 0" for w in phrases.KEYWORDS)


def _stamp(fingerprint: str | None) -> int:
    return hash(fingerprint)        # 64 bits, the same for the same text within this process


def _row(r: tuple) -> DocRow:
    doc_id, key, parent, role, title, title_fold, number, code, issuer, date, fingerprint = r
    intern = sys.intern
    return DocRow(doc_id, key, parent, intern(role), title, title if title_fold == title else title_fold,
                  number, code, intern(issuer) if issuer else issuer, intern(date) if date else date,
                  _stamp(fingerprint))


class Cancelled(Exception):
    """A first build stopped on request."""


def today() -> str:
    return dt.date.today().isoformat()


@dataclass(eq=False)      # identity: the same sentence may name the same text twice
class _Resolved:
    fact: Fact
    source: DocRow
    target_index: int
    target: DocRow | None


class StatusIndex:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn            # its own read-only connection: built off the window's thread
        self._lock = threading.RLock()
        self._stamp = None
        self.rows: dict[int, DocRow] = {}
        self.by_key: dict[str, DocRow] = {}
        self._facts: dict[int, tuple[str, tuple[Fact, ...]]] = {}
        self._memo: dict[tuple[int | None, str], DocStatus] = {}     # (top id or None, day) → status
        self.outgoing: dict[int, list[_Resolved]] = {}
        self.incoming: dict[int, list[_Resolved]] = {}
        self.units: dict[int, list[int]] = {}
        self._waiting: dict[str, set[int]] = {}      # lookup key → texts naming it (resolved or not)
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
            now = {i: _stamp(fp) for i, fp in conn.execute("SELECT id, fingerprint FROM documents")}
            gone = [self.rows[i] for i in self.rows if now.get(i) != self.rows[i].fingerprint]
            added_ids = [i for i, fp in now.items() if i not in self.rows or self.rows[i].fingerprint != fp]
            del now
            added: list[DocRow] = []
            for chunk in _chunks(added_ids, 500):
                added += [_row(r) for r in conn.execute(
                    f"{_ROWS_SQL} WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
            if self._stamp is None:
                try:
                    self._build(conn, added, cancel)
                except BaseException:
                    self._reset()
                    raise
            else:
                self._update(conn, gone, added)
            self._memo.clear()
            self._replaced = None
            self._relevant_units = None
            self._stamp = stamp
            self.last_read_documents = len(added)
            self.last_refresh_ms = (time.perf_counter() - t0) * 1000

    def _reset(self) -> None:
        self.rows.clear()
        self.by_key = {}
        for table in (self._facts, self.outgoing, self.incoming, self.units, self._waiting, self._memo):
            table.clear()
        self._stamp = None

    def _build(self, conn, added: list[DocRow], cancel=None) -> None:
        self.rows.update((r.id, r) for r in added)
        self.by_key = {r.key: r for r in self.rows.values()}
        self.resolver = Resolver(self.rows)
        self._read_facts(conn, [r.id for r in added], cancel)
        for r in added:
            self._resolve(r.id)
        self.units = {}
        for r in added:
            self._unit_add(r)

    def _update(self, conn, gone: list[DocRow], added: list[DocRow]) -> None:
        """Only what an import or a removal touches: the new texts' facts, and the texts that name them."""
        redo: set[int] = set()
        for r in gone:
            self.resolver.remove(r)
            self._unresolve(r.id)
            redo.update(item.source.id for item in self.incoming.pop(r.id, []))
            self._unit_remove(r)
            del self.rows[r.id]
            self.by_key.pop(r.key, None)
            self._facts.pop(r.id, None)
        for r in added:
            self.rows[r.id] = r
            self.by_key[r.key] = r
            self.resolver.add(r)
        for r in added:
            self._unit_add(r)
            for k in Resolver.lookup_keys(r):      # texts that named it before it came
                redo.update(self._waiting.get(k, ()))
        self._read_facts(conn, [r.id for r in added])
        redo.update(r.id for r in added)
        for i in redo:
            if i in self.rows:
                self._unresolve(i)
                self._resolve(i)

    def _unit_add(self, r: DocRow) -> None:
        if r.role != "interpretation":
            self.units.setdefault(self.resolver.top(r).id, []).append(r.id)

    def _unit_remove(self, r: DocRow) -> None:
        for members in self.units.values():
            if r.id in members:
                members.remove(r.id)
        self.units.pop(r.id, None)

    def _resolve(self, doc_id: int) -> None:
        src = self.rows[doc_id]
        items = []
        for f in self._facts.get(doc_id, ("", ()))[1]:
            if f.kind not in _FACT_KIND:
                continue
            earlier = f.kind in ("repeal", "amend", "confirm")
            for n, t in enumerate(f.targets):
                for k in Resolver.target_keys(t):
                    self._waiting.setdefault(k, set()).add(doc_id)
                hit = self.resolver.resolve(t, src, earlier)
                item = _Resolved(f, src, n, hit)
                items.append(item)
                if hit is not None:
                    self.incoming.setdefault(hit.id, []).append(item)
        if items:
            self.outgoing[doc_id] = items

    def _unresolve(self, doc_id: int) -> None:
        for item in self.outgoing.pop(doc_id, []):
            if item.target is not None:
                lst = self.incoming.get(item.target.id, [])
                if item in lst:
                    lst.remove(item)

    def _read_facts(self, conn: sqlite3.Connection, ids: list[int], cancel=None) -> None:
        if not ids:
            return
        whole = {i for i in ids if phrases.list_title(self.rows[i].title)}
        texts: dict[int, list[tuple[int, str, str]]] = {i: [] for i in ids}
        everything = len(ids) > len(self.rows) // 2
        # A cheap filter in SQL: only blocks holding a keyword (and every block of a list) reach the regexes.
        for chunk in (_chunks(ids, 500) if not everything else [None]):
            where = "" if chunk is None else f"b.doc_id IN ({','.join('?' * len(chunk))}) AND "
            sql = (f"SELECT b.doc_id, b.idx, b.kind, b.text FROM blocks b WHERE {where}"
                   f"(({_KEYWORD_SQL}) OR b.doc_id IN ({','.join(str(i) for i in whole) or 'NULL'})) "
                   "ORDER BY b.doc_id, b.idx")
            for n, (doc_id, idx, kind, text) in enumerate(conn.execute(sql, chunk or ())):
                if cancel is not None and n % 2048 == 0 and cancel.is_cancelled():
                    raise Cancelled()
                if doc_id in texts:
                    texts[doc_id].append((idx, kind, text))
        for n, i in enumerate(ids):
            if cancel is not None and n % 256 == 0 and cancel.is_cancelled():
                raise Cancelled()
            r = self.rows[i]
            self._facts.pop(i, None)
            if r.role == "interpretation":      # a 解读 explains a text; it enacts nothing
                continue
            parent = self.rows.get(r.parent_id)
            in_repeal = bool(parent and phrases.is_repeal_notice(parent.title))
            facts = phrases.read(r.title, texts.pop(i), r.doc_number, in_repeal)
            if facts:                           # most texts say nothing: no entry for them
                self._facts[i] = (r.fingerprint, facts)

    # -- answers ---------------------------------------------------------------------------
    def _date(self, r: DocRow) -> str | None:
        return self.resolver._date(r)

    def _unit_facts(self, top: DocRow):
        for i in self.units.get(top.id, [top.id]):
            r = self.rows[i]
            for f in self._facts.get(i, ("", ()))[1]:
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
            r = self.by_key.get(key)
            if r is None:
                return None
            if r.role == "interpretation":      # a 解读 holds as long as the text it explains
                parent = self.rows.get(r.parent_id)
                return self.status(parent.key, as_of) if parent else self._unknown(as_of)
            top = self.resolver.top(r)
            if top.id not in self._relevant():
                return self._unknown(as_of)     # most texts: nothing said, nothing known
            # A text and its attachments share one status: remembered once per text and day.
            memo = self._memo.get((top.id, as_of))
            if memo is None:
                memo = self._memo[(top.id, as_of)] = compute(self._inputs(top), as_of)
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
            units = {top(self.rows[i]).id for i, (_fp, facts) in self._facts.items()
                     if i in self.rows and any(f.kind in _OWN for f in facts)}
            units |= {top(self.rows[i]).id for i, items in self.incoming.items()
                      if i in self.rows and any(it.fact.kind in _FROM_OTHERS for it in items)}
            self._relevant_units = units
        return self._relevant_units

    def _inputs(self, top: DocRow) -> Inputs:
        x = Inputs(date=self._date(top))
        for r, f in self._unit_facts(top):
            add_own_fact(x, f, r.key, self._date(r))
        for i in self.units.get(top.id, [top.id]):
            for item in self.incoming.get(i, []):
                f = item.fact
                ev = Evidence(f.kind, item.source.key, f.block, f.text)
                eff = self._effective(item.source)
                if f.kind == "repeal":
                    x.repeals.append((eff, ev))
                elif f.kind == "amend":
                    x.amends.append((eff, ev))
                elif f.kind == "confirm":
                    x.confirms.append((self._date(item.source) or "0000-00-00", ev))
        return x

    def relations(self, key: str) -> tuple[Relation, ...]:
        with self._lock:
            r = self.by_key.get(key)
            if r is None:
                return ()
            out: list[Relation] = []
            for item in self.outgoing.get(r.id, []):
                t = item.fact.targets[item.target_index]
                out.append(Relation(_FACT_KIND[item.fact.kind], t.label(), item.target.key if item.target else None,
                                    item.fact.block, item.fact.text, r.key,
                                    item.target.title if item.target else None))
            for item in self.incoming.get(r.id, []):
                out.append(Relation(INVERSE[_FACT_KIND[item.fact.kind]], _label(item.source), item.source.key,
                                    item.fact.block, item.fact.text, item.source.key, item.source.title))
            if self._replaced is None:
                self._replaced = replacements(self.rows)
            for newer, older in self._replaced:
                if r.id == newer.id:
                    out.append(Relation(REPLACES, _label(older), older.key, 0, newer.title, newer.key, older.title))
                elif r.id == older.id:
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
        """Every document's status (the tree's marks, the search facet, the benchmark); with
        ``known_only`` only those that are not 状态不明 (most are: the window keeps those few)."""
        as_of = as_of or today()
        with self._lock:
            if not known_only:
                return {k: self.status(k, as_of) for k in self.by_key}
            out = {}
            for k in self.by_key:
                s = self.status(k, as_of)
                if s.state != UNKNOWN:
                    out[k] = s
            return out


def _label(r: DocRow) -> str:
    return f"《{r.title}》（{r.doc_number}）" if r.doc_number else f"《{r.title}》"


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]
