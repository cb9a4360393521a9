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
    def __init__(self, rows: dict[int, DocRow]):
        self.rows = rows            # shared with the index: rows are added and removed there
        self.by_number: dict[str, list[DocRow]] = {}
        self.by_title: dict[str, list[DocRow]] = {}
        self.by_loose: dict[str, list[DocRow]] = {}
        self.by_inner: dict[str, list[DocRow]] = {}
        self.by_serial: dict[tuple[str, str], list[DocRow]] = {}    # (year, serial) → documents
        for r in rows.values():
            self.add(r)

    def _keys(self, r: DocRow):
        if r.role == "interpretation":
            return
        for n in {r.doc_number, r.code} - {None}:
            yield self.by_number, n
        m = _NUMBER.match(r.doc_number or "")
        if m:
            yield self.by_serial, (m.group(2), m.group(3))
        if r.title_fold:
            yield self.by_title, r.title_fold
            yield self.by_loose, loose(r.title_fold)
            for inner in _QUOTED.findall(r.title_fold):
                yield self.by_inner, inner

    def add(self, r: DocRow) -> None:
        for table, k in self._keys(r):
            table.setdefault(k, []).append(r)

    def remove(self, r: DocRow) -> None:
        for table, k in self._keys(r):
            items = table.get(k, [])
            if r in items:
                items.remove(r)
            if not items:
                table.pop(k, None)

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
        while r.parent_id is not None and r.role != "interpretation" and r.parent_id in self.rows:
            r = self.rows[r.parent_id]
        return r

    def resolve(self, t: Target, source: DocRow, earlier_only: bool) -> DocRow | None:
        src_top = self.top(source).id
        candidates: list[DocRow] = []
        if t.number:
            candidates = self.by_number.get(t.number) or self._by_tail(t.number)
        if not candidates and t.title:
            candidates = (self.by_title.get(t.title) or self.by_loose.get(loose(t.title))
                          or self.by_inner.get(t.title) or [])
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
        hits = [r for r in self.by_serial.get((m.group(2), m.group(3)), [])
                if _NUMBER.match(r.doc_number).group(1).endswith(m.group(1))]
        return hits if len(hits) == 1 else []

    def _date(self, r: DocRow) -> str | None:
        if r.date:
            return r.date
        if r.parent_id in self.rows:
            return self.rows[r.parent_id].date
        return None


_RANGE = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*(?:年)?\s*[-—–~至到]+\s*((?:19|20)\d\d)\s*年?\s*[)）]")


def replacements(rows: dict[int, DocRow]) -> list[tuple[DocRow, DocRow]]:
    """(newer, older) pairs: the same title and issuer, the newer period starting after the older one's."""
    groups: dict[tuple[str, str], list[tuple[int, int, DocRow]]] = {}
    for r in rows.values():
        if r.parent_id is not None or r.role != "main":
            continue
        m = _RANGE.search(r.title_fold)
        if not m:
            continue
        base = _RANGE.sub("", loose(r.title_fold))
        groups.setdefault((base, fold(r.issuer or "")), []).append((int(m.group(1)), int(m.group(2)), r))
    pairs = []
    for items in groups.values():
        items.sort(key=lambda t: (t[0], t[1]))
        for (s0, e0, older), (s1, e1, newer) in zip(items, items[1:]):
            if s1 > s0:
                pairs.append((newer, older))
    return pairs
