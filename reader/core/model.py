"""The gazette domain, as plain frozen dataclasses (no Qt, no SQL).

A parsed issue is a tree: Issue -> Section -> Document; a document may carry
attached plans (the 印发 notice's attachment) and interpretations (解读).
"""
from __future__ import annotations

from dataclasses import dataclass

from .blocks import *  # noqa: F401,F403  (block kinds and Block, re-exported)
from .blocks import Block

# Document kinds. "plan" is the text attached to a 印发 notice; policy-like kinds
# are everything but interpretations and appointments.
NOTICE = "notice"
PLAN = "plan"
INTERPRETATION = "interpretation"
APPOINTMENT = "appointment"
OPINION = "opinion"
REPLY = "reply"
LETTER = "letter"
ORDER = "order"
DECISION = "decision"
BULLETIN = "bulletin"        # 通报: not a 通知
OTHER = "other"
KINDS = (NOTICE, PLAN, INTERPRETATION, APPOINTMENT, OPINION, REPLY, LETTER, ORDER, DECISION, BULLETIN, OTHER)


@dataclass(frozen=True)
class Citation:
    """A reference found in a text: a 文号 or a 《title》."""
    kind: str            # "doc_number" or "title"
    text: str            # as printed
    target: str          # normalised form used to resolve it
    block: int           # index of the block that holds it
    start: int           # character offsets inside that block's text
    end: int


@dataclass(frozen=True)
class Document:
    key: str
    kind: str
    title: str
    blocks: tuple[Block, ...]
    doc_number: str | None = None          # normalised: 永政发〔2022〕6号
    doc_number_printed: str | None = None  # as printed: 永政发[2022] 8号
    code: str | None = None                # YZCR-2022-00004
    issuer: str | None = None
    addressees: str | None = None
    signature: str | None = None
    date: str | None = None                # yyyy-mm-dd
    date_printed: str | None = None
    page: int | None = None                # printed page, from the 目录
    author: str | None = None              # interpretations: the bureau that wrote it
    explains: str | None = None            # interpretations: the title they name
    attachments: tuple["Document", ...] = ()
    interpretations: tuple["Document", ...] = ()
    citations: tuple[Citation, ...] = ()
    fingerprint: str = ""
    line: int = 0
    layout: tuple[str, ...] = ()           # the forms the parser recognised ("文号在标题下（括号）")

    def walk(self):
        """This document, then its attachments and interpretations, depth first."""
        yield self
        for d in self.attachments:
            yield from d.walk()
        for d in self.interpretations:
            yield from d.walk()


@dataclass(frozen=True)
class Section:
    name: str
    order: int
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True)
class Masthead:
    supervisor: str | None = None          # 主管
    sponsor: str | None = None             # 主办
    board: tuple[tuple[str, str], ...] = ()  # (role, names) of the 编辑委员会 and editors
    contacts: tuple[tuple[str, str], ...] = ()  # (label, value): 电话 传真 邮箱 地址 邮编 准印证号 承印 …
    distribution: tuple[str, ...] = ()     # 赠阅范围
    motto: str | None = None               # ◇ 本刊刊登的文件与正式文件具有同等效力 ◇
    editor: str | None = None              # 编辑出版


@dataclass(frozen=True)
class Dropped:
    """A source line the importer removed on purpose (page furniture)."""
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class TocEntry:
    section: str
    title: str
    doc_number: str | None
    doc_number_printed: str | None
    code: str | None
    page: int | None
    line: int


@dataclass(frozen=True)
class Issue:
    key: str
    publication: str
    year: int
    numbers: tuple[int, ...]
    cumulative: tuple[int, ...]
    label: str
    masthead: Masthead
    sections: tuple[Section, ...]
    toc: tuple[TocEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    front_matter: tuple[tuple[int, str], ...] = ()   # (line, text) of masthead and 目录
    source_name: str = ""
    source_sha256: str = ""

    def documents(self):
        for s in self.sections:
            yield from s.documents


@dataclass(frozen=True)
class Standalone:
    """A single document imported outside any issue (e.g. a gov.cn page)."""
    document: Document
    warnings: tuple[str, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    source_name: str = ""
    source_sha256: str = ""
