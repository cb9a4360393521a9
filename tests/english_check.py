"""What "no Chinese apart from document text" means for text the reader shows in English.

Document text is what the file itself says — titles, 文号, issuers, quoted lines, the issue's
label — as read by the importer. Every maximal run of non-ASCII characters in the English
output (its quotation marks and brackets stripped at both ends) must occur in that text;
an interface word the reader itself added (提示, 目录作, 相似度, 无文号, 第3页) does not, and is
reported. (Runs are cut at ASCII characters, so a title with digits is checked in pieces.)"""
from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
_RUN = re.compile(r"[^\x00-\x7f\s]+")
_MARKS = "《》“”‘’「」『』【】〔〕（）()[]…—–·,:;，：；。、 "


def _fold(text: str) -> str:
    return "".join(text.split())


def document_text(report=None, *texts: str) -> str:
    """The source text(s) and every field of an ImportReport the importer read from the file."""
    parts = [*texts]
    if report is not None:
        parts += [report.publication or "", report.label or "", report.path]
        for s in report.sections:
            parts.append(s.name)
        for d in report.documents():
            parts += [d.title, d.doc_number or "", d.doc_number_printed or "", d.code or "", d.date or "",
                      d.author or "", d.explains or "", d.issuer or "", *d.same_number]
        for p in report.pairings:
            parts += [p.title, p.author or "", p.explains or "", p.policy_title or ""]
        if report.existing is not None:
            parts += [report.existing.label, report.existing.source_name]
        parts += [x.text for x in report.dropped]
    return "\x00".join(_fold(p) for p in parts if p)


def chinese_outside(text: str, allowed: str) -> list[str]:
    """The runs of Chinese in ``text`` that are not in ``allowed`` (from ``document_text``)."""
    bad = []
    for run in _RUN.findall(text):
        core = run.strip(_MARKS)
        if core and CJK.search(core) and _fold(core) not in allowed:
            bad.append(run)
    return bad
