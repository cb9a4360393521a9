"""The shipped CJK fonts must work with no CJK font installed, on screen and in PDFs.

Run headless: QT_QPA_PLATFORM=offscreen python -m pytest tests/test_fonts.py
"""
from __future__ import annotations

import ctypes

import pytest

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageSize, QPainter, QPdfWriter, QRawFont

from reader.gui import fonts

SENTENCE = "国务院办公厅关于印发《政务信息系统整合共享实施方案》的通知——〇"
SAMPLE = "国务院办公厅关于印发政务信息系统整合共享实施方案的通知"


@pytest.fixture
def roles(qapp):
    return fonts.register_fonts()


def test_every_role_has_a_known_family(roles):
    assert set(roles) == set(fonts.ROLES)
    known = {fonts._base_name(f) for f in QFontDatabase.families()}
    for role, family in roles.items():
        assert family in known, (role, family)
        assert fonts.SHIPPED[role] in known, role
    assert fonts.register_fonts() == roles  # a second call changes nothing


@pytest.mark.parametrize("role", fonts.ROLES)
def test_shipped_faces_cover_chinese(roles, role):
    shipped = QFont(fonts.SHIPPED[role])
    shipped.setWeight(QFont.Weight.Bold if role == "title" else QFont.Weight.Normal)
    raw = QRawFont.fromFont(shipped)
    assert raw.isValid()
    assert raw.familyName() == fonts.SHIPPED[role]
    # ord(): PySide6 6.12 mis-converts a str to QChar here and reports false misses.
    missing = [c for c in SAMPLE + "，。、（）《》“”—…〇○" if not raw.supportsCharacter(ord(c))]
    assert not missing, (role, missing)


def test_css_font_stack_ends_with_shipped_face(roles):
    for role in fonts.ROLES:
        stack = fonts.css_font_stack(role)
        assert stack.startswith(f"'{roles[role]}'")
        assert f"'{fonts.SHIPPED[role]}'" in stack
        assert stack.endswith(f"'{fonts.FALLBACK}'")         # the face with every GB 18030 ideograph


def _font_names(page) -> set[str]:
    """Names of the fonts pdfium sees behind each character of a page."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    names = set()
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for index in range(textpage.count_chars()):
        length = raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), flags)
        if length:
            names.add(buffer.value.decode("utf-8", "replace"))
    return names


@pytest.fixture
def shipped_roles(roles, monkeypatch):
    """Every role on the shipped face, as on a machine without 仿宋/宋体/黑体/楷体."""
    for role in fonts.ROLES:
        monkeypatch.setitem(fonts._roles, role, fonts.SHIPPED[role])
    assert fonts.register_fonts() == fonts.SHIPPED
    return dict(fonts.SHIPPED)


def test_pdf_embeds_body_font_with_extractable_text(shipped_roles, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    assert fonts.css_families("body") == [fonts.SHIPPED["body"]]
    target = tmp_path / "body.pdf"
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(fonts.role_font("body", 16))
    painter.drawText(QRectF(0, 0, 2400, 600), Qt.TextFlag.TextWordWrap, SENTENCE)
    assert painter.end()

    document = pdfium.PdfDocument(str(target))
    page = document[0]
    text = page.get_textpage().get_text_range()
    assert "".join(text.split()) == SENTENCE
    # On every machine (the shipped face is forced above): ours is embedded, nothing else.
    names = _font_names(page)
    assert names and all(name.startswith("NotoSerifCJKsc") for name in names), names


def _sample_hanzi_by_use() -> list[str]:
    from collections import Counter
    from reader.resources import data_path
    counts = Counter()
    for path in sorted(data_path("sources").glob("*.txt")):
        counts.update(c for c in path.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff")
    return [c for c, _n in counts.most_common()]


@pytest.mark.parametrize("name", ["NotoSerifCJKsc-Regular.otf", "NotoSerifCJKsc-Black.otf",
                                  "NotoSansCJKsc-Regular.otf", "GazetteWenKai-Regular.ttf"])
def test_common_hanzi_glyphs_sit_together(qapp, name):
    """The window memory-maps the faces and the kernel maps 64 KB around each glyph read: the
    hanzi official texts use most sit in one block at the front of each face, commonest first, so
    a page of text reads a few hundred KB of a face, not half of it (tools/make_fonts.py
    cluster_common_glyphs)."""
    from reader.resources import resource_path
    raw = QRawFont(str(resource_path("fonts", name)), 12)
    assert raw.isValid()
    used = _sample_hanzi_by_use()
    assert len(used) > 800
    ids = raw.glyphIndexesForString("".join(used[:400]))
    assert all(ids) and max(ids) < 2500, max(ids)       # of 9,558–31,441 glyphs
    first_hanzi = min(g for g in raw.glyphIndexesForString("".join(map(chr, range(0x4E00, 0xA000)))) if g)
    assert ids[0] - first_hanzi < 50        # the sample issue's commonest hanzi is near the block's head
