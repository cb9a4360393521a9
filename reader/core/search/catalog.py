"""What the search keeps in memory about every document, loaded once per library state.

Ranking, filtering and facet counts touch every matched document, up to the
whole library for a query like 的; reading their rows from SQLite each time
would cost more than the full-text match itself. So warm-up fills plain lists
indexed by document id, with facet values as small integer codes (counting
ints is twice as fast as strings). That is a few small values per document;
nothing holds the documents' text (read per page of results), and the index's
document frequencies, which tell whether bm25 can say anything about a term,
are asked of SQLite per character when a query needs them (a bounded cache).
Rows are read in slices; between slices ``pause()`` lets the GUI thread run
and may raise to cancel. ``PRAGMA data_version`` tells the engine when to load again.
"""
from __future__ import annotations

import json
import sqlite3

import time

from ..records import DocInfo
from ..store.queries import catalog_cursor, documents_by_id
from .doctext import RecentTexts
from .results import KIND_GROUPS, kind_group

PLACE_PARTS = ("year", "issue", "section")
SLICE = 2000                 # rows read between two pauses of the warm-up
DF_CACHE = 4096              # document frequencies kept (characters asked for)
RECENT_INFOS = 2048          # records of recently shown documents kept


def _yield_gil() -> None:
    time.sleep(0)            # releases the GIL: the GUI thread paints between slices


class Codes:
    """Small integer codes for the values of one facet."""

    def __init__(self):
        self.values: list = []
        self._index: dict = {}
        self._ranks: list[int] | None = None

    def code(self, value) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]

    def ranks(self) -> list[int]:
        """Each code's place among the values sorted (None: -1), made once: facets of the same
        count are ordered by value through it, sorting ints rather than strings."""
        if self._ranks is None or len(self._ranks) != len(self.values):
            ranks = [-1] * len(self.values)
            for rank, code in enumerate(sorted((c for c, v in enumerate(self.values) if v is not None),
                                               key=self.values.__getitem__)):
                ranks[code] = rank
            self._ranks = ranks
        return self._ranks

    def accepting(self, wanted, part=None) -> list[bool]:
        """For each code: does its value (or ``value[part]``) pass the filter?"""
        return [(v if part is None else v[part]) in wanted for v in self.values]


