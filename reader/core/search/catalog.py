"""What the search keeps in memory about every document, loaded once per library state.

Ranking, filtering and facet counts touch every matched document, up to the
whole library for a query like 的; reading their rows from SQLite each time
would cost more than the full-text match itself. So warm-up fills plain lists
indexed by document id, with facet values as small integer codes (counting
ints is twice as fast as strings); reads the index's document frequencies
(~150 ms for 6,000 documents), which tell whether bm25 can say anything
about a term; and keeps the documents' text (``doctext``, ~0.2 s).
``PRAGMA data_version`` tells the engine when to load again.
"""
from __future__ import annotations

import json
import sqlite3

from ..store.queries import catalog_rows
from ..records import DocInfo
from .doctext import load_all
from .results import KIND_GROUPS, kind_group
from .titles import Titles

PLACE_PARTS = ("year", "issue", "section")


class Codes:
    """Small integer codes for the values of one facet."""

    def __init__(self):
        self.values: list = []
        self._index: dict = {}

    def code(self, value) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]

    def accepting(self, wanted, part=None) -> list[bool]:
        """For each code: does its value (or ``value[part]``) pass the filter?"""
        return [(v if part is None else v[part]) in wanted for v in self.values]


class Catalog:
    def __init__(self, conn: sqlite3.Connection, data_version: int):
        self.data_version = data_version
        rows = catalog_rows(conn)
        self.count = len(rows)
        size = max((r[-7] for r in rows), default=0) + 1
        self.infos: dict[int, DocInfo] = {}
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
        self._read(rows)
        self._place_parts()
        self.all_ids = set(self.id_of.values())
        self.titles = Titles({i: d.title for i, d in self.infos.items()})
        self.totals: dict[str, object] = {}   # facet counts over the whole library, made when needed
        self.df = self._document_frequencies(conn)
        self.texts = load_all(conn)

    def _read(self, rows) -> None:
        publications = {r[-2] for r in rows if r[-2]}
        order = []
        for r in rows:
            d = DocInfo(*r[:-7])
            doc_id, issuer, date, year, label, pub, numbers = r[-7:]
            self.infos[doc_id] = d
            self.key[doc_id] = d.key
            self.id_of[d.key] = doc_id
            nums = tuple(json.loads(numbers)) if numbers else ()
            year = year if year is not None else (int(date[:4]) if date else None)
            self.place[doc_id] = self.places.code((year, d.issue_key, d.section))
            self.issuer[doc_id] = self.issuers.code(issuer)
            self.group[doc_id] = KIND_GROUPS.index(kind_group(d.kind))
            if d.issue_key and d.issue_key not in self.issue_labels:
                self.issue_labels[d.issue_key] = f"{pub} {label}" if len(publications) > 1 else label
                self.issue_order[d.issue_key] = (year, nums, pub)
            for n in (d.doc_number, d.code):
                if n:
                    self.by_number.setdefault(n, []).append(doc_id)
            order.append((date or "", year or 0, nums, doc_id))
        # Newest first: by date (a plan's or interpretation's parent's), then issue, then id.
        self.newest_first = [doc_id for *_, doc_id in sorted(order, reverse=True)]
        self.recency = [0] * len(self.key)             # larger is newer
        for rank, doc_id in enumerate(reversed(self.newest_first)):
            self.recency[doc_id] = rank

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

    def info(self, doc_id: int) -> DocInfo:
        return self.infos[doc_id]

    @staticmethod
    def _document_frequencies(conn: sqlite3.Connection) -> dict[str, int]:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
                     "USING fts5vocab(main, 'search_fts', 'row')")
        return dict(conn.execute("SELECT term, doc FROM temp.search_vocab"))

    def phrase_df(self, tokens: list[str]) -> int:
        """An upper bound of how many documents hold the phrase (exact for one token)."""
        return min((self.df.get(t, 0) for t in tokens), default=0)
