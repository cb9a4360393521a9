"""Finding a bookmarked passage again after the library's content changed.

Pure functions over a document's blocks. A passage is found by its quoted
text: still at its offsets → attached; elsewhere in the document → moved (new
offsets, same bookmark); nowhere, or the document gone → detached, which keeps
the bookmark and its last known place so it re-attaches when the text returns.

When a quote occurs more than once, the occurrence whose surrounding text best
matches the remembered prefix/suffix wins, then the one nearest the old place.
If the exact quote is nowhere, a comparison that ignores spaces, full/half-width
forms and letter case is tried (importer upgrades change such details).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from ..model import Block
from .bookmarks import ATTACHED, DETACHED, MOVED, Anchor, Bookmark, Change
from ..messages import Msg

CONTEXT = 32    # characters of prefix and suffix remembered on each side


def make_anchor(blocks: tuple[Block, ...], block: int, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor for characters ``start:end`` of ``blocks[block]`` (a passage lies inside one block)."""
    if not 0 <= block < len(blocks):
        raise ValueError(Msg("bookmark.no_block", block=block))
    text = blocks[block].text
    if not 0 <= start < end <= len(text):
        raise ValueError(Msg("bookmark.outside", start=start, end=end, n=len(text)))
    return Anchor(block, start, end, text[start:end], text[max(0, start - context):start], text[end:end + context])


@dataclass(frozen=True)
class Located:
    status: str
    anchor: Anchor | None


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _fold(text: str) -> tuple[str, list[int]]:
    """Text without spaces, NFKC-normalised and case-folded, with each character's source index."""
    out: list[str] = []
    source: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        for f in unicodedata.normalize("NFKC", ch).casefold():
            if not f.isspace():
                out.append(f)
                source.append(i)
    return "".join(out), source


def _occurrences(quote: str, blocks: tuple[Block, ...]):
    """(block, start, end) of every exact occurrence; failing that, of every folded one."""
    found = []
    for bi, b in enumerate(blocks):
        pos = b.text.find(quote)
        while pos >= 0:
            found.append((bi, pos, pos + len(quote)))
            pos = b.text.find(quote, pos + 1)
    if found:
        return found
    folded_quote, _ = _fold(quote)
    if not folded_quote:
        return found
    for bi, b in enumerate(blocks):
        folded, source = _fold(b.text)
        pos = folded.find(folded_quote)
        while pos >= 0:
            found.append((bi, source[pos], source[pos + len(folded_quote) - 1] + 1))
            pos = folded.find(folded_quote, pos + 1)
    return found


def locate(anchor: Anchor | None, blocks: tuple[Block, ...] | None) -> Located:
    """Where ``anchor`` is in ``blocks`` now (None blocks: the document is not in the library)."""
    if blocks is None:
        return Located(DETACHED, anchor)
    if anchor is None:
        return Located(ATTACHED, None)
    candidates = _occurrences(anchor.quote, blocks) if anchor.quote else []
    if not candidates:
        return Located(DETACHED, anchor)

    def rank(c):
        bi, s, e = c
        text = blocks[bi].text
        context = _common_suffix(anchor.prefix, text[:s]) + _common_prefix(anchor.suffix, text[e:])
        return (-context, abs(bi - anchor.block), abs(s - anchor.start))

    bi, s, e = min(candidates, key=rank)
    if (bi, s, e) == (anchor.block, anchor.start, anchor.end) and blocks[bi].text[s:e] == anchor.quote:
        return Located(ATTACHED, anchor)
    return Located(MOVED, make_anchor(blocks, bi, s, e))


def reanchor(bookmark: Bookmark, blocks: tuple[Block, ...] | None, fingerprint: str) -> Bookmark:
    """The bookmark checked against the document's current blocks. Never drops it.

    ``fingerprint`` is recorded even when the passage is not found (the last known place
    is kept): it says which text the bookmark was checked against ("" when the document
    is gone), so a bookmark is checked again exactly when its document changes.
    """
    found = locate(bookmark.anchor, blocks)
    if found.status == DETACHED:
        return replace(bookmark, status=DETACHED, fingerprint=fingerprint)
    return replace(bookmark, anchor=found.anchor, status=found.status, fingerprint=fingerprint)


@dataclass(frozen=True)
class ReanchorReport:
    attached: tuple[str, ...] = ()     # ids checked and found in place
    moved: tuple[str, ...] = ()        # found elsewhere; offsets updated
    detached: tuple[str, ...] = ()     # not found (kept, flagged)
    changed: tuple[str, ...] = ()      # ids whose stored anchor or status changed in this run
    skipped: int = 0                   # not checked: their document's fingerprint is unchanged


ANCHORED_BUILD = "anchored_build"   # user.db meta: the library build last re-anchored against


def stale_documents(store, library, doc_keys=None) -> set[str]:
    """Documents (of ``doc_keys``, or all) whose bookmarks were checked against another text.

    Per document fingerprint, not per build: an import, a ``--replace`` from the command
    line or another process, a removal, all change it.
    """
    rows = store.checked_against(doc_keys)
    current = library.fingerprints({key for key, _fp, _status in rows})
    return {key for key, fp, status in rows if _stale(fp, status, current.get(key, ""))}


def _stale(checked: str, status: str, fingerprint: str) -> bool:
    """Checked against another text, or shown as found while its document is gone."""
    return checked != fingerprint or (not fingerprint and status != DETACHED)


def needs_reanchor(store, library) -> bool:
    """True when some bookmark's document changed since the bookmark was last checked."""
    return bool(stale_documents(store, library))


def reanchor_stale(store, library, doc_keys=None) -> ReanchorReport:
    """Check the bookmarks of every changed document (of ``doc_keys``, or all) again."""
    stale = stale_documents(store, library, doc_keys)
    if not stale:
        return ReanchorReport()
    return reanchor_all(store, library, only=stale)


def reanchor_all(store, library, force: bool = False, only: set[str] | None = None) -> ReanchorReport:
    """Check every bookmark (trash included) against ``library`` (a reader.core.library.Library).

    Documents whose fingerprint equals the bookmark's are skipped unless the
    bookmark is detached (its text may have come back) or ``force`` is given.
    """
    by_doc: dict[str, list[Bookmark]] = {}
    for b in store.all_bookmarks():
        if only is None or b.doc_key in only:
            by_doc.setdefault(b.doc_key, []).append(b)
    out = {ATTACHED: [], MOVED: [], DETACHED: []}
    changed: list[str] = []
    changed_docs: set[str] = set()
    skipped = 0
    for doc_key, marks in by_doc.items():
        view = library.document(doc_key)
        blocks = view.blocks if view else None
        fingerprint = view.fingerprint if view else ""
        for b in marks:
            if not force and not _stale(b.fingerprint, b.status, fingerprint):
                skipped += 1
                continue
            new = reanchor(b, blocks, fingerprint)
            out[new.status].append(b.id)
            title = view.title if view else None
            if (new.anchor, new.status, new.fingerprint) != (b.anchor, b.status, b.fingerprint) or \
                    (title and title != b.doc_title):
                try:
                    store.set_anchor(b.id, new.anchor, new.status, new.fingerprint, title, notify=False)
                except KeyError:      # purged meanwhile
                    continue
                changed.append(b.id)
                changed_docs.add(doc_key)
    store.set_meta(ANCHORED_BUILD, library.meta("build_id") or "")
    if changed:
        store.notify(Change("anchored", tuple(changed), tuple(sorted(changed_docs))))
    return ReanchorReport(tuple(out[ATTACHED]), tuple(out[MOVED]), tuple(out[DETACHED]), tuple(changed), skipped)
