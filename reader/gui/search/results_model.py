"""Search results as a flat list model: one row per document, holding the engine's hits.

The rows come a screen at a time (``FIRST_SCREEN``; ``canFetchMore``/``fetchMore``, which
the view calls as it is scrolled to the end or while its viewport is not full): the search
computed the first screen's hit counts and snippets, and a later row computes its own when
first shown (``DocHit.count``/``snippets``); the view lays out only the rows it has."""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from ...core.render import escape
from ...core.search.engine import FIRST_SCREEN
from ...core.search.results import DocHit
from ..plain import tooltip


class Roles(IntEnum):
    Hit = Qt.ItemDataRole.UserRole + 1       # the DocHit
    Html = Qt.ItemDataRole.UserRole + 2      # title, facts and highlighted snippets


def snippet_html(s, mark: str) -> str:
    """A snippet's text with its hits set off; everything escaped."""
    out, pos = [], 0
    for start, end in s.highlights:
        out.append(escape(s.text[pos:start]))
        out.append(f"<span style='background:{mark}'>{escape(s.text[start:end])}</span>")
        pos = end
    out.append(escape(s.text[pos:]))
    return ("…" if s.more_before else "") + "".join(out) + ("…" if s.more_after else "")


class ResultsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: tuple[DocHit, ...] = ()       # the page: ``shown`` of them are rows so far
        self.shown = 0
        self._fetching = False
        self.mark = "#ffe27a"
        self.labels = {}          # issue key -> issue label, for the facts line

    def set_hits(self, hits, labels=None) -> None:
        self.beginResetModel()
        self.hits = tuple(hits)
        self.shown = min(FIRST_SCREEN, len(self.hits))
        if labels is not None:
            self.labels = labels
        self.endResetModel()

    def holds(self, hits) -> bool:
        """Are these the rows already listed (the same objects: comparing them by value would
        compute every row's snippets)?"""
        return len(hits) == len(self.hits) and all(a is b for a, b in zip(hits, self.hits))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.shown

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self.shown < len(self.hits)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        # Not again from a slot of the insertion itself (its rows are not counted yet).
        if self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            end = min(self.shown + FIRST_SCREEN, len(self.hits))
            self.beginInsertRows(QModelIndex(), self.shown, end - 1)
            self.shown = end
            self.endInsertRows()
        finally:
            self._fetching = False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.shown:
            return None
        h = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return h.info.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(h.info.title)
        if role == Roles.Hit:
            return h
        if role == Roles.Html:
            return self._html(h)
        return None

    def _html(self, h: DocHit) -> str:
        i = h.info
        facts = [self.labels.get(i.issue_key, "") if i.issue_key else "", i.doc_number or "", i.date or "",
                 self.tr("%n hit(s)", "", h.count)]
        if h.exact:
            facts.insert(0, self.tr("the document with this number"))
        if h.in_notes:
            facts.append(self.tr("in my notes"))
        snippets = "".join(f"<div style='margin-left:8px'>{snippet_html(s, self.mark)}</div>" for s in h.snippets)
        return (f"<div><b>{escape(i.title)}</b></div>"
                f"<div class='facts'>{escape(' · '.join(x for x in facts if x))}</div>{snippets}")
