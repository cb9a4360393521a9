"""A document's state on a given day, from its own facts and what other texts say about it.

Order of the rules (each one written in the text, none presumed):
1. before the 施行 date: 尚未施行;
2. an end that has come (有效期 over, a repeal in force): 有效期届满 / 已废止 —
   where both apply, the earlier one gives the state and a warning names both;
3. an amendment in force: 已被修改 (still in force, as amended);
4. a known end still ahead (有效期, 有效期至), or a later list that confirms it (继续有效): 现行有效;
5. otherwise 状态不明 — a start alone does not prove a text still holds: a repeal
   outside the library cannot be ruled out.
An explicit 有效期至 wins over a period counted from the start; two different
ends are both shown, with a warning.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..messages import Msg
from .records import AMENDED, EXPIRED, IN_FORCE, NOT_YET, REPEALED, UNKNOWN, DocStatus, Evidence


@dataclass
class Inputs:
    """Everything known about one document, dates already anchored (ISO strings)."""
    date: str | None = None                                       # 成文/印发 date
    starts: list[tuple[str, Evidence]] = field(default_factory=list)
    untils: list[tuple[str, Evidence]] = field(default_factory=list)
    periods: list[tuple[int, Evidence]] = field(default_factory=list)   # months
    repeals: list[tuple[str, Evidence]] = field(default_factory=list)   # effective date, sentence of the repealer
    amends: list[tuple[str, Evidence]] = field(default_factory=list)
    confirms: list[tuple[str, Evidence]] = field(default_factory=list)


def add_months(iso: str, months: int) -> str:
    """The last day of a period of ``months`` starting on ``iso`` (有效期5年 from 2022-06-01: 2027-05-31)."""
    d = dt.date.fromisoformat(iso)
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    day = d.day
    while True:
        try:
            end = dt.date(y, m, day)
            break
        except ValueError:
            day -= 1
    return (end - dt.timedelta(days=1)).isoformat()


def plus_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _cn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def compute(x: Inputs, as_of: str) -> DocStatus:
    warnings: list[str] = []
    evidence: list[Evidence] = []

    start, start_ev = None, None
    if x.starts:
        distinct = sorted({s for s, _ in x.starts})
        start, start_ev = min(x.starts, key=lambda t: t[0])
        if len(distinct) > 1:
            warnings.append(Msg("status.starts_differ", dates=tuple(distinct)))
            evidence += [e for s, e in x.starts if e is not start_ev]
        evidence.append(start_ev)

    # The end: explicit dates win; a period counts from the start (or, with none stated, from the date).
    ends: list[tuple[str, Evidence]] = list(x.untils)
    if x.periods:
        base = start or x.date
        if base:
            for months, ev in x.periods:
                if not x.untils:
                    ends.append((add_months(base, months), ev))
                else:
                    evidence.append(ev)
            if not start and x.date and not x.untils:
                warnings.append(Msg("status.period_from_date", date=x.date))
    until, until_ev = None, None
    if ends:
        distinct = sorted({u for u, _ in ends})
        until, until_ev = min(ends, key=lambda t: t[0])
        if len(distinct) > 1:
            warnings.append(Msg("status.ends_differ", dates=tuple(distinct)))
        evidence += [e for _, e in ends]

    if start and as_of < start:
        return DocStatus(as_of, NOT_YET, None, until, tuple(_unique(evidence)), tuple(warnings))

    # Ends that have come: expiry (the day after the last day) and repeals in force.
    happened: list[tuple[str, str, Evidence]] = []
    if until and until < as_of:
        happened.append((plus_days(until, 1), EXPIRED, until_ev))
    for eff, ev in x.repeals:
        if eff <= as_of:
            happened.append((eff, REPEALED, ev))
            evidence.append(ev)
        else:
            evidence.append(ev)
            warnings.append(Msg("status.to_be_repealed", date=eff))
    if happened:
        happened.sort(key=lambda t: t[0])
        since, state, _ev = happened[0]
        kinds = {s for _, s, _ in happened}
        if len(kinds) > 1:
            warnings.append(Msg("status.expired_and_repealed", until=until) if state == EXPIRED
                            else Msg("status.repealed_before_end", since=since, until=until))
        elif state == REPEALED and len({e for e, _, _ in happened}) > 1:
            # (in the order of their Chinese form, as always printed)
            warnings.append(Msg("status.repeals_differ", dates=tuple(sorted({e for e, _, _ in happened}, key=_cn))))
        return DocStatus(as_of, state, since, until, tuple(_unique(evidence)), tuple(warnings))

    amended = [(e, ev) for e, ev in x.amends if e <= as_of]
    if amended:
        since, ev = max(amended, key=lambda t: t[0])
        evidence += [ev for _, ev in amended]
        return DocStatus(as_of, AMENDED, since, until, tuple(_unique(evidence)), tuple(warnings))

    if until:
        return DocStatus(as_of, IN_FORCE, start, until, tuple(_unique(evidence)), tuple(warnings))
    confirmed = [(e, ev) for e, ev in x.confirms if e <= as_of]
    if confirmed:
        evidence += [ev for _, ev in confirmed]
        return DocStatus(as_of, IN_FORCE, start, None, tuple(_unique(evidence)), tuple(warnings))
    return DocStatus(as_of, UNKNOWN, start, None, tuple(_unique(evidence)), tuple(warnings))


def _unique(items):
    seen, out = set(), []
    for e in items:
        if e is not None and e not in seen:
            seen.add(e)
            out.append(e)
    return out
