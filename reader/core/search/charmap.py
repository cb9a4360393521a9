"""Which raw characters normalise to which, one character at a time.

``index.normalize`` is NFKC, case folding, whitespace removed. Taken one
character at a time, most characters map to one character (体 → 体, ， → ,,
Ａ → a) or to nothing (spaces): "simple". The rest are "complex": some
expand (… → ..., Ⅱ → ii, ℃ → °c), some interact with their neighbours
(combining marks, the second half of a canonical composition, Hangul jamo).
Text without a complex character normalises exactly as its characters do
one by one, which lets ``textmatch`` search raw text with regexes.

The tables take ~0.2 s of pure Python to build. They depend only on the
Unicode version, so a library stores them when it is created (meta row
``stored_key()``, ~200 kB of JSON, read back in ~3 ms); a process builds them
only when its Unicode version differs from the library's.
"""
from __future__ import annotations

import json
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass

# Code points that normalise to themselves (a test checks it for the running
# Python): skipping them makes building the tables several times faster.
STABLE_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA48C), (0xAC00, 0xD7A3), (0xD800, 0xF8FF),
    (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x30000, 0x323AF), (0x323B0, 0xDFFFF),
    (0xE0200, 0xEFFFF), (0xF0000, sys.maxunicode),
)
# Hangul vowel and final jamo compose algorithmically with what precedes them.
_JAMO_SECONDS = ((0x1161, 0x1175), (0x11A8, 0x11C2))


def norm_char(ch: str) -> str:
    """``index.normalize`` of one character on its own."""
    return "".join(unicodedata.normalize("NFKC", ch).casefold().split())


