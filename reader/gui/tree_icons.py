"""Small badges in the tree: which documents have an interpretation, which are one."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ..core.records import DocInfo

_BADGES = {
    "policy+": ("解", "#b23a2a"),     # a policy that has its 解读
    "interpretation": ("读", "#2f6b3a"),
    "attachment": ("附", "#6b5a2f"),
    "appointment": ("任", "#4a4a7a"),
    "policy": ("文", "#7a7a7a"),
}


@lru_cache(maxsize=None)
def _badge(char: str, color: str) -> QIcon:
    icon = QIcon()
    for size in (16, 32):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(color))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size * 0.22, size * 0.22)
        f = QFont()
        f.setPixelSize(int(size * 0.7))
        p.setFont(f)
        p.setPen(QColor("white"))
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, char)
        p.end()
        icon.addPixmap(pm)
    return icon


def icon_for(d: DocInfo) -> QIcon:
    if d.role == "interpretation":
        key = "interpretation"
    elif d.role == "attachment":
        key = "attachment"
    elif d.kind == "appointment":
        key = "appointment"
    else:
        key = "policy+" if d.has_interpretation else "policy"
    return _badge(*_BADGES[key])
