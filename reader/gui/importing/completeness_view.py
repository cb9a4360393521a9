"""Which numbers (期) of each year are in the library, and whether 总期号 run without gaps."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ...core.completeness import completeness


class CompletenessDialog(QDialog):
    def __init__(self, parent, library):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issues by year"))
        self.setObjectName("completenessDialog")
        self.resize(620, 520)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.view)
        lay.addWidget(buttons)
        self.view.setHtml(self.render(completeness(library.issues())))

    def render(self, pubs) -> str:
        if not pubs:
            empty = self.tr("No issues in the library yet.")
            return f"<p>{empty}</p>"
        out = []
        for pub in pubs:
            out.append(f"<h3>{html.escape(pub.publication)}</h3>")
            if pub.cumulative_continuous:
                ok = self.tr("Cumulative numbers run without gaps.")
                out.append(f"<p>{ok}</p>")
            for gap in pub.cumulative_gaps:
                missing = self.tr("Cumulative numbers missing: {0}").format("、".join(str(n) for n in gap.missing))
                out.append(f"<p style='color:#9a3b2f'>{missing}</p>")
            for note in pub.cumulative_problems:
                out.append(f"<p style='color:#9a3b2f'>{html.escape(note)}</p>")
            for year in pub.years:
                out.append(f"<p><b>{year.year}</b> — {self._year_status(year)}</p><table cellpadding='3'>")
                for slot in year.slots:
                    mark = "✓" if slot.present else "✗"
                    color = "#2f6b3a" if slot.present else "#9a3b2f"
                    label = html.escape(slot.label or self.tr("No. {0} (missing)").format(slot.number))
                    cum = f"总第{slot.cumulative}期" + ("？" if slot.cumulative_inferred else "") if slot.cumulative else ""
                    out.append(f"<tr><td style='color:{color}'>{mark}</td><td>第{slot.number}期</td>"
                               f"<td>{label}</td><td style='color:gray'>{cum}</td></tr>")
                out.append("</table>")
                for note in year.notes:
                    out.append(f"<p style='color:gray'>{html.escape(note)}</p>")
        return "".join(out)

    def _year_status(self, year) -> str:
        if year.missing:
            return self.tr("missing: {0}").format("、".join(f"第{n}期" for n in year.missing))
        if year.complete is None:
            return self.tr("no gaps among the numbers held (the year's last number is not known)")
        return self.tr("complete")