def is_ideograph(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def scanned_code_points():
    cp = 0
    for lo, hi in STABLE_RANGES:
        yield from range(cp, lo)
        cp = hi + 1
    yield from range(cp, sys.maxunicode + 1)


def char_class(chars) -> str:
    """A regex class of these characters, as ranges."""
    cps = sorted(set(map(ord, chars)))
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(_escape(cps[i]) + ("-" + _escape(cps[j]) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


def _escape(cp: int) -> str:
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


@dataclass(frozen=True)
class Tables:
    variants: dict[str, str]     # normal character -> other BMP characters that normalise to it
    translate: dict[int, str]    # simple character -> its normal form, for str.translate
    gap: str                     # regex class of the characters that normalise to nothing
    complex_bmp: re.Pattern      # finds a complex character below U+10000 (a bitmap test in sre)
    astral_odd: frozenset[str]   # characters above it that are complex or a variant of another
    segment: re.Pattern          # a complex or gap character with the characters that interact with it
    joins: re.Pattern            # an interacting character: it belongs with the character before it
    sources: dict[str, str]      # normal character -> every other character whose normal form holds it
    inert: frozenset[str]        # normal characters nothing composes into or with (not é, e, 가)


def _composition_pairs() -> tuple[set[str], set[str]]:
    """The first and second characters of every canonical composition."""
    firsts, seconds = set(), set()
    for cp in scanned_code_points():
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<") and len(d.split()) == 2:
            a, b = d.split()
            firsts.add(chr(int(a, 16)))
            seconds.add(chr(int(b, 16)))
    for lo, hi in _JAMO_SECONDS:
        seconds.update(map(chr, range(lo, hi + 1)))
    return firsts, seconds


def build() -> Tables:
    firsts, seconds = _composition_pairs()
    variants: dict[str, list[str]] = {}
    sources: dict[str, str] = {}
    translate: dict[int, str] = {}
    gap, expanding, interacting = [], [], []
    for cp in scanned_code_points():
        ch = chr(cp)
        nfkc = unicodedata.normalize("NFKC", ch)
        n = "".join(nfkc.casefold().split())
        for c in set(n):
            if c != ch:
                sources[c] = sources.get(c, "") + ch
        if (unicodedata.combining(ch) or ch in seconds
                or any(unicodedata.combining(c) or c in seconds for c in nfkc)):
            interacting.append(ch)
        elif not n:
            gap.append(ch)
        elif len(n) > 1:
            expanding.append(ch)
        elif n != ch:
            variants.setdefault(n, []).append(ch)
            translate[cp] = n
    complex_chars = expanding + interacting
    # sre tests a class confined to the BMP with a bitmap, astral ranges one by one: the fast
    # regexes stay in the BMP, and text with an odd astral character (𝟐, 𝐀) takes the slow path.
    odd = {c for c in complex_chars if ord(c) > 0xFFFF}
    odd.update(c for v in variants.values() for c in v if ord(c) > 0xFFFF)
    # A complex character takes along the characters that interact with it; every astral
    # character counts as interacting (joining more than needed is still exact, and the
    # classes stay in the BMP, where sre tests them with a bitmap).
    bmp_interacting = [c for c in interacting if ord(c) <= 0xFFFF]
    joins = f"(?:{char_class(bmp_interacting)}|[\\U00010000-\\U0010ffff])"
    starts = char_class([c for c in expanding + gap if ord(c) <= 0xFFFF] + bmp_interacting)
    segment = re.compile(f"(?:{starts}|[\\U00010000-\\U0010ffff]){joins}*")
    return Tables(
        variants={k: "".join(c for c in v if ord(c) <= 0xFFFF) for k, v in variants.items()},
        translate=translate, gap=char_class(gap),
        complex_bmp=re.compile(char_class([c for c in complex_chars if ord(c) <= 0xFFFF])),
        astral_odd=frozenset(odd), segment=segment, joins=re.compile(joins), sources=sources,
        inert=frozenset(_inert(sources, firsts, interacting)))


def _inert(sources: dict[str, str], firsts: set[str], interacting: list[str]) -> set[str]:
    """Normal characters that no composition makes and none changes: a regex for one of them,
    with its variants, is exact unless the text holds an expanding character that holds it."""
    breaking = set(interacting)
    out = set()
    for c in set(sources) | {chr(cp) for cp in range(0x20, 0x3000)}:
        if (norm_char(c) == c and unicodedata.normalize("NFD", c) == c and c not in firsts
                and c not in breaking and not ("\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f")):
            out.add(c)
    return out


def is_inert(c: str) -> bool:
    # Ideographs are all inert (a test checks it); the table holds the rest.
    return is_ideograph(c) or c in tables().inert


_tables: Tables | None = None
_lock = threading.Lock()


def tables() -> Tables:
    global _tables
    if _tables is None:
        with _lock:
            if _tables is None:
                _tables = build()
    return _tables


FORMAT = 1


def stored_key() -> str:
    return f"charmap:{FORMAT}:{unicodedata.unidata_version}"


def to_json(t: Tables) -> str:
    return json.dumps({
        "variants": t.variants, "translate": {str(k): v for k, v in t.translate.items()}, "gap": t.gap,
        "complex_bmp": t.complex_bmp.pattern, "astral_odd": sorted(t.astral_odd), "segment": t.segment.pattern,
        "joins": t.joins.pattern, "sources": t.sources, "inert": sorted(t.inert)},
        ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def from_json(text: str) -> Tables:
    x = json.loads(text)
    return Tables(variants=x["variants"], translate={int(k): v for k, v in x["translate"].items()}, gap=x["gap"],
                  complex_bmp=re.compile(x["complex_bmp"]), astral_odd=frozenset(x["astral_odd"]),
                  segment=re.compile(x["segment"]), joins=re.compile(x["joins"]), sources=x["sources"],
                  inert=frozenset(x["inert"]))


def load_stored(conn) -> bool:
    """Take the tables a library stored for this Unicode version, if it has them (no build)."""
    global _tables
    if _tables is not None:
        return True
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (stored_key(),)).fetchone()
    except Exception:      # sqlite3.Error: an odd file; the tables are then built on first use
        return False
    if row is None:
        return False
    with _lock:
        if _tables is None:
            _tables = from_json(row[0])
    return True
