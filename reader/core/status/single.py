"""The status one text gives itself, without a library (no repeal by others can be known)."""
from __future__ import annotations

from . import phrases
from .compute import Inputs, compute, plus_days
from .records import DocStatus, Evidence


def anchored_start(f, base: str | None) -> str | None:
    """A start fact's day: the date it names, or days after ``base`` (自印发之日起 counts from the text's date)."""
    return f.date or (plus_days(base, f.days) if base else None)


def add_own_fact(x: Inputs, f, key: str, base: str | None) -> None:
    """One thing a text says of itself (start, end, period) into the inputs of its status."""
    ev = Evidence(f.kind, key, f.block, f.text)
    if f.kind == "start":
        start = anchored_start(f, base)
        if start:
            x.starts.append((start, ev))
    elif f.kind == "until" and f.date:
        x.untils.append((f.date, ev))
    elif f.kind == "period" and f.months:
        x.periods.append((f.months, ev))


def inputs_from_facts(facts, date: str | None, key: str = "") -> Inputs:
    """Anchor a text's own facts: a relative start ("自印发之日起") counts from ``date``."""
    x = Inputs(date=date)
    for f in facts:
        add_own_fact(x, f, key, date)
    return x


def status_of_text(title: str, lines: list[str], date: str | None, as_of: str, number: str | None = None,
                   key: str = "") -> DocStatus:
    blocks = [(i, "paragraph", line) for i, line in enumerate(lines)]
    return compute(inputs_from_facts(phrases.read(title, blocks, number), date, key), as_of)
