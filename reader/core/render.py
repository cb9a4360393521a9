"""A document as HTML for reading on screen, styled after GB/T 9704 (Qt-free).

Every block becomes exactly one paragraph whose visible text is the block's
text, character for character (``white-space: pre-wrap``), so a Location's
(block, offset) maps straight to a position in the rendered document. A table
block becomes a table, one paragraph per cell: ``Rendered.place`` and
``Rendered.base`` map offsets in the block's text to a cell and back. All text
is escaped: a ``<script>`` in a document shows as text.
"""
from __future__ import annotations

from typing import NamedTuple

from .location import Location
from .messages import Msg, render as say
from .blocks import (DATE, HEADING,
                    SIGNATURE, TABLE, Block)
from .records import DocumentView, ResolvedCitation


class RenderStyle(NamedTuple):
    """Fonts and colours chosen by the Qt layer (font stacks are CSS family lists)."""
    body_font: str = "serif"
    title_font: str = "serif"
    heading1_font: str = "sans-serif"
    heading2_font: str = "serif"
    body_pt: float = 16.0            # 3号
    title_pt: float = 22.0           # 2号
    text_color: str = "#1d1d1d"
    muted_color: str = "#6b6b6b"
    link_color: str = "#1a4f8b"
    rule_color: str = "#b8b0a0"
    title_weight: int = 700
    language: str = "zh_CN"          # of the link tooltips (core messages, reader/core/catalogue.py)


class Rendered:
    def __init__(self, html: str, blocks: list[tuple[str, int] | None] | None = None):
        self.html = html
        # For each paragraph of the rendered document: the (doc_key, block index) it shows,
        # or None for a separator. Index = QTextBlock number.
        self.blocks: list[tuple[str, int] | None] = blocks if blocks is not None else []
        self._index: dict[tuple[str, int], int] = {}
        self._indexed = -1        # len(blocks) when the index was built
        # Paragraphs that show a table cell: paragraph number -> offset of the cell in its block's text.
        self.bases: dict[int, int] = {}

    def base(self, paragraph: int) -> int:
        """Offset in the block's text where this paragraph's text starts (0 but in table cells)."""
        return self.bases.get(paragraph, 0)

    def place(self, doc_key: str, block: int, offset: int) -> tuple[int, int] | None:
        """(paragraph, offset inside it) of a character of a block: the cell that holds it in a table."""
        first = self.paragraph_of(doc_key, block)
        if first is None:
            return None
        para = first
        while self.bases.get(para + 1, 0) and self.blocks[para + 1] == (doc_key, block) \
                and self.bases[para + 1] <= offset:
            para += 1
        return para, offset - self.base(para)

    def paragraph_of(self, doc_key: str, block: int) -> int | None:
        # A dict, built once rendering is done: highlighting asks for every hit and bookmark.
        if self._indexed != len(self.blocks):
            self._index = {}
            for n, b in enumerate(self.blocks):
                if b is not None:
                    self._index.setdefault(b, n)
            self._indexed = len(self.blocks)
        return self._index.get((doc_key, block))


def _stylesheet(s: RenderStyle) -> str:
    """One style sheet per document, paragraphs named by class: far less for Qt to parse
    than the same properties written out on every paragraph."""
    return (
        f"body {{ color: {s.text_color}; font-family: {s.body_font}; font-size: {s.body_pt:.1f}pt; }}"
        # The size again on p: Qt resolves em lengths against the paragraph's own font size.
        f"p {{ white-space: pre-wrap; text-indent: 2em; font-size: {s.body_pt:.1f}pt; }}"
        f"p.title {{ font-family: {s.title_font}; font-size: {s.title_pt:.1f}pt; font-weight: {s.title_weight};"
        " text-align: center; text-indent: 0; margin-top: 0.6em; margin-bottom: 0.9em; }"
        "p.doc_number { text-align: center; text-indent: 0; margin-bottom: 0.2em; }"
        f"p.code {{ text-align: center; text-indent: 0; color: {s.muted_color}; margin-bottom: 0.8em; }}"
        "p.addressees { text-indent: 0; margin-top: 0.6em; }"
        "p.table_row { text-indent: 0; margin-left: 2em; }"
        f"p.note {{ color: {s.muted_color}; }}"
        "p.attachment_note { margin-top: 0.8em; }"
        "p.signature { text-align: right; text-indent: 0; margin-right: 2em; margin-top: 1.2em; }"
        "p.date { text-align: right; text-indent: 0; margin-right: 4em; }"
        f"p.h1 {{ font-family: {s.heading1_font}; margin-top: 0.5em; }}"
        f"p.h2 {{ font-family: {s.heading2_font}; }}"
        f"a {{ color: {s.link_color}; }}"
        f"a.heading {{ color: {s.text_color}; text-decoration: none; }}"
        f"p.rule {{ text-align: center; text-indent: 0; color: {s.rule_color}; margin-top: 1.5em; margin-bottom: 1.5em; }}"
        # Tables: ruled with the theme's rule colour, cells set flush (no first-line indent).
        f"table.grid {{ border-collapse: collapse; border-color: {s.rule_color}; margin-top: 0.5em; margin-bottom: 0.5em; }}"
        f"td {{ border: 1px solid {s.rule_color}; padding: 3px 5px; white-space: pre-wrap; font-size: {s.body_pt * 0.8:.1f}pt; }}"
        "td.head { font-weight: 700; text-align: center; }"
    )


