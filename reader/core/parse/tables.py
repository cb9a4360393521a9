"""Tables in body text: TAB-separated rows, and tables flattened to one cell per line.

Government sites export a table either as lines whose cells are separated by
TABs, or as one cell per line: a header row of short cells, then the rows, each
opened by a running number (a 序号 column "1", "2", … or a numbered cell
"1.门诊人次数…"). Cells that span rows (a category in the first columns) appear
only on the first row they span, just before that row's number.

Detection is by rule and conservative: a flattened table needs a header of at
least three short label cells and at least two rows numbered 1, 2, … in order;
anything unsure stays paragraphs. A table becomes one block whose text is its
cells, TAB between cells and newline between rows, so offsets, search and text
conservation treat cell text like any other text, in order.
"""
from __future__ import annotations

import re

from ..blocks import TABLE
from ..headings import heading_marker
from .. import dates
from ..text import is_cjk, tidy
from .lines import ATTACHMENT, NOTE, Line

CELL_SEP = "\t"
ROW_SEP = "\n"

_BARE_NUMBER = re.compile(r"^(\d{1,3})$")
_NUMBERED_CELL = re.compile(r"^(\d{1,3})\s*[.．、](?!\d)\s*\S")
_NUMBER_HEADS = ("序号", "编号", "序")


def _is_number_head(t: str) -> bool:
    return t.replace(" ", "") in _NUMBER_HEADS      # letter-spaced headers: "序 号"
_HEADER_MAX = 10          # a header cell: a few words ("指标性质", "项目名称")
_HEADER_MAX_NUMBERED = 16  # after a 序号 cell the header is certain; allow longer names
_LABEL_MAX = 20           # a category cell that spans rows ("一、医疗质量", "劳动就业")
_MAX_GAP = 40             # lines between two row numbers
_BRACKETED = re.compile(r"^[（(][^（）()]*[）)]$")


def table_text(rows) -> str:
    return ROW_SEP.join(CELL_SEP.join(r) for r in rows)


def table_rows(text: str) -> list[list[str]]:
    """The rows and cells of a table block's text."""
    return [r.split(CELL_SEP) for r in text.split(ROW_SEP)]


# -- what a cell looks like ------------------------------------------------------------
def _has_cjk(t: str) -> bool:
    return any(is_cjk(c) for c in t)


def _header_like(t: str, limit: int = _HEADER_MAX) -> bool:
    return (0 < len(t) <= limit and _has_cjk(t) and heading_marker(t) is None
            and not any(c in t for c in "。，；：:！？、,;“”《》") and not dates.is_date_line(t))


def _label_like(t: str) -> bool:
    """A cell that may span rows (a category): short, no sentence in it."""
    return (0 < len(t) <= _LABEL_MAX and _has_cjk(t) and not t.endswith(("。", "；", ";"))
            and "：" not in t and ":" not in t and not dates.is_date_line(t))


def _row_number(t: str) -> tuple[int, bool] | None:
    """(number, bare) when the line opens a numbered row: "3" (bare) or "3.出院患者…"."""
    m = _BARE_NUMBER.match(t)
    if m:
        return int(m.group(1)), True
    m = _NUMBERED_CELL.match(t)
    if m:
        return int(m.group(1)), False
    return None


_NOTES = ("注：", "注:", "备注：", "说明：")


def _ends_table(t: str, nxt: str = "") -> bool:
    """Lines after a table's last row that never belong to it (``nxt``: the line after ``t``;
    a line above a date is a signature)."""
    return bool(dates.is_date_line(nxt) or ATTACHMENT.match(t) or NOTE.match(t) or t.startswith(_NOTES)
                or dates.is_date_line(t) or (heading_marker(t) and heading_marker(t)[0] <= 2))


def _sentence(t: str) -> bool:
    return t.endswith(("。", "；", ";")) or "：" in t or ":" in t


