"""The text of a gazette PDF, as the lines the gazette parser reads.

PDFium hands out characters with their boxes, not lines or paragraphs, so the
layout is rebuilt here from geometry, page by page:

* characters on one baseline make a printed line; a gap wider than a space's
  width becomes one space ("2022 年", "主 管");
* a printed line that reaches the right margin goes on in the next line, unless
  that one is indented (a new paragraph's first line) or set after extra space;
  wrapped lines are joined without a space (Chinese has none), so a line that
  happens to end in "。" mid-paragraph does not cut the paragraph;
* consecutive centred lines of a title-sized font are one title, joined with a
  space as PDF extraction usually does (the parser removes such spaces);
* a running header (text repeated at the top of pages) and a page number
  ("— 12 —") stay lines of their own for the parser to drop; a paragraph that
  runs over a page break is joined, and that page's furniture follows it.

Paragraphs are separated by a blank line, as in data/sources. pypdfium2 is
imported only when a PDF is read.
"""
from __future__ import annotations

import os
import re
import statistics
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, replace

from ..errors import ImportRefused
from ..text import is_cjk, open_brackets, squeeze
from ..messages import Msg

# A page number set as furniture: "— 12 —", "-12-", "第 12 页", "12", "12/40".
_PAGE_NUMBER = re.compile(r"^[—\-－–~·]*\d{1,4}[—\-－–~·]*$|^第\d{1,4}页$|^\d{1,4}/\d{1,4}$")
_OPEN_ENDINGS = ("的", "和", "与", "及", "暨", "、", "关于", "对")
_BRACKETS = "《〈（(〔[【“）)》〉〕]】”"
# More unreadable characters than this and the text layer is not worth importing.
_MAX_UNMAPPED = 0.005
MAX_PAGES = 2000
# A dense A4 page holds about 3,000 characters; a text layer far beyond is not a gazette page.
MAX_PAGE_CHARS = 30_000
MAX_DOC_CHARS = 1_000_000
# Inflated size of the streams PDFium reads for text (images excepted): flate bombs stop here.
MAX_INFLATED = 256 * 1024 * 1024
MAX_INFLATED_STREAM = 64 * 1024 * 1024
# PDFium runs in a child process held to these, whatever a crafted file makes it do.
CHILD_SECONDS = 15
CHILD_MEMORY = 320 * 1024 * 1024


@dataclass(frozen=True)
class PrintedLine:
    """One printed line of a page, in PDF units (points; y grows upwards)."""
    page: int
    text: str
    left: float
    right: float
    baseline: float
    size: float      # height of the font box: stands in for the font size
    em: float        # width of one Chinese character in this line
    lead: float      # width of the first unit a line break cannot split ("求，", "2025", "（责")


@dataclass(frozen=True)
class _Char:
    ch: str
    left: float
    right: float
    baseline: float
    height: float


