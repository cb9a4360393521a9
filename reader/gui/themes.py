"""Light, sepia and dark: the window palette and the document colours together."""
from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette


class Theme(NamedTuple):
    name: str
    paper: str        # document background
    text: str
    muted: str
    link: str
    rule: str
    window: str       # chrome around the document
    highlight: str    # selection
    search_hit: str
    bookmark: str


THEMES = {
    "light": Theme("light", "#ffffff", "#1d1d1d", "#6b6b6b", "#1a4f8b", "#b8b0a0", "#f3f3f1", "#cfe0f5",
                   "#ffe27a", "#ffd54f"),
    "sepia": Theme("sepia", "#f5ecd9", "#4a3b2a", "#7d6a55", "#7a3e12", "#b59f7e", "#ebe0c8", "#e3cfa3",
                   "#f2c96b", "#f0b95a"),
    "dark": Theme("dark", "#1f2124", "#d9d6cf", "#9a968e", "#8cb4e8", "#5a5750", "#2a2c30", "#3d5675",
                  "#7a6420", "#6e5a1e"),
}


def palette_for(theme: Theme, base: QPalette) -> QPalette:
    p = QPalette(base)
    window, paper, text = QColor(theme.window), QColor(theme.paper), QColor(theme.text)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.Base, paper)
        p.setColor(group, QPalette.ColorRole.AlternateBase, window)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Button, window)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.highlight))
        p.setColor(group, QPalette.ColorRole.HighlightedText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, paper)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
    return p