def _continues(prev: str, t: str) -> bool:
    """Does line ``t`` go on in the cell of line ``prev`` (a cell of several sentences or titles)?"""
    return (_sentence(prev) and _sentence(t)) or (prev.startswith("《") and t.startswith("《"))


def _merge(cells: list[str]) -> list[str]:
    """A line wholly in brackets right after a cell continues it: "一等奖" "（2名）"."""
    out: list[str] = []
    for c in cells:
        if out and _BRACKETED.match(c) and not heading_marker(c) and not _BRACKETED.match(out[-1]):
            out[-1] += c
        else:
            out.append(c)
    return out


# -- flattened tables --------------------------------------------------------------------
def _find_row(texts: list[str], after: int, want: int, bare: bool) -> int | None:
    for j in range(after + 2, min(len(texts), after + 2 + _MAX_GAP)):
        rn = _row_number(texts[j])
        if rn == (want, bare):
            return j
        if ATTACHMENT.match(texts[j]) or NOTE.match(texts[j]) or texts[j].startswith(_NOTES) or rn == (1, bare):
            return None     # the table ends here (notes, the next 附件, a new table)
    return None


def _numbered_rows(texts: list[str], first: int) -> list[int]:
    """Line indexes of rows numbered 1, 2, 3 … in order, all of one style, starting at ``first``.
    One number may be missing (a row the source lost) when the next two follow."""
    bare = _row_number(texts[first])[1]
    starts, last = [first], 1
    while True:
        found = _find_row(texts, starts[-1], last + 1, bare)
        if found is None:
            skip = _find_row(texts, starts[-1], last + 2, bare)
            if skip is not None and _find_row(texts, skip, last + 3, bare) is not None:
                found, last = skip, last + 1
        if found is None:
            return starts
        starts.append(found)
        last += 1


def _header(texts: list[str], first: int, floor: int) -> tuple[int, int, int] | None:
    """(start, end, number column) of the header row above the row at ``first``; the lines
    from ``end`` to ``first`` are category cells of the first row."""
    lo = max(floor, first - 30)
    for h in range(first - 1, lo - 1, -1):
        if _is_number_head(texts[h]):
            end = h + 1
            while end < first and _header_like(texts[end], _HEADER_MAX_NUMBERED):
                end += 1
            if end - h >= 2 and all(len(t) <= _LABEL_MAX * 2 for t in texts[end:first]):
                return h, end, 0
            return None
    end = first
    while end > lo and first - end < 3 and not _header_like(texts[end - 1]) and _label_like(texts[end - 1]):
        end -= 1
    start = end
    while start > lo and end - start < 12 and _header_like(texts[start - 1]):
        start -= 1
    if end - start < 3:
        return None
    return start, end, min(first - end, end - start - 1)


def _first_line_of(texts: list[str], end: int, cells: list[str]) -> int:
    """Where the lines that hold ``cells`` (just before line ``end``) begin."""
    want, got, j = "".join(cells), "", end
    while j > 0 and len(got) < len(want):
        j -= 1
        got = texts[j] + got
    return j if got == want else end


