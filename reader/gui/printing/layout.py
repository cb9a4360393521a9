"""Set paragraphs on the GB/T 9704 grid and cut them into pages.

Our own line layout (QTextLayout per paragraph) rather than a paginated QTextDocument: every
line sits in one of the 22 grid cells, so the type area, the 28-character measure, keep-with-next
and the signature's position are exact and the same on every paint device.  Units are the
device's pixels; the metrics come from the device, so the worker thread never needs a screen.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QTextCharFormat, QTextLayout, QTextOption

from reader.gui import fonts
from . import styles as S

_ALIGN = {"justify": Qt.AlignmentFlag.AlignJustify, "left": Qt.AlignmentFlag.AlignLeft,
          "center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Metrics:
    """Page geometry and fonts for one paint device."""

    def __init__(self, device: QPaintDevice):
        self.device = device
        self.mm_x = device.logicalDpiX() / 25.4
        self.mm_y = device.logicalDpiY() / 25.4
        self.pt = device.logicalDpiY() / 72.0
        self.type_w = S.TYPE_W_MM * self.mm_x
        self.type_h = S.TYPE_H_MM * self.mm_y
        self.top = S.TOP_MM * self.mm_y
        self.pitch = self.type_h / S.LINES_PER_PAGE
        self.char = self.type_w / S.CHARS_PER_LINE
        self._fonts: dict[tuple, QFont] = {}

    def left(self, page_number: int, mirror: bool) -> float:
        """Binding margin on the left of odd pages; on the right of even ones when printed double-sided."""
        binding_right = mirror and page_number % 2 == 0
        return (S.OUTER_MM if binding_right else S.BINDING_MM) * self.mm_x

    def font(self, role: str, pt: float, grid: bool = True) -> QFont:
        key = (role, pt, grid)
        if key not in self._fonts:
            f = QFont(fonts.role_font(role, pt), self.device)
            f.setKerning(False)
            if grid:
                # PercentageSpacing scales each advance, so a full-width character takes exactly
                # 1/28 of the measure whatever the device resolution (absolute spacing does not).
                advance = QFontMetricsF(f, self.device).horizontalAdvance("国")
                if advance > 0:
                    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 * self.char / advance)
            self._fonts[key] = f
        return self._fonts[key]

    def page_number_font(self) -> QFont:
        key = ("page-number",)
        if key not in self._fonts:
            f = QFont()
            # 宋体 digits; the shipped Noto Serif CJK SC is a Song face, so it always matches.
            f.setFamilies(["SimSun", "宋体", "Songti SC", fonts.SHIPPED["body"]])
            f.setPointSizeF(S.SMALL_PT)
            self._fonts[key] = QFont(f, self.device)
        return self._fonts[key]

    def baseline(self, pt: float) -> float:
        """Baseline offset inside a grid cell for text of ``pt`` points."""
        size = pt * self.pt
        return (self.pitch - size) * S.LEADING_ABOVE + S.EM_TOP * size

    def natural_width(self, text: str, font: QFont) -> float:
        layout = QTextLayout(text, font, self.device)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e9)
        layout.endLayout()
        return line.naturalTextWidth()


@dataclass
class Laid:
    para: S.Para
    layout: QTextLayout
    count: int


def clean(text: str) -> str:
    """Plain text for QTextLayout: keep breaks as line separators, drop other control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u2028").replace("\t", "\u3000")
    return _CONTROL.sub("", text)


def lay_out(para: S.Para, m: Metrics) -> Laid:
    if para.kind == "table":
        from .table import TableLaid
        return TableLaid(para, m)     # its own layout: ruled rows on whole grid lines
    st = para.style
    font = m.font(st.role, st.pt, st.grid)
    text = clean(para.text)
    right = st.right * m.char
    if para.centre_over:
        # 署名 centred above the 成文日期, whose right edge is four characters in.
        date_w = m.natural_width(clean(para.centre_over), font)
        right = max(0.0, right + (date_w - m.natural_width(text, font)) / 2)
    if st.balance:
        text = balance(text, font, m, m.type_w - st.first_indent * m.char - right)
    layout = QTextLayout(text, font, m.device)
    option = QTextOption(_ALIGN[st.align])
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if para.runs:
        ranges = []
        for start, length, role in para.runs:
            r = QTextLayout.FormatRange()
            r.start, r.length = start, length
            fmt = QTextCharFormat()
            fmt.setFont(m.font(role, st.pt, st.grid))
            r.format = fmt
            ranges.append(r)
        layout.setFormats(ranges)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        left = (st.first_indent if count == 0 else st.indent) * m.char
        line.setLineWidth(max(m.char, m.type_w - left - right))
        line.setPosition(QPointF(left, 0))
        count += 1
    layout.endLayout()
    return Laid(para, layout, count)


# -- titles: balanced lines ("梯形/菱形"), never breaking inside a word or a 《》 -------------
_OPEN, _CLOSE = "《“‘（([〔【", "》”’）)]〕】"
_NO_START = _CLOSE + "，。、：；！？…—·"
# Phrase boundaries common in 公文 titles (no word segmentation: these are the safe places).
_AFTER = ("关于", "印发", "转发", "批转", "解读", "、", "的", "和", "及")
_BEFORE = ("的通知", "的意见", "的决定", "的批复", "的函", "的报告", "的通报", "解读", "关于", "对", "给予",
           "进一步", "加强", "做好", "开展", "推进", "实施", "印发", "转发")


