"""What the status package hands out: frozen dataclasses (the facade passes them on as they are)."""
from __future__ import annotations

from dataclasses import dataclass, field

# States, in the words of the online databases.
NOT_YET = "尚未施行"
IN_FORCE = "现行有效"
EXPIRED = "有效期届满"
REPEALED = "已废止"
AMENDED = "已被修改"
UNKNOWN = "状态不明"
STATES = (NOT_YET, IN_FORCE, EXPIRED, REPEALED, AMENDED, UNKNOWN)
NO_LONGER_IN_FORCE = (EXPIRED, REPEALED)

# Relation kinds, both ways.
REPEALS, REPEALED_BY = "废止", "被废止"
AMENDS, AMENDED_BY = "修改", "被修改"
BASED_ON, BASIS_OF = "依据", "被依据"
FORWARDS, FORWARDED_BY = "转发", "被转发"
REPLACES, REPLACED_BY = "替代", "被替代"
CONFIRMS, CONFIRMED_BY = "确认有效", "被确认有效"
INVERSE = {REPEALS: REPEALED_BY, AMENDS: AMENDED_BY, BASED_ON: BASIS_OF, FORWARDS: FORWARDED_BY,
           REPLACES: REPLACED_BY, CONFIRMS: CONFIRMED_BY}


@dataclass(frozen=True)
class Evidence:
    kind: str          # start | period | until | date | repeal | amend | confirm
    doc_key: str       # the document that says it (this one, or the repealing notice)
    block: int
    text: str

    def as_dict(self) -> dict:
        return {"kind": self.kind, "doc_key": self.doc_key, "block": self.block, "text": self.text}


@dataclass(frozen=True)
class DocStatus:
    as_of: str
    state: str
    since: str | None = None       # when the state began (状态不明: the stated 施行 date), where known
    until: str | None = None       # the last day in force, where known
    evidence: tuple[Evidence, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def in_force(self) -> bool:
        return self.state in (IN_FORCE, AMENDED)

    @property
    def no_longer_in_force(self) -> bool:
        return self.state in NO_LONGER_IN_FORCE

    def as_dict(self) -> dict:
        out = {"as_of": self.as_of, "state": self.state, "since": self.since, "until": self.until,
               "evidence": [e.as_dict() for e in self.evidence]}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


@dataclass(frozen=True)
class Relation:
    kind: str                  # 废止 / 被废止 / 修改 / 被修改 / 依据 / 被依据 / 转发 / 被转发 / 替代 / 被替代 / …
    target: str                # the other text as named (《title》（文号）) or its title
    resolves_to: str | None    # its key when the library holds it
    block: int                 # where the sentence is: in this document, or (incoming) in the other one
    text: str
    source_key: str = ""       # the document whose sentence it is
    target_title: str | None = field(default=None, compare=False)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "target": self.target, "resolves_to": self.resolves_to,
                "block": self.block, "text": self.text}
