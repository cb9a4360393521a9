"""Character-level helpers for Chinese text extracted from PDFs and web pages."""
from __future__ import annotations

import re
import unicodedata

_CJK_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
    (0x20000, 0x2FFFF), (0x30000, 0x3134F),
)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _CJK_RANGES) or ch in "〇○"


def significant(text: str) -> str:
    """The characters conservation is about: Chinese characters, letters and digits."""
    return "".join(c for c in text if c.isalnum())


# Whitespace as PDF and web extraction leave it: every Unicode space (NBSP, U+2000–U+200A,
# ideographic space, U+202F, U+205F …, all in \s) and the zero-width ones that act like it.
_WS = re.compile(r"(?:[^\S\n]|[\u200b\u200c\u200d\u2060\ufeff])+")
_FULLWIDTH_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】〔〕「」『』—…·"


def _drop_space(a: str, b: str) -> bool:
    """Is a single space between characters a and b an extraction artefact?"""
    if a in _FULLWIDTH_PUNCT or b in _FULLWIDTH_PUNCT:
        return True
    # "2025 年", "第 560 号": digits set in another font get padded by the PDF.
    if (is_cjk(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and is_cjk(b)):
        return True
    return False


def tidy(text: str) -> str:
    """Trim, collapse runs of whitespace, and drop spaces that extraction invented.

    Spaces between two Chinese characters are kept: in a body text they may be
    real separators (joint issuers "湖南省自然资源厅 湖南省住房和城乡建设厅").
    """
    text = _WS.sub(" ", text).strip()
    if " " not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and _drop_space(text[i - 1], text[i + 1]):
            continue
        out.append(ch)
    return "".join(out)


def squeeze(text: str) -> str:
    """Remove every space: for titles, names and 文号, where spaces are never meant."""
    return _WS.sub("", text)


_FOLD = str.maketrans({
    "(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕",
    "〈": "《", "〉": "》", "<": "《", ">": "》", "：": ":", "，": ",", "；": ";",
    "“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "－": "-",
})


def fold(text: str) -> str:
    """A matching key: no spaces, one bracket style, full-width forms folded (NFKC)."""
    text = unicodedata.normalize("NFKC", squeeze(text))
    return text.translate(_FOLD)


_OPENERS = {"《": "》", "（": "）", "(": ")", "〔": "〕", "[": "]", "“": "”", "【": "】", "〈": "〉", "「": "」"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def open_brackets(text: str) -> int:
    """How many brackets or quotes this text leaves open (never negative)."""
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    return depth


CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "\u041e": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; also digit-by-digit 二〇二二 → 2022."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in CN_DIGITS for c in text):
        return int("".join(str(CN_DIGITS[c]) for c in text))
    total, section, num = 0, 0, 0
    units = {"十": 10, "百": 100, "千": 1000}
    for c in text:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in units:
            section += (num or 1) * units[c]
            num = 0
        elif c == "万":
            total += (section + num) * 10000
            section, num = 0, 0
        else:
            return None
    return total + section + num
