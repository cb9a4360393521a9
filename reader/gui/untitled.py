"""What the window calls a text printed without a title (it opens at its 主送 line): who issued it
and when, marked as untitled. Only a label: the stored title stays empty, as printed."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def shown_title(title: str | None, issuer: str | None = None, date: str | None = None) -> str:
    if title:
        return title
    who = " ".join(x for x in (issuer, date) if x)
    if who:
        return QCoreApplication.translate("Untitled", "Untitled: {0}").format(who)
    return QCoreApplication.translate("Untitled", "Untitled")
