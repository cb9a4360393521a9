"""One address for a place in the library: document + block + character offset.

Bookmarks, citation links, search hits, back/forward history and "where was I"
all use it. ``block`` indexes the document's blocks, ``offset`` and ``length``
count characters inside that block's text (a point when length is 0).
"""
from __future__ import annotations

from typing import NamedTuple

SCHEME = "gazette"


class Location(NamedTuple):
    doc_key: str
    block: int = 0
    offset: int = 0
    length: int = 0

    def to_url(self) -> str:
        from urllib.parse import quote, urlencode   # not at import: urllib is slow to load
        q = {"key": self.doc_key}
        if self.block or self.offset or self.length:
            q.update(block=self.block, offset=self.offset, length=self.length)
        return f"{SCHEME}:doc?{urlencode(q, quote_via=quote)}"

    @classmethod
    def from_url(cls, url: str) -> "Location | None":
        from urllib.parse import parse_qs, urlsplit
        parts = urlsplit(url)
        if parts.scheme != SCHEME or parts.path != "doc":
            return None
        q = parse_qs(parts.query)
        key = q.get("key", [""])[0]
        if not key:
            return None
        try:
            return cls(key, int(q.get("block", [0])[0]), int(q.get("offset", [0])[0]), int(q.get("length", [0])[0]))
        except ValueError:
            return cls(key)

    def at_document(self) -> "Location":
        return Location(self.doc_key)
