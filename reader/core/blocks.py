"""A block of text and the kinds of blocks: what the reading window needs of the model.

Apart from ``model`` so that opening the window does not pay for the parser's
dataclasses.
"""
from __future__ import annotations

from typing import NamedTuple

# Block kinds: the header lines of an official document keep their own kind so
# that every character of the source lives in exactly one block.
TITLE = "title"
DOC_NUMBER = "doc_number"
CODE = "code"
ADDRESSEES = "addressees"
HEADING = "heading"
PARAGRAPH = "paragraph"
ARTICLE = "article"          # 第X条 of a regulation
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"   # no longer produced: tables are TABLE blocks
TABLE = "table"             # text: cells joined by TAB, rows by newline (see parse.tables)
SIGNATURE = "signature"
DATE = "date"
ATTACHMENT_NOTE = "attachment_note"   # 附件：…
NOTE = "note"                # （此件公开发布） and similar bracketed notes
BLOCK_KINDS = (TITLE, DOC_NUMBER, CODE, ADDRESSEES, HEADING, PARAGRAPH, ARTICLE, LIST_ITEM,
               TABLE_ROW, TABLE, SIGNATURE, DATE, ATTACHMENT_NOTE, NOTE)


class Block(NamedTuple):
    """Immutable; a NamedTuple because thousands are built per document read, and because
    defining it costs a tenth of a frozen dataclass at start-up. ``b._replace(text=…)``."""
    kind: str
    text: str
    level: int | None = None      # headings: 1 一、 / 2 （一） / 3 1. / 4 （1）
    line: int = 0                 # first source line (1-based), for conservation and diagnostics

    @property
    def rows(self) -> list[list[str]]:
        """Table blocks: the cells, row by row (the text holds them TAB- and newline-separated)."""
        return [r.split("\t") for r in self.text.split("\n")] if self.kind == TABLE else []


__all__ = ["Block", "BLOCK_KINDS", "TITLE", "DOC_NUMBER", "CODE", "ADDRESSEES", "HEADING", "PARAGRAPH",
           "ARTICLE", "LIST_ITEM", "TABLE_ROW", "TABLE", "SIGNATURE", "DATE", "ATTACHMENT_NOTE", "NOTE"]
