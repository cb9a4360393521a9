"""The centre of the window: a policy beside its interpretation.

The left pane shows the policy as printed (the notice, then its attached plan);
the right pane its 解读. The splitter is movable, the pair can be swapped, and
the right pane can be hidden for a single view. When the window is too narrow for
two readable columns (fewer than MIN_CHARS_PER_SIDE characters a line each, e.g. at
1366×768 with the docks open), one pane is shown with a one-click switch to the other.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter,
                               QVBoxLayout, QWidget)

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


MIN_CHARS_PER_SIDE = 18     # "about 20": below it two columns are harder to read than one


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
        # Shown only when the pair does not fit side by side: one click to the other pane.
        self.narrow_bar = QWidget(self)
        self.narrow_bar.setObjectName("narrowBar")
        self.switch_button = QPushButton(self.narrow_bar)
        self.switch_button.setObjectName("switchPane")
        self.switch_button.clicked.connect(self.switch_pane)
        bar = QHBoxLayout(self.narrow_bar)
        bar.setContentsMargins(6, 2, 6, 2)
        self.narrow_note = QLabel(self.tr("The window is too narrow for side by side."), self.narrow_bar)
        self.narrow_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.switch_button)
        bar.addWidget(self.narrow_note, 1)
        self.narrow_bar.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.narrow_bar)
        lay.addWidget(self.splitter, 1)
        self.narrow = False
        self.body_pt = 16.0
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

    def settle(self) -> None:
        """Apply the pending geometry (panes shown or hidden) now rather than on the next turn."""
        from PySide6.QtWidgets import QApplication
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def set_body_size(self, pt: float) -> None:
        """The text size (zoom): it decides how many characters a side would hold."""
        self.body_pt = pt
        self._check_narrow()

    def chars_per_side(self) -> float:
        """Characters a line each pane would hold if the pair were side by side in equal halves
        (a splitter the reader dragged to one side is their choice, not a reason to unsplit)."""
        f = QFont(self.policy.view.font())
        f.setPointSizeF(self.body_pt)
        em = QFontMetricsF(f, self.policy.view).horizontalAdvance("国") or 1.0
        total = self.width() - self.splitter.handleWidth()
        side = total / 2
        # The scroll bar's width from the bar itself: Python's QStyle type (hundreds of enum
        # members) costs ~4 ms to create, before the first paint.
        chrome = self.policy.view.verticalScrollBar().sizeHint().width() \
            + 2 * self.policy.view.document().documentMargin() + 4
        return max(0.0, side - chrome) / em

    def single_view(self) -> bool:
        """Whether one pane is shown at a time (by choice or because the window is narrow)."""
        return not self.split_enabled or self.narrow

    def switch_pane(self) -> None:
        self.show_single(self.interpretation if self._single is self.policy else self.policy)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._check_narrow()

    def _check_narrow(self) -> None:
        narrow = self.width() > 0 and self.chars_per_side() < MIN_CHARS_PER_SIDE
        if narrow != self.narrow:
            self.narrow = narrow
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
        self.narrow_bar.setVisible(self._has_pair and self.split_enabled and self.narrow)
        if self.narrow_bar.isVisibleTo(self):
            self.switch_button.setText(self.tr("Show the interpretation ▸") if self._single is self.policy
                                       else self.tr("◂ Show the policy"))
        if self._has_pair and self.split_enabled and not self.narrow:
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
