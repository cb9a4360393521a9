"""What the library facade hands out: immutable records, never rows or cursors.

NamedTuples rather than frozen dataclasses: they are built per row on every
read and created at start-up, where a frozen dataclass costs ten times more.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .blocks import Block

if TYPE_CHECKING:
    from .model import Masthead


class YearInfo(NamedTuple):
    """A year of the library: the tree's top level."""
    year: int
    issue_count: int


class IssueInfo(NamedTuple):
    key: str
    publication: str
    year: int
    numbers: tuple[int, ...]
    cumulative: tuple[int, ...]
    label: str
    document_count: int


class IssueDetail(NamedTuple):
    info: IssueInfo
    masthead: Masthead
    warnings: tuple[str, ...]
    dropped: tuple[dict, ...]
    toc: tuple[dict, ...]
    source_name: str


class SectionInfo(NamedTuple):
    id: int
    issue_key: str
    name: str
    order: int
    document_count: int


class DocInfo(NamedTuple):
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


class ResolvedCitation(NamedTuple):
    kind: str                   # doc_number | title
    text: str
    target: str
    block: int
    start: int
    end: int
    target_key: str | None      # the library document it names, if any
    target_title: str | None


class DocumentView(NamedTuple):
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
    cited_by: tuple[DocInfo, ...]          # the first CITED_BY_FIRST when there are more
    warnings: tuple[str, ...] = ()
    cited_by_total: int | None = None      # how many cite it in all (None: all are in cited_by)

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def title(self) -> str:
        return self.info.title