@dataclass(frozen=True)
class _Measure:
    """The body text block, measured over the whole document."""
    size: float      # font box height of the body text
    left: float      # left margin of the body text
    right: float     # right margin
    em: float
    pitch: float     # baseline distance of body lines


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: int


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, one line per paragraph or printed line; refused in one line if unreadable."""
    return read_pdf(data).text


def read_pdf(data: bytes) -> PdfText:
    """The text layer, read in a child process with bounded time and memory where one can be started."""
    if os.environ.get("GAZETTE_PDF_IN_PROCESS"):
        return read_pdf_here(data)
    return _read_in_child(data)


def read_pdf_here(data: bytes) -> PdfText:
    check_inflated_size(data)
    pages = read_lines(data)
    return PdfText(layout_text(pages), len(pages))


_TOO_COSTLY = Msg("refuse.pdf_too_costly")


def _read_in_child(data: bytes) -> PdfText:
    import json
    import subprocess
    # The program itself, told by the environment to read one PDF: the packaged reader too.
    env = dict(os.environ, GAZETTE_READER_PDF_CHILD=str(len(data)))
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "reader"]
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        r = subprocess.run(command, input=data, capture_output=True, timeout=CHILD_SECONDS + 3, env=env)
    except subprocess.TimeoutExpired:
        raise ImportRefused(_TOO_COSTLY) from None
    except OSError as e:
        raise ImportRefused(Msg("refuse.pdf_no_process", error=str(e.strerror or e))) from None
    try:
        answer = json.loads(r.stdout.decode("utf-8"))
    except ValueError:
        answer = None
    if r.returncode != 0 or not isinstance(answer, dict):
        raise ImportRefused(_TOO_COSTLY)
    if "refused" in answer:
        raise ImportRefused(answer["refused"])
    return PdfText(answer["text"], answer["pages"])


def child_main() -> int:
    """The PDF on stdin, {"text", "pages"} or {"refused"} on stdout, in time and memory held to
    CHILD_SECONDS and CHILD_MEMORY (plus twice the file). Run as the program with
    GAZETTE_READER_PDF_CHILD set to the file's size."""
    import json
    try:
        import resource
        size = int(os.environ.get("GAZETTE_READER_PDF_CHILD") or 0)
        memory = CHILD_MEMORY + 2 * size
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (CHILD_SECONDS, CHILD_SECONDS + 1))
    except (ImportError, ValueError, OSError):
        pass
    data = sys.stdin.buffer.read()
    try:
        got = read_pdf_here(data)
        answer = {"text": got.text, "pages": got.pages}
    except ImportRefused as e:
        answer = {"refused": e.message}
    except MemoryError:
        return 3
    sys.stdout.write(json.dumps(answer, ensure_ascii=True))
    return 0


_STREAM = re.compile(rb"(?<!end)stream[ \t]*(?:\r\n|\r|\n)")
_IMAGE = re.compile(rb"/Subtype\s*/Image")
_FLATE = re.compile(rb"/FlateDecode|/Fl\b")


