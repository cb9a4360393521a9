"""The centre of the window: a policy beside its interpretation.

The left pane shows the policy as printed (the notice, then its attached plan);
the right pane its 解读. The splitter is movable, the pair can be swapped, and
the right pane can be hidden for a single view.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from .doc_view import DocView
from .plain import plain_label


class Pane(QWidget):
    """A DocView with a small caption above it (政策原文 / 政策解读)."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.caption = plain_label(QLabel(caption))   # titles and 文号 come from files
        self.caption.setObjectName("paneCaption")
        self.caption.setContentsMargins(10, 4, 10, 4)
        # A long caption must not stop the splitter from narrowing the pane.
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.view = DocView(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.caption)
        lay.addWidget(self.view)


class ReadingArea(QWidget):
    location_requested = Signal(object)
    focus_changed = Signal(object)   # the DocView that was clicked into

    def __init__(self, parent=None):
        super().__init__(parent)
        self.policy = Pane(self.tr("Policy"), self)
        self.interpretation = Pane(self.tr("Interpretation"), self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readingSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.policy)
        self.splitter.addWidget(self.interpretation)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter, 1)
        self.split_enabled = True
        self._has_pair = False
        self._single: Pane = self.policy
        self.ratio = 0.5            # share of the first pane, kept while the pair is hidden
        self.splitter.splitterMoved.connect(self._remember_ratio)
        self.splitter.installEventFilter(self)
        for pane in (self.policy, self.interpretation):
            pane.view.location_requested.connect(self.location_requested)
            # A click, not cursorPositionChanged: re-rendering moves the cursor too.
            pane.view.clicked.connect(lambda v=pane.view: self.focus_changed.emit(v))
        self.interpretation.hide()

    def views(self) -> list[DocView]:
        return [self.policy.view, self.interpretation.view]

    def view_showing(self, doc_key: str) -> DocView | None:
        for v in self.views():
            if v.isVisible() and v.shows(doc_key):
                return v
        for v in self.views():
            if v.shows(doc_key):
                return v
        return None

    def set_pair(self, has_pair: bool) -> None:
        self._has_pair = has_pair
        if not has_pair:
            self._single = self.policy
        self._update_visibility()

    def set_split(self, enabled: bool) -> None:
        self.split_enabled = enabled
        self._update_visibility()

    def show_single(self, pane: Pane) -> None:
        """In single view, which of the pair is shown."""
        self._single = pane
        self._update_visibility()

    def _remember_ratio(self, *_):
        sizes = self.splitter.sizes()
        if all(sizes) and sum(sizes):
            self.ratio = sizes[0] / sum(sizes)

    def set_ratio(self, ratio: float) -> None:
        self.ratio = min(max(ratio, 0.1), 0.9)
        self._apply_ratio()

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.splitter and event.type() == QEvent.Type.Resize and self.pair_shown():
            self._apply_ratio()    # the pair keeps its proportion as the window changes
        return False

    def pair_shown(self) -> bool:
        # isHidden, not isVisible: before the window is first shown nothing is "visible".
        return not self.policy.isHidden() and not self.interpretation.isHidden()

    def _apply_ratio(self) -> None:
        total = (self.splitter.width() - self.splitter.handleWidth()) or sum(self.splitter.sizes()) or 1000
        first = int(total * self.ratio)
        self.splitter.setSizes([first, total - first])

    def _update_visibility(self) -> None:
        if self._has_pair and self.split_enabled:
            was_hidden = self.interpretation.isHidden() or self.policy.isHidden()
            self.policy.show()
            self.interpretation.show()
            if was_hidden:
                self._apply_ratio()
        else:
            shown = self._single if self._has_pair else self.policy
            self.policy.setVisible(shown is self.policy)
            self.interpretation.setVisible(shown is self.interpretation)

    def set_caption_color(self, color: str) -> None:
        for pane in (self.policy, self.interpretation):
            pal = pane.caption.palette()
            pal.setColor(QPalette.ColorRole.WindowText, QColor(color))
            pane.caption.setPalette(pal)
            pane.view.setFrameShape(QFrame.Shape.NoFrame)

    def set_captions(self, root, interpretations) -> None:
        self.policy.caption.setText(self.tr("Policy · {0}").format(root.info.doc_number or root.title))
        authors = "、".join(d.author or "" for d in interpretations if d.author)
        self.interpretation.caption.setText(self.tr("Interpretation · {0}").format(authors) if authors
                                            else self.tr("Interpretation"))

    def swap(self) -> None:
        """Put the interpretation on the other side."""
        first = self.splitter.widget(0)
        sizes = self.splitter.sizes()
        self.splitter.insertWidget(1, first)
        self.splitter.setSizes(list(reversed(sizes)))
        self._remember_ratio()

    def swapped(self) -> bool:
        return self.splitter.widget(0) is self.interpretation
