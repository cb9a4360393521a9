"""Printed tables: ruled, inside the type area, header on every page, no row split over two pages."""
from __future__ import annotations

import re

import pytest

pdfium = pytest.importorskip("pypdfium2")

from reader.core import model as M  # noqa: E402
from reader.core.printjob import PrintJob  # noqa: E402
from reader.core.parse.tables import table_text  # noqa: E402
from reader.gui.printing import export_pdf  # noqa: E402
from test_print_layout import StubLibrary, _view  # noqa: E402
from test_print_pdf import MM, lines_of, squash  # noqa: E402

HEADER = ["序号", "指标名称", "指标性质", "指标说明"]
N = 40


def _row(i: int) -> list[str]:
    # Every row's long cell wraps over several lines and says which row it is.
    # Rows of different heights, so that row ends do not fall on page ends by chance.
    more = "，并与上年度同期数据比较" * (i % 4)
    note = f"第{i}行说明：计算方法为本年度考核对象的有关数量与同期全部数量之比{more}，指标来源为医院填报第{i}行完"
    return [str(i), f"第{i}项指标名称", "定量", note]


ROWS = [HEADER] + [_row(i) for i in range(1, N + 1)]


@pytest.fixture(scope="module")
def table_pdf(qapp, tmp_path_factory):
    blocks = (M.Block(M.TITLE, "某某指标体系"), M.Block(M.PARAGRAPH, "现将指标公布如下。"),
              M.Block(M.TABLE, table_text(ROWS)), M.Block(M.PARAGRAPH, "以上指标自公布之日起施行。"))
    path = tmp_path_factory.mktemp("table") / "table.pdf"
    export_pdf(StubLibrary(_view(blocks=blocks, title="某某指标体系")), PrintJob(keys=["t/1"]), path)
    doc = pdfium.PdfDocument(str(path))
    return doc, [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))], \
        [lines_of(doc[i].get_textpage()) for i in range(len(doc))]


def test_the_table_runs_over_pages_with_the_header_repeated(table_pdf):
    doc, texts, _ = table_pdf
    with_rows = [n for n, t in enumerate(texts) if "行说明" in t]
    assert len(with_rows) >= 3, "forty wrapped rows take several pages"
    for n in with_rows:
        assert texts[n].count("序号指标名称指标性质指标说明") == 1, f"page {n + 1} lacks its header row"
    # The header comes before the first row on every page.
    for n in with_rows[1:]:
        assert texts[n].index("指标说明") < texts[n].index("行说明")


def test_no_row_is_split_between_pages(table_pdf):
    doc, texts, _ = table_pdf
    for i in range(1, N + 1):
        pages = [n for n, t in enumerate(texts) if f"第{i}行说明" in t]
        assert len(pages) == 1, f"row {i} starts on pages {pages}"
        assert f"第{i}行完" in texts[pages[0]], f"row {i} is cut at the foot of page {pages[0] + 1}"
    # And in order: the rows follow each other across the pages.
    order = [next(n for n, t in enumerate(texts) if f"第{i}行说明" in t) for i in range(1, N + 1)]
    assert order == sorted(order)
    assert "以上指标自公布之日起施行。" in texts[-1]


def test_the_table_sits_inside_the_type_area_with_ruled_cells(table_pdf):
    doc, texts, lines = table_pdf
    for n, page in enumerate(lines):
        for top, left, right, text in page:
            if "—" not in text:           # all but the page number, below the type area by design
                # The binding margin is 28 mm, on the right of even pages (mirrored); 156 mm type area.
                margin = 28 if n % 2 == 0 else 210 - 28 - 156
                assert margin * MM - 1 <= left and right <= (margin + 156) * MM + 1, (n, text)
                assert 37 * MM - 1 <= top <= (37 + 225) * MM + 1, (n, text)
    # Ruled: the page with the start of the table carries line paths (the cell rules).
    page = doc[next(n for n, t in enumerate(texts) if "行说明" in t)]
    paths = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_PATH]
    assert len(paths) >= 20


def test_a_row_taller_than_a_page_goes_on_over_the_next_pages_inside_the_type_area(qapp, tmp_path):
    long = "".join(f"第{i}句说明文字，" for i in range(1, 300)) + "全文完"
    rows = [HEADER, ["1", "名称", "定量", long], ["2", "名称二", "定性", "短说明"]]
    blocks = (M.Block(M.TITLE, "某某指标体系"), M.Block(M.TABLE, table_text(rows)))
    path = tmp_path / "tall.pdf"
    export_pdf(StubLibrary(_view(blocks=blocks, title="某某指标体系")), PrintJob(keys=["t/1"]), path)
    doc = pdfium.PdfDocument(str(path))
    texts = [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    assert len(doc) >= 3
    # The cell's text, read page after page without the repeated header and the page numbers.
    whole = "".join(re.sub(r"—\d+—", "", t).replace("序号指标名称指标性质指标说明", "") for t in texts)
    assert all(f"第{i}句说明文字" in whole for i in range(1, 300)) and "全文完" in whole
    for n in range(len(doc)):
        margin = 28 if n % 2 == 0 else 210 - 28 - 156
        for top, left, right, text in lines_of(doc[n].get_textpage()):
            if "—" not in text:
                assert 37 * MM - 1 <= top <= (37 + 225) * MM + 1, (n, text)
                assert margin * MM - 1 <= left and right <= (margin + 156) * MM + 1, (n, text)
        assert texts[n].count("序号指标名称指标性质指标说明") == 1   # the header on every page
