"""Proof that import lost nothing: every Chinese character, letter and digit of the
source is in exactly one stored block (or the front matter), in order, except the
lines the importer dropped on purpose and lists."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Document, Dropped, Issue, Standalone
from .text import significant
from .messages import Msg


@dataclass(frozen=True)
class Report:
    ok: bool
    expected: int          # significant characters the source has outside dropped lines
    stored: int            # significant characters found in blocks and front matter
    first_difference: str  # context around the first mismatch, "" when ok


def _source_chars(text: str, dropped: tuple[Dropped, ...]) -> str:
    skip = {d.line for d in dropped}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "".join(significant(ln) for no, ln in enumerate(lines, 1) if no not in skip)


def _pieces(docs) -> list[tuple[int, int, str]]:
    out = []
    for top in docs:
        for d in top.walk():
            for i, b in enumerate(d.blocks):
                out.append((b.line, i, b.text))
    return out


def _compare(expected: str, stored: str) -> Report:
    if expected == stored:
        return Report(True, len(expected), len(stored), "")
    n = next((i for i, (a, b) in enumerate(zip(expected, stored)) if a != b), min(len(expected), len(stored)))
    ctx = Msg("note.first_difference", n=n, source=expected[max(0, n - 10):n + 10],
              stored=stored[max(0, n - 10):n + 10])
    return Report(False, len(expected), len(stored), ctx)


def check_issue(source_text: str, issue: Issue) -> Report:
    pieces = [(no, -1, text) for no, text in issue.front_matter] + _pieces(issue.documents())
    pieces.sort(key=lambda p: (p[0], p[1]))
    stored = "".join(significant(t) for _, _, t in pieces)
    return _compare(_source_chars(source_text, issue.dropped), stored)


def check_standalone(source_text: str, item: Standalone) -> Report:
    pieces = sorted(_pieces([item.document]), key=lambda p: (p[0], p[1]))
    stored = "".join(significant(t) for _, _, t in pieces)
    return _compare(_source_chars(source_text, item.dropped), stored)


def document_chars(doc: Document) -> str:
    return "".join(significant(b.text) for d in doc.walk() for b in d.blocks)
