"""Set paragraphs on the GB/T 9704 grid and cut them into pages.

Our own line layout (QTextLayout per paragraph) rather than a paginated QTextDocument: every
line sits in one of the 22 grid cells, so the type area, the 28-character measure, keep-with-next
and the signature's position are exact and the same on every paint device.  Units are the
device's pixels; the metrics come from the device, so the worker thread never needs a screen.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice, QTextCharFormat, QTextLayout, QTextOption

from reader.core import words
from reader.gui import fonts
from . import styles as S

_ALIGN = {"justify": Qt.AlignmentFlag.AlignJustify, "left": Qt.AlignmentFlag.AlignLeft,
          "center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Metrics:
    """Page geometry and fonts for one paint device."""

    def __init__(self, device: QPaintDevice, overrides=()):
        self.device = device
        self.overrides = dict(overrides)            # role -> family or font file (print settings)
        self.mm_x = device.logicalDpiX() / 25.4
        self.mm_y = device.logicalDpiY() / 25.4
        self.pt = device.logicalDpiY() / 72.0
        self.type_w = S.TYPE_W_MM * self.mm_x
        self.type_h = S.TYPE_H_MM * self.mm_y
        self.top = S.TOP_MM * self.mm_y
        self.pitch = self.type_h / S.LINES_PER_PAGE
        self.char = self.type_w / S.CHARS_PER_LINE
        self._fonts: dict[tuple, QFont] = {}
        self._advances: dict[str, dict[str, float]] = {}

    def left(self, page_number: int, mirror: bool) -> float:
        """Binding margin on the left of odd pages; on the right of even ones when printed double-sided."""
        binding_right = mirror and page_number % 2 == 0
        return (S.OUTER_MM if binding_right else S.BINDING_MM) * self.mm_x

    def font(self, role: str, pt: float, grid: bool = True) -> QFont:
        key = (role, pt, grid)
        if key not in self._fonts:
            f = QFont(fonts.role_font(role, pt, self.overrides.get(role, "")), self.device)
            f.setKerning(False)
            if grid:
                # PercentageSpacing scales each advance, so a full-width character takes exactly
                # 1/28 of the measure whatever the device resolution (absolute spacing does not).
                advance = QFontMetricsF(f, self.device).horizontalAdvance("国")
                if advance > 0:
                    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 * self.char / advance)
            self._fonts[key] = f
        return self._fonts[key]

    def scaled_font(self, role: str, pt: float, scale: float) -> QFont:
        """The grid font with every advance times ``scale``: 0.5 sets punctuation half-width,
        a little over 1 opens the space between Chinese and a number."""
        scale = round(scale, 3)
        key = ("scaled", role, pt, scale)
        if key not in self._fonts:
            f = QFont(self.font(role, pt, True))
            f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, f.letterSpacing() * scale)
            self._fonts[key] = f
        return self._fonts[key]

    def advances(self, text: str, font: QFont) -> list[float]:
        """Advance of each character of ``text`` in ``font`` (cached per character)."""
        cache = self._advances.setdefault(font.key(), {})
        fm = None
        out = []
        for ch in text:
            a = cache.get(ch)
            if a is None:
                fm = fm or QFontMetricsF(font, self.device)
                a = cache[ch] = fm.horizontalAdvance(ch)
            out.append(a)
        return out

    def page_number_font(self) -> QFont:
        key = ("page-number",)
        if key not in self._fonts:
            # 宋体 digits; the shipped Noto Serif CJK SC is a Song face, so it always matches.
            f = fonts.role_font("page_number", S.SMALL_PT, self.overrides.get("page_number", ""))
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
    if st.one_line and "\u2028" not in text:
        # Set on one line where it fits with the tracking tightened by at most 8 %.
        natural = m.natural_width(text, font)
        room = m.type_w - st.first_indent * m.char - right
        if room < natural <= room / 0.92:
            font = QFont(font)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 * (room - 1) / natural)
    if st.balance and m.natural_width(text, font) > m.type_w - st.first_indent * m.char - right:
        text = balance(text, font, m, m.type_w - st.first_indent * m.char - right)
    layout = QTextLayout(text, font, m.device)
    option = QTextOption(_ALIGN[st.align])
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    widths = [max(m.char, m.type_w - (st.first_indent if k == 0 else st.indent) * m.char - right)
              for k in range(2)]
    plan = None
    if st.grid and st.align == "justify" and "\u2028" not in text and text:
        plan = grid_lines(text, m.advances(text, font), m.char, widths)
    ranges = []
    for start, length, role in para.runs:
        r = QTextLayout.FormatRange()
        r.start, r.length = start, length
        fmt = QTextCharFormat()
        fmt.setFont(m.font(role, st.pt, st.grid))
        r.format = fmt
        ranges.append(r)
    if plan:
        for i, scale in sorted(plan.scale.items()):
            r = QTextLayout.FormatRange()
            r.start, r.length = i, 1
            fmt = QTextCharFormat()
            role = next((ro for a, n, ro in para.runs if a <= i < a + n), st.role)
            fmt.setFont(m.scaled_font(role, st.pt, scale))
            r.format = fmt
            ranges.append(r)
    if ranges:
        layout.setFormats(ranges)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        left = (st.first_indent if count == 0 else st.indent) * m.char
        width = widths[min(count, 1)]
        if plan and count < len(plan.ends):
            start = plan.ends[count - 1] if count else 0
            cols = plan.ends[count] - start
            line.setNumColumns(cols, width)
            if line.textLength() < cols:
                # Shaped in context the line may come out a hair (< 0.02 character) wider than
                # the sum of its advances: set it at its own natural width rather than re-break.
                line.setNumColumns(cols, 1e9)
                line.setNumColumns(cols, line.naturalTextWidth() + 0.5)
        else:
            line.setLineWidth(width)
        line.setPosition(QPointF(left, 0))
        count += 1
    layout.endLayout()
    return Laid(para, layout, count)


# -- body lines on the grid: 标点挤压 before stretching (W3C clreq 3.1.6; JIS X 4051) ---------
# Closing punctuation whose glyph sits in the left half of its em box (Simplified Chinese forms):
# at a line end, or before another punctuation mark, its right half may be taken away.
SQUEEZABLE = set("，。、；：”’）》〉」』】〕〗］｝")
NO_LINE_START = SQUEEZABLE | set("！？…—·・％‰℃)]}!?,.;:%")
NO_LINE_END = set("“‘（《〈「『【〔〖［｛([{")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
_NUMERIC = re.compile(r"[0-9A-Za-z０-９.．,%％]")


@dataclass
class GridPlan:
    ends: list[int]              # end offset of each line
    squeezed: list[int]          # offsets of punctuation set half-width
    scale: dict[int, float] = field(default_factory=dict)   # offset -> advance factor


def _open_gaps(text: str, adv: list[float], char: float, a: int, b: int, slack: float,
               scale: dict[int, float]) -> None:
    """Put a line's shortfall (under half a character, left by half-width digits and Latin)
    into the gaps between Chinese and Western runs, as clreq 3.2 does, instead of spreading
    every character off the grid."""
    narrow = [adv[k] < 0.75 * char for k in range(a, b)]
    # Only where a half-width run meets an ideograph: next to full-width punctuation the mark's
    # own blank half is space enough.
    # Never before a half-width closing mark or after an opening one: "前 , 将" reads as a slip.
    gaps = [a + k for k in range(len(narrow) - 1) if narrow[k] != narrow[k + 1]
            and text[a + k + 1] not in ",.;:!?)]}%" and text[a + k] not in "([{"]
    beside_han = [k for k in gaps if _IDEOGRAPH.match(text[k] if adv[k] >= 0.75 * char else text[k + 1])]
    if beside_han and slack / len(beside_han) <= 0.5 * char:
        gaps = beside_han
    if not gaps or slack / len(gaps) > 0.5 * char:
        return
    each = slack / len(gaps)
    for k in gaps:
        scale[k] = scale.get(k, 1.0) * (adv[k] * scale.get(k, 1.0) + each) / (adv[k] * scale.get(k, 1.0))


def _can_break(text: str, i: int) -> bool:
    """May a line end before text[i]?"""
    a, b = text[i - 1], text[i]
    if b in NO_LINE_START or a in NO_LINE_END:
        return False
    if _NUMERIC.match(a) and _NUMERIC.match(b) and (a.isascii() or b.isascii() or a.isdigit()):
        return False             # digits (and Latin words) of one number stay together
    if a.isascii() and b.isascii() and not a.isspace() and not b.isspace() and a != "-":
        return False             # a Latin word, code or address: only at a space or hyphen
    if a == b == "—" or a == b == "…":
        return False
    return True


def grid_lines(text: str, adv: list[float], char: float, widths: list[float]) -> GridPlan:
    """Break ``text`` into lines of ``widths`` (first, rest), squeezing punctuation where that
    avoids spreading a line: a line that cannot end where its natural width runs out takes
    the next characters in (push-in) when half-width closing punctuation makes room, and only
    otherwise gives its last characters to the next line (push-out, the line is spread)."""
    n = len(text)
    half = char / 2
    quarter = char / 4
    tol = char * 0.02
    ends: list[int] = []
    squeezed: list[int] = []
    scale: dict[int, float] = {}
    start = 0
    while start < n:
        width = widths[0 if not ends else 1]
        w = 0.0
        e = start
        while e < n and w + adv[e] <= width + tol:
            w += adv[e]
            e += 1
        if e >= n:
            ends.append(n)
            break
        # Natural break e (text[e] does not fit).  Candidates: push-in to the next break after e,
        # or push-out to the last break at or before e.
        best = (e, []) if e > start and _can_break(text, e) else None
        if best is not None and width - w > quarter:
            # Half-width digits left the line short by more than a quarter: take the next
            # characters in by squeezing punctuation, if the line has enough of it.
            best = None
        f = e
        extra = 0.0
        while best is None and f < n and f - e < 4:
            extra += adv[f]
            f += 1
            if f < n and not _can_break(text, f):
                continue
            # Squeeze from the line end backwards: the last mark, then pairs, then any other.
            marks = [k for k in range(f - 1, start - 1, -1) if text[k] in SQUEEZABLE]
            room = sorted(marks, key=lambda k: (k != f - 1, text[k + 1] not in SQUEEZABLE | NO_LINE_END
                                                if k + 1 < n else True, -k))
            need = w + extra - width
            if need <= len(room) * half + tol:
                take = room[:max(0, math.ceil((need - tol) / half))]
                best = (f, take)
            break
        if best is None and e > start and _can_break(text, e):
            best = (e, [])
        if best is None:
            b = e
            while b > start + 1 and not _can_break(text, b):
                b -= 1
            if b == start + 1 and not _can_break(text, b):
                b = e                    # nothing allowed: break where it runs out
            best = (b, [])
        end, take = best
        end = max(end, start + 1)         # a character wider than the line still advances
        ends.append(end)
        squeezed.extend(sorted(take))
        for k in take:
            scale[k] = 0.5
        if end < n:
            used = sum(adv[start:end]) - half * len(take)
            if width - used > tol:
                _open_gaps(text, adv, char, start, end, width - used - tol / 2, scale)
        start = end
    return GridPlan(ends, squeezed, scale)


# -- titles: balanced lines ("梯形/菱形"), never breaking inside a word or a 《》 -------------
_OPEN, _CLOSE = "《“‘（([〔【", "》”’）)]〕】"
_NO_START = _CLOSE + "，。、：；！？…—·"
# Phrase boundaries common in 公文 titles (no word segmentation: these are the safe places).
_AFTER = ("关于", "印发", "转发", "批转", "解读", "、", "的", "和", "及")
_NUMBER_SPAN = re.compile(r"[0-9０-９][0-9０-９—\-～~.．%％年号]|[—\-～~][0-9０-９]")
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
    bounds = words.good_breaks(text) if words.available() else None
    fewest = math.ceil(total / width)
    options = []
    # Breaks only between words first; only a title that cannot be set so may break inside one.
    for strict in (True, False):
        cost_at = [_break_cost(text, b, em, bounds, strict) for b in range(len(text) + 1)]
        for lines in range(fewest, min(fewest + 2, len(text))):
            found = _best_breaks(prefix, cost_at, lines, width)
            if found:
                # An extra line costs less than a break at a weak place (GB/T 9704: 词意完整).
                options.append((found[0] + (lines - fewest) * (4 * em) ** 2, found[1]))
        if options:
            break
    if not options:
        return text
    cuts = (0,) + min(options)[1] + (len(text),)
    return "\u2028".join(text[a:b] for a, b in zip(cuts, cuts[1:]))


def _best_breaks(prefix: list[float], cost_at: list, lines: int, width: float):
    """(cost, break positions) for ``lines`` lines as equal as possible, or None.

    Three lines are weighed as a whole so that the shape is a 梯形 or 菱形 (GB/T 9704 7.3.1),
    never an hourglass with a short middle line."""
    n = len(prefix) - 1
    target = prefix[-1] / lines
    if lines == 3:
        return _three_lines(prefix, cost_at, width, target)
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


def _three_lines(prefix: list[float], cost_at: list, width: float, target: float):
    n = len(prefix) - 1
    allowed = [b for b in range(1, n) if cost_at[b] is not None]
    best = None
    for i, a in enumerate(allowed):
        w1 = prefix[a]
        if w1 > width:
            break
        for b in allowed[i + 1:]:
            w2, w3 = prefix[b] - prefix[a], prefix[-1] - prefix[b]
            if w2 > width:
                break
            if w3 > width:
                continue
            cost = (0.5 * ((w1 - target) ** 2 + (w2 - target) ** 2 + (w3 - target) ** 2)
                    + cost_at[a] + cost_at[b])
            if w2 < min(w1, w3) - 0.5 * target / 10:     # hourglass: middle line the shortest
                cost += (target / 4) ** 2
            if best is None or cost < best[0]:
                best = (cost, (a, b))
    return best


def _break_cost(text: str, b: int, em: float, bounds: set[int] | None = None,
                strict: bool = False) -> float | None:
    """None where a break is forbidden; else a penalty, zero at natural phrase boundaries.

    ``bounds``: word boundaries (reader.core.words); with ``strict`` a break inside a word is forbidden.
    """
    if b <= 0 or b >= len(text):
        return None
    before, after = text[b - 1], text[b]
    if after in _NO_START or before in _OPEN or (before.isascii() and before.isalnum()
                                                  and after.isascii() and after.isalnum()):
        return None
    if _NUMBER_SPAN.search(text[max(0, b - 1):b + 1]):
        return None                    # "2021—2025", "118号": one number group
    inside_word = bounds is not None and b not in bounds
    if inside_word and strict:
        return None
    depth = sum(1 for c in text[:b] if c in _OPEN) - sum(1 for c in text[:b] if c in _CLOSE)
    natural = (before in _CLOSE or after in _OPEN or text[:b].endswith(_AFTER) or text[b:].startswith(_BEFORE))
    if depth > 0:                      # inside 《》: only around an inner quote or bracket, reluctantly
        return (3 * em) ** 2 if after in _OPEN or before in _CLOSE else (8 * em) ** 2
    if inside_word:
        return (8 * em) ** 2
    return 0.0 if natural else (2 * em) ** 2


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
