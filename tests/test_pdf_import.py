"""Importing the published PDF of an issue gives what importing its text gives.

The PDF is made here with Qt, typeset like a printed gazette: A4, the shipped CJK
fonts, paragraphs wrapped to the text width with a first-line indent, centred
titles, running headers (the section name) and page numbers "— N —", and pages
that break in the middle of paragraphs. Nothing here depends on the reader's own
print feature.
"""
from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import pytest

from conftest import SAMPLE, run_cli
from reader.core import conservation
from reader.core.errors import ImportRefused
from reader.core.model import ADDRESSEES, CODE, DATE, DOC_NUMBER, HEADING, LIST_ITEM, SIGNATURE, TITLE, Issue
from reader.core.text import significant

MM = 72 / 25.4            # points per millimetre
LEFT, TEXT_W = 28 * MM, 156 * MM          # GB/T 9704 text block
TOP, TEXT_H = 37 * MM, 225 * MM
HEADER_Y, FOOTER_Y = 18 * MM, 297 * MM - 20 * MM
RES = 720                 # device units per inch: 10 per point


@dataclass(frozen=True)
class Para:
    text: str
    role: str             # body, title, center, left, right, heading1, heading2, cover…
    section: str = ""
    page_break: bool = False


def _paragraphs(text: str, issue: Issue) -> list[Para]:
    """What the printer sets: the front matter line by line, then every block of every document."""
    raw = text.split("\n")
    out: list[Para] = []
    dropped = {d.line: d for d in issue.dropped}
    front = dict(issue.front_matter)
    for no in sorted(set(front) | {n for n, d in dropped.items() if d.reason == "标语"}):
        line = raw[no - 1].strip()
        s = line.replace(" ", "")
        if s.endswith("公报") and len(s) < 20:
            role = "cover-title"
        elif s.startswith(("2022年第", "(总第", "（总第")) or s == "目录":
            role = "cover-center"
        else:
            role = "cover"
        out.append(Para(line, role))
    first = True
    blocks = []
    for section in issue.sections:
        for top in section.documents:
            for doc in top.walk():
                for b in doc.blocks:
                    blocks.append((b.line, b, section.name))
    for _, b, section in sorted(blocks, key=lambda x: x[0]):
        role = {TITLE: "title", DOC_NUMBER: "center", CODE: "center", ADDRESSEES: "left",
                SIGNATURE: "right", DATE: "right"}.get(b.kind, "body")
        if b.kind == HEADING:
            role = "heading1" if b.level == 1 else "heading2" if b.level == 2 else "body"
        text = "- " + b.text if b.kind == LIST_ITEM else b.text
        out.append(Para(text, role, section, page_break=first))
        first = False
    return out