def _flat_table(texts: list[str], first: int, floor: int) -> tuple[int, int, list[list[str]]] | None:
    starts = _numbered_rows(texts, first)
    if len(starts) < 2:
        return None
    head = _header(texts, first, floor)
    if head is None:
        return None
    h0, h1, k = head
    bare = _row_number(texts[first])[1]
    numbered_head = _is_number_head(texts[h0])
    if numbered_head and h1 == first and h1 - h0 >= 3:
        # Under a 序号 header, one label more than most rows hold is the first row's category
        # ("序号 文件名称 文号" then "人才流动和智力引进" then "1").
        widths = [len(_merge(texts[a + 1:b])) + 1 for a, b in zip(starts, starts[1:])]
        if max(set(widths), key=widths.count) == h1 - h0 - 1:
            h1 -= 1
    mode = 0
    if not numbered_head:
        # A header has as many cells as most rows: short lines above it (a table's title, "附件")
        # are not part of it. A sentence under a sentence continues its cell.
        def width(a: int, b: int) -> int:
            g = _merge(texts[a + 1:b])
            return 1 + sum(1 for i, t in enumerate(g) if not (i and _continues(g[i - 1], t)))
        widths = [width(a, b) for a, b in zip(starts, starts[1:])]
        mode = max(set(widths), key=widths.count)
        usual = k + mode
        if h1 - h0 > usual >= 3:
            h0 = h1 - usual
        if (bare and k == 0 and h1 == first and h1 - h0 == mode and h1 - h0 >= 4
                and any(w > mode and _label_like(texts[b - 1]) for w, b in zip(widths, starts[1:]))):
            # An unlabelled 序号 column: the header names the cells after the number, and its
            # extra last label is the first row's category, as others come before later rows.
            h1 -= 1
    header = texts[h0:h1]
    n = len(header)
    # Cells after the number: the rest of the header. A bare number under a header one cell
    # narrower than the rows is a column the header does not name: an empty header cell.
    unlabelled = bare and not numbered_head and k == 0 and n == mode - 1
    capacity = max(1, n - k if unlabelled else n - 1 - k)
    rows: list[list[str]] = [([""] if unlabelled else []) + list(header)]

    # Category cells that open with a heading number ("一、医疗质量", "（一）功能定位"):
    # a line without one under such a cell continues it ("（十四）" "医务人员" "满意度").
    marked = k > 0 and all(heading_marker(t) for t in texts[h1:first])

    def join_marked(prefix: list[str]) -> list[str]:
        if not marked:
            return list(prefix)
        joined: list[str] = []
        for t in prefix:
            if joined and not heading_marker(t):
                joined[-1] += t
            else:
                joined.append(t)
        return joined

    def place(prefix: list[str], number: str, tail: list[str]):
        prefix = join_marked(prefix)
        if k:
            spill, prefix = prefix[:-k] if len(prefix) > k else [], prefix[-k:]
            if spill:
                rows.append(spill)
            rows.append([""] * (k - len(prefix)) + prefix + [number] + tail)
        else:
            if prefix:
                rows.append(prefix)   # a category row over the rows that follow
            rows.append([number] + tail)

    def fit(cells: list[str]) -> list[str]:
        # A row with more lines than cells: lines that continue the one before ("指标来源：…" under
        # "计算方法：…", a second 《…》 under a first) join it, first pair first, until it fits;
        # what is still over stays cells of their own (the header spans columns).
        out = list(cells)
        while len(out) > capacity:
            i = next((i for i in range(1, len(out)) if _continues(out[i - 1], out[i])), None)
            if i is None:
                break
            out[i - 1:i + 1] = [out[i - 1] + out[i]]
        return out

    prefix = texts[h1:first]
    surplus: list[int] = []
    for r, s in enumerate(starts[:-1]):
        gap = _merge(texts[s + 1:starts[r + 1]])
        # Trailing short labels beyond what the row can hold open the next row.
        nxt: list[str] = []
        while len(gap) > capacity and _label_like(gap[-1]) and len(join_marked([gap[-1]] + nxt)) <= max(k, 1):
            nxt.insert(0, gap.pop())
        if nxt and len(fit(gap)) > capacity:
            gap, nxt = gap + nxt, []        # the row is wider than its header: the labels are its cells
        if len(gap) > 2 * capacity + 2:
            # A row much longer than the header: the table is not regular here; it ends.
            if r < 2:   # fewer than two regular rows: not a table
                return None
            # The category cells waiting for this row stay outside the table with it.
            return h0, _first_line_of(texts, s, prefix), rows
        surplus.append(max(0, len(gap) - capacity))
        place(prefix, texts[s], fit(gap))
        prefix = nxt
    # The last row takes as many lines as the rows before it usually did.
    s = starts[-1]
    usual = capacity + max(set(surplus), key=surplus.count)
    end, taken = s + 1, []
    while end < len(texts) and not _ends_table(texts[end], texts[end + 1] if end + 1 < len(texts) else "") \
            and not (_row_number(texts[end]) and _row_number(texts[end])[0] <= _row_number(texts[s])[0]):
        t = texts[end]
        if taken and _BRACKETED.match(t) and not heading_marker(t) and not _BRACKETED.match(taken[-1]):
            taken[-1] += t
        elif len(taken) < usual:
            taken.append(t)
        else:
            break
        end += 1
    place(prefix, texts[s], fit(taken))
    return h0, end, rows


