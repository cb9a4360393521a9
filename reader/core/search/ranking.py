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
        newest = cat.recency.__getitem__
        exact = sorted(self.exact.intersection(chosen), key=newest, reverse=True)
        if self.informative:
            return (exact + self._by_score(cat, set(chosen) - self.exact, limit))[:limit]
        # Without bm25 one text hit is as good as another: title and note hits first (newest
        # first), then the newest.
        first = sorted(self.in_notes.intersection(chosen) - self.exact,
                       key=lambda i: (i in self.in_title, newest(i)), reverse=True)
        taken = self.exact | self.in_notes
        titles = self.in_title
        titled = titles.newest(cat, chosen - taken if taken else chosen, limit)
        noted_titled = [i for i in first if i in titles]
        head = exact + noted_titled + titled + first[len(noted_titled):]
        if len(head) >= limit:
            return head[:limit]
        shown = taken.union(titled)
        rest = self._newest(cat, chosen, lambda i: i not in shown, limit - len(head))
        return head + rest

    @staticmethod
    def _newest(cat: Catalog, ids, keep, limit: int) -> list[int]:
        """The ``limit`` newest of ``ids`` that ``keep`` accepts. Walking the library newest
        first beats sorting many ids (it stops early); a few are sorted."""
        if len(ids) <= 4 * limit:
            return sorted(filter(keep, ids) if keep else ids, key=cat.recency.__getitem__, reverse=True)[:limit]
        out = []
        for i in cat.newest_first:
            if i in ids and (keep is None or keep(i)):
                out.append(i)
                if len(out) >= limit:
                    break
        return out

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
