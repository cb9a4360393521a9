"""Filters and facet counts over the matched documents, in memory.

Each facet counts the matches that pass every *other* active filter, so with
2022 chosen the year facet still says how many the other years would give.
Year, issue and section are counted together through one "place" code per
document: one Counter pass over ints instead of three over strings.
"""
from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import compress, repeat

from ..status.records import STATES, UNKNOWN
from .catalog import PLACE_PARTS, Catalog, Codes
from .picking import picker
from .results import APPOINTMENT, FACET_NAMES, INTERPRETATION, KIND_GROUPS, POLICY, Facet, Filters

KIND_LABELS = {POLICY: "政策文件", INTERPRETATION: "政策解读", APPOINTMENT: "人事任免"}


def _tests(cat: Catalog, f: Filters, marked: set[int], states: dict[int, str] | None = None) -> dict:
    """name -> function keeping the ids that pass that filter, for every active filter."""
    tests = {}
    for part, (name, wanted) in enumerate((("year", f.years), ("issue", f.issue_keys), ("section", f.sections))):
        if wanted:
            ok = cat.places.accepting(wanted, part)
            tests[name] = lambda ids, ok=ok, codes=cat.place: [i for i in ids if ok[codes[i]]]
    if f.kinds:
        ok = [g in f.kinds for g in KIND_GROUPS]
        tests["kind"] = lambda ids, ok=ok, codes=cat.group: [i for i in ids if ok[codes[i]]]
    if f.issuers:
        ok = cat.issuers.accepting(f.issuers)
        tests["issuer"] = lambda ids, ok=ok, codes=cat.issuer: [i for i in ids if ok[codes[i]]]
    if f.bookmarked_only:
        tests["bookmarked"] = lambda ids: [i for i in ids if i in marked]
    if f.states:        # statuses not known yet: every text counts as 状态不明
        known = states or {}
        tests["status"] = lambda ids: [i for i in ids if known.get(i, UNKNOWN) in f.states]
    return tests


class _Counting:
    """The id sets the facets count over, and counting over them."""

    def __init__(self, cat: Catalog, matched, tests: dict):
        self.cat, self.matched, self.tests = cat, matched, tests
        self.bases = {None: self._passing(None)}
        self.left_out: dict = {}
        self.pickers: dict = {}

    def _passing(self, skip):
        ids = self.matched
        for name, test in self.tests.items():
            if name != skip:
                ids = test(ids)
        return ids

    def base(self, name: str):
        """What a facet counts: the final matches, unless its own filter is active."""
        key = name if name in self.tests else None
        if key not in self.bases:
            self.bases[key] = self._passing(key)
        return self.bases[key]

    def count(self, codes_name: str, ids) -> Counter:
        """How many of ``ids`` have each code. For most of the library (的) it is cheaper to
        count the documents left out and subtract from the library's totals."""
        cat = self.cat
        codes = getattr(cat, codes_name)
        if len(ids) * 5 <= cat.count * 3:
            values = self._pick(ids)(codes)
            if codes_name == "group":       # three codes: tuple.count runs by identity, in C
                return Counter({g: n for g in range(len(KIND_GROUPS)) if (n := values.count(g))})
            return Counter(values)
        if codes_name not in cat.totals:
            cat.totals[codes_name] = Counter(map(codes.__getitem__, cat.all_ids))
        if id(ids) not in self.left_out:        # the same ids serve several facets
            self.left_out[id(ids)] = cat.all_ids.difference(ids)
        counts = cat.totals[codes_name].copy()
        for code, n in Counter(self._pick(self.left_out[id(ids)])(codes)).items():
            counts[code] -= n
        return counts

    def _pick(self, ids):
        """The same ids serve several facets: their picker is made once."""
        if id(ids) not in self.pickers:
            self.pickers[id(ids)] = (ids, picker(ids))     # ids kept: their id stays theirs
        return self.pickers[id(ids)][1]


