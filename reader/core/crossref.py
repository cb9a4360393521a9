"""Which part of a policy a heading of its 解读 talks about.

A 解读 walks through its policy ("（三）部门工作职责。明确…" for the policy's
"三、部门工作职责"): match the phrase after the heading number against the
policy's headings, so the reader can jump from one to the other.
"""
from __future__ import annotations

from .location import Location
from .blocks import HEADING, Block
from .headings import heading_marker
from .text import fold


def _phrase(b: Block) -> str | None:
    hm = heading_marker(b.text)
    if not hm:
        return None
    rest = b.text[hm[1]:].strip()
    for stop in "。；：:":
        rest = rest.split(stop, 1)[0]
    rest = fold(rest)
    return rest if len(rest) >= 2 else None


def _shared(a: str, b: str) -> float:
    """2 × characters in common / total length: an upper bound of SequenceMatcher.ratio()."""
    left: dict[str, int] = {}
    for c in b:
        left[c] = left.get(c, 0) + 1
    common = 0
    for c in a:
        if left.get(c):
            left[c] -= 1
            common += 1
    return 2 * common / (len(a) + len(b))


def _score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(b) >= 4 and b in a:    # "《实施计划》的保障措施" names "保障措施"
        return 0.9
    if _shared(a, b) < 0.85:
        return 0.0                # an upper bound of the ratio below already rules it out
    from difflib import SequenceMatcher   # only for near matches, off the start-up path
    return SequenceMatcher(None, a, b).ratio()


def link_headings(interpretation: tuple[Block, ...],
                  policy: list[tuple[str, tuple[Block, ...]]]) -> dict[int, Location]:
    """Interpretation block index → Location of the policy heading it names."""
    targets: list[tuple[str, Location]] = []
    exact: dict[str, Location] = {}
    for doc_key, blocks in policy:
        for i, b in enumerate(blocks):
            if b.kind == HEADING:
                p = _phrase(b)
                if p:
                    targets.append((p, Location(doc_key, i)))
                    exact.setdefault(p, Location(doc_key, i))
    links: dict[int, Location] = {}
    for i, b in enumerate(interpretation):
        p = _phrase(b)
        if not p:
            continue
        if p in exact:
            links[i] = exact[p]
            continue
        best = max(targets, key=lambda t: _score(p, t[0]), default=None)
        if best and _score(p, best[0]) >= 0.85:
            links[i] = best[1]
    return links
