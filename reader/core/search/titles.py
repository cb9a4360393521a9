"""Which documents' titles hold the search terms, for ranking title hits first.

A regex pass over all 6,000 titles costs ~1 ms, a check one title at a time
~2 µs. Instead every character of the normalised titles points at the titles
holding it, and each pair of adjacent characters asked for once (from the
titles holding both characters) too: a term of one or two characters is
answered exactly by one set, a longer one by intersecting the sets of its
pairs and checking the few titles left.
"""
from __future__ import annotations

from .charmap import tables
from .index import normalize
from .textmatch import Term, is_simple

_EMPTY: frozenset[int] = frozenset()


def grams(normal: str) -> set[str]:
    """The characters of a one-character text, else its pairs of adjacent characters."""
    return set(normal) if len(normal) == 1 else {normal[k:k + 2] for k in range(len(normal) - 1)}


class Titles:
    def __init__(self, titles: dict[int, str]):
        self.raw = titles
        table = tables().translate
        self.normal: dict[int, str] = {}
        self.index: dict[str, set[int]] = {}       # characters now; pairs added when asked for
        for i, t in titles.items():
            # A simple title's normal form is its characters translated one by one.
            normal = "".join(t.translate(table).split()) if is_simple(t) else normalize(t)
            self.normal[i] = normal
            for c in set(normal):
                if c in self.index:
                    self.index[c].add(i)
                else:
                    self.index[c] = {i}

    def holding(self, gram: str) -> set[int] | frozenset[int]:
        """The titles holding a character or a pair of characters."""
        found = self.index.get(gram)
        if found is None and len(gram) == 1:
            return _EMPTY
        if found is None:
            # A pair: among the titles holding both characters, those holding them together.
            a, b = self.index.get(gram[0], _EMPTY), self.index.get(gram[1], _EMPTY)
            normal = self.normal
            found = self.index[gram] = {i for i in (a & b) if gram in normal[i]}
        return found

    def hits(self, terms: list[Term]) -> "TitleHits":
        return TitleHits(self, terms)


class TitleHits:
    """Acts as the set of documents whose title holds every term."""

    def __init__(self, titles: Titles, terms: list[Term]):
        self.titles = titles
        self.terms = terms
        sets = sorted((titles.holding(g) for t in terms for g in grams(t.norm)), key=len)
        if not sets:
            self.candidates = _EMPTY
        elif len(sets) == 1:
            self.candidates = sets[0]
        else:
            self.candidates = sets[0].intersection(*sets[1:])
        # Terms of one or two characters need no check: their sets are exact.
        self.exact = all(len(t.norm) <= 2 for t in terms)
        self._checked: dict[int, bool] = {}

    def __contains__(self, i: int) -> bool:
        if i not in self.candidates:
            return False
        if self.exact:
            return True
        if i not in self._checked:
            title = self.titles.raw[i]
            self._checked[i] = all(t.find(title) for t in self.terms)
        return self._checked[i]

    def among(self, ids) -> set[int]:
        pool = self.candidates.intersection(ids)
        return pool if self.exact else {i for i in pool if i in self}

    def newest(self, cat, ids, limit: int) -> list[int]:
        """The ``limit`` newest title hits among ``ids``: a few are sorted; for many, the
        library is walked newest first until enough are found."""
        pool = self.candidates.intersection(ids)
        if len(pool) <= 4 * limit:
            hits = pool if self.exact else [i for i in pool if i in self]
            return sorted(hits, key=cat.recency.__getitem__, reverse=True)[:limit]
        out = []
        for i in cat.newest_first:
            if i in pool and i in self:
                out.append(i)
                if len(out) >= limit:
                    break
        return out
