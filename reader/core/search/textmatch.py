"""Find normalised search terms in raw block text, reporting raw offsets.

The index sees text through ``index.normalize``. Normalising fifty documents
per keystroke is too slow in CPython (NFKC costs ~0.3 µs a character), and
highlights need offsets in the raw text anyway. So each character of a term
becomes a regex class of every raw character that normalises to it (see
``charmap``), with optional gap characters (spaces) between them, and the
regex runs over the raw text in C. That is exact for text without complex
characters; text with one (rare) is matched on its normal form, built run by
run, and mapped back.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_right
from functools import lru_cache

from .charmap import char_class, is_inert, norm_char, tables
from .index import normalize

LEADS = 8             # a first class this large or larger is scanned as it is (see Term.regex_for)
SEPARATOR = "\x00"    # joins blocks; never in a term, so no match spans two blocks
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _may_hold_astral(text: str) -> bool:
    # CPython keeps a str holding a character above U+FFFF at 4 bytes a character: its size
    # says so in O(1). Never wrong the other way; at worst a text takes the exact path needlessly.
    if len(text) < 64:
        return _ASTRAL.search(text) is not None
    return sys.getsizeof(text) >= 4 * len(text)


def is_simple(text: str) -> bool:
    """True when the regexes of Term find exactly what matching the normal form would."""
    t = tables()
    if t.complex_bmp.search(text):
        return False
    if _may_hold_astral(text):     # rare here (a name in CJK Extension B)
        return not any(c in t.astral_odd for c in _ASTRAL.findall(text))
    return True


def odd_characters(text: str) -> frozenset[str]:
    """The complex characters and astral variants in ``text`` (usually none)."""
    t = tables()
    odd = set(t.complex_bmp.findall(text))
    if _may_hold_astral(text):
        odd.update(c for c in _ASTRAL.findall(text) if c in t.astral_odd)
    return frozenset(odd)


class Term:
    """One normalised search term and how to find it in raw text."""

    def __init__(self, norm: str):
        t = tables()
        self.norm = norm
        # The regex needs every character of the term to be a plain normal character.
        self.fast = bool(norm) and all(norm_char(c) == c and is_simple(c) for c in norm)
        self.regex = self.danger = None
        self._leads = ""
        self._led: dict[str, re.Pattern] = {}
        self.danger_astral: frozenset[str] = frozenset()
        self.danger_chars: frozenset[str] = frozenset()
        if self.fast:
            classes = [char_class(c + t.variants.get(c, "")) for c in norm]
            self.regex = re.compile(f"{t.gap}*".join(classes))
            # The regex engine scans for one first character several times faster than for a
            # class of them (革 or ⾰; ( or （): in a text holding only one of the class, the
            # regex led by that one finds the same hits (``regex_for``).
            variants = t.variants.get(norm[0], "")
            if variants and len(variants) < LEADS:
                self._leads = norm[0] + variants
                self._rest = classes[1:]
            if all(is_inert(c) for c in norm):
                # Nothing composes into these characters or changes next to them: the regex is
                # exact unless the text holds a character expanding into one of them (㊤ ⑫ …)
                # or an astral variant (the regex classes stay in the BMP).
                danger = {x for c in norm for x in t.sources.get(c, "")
                          if x in t.astral_odd or x not in t.variants.get(c, "")}
                bmp = [x for x in danger if ord(x) <= 0xFFFF]
                self.danger = re.compile(char_class(bmp)) if bmp else False
                self.danger_astral = frozenset(x for x in danger if ord(x) > 0xFFFF)
                self.danger_chars = frozenset(danger)

    def regex_for(self, text: str) -> re.Pattern:
        """``regex``, or one finding the same hits in ``text`` faster: led by the one character
        of the first class that the text holds (the others cannot start a hit there)."""
        if not self._leads:
            return self.regex
        present = [c for c in self._leads if c in text]
        if len(present) != 1:
            return self.regex
        lead = present[0]
        led = self._led.get(lead)
        if led is None:
            led = self._led[lead] = re.compile(f"{tables().gap}*".join([char_class(lead)] + self._rest))
        return led

    def exact_on(self, text: str) -> bool:
        """Does the regex find exactly this term's hits in ``text``?"""
        if not self.fast:
            return False
        if self.danger is None:
            return is_simple(text)
        if self.danger and self.danger.search(text):
            return False
        if self.danger_astral and _may_hold_astral(text):
            return not any(c in self.danger_astral for c in _ASTRAL.findall(text))
        return True

    def exact_given(self, odd: frozenset[str]) -> bool:
        """``exact_on`` for a text known to hold exactly these complex or odd characters."""
        if not self.fast:
            return False
        if self.danger is None:
            return not odd
        return not (odd & self.danger_chars)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) raw spans of this term in text, left to right."""
        if self.exact_on(text):
            return [m.span() for m in self.regex.finditer(text)]
        return find_slow(text, self.norm)


def _segments(text: str) -> list[tuple[int, int]]:
    """Raw spans that must be normalised as a whole: complex characters with what they
    interact with (the character before an interacting one included), and gap runs."""
    t = tables()
    out: list[tuple[int, int]] = []
    for m in t.segment.finditer(text):
        s, e = m.span()
        if s and t.joins.match(text, s):
            s -= 1
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=512)
def term(norm: str) -> Term:
    """A Term, kept: while typing, the same terms come back search after search."""
    return Term(norm)


def normal_pieces(text: str) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """The normal form of ``text`` and its pieces (normal start, raw start, raw end, linear):
    runs of simple characters map one to one ("linear"), the segments as a whole."""
    table = tables().translate
    parts, pieces = [], []
    n = pos = 0
    for s, e in _segments(text) + [(len(text), len(text))]:
        if s > pos:
            run = text[pos:s].translate(table)
            parts.append(run)
            pieces.append((n, pos, s, True))
            n += len(run)
        seg = normalize(text[s:e])      # "" for spaces
        if seg:
            parts.append(seg)
            pieces.append((n, s, e, False))
            n += len(seg)
        pos = e
    return "".join(parts), pieces


def find_slow(text: str, norm: str) -> list[tuple[int, int]]:
    """Exact for any text: match on the normal form, map back through the pieces."""
    if not norm:
        return []
    normal, pieces = normal_pieces(text)
    starts = [p[0] for p in pieces]

    def raw(pos: int, end: bool) -> int:
        ns, rs, re_, linear = pieces[bisect_right(starts, pos) - 1]
        if linear:
            return rs + pos - ns + end
        return re_ if end else rs

    out = []
    i = normal.find(norm)
    while i >= 0:
        out.append((raw(i, False), raw(i + len(norm) - 1, True)))
        i = normal.find(norm, i + len(norm))
    return out


def anchors(terms: list[Term], rarity, most: int = 6) -> list[str] | None:
    """Raw characters of which every block holding a hit of some term holds one, for an SQL
    prefilter (``instr``); None when that cannot be said cheaply. Only inert characters serve:
    for them the characters normalising to or into one are all there is. Each term offers its
    cheapest: few documents (``rarity``), and few alternatives (each costs a pass of instr)."""
    out: list[str] = []
    sources = tables().sources
    for t in terms:
        choices = [c for c in set(t.norm) if is_inert(c) and len(sources.get(c, "")) < most]
        if not choices:
            return None
        best = min(choices, key=lambda c: (rarity(c) + 1) * (1 + len(sources.get(c, ""))))
        out.append(best)
        out.extend(sources.get(best, ""))
    return out if len(out) <= 2 * most else None
