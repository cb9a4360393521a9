"""What a search hands back, which the GUI can keep and pass between threads: frozen records,
but for what is computed when first asked for (a row's hit count and snippets below the first
screen, ``DocHit``; the facets, ``SearchResults.facets``), the same whichever thread asks."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from ..cancel import CancelToken  # noqa: F401  (re-exported for callers of the engine)
from ..location import Location
from ..records import DocInfo

# Kind groups for the facet and the filter.
POLICY = "policy"                  # every kind but interpretation and appointment
INTERPRETATION = "interpretation"
APPOINTMENT = "appointment"
KIND_GROUPS = (POLICY, INTERPRETATION, APPOINTMENT)
FACET_NAMES = ("year", "issue", "section", "issuer", "kind", "bookmarked", "status")


def kind_group(kind: str) -> str:
    return kind if kind in (INTERPRETATION, APPOINTMENT) else POLICY


class SearchCancelled(Exception):
    """Raised by SearchEngine.search when its cancel hook says stop."""


def _frozen(values) -> frozenset:
    return frozenset(values or ())


@dataclass(frozen=True)
class Filters:
    """Narrow a search; an empty field means "any". Values are those of the facets: the year
    of the issue (of the date outside issues), issue keys, section names, issuers (an attached
    plan counts under its notice's issuer, an interpretation under its bureau), KIND_GROUPS."""
    years: frozenset[int] = frozenset()
    issue_keys: frozenset[str] = frozenset()
    sections: frozenset[str] = frozenset()
    issuers: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()          # KIND_GROUPS
    bookmarked_only: bool = False
    states: frozenset[str] = frozenset()         # 时效: 现行有效, 已废止 … (reader.core.status)

    def __post_init__(self):
        for name in ("years", "issue_keys", "sections", "issuers", "kinds", "states"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    @property
    def active(self) -> bool:
        return bool(self.years or self.issue_keys or self.sections or self.issuers or self.kinds
                    or self.bookmarked_only or self.states)


class Facet(NamedTuple):
    """One value of a facet. A named tuple, not a dataclass: a search over the whole
    library makes hundreds (one per issue), and a tuple costs a fifth as much to make."""
    value: object            # year int, issue key, section name, issuer, kind group, or True
    label: str
    count: int               # matching documents, with every active filter but this facet's own


class Snippet(NamedTuple):
    """A named tuple, not a dataclass: a page of results makes dozens of them per keystroke,
    and a frozen dataclass costs three times as much to make."""
    location: Location       # the first hit in this window: block, offset, length in the block's text
    text: str                # block_text[window_start:window_start + len(text)]
    highlights: tuple[tuple[int, int], ...]   # (start, end) of every hit inside ``text``
    window_start: int = 0
    more_before: bool = False   # the block goes on before / after the window ("…")
    more_after: bool = False


class DocHit:
    """One document of the results. Its hit count and snippets come from the document's text:
    the search reads them for the first screen of results only (``engine.FIRST_SCREEN``); the
    other rows get ``details``, called once when their count or snippets are first asked for
    (the results view shows them). A class with slots rather than a named tuple for that;
    equal when every field is (the details computed)."""
    __slots__ = ("info", "score", "in_title", "in_notes", "exact", "_count", "_snippets", "_details")

    def __init__(self, info: DocInfo, score: float, count: int = 0, snippets: tuple[Snippet, ...] = (),
                 in_title: bool = False, in_notes: bool = False, exact: bool = False,
                 details: Callable[[], tuple[int, tuple[Snippet, ...]]] | None = None):
        self.info = info
        self.score = score
        self.in_title = in_title
        self.in_notes = in_notes               # the user's bookmark notes match
        self.exact = exact                     # the 文号 or code looked up
        self._count, self._snippets, self._details = count, snippets, details

    @property
    def ready(self) -> bool:
        """Are the count and snippets known (nothing left to read)?"""
        return self._details is None

    def _resolve(self) -> None:
        details = self._details
        if details is not None:
            # Set before ``_details`` is cleared: another thread seeing it cleared sees them.
            self._count, self._snippets = details()
            self._details = None

    @property
    def count(self) -> int:
        """Hits of the query's terms in the document's text."""
        if self._details is not None:
            self._resolve()
        return self._count

    @property
    def snippets(self) -> tuple[Snippet, ...]:
        if self._details is not None:
            self._resolve()
        return self._snippets

    def _fields(self) -> tuple:
        return (self.info, self.score, self.count, self.snippets, self.in_title, self.in_notes, self.exact)

    def __eq__(self, other) -> bool:
        return self is other or (isinstance(other, DocHit) and self._fields() == other._fields())

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (f"DocHit({self.info.key!r}, score={self.score}, "
                + (f"count={self._count}, snippets={len(self._snippets)}" if self.ready else "pending") + ")")


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: tuple[str, ...]
    total: int                          # matching documents after filters (hits holds the first ``limit``)
    hits: tuple[DocHit, ...]
    count_facets: Callable[[], dict] | None = field(repr=False, compare=False)     # see ``facets``
    elapsed_ms: float
    lookup: DocInfo | None = None       # the document a 文号/code query names
    excluded: tuple[str, ...] = ()
    matched: tuple[int, ...] = field(default=(), repr=False, compare=False)
    key_of: list = field(default_factory=list, repr=False, compare=False)

    @property
    def facets(self) -> dict[str, tuple[Facet, ...]]:
        """{facet name: facets}, counted when first asked for, then kept: the search hands on the
        page and the total without them (the window shows those, then counts the facets in its
        worker and fills their lists)."""
        done = self.__dict__.get("_facets")
        if done is None:
            done = self.count_facets() if self.count_facets is not None else {}
            object.__setattr__(self, "_facets", done)
            object.__setattr__(self, "count_facets", None)      # what it counted over can go
        return done

    @property
    def keys(self) -> frozenset[str]:
        """Every matching document (after filters), not only the ``hits`` shown.
        Made on demand: a few milliseconds for a query that matches the whole library."""
        return frozenset(map(self.key_of.__getitem__, self.matched))

    @property
    def empty(self) -> bool:
        return self.total == 0 and self.lookup is None
