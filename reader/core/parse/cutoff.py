"""Does a text stop where a document can end? (Issue 13: a cut-off text never passes for a
complete one, whatever metadata it carries.)

A document ends with a closing: a signature, a date, a note, or a paragraph that finishes
a sentence. Markup cut in half, a last paragraph that stops mid-sentence, a heading with
nothing under it: cut off. Where a table flattened to one cell per line was cut, or a text
cut between two paragraphs, cannot be told from the text alone.
"""
from __future__ import annotations

import re

from ..model import (ARTICLE, CODE, DOC_NUMBER, HEADING, LIST_ITEM, NOTE, PARAGRAPH, TABLE, TABLE_ROW, TITLE)
from ..text import open_brackets
from . import lines as L
from .head import ends_like_title
from .lines import Line
from .tables import looks_cut
from ..messages import Msg

def _last_blocks(doc):
    last = doc
    while last.attachments:
        last = last.attachments[-1]
    return last.blocks


HEAD_KINDS = (TITLE, DOC_NUMBER, CODE, NOTE)
_CUT_TAG = re.compile(r"<[A-Za-z/!][^<>]*$")
_SENTENCE_INSIDE = re.compile(r"[。，；：]")
_FILE_NAME = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|zip|rar|ofd)$", re.I)
_CLOSED = L.TERMINAL + "”》’」』"


def cut_off(text: str, body: list[Line], doc) -> str | None:
    """Why this text looks cut off, or None: it stops inside a markup tag, or its last
    paragraph stops mid-sentence. Whatever metadata the page carries."""
    return unfinished(body[-1], _last_blocks(doc), body[-2] if len(body) > 1 else None)


def unfinished(last_line: Line, blocks, line_before: Line | None = None) -> str | None:
    """Why ``blocks`` (the last document's, ending at ``last_line``) cannot end a text."""
    m = _CUT_TAG.search(last_line.text)
    if m:
        return Msg("cut.incomplete", detail=Msg("cut.tag", line=last_line.no, tag=m.group(0)[:20]))
    if blocks and blocks[-1].kind == TABLE and looks_cut(blocks[-1].text):
        return Msg("cut.incomplete", detail=Msg("cut.table", line=last_line.no))
    if not blocks or blocks[-1].kind not in (PARAGRAPH, ARTICLE, LIST_ITEM, HEADING):
        return None
    tail = blocks[-1]
    t = tail.text
    prev = blocks[-2] if len(blocks) > 1 else None
    after_sentence = prev is not None and prev.text[-1] in "。！？!?；;"
    title_like = tail.kind == PARAGRAPH and ends_like_title(t) and L.looks_like_title(t) and "，" not in t
    if (tail.kind != HEADING or t[-1] in "。！？") and _closed(t) or _FILE_NAME.search(t) or _signed(t) \
            or (title_like and not after_sentence) or "\t" in last_line.raw:
        return None     # (a TAB row ends a table: where a table is cut cannot be told)
    # A short line without a sentence in it, after another such line, ends a table
    # flattened to one cell per line; after a finished sentence or a heading it is the
    # start of a paragraph cut off.
    if len(t) <= 40 and not _SENTENCE_INSIDE.search(t) and not open_brackets(t) \
            and tail.kind not in (ARTICLE, HEADING) and prev is not None \
            and prev.kind in (PARAGRAPH, TABLE_ROW) and prev.text[-1] not in "。！？!?；;：:":
        return None
    # The same read on the source lines, where a page-break join glued the cells together.
    last = last_line.text
    if t.endswith(last) and line_before is not None and len(last) <= 40 and not _SENTENCE_INSIDE.search(last) \
            and not open_brackets(last) and not L.heading_marker(last) and not L.ARTICLE.match(last) \
            and line_before.text[-1] not in "。！？!?；;：:" and not L.heading_marker(line_before.text) \
            and t != last:
        return None
    return Msg("cut.incomplete", detail=Msg("cut.paragraph", line=last_line.no, tail=t[-12:]))


def _signed(t: str) -> bool:
    """An organ's name, or several set apart by spaces: a signature printed without a date."""
    return not L.heading_marker(t) and "、" not in t and L.is_issuer_line(t)


def _closed(t: str) -> bool:
    """Can a document end with this paragraph? A sentence end, or a closing bracket or
    quote after a short phrase; never "；", "：" or "，"."""
    if t[-1] in "。！？!?…":
        return True      # (even when a quote was left open by a misprint)
    if t[-1] not in _CLOSED or t[-1] in "；;：:" or open_brackets(t):
        return False
    if t[-1] in "）)〕]】”’》":
        # "…作为今后一段时期（10年或更长一段时间）": a bracket closes a phrase, not always
        # the paragraph; a long unfinished sentence before it is cut off.
        sentence = re.split(r"[。！？；]", t)[-1]
        if sentence != t:
            # after a finished sentence only a bracketed note may follow:
            # "…。（市民政局牵头，相关部门按职责分工负责）"
            return sentence[:1] in "（(" and not open_brackets(sentence)
        return len(sentence) <= 20 or (len(sentence) <= 40 and not re.search(r"[，,、]", sentence))
    return True


