"""A document's text as the search matches it, and a bounded cache of recent ones.

Blocks are joined by SEPARATOR into one string, so a term takes one regex
pass over a document (and no match runs from one block into the next). Only
the documents of a displayed page are read: holding the library's text would
grow with the library (~120 MB of strings at 60,000 documents). The texts of
recently shown documents stay in ``RecentTexts`` (at most RECENT_CHARS
characters, least recently used dropped first): while typing, successive
queries show many of the same documents.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from itertools import accumulate

from .textmatch import SEPARATOR, Term, odd_characters

RECENT_CHARS = 4_000_000     # ~8-16 MB of strings, whatever the size of the library


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
        odd = self.odd
        if not odd:             # most texts
            return all(t.fast for t in terms)
        return all(t.exact_given(odd) for t in terms)

    def spans(self, terms: list[Term]) -> list[tuple[int, int]]:
        """Sorted (start, end) of every hit of every term, in joined coordinates."""
        out: list[tuple[int, int]] = []
        if self.exact_for(terms):
            for term in terms:
                out.extend(m.span() for m in term.regex_for(self.joined).finditer(self.joined))
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


class RecentTexts:
    """The whole texts of recently shown documents, by id, bounded in characters."""

    def __init__(self, limit: int = RECENT_CHARS):
        self.limit = limit
        self.size = 0
        self._docs: OrderedDict[int, DocText] = OrderedDict()

    def take(self, ids) -> tuple[dict[int, DocText], list[int]]:
        """(the cached ones, the ids not cached)."""
        found, missing = {}, []
        for i in ids:
            doc = self._docs.get(i)
            if doc is None:
                missing.append(i)
            else:
                self._docs.move_to_end(i)
                found[i] = doc
        return found, missing

    def put(self, doc_id: int, doc: DocText) -> DocText:
        old = self._docs.pop(doc_id, None)
        if old is not None:
            self.size -= len(old.joined)
        self._docs[doc_id] = doc
        self.size += len(doc.joined)
        while self.size > self.limit and len(self._docs) > 1:
            _, dropped = self._docs.popitem(last=False)
            self.size -= len(dropped.joined)
        return doc
