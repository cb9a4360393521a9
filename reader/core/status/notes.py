"""What a printout or a bookmark says about a text no longer in force (one sentence, with its basis)."""
from __future__ import annotations

from ..messages import Msg
from .records import EXPIRED, REPEALED


def basis(library, status, key: str) -> str:
    """《title》（文号） of the text that repealed it, or the sentence of its own that ended it."""
    for e in status.evidence:
        if e.kind in ("repeal",) and e.doc_key != key:
            info = library.info(e.doc_key)
            if info is not None:
                return f"《{info.title}》" + (f"（{info.doc_number}）" if info.doc_number else "")
    for e in status.evidence:
        if e.kind in ("until", "period"):
            return Msg("status.own_words", text=e.text.strip()[:60])
    return ""


def no_longer_in_force(library, key: str, as_of: str | None = None, when: str | None = None) -> str | None:
    """"截至今日已废止，依据…" — or None when the text is in force or its status is unknown."""
    s = library.status(key, as_of)
    if s is None or s.state not in (REPEALED, EXPIRED):
        return None
    why = basis(library, s, key)
    code = "status.ended_repealed" if s.state == REPEALED else "status.ended_expired"
    when = when or Msg("status.today")
    return Msg(code + "_by", when=when, why=why) if why else Msg(code, when=when)


def print_note(library, key: str, as_of: str | None = None) -> str:
    """Appended to a printout's source line: "（截至打印日已废止，依据…）", or ""."""
    if not hasattr(library, "status"):
        return ""
    text = no_longer_in_force(library, key, as_of, when=Msg("status.print_day"))
    return f"（{text}）" if text else ""