class Catalog:
    def __init__(self, conn: sqlite3.Connection, data_version: int, pause=_yield_gil):
        self.data_version = data_version
        size = (conn.execute("SELECT max(id) FROM documents").fetchone()[0] or 0) + 1
        self._several = conn.execute("SELECT count(DISTINCT publication) FROM issues").fetchone()[0] > 1
        self.count = 0
        self.key: list[str | None] = [None] * size
        self.id_of: dict[str, int] = {}
        self.by_number: dict[str, list[int]] = {}       # 文号 and codes -> ids
        # Per document: its place (year, issue key, section), issuer and kind group as codes.
        self.places, self.issuers = Codes(), Codes()
        self.place = [0] * size
        self.issuer = [0] * size
        self.group = [0] * size                           # index in KIND_GROUPS
        self.issue_labels: dict[str, str] = {}
        self.issue_order: dict[str, tuple] = {}
        order: list = []
        self._numbers: dict = {}
        self._groups: dict = {}
        cursor = catalog_cursor(conn)
        while True:          # a slice at a time: nothing but the lists above grows with the library
            pause()
            part = cursor.fetchmany(SLICE)
            if not part:
                break
            self._read(part, order)
        # Newest first: by date (a plan's or interpretation's parent's), then issue, then id.
        order.sort(reverse=True)
        self.newest_first = [doc_id for *_, doc_id in order]
        del order
        self.recency = [0] * size                         # larger is newer
        for rank, doc_id in enumerate(reversed(self.newest_first)):
            self.recency[doc_id] = rank
        pause()
        self._place_parts()
        self.all_ids = set(self.id_of.values())
        self.totals: dict[str, object] = {}   # facet counts over the whole library, made when needed
        self._df: dict[str, int] = {}
        self._infos: dict[int, DocInfo] = {}
        self.recent = RecentTexts()           # ids change with the library: a new cache with it

    def _read(self, rows, order: list) -> None:
        # Per-row work is most of the warm-up at 60,000 documents: what is the same for a whole
        # issue (its numbers) or kind is decoded once.
        numbers_of, group_of = self._numbers, self._groups
        key, id_of, by_number = self.key, self.id_of, self.by_number
        place, issuer_of, group = self.place, self.issuer, self.group
        place_code, issuer_code = self.places.code, self.issuers.code
        for doc_id, k, kind, number, code, issue_key, section, issuer, date, year, label, pub, numbers in rows:
            key[doc_id] = k
            id_of[k] = doc_id
            nums = numbers_of.get(numbers)
            if nums is None:
                nums = numbers_of[numbers] = tuple(json.loads(numbers)) if numbers else ()
            if year is None and date:
                year = int(date[:4])
            place[doc_id] = place_code((year, issue_key, section))
            issuer_of[doc_id] = issuer_code(issuer)
            g = group_of.get(kind)
            if g is None:
                g = group_of[kind] = KIND_GROUPS.index(kind_group(kind))
            group[doc_id] = g
            if issue_key and issue_key not in self.issue_labels:
                self.issue_labels[issue_key] = f"{pub} {label}" if self._several else label
                self.issue_order[issue_key] = (year, nums, pub)
            if number:
                by_number.setdefault(number, []).append(doc_id)
            if code:
                by_number.setdefault(code, []).append(doc_id)
            order.append((date or "", year or 0, nums, doc_id))
        self.count += len(rows)

    def _place_parts(self) -> None:
        # Each place's year, issue and section as codes of their own: facets add per-place
        # counts into plain lists, in an order fixed here.
        self.part_codes = {name: Codes() for name in PLACE_PARTS}
        self.place_parts = [tuple(self.part_codes[n].code(v) for n, v in zip(PLACE_PARTS, values))
                            for values in self.places.values]
        years, issues = self.part_codes["year"].values, self.part_codes["issue"].values
        self.part_order = {
            "year": sorted((c for c, y in enumerate(years) if y is not None), key=years.__getitem__, reverse=True),
            "issue": sorted((c for c, k in enumerate(issues) if k is not None),
                            key=lambda c: self.issue_order[issues[c]], reverse=True)}
        self.part_labels = {"year": [f"{y}年" for y in years],
                            "issue": [self.issue_labels.get(k, k) for k in issues]}

    def infos(self, conn: sqlite3.Connection, ids) -> dict[int, DocInfo]:
        """The records of these documents (a page of results), read when shown; those of recently
        shown documents are kept (at most RECENT_INFOS: while typing, pages share documents)."""
        cache = self._infos
        out = {i: cache[i] for i in ids if i in cache}
        missing = [i for i in ids if i not in out]
        if missing:
            if len(cache) + len(missing) > RECENT_INFOS:
                cache.clear()
            for r in documents_by_id(conn, missing):
                out[r[0]] = cache[r[0]] = DocInfo(*r[1:])
        return out

    def doc_freq(self, conn: sqlite3.Connection, token: str) -> int:
        """How many documents hold this token of the per-character index (one indexed lookup)."""
        if token not in self._df:
            if not self._df:
                conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                             "USING fts5vocab(main, 'search_fts', 'row')")
            if len(self._df) >= DF_CACHE:
                self._df.clear()
            row = conn.execute("SELECT doc FROM temp.search_vocab WHERE term = ?", (token,)).fetchone()
            self._df[token] = row[0] if row else 0
        return self._df[token]

    def phrase_df(self, conn: sqlite3.Connection, tokens: list[str]) -> int:
        """An upper bound of how many documents hold the phrase (exact for one token)."""
        return min((self.doc_freq(conn, t) for t in set(tokens)), default=0)
