"""Hit counts and snippets for the documents on the displayed page."""
from __future__ import annotations

from bisect import bisect_right

from ..location import Location
from ..model import TITLE
from .doctext import DocText
from .results import Snippet
from .textmatch import Term

BEFORE = 24          # characters of context before the first hit of a window
AFTER = 64           # and after it
PER_DOCUMENT = 2     # snippets per document, from different blocks (Ctrl+F lists them all)
FEW_HITS = 3         # a term this long hits a document a few times: its hits are listed, not only counted


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping spans joined (two terms may hit the same characters)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def window(key: str, block: int, text: str, hits: list[tuple[int, int]]) -> Snippet:
    """A short piece of ``text`` around its first hit, with every hit inside it marked."""
    s0, e0 = hits[0]
    start = max(0, s0 - BEFORE)
    end = min(len(text), max(e0, s0 + 1) + AFTER)
    marks = tuple((max(s, start) - start, min(e, end) - start) for s, e in hits if s < end and e > start)
    return Snippet(Location(key, block, s0, e0 - s0), text[start:end], marks, start, start > 0, end < len(text))


def hit_spans(doc: DocText, terms: list[Term], extra=()) -> list[tuple[int, int]]:
    """Every hit in joined coordinates. ``extra`` adds known (block index, start, end) hits,
    such as citations of a 文号 printed in another form."""
    spans = doc.spans(terms) if terms else []
    if extra:
        at = {idx: k for k, idx in enumerate(doc.indices)}
        spans += [(doc.starts[at[b]] + s, doc.starts[at[b]] + e) for b, s, e in extra if b in at]
    return merge(spans) if extra or len(terms) > 1 else spans


def _fast_windows(key: str, doc: DocText, regexes: list) -> tuple[Snippet, ...]:
    """Up to PER_DOCUMENT windows from different blocks, the regexes (the terms' for this text)
    jumping from one block to the next: a common term (的: hundreds a document) costs a few
    searches, not a list of hits."""
    out, title = [], None
    joined, pos = doc.joined, 0
    while len(out) < PER_DOCUMENT:
        if len(regexes) == 1:
            first = regexes[0].search(joined, pos)
        else:
            found = [m for m in (r.search(joined, pos) for r in regexes) if m]
            first = min(found, key=_start) if found else None
        if first is None:
            break
        s0, e0 = first.span()
        k, off = doc.locate(s0)
        base, length = doc.starts[k], doc.lengths[k]
        start = max(0, off - BEFORE)
        end = min(length, off + max(1, e0 - s0) + AFTER)
        marks = []
        for r in regexes:
            for m in r.finditer(joined, s0, base + length):
                if m.start() >= base + end:
                    break
                marks.append((m.start() - base - start, min(m.end() - base, end) - start))
        if len(regexes) > 1:
            marks = merge(marks)
        w = Snippet(Location(key, doc.indices[k], off, e0 - s0), joined[base + start:base + end], tuple(marks),
                    start, start > 0, end < length)
        if doc.kinds[k] == TITLE:
            title = title or w      # shown anyway: used only when the text has nothing else
        else:
            out.append(w)
        pos = base + length + 1
    return tuple(out) or ((title,) if title else ())


def _start(m):
    return m.start()


def _windows_of_spans(key: str, doc: DocText, spans: list[tuple[int, int]]) -> tuple[Snippet, ...]:
    """What ``_fast_windows`` makes, from every hit of one term already found (a term of a few
    characters hits a document a few times: one pass of its regex then serves count and windows)."""
    out, title = [], None
    joined, starts, lengths = doc.joined, doc.starts, doc.lengths
    n, j = len(spans), 0
    while j < n and len(out) < PER_DOCUMENT:
        s0, e0 = spans[j]
        k = bisect_right(starts, s0) - 1
        base, length = starts[k], lengths[k]
        off = s0 - base
        start = off - BEFORE if off > BEFORE else 0
        end = min(length, off + (e0 - s0 or 1) + AFTER)
        limit, block_end, first = base + end, base + length, base + start
        marks = []
        while j < n and spans[j][0] < block_end:
            s, e = spans[j]
            if s < limit:
                marks.append((s - first, (e if e < limit else limit) - first))
            j += 1
        w = Snippet(Location(key, doc.indices[k], off, e0 - s0), joined[first:limit], tuple(marks),
                    start, start > 0, end < length)
        if doc.kinds[k] == TITLE:
            title = title or w      # shown anyway: used only when the text has nothing else
        else:
            out.append(w)
    return tuple(out) or ((title,) if title else ())


def document_hits(key: str, doc: DocText, terms: list[Term], extra=()) -> tuple[int, tuple[Snippet, ...]]:
    """(hit count, snippets) of one document, given every block that may hold a hit."""
    if not extra and terms and doc.exact_for(terms):
        joined = doc.joined
        if len(terms) == 1 and len(terms[0].norm) >= FEW_HITS:
            spans = [m.span() for m in terms[0].regex_for(joined).finditer(joined)]
            return len(spans), _windows_of_spans(key, doc, spans)
        regexes = [t.regex_for(joined) for t in terms]
        # The regexes count in C; windows need only the first hit of a few blocks.
        return sum(len(r.findall(joined)) for r in regexes), _fast_windows(key, doc, regexes)
    spans = hit_spans(doc, terms, extra)
    by_block: dict[int, list[tuple[int, int]]] = {}
    titles: list[int] = []
    for s, e in spans:
        k, off = doc.locate(s)
        if k not in by_block:
            if len(by_block) - len(titles) >= PER_DOCUMENT:
                break
            by_block[k] = []
            if doc.kinds[k] == TITLE:
                titles.append(k)
        by_block[k].append((off, off + e - s))
    # The title is on show anyway: its window only when the text has nothing else.
    chosen = [k for k in by_block if k not in titles] or titles
    snippets = tuple(window(key, doc.indices[k], doc.text(k), by_block[k]) for k in chosen[:PER_DOCUMENT])
    return len(spans), snippets
