"""文号 (document numbers) and standard codes: find, parse, normalise.

Printed forms vary: 永政发[2022]6 号, 永政办发[2022] 8号, 国办发明电〔2018〕15号,
国令第707号, 湘政办发（2021）72号. The normal form follows GB/T 9704: the
year in 〔〕, the serial without 第 and leading zeros: 永政发〔2022〕6号.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SP = r"[ \t\u00a0\u3000]*"
# An issuer prefix is a short run of Chinese characters (永政办发, 国办发明电, 湘自然资发).
_PREFIX = r"[\u4e00-\u9fff]{1,12}?"
_OPEN = r"[〔\[［【（(〖﹝]"
_CLOSE = r"[〕\]］】）)〗﹞]"

BRACKETED = re.compile(
    rf"(?P<prefix>{_PREFIX}){_SP}{_OPEN}{_SP}(?P<year>(?:19|20)\d\d){_SP}{_CLOSE}{_SP}"
    rf"第?{_SP}(?P<serial>\d{{1,5}}){_SP}号"
)
# 国令第707号, 国务院令第 560 号, 湖南省政府令第307号: an order number has no year.
ORDER = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{0,12}}?令){_SP}第{_SP}(?P<serial>\d{{1,5}}){_SP}号")
# A year without brackets, as people type it into a search box: 永政发2022 6号, 永政发2022-6号.
LOOSE = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fff]{{1,12}}?){_SP}(?P<year>(?:19|20)\d\d){_SP}[-－—_/]?{_SP}"
    rf"第?{_SP}(?P<serial>\d{{1,5}}){_SP}号?$"
)
CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,8}-\d{4}-\d{3,6}(?![0-9])")


@dataclass(frozen=True)
class DocNumber:
    prefix: str
    year: int | None
    serial: int
    printed: str
    start: int = 0
    end: int = 0

    @property
    def normal(self) -> str:
        if self.year is None:
            return f"{self.prefix}第{self.serial}号"
        return f"{self.prefix}〔{self.year}〕{self.serial}号"


# Full-width digits (２０２２) read as ASCII; one character for one, so offsets stay true.
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _from_match(m: re.Match, offset: int = 0) -> DocNumber:
    year = m.groupdict().get("year")
    return DocNumber(
        prefix=m.group("prefix"),
        year=int(year) if year else None,
        serial=int(m.group("serial")),
        printed=m.group(0),
        start=m.start() + offset,
        end=m.end() + offset,
    )


# In running text the regex cannot tell where an issuer prefix begins
# ("按照湘自然资发〔2020〕37号文件"): cut the prefix after the last function word.
# 经 is left out: inside a prefix it is nearly always 经济 (渝经信发, 农经); only where it
# opens the prefix ("经湘政发〔2020〕3号批准") is it the verb.
_LEAD_WORDS = re.compile(r"^.*(?:按照|根据|依据|依照|参照|执行|转发|印发|见|即|和|及|与|或|的|对|将|由|在|于|以|了|是|等)")
_OPENING_JING = re.compile(r"^经(?=[\u4e00-\u9fff]{3})")


def _trim(d: DocNumber) -> DocNumber:
    if "中华人民共和国" in d.prefix:   # its 和 is not a function word
        prefix = d.prefix[d.prefix.index("中华人民共和国"):]
    else:
        prefix = _OPENING_JING.sub("", _LEAD_WORDS.sub("", d.prefix))
    if not prefix or prefix == d.prefix:
        return d
    cut = len(d.prefix) - len(prefix)
    return DocNumber(prefix, d.year, d.serial, d.printed[cut:], d.start + cut, d.end)


def find_all(text: str, trim: bool = True) -> list[DocNumber]:
    """Every 文号 in a text, left to right. ``trim=False`` where a field holds only numbers
    (a 题注, a 目录 entry's brackets): there "甲经信发" keeps its 经, a function word in prose."""
    original, text = text, text.translate(_DIGITS)
    cut = _trim if trim else (lambda d: d)
    found = [cut(_printed(_from_match(m), original)) for m in BRACKETED.finditer(text)]
    taken = [(d.start, d.end) for d in found]
    for m in ORDER.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(cut(_printed(_from_match(m), original)))
    return sorted(found, key=lambda d: d.start)


def parse(text: str) -> DocNumber | None:
    """The 文号 that a whole line or field consists of (ignoring spaces), or None."""
    original = text.strip()
    s = original.translate(_DIGITS)
    for pattern in (BRACKETED, ORDER):
        m = pattern.fullmatch(s)
        if m:
            return _printed(_from_match(m), original)
    return None


def _printed(d: DocNumber, original: str) -> DocNumber:
    """Keep the form as printed (full-width digits and all)."""
    return DocNumber(d.prefix, d.year, d.serial, original[d.start:d.end], d.start, d.end)


def parse_query(text: str) -> DocNumber | None:
    """Like parse(), and also accepts the bracket-less forms people type."""
    d = parse(text)
    if d:
        return d
    m = LOOSE.match(text.strip().translate(_DIGITS))
    return _from_match(m) if m else None


def normalise(text: str) -> str | None:
    d = parse(text)
    return d.normal if d else None


def find_code(text: str) -> str | None:
    m = CODE.search(text)
    return m.group(0) if m else None