def balance(text: str, font: QFont, m: Metrics, width: float) -> str:
    fm = QFontMetricsF(font, m.device)
    adv = [fm.horizontalAdvance(c) for c in text]
    total = sum(adv)
    if total <= width or len(text) < 4:
        return text
    prefix = [0.0]
    for a in adv:
        prefix.append(prefix[-1] + a)
    em = font.pointSizeF() * m.pt
    cost_at = [_break_cost(text, b, em) for b in range(len(text) + 1)]
    fewest = math.ceil(total / width)
    options = []
    for lines in range(fewest, min(fewest + 2, len(text))):
        found = _best_breaks(prefix, cost_at, lines, width)
        if found:
            # An extra line costs less than a break that may cut a word (GB/T 9704: 词意完整).
            options.append((found[0] + (lines - fewest) * (4 * em) ** 2, found[1]))
    if not options:
        return text
    cuts = (0,) + min(options)[1] + (len(text),)
    return "\u2028".join(text[a:b] for a, b in zip(cuts, cuts[1:]))


def _best_breaks(prefix: list[float], cost_at: list, lines: int, width: float):
    """(cost, break positions) for ``lines`` lines as equal as possible, or None."""
    n = len(prefix) - 1
    target = prefix[-1] / lines
    best = {0: (0.0, ())}              # position -> (cost, breaks)
    for _ in range(lines - 1):
        nxt: dict[int, tuple[float, tuple]] = {}
        for a, (c, brk) in best.items():
            for b in range(a + 1, n):
                w = prefix[b] - prefix[a]
                if w > width:
                    break
                if cost_at[b] is None:
                    continue
                cand = c + 0.5 * (w - target) ** 2 + cost_at[b]
                if b not in nxt or cand < nxt[b][0]:
                    nxt[b] = (cand, brk + (b,))
        best = nxt
    finals = [(c + 0.5 * (prefix[-1] - prefix[a] - target) ** 2, brk) for a, (c, brk) in best.items()
              if prefix[-1] - prefix[a] <= width]
    return min(finals) if finals else None


def _break_cost(text: str, b: int, em: float) -> float | None:
    """None where a break is forbidden; else a penalty, zero at natural phrase boundaries."""
    if b <= 0 or b >= len(text):
        return None
    before, after = text[b - 1], text[b]
    if after in _NO_START or before in _OPEN or (before.isascii() and before.isalnum()
                                                  and after.isascii() and after.isalnum()):
        return None
    depth = sum(1 for c in text[:b] if c in _OPEN) - sum(1 for c in text[:b] if c in _CLOSE)
    natural = (before in _CLOSE or after in _OPEN or text[:b].endswith(_AFTER) or text[b:].startswith(_BEFORE))
    if depth > 0:                      # inside 《》: only around an inner quote or bracket, reluctantly
        return (3 * em) ** 2 if after in _OPEN or before in _CLOSE else (8 * em) ** 2
    return 0.0 if natural else (5 * em) ** 2


# -- pages --------------------------------------------------------------------------
@dataclass
class Item:
    laid: int | None          # index into the packet's Laid list; None for an empty grid line
    line: int = 0
    glue: bool = False        # no page break after this item
    brk: bool = False         # page break before this item


def paginate(laid: list[Laid]) -> list[list[Item]]:
    items: list[Item] = []
    for i, lp in enumerate(laid):
        st, n = lp.para.style, lp.count
        if st.keep_with_prev:
            for it in reversed(items):
                it.glue = True
                if it.laid is not None:
                    break
        if not lp.para.page_break:
            items.extend(Item(None, glue=bool(items) and items[-1].glue) for _ in range(st.blank_before))
        first = len(items)
        breaks = getattr(lp, "breaks", None)     # tables: a page breaks only between rows
        for k in range(n):
            glue = (st.keep_together or (st.keep_with_next and k < n - 1)
                    or (n > 1 and k in (0, n - 2)) if breaks is None else k not in breaks)   # no orphan, no widow
            items.append(Item(i, k, glue=glue or (st.keep_with_next and k == n - 1)))
        if n and lp.para.page_break:
            items[first].brk = True
    pages: list[list[Item]] = []
    cur: list[Item] = []
    i = 0

    def repeated(first: Item) -> list[Item]:
        # A table continued on a new page starts with its header row again.
        head = getattr(laid[first.laid], "repeat", 0) if first.laid is not None else 0
        return [Item(first.laid, k, glue=True) for k in range(head)] if first.line >= head else []

    while i < len(items):
        it = items[i]
        if it.brk and cur:
            pages.append(cur)
            cur = []
        if it.laid is None and not cur:
            i += 1                          # never start a page with an empty line
            continue
        if not cur and pages:
            cur = repeated(it)
        if len(cur) >= S.LINES_PER_PAGE:
            k = len(cur)
            while k > 0 and cur[k - 1].glue:
                k -= 1
            k = k or len(cur)               # a chain longer than a page breaks anywhere
            pages.append(cur[:k])
            cur = cur[k:]
            while cur and cur[0].laid is None:
                cur.pop(0)
            if cur:
                cur = repeated(cur[0]) + cur
            continue
        cur.append(it)
        i += 1
    if cur:
        pages.append(cur)
    return pages
