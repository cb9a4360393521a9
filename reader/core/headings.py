"""Heading numbers of official documents: 一、 （一） 1. （1） ① 第X章 第X节.

Kept apart from the parser so the reading window can use them without
loading the parser's other patterns at start-up.
"""
from __future__ import annotations

import re

_CN_NUM = "一二三四五六七八九十百零〇"
HEADING_PATTERNS = (
    (1, re.compile(rf"^第[{_CN_NUM}\d]+章")),
    (2, re.compile(rf"^第[{_CN_NUM}\d]+节")),
    (1, re.compile(rf"^[{_CN_NUM}]+[、.．]")),
    (2, re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]")),
    (3, re.compile(r"^\d{1,3}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,3}\s*[）)]")),
    (4, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")),
)


def heading_marker(text: str) -> tuple[int, int] | None:
    """(level, length of the marker) when the line opens with a heading number."""
    for level, rx in HEADING_PATTERNS:
        m = rx.match(text)
        if m:
            return level, m.end()
    return None
