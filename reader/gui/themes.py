"""Light, sepia and dark: the window palette and the document colours together.

Every text colour meets WCAG AA (4.5:1) on every background it can stand on: the paper,
the window, the selection, a search hit and a bookmark highlight (the user's colour at
``bookmark_alpha`` over the paper). ``text_pairs`` lists those pairs; tests/test_contrast.py
computes their ratios, and the ratios of the colours the style sheets actually use."""
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
    warn: str = "#9a3b2f"       # "missing", "passage no longer found"
    ok: str = "#2f6b3a"         # "present"
    bookmark_alpha: int = 130   # bookmark highlights: the user's colour this opaque over the paper


THEMES = {
    "light": Theme("light", "#ffffff", "#1d1d1d", "#595959", "#1a4f8b", "#595959", "#f3f3f1", "#cfe0f5",
                   "#ffe27a", "#ffd54f", "#9a3b2f", "#2f6b3a", 130),
    "sepia": Theme("sepia", "#f5ecd9", "#4a3b2a", "#5e4b37", "#7a3e12", "#5e4b37", "#ebe0c8", "#e3cfa3",
                   "#f2c96b", "#f0b95a", "#8a2f22", "#2f5a30", 120),
    "dark": Theme("dark", "#1f2124", "#d9d6cf", "#c2bdb4", "#9cc0ee", "#c2bdb4", "#2a2c30", "#2a3f58",
                  "#4d3f11", "#6e5a1e", "#f5a093", "#8fd19e", 45),
}

# The colours a user can give a bookmark (the editor's swatches).
BOOKMARK_COLORS = ("#ffd54f", "#ffab91", "#a5d6a7", "#90caf9", "#ce93d8", "#e0e0e0")


def _channels(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def blend(color: str, alpha: int, under: str) -> str:
    """``color`` at ``alpha`` (0–255) painted over ``under``, as #rrggbb."""
    a = alpha / 255
    return "#" + "".join(f"{round(c * a + u * (1 - a)):02x}" for c, u in zip(_channels(color), _channels(under)))


def luminance(color: str) -> float:
    def lin(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = _channels(color)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio, 1–21."""
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every text colour on every background it can meet."""
    backgrounds = {"paper": theme.paper, "window": theme.window, "selection": theme.highlight,
                   "search hit": theme.search_hit}
    for c in BOOKMARK_COLORS:
        backgrounds[f"bookmark {c}"] = blend(c, theme.bookmark_alpha, theme.paper)
    pairs = []
    for fg_name in ("text", "muted", "link", "rule"):
        for bg_name, bg in backgrounds.items():
            pairs.append((f"{fg_name} on {bg_name}", getattr(theme, fg_name), bg))
    for fg_name in ("warn", "ok"):      # list entries: on the paper, the window or selected
        for bg_name in ("paper", "window", "selection"):
            pairs.append((f"{fg_name} on {bg_name}", getattr(theme, fg_name), backgrounds[bg_name]))
    return pairs


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
        p.setColor(group, QPalette.ColorRole.BrightText, text)
        p.setColor(group, QPalette.ColorRole.LinkVisited, QColor(theme.link))
    return p
