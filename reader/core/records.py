"""What the library facade hands out: frozen dataclasses, never rows or cursors."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Block, Masthead


@dataclass(frozen=True)
class IssueInfo:
    key: str
    publication: str
    year: int
    numbers: tuple[int, ...]
    cumulative: tuple[int, ...]
    label: str
    document_count: int


@dataclass(frozen=True)
class IssueDetail:
    info: IssueInfo
    masthead: Masthead
    warnings: tuple[str, ...]
    dropped: tuple[dict, ...]
    toc: tuple[dict, ...]
    source_name: str


@dataclass(frozen=True)
class SectionInfo:
    id: int
    issue_key: str
    name: str
    order: int
    document_count: int


@dataclass(frozen=True)
class DocInfo:
    key: str
    kind: str
    role: str                   # main | attachment | interpretation
    title: str
    doc_number: str | None
    code: str | None
    issuer: str | None
    date: str | None
    page: int | None
    issue_key: str | None
    section: str | None
    parent_key: str | None
    interpretation_count: int = 0
    attachment_count: int = 0

    @property
    def has_interpretation(self) -> bool:
        return self.interpretation_count > 0


@dataclass(frozen=True)
class ResolvedCitation:
    kind: str                   # doc_number | title
    text: str
    target: str
    block: int
    start: int
    end: int
    target_key: str | None      # the library document it names, if any
    target_title: str | None


@dataclass(frozen=True)
class DocumentView:
    info: DocInfo
    blocks: tuple[Block, ...]
    doc_number_printed: str | None
    addressees: str | None
    signature: str | None
    date_printed: str | None
    author: str | None
    explains: str | None
    fingerprint: str
    publication: str | None
    issue_label: str | None
    parent: DocInfo | None
    attachments: tuple[DocInfo, ...]
    interpretations: tuple[DocInfo, ...]
    citations: tuple[ResolvedCitation, ...]
    cited_by: tuple[DocInfo, ...]
    warnings: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def title(self) -> str:
        return self.info.title