# -- TAB rows ------------------------------------------------------------------------------
def _tab_cells(line: Line) -> list[str] | None:
    raw = line.raw or line.text
    if "\t" not in raw:
        return None
    cells = [tidy(c) for c in raw.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return cells if len(cells) >= 2 or cells == [line.text] else None


def _tab_table(lines: list[Line], first: int) -> tuple[int, int, list[list[str]]] | None:
    rows = [_tab_cells(lines[first])]
    end = first + 1
    while end < len(lines):
        cells = _tab_cells(lines[end])
        if cells is None:
            # A short line between TAB rows (its TAB was at the line start, or a wrapped cell).
            t = lines[end].text
            ahead = next((j for j in range(end + 1, min(len(lines), end + 3)) if _tab_cells(lines[j])), None)
            if ahead is None or not _label_like(t):
                break
            cells = [t]
        rows.append(cells)
        end += 1
    tabbed = sum(1 for ln in lines[first:end] if "\t" in (ln.raw or ""))
    if tabbed < 2:     # one TAB line alone is a paragraph (a tab used as a wide space)
        return None
    return first, end, rows


def find_tables(lines: list[Line]) -> dict[int, tuple[int, str]]:
    """Tables among body lines: {index of first line: (index after the last line, block text)}."""
    texts = [ln.text for ln in lines]
    found: dict[int, tuple[int, str]] = {}
    i, floor = 0, 0
    while i < len(lines):
        hit = None
        if _tab_cells(lines[i]) and len(_tab_cells(lines[i])) >= 2:
            hit = _tab_table(lines, i)
        elif _row_number(texts[i]) and _row_number(texts[i])[0] == 1:
            hit = _flat_table(texts, i, floor)
        if hit and hit[0] >= floor:
            start, end, rows = hit
            found[start] = (end, table_text(rows))
            i = floor = end
            continue
        i += 1
    return found


def with_tables(lines: list[Line], kinds: list[tuple]) -> tuple[list[Line], list[tuple]]:
    """Body lines and their (kind, level, text), with the lines of each table replaced by one
    entry: the table's first line, kind "table", and the table's text."""
    tables = find_tables(lines)
    if not tables:
        return lines, kinds
    out_lines: list[Line] = []
    out_kinds: list[tuple] = []
    i = 0
    while i < len(lines):
        if i in tables:
            end, text = tables[i]
            out_lines.append(lines[i])
            out_kinds.append((TABLE, None, text))
            i = end
            continue
        out_lines.append(lines[i])
        out_kinds.append(kinds[i])
        i += 1
    return out_lines, out_kinds


def table_starts(lines: list[Line]) -> set[int]:
    """Indexes of the lines where a table begins (its header row): a title or a head read above
    a table must stop there."""
    return set(find_tables(lines))


def looks_cut(text: str) -> bool:
    """Does a table block stop in the middle of a row (a text cut off inside a table)? Its last
    row has fewer cells than most rows of three or more (category rows of one cell aside)."""
    rows = [r for r in table_rows(text)[1:] if len(r) > 1]
    if len(rows) < 3:
        return False
    widths = [len(r) for r in rows[:-1]]
    usual = max(set(widths), key=widths.count)
    return len(rows[-1]) < usual and widths.count(usual) * 2 > len(widths)
