"""Which characters of a text no font can draw (Qt-free).

The shipped fonts' code points are listed in ``resources/fonts/coverage.txt`` (written by
tools/make_fonts.py), so the check needs no font library.  A caller with access to the
system's fonts (the Qt layer) passes ``also_drawable`` to accept what an installed face shows.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from reader.resources import resource_path
from .messages import Msg

COVERAGE_FILE = "coverage.txt"


@lru_cache(maxsize=4)
def _ranges(path: str) -> tuple[tuple[int, int], ...]:
    out = []
    for line in Path(path).read_text(encoding="ascii").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        a, _, b = line.partition("-")
        out.append((int(a, 16), int(b or a, 16)))
    return tuple(sorted(out))


def shipped_ranges(path: Path | None = None) -> tuple[tuple[int, int], ...]:
    """The (first, last) code point ranges the shipped fonts draw; empty if the file is absent."""
    if path is None:
        return _shipped_ranges()
    return _ranges(str(path)) if path.exists() else ()


@lru_cache(maxsize=1)
def _shipped_ranges() -> tuple[tuple[int, int], ...]:
    # Once: the facts panel asks at every document opened (finding the file is a few syscalls).
    return shipped_ranges(resource_path("fonts", COVERAGE_FILE))


def shipped_covers(ch: str, ranges: tuple[tuple[int, int], ...] | None = None) -> bool:
    ranges = shipped_ranges() if ranges is None else ranges
    cp = ord(ch)
    lo, hi = 0, len(ranges)
    while lo < hi:                       # binary search over the sorted ranges
        mid = (lo + hi) // 2
        a, b = ranges[mid]
        if cp < a:
            hi = mid
        elif cp > b:
            lo = mid + 1
        else:
            return True
    return False


def _needs_glyph(ch: str) -> bool:
    # Spaces, controls, format characters (ZWJ, BOM…) and variation selectors draw nothing.
    # Private-use and unassigned code points do need a glyph (a 方正 PUA character shows as a box).
    cat = unicodedata.category(ch)
    return not (cat in ("Cc", "Cf", "Cs") or cat[0] == "Z" or 0xFE00 <= ord(ch) <= 0xFE0F
                or 0xE0100 <= ord(ch) <= 0xE01EF)


@dataclass(frozen=True)
class MissingGlyph:
    char: str
    where: tuple[str, ...]          # e.g. "标题", "第3段" — as the caller names its parts
    count: int

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


def missing_glyphs(parts: Iterable[tuple[str, str]],
                   also_drawable: Callable[[str], bool] | None = None,
                   ranges: tuple[tuple[int, int], ...] | None = None) -> list[MissingGlyph]:
    """Characters of ``parts`` ((where, text) pairs) that neither a shipped face nor
    ``also_drawable`` (e.g. an installed face) can show, in order of first appearance."""
    # Against the shipped faces and the installed ones (the window's question at every document
    # opened), the verdicts are kept: a library uses a few thousand characters in all.
    verdict = _verdicts if ranges is None and also_drawable is _system_check else {}
    ranges = shipped_ranges() if ranges is None else ranges
    parts = list(parts)
    # Each distinct character once (a set made in C); the usual answer, nothing missing, ends here.
    chars = set().union(*(text or "" for _where, text in parts))
    for ch in chars.difference(verdict):
        verdict[ch] = not _needs_glyph(ch) or shipped_covers(ch, ranges) or bool(also_drawable and also_drawable(ch))
    if all(verdict[ch] for ch in chars):
        return []
    found: dict[str, tuple[list[str], int]] = {}
    for where, text in parts:
        for ch in text or "":
            if verdict[ch]:
                continue
            places, n = found.get(ch, ([], 0))
            if where not in places:
                places.append(where)
            found[ch] = (places, n + 1)
    return [MissingGlyph(ch, tuple(p), n) for ch, (p, n) in found.items()]


def describe(missing: list[MissingGlyph], limit: int = 8) -> str:
    """One line for a report: "缺字 2 个：𰻝 (U+30EDD，标题、第3段)；…"."""
    if not missing:
        return ""
    code, params = _counted("glyph.missing", missing, limit)
    return Msg(code, **params)


def _counted(code: str, missing: list[MissingGlyph], limit: int) -> tuple:
    """(code, params) of a line counting the characters, the first ``limit`` of them shown."""
    shown = tuple(Msg("glyph.char_more" if len(m.where) > 3 else "glyph.char", char=m.char, code=m.code,
                      where=tuple(m.where[:3])) for m in missing[:limit])
    params = {"n": len(missing), "shown": shown}
    if len(missing) > limit:
        return code + "_more", dict(params, more=len(missing) - limit)
    return code, params


# The Qt layer registers a check against the installed faces (reader.gui.fonts.can_show);
# without it (command line, tests) only the shipped faces count.
_system_check: Callable[[str], bool] | None = None
_verdicts: dict[str, bool] = {}     # character → drawable by a shipped or installed face


def set_system_check(check: Callable[[str], bool] | None) -> None:
    global _system_check
    _system_check = check
    _verdicts.clear()


def block_parts(title: str, blocks) -> list[tuple[str, str]]:
    """(where, text) of a document: "标题", then "第N段" for each block (numbered from 1)."""
    return [(Msg("glyph.where_title"), title)] + [(Msg("glyph.where_block", n=i), b.text)
                                                  for i, b in enumerate(blocks, 1)]


def document_missing(doc) -> list[MissingGlyph]:
    """Characters of a document (a model.Document or a records.DocumentView) no face can show."""
    return missing_glyphs(block_parts(doc.title, doc.blocks), _system_check)


def document_warnings(docs) -> list[str]:
    """One import-report line for each document with characters no face can show."""
    out = []
    for doc in docs:
        missing = document_missing(doc)
        if missing:
            code, params = _counted("glyph.document", missing, 8)
            out.append(Msg(code, title=doc.title, **params))
    return out
