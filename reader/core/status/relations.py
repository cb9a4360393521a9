"""Resolving the texts a document names (by 文号 or title) to library documents, and 替代 by name.

A target resolves when the library holds a document with that 文号 (or code), that
title, or a 印发 notice printing that title in 《》. A text never resolves to itself
or to its own attachments, and a repeal or an amendment never to a later text:
"现将修订后的《X》印发" names the older X, not the attached new one.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..text import fold
from .phrases import Target


class DocRow(NamedTuple):
    id: int
    key: str
    parent_id: int | None
    role: str
    title: str
    title_fold: str
    doc_number: str | None
    code: str | None
    issuer: str | None
    date: str | None
    fingerprint: int            # a hash of the text's fingerprint: a change of text changes it


_NUMBER = re.compile(r"^(.+)〔(\d{4})〕(\d+)号$")
_QUOTED = re.compile(r"《([^《》]+)》")
_HEAD = re.compile(r"^.*?关于(?:印发|转发|发布|公布)?")


def loose(title_fold: str) -> str:
    """A title without its issuer, 关于印发 and brackets: "X的通知" for "某局关于印发《X》的通知"."""
    t = _HEAD.sub("", title_fold) if "关于" in title_fold[:40] else title_fold
    return t.replace("《", "").replace("》", "").replace("〈", "").replace("〉", "")


class Resolver:
    """The names a target may use (文号 and code, (year, serial), title, loose title, a title in
    《》 of a 印发 notice), each filed under its document in a temporary table of ``conn``: on disk
    with SQLite's default temp store, so that the names of 60,000 documents cost the window no
    memory; a lookup is one indexed query. ``rows``: id → DocRow, read when asked."""

    def __init__(self, conn, rows):
        self.conn, self.rows = conn, rows
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS status_names (kind TEXT NOT NULL, name TEXT NOT NULL, "
                     "doc_id INTEGER NOT NULL)")
        conn.execute("CREATE INDEX IF NOT EXISTS temp.status_names_name ON status_names(kind, name)")
        conn.execute("CREATE INDEX IF NOT EXISTS temp.status_names_doc ON status_names(doc_id)")

    @staticmethod
    def _keys(r: DocRow):
        if r.role == "interpretation":
            return
        for n in sorted({r.doc_number, r.code} - {None}):
            yield "n", n
        m = _NUMBER.match(r.doc_number or "")
        if m:
            yield "s", f"{m.group(2)}/{m.group(3)}"
        if r.title_fold:
            yield "t", r.title_fold
            yield "l", loose(r.title_fold)
            for inner in _QUOTED.findall(r.title_fold):
                yield "i", inner

    def add_all(self, rows) -> None:
        """File the names of these rows (an iterable: read as it goes)."""
        self.conn.executemany("INSERT INTO status_names VALUES (?, ?, ?)",
                              ((kind, name, r.id) for r in rows for kind, name in self._keys(r)))

    def add(self, r: DocRow) -> None:
        self.add_all([r])

    def remove(self, doc_id: int) -> None:
        self.conn.execute("DELETE FROM status_names WHERE doc_id = ?", (doc_id,))

    def clear(self) -> None:
        self.conn.execute("DELETE FROM status_names")

    def _named(self, kind: str, name: str) -> list[DocRow]:
        ids = [i for (i,) in self.conn.execute(
            "SELECT doc_id FROM status_names WHERE kind = ? AND name = ? ORDER BY doc_id", (kind, name))]
        return [r for r in map(self.rows.get, ids) if r is not None]

    @staticmethod
    def lookup_keys(r: DocRow) -> list[str]:
        """The keys under which a target naming ``r`` is filed (see ``target_keys``)."""
        keys = [f"n:{n}" for n in {r.doc_number, r.code} - {None}]
        m = _NUMBER.match(r.doc_number or "")
        if m:
            keys.append(f"s:{m.group(2)}/{m.group(3)}")
        if r.title_fold:
            keys += [f"t:{r.title_fold}", f"l:{loose(r.title_fold)}"]
            keys += [f"t:{inner}" for inner in _QUOTED.findall(r.title_fold)]
        return keys

    @staticmethod
    def target_keys(t: Target) -> list[str]:
        keys = []
        if t.number:
            keys.append(f"n:{t.number}")
            m = _NUMBER.match(t.number)
            if m:
                keys.append(f"s:{m.group(2)}/{m.group(3)}")
        if t.title:
            keys += [f"t:{t.title}", f"l:{loose(t.title)}"]
        return keys

    def top(self, r: DocRow) -> DocRow:
        while r.parent_id is not None and r.role != "interpretation":
            parent = self.rows.get(r.parent_id)
            if parent is None:
                break
            r = parent
        return r

    def resolve(self, t: Target, source: DocRow, earlier_only: bool) -> DocRow | None:
        src_top = self.top(source).id
        candidates: list[DocRow] = []
        if t.number:
            candidates = self._named("n", t.number) or self._by_tail(t.number)
        if not candidates and t.title:
            candidates = (self._named("t", t.title) or self._named("l", loose(t.title))
                          or self._named("i", t.title))
        src_date = self._date(source)
        good = []
        for c in candidates:
            if self.top(c).id == src_top:
                continue
            if earlier_only and src_date and self._date(c) and self._date(c) > src_date:
                continue
            good.append(c)
        if not good:
            return None
        # The main document before its attachment, then the latest text of that name.
        good.sort(key=lambda c: (c.parent_id is not None, -(int((self._date(c) or "0").replace("-", "")) or 0), c.id))
        return good[0]

    def _by_tail(self, number: str) -> list[DocRow]:
        """A 文号 whose prefix lost its head in running text ("经信发〔2023〕49号" after a cut at 经)
        still names the one document whose prefix ends that way."""
        m = _NUMBER.match(number)
        if not m or len(m.group(1)) < 2:
            return []
        hits = [r for r in self._named("s", f"{m.group(2)}/{m.group(3)}")
                if _NUMBER.match(r.doc_number).group(1).endswith(m.group(1))]
        return hits if len(hits) == 1 else []

    def _date(self, r: DocRow) -> str | None:
        if r.date:
            return r.date
        parent = self.rows.get(r.parent_id) if r.parent_id is not None else None
        return parent.date if parent is not None else None


_RANGE = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*(?:年)?\s*[-—–~至到]+\s*((?:19|20)\d\d)\s*年?\s*[)）]")


def replacements(rows) -> list[tuple[int, int]]:
    """(newer id, older id) pairs: the same title and issuer, the newer period starting after the older
    one's. ``rows``: an iterable of DocRow (read as it goes; only ids are kept)."""
    groups: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for r in rows:
        if r.parent_id is not None or r.role != "main":
            continue
        m = _RANGE.search(r.title_fold)
        if not m:
            continue
        base = _RANGE.sub("", loose(r.title_fold))
        groups.setdefault((base, fold(r.issuer or "")), []).append((int(m.group(1)), int(m.group(2)), r.id))
    pairs = []
    for items in groups.values():
        items.sort()
        for (s0, e0, older), (s1, e1, newer) in zip(items, items[1:]):
            if s1 > s0:
                pairs.append((newer, older))
    return pairs
