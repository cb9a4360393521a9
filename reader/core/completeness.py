"""Which issues of each publication and year the library holds, and which are missing.

What can honestly be known:

* 期 numbers restart at 1 every year, so any number below the highest one held
  that is not held is missing;
* whether issues are missing after the last one held cannot be known from the
  numbers alone. It can be inferred when the next year's first issue carries a
  cumulative number (总期号) — the numbers in between belong to the two years —
  or when the expected count per year is configured;
* cumulative numbers run on across years, so a gap in them is a missing issue
  even where the 期 numbers say nothing.

The inference from cumulative numbers assumes one cumulative number per 期
number, as double issues like 第5-6期（总第154—155期） have; where a double issue
carries a single cumulative number the count is only a lower bound, and a note
says so.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .messages import Msg
from .records import IssueInfo

CONFIGURED, CUMULATIVE = "configured", "cumulative"


# A note is a core message (reader/core/catalogue.py, "completeness.*"): Chinese as it is
# (the command line and dumps print it), in the window's language through its code.
Note = Msg


def _note(code: str, **args) -> Msg:
    return Msg("completeness." + code, **args)


@dataclass(frozen=True)
class Slot:
    """One 期 number of a year."""
    number: int
    present: bool
    issue_key: str | None = None
    label: str | None = None
    cumulative: int | None = None       # printed, or inferred for a missing issue
    cumulative_inferred: bool = False


@dataclass(frozen=True)
class YearCompleteness:
    publication: str
    year: int
    slots: tuple[Slot, ...]              # numbers 1..last, for a table row per number
    present: tuple[int, ...]
    missing: tuple[int, ...]
    expected: int | None                 # how many numbers the year had, when known
    expected_source: str                 # "configured", "cumulative" or "" (unknown)
    complete: bool | None                # None: whether issues follow the last one held is unknown
    notes: tuple[str, ...] = ()

    @property
    def last(self) -> int:
        return len(self.slots)


@dataclass(frozen=True)
class CumulativeGap:
    missing: tuple[int, ...]             # cumulative numbers held by no issue
    after: str | None                    # label of the issue before the gap
    before: str | None                   # label of the issue after it


@dataclass(frozen=True)
class PublicationCompleteness:
    publication: str
    years: tuple[YearCompleteness, ...]  # oldest first
    cumulative_first: int | None
    cumulative_last: int | None
    cumulative_gaps: tuple[CumulativeGap, ...]
    cumulative_problems: tuple[str, ...]  # the same number twice, numbers out of order

    @property
    def cumulative_continuous(self) -> bool | None:
        """None when no issue carries a cumulative number."""
        if self.cumulative_first is None:
            return None
        return not self.cumulative_gaps and not self.cumulative_problems

    @property
    def missing(self) -> tuple[tuple[int, int], ...]:
        """(year, number) of every issue known to be missing."""
        return tuple((y.year, n) for y in self.years for n in y.missing)


def completeness(issues: Iterable[IssueInfo], expected_per_year: int | None = None,
                 expected: Mapping[tuple[str, int], int] | None = None) -> tuple[PublicationCompleteness, ...]:
    """Per publication (by name), per year (oldest first).

    ``expected[(publication, year)]`` sets a year's issue count; ``expected_per_year``
    applies to every year but a publication's newest, which may still be running.
    """
    by_pub: dict[str, list[IssueInfo]] = {}
    for i in issues:
        by_pub.setdefault(i.publication, []).append(i)
    return tuple(_publication(pub, items, expected_per_year, expected or {})
                 for pub, items in sorted(by_pub.items()))


def _order(i: IssueInfo):
    return (i.year, i.numbers[0] if i.numbers else 0)


def _publication(pub: str, items: list[IssueInfo], per_year: int | None,
                 expected: Mapping[tuple[str, int], int]) -> PublicationCompleteness:
    items = sorted(items, key=_order)
    newest = items[-1].year
    # A double issue with one cumulative number breaks the one-to-one counting.
    one_to_one = all(len(i.cumulative) == len(i.numbers) for i in items if i.cumulative)
    out = []
    for year in range(items[0].year, newest + 1):
        this = [i for i in items if i.year == year]
        nxt = [i for i in items if i.year == year + 1]
        configured = expected.get((pub, year))
        if configured is None and per_year is not None and year != newest:
            configured = per_year
        if not this:
            out.append(_empty_year(pub, year, configured))
            continue
        inferred = _inferred_count(this, nxt) if nxt else None
        out.append(_year(pub, year, this, configured, inferred, one_to_one))
    first, last, gaps, problems = _cumulative(items)
    return PublicationCompleteness(pub, tuple(out), first, last, tuple(gaps), tuple(problems))


def _inferred_count(this: list[IssueInfo], nxt: list[IssueInfo]) -> int | None:
    """Numbers in this year, from the cumulative numbers of its last issue and next year's first."""
    a = next((i for i in reversed(this) if i.cumulative and i.numbers), None)
    b = next((i for i in nxt if i.cumulative and i.numbers), None)
    if a is None or b is None:
        return None
    between = b.cumulative[0] - a.cumulative[-1] - 1      # cumulative numbers of the issues in between
    return a.numbers[-1] + between - (b.numbers[0] - 1)


