"""Strings from documents and bookmark files are shown as text, never as markup.

Qt guesses (``Qt.AutoText``) whether a label or tooltip is HTML; a title or a note
holding ``<img src=file:…>`` would then be rendered, and could make Qt read a local
file. Labels are set to plain text; tooltips, which have no such switch, are escaped
and wrapped so Qt shows the escaped characters as the characters themselves.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt


def plain_label(label):
    """The label (QLabel) shows its text literally from now on."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` literally, line breaks kept."""
    if not text:
        return None
    body = html.escape(text).replace("\n", "<br>")
    return f"<qt><span style='white-space:pre-wrap'>{body}</span></qt>"


def plain_message_box(parent, icon, title: str, text: str):
    """A modal message whose text (a file's error, a refused record) is shown literally."""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
