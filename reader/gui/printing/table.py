"""Printed tables: ruled, as wide as the type area, rows on whole grid lines.

A table block is set apart from the paragraph layout: each row takes a whole number of the 22
grid lines (so the text after the table stays on the grid), a page breaks only between rows,
and the header row is repeated at the top of every page the table continues on. Only a row
taller than half a page (under its header) is split, between lines of its cells. Cells wrap
their text; columns share the measure by how much text they hold, each at least as wide as
its longest short word (a 序号, "定量") or two characters. When the columns cannot fit at 4号
(14 pt), the table is set at 小四 (12 pt), then 五号 (10.5 pt).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption

from reader.core.blocks import Block, TABLE
from . import styles as S

SIZES_PT = (14.0, 12.0, 10.5)        # 4号, 小四, 五号
LEADING = 1.3                        # line height in a cell, in font sizes
PAD_X_MM, PAD_Y_MM = 1.2, 1.0
SHORT = 4                            # a cell this short never wraps (序号, 定量, 甲类)
RULE_PT, FRAME_PT = 0.5, 1.0


def rows_of(text: str) -> list[list[str]]:
    rows = Block(TABLE, text).rows
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def _header_repeats(rows: list[list[str]]) -> bool:
    """The first row is a header when the table has more and the first row's cells are labels."""
    return len(rows) > 1 and all(len(c) <= 16 for c in rows[0]) and any(rows[0])


