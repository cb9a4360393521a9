"""What a single line of an official document looks like."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import dates, docnumber
from ..headings import _CN_NUM, HEADING_PATTERNS, heading_marker  # noqa: F401 (re-exported)
from ..text import is_cjk, open_brackets, squeeze, tidy


@dataclass(frozen=True)
class Line:
    no: int      # 1-based line number in the source
    text: str    # tidied text (never empty)
    raw: str = ""  # as printed, only trimmed: 文号 keep their printed form


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their source line numbers."""
    out = []
    for i, raw in enumerate(text.split("\n"), 1):
        t = tidy(raw.replace("\f", " "))
        if t:
            out.append(Line(i, t, raw.strip()))
    return out


ARTICLE = re.compile(rf"^第[{_CN_NUM}\d]+条")
BULLET = re.compile(r"^[-•·●▪]\s+")
ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*(?:[:：.．、]\s*.*)?$")
NOTE = re.compile(r"^[（(](?:此件|本件|本文|此文|有删减|本刊)[^）)]*[）)]$")
PAGE_NUMBER = re.compile(r"^[—\-－–~·]\s*\d{1,4}\s*[—\-－–~·]$|^第\s*\d{1,4}\s*页$")
# Whole lines of known web furniture; "分享到" only with nothing but share targets after it,
# so that a body paragraph beginning "分享到…" is never taken for a footer.
WEB_FURNITURE = re.compile(
    r"^(?:扫一扫在手机打开当前页|(?:【?(?:打印本页|关闭窗口|我要纠错|打印|关闭|返回顶部|收藏|保存)】?\s*)+"
    r"|分享到[:：]?(?:\s*(?:微信|微博|QQ空间|QQ|朋友圈|新浪微博|腾讯微博|豆瓣|人人网|好友))*)$")
# What a web page prints above a document: where it sits, when and from where it was posted.
WEB_HEADER = re.compile(
    r"^(?:当前位置[:：].{0,60}|(?:首页|网站首页)\s*[>＞»›].{0,80}|【?字体[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?】?"
    r"|(?:发布|发文|更新)(?:时间|日期)[:：]\s*[\d\-/年月日 :：]{6,30}(?:\s*(?:来源|浏览次数|访问量)[:：].{0,30})*"
    r"|来源[:：]\s*\S{2,30})$")
# Link lines a web page prints under a document: kept as notes, never as body text.
WEB_NOTE = re.compile(r"^(?:(?:文件|附件|相关)下载[:：].*|(?:相关|政策|图文|文字)?解读[:：]\s*[《〈].+[》〉][^。；]{0,12})$")
_SENTENCE_PUNCT = "。；！？"
# Where a line may end a paragraph. "”" and "》" are missing on purpose: a line
# ending there is, in these texts, nearly always cut by a page break.
TERMINAL = "。！？；：:;!?…）)〕]】」』"


def heading_level(text: str) -> int | None:
    """The level when the whole line is a heading: a marker and a short phrase,
    at most one sentence (“（一）文件起草依据。” yes; “1.测绘流程。在房屋…” no)."""
    hm = heading_marker(text)
    if not hm:
        return None
    rest = text[hm[1]:].strip()
    limit = 60
    if rest.endswith("。"):
        # A closing full stop is allowed on a short lead phrase ("（一）起草依据。"),
        # not on a sentence, nor on a numbered list item ("4.个人从事…的所得。").
        rest, limit = rest[:-1], 30
        if "，" in rest or "," in rest or hm[0] > 2:
            return None
    if not rest or len(rest) > limit or any(c in rest for c in _SENTENCE_PUNCT + "：:"):
        return None
    if open_brackets(rest):
        return None  # cut by a page break: the rest follows on the next line
    return hm[0]


def starts_structure(text: str) -> bool:
    """Lines that always begin a new block."""
    return bool(
        heading_marker(text) or ARTICLE.match(text) or BULLET.match(text) or "\t" in text
        or ATTACHMENT.match(text) or NOTE.match(text) or dates.is_date_line(text)
    )


def signed_date(text: str) -> bool:
    """Signature and 成文日期 on one line: "××市财政局　　2024年11月28日", or the date alone
    in brackets: "（2024年11月28日）"."""
    text = text.strip()
    if text[:1] in "（(" and text[-1:] in "）)" and dates.is_date_line(text[1:-1]):
        return True
    m = next((m for m in dates.DATE.finditer(text) if m.end() == len(text)), None)
    if not m or m.start() == 0 or not dates.is_date_line(m.group(0)):
        return False
    sig = text[:m.start()].strip()
    parts = [p for p in re.split(r"[ 、]+", sig) if p]
    return bool(parts) and len(sig) <= 60 and all(is_org_name(p) for p in parts)


def is_doc_number_line(text: str) -> bool:
    return docnumber.parse(text) is not None


def is_code_line(text: str) -> bool:
    return bool(docnumber.CODE.fullmatch(text.strip()))


_ORG_END = "厅局部委院府会署行社办室处所站中心组司"
ORG_END = _ORG_END


def looks_like_name(text: str, limit: int = 30) -> bool:
    """A short line with no sentence punctuation: a signature, an issuer, a bureau."""
    return 0 < len(text) <= limit and not any(c in text for c in "。，；：:,;！？、“”《》")


def is_org_name(text: str) -> bool:
    return looks_like_name(text) and text.rstrip().endswith(tuple(_ORG_END)) and " " not in text.strip()


def is_issuer_line(text: str) -> bool:
    """One issuer or several (joint issuers separated by spaces or 、): 中共永州市委 永州市人民政府."""
    parts = [p for p in re.split(r"[ 、]+", text.strip()) if p]
    return bool(parts) and len(text) <= 60 and all(is_org_name(p) for p in parts)


def title_text(text: str) -> str:
    """A title as printed, minus the spaces that line-wrapping put into it.

    A space is kept only between joint issuers ("湖南省自然资源厅 湖南省住房和
    城乡建设厅关于…"), that is, when it follows an agency name before "关于".
    """
    text = tidy(text)
    out = []
    for i, ch in enumerate(text):
        if ch == " ":
            before, after = text[:i], text[i + 1:]
            if (before.endswith(tuple(_ORG_END)) and "关于" in after and not after.startswith("关于")
                    and "关于" not in before):
                out.append(ch)
            continue
        out.append(ch)
    return "".join(out)


def looks_like_title(text: str) -> bool:
    """A line that could be (part of) a document title: short-ish, no sentence inside."""
    if len(text) > 80 or heading_marker(text) or starts_structure(text):
        return False
    return not any(c in text for c in "。；：:！？")


def is_cjk_text(text: str) -> bool:
    return any(is_cjk(c) for c in text)


__all__ = [
    "Line", "split_lines", "signed_date", "heading_marker", "heading_level", "starts_structure",
    "is_doc_number_line", "is_code_line", "looks_like_name", "is_org_name", "title_text",
    "looks_like_title", "squeeze", "TERMINAL", "WEB_FURNITURE", "WEB_HEADER", "WEB_NOTE", "ARTICLE", "BULLET", "ATTACHMENT", "NOTE",
]