def _class_for(b: Block) -> str:
    if b.kind == HEADING:
        return "h1" if b.level == 1 else "h2" if b.level == 2 else "h3"
    return b.kind


def escape(text: str) -> str:
    """What html.escape does, without importing html (and its entity table) at start-up."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _width_em(text: str) -> float:
    """Printed width in em: Chinese characters are square, ASCII half as wide."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def _centre_over(signature: str, date: str) -> float:
    """Right margin (em) that centres the signature over a date set 4 em from the right (GB/T 9704)."""
    return max(0.0, 4 + (_width_em(date) - _width_em(signature)) / 2)


def _with_links(text: str, links: list[tuple[int, int, str, str]]) -> str:
    """Escape text, wrapping [start, end) spans in links (href, tooltip)."""
    out, pos = [], 0
    for start, end, href, tip in sorted(links):
        if start < pos or end > len(text):
            continue  # overlapping citations: keep the first
        out.append(escape(text[pos:start]))
        # The tooltip is itself taken for HTML when it looks like some: wrapped and escaped, a
        # cited title is shown as the characters it has.
        shown = f"<qt>{escape(tip)}</qt>"
        out.append(f'<a href="{escape(href)}" title="{escape(shown)}">{escape(text[start:end])}</a>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def render_documents(docs: list[tuple[DocumentView, dict[int, Location]]], style: RenderStyle) -> Rendered:
    """Render documents one after another (a policy and its attached plans).

    ``docs`` pairs each document with extra links for some of its blocks (block
    index → Location), used for 解读 headings that point into the policy.
    """
    r = Rendered("")
    parts = [f"<html><head><style>{_stylesheet(style)}</style></head><body>"]
    for n, (doc, extra) in enumerate(docs):
        if n:
            parts.append('<p class="rule">— — —</p>')
            r.blocks.append(None)
        by_block: dict[int, list[ResolvedCitation]] = {}
        for c in doc.citations:
            if c.target_key and c.target_key != doc.key:
                by_block.setdefault(c.block, []).append(c)
        see_in_policy = escape(say(Msg("render.see_in_policy"), style.language))
        for i, b in enumerate(doc.blocks):
            links = [(c.start, c.end, Location(c.target_key).to_url(),
                      say(Msg("render.open", title=c.target_title or c.text), style.language))
                     for c in by_block.get(i, ())]
            text = _with_links(b.text, links)
            if i in extra:
                text = (f'<a href="{escape(extra[i].to_url())}" title="{see_in_policy}" '
                        f'class="heading" style="color: {style.text_color};">{text}</a>')
            own = ""
            # Right-hand margins inline: Qt resolves em in class rules against the wrong size.
            if b.kind == DATE:
                own = f' style="font-size: {style.body_pt:.1f}pt; text-indent: 0; margin-right: 4em;"'
            elif b.kind == SIGNATURE and i + 1 < len(doc.blocks) and doc.blocks[i + 1].kind == DATE:
                own = (f' style="font-size: {style.body_pt:.1f}pt; text-indent: 0; '
                       f'margin-right: {_centre_over(b.text, doc.blocks[i + 1].text):.1f}em;"')
            if b.kind == TABLE:
                parts.append(_table_html(b, r, (doc.key, i), links))
                continue
            parts.append(f'<p class="{_class_for(b)}"{own}>{text}</p>')
            r.blocks.append((doc.key, i))
    parts.append("</body></html>")
    r.html = "".join(parts)
    return r


def _table_html(b: Block, r: Rendered, where: tuple[str, int], links) -> str:
    """A table block as an HTML table, one paragraph per cell (row by row, as Qt numbers them).
    Short rows are padded with empty cells so the grid stays square; the padding has no text
    and maps to the end of the row's last cell."""
    rows = b.rows
    width = max(len(row) for row in rows)
    out = ['<table class="grid" border="1" cellspacing="0" cellpadding="4" width="100%">']
    pos = 0
    for n, row in enumerate(rows):
        out.append("<tr>")
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            if j < len(row):
                start = pos
                pos += len(cell) + 1          # the TAB or newline after it
            else:
                start = pos - 1
            if start:
                r.bases[len(r.blocks)] = start
            r.blocks.append(where)
            cell_links = [(s - start, e - start, h, t) for s, e, h, t in links if start <= s and e <= start + len(cell)]
            cls = ' class="head"' if n == 0 and len(rows) > 1 else ""
            out.append(f"<td{cls}>{_with_links(cell, cell_links)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)
