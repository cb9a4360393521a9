"""Starting the real window in tests (offscreen)."""
from __future__ import annotations

from reader.core.library import Library


def start_app(qtbot, db_path, settings_path=None):
    from reader.gui import fonts
    from reader.gui.app import GazetteApp
    from reader.gui.features import install_features
    from reader.gui.settings import open_settings
    fonts.register_fonts()
    gapp = GazetteApp(Library(db_path), open_settings(settings_path) if settings_path else None)
    install_features(gapp)
    qtbot.addWidget(gapp.window)
    gapp.restore_state()
    gapp.window.show()
    qtbot.waitExposed(gapp.window)
    return gapp


def plain(view) -> str:
    return view.document().toPlainText()