class TableLaid:
    """The Laid of a table: ``count`` grid lines; a page may break after the lines in ``breaks``;
    the first ``repeat`` lines (the header row) are set again at the top of a continued page."""

    def __init__(self, para, m):
        self.para = para
        self.layout = None
        self.m = m
        self.rows = rows_of(para.text)
        self.pad_x, self.pad_y = PAD_X_MM * m.mm_x, PAD_Y_MM * m.mm_y
        self.header = _header_repeats(self.rows)
        for pt in SIZES_PT:
            self.pt = pt
            self.body_font = m.font("body", pt, grid=False)
            self.head_font = m.font("heading1", pt, grid=False)
            widths = self._column_widths()
            if widths is not None:
                break
        else:
            widths = self._column_widths(force=True)
        self.widths = widths
        self.line_h = LEADING * self.pt * m.pt
        self.cells: list[list[QTextLayout]] = []
        for r, row in enumerate(self.rows):
            self.cells.append([self._cell(text, w, r == 0 and self.header) for text, w in zip(row, widths)])
        # Units are what pages are made of: a row, or a piece of a row taller than half the page
        # under the header (its cells' lines go on, top-aligned, on the next page). Half: the
        # table's title and header are kept with its first row, and all of them must fit a page.
        header_slots = self._slots(self._lines(0)) if self.header else 0
        room = max(1, (S.LINES_PER_PAGE - header_slots) // 2)
        per_piece = max(1, int((room * m.pitch - 2 * self.pad_y) // self.line_h))
        self.units: list[tuple[int, int, int, int]] = []      # (row, first line, last line, grid lines)
        for r in range(len(self.rows)):
            n = self._lines(r)
            if self._slots(n) <= room:
                self.units.append((r, 0, n, self._slots(n)))
                continue
            for a in range(0, n, per_piece):
                b = min(n, a + per_piece)
                self.units.append((r, a, b, self._slots(b - a)))
        self.starts = [0]
        for unit in self.units:
            self.starts.append(self.starts[-1] + unit[3])
        self.count = self.starts[-1]
        self.breaks = set(st - 1 for st in self.starts[1:])
        if self.header and len(self.units) > 1:
            self.breaks.discard(self.starts[1] - 1)     # the header stays with the first row
        self.repeat = header_slots

    def _lines(self, r: int) -> int:
        return max(lay.lineCount() for lay in self.cells[r])

    def _slots(self, lines: int) -> int:
        return max(1, math.ceil((lines * self.line_h + 2 * self.pad_y) / self.m.pitch - 1e-6))

    # -- layout -------------------------------------------------------------------------
    def _advance(self, text: str, bold: bool) -> float:
        return QFontMetricsF(self.head_font if bold else self.body_font, self.m.device).horizontalAdvance(text)

    def _column_widths(self, force: bool = False) -> list[float] | None:
        total = self.m.type_w
        cols = len(self.rows[0])
        one = self._advance("国", False)
        lo, hi = [], []
        for j in range(cols):
            texts = [(r[j], i == 0 and self.header) for i, r in enumerate(self.rows)]
            natural = max((self._advance(t, b) for t, b in texts if t), default=one)
            short = max((self._advance(t, b) for t, b in texts if t and len(t) <= SHORT), default=0.0)
            lo.append(max(2 * one, short) + 2 * self.pad_x)
            hi.append(max(natural + 2 * self.pad_x, lo[-1]))
        if sum(lo) > total and not force:
            return None
        if sum(hi) <= total:
            # Everything fits on one line: spread the rest evenly.
            spare = (total - sum(hi)) / cols
            return [h + spare for h in hi]
        if sum(lo) >= total:
            return [total * x / sum(lo) for x in lo]
        # Share what is left after the minimums by how much more each column wants.
        want = [h - l for h, l in zip(hi, lo)]
        spare = total - sum(lo)
        return [l + spare * w / sum(want) if sum(want) else l + spare / cols for l, w in zip(lo, want)]

    def _cell(self, text: str, width: float, head: bool) -> QTextLayout:
        from .layout import clean
        layout = QTextLayout(clean(text), self.head_font if head else self.body_font, self.m.device)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter if head or len(text) <= SHORT
                             else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width - 2 * self.pad_x + 0.5 * self.m.pt))   # rounding: no needless wrap
            line.setPosition(QPointF(0, y))
            y += self.line_h
        layout.endLayout()
        return layout

    # -- painting -----------------------------------------------------------------------
    def unit_at(self, line: int) -> int | None:
        """The unit whose first grid line is ``line``, else None (a unit is painted from its first line)."""
        try:
            return self.starts.index(line, 0, len(self.units))
        except ValueError:
            return None

    def paint(self, painter: QPainter, top_left: QPointF, line: int, first_on_page: bool) -> None:
        """Paint the row (or piece of a row) that starts at grid line ``line``, its top-left corner at ``top_left``."""
        u = self.unit_at(line)
        if u is None:
            return
        r, first, last, slots = self.units[u]
        whole = first == 0 and last == self._lines(r)
        m = self.m
        height = slots * m.pitch
        x0, y0 = top_left.x(), top_left.y()
        painter.save()
        rule = QPen(Qt.GlobalColor.black, RULE_PT * m.pt)
        frame = QPen(Qt.GlobalColor.black, FRAME_PT * m.pt)
        x = x0
        for j, (lay, w) in enumerate(zip(self.cells[r], self.widths)):
            shown = range(first, min(last, lay.lineCount()))
            # A whole row is centred in its height; the pieces of a split row start at the top.
            dy = max(self.pad_y, (height - len(shown) * self.line_h) / 2) if whole else self.pad_y
            painter.setPen(Qt.GlobalColor.black)
            for n, k in enumerate(shown):
                ln = lay.lineAt(k)      # laid out at k line heights down: draw it n line heights down
                ln.draw(painter, QPointF(x + self.pad_x,
                                         y0 + dy + (n - k) * self.line_h + (self.line_h - ln.height()) / 2))
            if j:
                painter.setPen(rule)
                painter.drawLine(QLineF(x, y0, x, y0 + height))
            x += w
        right = x0 + sum(self.widths)
        # Horizontal rules: above every row (heavier at the top of the table or of a page), below the last.
        painter.setPen(frame if (u == 0 or first_on_page) else rule)
        painter.drawLine(QLineF(x0, y0, right, y0))
        painter.setPen(frame if u == len(self.units) - 1 else rule)
        painter.drawLine(QLineF(x0, y0 + height, right, y0 + height))
        painter.setPen(frame)
        painter.drawLine(QLineF(x0, y0, x0, y0 + height))
        painter.drawLine(QLineF(right, y0, right, y0 + height))
        painter.restore()

    def bounds(self) -> QRectF:
        return QRectF(0, 0, sum(self.widths), self.count * self.m.pitch)
