"""Paint a result row as rich text (title, facts, snippets with their hits marked)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .results_model import Roles


def facts_style(option) -> str:
    """The facts line: muted on the list, the selection's own text colour on a selected row
    (grey on the selection colour is unreadable)."""
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    pal = option.palette
    color = pal.highlightedText().color() if selected else pal.placeholderText().color()
    return f".facts {{ color: {color.name()}; }}"


class RichTextDelegate(QStyledItemDelegate):
    def _document(self, option, index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(facts_style(option))
        doc.setHtml(index.data(Roles.Html) or "")
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.highlightedText().color())
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 4, option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 8)
