"""The window: menus, the tree on the left, the reading area, the facts on the right.

It only lays things out; what the commands do lives in the app object and in
the feature modules that attach themselves (search, bookmarks, print, import).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from . import DEFAULT_WINDOW_SIZE
from .actions import Actions
from .metadata_panel import MetadataPanel
from .reading_area import ReadingArea
from .tree_model import LibraryTreeModel
from .tree_panel import TreePanel


class MainWindow(QMainWindow):
    def __init__(self, tree_model: LibraryTreeModel):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Gazette Reader"))
        self.actions = Actions(self)
        self.area = ReadingArea(self)
        self.setCentralWidget(self.area)
        self.tree = TreePanel(tree_model, self)
        self.meta = MetadataPanel(self)
        self.tree_dock = self._dock("treeDock", self.tr("Library"), self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.meta_dock = self._dock("metaDock", self.tr("Document facts"), self.meta,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self._menus()
        self.statusBar().setObjectName("statusBar")
        self.resize(*DEFAULT_WINDOW_SIZE)
        self.resizeDocks([self.tree_dock, self.meta_dock], [330, 270], Qt.Orientation.Horizontal)

    def _dock(self, name: str, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def add_dock(self, name: str, title: str, widget, area=Qt.DockWidgetArea.LeftDockWidgetArea) -> QDockWidget:
        """For features: a dock tabbed with the others on that side."""
        dock = self._dock(name, title, widget, area)
        buddy = self.tree_dock if area == Qt.DockWidgetArea.LeftDockWidgetArea else self.meta_dock
        self.tabifyDockWidget(buddy, dock)
        buddy.raise_()
        return dock

    def _menus(self) -> None:
        a = self.actions
        mb = self.menuBar()
        self.file_menu = m = mb.addMenu(self.tr("&File"))
        m.addActions([a.import_, a.print_, a.export_pdf])
        m.addSeparator()
        m.addActions([a.completeness, a.remove_issue])
        m.addSeparator()
        m.addAction(a.quit)
        self.edit_menu = m = mb.addMenu(self.tr("&Edit"))
        m.addActions([a.copy, a.find, a.find_next, a.find_prev, a.search])
        m.addSeparator()
        m.addActions([a.bookmark, a.mark_read])
        self.view_menu = m = mb.addMenu(self.tr("&View"))
        m.addActions([a.split, a.swap])
        m.addSeparator()
        m.addActions([a.zoom_in, a.zoom_out, a.zoom_reset])
        themes = m.addMenu(self.tr("&Theme"))
        themes.addActions([a.theme_light, a.theme_sepia, a.theme_dark])
        m.addAction(a.fullscreen)
        m.addSeparator()
        m.addActions([a.show_tree, a.show_meta, a.show_bookmarks])
        lang = m.addMenu(self.tr("&Language"))
        lang.addActions([a.lang_zh, a.lang_en])
        self.go_menu = m = mb.addMenu(self.tr("&Go"))
        m.addActions([a.back, a.forward])
        self.help_menu = m = mb.addMenu(self.tr("&Help"))
        m.addActions([a.help, a.about])
        # Text-only buttons: QStyle's standard icons cost ~20 ms of start-up for two arrows.
        tb = self.addToolBar(self.tr("Navigation"))
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.addActions([a.back, a.forward])
        tb.addSeparator()
        tb.addActions([a.split, a.swap, a.zoom_out, a.zoom_in])
        tb.addSeparator()
        tb.addActions([a.search, a.bookmark, a.print_])
        self.toolbar = tb
        self.bind_dock(a.show_tree, self.tree_dock)
        self.bind_dock(a.show_meta, self.meta_dock)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self._copy)

    def bind_dock(self, action, dock) -> None:
        """A checkable action that shows (and brings forward) or closes a dock.

        Its check follows isHidden(), not visibility: a dock behind another tab is not
        "visible", but it is open, and unchecking it then would close the tab."""
        front = {"yes": False}   # visibilityChanged says whether it is the tab in front

        def trigger(_checked):
            if dock.isHidden() or not front["yes"]:   # closed, or open behind another tab
                dock.show()
                dock.raise_()
            else:
                dock.hide()
            action.setChecked(not dock.isHidden())

        def seen(visible):
            front["yes"] = visible
            action.setChecked(not dock.isHidden())

        action.setChecked(not dock.isHidden())
        action.triggered.connect(trigger)
        dock.visibilityChanged.connect(seen)

    def _copy(self) -> None:
        w = self.focusWidget()
        if hasattr(w, "copy"):
            w.copy()

    def closeEvent(self, event):  # noqa: N802
        if getattr(self, "on_close", None):
            self.on_close()
        super().closeEvent(event)
