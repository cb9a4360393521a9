"""The facts about the open document: issue, section, 文号, code, issuer, date, page,
fingerprint, who cites it and what it cites."""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from ..core.location import Location
from ..core.records import DocumentView, IssueDetail

_N = "MetadataPanel"
KIND_NAMES = {
    "notice": QT_TRANSLATE_NOOP(_N, "Notice"), "plan": QT_TRANSLATE_NOOP(_N, "Attached plan"),
    "interpretation": QT_TRANSLATE_NOOP(_N, "Policy interpretation"),
    "appointment": QT_TRANSLATE_NOOP(_N, "Personnel notice"), "opinion": QT_TRANSLATE_NOOP(_N, "Opinion"),
    "reply": QT_TRANSLATE_NOOP(_N, "Reply"), "letter": QT_TRANSLATE_NOOP(_N, "Letter"),
    "order": QT_TRANSLATE_NOOP(_N, "Order"), "decision": QT_TRANSLATE_NOOP(_N, "Decision"),
    "other": QT_TRANSLATE_NOOP(_N, "Document"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("MetadataPanel", text)


def _row(label: str, value: str | None, raw: bool = False) -> str:
    if not value:
        return ""
    v = value if raw else html.escape(value)
    return f"<tr><td style='color:gray; padding-right:8px; white-space:nowrap'>{html.escape(label)}</td><td>{v}</td></tr>"


def _link(key: str, title: str) -> str:
    return f"<a href='{html.escape(Location(key).to_url())}'>{html.escape(title)}</a>"


def document_html(v: DocumentView) -> str:
    i = v.info
    kind = _t(KIND_NAMES.get(i.kind, "Document"))
    number = i.doc_number
    if v.doc_number_printed and v.doc_number_printed.replace(" ", "") != (i.doc_number or ""):
        number = f"{i.doc_number}（{_t('printed')}：{v.doc_number_printed}）"
    rows = [
        _row(_t("Kind"), kind),
        _row(_t("Issue"), f"{v.publication} {v.issue_label}" if v.issue_label else _t("Single document")),
        _row(_t("Section"), i.section),
        _row(_t("Doc. number"), number),
        _row(_t("Code"), i.code),
        _row(_t("Interpreted by") if i.kind == "interpretation" else _t("Issuer"), v.author or i.issuer),
        _row(_t("Date"), f"{v.date_printed}（{i.date}）" if v.date_printed and i.date else i.date),
        _row(_t("Printed page"), _t("page {0}").format(i.page) if i.page else None),
        _row(_t("Part of"), _link(v.parent.key, v.parent.title) if v.parent else None, raw=True),
        _row(_t("Fingerprint"), f"<span title='{v.fingerprint}'>SHA-256 {v.fingerprint[:16]}…</span>", raw=True),
    ]
    parts = [f"<p style='font-weight:bold'>{html.escape(i.title)}</p><table>{''.join(rows)}</table>"]
    if v.cited_by:
        items = "".join(f"<li>{_link(d.key, d.title)}</li>" for d in v.cited_by)
        parts.append(f"<p><b>{_t('Cited by')}</b></p><ul>{items}</ul>")
    resolved = {(c.target_key, c.target_title) for c in v.citations if c.target_key}
    if resolved:
        items = "".join(f"<li>{_link(k, t or k)}</li>" for k, t in sorted(resolved))
        parts.append(f"<p><b>{_t('Cites (in this library)')}</b></p><ul>{items}</ul>")
    missing = []
    for c in v.citations:
        label = c.text if c.kind == "doc_number" else f"《{c.text}》"
        if not c.target_key and label not in missing:
            missing.append(label)
    if missing:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in missing)
        parts.append(f"<p><b>{_t('Cited, not in this library')}</b></p><ul>{items}</ul>")
    if v.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in v.warnings)
        parts.append(f"<p><b>{_t('Import notes')}</b></p><ul>{items}</ul>")
    return "".join(parts)


def issue_html(d: IssueDetail) -> str:
    m = d.masthead
    rows = [_row(_t("Publication"), d.info.publication), _row(_t("Issue"), d.info.label),
            _row("主管", m.supervisor), _row("主办", m.sponsor), _row(_t("Source file"), d.source_name)]
    parts = [f"<p style='font-weight:bold'>{html.escape(d.info.publication)} {html.escape(d.info.label)}</p>"
             f"<table>{''.join(rows)}</table>"]
    if d.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in d.warnings)
        parts.append(f"<p><b>{_t('Discrepancies found on import')}</b></p><ul>{items}</ul>")
    if d.dropped:
        items = "".join(f"<li>{_t('line {0}').format(x['line'])}：“{html.escape(x['text'])}”（{html.escape(x['reason'])}）</li>"
                        for x in d.dropped)
        parts.append(f"<p><b>{_t('Page furniture removed on import')}</b></p><ul>{items}</ul>")
    return "".join(parts)


class MetadataPanel(QTextBrowser):
    location_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.setMinimumWidth(220)

    def loadResource(self, type_, name: QUrl):  # noqa: N802
        return None

    def _on_anchor(self, url: QUrl) -> None:
        loc = Location.from_url(url.toString())
        if loc:
            self.location_requested.emit(loc)

    def show_document(self, v: DocumentView) -> None:
        self.setHtml(document_html(v))

    def show_issue(self, d: IssueDetail) -> None:
        self.setHtml(issue_html(d))
