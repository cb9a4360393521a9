"""Markup in documents and bookmark files is shown as text in every widget (issue 13, item 2).

The hostile document and bookmark file (tests/hostile_content.py) are imported and shown in
the real window; every label, tooltip and message showing their strings must render them
literally, and nothing they point at is ever loaded (the CI also watches this under strace).
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

import hostile_content as H
from gui_helpers import start_app, walk_rows
from reader.core.importer import parse_text, store
from reader.core.location import Location
from reader.core.store.writer import LibraryWriter


def _import_hostile(db) -> str:
    from reader.core.importer import Parsed
    w = LibraryWriter(db)
    try:
        for name, text in (("hostile.txt", H.hostile_document()), ("citing.txt", H.citing_document())):
            result = parse_text(text, name)
            store(w, Parsed(name, text, result))
            if name == "hostile.txt":
                key = result.document.key
    finally:
        w.close()
    return key


def _link_tooltips(view) -> list[str]:
    out, block = [], view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            tip = it.fragment().charFormat().toolTip()
            if tip:
                out.append(tip)
            it += 1
        block = block.next()
    return out


def _show_tooltips(qtbot, tips) -> None:
    """Let Qt render each tooltip as it would on hover (a rich one would load its images now)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QToolTip
    for tip in tips:
        QToolTip.showText(QPoint(10, 10), tip)
        qtbot.wait(1)
    QToolTip.hideText()


def _labels_showing(fragment: str):
    for w in QApplication.allWidgets():
        if isinstance(w, QLabel) and fragment in w.text():
            yield w


def test_markup_from_documents_and_bookmark_files_is_shown_as_text(qtbot, library_copy, tmp_path):
    from PySide6.QtCore import Qt
    key = _import_hostile(library_copy)
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    assert app.navigator.open(Location(key))
    view = app.window.area.policy.view
    qtbot.waitUntil(lambda: "总体要求" in view.document().toPlainText(), timeout=5000)

    # The text itself and the facts panel: the markup is there as characters.
    body = view.document().toPlainText()
    assert "<img src=" in body and "<h1>总体要求</h1>" in body and "<style>@import" in body
    qtbot.waitUntil(lambda: "<h1>加强</h1>" in app.window.meta.toPlainText(), timeout=5000)
    assert "<img" not in view.toHtml() and "<img" not in app.window.meta.toHtml()

    # Captions: plain text.
    caption = app.window.area.policy.caption
    app.window.grab()
    assert caption.textFormat() == Qt.TextFormat.PlainText

    # The tree's tooltip for the document.
    index = app.tree_model.index_for_key(key)
    assert index.isValid()
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    _show_tooltips(qtbot, [tip])
    assert "<h1>" not in tip and not H.shows_markup(tip) and "&lt;h1&gt;加强" in tip

    # Bookmarks: one added in the window, one from a file, with markup in note, tags and title.
    made = bm.store.add(key, None, doc_title=H.TITLE, note=H.hostile_bookmark(key)["note"],
                        tags=H.hostile_bookmark(key)["tags"])
    f = tmp_path / "marks.json"
    f.write_text(H.bookmark_file([H.hostile_bookmark(key), H.hostile_bookmark("no/such/doc")]), encoding="utf-8")
    report = bm.import_from(str(f))
    assert report is not None and len(report.added) == 2
    bm.refresh()
    model = bm.panel.model
    tips = [ix.data(Qt.ItemDataRole.ToolTipRole) for ix in walk_rows(model)]
    _show_tooltips(qtbot, tips)
    assert len(tips) >= 4 and all(t for t in tips)
    assert not any(H.shows_markup(t) for t in tips), tips
    assert any("&lt;style&gt;body" in t for t in tips)     # the raw note, escaped

    # The note on hover in the text is the sanitised Markdown rendering: no live markup.
    hover = bm._tooltip(Location(key, 0, 0))
    seen_text, images = H.rendered(hover)
    assert images == 0 and "<h1>大标题</h1>" in seen_text and "<img src=" in seen_text

    # The bookmark editor's title, quote and times.
    seen = {}

    def hook(dlg):
        dlg.show()
        dlg.grab()                       # painted: a rich label would load its images here
        seen["labels"] = [lab for lab in dlg.findChildren(QLabel) if lab.text()]
        return False
    app.dialog_hook = hook
    bm.edit(bm.store.get(made.id))
    shown = [lab for lab in seen["labels"] if "<h1>" in lab.text()]
    assert shown and all(lab.textFormat() == Qt.TextFormat.PlainText for lab in shown)

    # A refused bookmark file: the message quotes the bad record as text.
    bad = tmp_path / "bad.json"
    bad.write_text(H.refused_bookmark_file(), encoding="utf-8")
    assert bm.import_from(str(bad)) is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "<h1>坏</h1>" in boxes[-1].text()
    boxes[-1].grab()
    assert boxes[-1].textFormat() == Qt.TextFormat.PlainText
    boxes[-1].close()

    # Search results: the hit's tooltip, and the delegate's HTML escapes the title.
    search = app.features["search"]
    search.panel.query.setText("总体要求")
    qtbot.waitUntil(lambda: search.task is None and search.panel.model.rowCount() > 0, timeout=15000)
    rows = [search.panel.model.index(r, 0) for r in range(search.panel.model.rowCount())]
    hostile = [ix for ix in rows if "<h1>加强" in ix.data(Qt.ItemDataRole.DisplayRole)]
    assert hostile
    from reader.gui.search.results_model import Roles
    _show_tooltips(qtbot, [ix.data(Qt.ItemDataRole.ToolTipRole) for ix in hostile])
    for ix in hostile:
        assert not H.shows_markup(ix.data(Qt.ItemDataRole.ToolTipRole))
        seen_text, images = H.rendered(ix.data(Roles.Html))
        assert images == 0 and "<h1>加强</h1><b>公报</b><img/src=" in seen_text

    # A link to the hostile document from another one: its tooltip (the cited title) is text.
    citing = parse_text(H.citing_document(), "citing.txt").document.key
    assert app.navigator.open(Location(citing))
    cview = app.window.area.view_showing(citing)
    tips = _link_tooltips(cview)
    assert any("加强" in t for t in tips), tips
    _show_tooltips(qtbot, tips)
    assert not any(H.shows_markup(t) for t in tips), tips

    # The print dialog, opened on the hostile document with its bookmarks.
    app.navigator.open(Location(key))
    app.window.actions.print_.trigger()
    dialog = app.features["print"].dialog
    assert dialog is not None and dialog.isVisible()
    dialog.grab()

    # Finally every label anywhere that shows such a string is plain text.
    for fragment in ("<h1>", "<img", "<style>", "<b>"):
        for lab in _labels_showing(fragment):
            assert lab.textFormat() == Qt.TextFormat.PlainText, (lab.objectName(), lab.text())


def test_title_clean_up_removes_every_unicode_space():
    spaces = "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000\u202f\u205f\u00a0\u200b"
    text = H.hostile_document().replace("关于", "关" + spaces + "于", 1)
    doc = parse_text(text, "spaces.txt").document
    assert "关于" in doc.title and not any(c in doc.title for c in spaces)
