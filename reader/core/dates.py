"""成文日期 in Arabic (2022年6月13日, 2019年01月24日) or Chinese numerals (二〇〇六年十二月三十日, 二00二年八月二十九日)."""
from __future__ import annotations

import datetime as _dt
import re

# Zero is printed 〇, ○, 零, Latin O, full-width Ｏ, Cyrillic О or an ASCII 0 ("二00二年").
_CN = "〇○零OＯ\u041e0一二三四五六七八九十两"
_SP = r"[ \t\u00a0\u3000]*"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}]{{4}}){_SP}年{_SP}(?P<m>\d{{1,2}}|[{_CN}]{{1,3}}){_SP}月{_SP}"
    rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}}){_SP}日"
)


def _num(s: str) -> int | None:
    from .text import cn_number
    return cn_number(s)


def parse(text: str) -> tuple[str, str] | None:
    """(ISO date, printed form) for the first valid date in text, or None."""
    for m in DATE.finditer(text):
        y, mo, d = _num(m.group("y")), _num(m.group("m")), _num(m.group("d"))
        if None in (y, mo, d):
            continue
        try:
            return _dt.date(y, mo, d).isoformat(), m.group(0)
        except ValueError:
            continue
    return None


def is_date_line(text: str) -> bool:
    """A line that is nothing but a date (the 成文日期 under a signature)."""
    m = DATE.fullmatch(text.strip())
    return bool(m) and parse(m.group(0)) is not None


_NUMERIC = re.compile(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$")


def parse_field(text: str) -> tuple[str, str] | None:
    """A date as a web page's metadata gives it: 2024年11月6日, or 2024-11-06 / 2024.11.06."""
    got = parse(text)
    if got:
        return got
    m = _NUMERIC.match(text or "")
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat(), text.strip()
    except ValueError:
        return None
