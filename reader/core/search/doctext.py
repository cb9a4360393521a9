"""A document's text as the search matches it.

Blocks are joined by SEPARATOR into one string, so a term takes one regex
pass over a document (and no match runs from one block into the next). Only
the documents of the displayed page are read: holding the library's text
would grow with the library (~120 MB of strings at 60,000 documents).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .textmatch import SEPARATOR, Term, odd_characters

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
