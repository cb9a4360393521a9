"""Stable keys, citations and fingerprints, set once a parse is complete.

Keys never involve row ids: user data (bookmarks, notes) points at them and
must survive rebuilding the library from its sources.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace

from .. import docnumber
from ..model import CODE, DOC_NUMBER, TITLE, Citation, Document, Issue, Section
from ..text import fold

_QUOTED_TITLE = re.compile(r"《([^《》]{2,120})》")
_NO_CITATIONS = (TITLE, DOC_NUMBER, CODE)


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def fingerprint(doc: Document) -> str:
    text = "\n".join(unicodedata.normalize("NFC", b.text) for b in doc.blocks)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def citations(doc: Document) -> tuple[Citation, ...]:
    found: list[Citation] = []
    own = doc.doc_number
    for bi, b in enumerate(doc.blocks):
        if b.kind in _NO_CITATIONS:
            continue
        for d in docnumber.find_all(b.text):
            if d.normal != own:
                found.append(Citation("doc_number", d.printed, d.normal, bi, d.start, d.end))
        for m in _QUOTED_TITLE.finditer(b.text):
            found.append(Citation("title", m.group(1), fold(m.group(1)), bi, m.start(1), m.end(1)))
    found.sort(key=lambda c: (c.block, c.start))
    return tuple(found)


def issue_key(publication: str, year: int, numbers: tuple[int, ...]) -> str:
    return f"{publication}/{year}/{'-'.join(str(n) for n in numbers)}"


def _own_id(doc: Document) -> str:
    return doc.doc_number or doc.code or "T" + short_hash(fold(doc.title))


def _complete(doc: Document, key: str, used: set[str]) -> Document:
    base, n = key, 2
    while key in used:
        key = f"{base}~{n}"
        n += 1
    used.add(key)
    attachments = tuple(
        _complete(a, f"{key}/附件{i}", used) for i, a in enumerate(doc.attachments, 1))
    interps = tuple(_complete(d, _interp_key(key.rsplit("/", 1)[0], d), used) for d in doc.interpretations)
    doc = replace(doc, key=key, attachments=attachments, interpretations=interps)
    return replace(doc, citations=citations(doc), fingerprint=fingerprint(doc))


def _interp_key(prefix: str, doc: Document) -> str:
    return f"{prefix}/解读/{short_hash(fold(doc.explains or doc.title))}"


def finalize_issue(issue: Issue) -> Issue:
    key = issue_key(issue.publication, issue.year, issue.numbers)
    used: set[str] = set()
    sections = []
    for s in issue.sections:
        docs = []
        for d in s.documents:
            own = _interp_key(key, d) if d.kind == "interpretation" else f"{key}/{_own_id(d)}"
            docs.append(_complete(d, own, used))
        sections.append(Section(s.name, s.order, tuple(docs)))
    return replace(issue, key=key, sections=tuple(sections))


def finalize_standalone(doc: Document) -> Document:
    return _complete(doc, f"文件/{_own_id(doc)}", set())
