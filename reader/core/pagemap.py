"""Where a place in a document falls on its printed form, without laying it out.

The printed form is GB/T 9704: 22 lines of 28 characters a page. Counting each
block's lines the way the printout sets them (a 2-character first-line indent,
titles in 2号 at about 18 characters a line with a blank line after) gives a
page-equivalent position for the status bar ("第3页/共11页") cheaply enough to
update while scrolling. It is an estimate of the printout, not the printout.
"""
from __future__ import annotations

from math import ceil

from .blocks import TITLE, Block

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
TITLE_CHARS_PER_LINE = 18


def _lines(b: Block) -> int:
    n = len(b.text)
    if b.kind == TITLE:
        return max(1, ceil(n / TITLE_CHARS_PER_LINE)) + 1
    return max(1, ceil((n + 2) / CHARS_PER_LINE))


def block_pages(blocks) -> list[int]:
    """The page (1-based) on which each block starts."""
    pages, line = [], 0
    for b in blocks:
        pages.append(line // LINES_PER_PAGE + 1)
        line += _lines(b)
    return pages


def page_count(blocks) -> int:
    return max(1, ceil(sum(_lines(b) for b in blocks) / LINES_PER_PAGE))


def page_of(blocks, block: int, offset: int = 0) -> int:
    """The page of a character: ``offset`` characters into block ``block``."""
    line = sum(_lines(b) for b in blocks[:block])
    if 0 <= block < len(blocks):
        line += (offset + 2) // CHARS_PER_LINE
    return min(line // LINES_PER_PAGE + 1, page_count(blocks))


def packet_position(packet, doc: int, block: int, offset: int = 0) -> tuple[int, int]:
    """(page, pages) in a policy printed with its attachments (``packet``: each document's
    blocks, in print order): each attachment starts a new page, as GB/T 9704 sets it."""
    counts = [page_count(blocks) for blocks in packet]
    return sum(counts[:doc]) + page_of(packet[doc], block, offset), sum(counts)
