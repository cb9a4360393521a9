"""The import report in the window, in the interface language: built from the report's
fields (the command line prints ``ImportReport.to_text()``, in Chinese), with plural forms.
The importer's notes are core messages, given in the same language (``core_text.say``);
the document text they quote, and the page furniture dropped, are shown as found."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from ..core_text import say
from ..untitled import shown_title

_C = "ReportView"
KINDS = {"notice": QT_TRANSLATE_NOOP("ReportView", "notice"), "plan": QT_TRANSLATE_NOOP("ReportView", "attached text"),
         "interpretation": QT_TRANSLATE_NOOP("ReportView", "interpretation"),
         "appointment": QT_TRANSLATE_NOOP("ReportView", "appointment"),
         "opinion": QT_TRANSLATE_NOOP("ReportView", "opinion"), "reply": QT_TRANSLATE_NOOP("ReportView", "reply"),
         "letter": QT_TRANSLATE_NOOP("ReportView", "letter"), "order": QT_TRANSLATE_NOOP("ReportView", "order"),
         "decision": QT_TRANSLATE_NOOP("ReportView", "decision"),
         "bulletin": QT_TRANSLATE_NOOP("ReportView", "bulletin"), "other": QT_TRANSLATE_NOOP("ReportView", "other")}
STATUSES = {"new": QT_TRANSLATE_NOOP("ReportView", "new"), "same": QT_TRANSLATE_NOOP("ReportView", "same as in the library"),
            "changed": QT_TRANSLATE_NOOP("ReportView", "differs from the library")}


def _t(table: dict, code: str) -> str:
    return QCoreApplication.translate(_C, table.get(code, code))


class ReportView(QObject):
    def heading(self, r) -> list[str]:
        src = self.tr("PDF, %n page(s)", "", r.pages or 0) if r.source_kind == "pdf" else self.tr("text")
        out = [self.tr("Import preview: {0} ({1})").format(Path(r.path).name, src)]
        out.append(f"《{r.publication}》{r.label}" if r.kind == "issue"
                   else self.tr("A single document (part of no issue)"))
        e = r.existing
        if e is None:
            out.append(self.tr("Not yet in the library: importing adds it."))
        elif e.identical:
            out.append(self.tr("Already in the library as {0} ({1}), identical: nothing to import.").format(
                e.label, e.source_name or self.tr("imported")))
        else:
            diff = [x for x in (self.tr("%n unchanged", "", e.same) if e.same else "",
                                self.tr("%n changed", "", e.changed) if e.changed else "",
                                self.tr("%n new", "", e.added) if e.added else "",
                                self.tr("%n only in the library", "", e.removed) if e.removed else "") if x]
            out.append(self.tr("Already in the library as {0} ({1}): {2}. Replace it or keep the library's copy.")
                       .format(e.label, e.source_name or self.tr("imported"), self.tr(", ").join(diff)))
        return out

    def doc_line(self, d) -> str:
        parts = [d.doc_number_printed or d.doc_number, d.code, d.date,
                 self.tr("page {0}").format(d.page) if d.page else None, _t(KINDS, d.kind), _t(STATUSES, d.status)]
        return "  ".join(p for p in parts if p)

    def totals(self, r) -> str:
        c = r.counts
        parts = [self.tr("%n section(s)", "", c.sections)] if r.kind == "issue" else []
        parts += [self.tr("%n document(s)", "", c.documents), self.tr("%n attached text(s)", "", c.attachments),
                  self.tr("%n interpretation(s)", "", c.interpretations) + " " +
                  self.tr("(%n paired)", "", c.paired),
                  self.tr("%n paragraph(s)", "", c.blocks), self.tr("%n character(s)", "", c.characters)]
        check = self.tr("passed") if r.conservation.ok else self.tr("FAILED")
        return self.tr("Total: {0}; character check {1} (source {2} = stored {3})").format(
            self.tr(", ").join(parts), check, r.conservation.expected, r.conservation.stored)

    def parts(self, r) -> list[tuple[str, str, list[str]]]:
        """The report as (kind, text, lines under it): kind "line", "title" (the issue), "section",
        "doc" (a numbered document) or "list" (a heading and its items)."""
        out = [("title" if i == 1 else "line", line, []) for i, line in enumerate(self.heading(r))]
        for s in r.sections:
            if s.name:
                out.append(("section", f"【{s.name}】", []))
            for d in s.documents:
                sub = [self.doc_line(d)]
                if d.same_number:
                    sub.append(self.tr("Other documents in the library with this number: {0}").format(
                        self.tr(", ").join(d.same_number)))
                sub += [self.tr("Attached: {0} ({1})").format(a.title, _t(STATUSES, a.status)) for a in d.attachments]
                sub += [self.tr("Interpretation: {0} ({1}, {2})").format(
                    i.title, i.author or self.tr("unsigned"), _t(STATUSES, i.status)) for i in d.interpretations]
                out.append(("doc", shown_title(d.title, d.issuer, d.date), sub))
        if r.pairings:
            items = []
            for p in r.pairings:
                target = f"《{p.policy_title}》" if p.policy_key else self.tr("not paired (listed on its own)")
                items.append(self.tr("{0} explains 《{1}》 → {2}").format(
                    p.author or self.tr("unsigned"), p.explains or p.title, target))
            out.append(("list", self.tr("Interpretations and the policies they explain:"), items))
        if r.warnings:
            out.append(("list", self.tr("%n note(s) from the importer:", "", len(r.warnings)),
                        [say(w) for w in r.warnings]))
        if r.dropped:
            line = self.tr("line {0}: {1}")
            out.append(("list", self.tr("%n line(s) of page furniture left out of the text:", "", len(r.dropped)),
                        [line.format(d.line, d.text) for d in r.dropped[:40]]))
        out.append(("line", self.totals(r), []))
        return out

    def html(self, r) -> str:
        esc = html.escape
        out, docs = [], []

        def flush():
            if docs:
                out.append(f"<ol>{''.join(docs)}</ol>")
                docs.clear()
        for kind, text, sub in self.parts(r):
            if kind == "doc":
                docs.append(f"<li>{esc(text)}<br>{'<br>'.join(esc(x) for x in sub)}</li>")
                continue
            flush()
            if kind in ("title", "section"):
                out.append(f"<p><b>{esc(text)}</b></p>")
            elif kind == "list":
                out.append(f"<p><b>{esc(text)}</b></p><ul>{''.join(f'<li>{esc(x)}</li>' for x in sub)}</ul>")
            else:
                out.append(f"<p>{esc(text)}</p>")
        flush()
        return "".join(out)

    def text(self, r) -> str:
        """The same report as plain text, for the command line in English."""
        out, n = [], 0
        for kind, text, sub in self.parts(r):
            if kind == "doc":
                n += 1
                out.append(f"  {n}. {text}")
                out += [f"     {x}" for x in sub]
                continue
            n = 0 if kind == "section" else n
            if kind in ("list", "section") or (kind == "line" and out and sub == [] and text == self.totals(r)):
                out.append("")
            out.append(text)
            out += [f"  - {x}" for x in sub]
        return "\n".join(out) + "\n"

    def stored(self, r) -> str:
        """The closing line for a stored file, in the report's own counts."""
        c = r.counts
        return self.tr("imported: {0}").format(self.tr(", ").join([
            self.tr("%n document(s)", "", c.documents), self.tr("%n attached text(s)", "", c.attachments),
            self.tr("%n interpretation(s)", "", c.interpretations)]))
