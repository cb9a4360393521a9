"""One pane of text: rendered documents, links, highlights, and Location mapping.

The view never fetches anything: links are handled by the application (our
own ``gazette:`` addresses only) and every resource request answers empty.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip

from ..core.location import Location
from ..core.render import Rendered


def _is_history_key(event) -> bool:
    return (event.modifiers() & Qt.KeyboardModifier.AltModifier
            and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right))


class DocView(QTextBrowser):
    location_requested = Signal(object)   # a Location from a link
    first_paint = Signal()
    clicked = Signal()                    # the reader clicked into the text (not a program moving the cursor)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.rendered = Rendered("")
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._painted = False
        self.setObjectName("docView")
        # Always there: a bar that came and went with the text's length changed the width, and
        # the whole text was laid out a second time (at every document opened, ~0.5–1 ms).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().installEventFilter(self)
        # Features add to these: a tooltip for a place in the text, entries in the context menu.
        self.tooltip_providers: list = []     # callable(Location) -> str | None (HTML)
        self.menu_hooks: list = []            # callable(QMenu, DocView) -> None

    # -- content ---------------------------------------------------------------
    def show_rendered(self, rendered: Rendered) -> None:
        self.rendered = rendered
        self._layers.clear()
        self.setExtraSelections([])
        self.setHtml(rendered.html)

    def doc_keys(self) -> list[str]:
        seen = []
        for b in self.rendered.blocks:
            if b and b[0] not in seen:
                seen.append(b[0])
        return seen

    def shows(self, doc_key: str) -> bool:
        return any(b and b[0] == doc_key for b in self.rendered.blocks)

    def loadResource(self, type_, name: QUrl):  # noqa: N802 (Qt name)
        return None   # offline: no image, stylesheet or anything else is ever loaded

    def _on_anchor(self, url: QUrl) -> None:
        loc = Location.from_url(url.toString())
        if loc is not None:
            self.location_requested.emit(loc)

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.viewport():
            if not self._painted and event.type() == QEvent.Type.Paint and self.rendered.blocks:
                self._painted = True
                self.first_paint.emit()
            elif event.type() == QEvent.Type.ToolTip and self.tooltip_providers:
                loc = self.location_at(event.pos())
                tips = [t for t in (p(loc) for p in self.tooltip_providers) if t] if loc else []
                if tips:
                    QToolTip.showText(event.globalPos(), "<hr>".join(tips), self.viewport())
                else:
                    QToolTip.hideText()
                return True
        return super().eventFilter(obj, event)

    def event(self, event):  # noqa: A003
        # QTextBrowser claims Alt+Left/Right for a history of its own (unused here): leave them
        # to the window's Back and Forward.
        if event.type() == QEvent.Type.ShortcutOverride and _is_history_key(event):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802
        if _is_history_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        super().mousePressEvent(event)
        self.clicked.emit()

    def contextMenuEvent(self, event):  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        for hook in self.menu_hooks:
            hook(menu, self)
        menu.exec(event.globalPos())

    def location_at(self, pos: QPoint) -> Location | None:
        """The character under a viewport position."""
        c = self.cursorForPosition(pos)
        loc = self.location_of_block(c.block().blockNumber())
        return Location(loc.doc_key, loc.block, loc.offset + c.positionInBlock()) if loc else None

    # -- locations -------------------------------------------------------------
    def cursor_at(self, loc: Location) -> QTextCursor | None:
        placed = self.rendered.place(loc.doc_key, loc.block, loc.offset)
        if placed is None:
            return None
        para, offset = placed     # in a table: the cell's paragraph and the offset inside the cell
        block = self.document().findBlockByNumber(para)
        if not block.isValid():
            return None
        c = QTextCursor(block)
        length = max(0, block.length() - 1)
        start = min(offset, length)
        c.setPosition(block.position() + start)
        if loc.length:
            c.setPosition(block.position() + min(start + loc.length, length), QTextCursor.MoveMode.KeepAnchor)
        return c

    def scroll_to(self, loc: Location, flash: bool = False) -> bool:
        c = self.cursor_at(loc)
        if c is None:
            return False
        if not self.isVisible():
            self._pending = loc    # not laid out yet: scroll once shown
        else:
            self._scroll_now(c)
        if flash:
            self.set_layer("target", [loc], QColor(self.palette().highlight().color()))
        return True

    def resizeEvent(self, event):  # noqa: N802
        # Text reflows when the width changes: keep the same passage at the top.
        keep = self.current_location() if self.isVisible() and self.verticalScrollBar().value() else None
        super().resizeEvent(event)
        if keep is not None:
            self._scroll_now(self.cursor_at(keep))

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        loc, self._pending = getattr(self, "_pending", None), None
        if loc is not None:
            QTimer.singleShot(0, lambda: self._scroll_now(self.cursor_at(loc)))

    def _scroll_now(self, c: QTextCursor | None) -> None:
        if c is None:
            return
        top = self.document().documentLayout().blockBoundingRect(c.block()).top()
        line = c.block().layout().lineForTextPosition(c.positionInBlock())
        if line.isValid():
            top += line.y()
        self.verticalScrollBar().setValue(int(top) - 12)

    def location_of_block(self, number: int) -> Location | None:
        """The block a paragraph shows; in a table, offset is where the cell starts in the block's text."""
        if 0 <= number < len(self.rendered.blocks) and self.rendered.blocks[number]:
            doc_key, block = self.rendered.blocks[number]
            return Location(doc_key, block, self.rendered.base(number))
        return None

    def current_location(self) -> Location | None:
        """Where the reader is: the first visible paragraph."""
        c = self.cursorForPosition(QPoint(4, 4))
        number = c.block().blockNumber()
        for n in list(range(number, len(self.rendered.blocks))) + list(range(number - 1, -1, -1)):
            loc = self.location_of_block(n)
            if loc:
                return Location(loc.doc_key, loc.block, loc.offset + (c.positionInBlock() if n == number else 0))
        return None

    def selected_location(self) -> Location | None:
        """The selection as a Location, when it lies inside one block."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        doc = self.document()
        start, end = c.selectionStart(), c.selectionEnd()
        b1, b2 = doc.findBlock(start), doc.findBlock(end)
        if b1.blockNumber() != b2.blockNumber() and end != b2.position():
            return None
        loc = self.location_of_block(b1.blockNumber())
        if loc is None:
            return None
        offset = loc.offset + start - b1.position()
        length = min(end, b1.position() + b1.length() - 1) - start
        return Location(loc.doc_key, loc.block, offset, length) if length > 0 else None

    # -- highlights ------------------------------------------------------------
    def set_layer(self, name: str, locations, color: QColor) -> None:
        self.set_colored_layer(name, [(loc, color) for loc in locations])

    def set_colored_layer(self, name: str, items) -> None:
        """Highlight each (Location, QColor); a Location of length 0 marks its whole block."""
        sels = []
        for loc, color in items:
            c = self.cursor_at(loc)
            if c is None:
                continue
            if not loc.length and c.currentTable() is not None:
                # In a table: the cell's text (a whole-block selection would run over the table).
                c.movePosition(QTextCursor.MoveOperation.StartOfBlock)
                c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            elif not loc.length:
                c.select(QTextCursor.SelectionType.BlockUnderCursor)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = c
            sel.format = fmt
            sels.append(sel)
        self._layers[name] = sels
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def layer_count(self, name: str) -> int:
        return len(self._layers.get(name, ()))

    def _apply_layers(self) -> None:
        order = ["bookmarks", "search", "find", "target"]   # later ones paint over earlier ones
        sels = []
        for name in sorted(self._layers, key=lambda n: order.index(n) if n in order else 0):
            sels += self._layers[name]
        self.setExtraSelections(sels)
