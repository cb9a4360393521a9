"""A document's facts, read once when it is stored (they depend on its own text only) and kept
in the library (table ``status_facts``) as JSON, so that no start reads every text again.

JSON, not pickle: a library file may come from anywhere, and reading one must never run code.
A row that is not what this module writes reads as no facts.
"""
from __future__ import annotations

import json

from . import phrases
from .phrases import Fact, Target

OWN = ("start", "until", "period")          # facts that make a text's own status
_KINDS = {"start", "until", "period", "repeal", "amend", "basis", "forward", "confirm"}


def facts_of(title: str, blocks, doc_number: str | None, parent_title: str | None = None) -> tuple[Fact, ...]:
    """The facts a document states. ``blocks``: (index, kind, text) of all its blocks, every one
    read (once, when the text is stored: a keyword filter that spared the start its reading also
    missed sentences such as "依照2006年…通过的《…》"). ``parent_title``: the title of the notice it
    is attached to, if any."""
    return phrases.read(title, blocks, doc_number, bool(parent_title and phrases.is_repeal_notice(parent_title)))


def is_own(facts) -> bool:
    """Does the text say something of its own status (施行, 有效期), not only of others'?"""
    return any(f.kind in OWN for f in facts)


def encode(facts) -> str:
    return json.dumps([[f.kind, f.block, f.text, f.date, f.event, f.days, f.months, f.how,
                        [[t.title, t.number, t.printed] for t in f.targets]] for f in facts],
                      ensure_ascii=False, separators=(",", ":"))


def decode(text) -> tuple[Fact, ...]:
    try:
        rows = json.loads(text)
        return tuple(_fact(r) for r in rows)
    except (TypeError, ValueError, RecursionError):      # not what this module writes
        return ()


def _fact(r) -> Fact:
    kind, block, text, date, event, days, months, how, targets = r
    if (kind not in _KINDS or type(block) is not int or not isinstance(text, str)
            or not all(x is None or isinstance(x, str) for x in (date, event))
            or type(days) is not int or type(months) is not int or not isinstance(how, str)):
        raise ValueError("not a fact")
    return Fact(kind, block, text, date, event, days, months, how, tuple(_target(t) for t in targets))


def _target(t) -> Target:
    title, number, printed = t
    if not all(x is None or isinstance(x, str) for x in (title, number)) or not isinstance(printed, str):
        raise ValueError("not a target")
    return Target(title, number, printed)
