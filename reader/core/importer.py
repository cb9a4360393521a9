"""From a file to the library: decide what a text is, parse it, store it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRefused
from .model import Issue, Standalone
from .parse import lines as L
from .parse.front import ISSUE_LABEL
from .parse.gazette import parse_issue
from .parse.source import read_source
from .parse.standalone import parse_standalone
from .text import squeeze
from .messages import Msg


def looks_like_issue(text: str) -> bool:
    """A gazette issue announces itself near the top with its number: "2022 年第 5-6 期".

    (A 目录 alone is not enough: long plans printed as one document have one too.)
    """
    return any(ISSUE_LABEL.match(squeeze(ln.text)) for ln in L.split_lines(text[:20000])[:150])


def parse_text(text: str, name: str = "") -> Issue | Standalone:
    if looks_like_issue(text):
        return parse_issue(text, name)
    return parse_standalone(text, name)


@dataclass(frozen=True)
class Parsed:
    path: str
    text: str                       # what is stored and re-parsed: for a PDF, its extracted text
    result: Issue | Standalone
    source_kind: str = "text"       # "text" or "pdf"
    pages: int | None = None        # PDFs: how many pages

    @property
    def is_issue(self) -> bool:
        return isinstance(self.result, Issue)

    def summary(self) -> str:
        r = self.result
        if isinstance(r, Issue):
            n = sum(1 for _ in r.documents())
            return Msg("import.summary_issue", publication=r.publication, label=r.label, sections=len(r.sections),
                       documents=n, notes=len(r.warnings))
        d = r.document
        number = d.doc_number or Msg("word.no_number")
        return Msg("import.summary_document", title=d.title, number=number) if d.title \
            else Msg("import.summary_untitled", number=number)


def parse_file(path: str | Path) -> Parsed:
    """Read a text or PDF file and parse it; ImportRefused (one line) if it cannot be imported."""
    source = read_source(path)
    try:
        result = parse_text(source.text, Path(path).name)
    except ImportRefused:
        raise
    except Exception as e:  # a parser bug must still refuse cleanly, never half-write
        raise ImportRefused(Msg("refuse.parser", kind=type(e).__name__, error=str(e))) from e
    _conserved_or_refuse(source.text, result)
    return Parsed(str(path), source.text, result, source.kind, source.pages)


def _conserved_or_refuse(text: str, result: Issue | Standalone) -> None:
    """The last word before anything is stored: every character, letter and digit of the
    source is in a block, the front matter or the listed furniture. A parse that would lose
    one is refused rather than stored."""
    from .conservation import check_issue, check_standalone
    report = check_issue(text, result) if isinstance(result, Issue) else check_standalone(text, result)
    if not report.ok:
        raise ImportRefused(Msg("refuse.not_conserved", expected=report.expected, stored=report.stored,
                                where=report.first_difference))


def store(writer, parsed: Parsed, replace: bool = False) -> int:
    return store_result(writer, parsed.result, parsed.text, replace)


def store_result(writer, result: Issue | Standalone, text: str, replace: bool = False) -> int:
    """An issue or a single document, into the library ``writer`` holds; returns the documents written."""
    if isinstance(result, Issue):
        return writer.add_issue(result, text, replace=replace)
    return writer.add_standalone(result, text, replace=replace)
