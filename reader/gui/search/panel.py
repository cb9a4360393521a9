"""The library search dock: a query box, facets to narrow by, ranked results."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QListView, QVBoxLayout,
                               QWidget)

from ...core.search.results import Filters
from ..plain import plain_label
from ..core_text import say
from .delegate import RichTextDelegate
from .results_model import ResultsModel

FACETS = (  # facet name, Filters field, label
    ("year", "years", QT_TRANSLATE_NOOP("SearchPanel", "Year")),
    ("issue", "issue_keys", QT_TRANSLATE_NOOP("SearchPanel", "Issue")),
    ("section", "sections", QT_TRANSLATE_NOOP("SearchPanel", "Section")),
    ("issuer", "issuers", QT_TRANSLATE_NOOP("SearchPanel", "Issuer")),
    ("kind", "kinds", QT_TRANSLATE_NOOP("SearchPanel", "Kind")),
    ("status", "states", QT_TRANSLATE_NOOP("SearchPanel", "Validity")),
)
IN_FORCE = ("现行有效", "已被修改")     # the switch: texts in force (as amended or not)
KIND_LABELS = {"policy": QT_TRANSLATE_NOOP("SearchPanel", "Policy"),
               "interpretation": QT_TRANSLATE_NOOP("SearchPanel", "Interpretation"),
               "appointment": QT_TRANSLATE_NOOP("SearchPanel", "Personnel")}


LISTED_AT_ONCE = 50     # a facet with more values lists them when the user comes to its box


class FacetBox(QComboBox):
    """A facet's values to narrow by. A long list (LISTED_AT_ONCE values or more: a search over
    60,000 documents finds thousands of issues, ~5 ms of items each search) is made when the
    user comes to the box (its popup, a key, the wheel); until then the box holds "Any" and the
    value chosen, with its count."""

    def __init__(self, label, parent=None):
        super().__init__(parent)
        self._label = label             # facet -> the item's text
        self._pending = None

    def set_facets(self, facets) -> None:
        current = self.currentData()
        if len(facets) < LISTED_AT_ONCE:
            self._pending = None
            self._list(facets, current)
        else:
            self._pending = facets
            self._list([f for f in facets if f.value == current] if current is not None else [], current)

    def ensure_listed(self) -> None:
        if self._pending is not None:
            facets, self._pending = self._pending, None
            self._list(facets, self.currentData())

    def _list(self, facets, current) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("SearchPanel", "Any"), None)
        for f in facets:
            self.addItem(self._label(f), f.value)
        i = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(0, i))
        self.blockSignals(False)

    def showPopup(self) -> None:  # noqa: N802
        self.ensure_listed()
        super().showPopup()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.ensure_listed()
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        self.ensure_listed()
        super().wheelEvent(event)


class SearchPanel(QWidget):
    search_requested = Signal(str, object)     # query, Filters (debounced: as the user types)
    hit_chosen = Signal(object)                # DocHit

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr('Words (AND), "phrase", -exclude, document number or code'))
        self.query.setClearButtonEnabled(True)
        self.status = plain_label(QLabel(self))
        self.status.setObjectName("searchStatus")
        self.facet_boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        for name, _field, label in FACETS:
            box = FacetBox(lambda f, name=name: self._facet_label(f, name), self)
            box.setObjectName(f"facet_{name}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
            box.addItem(self.tr("Any"), None)
            box.activated.connect(self._changed)
            self.facet_boxes[name] = box
            form.addRow(QCoreApplication.translate("SearchPanel", label), box)
        self.bookmarked = QCheckBox(self.tr("Only documents I bookmarked"), self)
        self.bookmarked.toggled.connect(self._changed)
        form.addRow(self.bookmarked)
        self.in_force = QCheckBox(self.tr("Only texts in force"), self)
        self.in_force.setObjectName("searchInForce")
        self.in_force.toggled.connect(self._changed)
        form.addRow(self.in_force)
        self.model = ResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addLayout(form)
        lay.addWidget(self.status)
        lay.addWidget(self.results, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self._emit)
        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self._emit)
        self.results.clicked.connect(lambda ix: self.hit_chosen.emit(self.model.hits[ix.row()]))
        self.results.activated.connect(lambda ix: self.hit_chosen.emit(self.model.hits[ix.row()]))

    def filters(self) -> Filters:
        values = {}
        for name, field, _label in FACETS:
            v = self.facet_boxes[name].currentData()
            values[field] = (v,) if v is not None else ()
        if self.in_force.isChecked():
            values["states"] = IN_FORCE
        return Filters(**values, bookmarked_only=self.bookmarked.isChecked())

    def _changed(self, *_):
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.search_requested.emit(self.query.text(), self.filters())

    def show_count(self, results, labels: dict) -> None:
        """The page and the total (the facets follow: ``show_results``)."""
        if not self.model.holds(results.hits):    # the page came first: its rows stay as they are
            self.model.set_hits(results.hits, labels)
        self.status.setText(self.tr("%n document(s)", "", results.total)
                            + self.tr(" · {0:.0f} ms").format(results.elapsed_ms))

    def show_results(self, results, labels: dict) -> None:
        self.show_count(results, labels)
        for name, _field, _label in FACETS:
            self._fill(self.facet_boxes[name], results.facets.get(name, ()), name)

    def show_page(self, hits, labels: dict) -> None:
        """The first hits while the rest is counted."""
        self.model.set_hits(hits, labels)
        self.status.setText(self.tr("Counting…"))

    def _fill(self, box: FacetBox, facets, name: str) -> None:
        box.set_facets(facets)

    def _facet_label(self, f, name: str) -> str:
        if name == "kind":
            label = QCoreApplication.translate("SearchPanel", KIND_LABELS[f.value])
        elif name == "year":
            label = self.tr("{year}", "a year in the Year facet").format(year=f.value)
        else:       # a 时效 state is a core word; issues, sections and issuers are document text
            label = say(f.label) if name == "status" else str(f.label)
        return self.tr("{0} ({1})").format(label, f.count)

    def show_message(self, text: str) -> None:
        self.model.set_hits(())
        self.status.setText(text)