def typeset_pdf(paras: list[Para], spacing: float = 4.0, size: float = 12, justify: bool = True,
                mirror: bool = False) -> bytes:
    """Lay the paragraphs out on A4 pages with QPdfWriter and return the PDF."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageSize, QPdfWriter

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(RES)
    press = _Press(writer, spacing, size, justify, mirror)
    for para in paras:
        press.set(para)
    press.finish()
    buf.close()
    return bytes(data.data())


class _Press:
    """Sets paragraphs line by line; a page ends wherever the next line does not fit."""

    def __init__(self, writer, spacing: float, size: float, justify: bool, mirror: bool):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPainter
        from reader.gui.fonts import register_fonts, role_font
        register_fonts()
        self.writer, self.spacing, self.size, self.mirror = writer, spacing, size, mirror
        self.u = RES / 72                     # device units per point
        self.painter = QPainter(writer)
        self.page, self.y = 1, TOP * self.u
        self.section: str | None = None       # running header: the section at the top of the page
        self.cover = True                     # cover and masthead pages: no header, no page number
        self.opening = False                  # the page the documents start on: no running header
        self.fonts = {
            "body": role_font("body", size), "left": role_font("body", size), "right": role_font("body", size),
            "center": role_font("body", size), "title": role_font("title", size * 1.5),
            "heading1": role_font("heading1", size), "heading2": role_font("heading2", size),
            "cover": role_font("body", 10.5), "cover-center": role_font("heading1", 14),
            "cover-title": role_font("title", 26), "header": role_font("heading2", 10.5),
            "folio": role_font("body", 12),
        }
        A = Qt.AlignmentFlag
        body = A.AlignJustify if justify else A.AlignLeft
        self.align = {"body": body, "heading1": A.AlignLeft, "heading2": A.AlignLeft, "left": body,
                      "right": A.AlignRight, "center": A.AlignHCenter, "title": A.AlignHCenter,
                      "cover": A.AlignLeft, "cover-center": A.AlignHCenter, "cover-title": A.AlignHCenter}

    def set(self, para: Para) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QTextLayout, QTextOption
        u = self.u
        if para.page_break:
            self._new_page()
            self.cover, self.opening = False, True
        if not self.cover and self.section is None:
            self.section = para.section
        layout = QTextLayout(para.text, self.fonts[para.role], self.writer)
        option = QTextOption(self.align[para.role])
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        indent = 2 * self.size * u if para.role in ("body", "heading1", "heading2") else 0
        right_indent = 4 * self.size * u if para.role == "right" else 0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            lead = indent if line.lineNumber() == 0 else 0
            line.setLineWidth(TEXT_W * u - lead - right_indent)
            line.setPosition(QPointF(lead, 0))
        layout.endLayout()
        if para.role == "title":
            self.y += 10 * u
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if self.y + line.height() > (TOP + TEXT_H) * u:
                self._new_page()
                if not self.cover:
                    self.section = para.section
            line.draw(self.painter, QPointF(self.left * u, self.y))
            self.y += line.height()
        self.y += (self.spacing + (6 if para.role == "title" else 0)) * u

    @property
    def left(self) -> float:
        """Left margin in points; with mirror, the text block sits towards the spine."""
        if not self.mirror:
            return LEFT
        return LEFT + (6 * MM if self.page % 2 else -6 * MM)

    def finish(self) -> None:
        self._furniture()
        assert self.painter.end()

    def _new_page(self) -> None:
        self._furniture()
        self.writer.newPage()
        self.page += 1
        self.y = TOP * self.u
        self.section = None

    def _furniture(self) -> None:
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QPen
        if self.cover:
            return
        u = self.u
        if not self.opening:
            self._text(self.section or "", HEADER_Y, self.fonts["header"], "centre")
            self.painter.setPen(QPen(Qt.GlobalColor.black, 0.5 * u))
            rule = (HEADER_Y + 4) * u
            self.painter.drawLine(QPointF(self.left * u, rule), QPointF((self.left + TEXT_W) * u, rule))
        self.opening = False
        # Page numbers outside: right on odd pages, left on even ones.
        self._text(f"— {self.page} —", FOOTER_Y, self.fonts["folio"], "right" if self.page % 2 else "left")

    def _text(self, text: str, y: float, font, where: str) -> None:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QFontMetricsF
        u = self.u
        self.painter.setFont(font)
        w = QFontMetricsF(font, self.writer).horizontalAdvance(text)
        left = self.left * u
        x = {"left": left, "right": left + TEXT_W * u - w, "centre": left + (TEXT_W * u - w) / 2}[where]
        self.painter.drawText(QPointF(x, y * u), text)


def _image_only_pdf() -> bytes:
    """A scanned page: an image and no text layer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    image = QImage(200, 280, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.fillRect(20, 20, 160, 10, Qt.GlobalColor.black)   # "lines of text", as pixels
    p.fillRect(20, 40, 150, 10, Qt.GlobalColor.black)
    p.end()
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), image)
    painter.end()
    buf.close()
    return bytes(data.data())


