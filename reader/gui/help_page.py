"""The help page (F1): shortcuts, the split view, bookmarks. Offline: built from the window's
own actions and translated strings, nothing fetched."""
from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


def _shortcut_rows(window) -> list[tuple[str, str]]:
    a = window.actions
    rows = []
    for act in (a.import_, a.print_, a.find, a.find_next, a.search, a.bookmark, a.mark_read, a.split, a.swap,
                a.zoom_in, a.zoom_out, a.zoom_reset, a.fullscreen, a.show_tree, a.show_meta, a.show_bookmarks,
                a.back, a.forward, a.help):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts()]
        if keys:
            rows.append((act.text().replace("&", "").rstrip("…"), " / ".join(keys)))
    return rows


class HelpPage(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("helpPage")
        self.setWindowTitle(self.tr("Help"))
        self.resize(640, 620)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)        # nothing is fetched or followed
        self.browser.setHtml(self.page_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)

    def page_html(self, window) -> str:
        esc = html.escape
        sections = [
            (self.tr("Reading"), self.tr(
                "Choose an issue and a document in the library tree on the left. Bold documents are unread; "
                "mark one as read with Ctrl+Shift+R. The Unread button shows only unread documents.")),
            (self.tr("Side by side"), self.tr(
                "A policy with an official interpretation opens with the interpretation beside it. "
                "Clicking a heading in the interpretation brings the part of the policy it explains into view. "
                "Swap the sides or turn the split off in the View menu. In a narrow window the reader shows one "
                "pane and a button that switches to the interpretation and back.")),
            (self.tr("Bookmarks and notes"), self.tr(
                "Select a passage and press Ctrl+D to bookmark it with a note, a type (note, instruction, "
                "follow-up) and tags; without a selection the whole document is bookmarked. Ctrl+Enter saves "
                "the note. A follow-up is ticked done in the bookmarks list, which records the time. The "
                "list filters by type and by open or done, and groups by document or by tag.")),
        ]
        parts = [f"<h2>{esc(h)}</h2><p>{esc(t)}</p>" for h, t in sections]
        keys_title = self.tr("Keyboard shortcuts")
        parts.append(f"<h2>{esc(keys_title)}</h2><table cellpadding='3'>")
        parts += [f"<tr><td>{esc(name)}</td><td><b>{esc(keys)}</b></td></tr>" for name, keys in _shortcut_rows(window)]
        parts.append("</table>")
        return "".join(parts)
