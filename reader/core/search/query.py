"""Parse what a person types into the search box. Pure functions, no I/O.

- Terms separated by spaces (ASCII or full-width) must all occur (AND).
- "quoted text" or “quoted text” is one term; spaces inside do not count
  (the index ignores whitespace), so it is the same as the text without them.
- A leading minus (- or －) excludes documents containing the term: -解读.
- A whole query that reads as a 文号 (永政发[2022]6号, 永政发〔2022〕6号,
  永政发2022 6号) or a standard code (YZCR-2022-00004) is also looked up.

Nothing is an error: an unbalanced quote runs to the end, a lone minus is
ignored, and a query with no usable term is searched for literally.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import docnumber
from .index import normalize

QUOTES = {'"': '"', "“": "”", "”": "”", "＂": "＂"}
MINUS = ("-", "－")


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple[str, ...]        # as typed (quotes and minus removed)
    excluded: tuple[str, ...]
    norms: tuple[str, ...]        # the same terms as the index sees them
    excluded_norms: tuple[str, ...]
    doc_number: str | None = None  # normal form, when the whole query is a 文号
    code: str | None = None        # when the whole query is a standard code

    @property
    def is_empty(self) -> bool:
        return not self.norms and not self.excluded_norms and not self.doc_number and not self.code


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(text, excluded, quoted) pieces, left to right."""
    out: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        excluded = False
        if ch in MINUS and i + 1 < n and not text[i + 1].isspace():
            excluded, i = True, i + 1
            ch = text[i]
        if ch in QUOTES:
            close = QUOTES[ch]
            end = text.find(close, i + 1)
            end = n if end < 0 else end
            out.append((text[i + 1:end], excluded, True))
            i = end + 1
            continue
        j = i
        while j < n and not text[j].isspace() and not (j > i and text[j] in QUOTES):
            j += 1
        out.append((text[i:j], excluded, False))
        i = j
    return out


def _dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen, out = set(), []
    for raw, norm in pairs:
        if norm and norm not in seen:
            seen.add(norm)
            out.append((raw, norm))
    return out


def _clean(text: str) -> str:
    # Control characters never occur in stored text; NUL also separates blocks in matching.
    return "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())


def looks_like_code(text: str) -> str | None:
    s = unicodedata.normalize("NFKC", text).strip().upper()
    return s if docnumber.CODE.fullmatch(s) else None


def parse(text: str) -> Query:
    text = _clean(text)
    positive: list[tuple[str, str]] = []
    negative: list[tuple[str, str]] = []
    for raw, excluded, quoted in _tokens(text):
        if not quoted and raw in MINUS:
            continue              # a lone minus
        (negative if excluded else positive).append((raw, normalize(raw)))
    positive, negative = _dedupe(positive), _dedupe(negative)
    if not positive and not negative and normalize(text):
        positive = [(text.strip(), normalize(text))]   # only operators: search them literally
    number = docnumber.parse_query(text.strip()) if text.strip() else None
    code = looks_like_code(text)
    return Query(
        text=text, terms=tuple(r for r, _ in positive), excluded=tuple(r for r, _ in negative),
        norms=tuple(n for _, n in positive), excluded_norms=tuple(n for _, n in negative),
        doc_number=number.normal if number else None, code=code)


_SPACE = re.compile(r"\s+")


def describe(q: Query) -> str:
    """A one-line echo of how the query was understood (for the status bar)."""
    parts = [f"“{t}”" for t in q.terms] + [f"−“{t}”" for t in q.excluded]
    if q.doc_number:
        parts.append(f"文号 {q.doc_number}")
    if q.code:
        parts.append(f"编码 {q.code}")
    return _SPACE.sub(" ", " ".join(parts))