def _encrypted_pdf() -> bytes:
    """A one-page PDF locked with a user password (standard security handler, RC4 40-bit)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        # O and U computed from no known password: PDFium must ask for one.
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
              b" <00112233445566778899aabbccddeeff>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


# -- fixtures ----------------------------------------------------------------------

LAYOUTS = {
    # GB/T 9704-like: justified, first-line indent, a little space between paragraphs.
    "justified": dict(spacing=4.0, size=12, justify=True),
    # Ragged right, smaller type, no paragraph spacing: only the indent marks a paragraph.
    "ragged": dict(spacing=0.0, size=10.5, justify=False),
    # A bound magazine: the text block shifts towards the spine on odd and even pages.
    "mirrored": dict(spacing=2.0, size=11, justify=True, mirror=True),
}


@pytest.fixture(scope="module")
def text_issue(sample_text) -> Issue:
    from reader.core.parse.gazette import parse_issue
    return parse_issue(sample_text, SAMPLE.name)


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def printed(request, qapp, sample_text, text_issue):
    """(layout name, PDF bytes, extracted text, parsed issue)."""
    from reader.core.parse.gazette import parse_issue
    from reader.core.parse.pdf import pdf_to_text
    pdf = typeset_pdf(_paragraphs(sample_text, text_issue), **LAYOUTS[request.param])
    text = pdf_to_text(pdf)
    return request.param, pdf, text, parse_issue(text, "sample.pdf")


def _docs(issue: Issue):
    return [(s.name, d) for s in issue.sections for top in s.documents for d in top.walk()]


# -- the PDF is a real test ------------------------------------------------------------

def test_the_typeset_pdf_looks_like_a_printed_gazette(printed):
    from reader.core.parse.pdf import read_lines
    _, pdf, _, _ = printed
    pages = read_lines(pdf)
    assert len(pages) >= 15
    body = pages[2:]
    assert all(p[0].text in ("市政府文件", "市政府办文件", "人事任免") for p in body[1:])
    assert [p[-1].text for p in body] == [f"— {n} —" for n in range(3, 3 + len(body))]
    left = [min(ln.left for ln in p[1:-1]) for p in body]
    wide = max(ln.right - ln.left for p in body for ln in p)
    # Pages that open in the middle of a paragraph (no indent under the header) …
    assert sum(1 for p, x in zip(body[1:], left[1:]) if abs(p[1].left - x) < 1) >= 5
    # … and wrapped lines that end in "。" although the paragraph goes on.
    inner_stops = sum(1 for p, x in zip(body, left) for a, b in zip(p[1:-2], p[2:-1])
                      if a.text.endswith("。") and abs(b.left - x) < 1 and a.right - a.left > 0.9 * wide)
    assert inner_stops >= 3


# -- acceptance: the PDF imports to what the text imports to -------------------------------

def test_pdf_imports_to_the_same_documents_as_the_text(printed, text_issue):
    layout, _, text, pdf_issue = printed
    assert (pdf_issue.key, pdf_issue.label, pdf_issue.publication) == (text_issue.key, text_issue.label,
                                                                        text_issue.publication)
    assert [s.name for s in pdf_issue.sections] == [s.name for s in text_issue.sections]
    assert pdf_issue.masthead == text_issue.masthead
    assert [(e.section, e.title, e.doc_number, e.doc_number_printed, e.code, e.page) for e in pdf_issue.toc] == \
        [(e.section, e.title, e.doc_number, e.doc_number_printed, e.code, e.page) for e in text_issue.toc]

    def meta(d):
        return (d.key, d.kind, d.title, d.doc_number, d.doc_number_printed, d.code, d.issuer, d.signature,
                d.date, d.date_printed, d.page, d.author, d.explains, len(d.attachments),
                [i.key for i in d.interpretations])
    got, want = _docs(pdf_issue), _docs(text_issue)
    assert [(s, meta(d)) for s, d in got] == [(s, meta(d)) for s, d in want], layout
    assert len(want) == 10
    assert pdf_issue.warnings == text_issue.warnings


def test_interpretations_keep_their_authors_and_policies(printed, text_issue):
    _, _, _, pdf_issue = printed

    def pairs(issue):
        return [(top.key, i.author, i.explains) for top in issue.documents() for i in top.interpretations]
    assert pairs(pdf_issue) == pairs(text_issue)
    assert [a for _, a, _ in pairs(pdf_issue)] == ["永州市文化旅游广电体育局", "永州市自然资源和规划局",
                                                   "永州市行政审批服务局"]


def test_every_character_is_conserved_document_by_document(printed, text_issue):
    _, _, text, pdf_issue = printed
    assert conservation.check_issue(text, pdf_issue).ok
    for (_, a), (_, b) in zip(_docs(pdf_issue), _docs(text_issue)):
        assert "".join(significant(x.text) for x in a.blocks) == "".join(significant(x.text) for x in b.blocks), a.key


def test_paragraphs_come_back_whole_so_fingerprints_match(printed, text_issue):
    """Wrapped lines and page breaks are joined by geometry: the same blocks, so bookmarks
    made on the text import find their passages in the PDF import.

    One thing a PDF cannot tell: a line that wrapped at a space between two Chinese words
    ("…服务局 国家税务总局…") looks like any other wrap, and the space is lost. So block
    texts are compared without spaces, and fingerprints where the text has no such space.
    """
    import re
    from reader.core.text import squeeze
    layout, _, _, pdf_issue = printed
    spaced = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
    exact = 0
    for (_, a), (_, b) in zip(_docs(pdf_issue), _docs(text_issue)):
        assert [(x.kind, x.level, squeeze(x.text)) for x in a.blocks] == \
            [(x.kind, x.level, squeeze(x.text)) for x in b.blocks], (layout, a.key)
        if not any(spaced.search(x.text) for x in b.blocks):
            assert a.fingerprint == b.fingerprint, (layout, a.key)
            exact += 1
    assert exact == 9          # all but the 解读 that lists joint issuers


def test_running_headers_and_page_numbers_are_dropped_and_listed(printed):
    _, pdf, text, pdf_issue = printed
    from reader.core.parse.pdf import read_lines
    pages = len(read_lines(pdf))
    reasons = Counter(d.reason for d in pdf_issue.dropped)
    assert reasons["页码"] == pages - 2          # every page after the cover
    assert reasons["页眉"] == pages - 3          # … but the one where the documents start
    assert reasons["标语"] == 1
    lines = text.split("\n")
    for d in pdf_issue.dropped:
        assert lines[d.line - 1].strip() == d.text or d.reason == "页码"
    furniture = {d.text for d in pdf_issue.dropped}
    for _, doc in _docs(pdf_issue):
        for b in doc.blocks:
            assert b.text not in furniture and "— " not in b.text


# -- the command line ---------------------------------------------------------------------

def test_cli_imports_a_pdf(printed, tmp_path):
    layout, pdf, _, _ = printed
    src = tmp_path / "issue.pdf"
    src.write_bytes(pdf)
    pdf_db, text_db = tmp_path / "pdf.db", tmp_path / "text.db"
    r = run_cli("import", str(src), "--db", str(pdf_db))
    assert r.returncode == 0, r.stderr.decode()
    assert "永州市人民政府公报" in r.stdout.decode()
    assert run_cli("import", str(SAMPLE), "--db", str(text_db)).returncode == 0
    from reader.core.library import Library
    got, want = Library(pdf_db).dump(), Library(text_db).dump()
    for d in (got, want):
        for issue in d["issues"]:
            for k in ("dropped", "source"):
                issue.pop(k)
            for e in issue["toc"]:
                e.pop("line")
    assert got == want


def test_import_report_of_a_pdf_names_pages_and_furniture(printed, tmp_path):
    from reader.core.import_report import dry_run
    _, pdf, _, _ = printed
    src = tmp_path / "issue.pdf"
    src.write_bytes(pdf)
    report = dry_run(src, tmp_path / "none.db")
    assert report.source_kind == "pdf" and report.pages >= 15
    assert report.conservation.ok and not report.already_present
    text = report.to_text()
    assert "PDF" in text and f"{report.pages} 页" in text and "页码" in text and "页眉“市政府办文件”" in text
    assert not (tmp_path / "none.db").exists()


def _refused(tmp_path, name: str, data: bytes) -> str:
    src = tmp_path / name
    src.write_bytes(data)
    db = tmp_path / "never.db"
    r = run_cli("import", str(src), "--db", str(db))
    err = r.stderr.decode().strip().splitlines()
    assert r.returncode == 1 and len(err) == 1 and "Traceback" not in r.stderr.decode(), (name, err)
    assert not db.exists()
    return err[0]


def test_unreadable_pdfs_are_refused_in_one_chinese_line(qapp, tmp_path):
    assert "密码" in _refused(tmp_path, "locked.pdf", _encrypted_pdf())
    assert "损坏" in _refused(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert "损坏" in _refused(tmp_path, "header-only.pdf", b"%PDF-1.4\n%%EOF\n")
    assert "OCR" in _refused(tmp_path, "scan.pdf", _image_only_pdf())


def test_pdf_errors_are_import_refusals_in_the_core(qapp):
    from reader.core.parse.pdf import pdf_to_text
    from reader.core.parse.source import decode
    for data in (_encrypted_pdf(), b"%PDF-1.4\n" + b"\x00" * 100, _image_only_pdf()):
        with pytest.raises(ImportRefused):
            pdf_to_text(data)
        with pytest.raises(ImportRefused):
            decode(data)


# -- the layout rules, on hand-made lines (no Qt, no PDF) -----------------------------------

def _ln(page, text, left=100.0, right=None, baseline=700.0, size=17.0, em=12.0):
    from reader.core.parse.pdf import PrintedLine
    right = left + em * len(text) if right is None else right
    return PrintedLine(page, text, left, right, baseline, size, em, em)


def _page(page, *rows, top=760.0, pitch=17.0):
    """rows: (text, indent in ems, full?) — body lines under a header, page number at the foot."""
    from reader.core.parse.pdf import PrintedLine
    out = [PrintedLine(page, "市政府文件", 270, 330, 800, 12, 10.5, 10.5)]
    y = top
    for text, indent, full in rows:
        left = 100 + 12 * indent
        out.append(_ln(page, text, left, 520 if full else None, y))
        y -= pitch
    out.append(PrintedLine(page, f"— {page} —", 480, 520, 60, 17, 12, 12))
    return out


def test_layout_joins_wrapped_lines_and_keeps_paragraphs_apart():
    from reader.core.parse.pdf import layout_text
    pages = [
        _page(3, ("一、总则", 2, False),
              ("第一段首行，写满整行。", 2, True), ("句号恰在行末，段落并未结束。", 0, True), ("段末。", 0, False),
              ("第二段首行缩进，写满整行", 2, True), ("跨页前的最后一行写满了。", 0, True)),
        _page(4, ("跨页后接着写，段落到此结束。", 0, False), ("第三段。", 2, False)),
    ]
    paragraphs = layout_text(pages).split("\n\n")
    assert paragraphs == ["市政府文件", "一、总则", "第一段首行，写满整行。句号恰在行末，段落并未结束。段末。",
                          "第二段首行缩进，写满整行跨页前的最后一行写满了。跨页后接着写，段落到此结束。",
                          "— 3 —", "市政府文件", "第三段。", "— 4 —\n"]


def test_layout_joins_a_centred_title_and_splits_stacked_cover_lines():
    from reader.core.parse.pdf import PrintedLine, layout_text
    pages = [[
        PrintedLine(1, "2022年第5-6期", 240, 380, 760, 20, 14, 14),
        PrintedLine(1, "目录", 290, 330, 740, 20, 14, 14),
        PrintedLine(1, "永州市人民政府关于印发《永州市全民健身实施计", 100, 520, 700, 26, 18, 18),
        PrintedLine(1, "划》的通知", 265, 355, 674, 26, 18, 18),
        _ln(1, "正文第一行写满。", 124, 520, 640), _ln(1, "正文第二行。", 100, None, 623),
        _ln(1, "正文另一段，也写满了一整行。", 124, 520, 606), _ln(1, "正文另一段的第二行，写满。", 100, 520, 589),
        _ln(1, "正文另一段的第三行。", 100, None, 572),
    ]]
    assert layout_text(pages).split("\n\n") == [
        "2022年第5-6期", "目录", "永州市人民政府关于印发《永州市全民健身实施计 划》的通知",
        "正文第一行写满。正文第二行。", "正文另一段，也写满了一整行。正文另一段的第二行，写满。正文另一段的第三行。\n"]
