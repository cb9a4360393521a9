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


def walk_rows(model, parent=None):
    """Every index of an item model, depth first (only what the model has read so far)."""
    from PySide6.QtCore import QModelIndex
    parent = parent or QModelIndex()
    for r in range(model.rowCount(parent)):
        ix = model.index(r, 0, parent)
        yield ix
        yield from walk_rows(model, ix)


def plain(view) -> str:
    return view.document().toPlainText()
