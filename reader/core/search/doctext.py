"""A document's text as the search matches it, and every document's text kept in memory.

Blocks are joined by SEPARATOR into one string, so a term takes one regex
pass over a document (and no match runs from one block into the next). After
warm-up the library's text stays in memory (~20 MB for 6,000 documents, read
in ~0.2 s): snippets then cost no SQL, and which odd characters a document
holds is known once for all queries.
"""
from __future__ import annotations

import sqlite3
from bisect import bisect_right
from itertools import accumulate

from .textmatch import SEPARATOR, Term, odd_characters

# Above this many characters (~30,000 documents, 60-120 MB of Python strings) the text of the
# displayed documents is read per search instead.
MEMORY_LIMIT = 30_000_000


class DocText:
    def __init__(self, joined: str, lengths: list[int], indices: list[int], kinds: list[str]):
        self.joined = joined
        self.lengths = lengths
        self.indices = indices        # each block's index in its document
        self.kinds = kinds
        self.starts = [0, *accumulate(n + 1 for n in lengths[:-1])] if lengths else []
        self._odd: frozenset[str] | None = None

    @classmethod
    def of_blocks(cls, blocks: list[tuple[int, str, str]]) -> "DocText":
        """From (index, kind, text) rows, possibly only some of a document's blocks."""
        return cls(SEPARATOR.join(b[2] for b in blocks), [len(b[2]) for b in blocks],
                   [b[0] for b in blocks], [b[1] for b in blocks])

    def text(self, k: int) -> str:
        return self.joined[self.starts[k]:self.starts[k] + self.lengths[k]]

    @property
    def odd(self) -> frozenset[str]:
        if self._odd is None:
            self._odd = odd_characters(self.joined)
        return self._odd

    def exact_for(self, terms: list[Term]) -> bool:
        """Do the terms' regexes over the joined text find exactly their hits?"""
        return all(t.exact_given(self.odd) for t in terms)

    def spans(self, terms: list[Term]) -> list[tuple[int, int]]:
        """Sorted (start, end) of every hit of every term, in joined coordinates."""
        out: list[tuple[int, int]] = []
        if self.exact_for(terms):
            for term in terms:
                out.extend(m.span() for m in term.regex.finditer(self.joined))
        else:
            for k, start in enumerate(self.starts):
                text = self.text(k)
                for term in terms:
                    out.extend((start + s, start + e) for s, e in term.find(text))
        out.sort()
        return out

    def locate(self, pos: int) -> tuple[int, int]:
        """(position among the blocks, offset in that block) of a joined position."""
        k = bisect_right(self.starts, pos) - 1
        return k, pos - self.starts[k]


def load_all(conn: sqlite3.Connection) -> dict[int, DocText] | None:
    """Every document's DocText, or None when the library is too big to keep."""
    out: dict[int, DocText] = {}
    total = 0
    # group_concat in C is ~3x faster than a Python row per block.
    rows = conn.execute(
        "SELECT doc_id, group_concat(text, char(0)), group_concat(length(text)), group_concat(idx), "
        "group_concat(kind), count(*) FROM (SELECT * FROM blocks ORDER BY doc_id, idx) GROUP BY doc_id")
    for doc_id, joined, lengths, indices, kinds, n in rows:
        total += len(joined)
        if total > MEMORY_LIMIT:
            return None
        idx = list(map(int, indices.split(",")))
        lens = list(map(int, lengths.split(",")))
        # group_concat follows the subquery's order in practice, not by contract: check it.
        if idx != list(range(n)) or len(joined) != sum(lens) + n - 1:
            out[doc_id] = DocText.of_blocks(conn.execute(
                "SELECT idx, kind, text FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall())
            continue
        out[doc_id] = DocText(joined, lens, idx, kinds.split(","))
    return out
