"""The first window fits the screen it opens on (no status bar below the edge of a small screen)."""
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from reader.gui import main_window


def test_first_size_never_exceeds_the_screen(qtbot, monkeypatch):
    screen = QGuiApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1366, 738))
    size = main_window._first_size()
    assert size.width() <= 1366 - 16 and size.height() <= 738 - 48
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 2560, 1400))
    assert main_window._first_size() == QSize(1440, 900)
