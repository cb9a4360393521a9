"""The application object: one place that owns the library, the preferences, the
window and the navigator, and wires the window's commands to them."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.library import Library
from ..core.location import Location
from ..core.render import RenderStyle
from .core_text import ui_language
from . import fonts
from .main_window import MainWindow
from .navigator import Navigator
from .reading_mode import ReadingMode
from .settings import Preferences, WindowState, load_preferences, open_settings, save_preferences
from .themes import THEMES, palette_for
from .tree_model import LibraryTreeModel


POSITION_SAVE_DELAY_MS = 1200


class GazetteApp(QObject):
    preferences_changed = Signal(object)
    library_changed = Signal()

    def __init__(self, library: Library, settings=None):
        super().__init__()
        self.library = library
        self.settings = settings or open_settings()
        self.prefs, self.settings_problems = load_preferences(self.settings)
        self.state = WindowState(self.settings)
        self.roles = fonts.register_fonts()
        # The interface keeps the platform's font, with the shipped CJK face behind it: found
        # once here rather than by a fallback search in every widget.
        ui = QApplication.instance().font()
        ui.setFamilies([ui.family(), *fonts.css_families("ui")])
        QApplication.instance().setFont(ui)
        self.tree_model = LibraryTreeModel(library)
        self.window = MainWindow(self.tree_model)
        w = self.window
        self.navigator = Navigator(library, w.area, w.meta, self.render_style, self)
        self.features: dict[str, object] = {}
        from .status_bar import StatusIndicators
        self.status = StatusIndicators(w, self.navigator)
        self._base_palette = QApplication.instance().palette()
        self._wire()
        self.apply_preferences(self.prefs, rerender=False)
        w.on_close = self.save_state

    # -- preferences -------------------------------------------------------------
    def render_style(self) -> RenderStyle:
        t = THEMES[self.prefs.theme]
        scale = self.prefs.zoom / 100
        return RenderStyle(
            body_font=fonts.css_font_stack("body"), title_font=fonts.css_font_stack("title"),
            heading1_font=fonts.css_font_stack("heading1"), heading2_font=fonts.css_font_stack("heading2"),
            body_pt=16 * scale, title_pt=22 * scale, text_color=t.text, muted_color=t.muted,
            link_color=t.link, rule_color=t.rule, title_weight=fonts.role_weight("title").value,
            language=ui_language(),
        )

    def apply_preferences(self, p: Preferences, rerender: bool = True) -> None:
        self.prefs = p.valid()
        a = self.window.actions
        theme = THEMES[self.prefs.theme]
        # Every theme sets its palette, light too: the platform's selection (white on mid blue)
        # and its grey placeholder text fall short of WCAG AA.
        QApplication.instance().setPalette(palette_for(theme, self._base_palette))
        self.window.meta.set_colors(theme.muted, theme.link)
        {"light": a.theme_light, "sepia": a.theme_sepia, "dark": a.theme_dark}[self.prefs.theme].setChecked(True)
        (a.lang_zh if self.prefs.language == "zh_CN" else a.lang_en).setChecked(True)
        a.split.setChecked(self.prefs.split)
        self.window.area.set_split(self.prefs.split)
        self.window.area.set_caption_color(theme.muted)   # a palette, not a style sheet: cheaper at start-up
        self.status.set_zoom(self.prefs.zoom)
        self.window.area.set_body_size(self.render_style().body_pt)
        if rerender:   # a change by the user: keep it (at start-up nothing changed)
            save_preferences(self.settings, self.prefs)
            self.navigator.refresh()
        self.preferences_changed.emit(self.prefs)

    def _set(self, **changes) -> None:
        self.apply_preferences(self.prefs._replace(**changes))

    # -- commands ----------------------------------------------------------------
    def _wire(self) -> None:
        w, a, nav = self.window, self.window.actions, self.navigator
        w.tree.document_chosen.connect(lambda key: nav.open(Location(key)))
        w.tree.issue_chosen.connect(self.show_issue)
        nav.opened.connect(lambda loc: w.tree.select_key(loc.doc_key))
        nav.history_changed.connect(self._update_history_actions)
        nav.missing.connect(lambda key: w.statusBar().showMessage(self.tr("Not in this library: {0}").format(key), 8000))
        a.back.triggered.connect(nav.back)
        a.forward.triggered.connect(nav.forward)
        a.split.toggled.connect(lambda on: self._set(split=on) if on != self.prefs.split else None)
        a.swap.triggered.connect(w.area.swap)
        a.zoom_in.triggered.connect(lambda: self._set(zoom=self.prefs.zoom + 10))
        a.zoom_out.triggered.connect(lambda: self._set(zoom=self.prefs.zoom - 10))
        a.zoom_reset.triggered.connect(lambda: self._set(zoom=100))
        a.theme_light.triggered.connect(lambda: self._set(theme="light"))
        a.theme_sepia.triggered.connect(lambda: self._set(theme="sepia"))
        a.theme_dark.triggered.connect(lambda: self._set(theme="dark"))
        a.lang_zh.triggered.connect(lambda: self._language("zh_CN"))
        a.lang_en.triggered.connect(lambda: self._language("en"))
        self.reading_mode = ReadingMode(w, a.fullscreen)
        a.about.triggered.connect(self._about)
        a.help.triggered.connect(self.show_help)
        self._update_history_actions()
        # Where the reader is goes to disk as reading moves, a moment after it settles:
        # a crash or kill -9 then loses at most that moment, not the whole session.
        self._position_timer = QTimer(w, singleShot=True, interval=POSITION_SAVE_DELAY_MS)   # dies with the window
        self._position_timer.timeout.connect(self._save_position)
        nav.opened.connect(lambda _loc: self._position_timer.start())
        for view in w.area.views():
            view.verticalScrollBar().valueChanged.connect(lambda _v: self._position_timer.start())

    def _save_position(self) -> None:
        loc = self.navigator.current_location()
        if loc is not None:
            self.state.save_location(loc)

    def _update_history_actions(self) -> None:
        a = self.window.actions
        a.back.setEnabled(self.navigator.history.can_go_back())
        a.forward.setEnabled(self.navigator.history.can_go_forward())

    def show_issue(self, issue_key: str) -> None:
        detail = self.library.issue(issue_key)
        if detail:
            self.window.meta.show_issue(detail)

    def _language(self, lang: str) -> None:
        if lang == self.prefs.language:
            return
        self._set(language=lang)
        QMessageBox.information(self.window, self.tr("Language"),
                                self.tr("The interface language changes the next time the reader starts."))

    def show_help(self):
        from .help_page import HelpPage
        page = HelpPage(self.window)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.show()     # not modal: the reader can try what it says
        return page

    def _about(self) -> None:
        from .. import __version__
        counts = self.library.counts()
        QMessageBox.about(self.window, self.tr("About Gazette Reader"), self.tr(
            "<b>Gazette Reader {0}</b><p>Reads government gazettes offline.</p>"
            "<p>Library: {1}<br>{2} issues, {3} documents.</p>"
            "<p>Fonts: Noto CJK and LXGW WenKai (SIL Open Font License).</p>").format(
            __version__, self.library.path, counts["issues"], counts["documents"]))

    # -- state ---------------------------------------------------------------------
    def restore_state(self) -> None:
        w = self.window
        geo = self.state.bytes("geometry")
        if geo:
            w.restoreGeometry(geo)
        layout = self.state.bytes("layout")
        if layout:
            w.restoreState(layout)
        ratio = self.state.number("split_ratio")
        if ratio:
            w.area.set_ratio(ratio)
        if self.state.number("swapped"):
            w.area.swap()
        w.actions.show_tree.setChecked(not w.tree_dock.isHidden())
        loc = self.state.location()
        w.tree.expand_newest()
        if not (loc and self.navigator.open(loc)):
            first = self.library.first_policy_with_interpretation()
            if first:
                self.navigator.open(Location(first.key))
        elif loc:
            view = w.area.view_showing(loc.doc_key)
            if view:
                view.clear_layer("target")

    def restore_dock_layout(self) -> None:
        layout = self.state.bytes("layout")
        if layout:
            self.window.restoreState(layout)

    def save_state(self) -> None:
        w = self.window
        self._position_timer.stop()
        if w.isFullScreen():
            w.actions.fullscreen.setChecked(False)
        self.state.save_bytes("geometry", w.saveGeometry())
        self.state.save_bytes("layout", w.saveState())
        self.state.save_number("split_ratio", w.area.ratio)
        self.state.save_number("swapped", 1.0 if w.area.swapped() else 0.0)
        self.state.save_location(self.navigator.current_location())
        save_preferences(self.settings, self.prefs)
        for feature in self.features.values():
            if hasattr(feature, "on_close"):
                feature.on_close()
