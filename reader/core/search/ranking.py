"""The order of the results.

A 文号 or code looked up comes first. With bm25 (terms specific enough, see
``engine``), a document scores its bm25, doubled when its title holds every
term and x1.5 when the user's bookmark notes match; documents found by lookup,
citation or notes only count as the best text hit. Without bm25 (a broad term:
的, 发展) one text hit is as good as another: title and note hits first, then
the newest. Ties always go to the newest.
"""
from __future__ import annotations

from .catalog import Catalog
from .picking import picker

TITLE_BOOST = 2.0        # a document whose title holds every term counts double
NOTES_BOOST = 1.5        # the user's own notes match


class Boosts:
    """What the ranking knows about the matches of one search."""

    def __init__(self, scores: dict | None, exact: set[int], in_title, in_notes: set[int]):
        self.scores, self.informative = scores, scores is not None
        self.exact, self.in_title, self.in_notes = exact, in_title, in_notes
        # Found by lookup, citation or notes rather than text: as good as the best text hit.
        self.best = min(scores.values(), default=-1.0) if scores else -1.0

    def score(self, i: int) -> float:
        """Higher is better."""
        if self.informative:
            return (-self.scores.get(i, self.best) * (TITLE_BOOST if i in self.in_title else 1.0)
                    * (NOTES_BOOST if i in self.in_notes else 1.0))
        return 1.0 + (i in self.in_title) + 0.5 * (i in self.in_notes)

    def top(self, cat: Catalog, final, limit: int) -> list[int]:
        """The ``limit`` best of ``final``, best first."""
        chosen = final if isinstance(final, (set, frozenset, type({}.keys()))) else set(final)
        recency = cat.recency.__getitem__
        exact = sorted(self.exact.intersection(chosen), key=recency, reverse=True)
        if self.informative:
            return (exact + self._by_score(cat, set(chosen) - self.exact, limit))[:limit]
        # Without bm25 one text hit is as good as another: title and note hits first (newest
        # first), then the newest.
        first = sorted(self.in_notes.intersection(chosen) - self.exact,
                       key=lambda i: (i in self.in_title, recency(i)), reverse=True)
        taken = self.exact | self.in_notes
        titles = self.in_title
        titled = titles.newest(cat, chosen - taken if taken else chosen, limit)
        noted_titled = [i for i in first if i in titles]
        head = exact + noted_titled + titled + first[len(noted_titled):]
        if len(head) >= limit:
            return head[:limit]
        shown = taken.union(titled)
        rest = newest(cat, chosen, limit - len(head), shown)
        return head + rest

    def _by_score(self, cat: Catalog, ids: set[int], limit: int) -> list[int]:
        scores = self.scores      # bm25: lower is better
        changed = self.in_title.among(ids) | (self.in_notes & ids) | (ids - scores.keys())
        if changed:
            scores = dict(scores)
            scores.update((i, -self.score(i)) for i in changed)
        ranked = sorted(ids, key=scores.__getitem__)
        # Ties (the same text printed twice) go to the newest; only the cut needs sorting again.
        end = min(limit, len(ranked))
        while 0 < end < len(ranked) and scores[ranked[end]] == scores[ranked[end - 1]]:
            end += 1
        head = ranked[:end]
        head.sort(key=lambda i: (scores[i], -cat.recency[i]))
        return head[:limit]



WALK = 1.5    # a step of the walk below costs about this many ids picked by recency


def newest(cat: Catalog, ids, limit: int, exclude=frozenset()) -> list[int]:
    """The ``limit`` newest of ``ids`` but ``exclude``. Walking the library newest first stops
    after about limit x (library / ids) steps: for many ids (的) that beats sorting them; for a
    few hundred in a large library, picking the largest of their recencies in C is faster."""
    n = len(ids)
    if not n or limit <= 0:
        return []
    if limit * cat.count > WALK * n * n:
        pool = (ids if isinstance(ids, (set, frozenset)) else set(ids)) - exclude if exclude else ids
        if len(pool) <= 1:
            return list(pool)
        # Recencies are ranks in ``newest_first`` (read backwards): sorting plain ints is fast.
        ranks = sorted(picker(pool)(cat.recency), reverse=True)[:limit]
        last = len(cat.newest_first) - 1
        return [cat.newest_first[last - r] for r in ranks]
    out = []
    for i in cat.newest_first:
        if i in ids and i not in exclude:
            out.append(i)
            if len(out) >= limit:
                break
    return out
