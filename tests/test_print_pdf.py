"""Printing in the GB/T 9704 layout, checked on the exported PDF with pypdfium2."""
from __future__ import annotations

import ctypes
import re
from collections import defaultdict

import pytest

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as pdfium_raw  # noqa: E402

from reader.core.printjob import PrintJob, source_line  # noqa: E402
from reader.gui.printing import export_pdf  # noqa: E402

MM = 72 / 25.4
A4 = (595.28, 841.89)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def lines_of(textpage):
    """(top y from the page top in pt, left x, right x, text) of each text line, top to bottom.

    Characters are grouped by their baseline (pdfium's char origin), not their tight boxes.
    """
    rows = defaultdict(list)
    height = textpage.page.get_height()
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(textpage.count_chars()):
        ch = textpage.get_text_range(i, 1)
        if not ch.strip():
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        pdfium_raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        rows[round(y.value)].append((left, right, height - top, ch))
    out = []
    for _, chars in sorted(rows.items(), reverse=True):
        chars.sort()
        out.append((min(c[2] for c in chars), chars[0][0], chars[-1][1], "".join(c[3] for c in chars)))
    return out


@pytest.fixture(scope="module")
def main_keys(library):
    issue = library.issues()[0]
    return [d.key for s in library.sections(issue.key) for d in library.section_documents(s.id)]


@pytest.fixture(scope="module")
def sample_pdf(qapp, library, main_keys, tmp_path_factory):
    path = tmp_path_factory.mktemp("print") / "sample.pdf"
    job = PrintJob(keys=main_keys, include_interpretations=True, title="永州市人民政府公报 2022年第5-6期")
    assert export_pdf(library, job, path) == path
    doc = pdfium.PdfDocument(str(path))
    pages = [doc[i] for i in range(len(doc))]
    texts = [p.get_textpage() for p in pages]
    yield path, doc, pages, texts


def test_four_documents_with_interpretations(sample_pdf, library, main_keys):
    path, doc, pages, texts = sample_pdf
    assert len(main_keys) == 4
    assert len(pages) > 20
    for page in pages:
        w, h = page.get_size()
        assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1
    full = squash("".join(t.get_text_range() for t in texts))
    expected_titles, expected_sources = [], []
    for key in main_keys:
        view = library.document(key)
        expected_titles.append(view.title)
        expected_sources.append(source_line(view))
        expected_titles += [a.title for a in view.attachments] + [i.title for i in view.interpretations]
        expected_sources += [source_line(library.document(i.key), view) for i in view.interpretations]
    assert len(expected_titles) == 4 + 3 + 3
    for title in expected_titles:
        assert squash(title) in full, title
    for source in expected_sources:
        assert squash(source) in full, source
    assert "本件据《永州市人民政府公报》2022年第5-6期（总第154—155期）第3页" in full
    # No red header, no seal: nothing but text objects on the page.
    assert not re.search(rb"/Subtype\s*/Image", path.read_bytes())


def test_each_document_starts_a_new_page_at_the_top(sample_pdf, library, main_keys):
    _, _, pages, texts = sample_pdf
    page_lines = [lines_of(t) for t in texts]
    starts = {}
    for key in main_keys:
        view = library.document(key)
        titles = [(view.title, 0)] + [(a.title, 1) for a in view.attachments] + \
                 [(i.title, 0) for i in view.interpretations]
        for title, line in titles:
            found = [n for n, lines in enumerate(page_lines)
                     if squash("".join(x[3] for x in lines[line:])).startswith(squash(title))]
            assert found, title
            starts[title] = found[0]
            top = page_lines[found[0]][line][0]
            # Titles sit on the grid: the first line at the 37 mm top margin, or the third (after a
            # blank line) under "附件".
            assert abs(top - (37 + 2 * line * 225 / 22) * MM) < 2 * MM, (title, top / MM)
            if line:
                assert page_lines[found[0]][0][3] == "附件"
    assert len(set(starts.values())) == len(starts) == 10


def test_page_numbers_on_the_outer_side(sample_pdf):
    _, _, pages, texts = sample_pdf
    blanks = 0
    for n, (page, tp) in enumerate(zip(pages, texts), 1):
        if not lines_of(tp):
            blanks += 1                      # the unnumbered back of a document's last sheet
            assert n % 2 == 0
            continue
        last = lines_of(tp)[-1]
        assert re.fullmatch(rf"—{n}—", last[3]), last
        width = page.get_width()
        centre = (last[1] + last[2]) / 2
        type_left = (28 if n % 2 else 26) * MM
        if n % 2:
            assert centre > width / 2
            assert abs(last[2] - (type_left + 156 * MM - 14)) < 1.5 * MM     # one 4号 character in
        else:
            assert centre < width / 2
            assert abs(last[1] - (type_left + 14)) < 1.5 * MM
        # The dash line starts 7 mm below the 225 mm type area.
        assert (37 + 225 + 7 - 1) * MM < last[0] + 14 * 0.6 < (37 + 225 + 7 + 4) * MM
    assert blanks > 0


