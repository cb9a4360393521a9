"""Library search: full text, 文号/code lookup, ranking, facets and snippets (Qt-free).

The engine has its own read-only connection rather than the Library's: the
window's connection is shared under a lock, so a search would stall the tree
and the reader while it runs, and interrupting it would interrupt them too.
SQLite lets readers run side by side, and Python's sqlite3 releases the GIL
while a statement runs, so a search in a worker thread leaves the GUI free.

One search: parse the query; match it in FTS5, with ``bm25`` only when a
term is specific (in at most 1/BM25_SHARE of the documents): FTS5 spends 2x
the match plus ~1.5 µs a row computing it, and for a broad term (的, 发展,
企业) BM25 says little (its idf tends to zero as a term nears half the
documents); such terms rank title hits first, then the newest; add the 文号/code
lookup, documents citing that 文号, and documents whose bookmark notes match;
filter and count facets in memory (``catalog``, ``facets``); rank; and read
the text of the displayed page only, for hit counts and snippets.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Callable

from ..errors import StoreError
from ..location import Location
from ..records import DocInfo
from ..blocks import CODE, DOC_NUMBER
from ..store import schema
from . import index
from .catalog import Catalog
from .facets import filter_and_count
from .query import Query, parse
from .ranking import Boosts
from .doctext import DocText
from .results import DocHit, Filters, SearchCancelled, SearchResults
from .snippets import document_hits, hit_spans
from .textmatch import Term, anchors, term

SMALL_LIBRARY = 1500     # documents: below this, bm25 is cheap enough for every query
BM25_SHARE = 6           # bm25 for terms in at most 1/6 of the documents (BM25 idf >= ~1.6)

Notes = Callable[[list[str]], set[str]]
Bookmarked = Callable[[], set[str]]


def _phrase(norm: str) -> str:
    return f'"{index.tokens(norm)}"'


class SearchEngine:
    """Search one content library. Safe to call from any thread (one search at a time).

    ``notes(terms)`` returns the keys of documents whose bookmark notes or quotes match
    the query's terms (as typed; ``index.normalize`` compares as the search does); they
    join the results. ``bookmarked()`` returns the keys of documents with a bookmark, for
    the "bookmarked" facet and filter. Both are called once per search, in its thread.
    """

    def __init__(self, db_path, *, notes: Notes | None = None, bookmarked: Bookmarked | None = None,
                 statuses: Callable[[], dict | None] | None = None):
        self.path = Path(db_path)
        self.notes = notes
        self.bookmarked = bookmarked
        # statuses(): {key: 时效 state} or None while unknown; the same dict until they change.
        self.statuses = statuses
        self._states: tuple = (None, None, None)     # (source dict, catalog, {id: state})
        if not self.path.exists():
            raise StoreError(f"找不到公报库：{self.path}")
        self._conn = schema.connect(self.path, readonly=True)
        # Keep the index in memory once read: searches touch the same pages again and again.
        self._conn.execute("PRAGMA cache_size = -65536")
        self._conn.execute("PRAGMA mmap_size = 268435456")
        self._lock = threading.RLock()
        self._catalog: Catalog | None = None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def warm_up(self) -> float:
        """Load what the first search needs (call it from a worker at start-up); returns ms."""
        t = time.perf_counter()
        with self._lock:
            self._current()
            term("预热")
        return (time.perf_counter() - t) * 1000

    def _current(self) -> Catalog:
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if self._catalog is None or self._catalog.data_version != version:
            self._catalog = Catalog(self._conn, version)    # first use, or the library changed
        return self._catalog

    # -- 文号 / code lookup ----------------------------------------------------------
    def lookup(self, text: str) -> list[DocInfo]:
        """The documents a 文号 or code names, in any printed form ("永政发[2022]6号",
        "永政发2022 6号", "YZCR-2022-00004"); [] when the text is not one. No full text."""
        q = parse(text)
        number = q.doc_number or q.code
        if not number:
            return []
        with self._lock:
            cat = self._current()
            return [cat.infos[i] for i in cat.by_number.get(number, ())]

    # -- search ------------------------------------------------------------------
    def search(self, query: str | Query, filters: Filters | None = None, limit: int = 50,
               cancel=None) -> SearchResults:
        """Raises SearchCancelled as soon as ``cancel.is_cancelled()`` is true."""
        started = time.perf_counter()
        q = query if isinstance(query, Query) else parse(query)

        def check():
            if cancel is not None and cancel.is_cancelled():
                raise SearchCancelled()

        with self._lock:
            check()
            if cancel is not None:     # also stop a long statement, not only between steps
                self._conn.set_progress_handler(lambda: 1 if cancel.is_cancelled() else 0, 1000)
            try:
                return self._search(q, filters or Filters(), limit, check, started)
            except sqlite3.OperationalError as e:
                if cancel is not None and cancel.is_cancelled():
                    raise SearchCancelled() from e
                raise
            finally:
                self._conn.set_progress_handler(None, 0)

    def _search(self, q: Query, filters: Filters, limit: int, check, started: float) -> SearchResults:
        cat = self._current()
        norms = _text_terms(q)
        terms = [term(n) for n in norms]
        exact = {i for n in (q.doc_number, q.code) if n for i in cat.by_number.get(n, ())}
        citing = self._citing(q.doc_number) if q.doc_number else {}
        check()
        found, scores = self._match(cat, norms, q.excluded_norms, bool(q.doc_number or q.code))
        check()
        matched = set(found) | exact | citing.keys() if exact or citing else found
        in_notes: set[int] = set()
        if self.notes and q.terms:
            in_notes = {cat.id_of[k] for k in self.notes(list(q.terms)) if k in cat.id_of}
            if q.excluded_norms and in_notes - matched:
                in_notes -= self._ids(" OR ".join(map(_phrase, q.excluded_norms)))
            matched = set(matched) | in_notes
        marked = None
        if self.bookmarked and matched:
            marked = {cat.id_of[k] for k in self.bookmarked() if k in cat.id_of}
        final, facets = filter_and_count(cat, matched, filters, marked, self._state_ids(cat))
        check()
        boosted = Boosts(scores, exact, cat.titles.hits(terms), in_notes)
        top = boosted.top(cat, final, limit)
        check()
        hits = self._hits(cat, top, terms, boosted, citing, q)
        return SearchResults(
            query=q.text, terms=(q.text.strip(),) if q.doc_number or q.code else q.terms,
            total=len(final), hits=tuple(hits), facets=facets,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            lookup=cat.info(min(exact, key=lambda i: cat.key[i])) if exact else None,
            excluded=q.excluded, matched=tuple(final), key_of=cat.key)

    def _state_ids(self, cat: Catalog) -> dict[int, str] | None:
        src = self.statuses() if self.statuses else None
        if src is None:
            return None
        if self._states[0] is not src or self._states[1] is not cat:
            self._states = (src, cat, {cat.id_of[k]: s for k, s in src.items() if k in cat.id_of})
        return self._states[2]

    def _match(self, cat: Catalog, norms: list[str], excluded: tuple[str, ...], number: bool = False):
        """Full-text matches: (ids, {id: bm25 relevance} or None when bm25 says nothing).
        A 文号 or code ranks by lookup and citation, so its text needs no bm25."""
        hidden = " OR ".join(map(_phrase, excluded))
        if not norms:
            return (set(cat.id_of.values()) - self._ids(hidden) if hidden else set()), None
        expr = " AND ".join(map(_phrase, norms))
        if hidden:
            expr = f"({expr}) NOT ({hidden})"
        informative = not number and (cat.count <= SMALL_LIBRARY or any(
            cat.phrase_df(index.tokens(n).split()) * BM25_SHARE <= cat.count for n in norms))
        if not informative:
            return self._ids(expr), None
        # bm25 is negative, lower is better; dict() takes the rows without a Python loop.
        scores = dict(self._conn.execute(
            "SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ?", (expr,)))
        return scores.keys(), scores

    def _ids(self, expr: str) -> set[int]:
        # One JSON array from SQLite parses in C: twice as fast as a Python row per match.
        (ids,) = self._conn.execute("SELECT json_group_array(rowid) FROM search_fts WHERE search_fts MATCH ?",
                                    (expr,)).fetchone()
        return set(json.loads(ids))

    def _citing(self, number: str) -> dict[int, list[tuple[int, int, int]]]:
        out: dict[int, list[tuple[int, int, int]]] = {}
        for doc_id, b, s, e in self._conn.execute(
                "SELECT doc_id, block, start, \"end\" FROM citations WHERE target = ? AND kind = 'doc_number'",
                (number,)):
            out.setdefault(doc_id, []).append((b, s, e))
        return out

    def _texts(self, cat: Catalog, ids: list[int], terms: list[Term], whole=frozenset()) -> dict[int, DocText]:
        """The text of these documents: from memory after warm-up; else read, and of each
        document only the blocks holding a character a hit needs (see ``anchors``), except
        for the documents in ``whole``."""
        if cat.texts is not None:
            return {i: cat.texts[i] for i in ids if i in cat.texts}
        if not ids:
            return {}
        must_hold = anchors(terms, lambda c: cat.df.get(index.token(c), 0)) if terms else None
        where = f"doc_id IN ({','.join('?' * len(ids))})"
        args = list(ids)
        if must_hold:
            where += " AND (" + " OR ".join(["instr(text, ?)"] * len(must_hold))
            args += must_hold
            if whole:
                where += f" OR doc_id IN ({','.join('?' * len(whole))})"
                args += list(whole)
            where += ")"
        # A JSON array per document: parsed in C, faster than a Python row per block.
        rows = self._conn.execute(
            "SELECT doc_id, json_group_array(json_array(idx, kind, text)) FROM "
            f"(SELECT doc_id, idx, kind, text FROM blocks WHERE {where} ORDER BY doc_id, idx) GROUP BY doc_id", args)
        return {doc_id: DocText.of_blocks(json.loads(blocks)) for doc_id, blocks in rows}

    def _hits(self, cat, top, terms, boosted, citing, q) -> list[DocHit]:
        """Counts and snippets of the displayed page only."""
        texts = self._texts(cat, top, terms, (boosted.exact | citing.keys()) & set(top))
        empty = DocText("", [], [], [])
        hits = []
        for i in top:
            doc = texts.get(i, empty)
            extra = list(citing.get(i, ()))
            if i in boosted.exact:
                own = DOC_NUMBER if q.doc_number else CODE
                extra += [(doc.indices[k], 0, doc.lengths[k]) for k, kind in enumerate(doc.kinds) if kind == own]
            count, snippets = document_hits(cat.key[i], doc, terms, extra)
            hits.append(DocHit(cat.info(i), boosted.score(i), count, snippets,
                               i in boosted.in_title, i in boosted.in_notes, i in boosted.exact))
        return hits

    # -- find in one document -----------------------------------------------------
    def find_in_document(self, doc_key: str, query: str | Query) -> list[Location]:
        """Every hit of the query's terms in one document, in reading order (Ctrl+F)."""
        q = query if isinstance(query, Query) else parse(query)
        with self._lock:
            cat = self._current()
            doc_id = cat.id_of.get(doc_key)
            if doc_id is None:
                return []
            doc = self._texts(cat, [doc_id], [], {doc_id}).get(doc_id) or DocText("", [], [], [])
            extra = self._citing(q.doc_number).get(doc_id, []) if q.doc_number else []
        for n, own in ((q.doc_number, DOC_NUMBER), (q.code, CODE)):
            if n and doc_id in cat.by_number.get(n, ()):
                extra += [(doc.indices[k], 0, doc.lengths[k]) for k, kind in enumerate(doc.kinds) if kind == own]
        out = []
        for s, e in hit_spans(doc, [term(n) for n in _text_terms(q)], extra):
            k, off = doc.locate(s)
            out.append(Location(doc_key, doc.indices[k], off, e - s))
        return out


def _text_terms(q: Query) -> list[str]:
    # A 文号 typed with spaces ("永政发2022 6号") is one thing, not two terms.
    if q.doc_number or q.code:
        whole = index.normalize(q.text)
        return [whole] if whole else []
    return list(q.norms)
