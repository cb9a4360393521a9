"""Which documents' titles hold the search terms, for ranking title hits first.

Asked of the index's ``title`` column (one MATCH per index the terms need,
see ``index.match_sql``): exact, and no title is held in memory. The answer is
a set of ids; ``among`` and ``newest`` serve the ranking.
"""
from __future__ import annotations

import json
import sqlite3

from . import index
from .ranking import newest
from .textmatch import Term

_EMPTY: frozenset[int] = frozenset()


def title_hits(conn: sqlite3.Connection, terms: list[Term]) -> "TitleHits":
    if not terms:
        return TitleHits(_EMPTY)
    sql, args = index.match_sql([t.norm for t in terms], column="title")
    (ids,) = conn.execute(f"SELECT json_group_array(rowid) FROM ({sql})", args).fetchone()
    return TitleHits(frozenset(json.loads(ids)))


class TitleHits:
    """The set of documents whose title holds every term."""

    def __init__(self, ids: frozenset[int]):
        self.candidates = ids

    def __contains__(self, i: int) -> bool:
        return i in self.candidates

    def among(self, ids) -> set[int]:
        return self.candidates.intersection(ids)

    def newest(self, cat, ids, limit: int) -> list[int]:
        """The ``limit`` newest title hits among ``ids`` (``ranking.newest``)."""
        return newest(cat, self.candidates.intersection(ids), limit)