def _empty_year(pub: str, year: int, configured: int | None) -> YearCompleteness:
    if configured:
        slots = tuple(Slot(n, False) for n in range(1, configured + 1))
        return YearCompleteness(pub, year, slots, (), tuple(range(1, configured + 1)), configured, CONFIGURED,
                                False, (_note("year_empty_configured"),))
    return YearCompleteness(pub, year, (), (), (), None, "", None,
                            (_note("year_empty"),))


def _year(pub: str, year: int, items: list[IssueInfo], configured: int | None, inferred: int | None,
          one_to_one: bool) -> YearCompleteness:
    notes: list[str] = []
    held: dict[int, IssueInfo] = {}
    for i in items:
        for num in i.numbers:
            if num in held and held[num].key != i.key:
                notes.append(_note("number_twice", num=num, first=held[num].label, second=i.label))
            held.setdefault(num, i)
    top = max(held) if held else 0
    if inferred is not None and inferred < top:
        notes.append(_note("inferred_below_top", inferred=inferred, top=top))
        inferred = None
    if inferred is not None and not one_to_one:
        notes.append(_note("inferred_lower_bound", inferred=inferred))
    count, source = None, ""
    if configured is not None:
        count, source = configured, CONFIGURED
        if inferred is not None and one_to_one and inferred != configured:
            notes.append(_note("configured_vs_inferred", configured=configured, inferred=inferred))
    elif inferred is not None and one_to_one:
        count, source = inferred, CUMULATIVE
    last = max(top, count or 0)
    if configured is not None and top > configured:
        notes.append(_note("configured_below_top", configured=configured, top=top))
    offset = _offset(items, notes)
    slots = []
    for num in range(1, last + 1):
        i = held.get(num)
        if i is not None:
            k = i.numbers.index(num)
            cum = i.cumulative[k] if len(i.cumulative) == len(i.numbers) else (
                i.cumulative[0] if len(i.cumulative) == 1 else None)
            slots.append(Slot(num, True, i.key, i.label, cum))
        else:
            slots.append(Slot(num, False, cumulative=offset + num if offset is not None else None,
                              cumulative_inferred=offset is not None))
    missing = tuple(s.number for s in slots if not s.present)
    if count is not None:
        complete = not missing
    else:
        complete = False if missing else None
        notes.append(_note("after_top_unknown", top=top))
    return YearCompleteness(pub, year, tuple(slots), tuple(sorted(held)), missing, count, source,
                            complete, tuple({str(n): n for n in notes}.values()))


def _offset(items: list[IssueInfo], notes: list[str]) -> int | None:
    """Cumulative minus 期 number, when it is the same for every issue of the year."""
    offsets = {i.cumulative[0] - i.numbers[0] for i in items
               if i.cumulative and i.numbers and len(i.cumulative) == len(i.numbers)}
    if len(offsets) > 1:
        notes.append(_note("offsets_differ"))
        return None
    return offsets.pop() if offsets else None


def _cumulative(items: list[IssueInfo]):
    with_cum = [i for i in items if i.cumulative]
    if not with_cum:
        return None, None, [], []
    gaps, problems = [], []
    seen: dict[int, str] = {}
    for i in with_cum:
        for c in range(i.cumulative[0], i.cumulative[-1] + 1):
            if c in seen:
                problems.append(_note("cumulative_twice", number=c, first=seen[c], second=i.label))
            seen.setdefault(c, i.label)
    for a, b in zip(with_cum, with_cum[1:]):
        if b.cumulative[0] <= a.cumulative[-1]:
            if not any(p.params.get("first") == a.label and p.params.get("second") == b.label for p in problems):
                problems.append(_note("cumulative_backwards", first=a.label, second=b.label))
        elif b.cumulative[0] > a.cumulative[-1] + 1:
            gaps.append(CumulativeGap(tuple(range(a.cumulative[-1] + 1, b.cumulative[0])), a.label, b.label))
    return min(seen), max(seen), gaps, list({str(p): p for p in problems}.values())


__all__ = ["Note", "Slot", "YearCompleteness", "CumulativeGap", "PublicationCompleteness", "completeness",
           "CONFIGURED", "CUMULATIVE"]
