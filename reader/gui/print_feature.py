"""Printing in the window: 打印… (Ctrl+P) and 导出 PDF open the print dialog with the
current document, the documents picked in the tree, and the user's notes. Nothing of
printing is imported until it is asked for."""
from __future__ import annotations

from PySide6.QtCore import QObject


class PrintFeature(QObject):
    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.dialog = None
        a = app.window.actions
        a.print_.triggered.connect(self.open)
        a.export_pdf.triggered.connect(self.open)
        app.window.meta.row_providers.append(self.glyph_facts)

    def glyph_facts(self, view):
        """Facts panel row: characters of the document that no shipped or installed face shows."""
        from html import escape
        from ..core.glyphs import describe, document_missing
        from .core_text import say
        missing = document_missing(view)
        return [(self.tr("Missing characters"), escape(say(describe(missing))))] if missing else []

    def open(self):
        from .printing import open_print_dialog
        current = self.app.navigator.current
        picked = self.app.window.tree.selected_doc_keys()
        self.dialog = open_print_dialog(self.app.window, self.app.library, current.key if current else None,
                                        picked, self.notes)
        return self.dialog

    def notes(self, keys):
        """The bookmarked passages (keys None: all of them; else those on these documents)."""
        bookmarks = self.app.features.get("bookmarks")
        store = getattr(bookmarks, "store", None)
        if store is None:
            return []
        from ..core.printjob import PrintNote
        from ..core.userdata.exchange import References
        refs = References(self.app.library)
        wanted = None if keys is None else set(keys)
        places: dict[str, tuple] = {}
        out = []
        for b in store.bookmarks():
            if wanted is not None and b.doc_key not in wanted:
                continue
            ref = refs.of(b)
            if b.doc_key not in places:
                info = self.app.library.info(b.doc_key)
                places[b.doc_key] = (info.issue_key or "", info.page or 0) if info else ("", 0)
            anchor = (b.anchor.block, b.anchor.start) if b.anchor is not None else (-1, -1)
            out.append(PrintNote(doc_title=ref.title, quote=b.quote, note=b.note, citation=ref.text,
                                 note_type=b.note_type_label, date=b.updated[:10], doc_key=b.doc_key,
                                 order=(places[b.doc_key],) + anchor))
        return out


def install(app) -> PrintFeature:
    feature = PrintFeature(app)
    app.features["print"] = feature
    return feature
