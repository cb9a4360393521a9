"""The facts about the open document: issue, section, 文号, code, issuer, date, page,
fingerprint, who cites it and what it cites."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from ..core.location import Location
from ..core.render import escape
from ..core.records import DocumentView, IssueDetail
from .core_text import say
from .untitled import shown_title

_N = "MetadataPanel"
KIND_NAMES = {
    "notice": QT_TRANSLATE_NOOP("MetadataPanel", "Notice"), "plan": QT_TRANSLATE_NOOP("MetadataPanel", "Attached plan"),
    "interpretation": QT_TRANSLATE_NOOP("MetadataPanel", "Policy interpretation"),
    "appointment": QT_TRANSLATE_NOOP("MetadataPanel", "Personnel notice"), "opinion": QT_TRANSLATE_NOOP("MetadataPanel", "Opinion"),
    "reply": QT_TRANSLATE_NOOP("MetadataPanel", "Reply"), "letter": QT_TRANSLATE_NOOP("MetadataPanel", "Letter"),
    "order": QT_TRANSLATE_NOOP("MetadataPanel", "Order"), "decision": QT_TRANSLATE_NOOP("MetadataPanel", "Decision"),
    "bulletin": QT_TRANSLATE_NOOP("MetadataPanel", "Bulletin"),
    "other": QT_TRANSLATE_NOOP("MetadataPanel", "Document"),
}


def _row(label: str, value: str | None, raw: bool = False) -> str:
    if not value:
        return ""
    v = value if raw else escape(value)
    return (f"<tr><td class='label' style='padding-right:8px; white-space:nowrap'>{escape(label)}</td>"
            f"<td>{v}</td></tr>")


def _link(key: str, title: str) -> str:
    return f"<a href='{escape(Location(key).to_url())}'>{escape(title)}</a>"


def _list(heading: str, items: list[str]) -> str:
    if not items:
        return ""
    return f"<p><b>{escape(heading)}</b></p><ul>{''.join(f'<li>{x}</li>' for x in items)}</ul>"


MORE_CITED_BY = "more:cited-by"
DETAILS_URL = "gazette-details:toggle"


def names_itself(short: str, titles) -> bool:
    """A 《short name》 the document uses for itself (《实施计划》 in 《…全民健身实施计划》) or for
    the document it belongs to: not a citation of something missing from the library."""
    short = short.strip("《》 ")
    return bool(short) and any(short in (t or "") for t in titles)


class MetadataPanel(QTextBrowser):
    location_requested = Signal(object)
    more_cited_by = Signal(str)           # a document's key: list every document citing it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.setMinimumWidth(220)
        self._pending: DocumentView | None = None
        self._shown: DocumentView | None = None
        # Features add rows: callable(DocumentView) -> [(label, escaped html)], e.g. 圈阅 and bookmarks.
        self.row_providers: list = []
        # Features add whole sections after the table: callable(DocumentView) -> html (e.g. 时效).
        self.section_providers: list = []
        self.details_open = False       # importer diagnostics (SHA-256, source lines, 相似度) behind 详细信息
        self._issue_key: str | None = None   # the issue whose facts are shown

    def set_colors(self, muted: str, link: str) -> None:
        """The theme's colours for labels and links (the document's own default is pure blue)."""
        self.document().setDefaultStyleSheet(f"a {{ color: {link}; }} .label {{ color: {muted}; }}")
        self.refresh()

    def loadResource(self, type_, name: QUrl):  # noqa: N802
        return None

    def _on_anchor(self, url: QUrl) -> None:
        if url.toString() == DETAILS_URL:
            self.details_open = not self.details_open
            if self._shown is not None:
                self.setHtml(self.document_html(self._shown))
            return
        if url.toString() == MORE_CITED_BY and self._shown is not None:
            self.more_cited_by.emit(self._shown.key)
            return
        loc = Location.from_url(url.toString())
        if loc:
            self.location_requested.emit(loc)

    def show_document(self, v: DocumentView) -> None:
        """Filled on the next turn of the event loop: the text itself is painted first, and
        stepping quickly through hits or history lays this panel out once, for the last."""
        first = self._pending is None
        self._pending = v
        self._issue_key = v.info.issue_key
        if first:
            QTimer.singleShot(0, self._fill)

    def _fill(self) -> None:
        v, self._pending = self._pending, None
        if v is not None:
            self._shown = v
            self.setHtml(self.document_html(v))

    def show_all_cited_by(self, key: str, docs) -> None:
        """The rest of a long "cited by" list, asked for with "more"."""
        if self._shown is not None and self._shown.key == key:
            self.show_document(self._shown._replace(cited_by=tuple(docs), cited_by_total=None))

    def refresh(self) -> None:
        """Show the current document's facts again (a feature's rows changed)."""
        if self._shown is not None and self._pending is None:
            self.show_document(self._shown)

    def show_empty(self) -> None:
        self._pending = self._shown = None
        self._issue_key = None
        self.clear()

    def show_issue(self, d: IssueDetail) -> None:
        self._pending = self._shown = None
        self._issue_key = d.info.key
        self.setHtml(self.issue_html(d))

    def shows_issue(self, issue_key: str) -> bool:
        """Whether the facts on screen (or about to be) belong to that issue."""
        v = self._pending or self._shown
        return (v is not None and v.info.issue_key == issue_key) or (v is None and self._issue_key == issue_key)

    def document_html(self, v: DocumentView) -> str:
        i = v.info
        number = i.doc_number
        if v.doc_number_printed and v.doc_number_printed.replace(" ", "") != (i.doc_number or ""):
            number = self.tr("{0} (printed: {1})").format(i.doc_number, v.doc_number_printed)
        issue = f"{v.publication} {v.issue_label}" if v.issue_label else self.tr("Single document")
        date = f"{v.date_printed}（{i.date}）" if v.date_printed and i.date else i.date
        who = self.tr("Interpreted by") if i.kind == "interpretation" else self.tr("Issuer")
        fingerprint = f"<span title='{v.fingerprint}'>SHA-256 {v.fingerprint[:16]}…</span>"
        rows = [
            _row(self.tr("Kind"), self.tr(KIND_NAMES.get(i.kind, "Document"))),
            _row(self.tr("Issue"), issue),
            _row(self.tr("Section"), i.section),
            _row(self.tr("Doc. number"), number),
            _row(self.tr("Code"), i.code),
            _row(who, v.author or i.issuer),
            _row(self.tr("Date"), date),
            _row(self.tr("Printed page"), self.tr("page {0}").format(i.page) if i.page else None),
            _row(self.tr("Part of"), _link(v.parent.key, v.parent.title) if v.parent else None, raw=True),
        ]
        for provider in self.row_providers:
            rows += [_row(label, value, raw=True) for label, value in provider(v)]
        resolved = sorted({(c.target_key, c.target_title) for c in v.citations if c.target_key})
        missing: list[str] = []
        own = (i.title, v.parent.title if v.parent else None)
        for c in v.citations:
            label = c.text if c.kind == "doc_number" else f"《{c.text}》"
            if c.kind != "doc_number" and names_itself(c.text, own):
                continue
            if not c.target_key and label not in missing:
                missing.append(label)
        more = []       # the first CITED_BY_FIRST are listed; the rest when asked for
        if v.cited_by_total and v.cited_by_total > len(v.cited_by):
            label = self.tr("More ({0} in all)").format(v.cited_by_total)
            more = [f"<a href='{MORE_CITED_BY}'>{escape(label)}</a>"]
        return "".join([
            f"<p style='font-weight:bold'>{escape(shown_title(i.title, i.issuer, i.date))}</p><table>{''.join(rows)}</table>",
            *(section(v) for section in self.section_providers),
            _list(self.tr("Cited by"), [_link(d.key, d.title) for d in v.cited_by] + more),
            _list(self.tr("Cites (in this library)"), [_link(k, t or k) for k, t in resolved]),
            _list(self.tr("Cited, not in this library"), [escape(m) for m in missing]),
            self._details(fingerprint, v.warnings),
        ])

    def _details(self, fingerprint: str, warnings) -> str:
        """What the importer checked, for whoever asks: folded away by default."""
        arrow = "▾" if self.details_open else "▸"
        title = escape(self.tr("Details"))
        head = f"<p><a href='{DETAILS_URL}'>{arrow} {title}</a></p>"
        if not self.details_open:
            return head
        row = _row(self.tr("Fingerprint"), fingerprint, raw=True)
        return head + f"<table>{row}</table>" + \
            _list(self.tr("Import notes"), [escape(say(w)) for w in warnings])

    def issue_html(self, d: IssueDetail) -> str:
        m = d.masthead
        rows = [_row(self.tr("Publication"), d.info.publication), _row(self.tr("Issue"), d.info.label),
                _row(self.tr("Supervised by", "主管 in a masthead"), m.supervisor),
                _row(self.tr("Sponsored by", "主办 in a masthead"), m.sponsor), _row(self.tr("Source file"), d.source_name)]
        dropped = [self.tr("line {0}: “{1}” ({2})").format(x["line"], escape(x["text"]), escape(say(x["reason"])))
                   for x in d.dropped]
        return "".join([
            f"<p style='font-weight:bold'>{escape(d.info.publication)} {escape(d.info.label)}</p>"
            f"<table>{''.join(rows)}</table>",
            _list(self.tr("Discrepancies found on import"), [escape(say(w)) for w in d.warnings]),
            _list(self.tr("Page furniture removed on import"), dropped),
        ])