class Counting:
    """One search's filters and facets: the ids passing every filter now (``final``: the total
    and the page need them), the facets when first asked for (``facets``): the window lists the
    page and the total first, then fills the facets' lists (closed until the user opens one)."""

    def __init__(self, cat: Catalog, matched, f: Filters, marked: set[int] | None,
                 states: dict[int, str] | None = None):
        """``states``: id → 时效 state, when the library's statuses are known."""
        self.cat, self.marked, self.states = cat, marked or set(), states
        self._c = _Counting(cat, matched, _tests(cat, f, self.marked, states))
        # ``matched`` itself when no filter is active, else a list.
        self.final = self._c.bases[None]

    def facets(self) -> dict[str, tuple[Facet, ...]]:
        """{facet name: facets}, each counting the matches that pass every other filter."""
        cat, c, marked, states = self.cat, self._c, self.marked, self.states
        facets = {}
        by_base: dict = {}                  # the place facets counting over the same ids
        for name in PLACE_PARTS:
            by_base.setdefault(id(c.base(name)), []).append(name)
        for names in by_base.values():
            sums = {name: [0] * len(cat.part_codes[name].values) for name in PLACE_PARTS}
            years, issues, sections = sums["year"], sums["issue"], sums["section"]
            parts = cat.place_parts
            for code, n in c.count("place", c.base(names[0])).items():
                y, i, s = parts[code]
                years[y] += n
                issues[i] += n
                sections[s] += n
            for name in names:
                facets[name] = _place_facets(cat, name, sums[name])
        kinds = c.count("group", c.base("kind"))
        facets["kind"] = tuple(Facet(g, KIND_LABELS[g], kinds[k]) for k, g in enumerate(KIND_GROUPS) if kinds[k])
        values = cat.issuers.values
        issuers = c.count("issuer", c.base("issuer"))
        facets["issuer"] = _by_count(cat.issuers, [code for code, n in issuers.items()
                                                   if n and values[code] is not None], issuers)
        n = len(marked.intersection(c.base("bookmarked"))) if marked else 0
        facets["bookmarked"] = (Facet(True, "有书签", n),) if n else ()
        facets["status"] = ()
        if states is not None:
            by_state = Counter(map(states.get, c.base("status"), repeat(UNKNOWN)))
            facets["status"] = tuple(Facet(s, s, by_state[s]) for s in STATES if by_state[s])
        return {name: facets[name] for name in FACET_NAMES}


def _place_facets(cat: Catalog, name: str, sums: list[int]) -> tuple[Facet, ...]:
    """Years and issues newest first (an order fixed per catalog), sections by count. A library
    holds thousands of issues: the ones with matches are picked and made facets in C."""
    values = cat.part_codes[name].values
    if name == "section":
        return _by_count(cat.part_codes[name], [c for c, n in enumerate(sums) if n and values[c]], sums)
    order = cat.part_order[name]
    codes = list(compress(order, map(sums.__getitem__, order)))
    return _facets(map(values.__getitem__, codes), map(cat.part_labels[name].__getitem__, codes),
                   map(sums.__getitem__, codes))


_new_facet = partial(tuple.__new__, Facet)


def _facets(values, labels, counts) -> tuple[Facet, ...]:
    """Facet tuples without a Python call each (hundreds of issues a search)."""
    return tuple(map(_new_facet, zip(values, labels, counts)))


def _by_count(codes: Codes, present: list[int], counts) -> tuple[Facet, ...]:
    """Facets of the ``present`` codes (``counts[code]`` documents each), most documents first,
    then by value: two sorts of ints in C (Python's sort is stable; values rank once per catalog)."""
    present.sort(key=codes.ranks().__getitem__)
    present.sort(key=counts.__getitem__, reverse=True)
    values = list(map(codes.values.__getitem__, present))
    return _facets(values, values, map(counts.__getitem__, present))

