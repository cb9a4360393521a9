"""Turn the body lines of one document into blocks.

PDF extraction breaks paragraphs at page ends ("十九届历次" | "全会精神"); web
pages do not. With ``join_breaks`` a line that cannot end a paragraph (open
bracket, or no closing punctuation) is joined with the next line.
"""
from __future__ import annotations

from ..model import (ARTICLE, ATTACHMENT_NOTE, DATE, HEADING, LIST_ITEM, NOTE, PARAGRAPH,
                     SIGNATURE, TABLE_ROW, Block)
from ..text import open_brackets
from . import lines as L
from .lines import Line
from .. import dates
from .tables import with_tables

_JOINABLE = (PARAGRAPH, ARTICLE, LIST_ITEM)


def classify(line: Line) -> tuple[str, int | None, str]:
    """(block kind, heading level, text) of a line taken on its own."""
    t = line.text
    if "\t" in t:
        return TABLE_ROW, None, t
    if dates.is_date_line(t) or L.signed_date(t):
        return DATE, None, t
    if L.NOTE.match(t) or L.WEB_NOTE.match(t):
        return NOTE, None, t
    if L.ATTACHMENT.match(t):
        return ATTACHMENT_NOTE, None, t
    b = L.BULLET.match(t)
    if b:
        return LIST_ITEM, None, t[b.end():]
    if L.ARTICLE.match(t):
        return ARTICLE, None, t
    level = L.heading_level(t)
    if level:
        return HEADING, level, t
    return PARAGRAPH, None, t


def _continues(prev: str, nxt: Line) -> bool:
    """Does the paragraph whose last line is ``prev`` go on in ``nxt`` (a page break)?

    Only the last line's own brackets count, and not past a full stop: a bracket
    left open by mistake must not glue the following paragraphs to it, and each
    line is scanned once.
    """
    if L.starts_structure(nxt.text) or prev[-1] in "。！？":
        return False
    if open_brackets(prev) > 0:
        return True
    return prev[-1] not in L.TERMINAL


def _glue(a: str, b: str) -> str:
    # Latin words cut at a line end keep their space; Chinese never had one.
    if a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def body_blocks(lines: list[Line], join_breaks: bool = True) -> list[Block]:
    kinds = [classify(ln) for ln in lines]
    # A short name line right before a date line is the signature (署名).
    for i in range(len(lines) - 1, 0, -1):
        if kinds[i][0] == DATE:
            j = i - 1
            while j >= 0 and kinds[j][0] == PARAGRAPH and L.looks_like_name(lines[j].text, 40) \
                    and (j == i - 1 or L.is_org_name(lines[j].text)):
                kinds[j] = (SIGNATURE, None, lines[j].text)
                j -= 1
    # Lines right after "附件：1.…" that go on numbering the attachments belong to that note.
    for i in range(1, len(lines)):
        if kinds[i - 1][0] == ATTACHMENT_NOTE and kinds[i][0] in (HEADING, PARAGRAPH) \
                and L.heading_marker(lines[i].text) and L.heading_marker(lines[i].text)[0] == 3 \
                and L.looks_like_title(lines[i].text.split(".", 1)[-1]):
            kinds[i] = (ATTACHMENT_NOTE, None, lines[i].text)
    lines, kinds = with_tables(lines, kinds)     # each table's lines: one entry of kind "table"

    blocks: list[Block] = []
    parts: list[str] = []       # the lines of the last block, joined once it is complete
    for ln, (kind, level, text) in zip(lines, kinds):
        if (join_breaks and blocks and kind == PARAGRAPH and blocks[-1].kind in _JOINABLE
                and _continues(parts[-1], ln)):
            parts.append(_glue(parts[-1], text)[len(parts[-1]):])
            continue
        if blocks and len(parts) > 1:
            blocks[-1] = _joined(blocks[-1], parts)
        blocks.append(Block(kind, text, level, ln.no))
        parts = [text]
    if blocks and len(parts) > 1:
        blocks[-1] = _joined(blocks[-1], parts)
    return blocks


def _joined(block: Block, parts: list[str]) -> Block:
    return Block(block.kind, "".join(parts), block.level, block.line)
