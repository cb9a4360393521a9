"""Which numbers (期) of each year are in the library: one account of what is missing, and each
number held opens its issue."""
from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ...core.completeness import completeness

ISSUE_SCHEME = "gazette-issue:"


class CompletenessDialog(QDialog):
    issue_chosen = Signal(str)     # the key of a present issue the reader clicked

    def __init__(self, parent, library, colors: dict | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issues by year"))
        self.setObjectName("completenessDialog")
        self.resize(620, 520)
        self.colors = {"warn": "#9a3b2f", "ok": "#2f6b3a", "muted": "#595959", **(colors or {})}
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view)
        lay.addWidget(buttons)
        self.view.setHtml(self.render(completeness(library.issues())))

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(ISSUE_SCHEME):
            self.issue_chosen.emit(QUrl.fromPercentEncoding(text[len(ISSUE_SCHEME):].encode()))

    def say(self, note) -> str:
        """A note of the completeness check (a core message) in the interface language."""
        from ..core_text import say
        return say(note)

    def _number(self, n: int) -> str:
        return self.tr("No. {0}").format(n)

    def summary(self, pub) -> str:
        """One statement of what is missing: the 期 numbers and the 总期号 together, never
        "no gaps" next to a list of missing numbers."""
        comma = self.tr(", ")
        missing = [self.tr("{0}: {1}").format(y, comma.join(self._number(n) for n in nums))
                   for y, nums in _by_year(pub.missing)]
        cumulative = sorted({n for gap in pub.cumulative_gaps for n in gap.missing})
        parts = []
        if missing:
            parts.append(self.tr("Missing: {0}.").format(self.tr("; ").join(missing)))
        if cumulative:
            parts.append(self.tr("Cumulative numbers held by no issue: {0}.").format(
                comma.join(str(n) for n in cumulative)))
        if parts:
            return f"<p style='color:{self.colors['warn']}'>{html.escape(' '.join(parts))}</p>"
        if any(y.complete is None for y in pub.years):
            return "<p>" + html.escape(self.tr(
                "No missing issue found among the numbers held; whether more followed the last one is not known.")) + "</p>"
        return "<p>" + html.escape(self.tr("No missing issue found.")) + "</p>"

    def render(self, pubs) -> str:
        if not pubs:
            empty = self.tr("No issues in the library yet.")
            return f"<p>{empty}</p>"
        c = self.colors
        out = []
        for pub in pubs:
            out.append(f"<h3>{html.escape(pub.publication)}</h3>")
            out.append(self.summary(pub))
            for note in pub.cumulative_problems:
                out.append(f"<p style='color:{c['warn']}'>{html.escape(self.say(note))}</p>")
            for year in pub.years:
                out.append(f"<p><b>{year.year}</b> — {html.escape(self._year_status(year))}</p><table cellpadding='3'>")
                for slot in year.slots:
                    if slot.present:
                        href = ISSUE_SCHEME + QUrl.toPercentEncoding(slot.issue_key).data().decode()
                        number = f"<a href='{html.escape(href)}'>{html.escape(self._number(slot.number))}</a>"
                        mark, color, label = "✓", c["ok"], html.escape(slot.label or "")
                    else:
                        number = html.escape(self._number(slot.number))
                        mark, color, label = "✗", c["warn"], html.escape(self.tr("missing"))
                    cum = ""
                    if slot.cumulative:
                        cum = html.escape(self.tr("cumulative No. {0}").format(slot.cumulative)
                                          + ("?" if slot.cumulative_inferred else ""))
                    out.append(f"<tr><td style='color:{color}'>{mark}</td><td>{number}</td>"
                               f"<td>{label}</td><td style='color:{c['muted']}'>{cum}</td></tr>")
                out.append("</table>")
                for note in year.notes:
                    out.append(f"<p style='color:{c['muted']}'>{html.escape(self.say(note))}</p>")
        return "".join(out)

    def _year_status(self, year) -> str:
        if year.missing:
            return self.tr("missing: {0}").format(self.tr(", ").join(self._number(n) for n in year.missing))
        if year.complete is None:
            return self.tr("no gaps among the numbers held (the year's last number is not known)")
        return self.tr("complete")


def _by_year(pairs):
    out: dict[int, list[int]] = {}
    for y, n in pairs:
        out.setdefault(y, []).append(n)
    return sorted(out.items())