def test_type_area_and_grid(sample_pdf):
    _, _, pages, texts = sample_pdf
    first = lines_of(texts[0])
    addressees = next(x for x in first if x[3].startswith("各县市区"))
    assert abs(addressees[1] - 28 * MM) < 2 * MM                  # flush left at the 28 mm binding margin
    assert abs(first[0][0] - 37 * MM) < 2 * MM                     # first text at the 37 mm top margin
    counts = []
    for tp in texts:
        body = [x for x in lines_of(tp)[:-1]]                     # without the page number
        counts.append(len(body))
        tops = [x[0] for x in body]
        for a, b in zip(tops, tops[1:]):
            steps = (b - a) / (225 * MM / 22)
            assert abs(steps - round(steps)) < 0.15                # every line on the 22-line grid
    assert max(counts) == 22
    assert sum(1 for c in counts if c >= 21) >= len(counts) // 2
    # 28 characters of 3号 fill the 156 mm measure.
    full = [x for tp in texts for x in lines_of(tp)
            if len(x[3]) == 28 and re.fullmatch(r"[\u4e00-\u9fff][\u3000-\u9fff\uff00-\uffef]+[\u4e00-\u9fff]", x[3])]
    assert full
    for line in full[:20]:
        assert abs((line[2] - line[1]) - 156 * MM) < 1.5 * MM


def test_fonts_are_embedded_and_text_extractable(sample_pdf):
    path, _, pages, texts = sample_pdf
    names, embedded = set(), set()
    buf = ctypes.create_string_buffer(256)
    for tp in texts[:3]:
        for i in range(tp.count_chars()):
            obj = tp.get_textobj(i)
            if obj is None:                                        # a space pdfium inferred
                continue
            font = pdfium_raw.FPDFTextObj_GetFont(obj.raw)
            pdfium_raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
            names.add(buf.value.decode())
            embedded.add(bool(pdfium_raw.FPDFFont_GetIsEmbedded(font)))
    assert embedded == {True}
    assert any("NotoSerifCJK" in n for n in names) or any("FangSong" in n or "SimSun" in n for n in names)
    assert path.read_bytes().count(b"/FontFile2") >= 3
    assert "为深入贯彻全民健身国家战略" in squash(texts[1].get_text_range())


def test_page_range_exports_only_those_pages(qapp, library, main_keys, tmp_path):
    path = tmp_path / "range.pdf"
    export_pdf(library, PrintJob(keys=main_keys, page_range="2-3"), path)
    doc = pdfium.PdfDocument(str(path))
    assert len(doc) == 2
    numbers = [lines_of(doc[i].get_textpage())[-1][3] for i in range(2)]
    assert numbers == ["—2—", "—3—"]                               # they keep their place in the job
    with pytest.raises(Exception, match="page range"):      # untranslated (English) interface
        export_pdf(library, PrintJob(keys=main_keys[:1], page_range="900"), tmp_path / "none.pdf")
    assert not list(tmp_path.glob("none.pdf*")) and not list(tmp_path.glob(".none.pdf*"))


def test_long_plain_document_has_22_lines_a_page(qapp, library, main_keys, tmp_path):
    plan = library.document(main_keys[1]).attachments[0]         # 交房即交证 plan: 49 blocks
    path = tmp_path / "plan.pdf"
    export_pdf(library, PrintJob(keys=[plan.key]), path)
    doc = pdfium.PdfDocument(str(path))
    assert len(doc) >= 5
    counts = [len(lines_of(doc[i].get_textpage())) - 1 for i in range(1, len(doc) - 1)]
    assert all(20 <= c <= 22 for c in counts), counts
    assert counts.count(22) >= len(counts) // 2


@pytest.mark.parametrize("mirror, left_mm", [(True, 26), (False, 28)])
def test_even_pages_mirror_the_binding_margin(qapp, library, main_keys, tmp_path, mirror, left_mm):
    plan = library.document(main_keys[1]).attachments[0]
    path = tmp_path / "even.pdf"
    export_pdf(library, PrintJob(keys=[plan.key], page_range="2", mirror_margins=mirror), path)
    lines = lines_of(pdfium.PdfDocument(str(path))[0].get_textpage())
    assert lines[-1][3] == "—2—"
    assert abs(min(x[1] for x in lines[:-1]) - left_mm * MM) < 1 * MM
