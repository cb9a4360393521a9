"""Library search: full text, 文号/code lookup, ranking, facets and snippets (Qt-free).

The engine has its own read-only connection rather than the Library's: the
window's connection is shared under a lock, so a search would stall the tree
and the reader while it runs, and interrupting it would interrupt them too.
SQLite lets readers run side by side, and Python's sqlite3 releases the GIL
while a statement runs, so a search in a worker thread leaves the GUI free.

One search: parse the query; match each term in the cheapest exact index
(``index.phrase_in``: trigram for 3+ characters, per character for 1-2),
intersected in SQLite, with ``bm25`` only when a term is specific (in at most 1/BM25_SHARE of the documents)
and at most BM25_MOST documents match: FTS5 spends 2x the match plus ~1 µs a
row computing it, and for a broad term (的, 发展, 企业) BM25 says little (its
idf tends to zero as a term nears half the documents); other queries rank
title hits first, then the newest; add the 文号/code
lookup, documents citing that 文号, and documents whose bookmark notes match;
rank the displayed page and read the text of its first screen only (a bounded
cache of recent documents), for hit counts and snippets (the page's other rows
read theirs when the results view shows them); hand that page on (``on_page``)
before the total is counted, and the facets when first asked for (in memory:
``catalog``, ``facets``; the window asks in its worker once it has the total).
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from functools import partial
from pathlib import Path
from typing import Callable

from ..errors import StoreError
from ..location import Location
from ..records import DocInfo
from ..blocks import CODE, DOC_NUMBER
from ..store import schema
from . import charmap, index
from .catalog import Catalog
from .facets import Counting
from .query import Query, parse
from .ranking import Boosts
from .doctext import DocText, RecentTexts
from .results import DocHit, Filters, SearchCancelled, SearchResults
from .snippets import document_hits, hit_spans
from .titles import title_hits
from .textmatch import Term, term
from ..messages import Msg

SMALL_LIBRARY = 1500     # documents: below this, bm25 is cheap enough for every query
BM25_SHARE = 6           # bm25 for terms in at most 1/6 of the documents (BM25 idf >= ~1.6)
BM25_MOST = 200          # and for at most this many matches: bm25 costs ~1 µs a row and a second pass of the match

NO_FILTERS = Filters()
# The hits the window lists at first; the benchmark times this same call (what a user waits for).
RESULTS_PAGE = 100
# The rows a search reads counts and snippets for (a screenful of the results list); the view
# asks for the others a screen at a time as it scrolls (``DocHit.details``, ``_Later``).
FIRST_SCREEN = 25
EMPTY_TEXT = DocText("", [], [], [])
Notes = Callable[[list[str]], set[str]]
Bookmarked = Callable[[], set[str]]


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
            raise StoreError(Msg("store.not_found", path=str(self.path)))
        self._conn = schema.connect(self.path, readonly=True)
        # A bounded page cache (16 MB) for the pages searches touch again and again; no mmap:
        # mapped pages count in the window's memory (up to the whole file), and reads are
        # no slower through the operating system's cache.
        self._conn.execute("PRAGMA cache_size = -16384")
        self._conn.execute("PRAGMA mmap_size = 0")
        self._lock = threading.RLock()
        self._catalog: Catalog | None = None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def warm(self) -> bool:
        """Is the catalogue loaded for the library as it was last seen (the next search reads none)?"""
        return self._catalog is not None

    def warm_up(self, cancel=None) -> float:
        """Load what the first search needs (call it from a worker when a search is coming: the
        window does it when the search field takes the focus, so that memory is spent when the
        user searches, not at start-up); returns ms. It reads in slices, letting other threads run
        between them, and raises SearchCancelled at the next slice once ``cancel.is_cancelled()``
        (quitting never waits)."""
        t = time.perf_counter()

        def pause():
            time.sleep(0)      # releases the GIL
            if cancel is not None and cancel.is_cancelled():
                raise SearchCancelled()

        with self._lock:
            charmap.load_stored(self._conn)
            pause()
            self._current(pause)
            term("预热")
        return (time.perf_counter() - t) * 1000

    def _current(self, pause=None) -> Catalog:
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        if self._catalog is None or self._catalog.data_version != version:
            charmap.load_stored(self._conn)
            # First use, or the library changed. The catalogue reads every document row once:
            # through a small page cache, so those pages do not fill the searches' 16 MB.
            self._conn.execute("PRAGMA cache_size = -1024")
            try:
                self._catalog = Catalog(self._conn, version, pause) if pause else Catalog(self._conn, version)
            finally:
                self._conn.execute("PRAGMA shrink_memory")
                self._conn.execute("PRAGMA cache_size = -16384")
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
            ids = cat.by_number.get(number, ())
            infos = cat.infos(self._conn, ids)
            return [infos[i] for i in ids]

    # -- search ------------------------------------------------------------------
    def search(self, query: str | Query, filters: Filters | None = None, limit: int = RESULTS_PAGE,
               cancel=None, on_page=None) -> SearchResults:
        """Raises SearchCancelled as soon as ``cancel.is_cancelled()`` is true. ``on_page(hits)``,
        when given, receives the first page of hits as soon as it is known: before the facets
        and the total are counted when no filter is active (the page does not depend on them)."""
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
                return self._search(q, filters or NO_FILTERS, limit, check, started, on_page)
            except sqlite3.OperationalError as e:
                if cancel is not None and cancel.is_cancelled():
                    raise SearchCancelled() from e
                raise
            finally:
                self._conn.set_progress_handler(None, 0)

    def _search(self, q: Query, filters: Filters, limit: int, check, started: float, on_page=None) -> SearchResults:
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
                in_notes -= self._any(q.excluded_norms)
            matched = set(matched) | in_notes
        marked = None
        if self.bookmarked and matched:
            marked = {cat.id_of[k] for k in self.bookmarked() if k in cat.id_of}
        boosted = Boosts(scores, exact, title_hits(self._conn, terms), in_notes)
        hits = None
        if not filters.active:
            # The page ranks every match: shown before the facets and the total are counted.
            hits = self._hits(cat, boosted.top(cat, matched, limit), terms, boosted, citing, q)
            if on_page is not None:
                on_page(tuple(hits))
            check()
        counting = Counting(cat, matched, filters, marked, self._state_ids(cat))
        final = counting.final
        check()
        if hits is None:
            hits = self._hits(cat, boosted.top(cat, final, limit), terms, boosted, citing, q)
            if on_page is not None:
                on_page(tuple(hits))
        return SearchResults(
            query=q.text, terms=(q.text.strip(),) if q.doc_number or q.code else q.terms,
            total=len(final), hits=tuple(hits), count_facets=counting.facets,
            elapsed_ms=(time.perf_counter() - started) * 1000,
            lookup=self._info(cat, min(exact, key=lambda i: cat.key[i])) if exact else None,
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
        Each term is matched in its cheapest exact index (``index.phrase_in``), the sets
        intersected in SQLite. A 文号 or code ranks by lookup and citation: no bm25."""
        if not norms:
            return (cat.all_ids - self._any(excluded) if excluded else set()), None
        small = cat.count <= SMALL_LIBRARY
        # An upper bound of each term's documents (cached per character): within the share, bm25
        # can say something; within BM25_MOST too, it is computed straight away. Between the
        # two, the matches are counted first: bm25 only if they are at most BM25_MOST.
        bound = None if small or number else min(
            cat.phrase_df(self._conn, index.tokens(n).split()) for n in norms)
        if number or (bound is not None and bound * BM25_SHARE > cat.count):
            sql, args = index.match_sql(norms, excluded)
            return self._ids(sql, args), None
        if bound is not None and bound > BM25_MOST:
            sql, args = index.match_sql(norms, excluded)
            ids = self._ids(sql, args)
            if len(ids) > BM25_MOST:
                return ids, None
        # bm25 is negative, lower is better: per index over its terms, added up where both rank.
        groups: dict[str, list[str]] = {}
        for n in norms:
            table, phrase = index.phrase_in(n)
            groups.setdefault(table, []).append(phrase)
        scores: dict[int, float] | None = None
        for table, phrases in groups.items():
            # dict() takes the rows without a Python loop.
            # The title column weighs nothing: its hits are boosted by the ranking instead.
            part = dict(self._conn.execute(f"SELECT rowid, bm25({table}, 1.0, 0.0) FROM {table} WHERE {table} MATCH ?",
                                           (" AND ".join(phrases),)))
            scores = part if scores is None else {i: s + part[i] for i, s in scores.items() if i in part}
        if excluded and scores:
            hidden = self._any(excluded)
            scores = {i: s for i, s in scores.items() if i not in hidden}
        return scores.keys(), scores

    def _ids(self, sql: str, args) -> set[int]:
        # One JSON array from SQLite parses in C: twice as fast as a Python row per match.
        (ids,) = self._conn.execute(f"SELECT json_group_array(rowid) FROM ({sql})", args).fetchone()
        return set(json.loads(ids))

    def _any(self, norms) -> set[int]:
        return self._ids(*index.any_sql(norms)) if norms else set()

    def _info(self, cat: Catalog, doc_id: int):
        return cat.infos(self._conn, [doc_id])[doc_id]

    def _citing(self, number: str) -> dict[int, list[tuple[int, int, int]]]:
        out: dict[int, list[tuple[int, int, int]]] = {}
        for doc_id, b, s, e in self._conn.execute(
                "SELECT doc_id, block, start, \"end\" FROM citations WHERE target = ? AND kind = 'doc_number'",
                (number,)):
            out.setdefault(doc_id, []).append((b, s, e))
        return out

    def _texts(self, cat: Catalog, ids: list[int], recent: RecentTexts | None = None) -> dict[int, DocText]:
        """The text of these documents: from the bounded cache of recently shown documents
        (``doctext.RecentTexts``; never the whole library), the rest read whole and kept there."""
        if not ids:
            return {}
        recent = recent or cat.recent
        out, missing = recent.take(ids)
        if missing:
            # A JSON array per document: parsed in C, faster than a Python row per block.
            rows = self._conn.execute(
                "SELECT doc_id, json_group_array(json_array(idx, kind, text)) FROM "
                f"(SELECT doc_id, idx, kind, text FROM blocks WHERE doc_id IN ({','.join('?' * len(missing))}) "
                "ORDER BY doc_id, idx) GROUP BY doc_id", missing)
            for doc_id, blocks in rows:
                out[doc_id] = recent.put(doc_id, DocText.of_blocks(json.loads(blocks)))
        return out

    def _read_texts(self, ids: list[int]) -> dict[int, DocText]:
        """``_texts`` for the rows of a page read later (``_Later``), from any thread: under the
        search lock, through the catalogue's cache while the library is as it was (else as read
        now: the next search loads the catalogue again); {} once the engine is closed."""
        with self._lock:
            try:
                cat = self._catalog
                version = self._conn.execute("PRAGMA data_version").fetchone()[0]
                if cat is not None and cat.data_version == version:
                    return self._texts(cat, ids)
                return self._texts(cat, ids, RecentTexts())
            except sqlite3.ProgrammingError:        # closed: the window is going away
                return {}

    def _hits(self, cat, top, terms, boosted, citing, q) -> list[DocHit]:
        """The displayed page: every row's record and rank; counts and snippets for the first
        screen only (FIRST_SCREEN), the other rows' when first asked for (``_Later``)."""
        infos = cat.infos(self._conn, top)
        exact, in_title, in_notes = boosted.exact, boosted.in_title.candidates, boosted.in_notes
        own = (DOC_NUMBER if q.doc_number else CODE) if exact else None

        def describe(i: int, doc: DocText) -> tuple:
            extra = list(citing.get(i, ())) if citing else []
            if i in exact:
                extra += [(doc.indices[k], 0, doc.lengths[k]) for k, kind in enumerate(doc.kinds) if kind == own]
            return document_hits(infos[i].key, doc, terms, extra)

        first = top[:FIRST_SCREEN]
        texts = self._texts(cat, first)
        hits = [DocHit(infos[i], boosted.score(i), *describe(i, texts.get(i, EMPTY_TEXT)),
                       i in in_title, i in in_notes, i in exact) for i in first]
        if len(top) > FIRST_SCREEN:
            later = _Later(self, top, describe)
            hits += [DocHit(infos[i], boosted.score(i), 0, (), i in in_title, i in in_notes, i in exact,
                            partial(later.details, n)) for n, i in enumerate(top) if n >= FIRST_SCREEN]
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
            doc = self._texts(cat, [doc_id]).get(doc_id) or EMPTY_TEXT
            extra = self._citing(q.doc_number).get(doc_id, []) if q.doc_number else []
        for n, own in ((q.doc_number, DOC_NUMBER), (q.code, CODE)):
            if n and doc_id in cat.by_number.get(n, ()):
                extra += [(doc.indices[k], 0, doc.lengths[k]) for k, kind in enumerate(doc.kinds) if kind == own]
        out = []
        for s, e in hit_spans(doc, [term(n) for n in _text_terms(q)], extra):
            k, off = doc.locate(s)
            out.append(Location(doc_key, doc.indices[k], off, e - s))
        return out


class _Later:
    """The rows of a page beyond the first screen. Asked for one of them (the results view
    shows it), it reads the texts of the next screen's rows at once (one query, through the
    engine's text cache) and computes their counts and snippets, as the search would have."""

    def __init__(self, engine: SearchEngine, ids: list[int], describe):
        self.engine, self.ids, self.describe = engine, ids, describe
        self.done: dict[int, tuple] = {}

    def details(self, n: int) -> tuple:
        if n not in self.done:
            rows = [k for k in range(n, min(n + FIRST_SCREEN, len(self.ids))) if k not in self.done]
            texts = self.engine._read_texts([self.ids[k] for k in rows])
            for k in rows:
                self.done[k] = self.describe(self.ids[k], texts.get(self.ids[k], EMPTY_TEXT))
        return self.done[n]


def _text_terms(q: Query) -> list[str]:
    # A 文号 typed with spaces ("永政发2022 6号") is one thing, not two terms.
    if q.doc_number or q.code:
        whole = index.normalize(q.text)
        return [whole] if whole else []
    return list(q.norms)
