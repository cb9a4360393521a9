"""A document with a table, through store, dump, search and the window."""
from __future__ import annotations

import pytest

from reader.core.importer import parse_text, store
from reader.core.library import Library
from reader.core.location import Location
from reader.core.search.engine import SearchEngine
from reader.core.store.writer import LibraryWriter

from gui_helpers import start_app

TEXT = """甲市教育局关于公布示范学校名单的通知
甲教发〔2024〕5号
各区县教育局：
经评审，现将示范学校名单公布如下。
序号
学校名称
所在地区
得分
1
甲市第一中学
北城区
92.5
2
乙县鹭鸶湾实验小学
南山区
90.0
3
丙镇中心幼儿园
东湖区
88.5
请各单位认真组织实施。
甲市教育局
2024年11月28日
"""
KEY_PART = "甲教发〔2024〕5号"


@pytest.fixture
def table_library(library_copy, tmp_path):
    src = tmp_path / "table.txt"
    src.write_text(TEXT, encoding="utf-8")
    from reader.core.importer import parse_file
    w = LibraryWriter(library_copy)
    try:
        store(w, parse_file(src))
    finally:
        w.close()
    return library_copy


def _doc_key(lib: Library) -> str:
    return next(d.key for d in lib.standalone_documents() if KEY_PART in d.key)


def test_store_keeps_the_table_and_dump_gives_rows(table_library):
    lib = Library(table_library)
    try:
        key = _doc_key(lib)
        blocks = lib.blocks(key)
        tables = [b for b in blocks if b.kind == "table"]
        assert len(tables) == 1 and tables[0].rows[2] == ["2", "乙县鹭鸶湾实验小学", "南山区", "90.0"]
        dumped = next(d for d in lib.dump()["documents"] if d["key"] == key)
        table = next(b for b in dumped["blocks"] if b["kind"] == "table")
        assert table == {"kind": "table", "rows": [["序号", "学校名称", "所在地区", "得分"],
                                                   ["1", "甲市第一中学", "北城区", "92.5"],
                                                   ["2", "乙县鹭鸶湾实验小学", "南山区", "90.0"],
                                                   ["3", "丙镇中心幼儿园", "东湖区", "88.5"]]}
    finally:
        lib.close()


def test_search_finds_text_in_a_cell(table_library):
    lib = Library(table_library)
    try:
        key = _doc_key(lib)
        engine = SearchEngine(table_library)
        hits = engine.search("鹭鸶湾").hits
        engine.close()
        assert [h.info.key for h in hits] == [key]
        loc = hits[0].snippets[0].location
        table_index = next(i for i, b in enumerate(lib.blocks(key)) if b.kind == "table")
        assert loc.block == table_index
        assert lib.blocks(key)[loc.block].text[loc.offset:loc.offset + loc.length] == "鹭鸶湾"
    finally:
        lib.close()


def test_the_window_shows_a_real_table_and_a_hit_in_a_cell_opens_there(qtbot, table_library):
    app = start_app(qtbot, table_library)
    key = _doc_key(app.library)
    table_index = next(i for i, b in enumerate(app.library.blocks(key)) if b.kind == "table")
    text = app.library.blocks(key)[table_index].text
    offset = text.index("鹭鸶湾")
    app.navigator.open(Location(key, table_index, offset, 3))
    view = app.window.area.view_showing(key)
    cursor = view.cursor_at(Location(key, table_index, offset, 3))
    table = cursor.currentTable()
    assert table is not None and (table.rows(), table.columns()) == (4, 4)
    assert cursor.selectedText() == "鹭鸶湾"
    cell = table.cellAt(cursor)
    assert (cell.row(), cell.column()) == (2, 1)
    # And back: the character under the cursor in a cell is a Location into the table block.
    assert view.location_of_block(cursor.block().blockNumber()) == Location(key, table_index, text.index("乙县"))
    # Every cell shows its text, the paragraphs around the table are untouched.
    shown = [table.cellAt(r, c).firstCursorPosition().block().text() for r in range(4) for c in range(4)]
    assert shown[:4] == ["序号", "学校名称", "所在地区", "得分"] and shown[-1] == "88.5"
    assert "请各单位认真组织实施。" in view.document().toPlainText()


def test_a_bookmark_in_a_cell_highlights_that_cell_text(qtbot, table_library):
    app = start_app(qtbot, table_library)
    key = _doc_key(app.library)
    table_index = next(i for i, b in enumerate(app.library.blocks(key)) if b.kind == "table")
    text = app.library.blocks(key)[table_index].text
    app.navigator.open(Location(key))
    view = app.window.area.view_showing(key)
    loc = Location(key, table_index, text.index("东湖区"), 3)
    cursor = view.cursor_at(loc)
    view.setTextCursor(cursor)
    assert view.selected_location() == loc


def test_a_point_location_in_a_table_marks_one_cell_not_the_whole_table(qtbot, table_library):
    app = start_app(qtbot, table_library)
    key = _doc_key(app.library)
    table_index = next(i for i, b in enumerate(app.library.blocks(key)) if b.kind == "table")
    text = app.library.blocks(key)[table_index].text
    app.navigator.open(Location(key, table_index, text.index("南山区")))
    view = app.window.area.view_showing(key)
    (target,) = view.extraSelections()[-1:]
    assert target.cursor.selectedText() == "南山区"


def test_clicking_a_search_result_in_a_cell_opens_the_table_at_that_cell(qtbot, table_library):
    from PySide6.QtCore import Qt
    app = start_app(qtbot, table_library)
    feature = app.features["search"]
    app.window.actions.search.trigger()
    panel = feature.panel
    panel.query.setText("鹭鸶湾")
    qtbot.waitUntil(lambda: feature.task is None and panel.model.rowCount() > 0, timeout=15000)
    hit = panel.model.hits[0]
    rect = panel.results.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = app.window.area.view_showing(hit.info.key)
    cursor = view.cursor_at(hit.snippets[0].location)
    assert cursor.currentTable() is not None and cursor.selectedText() == "鹭鸶湾"
    assert view.layer_count("search") >= 1
    # Scrolled there: the cell is inside the visible part of the view.
    assert view.viewport().rect().contains(view.cursorRect(cursor).center())