def check_inflated_size(data: bytes) -> None:
    """Refuse a PDF whose compressed streams inflate beyond what any gazette needs.

    Each flate stream is inflated in bounded steps and thrown away: only its size counts.
    """
    total = 0
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        dict_start = data.rfind(b"<<", max(0, m.start() - 4096), m.start())
        head = data[dict_start:m.start()] if dict_start >= 0 else b""
        pos = start
        if not _FLATE.search(head) or _IMAGE.search(head):
            continue
        inflater = zlib.decompressobj()
        size = 0
        feed = start
        try:
            while not inflater.eof and feed < len(data):
                chunk = data[feed:feed + 65536]
                feed += len(chunk)
                buf = chunk
                while buf and not inflater.eof:
                    out = inflater.decompress(buf, 1 << 20)
                    size += len(out)
                    buf = inflater.unconsumed_tail
                    if size > MAX_INFLATED_STREAM or total + size > MAX_INFLATED:
                        raise ImportRefused(
                            Msg("refuse.pdf_bomb", limit=MAX_INFLATED_STREAM // 1048576))
        except zlib.error:
            pass                       # a broken stream: PDFium decides what to do with it
        total += size
        pos = max(pos, feed - len(inflater.unused_data))


# -- reading ---------------------------------------------------------------------

def read_lines(data: bytes) -> list[list[PrintedLine]]:
    """Printed lines of every page, top to bottom."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportRefused(Msg("refuse.pdf_no_reader")) from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise ImportRefused(_load_error(getattr(e, "err_code", None))) from None
    try:
        n = len(doc)
        if n > MAX_PAGES:
            raise ImportRefused(Msg("refuse.pdf_pages", n=n, limit=MAX_PAGES))
        pages: list[list[PrintedLine]] = []
        total = unmapped = 0
        drawn = 0
        for index in range(n):
            try:
                page = doc[index]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                raise ImportRefused(Msg("refuse.pdf_page_damaged", page=index + 1)) from None
            try:
                count = textpage.count_chars()
                if count > MAX_PAGE_CHARS:
                    raise ImportRefused(Msg("refuse.pdf_page_chars", page=index + 1, n=count, limit=MAX_PAGE_CHARS))
                drawn += count
                if drawn > MAX_DOC_CHARS:
                    raise ImportRefused(Msg("refuse.pdf_chars", limit=MAX_DOC_CHARS))
                chars, bad = _page_chars(textpage, raw)
            finally:
                textpage.close()
                page.close()
            total += len(chars) + bad
            unmapped += bad
            pages.append(_lines(index + 1, chars))
    finally:
        doc.close()
    if total == 0:
        raise ImportRefused(Msg("refuse.pdf_no_text"))
    if unmapped > max(1, total * _MAX_UNMAPPED):
        raise ImportRefused(
            Msg("refuse.pdf_unmapped", n=unmapped))
    return pages


def _load_error(code: int | None) -> str:
    if code == 4:     # FPDF_ERR_PASSWORD
        return Msg("refuse.pdf_password")
    if code == 5:     # FPDF_ERR_SECURITY
        return Msg("refuse.pdf_encryption")
    return Msg("refuse.pdf_damaged")


def _page_chars(textpage, raw) -> tuple[list[_Char], int]:
    """Characters drawn on a page (PDFium's invented spaces and line ends left out)."""
    import ctypes
    tp = textpage.raw
    rect = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    out: list[_Char] = []
    bad = 0
    pending_high = None
    for i in range(textpage.count_chars()):
        if raw.FPDFText_IsGenerated(tp, i) == 1:
            continue
        u = raw.FPDFText_GetUnicode(tp, i)
        if 0xD800 <= u <= 0xDBFF:       # UTF-16 platforms split rare characters (生僻字)
            pending_high = u
            continue
        if 0xDC00 <= u <= 0xDFFF and pending_high is not None:
            u = 0x10000 + ((pending_high - 0xD800) << 10) + (u - 0xDC00)
        pending_high = None
        if u in (0, 0xFFFD, 0xFFFE) or 0xE000 <= u <= 0xF8FF or raw.FPDFText_HasUnicodeMapError(tp, i) == 1:
            bad += 1
            continue
        ch = chr(u)
        if ch.isspace() or u < 32:
            continue   # spaces come back from the gaps they leave
        if not raw.FPDFText_GetLooseCharBox(tp, i, rect) or not raw.FPDFText_GetCharOrigin(tp, i, x, y):
            continue
        height = rect.top - rect.bottom
        if height <= 0:
            continue
        out.append(_Char(ch, rect.left, max(rect.right, rect.left), y.value, height))
    return out, bad


def _lines(page: int, chars: list[_Char]) -> list[PrintedLine]:
    """Group characters by baseline, top to bottom, left to right."""
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: -c.baseline)
    groups: list[list[_Char]] = []
    for c in ordered:
        g = groups[-1] if groups else None
        if g and abs(g[0].baseline - c.baseline) <= 0.35 * max(g[0].height, c.height):
            g.append(c)
        else:
            groups.append([c])
    return [_line(page, sorted(g, key=lambda c: c.left)) for g in groups]


def _line(page: int, chars: list[_Char]) -> PrintedLine:
    size = statistics.median(c.height for c in chars)
    widths = [c.right - c.left for c in chars if is_cjk(c.ch)]
    em = statistics.median(widths) if widths else size * 0.69
    kept: list[_Char] = []
    for c in chars:
        # Fake bold draws a glyph twice, a hair apart: keep one.
        if kept and c.ch == kept[-1].ch and abs(c.left - kept[-1].left) < 0.15 * em:
            continue
        kept.append(c)
    gaps = [b.left - a.right for a, b in zip(kept, kept[1:])]
    # A space is about a quarter em; justified Chinese spreads far less than that
    # per character. The usual gap is capped so that a line with few characters
    # ("主 管") does not count its spaces as the usual spacing.
    usual = min(max(0.0, statistics.median(gaps)), 0.08 * em) if gaps else 0.0
    threshold = usual + 0.15 * em
    parts = [kept[0].ch]
    for gap, c in zip(gaps, kept[1:]):
        if gap > threshold:
            parts.append(" ")
        parts.append(c.ch)
    return PrintedLine(page, "".join(parts), kept[0].left, max(c.right for c in kept),
                       statistics.median(c.baseline for c in kept), size, em, _lead(kept))


_NO_LINE_START = "，。、；：？！,.;:?!）)》〉」』】〕]”’…—·%"
_NO_LINE_END = "（(《〈「『【〔[“‘"


def _lead(chars: list[_Char]) -> float:
    """Width of the line's first unbreakable unit: what the previous line had no room for."""
    i = 0
    while i < len(chars) - 1 and chars[i].ch in _NO_LINE_END:
        i += 1
    if chars[i].ch.isascii() and chars[i].ch.isalnum():   # a number or a Latin word
        while i + 1 < len(chars) and chars[i + 1].ch.isascii() and not chars[i + 1].ch.isspace() \
                and chars[i + 1].left - chars[i].right < 0.1 * chars[i].height:
            i += 1
    while i + 1 < len(chars) and chars[i + 1].ch in _NO_LINE_START:
        i += 1
    return chars[i].right - chars[0].left


# -- layout ----------------------------------------------------------------------

def _margins(lines: list[PrintedLine]) -> tuple[float, float]:
    # Most lines of a paragraph start at the left margin; most end at the right one.
    left = Counter(round(ln.left) for ln in lines).most_common(1)[0][0]
    rights = sorted((ln.right for ln in lines), reverse=True)
    return left, rights[len(rights) // 10]


def _measure(pages: list[list[PrintedLine]]) -> _Measure | None:
    lines = [ln for p in pages for ln in p]
    if not lines:
        return None
    weight = Counter()
    for ln in lines:
        weight[round(ln.size * 2) / 2] += len(ln.text)
    size = weight.most_common(1)[0][0]
    body = [ln for ln in lines if _same_size(ln.size, size)] or lines
    em = statistics.median(ln.em for ln in body)
    left, right = _margins(body)
    pitches = []
    for p in pages:
        for a, b in zip(p, p[1:]):
            d = a.baseline - b.baseline
            if _same_size(a.size, size) and _same_size(b.size, size) and 0 < d < 3 * size:
                pitches.append(d)
    pitch = statistics.median(pitches) if pitches else size * 1.2
    return _Measure(size, left, right, em, pitch)


def _page_measures(pages: list[list[PrintedLine]], m: _Measure) -> list[_Measure]:
    """The text block of odd and of even pages: bound gazettes shift it towards the spine."""
    out = {}
    for parity in (0, 1):
        body = [ln for p in pages[parity::2] for ln in p if _same_size(ln.size, m.size)]
        if len(body) >= 20:
            left, right = _margins(body)
            out[parity] = replace(m, left=left, right=right)
        else:
            out[parity] = m
    return [out[i % 2] for i in range(len(pages))]


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.1 * max(a, b)


def _centred(ln: PrintedLine, m: _Measure) -> bool:
    return abs((ln.left - m.left) - (m.right - ln.right)) <= ln.em


def _wide(ln: PrintedLine, m: _Measure) -> bool:
    """A wrapped line fills most of the width (a right-aligned date reaches the margin too)."""
    return ln.right - ln.left >= 0.6 * (m.right - m.left)


def _wrapped(a: PrintedLine, b: PrintedLine, m: _Measure) -> bool:
    """Did a end only because b's first unit had no room left on it (m: a's page)?

    Justified lines end at the margin; ragged ones stop short by what did not
    fit, which may be two characters, since no line opens with "，".
    """
    return _wide(a, m) and a.right + b.lead > m.right - 0.25 * a.em


def _extra_space(a: PrintedLine, b: PrintedLine, m: _Measure) -> bool:
    """Is there more room between a and b than between lines of one paragraph?"""
    if a.page != b.page:
        return False
    expected = m.pitch * a.size / m.size
    return a.baseline - b.baseline > expected + 0.25 * a.em


def _joins(a: PrintedLine, ma: _Measure, b: PrintedLine, mb: _Measure) -> str | None:
    """How b continues the paragraph that a ends ("" or " "), or None when b starts a new one.

    ma and mb measure the pages a and b are on (the same page, or across a page break).
    """
    if not _same_size(a.size, b.size) or _extra_space(a, b, ma):
        return None
    if _same_size(a.size, ma.size) or a.size < ma.size:
        if _wrapped(a, b, ma) and b.left <= mb.left + 0.5 * b.em:
            return " " if _latin_end(a.text) and _latin_start(b.text) else ""
        return None
    # A title in a larger font, centred over several lines: a line that wrapped
    # (nearly as wide as the text block) or that plainly goes on (an open
    # bracket, a trailing "的", a next line opening with a bracket). Stacked
    # cover lines ("2022年第5-6期" over "目录") stay apart.
    if a.size > 1.15 * ma.size and _centred(a, ma) and _centred(b, mb) and (
            a.right - a.left >= 0.7 * (ma.right - ma.left) or open_brackets(a.text) > 0
            or a.text.endswith(_OPEN_ENDINGS) or b.text[0] in _BRACKETS):
        return " "
    return None


def _latin_end(s: str) -> bool:
    return s[-1].isascii() and s[-1].isalpha()


def _latin_start(s: str) -> bool:
    return s[0].isascii() and s[0].isalpha()


def _furniture(pages: list[list[PrintedLine]], measures: list[_Measure]) -> list[tuple[int, int]]:
    """(lines at the top, lines at the bottom) of each page that are page furniture."""
    def number(ln: PrintedLine) -> bool:
        return bool(_PAGE_NUMBER.match(squeeze(ln.text)))

    def apart(a: PrintedLine, b: PrintedLine, m: _Measure) -> bool:
        return not _same_size(a.size, b.size) or _extra_space(a, b, m)

    tops: Counter = Counter()
    bottoms: Counter = Counter()
    for p in pages:
        if p:
            tops[squeeze(p[0].text)] += 1
            bottoms[squeeze(p[-1].text)] += 1
            if len(p) > 1 and number(p[0]):
                tops[squeeze(p[1].text)] += 1
            if len(p) > 1 and number(p[-1]):
                bottoms[squeeze(p[-2].text)] += 1
    out = []
    for p, m in zip(pages, measures):
        top = 0
        while top < min(2, len(p) - 1) and apart(p[top], p[top + 1], m) and (
                number(p[top]) or (tops[squeeze(p[top].text)] >= 2 and not _wide(p[top], m))):
            top += 1
        bottom = 0
        while bottom < min(2, len(p) - top - 1) and apart(p[-bottom - 2], p[-bottom - 1], m) and (
                number(p[-bottom - 1]) or (bottoms[squeeze(p[-bottom - 1].text)] >= 2
                                           and not _wide(p[-bottom - 1], m))):
            bottom += 1
        out.append((top, bottom))
    return out


def layout_text(pages: list[list[PrintedLine]]) -> str:
    """Paragraphs and furniture lines, separated by blank lines."""
    whole = _measure(pages)
    if whole is None:
        return ""
    measures = _page_measures(pages, whole)
    out: list[str] = []
    held: list[str] = []        # furniture waiting for a paragraph that crosses a page break
    para: list[str] = []
    last: PrintedLine | None = None
    last_m = whole
    for p, m, (top, bottom) in zip(pages, measures, _furniture(pages, measures)):
        body = p[top:len(p) - bottom]
        head, foot = p[:top], p[len(p) - bottom:]
        first = True
        for ln in body:
            glue = _joins(last, last_m, ln, m) if last is not None else None
            if glue is None:
                if para:
                    out.append("".join(para))
                out.extend(held)
                held = []
                if first:
                    out.extend(h.text for h in head)
                para = [ln.text]
            else:
                if first:
                    held.extend(h.text for h in head)
                para.append(glue + ln.text)
            first = False
            last, last_m = ln, m
        if first:   # a page with no body text
            if para:
                out.append("".join(para))
                para = []
            out.extend(held)
            held = []
            out.extend(h.text for h in head)
            last = None
        held.extend(f.text for f in foot)
    if para:
        out.append("".join(para))
    out.extend(held)
    return "\n\n".join(out) + "\n"

