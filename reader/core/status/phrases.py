"""What a document says about its own force: the phrases, read sentence by sentence.

Each rule reads one sentence and yields a ``Fact``: when the text takes effect
(施行), for how long (有效期 N年 / N个月, 试行期), until when (有效期至…), and
which other texts it repeals (废止, 宣布失效), amends (修订, 修改), rests on (根据《…》),
forwards (转发) or confirms (继续有效 lists). Dates are never guessed: a relative
start ("自印发之日起施行") stays relative here and is anchored by ``compute``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import dates, docnumber
from ..text import cn_number, fold

_NUM = r"[0-9０-９]+|[〇○零一二三四五六七八九十百两]+"
_DATE = re.sub(r"\?P<\w+>", "?:", dates.DATE.pattern)   # no named groups: used twice in one pattern
_ACT = r"(?:施行|实施|执行|试行|生效)"
_SP = r"[ \t\u00a0\u3000]*"

# 自2022年6月1日起施行 / 自2024年12月1日零时起施行 / 本细则自2020年7月3日起正式实施 / 从…起执行
START_ABS = re.compile(
    rf"(?:自|从|于)?{_SP}(?P<date>{_DATE}){_SP}(?:零时|0时|起零时)?{_SP}(?:起|开始)?{_SP}(?:正式)?{_ACT}")
# 自印发之日起施行 / 自发布之日起30日后施行 / 自公布之日起三十日后施行 / 自印发日起施行 / 从发布之日起施行
START_REL = re.compile(
    rf"(?:自|从){_SP}(?:本[\u4e00-\u9fff]{{1,6}}?)?(?P<event>印发|发布|公布|颁布|下发|发文|公告|签发){_SP}(?:之)?日"
    rf"{_SP}(?:起)?{_SP}(?:(?P<n>{_NUM}){_SP}(?:日|天)后)?{_SP}(?:起)?{_SP}(?:正式)?{_ACT}")
# 有效期至2025年6月30日 / 有效期为2021年1月1日至2025年12月31日 / 有效期至2025年底
UNTIL = re.compile(
    rf"有效期(?:限)?(?:为|是)?{_SP}(?:自?{_SP}(?P<from>{_DATE}){_SP}(?:起)?)?{_SP}(?:至|到|截至|截止到?){_SP}"
    rf"(?:(?P<until>{_DATE})|(?P<year>\d{{4}}|[〇○零一二三四五六七八九]{{4}}){_SP}年{_SP}(?:底|末|12月底|十二月底))")
# …起施行，至2025年12月31日止 / …起施行，2027年5月31日废止 (only in a sentence that also states the start)
UNTIL_AFTER_START = re.compile(
    rf"(?:(?:至|到|截至){_SP}(?P<until>{_DATE}){_SP}(?:止|废止|失效|结束)|[，,]{_SP}(?P<end>{_DATE}){_SP}(?:废止|失效|停止执行))")
# 有效期为五年，自2022年6月1日起至2027年5月31日止
RANGE = re.compile(rf"自{_SP}(?P<from>{_DATE}){_SP}起?{_SP}(?:至|到){_SP}(?P<until>{_DATE}){_SP}止?")
# 有效期5年 / 有效期为两年 / 有效期三个月 / 试行期一年 / 试行两年 / 暂行二年
PERIOD = re.compile(
    rf"(?:(?:有效期|试行期|暂行期|实施期|执行期)(?:限)?(?:为|是)?|(?<![期行])(?:试行|暂行)){_SP}"
    rf"(?P<n>{_NUM}){_SP}(?P<unit>年|个月|个自然月)(?!度)")

# The subject of a 有效期 sentence must be the text itself, not a licence, a platform or a qualification
# named in it ("中试平台有效期为三年", "保险补偿资格…有效期5年").
_SELF_SUBJECT = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+条)?[\s、，,]*(?:本[\u4e00-\u9fff《》]{1,12}?)?[\s，,]*$")
_LAST_NUMBER = re.compile(r"第[一二三四五六七八九十百零〇\d]+条|^[\s\u3000]*[一二三四五六七八九十百]+、|^[\s\u3000]*[（(][一二三四五六七八九十\d]+[）)]")
_ARTICLE_HEAD = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条[\s\u3000]*")

_QUOTED = re.compile(r"《([^《》]{2,120})》")
_BASIS_LEAD = re.compile(r"^[\s\u3000]*(?:为了?[^，]{0,30}?)?(?:根据|依据|依照|按照|遵照)")
# "已根据新发布的《国务院工作规则》和《…》进行了修订": the texts after 根据 are the basis, not the target.
_BASIS_RUN = re.compile(r"(?:根据|依据|依照|按照|参照)(?:新发布的|新修订的|最新的)?"
                        r"(?:《[^《》]+》(?:[（(][^（）()]{0,40}[）)])?[、和及与]?)+")
_REPEAL_WORDS = re.compile(r"同时废止|予以废止|决定废止|废止|宣布失效|同时失效|予以失效|停止执行|不再执行|自行失效")
# Done, not planned: "已…进行了修订", not "正在对《规划》进行修订".
_AMEND_SENT = re.compile(r"修订后的|修改后的|进行了修订|进行了修改|作如下修改|作如下修订|修改如下|修正如下")
# A provision named inside a text: "《…》中关于…", "《…》第五条", "《…》的有关规定".
_PARTIAL = re.compile(r"《[^《》]+》(?:[（(][^（）()]{0,40}[）)])?"
                      r"(?=中|第[一二三四五六七八九十百零〇\d]+[条款项章]|的(?:有关|相关)?(?:规定|条款|内容))")
_FORWARD_SENT = re.compile(r"现将(?P<t>《[^《》]+》)(?:[（(][^（）()]{0,40}[）)])?(?:转发|印转)")
_TITLE_AMEND = re.compile(r"关于(?:修改|修订|修正)(?P<t>.+?)的(?:决定|通知|批复|公告)$")
_TITLE_REPEAL = re.compile(r"关于(?:宣布)?(?:废止|失效)|关于宣布.+失效|废止.*(?:目录|清单|决定)|宣布失效")
_TITLE_REPEAL_ONE = re.compile(r"关于(?:宣布(?:废止)?|废止)(?P<t>《.+》(?:[（(][^（）()]{0,40}[）)])?)(?:等[^的]{0,10})?(?:失效|的)")
_TITLE_FORWARD = re.compile(r"转发(?P<t>.+?)(?:的通知)?$")
_LIST_REPEALED = re.compile(r"(?:废止|失效|宣布失效)的.*(?:目录|清单|名单)|(?:废止|失效).*(?:文件)?(?:目录|清单)$")
_LIST_ANY = re.compile(r"(?:目录|清单|名单)$")
_LIST_CONFIRMED = re.compile(r"继续有效.*(?:目录|清单|名单)")
# 文号 prefixes glued to a title in a flattened table row: "…的通知渝人社发〔2014〕30号"
_GENRE_HEAD = re.compile(r"^.*?(?:通知|办法|规定|意见|决定|细则|方案|批复|公告|通告|目录|清单|标准|规则|条例|计划|纲要|函|规划|指引|措施)"
                         r"(?=[\u4e00-\u9fff]{1,8}$)")
_MIXED_ZERO = re.compile(r"(?<=[一二三四五六七八九〇○零])0|0(?=[一二三四五六七八九〇○零])")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_LIST_SERIAL = re.compile(r"^[\s\u3000]*(?:[\u4e00-\u9fff、和与及]{0,20}?)?\d{1,3}(?=[\u4e00-\u9fff《])")


@dataclass(frozen=True)
class Target:
    """A text named by another: by title (folded) and/or 文号 (normal form)."""
    title: str | None = None
    number: str | None = None
    printed: str = ""

    def label(self) -> str:
        if self.title and self.number:
            return f"《{self.printed or self.title}》（{self.number}）"
        return f"《{self.printed or self.title}》" if self.title else (self.number or "")


@dataclass(frozen=True)
class Fact:
    """One statement of a text, with where it says it."""
    kind: str              # start | period | until | repeal | amend | basis | forward | confirm
    block: int
    text: str              # the sentence
    date: str | None = None        # start / until: ISO date; start "relative" leaves it None
    event: str | None = None       # relative start: 印发 / 发布 / 公布 …
    days: int = 0                  # relative start: N日后
    months: int = 0                # period, in months
    how: str = ""                  # repeal: 废止 or 失效
    targets: tuple[Target, ...] = field(default=())


def number(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return cn_number(text)


def sentences(text: str):
    """(start offset, sentence) for each sentence of a block."""
    for m in _SENTENCE.finditer(text):
        s = m.group(0)
        if s.strip():
            yield m.start(), s


def _iso(printed: str) -> str | None:
    got = dates.parse(printed)
    return got[0] if got else None


def _about_self(prefix: str) -> bool:
    """Is the text before a phrase ("第十九条　本细则", "") the document itself?"""
    clause = re.split(r"[，,；;：:]", prefix)[-1]
    # A run-on line ("…负责解释  第二十六条　本办法") or a numbered item ("九十三、本规则"): from the last number on.
    clause = _LAST_NUMBER.split(clause)[-1]
    if "》" in clause and "本《" not in clause:
        return False
    return bool(_SELF_SUBJECT.match(clause.strip()))


def _self_sentence(prefix: str) -> bool:
    """A 有效期 of the text itself: nothing but "第N条 本办法" (or "五、本通告") before it in its sentence."""
    prefix = _LAST_NUMBER.split(prefix.strip())[-1]
    return bool(_SELF_SUBJECT.match(_ARTICLE_HEAD.sub("", prefix.strip()).strip()))


def _clauses(sentence: str) -> list[str]:
    return [c for c in re.split(r"(?<=[，；：,;:])", sentence) if c]


def _fix_number(d, text: str = "") -> tuple[str, int]:
    """The normal 文号, with a title's last word cut off a glued prefix ("通知渝人社发" → "渝人社发"),
    and a prefix cut at a "function word" restored inside brackets ("（渝经信发〔2023〕49号）")."""
    prefix = _GENRE_HEAD.sub("", d.prefix) if len(d.prefix) > 4 else d.prefix
    start = d.start
    m = re.search(r"[（(]([\u4e00-\u9fff]{1,6})$", text[:d.start])
    if m:
        prefix, start = m.group(1) + prefix, m.start(1)
    if d.year is None:
        return f"{prefix}第{d.serial}号", start
    return f"{prefix}〔{d.year}〕{d.serial}号", start


def targets_in(text: str, own_number: str | None = None) -> tuple[Target, ...]:
    """Every 《title》 and 文号 of a passage; a 文号 right after a title (in brackets) goes with it."""
    found: list[Target] = []
    numbers = [(start, d.end, n) for d in docnumber.find_all(text) for n, start in [_fix_number(d, text)]]
    used: set[int] = set()
    for m in _QUOTED.finditer(text):
        title = m.group(1)
        if re.search(r"[\u4e00-\u9fff]", title) is None:
            continue
        after = text[m.end():m.end() + 4]
        num = None
        for i, (s, e, n) in enumerate(numbers):
            if 0 <= s - m.end() <= 2 and after[:1] in "（(":
                num, _ = n, used.add(i)
                break
        found.append(Target(fold(title), num if num != own_number else None, title))
    for i, (s, e, n) in enumerate(numbers):
        if i not in used and n != own_number:
            found.append(Target(None, n, ""))
    return tuple(dict.fromkeys(found))      # the same text named twice in a sentence counts once


def _list_rows(text: str, own_number: str | None) -> list[tuple[Target, str]]:
    """Rows of a list of documents, often flattened into one block: "1…的通知渝人社发〔2014〕30号2…".
    Each row gives a target (title and 文号) and its own text, the evidence."""
    out: list[tuple[Target, str]] = []
    last = 0
    for d in docnumber.find_all(text):
        normal = _fix_number(d)[0]
        cut = len(d.prefix) - len(_GENRE_HEAD.sub("", d.prefix)) if len(d.prefix) > 4 else 0
        segment = _LIST_SERIAL.sub("", text[last:d.start + cut]).strip(" \t\u3000、，,;；")
        row = text[last:d.end].strip()
        last = d.end
        title = segment if len(segment) >= 6 and re.search(r"[\u4e00-\u9fff]{4}", segment) else None
        if normal != own_number:
            out.append((Target(fold(title) if title else None, normal, title or ""), _LIST_SERIAL.sub("", row)))
    for t in targets_in(text[last:], own_number):
        out.append((t, text[last:].strip()))
    if not out and len(text.strip()) >= 6:   # a row that is nothing but a title
        title = _LIST_SERIAL.sub("", text).strip()
        if re.search(r"(?:通知|办法|规定|意见|决定|细则|方案|规则|条例|标准)$", title):
            out.append((Target(fold(title), None, title), text.strip()))
    return out


def _start_fact(bi: int, sent: str) -> list[Fact]:
    out: list[Fact] = []
    for m in START_ABS.finditer(sent):
        if _about_self(sent[:m.start()]):
            out.append(Fact("start", bi, sent, date=_iso(m.group("date"))))
    for m in START_REL.finditer(sent):
        if _about_self(sent[:m.start()]):
            out.append(Fact("start", bi, sent, event=m.group("event"),
                            days=number(m.group("n")) or 0 if m.group("n") else 0))
    return out


def _period_until(bi: int, sent: str, has_start: bool) -> list[Fact]:
    out: list[Fact] = []
    for m in UNTIL.finditer(sent):
        if not (has_start or _self_sentence(sent[:m.start()])):
            continue
        if m.group("until"):
            until = _iso(m.group("until"))
        else:
            y = number(m.group("year"))
            until = f"{y:04d}-12-31" if y else None
        if until:
            out.append(Fact("until", bi, sent, date=until))
        if m.group("from"):
            out.append(Fact("start", bi, sent, date=_iso(m.group("from"))))
    if has_start and not out:
        for m in UNTIL_AFTER_START.finditer(sent):
            until = _iso(m.group("until") or m.group("end"))
            if until:
                out.append(Fact("until", bi, sent, date=until))
    if not out and "有效期" in sent and _self_sentence(sent[:sent.index("有效期")]):
        for m in RANGE.finditer(sent):
            start, until = _iso(m.group("from")), _iso(m.group("until"))
            if start and until:
                out += [Fact("start", bi, sent, date=start), Fact("until", bi, sent, date=until)]
    for m in PERIOD.finditer(sent):
        if not (has_start or _self_sentence(sent[:m.start()])):
            continue
        n = number(m.group("n"))
        if n:
            months = n * 12 if m.group("unit") == "年" else n
            out.append(Fact("period", bi, sent, months=months))
    return out


def _relation_facts(bi: int, sent: str, own_number: str | None) -> list[Fact]:
    out: list[Fact] = []
    clauses = _clauses(sent)
    basis = [c for c in clauses if _BASIS_LEAD.match(c)]
    rest = _BASIS_RUN.sub("", "".join(c for c in clauses if not _BASIS_LEAD.match(c)))
    for c in basis:
        ts = targets_in(c, own_number)
        if ts:
            out.append(Fact("basis", bi, sent, targets=ts))
    rw = _REPEAL_WORDS.search(rest)
    if rw:
        ts = _repeal_targets(rest, own_number)
        if ts:
            out.append(Fact("repeal", bi, sent, how="失效" if "失效" in rest else "废止", targets=ts))
            return out
    if _AMEND_SENT.search(rest):
        ts = targets_in(rest, own_number)
        if ts:
            out.append(Fact("amend", bi, sent, targets=ts))
            return out
    m = _FORWARD_SENT.search(rest)
    if m:
        ts = targets_in(rest[m.start():], own_number)
        if ts:
            out.append(Fact("forward", bi, sent, targets=ts[:1]))
    return out


def _repeal_targets(rest: str, own_number: str | None) -> tuple[Target, ...]:
    """The texts a repeal sentence ends: those in the clause that says 废止/失效, else in the nearest clause
    before it ("原《…》（…号）经研究，决定宣布失效"). A provision of a text ("不再执行《…》中关于…的规定") is not the text."""
    clauses = _clauses(rest)
    at = next(i for i, c in enumerate(clauses) if _REPEAL_WORDS.search(c))
    if targets_in(clauses[at], own_number):         # it names texts: only those, and whole texts only
        return targets_in(_PARTIAL.sub("", clauses[at]), own_number)
    for c in reversed(clauses[:at]):
        ts = targets_in(_PARTIAL.sub("", c), own_number)
        if ts:
            return ts
    return ()


def _from_title(title: str, own_number: str | None) -> list[Fact]:
    """关于修改《…》的决定, 关于修订…的通知, …转发…的通知: the title names the other text."""
    out: list[Fact] = []
    if not title:
        return out
    m = _TITLE_AMEND.search(title)
    if m:
        inner = m.group("t")
        ts = targets_in(inner, own_number) or (Target(fold(inner), None, inner),)
        out.append(Fact("amend", 0, title, targets=ts))
    m = _TITLE_REPEAL_ONE.search(title)       # 关于宣布《X》失效的通知 / 关于废止《X》的决定
    if m:
        ts = targets_in(m.group("t"), own_number)
        if ts:
            out.append(Fact("repeal", 0, title, how="失效" if "失效" in title else "废止", targets=ts))
    m = _TITLE_FORWARD.search(title)
    if m and not title.startswith("关于印发"):
        inner = m.group("t").strip("《》")
        if len(inner) >= 6:
            out.append(Fact("forward", 0, title, targets=(Target(fold(inner), None, inner),)))
    return out


def is_repeal_notice(title: str) -> bool:
    return bool(title and _TITLE_REPEAL.search(title))


def read(title: str, blocks, own_number: str | None = None, in_repeal_notice: bool = False) -> tuple[Fact, ...]:
    """Every fact a document's text states. ``blocks``: (index, kind, text) of the blocks to read;
    ``in_repeal_notice``: an attachment of a 废止 notice (its lists are repealed texts)."""
    facts: list[Fact] = list(_from_title(title, own_number))
    repeal_notice = is_repeal_notice(title)
    in_list = "repeal"
    list_kind = None
    if title and _LIST_CONFIRMED.search(title):
        list_kind = "confirm"
    elif title and (_LIST_REPEALED.search(title) or (in_repeal_notice and _LIST_ANY.search(title))):
        list_kind = "repeal"
    for bi, kind, text in blocks:
        if kind in ("title", "doc_number", "code", "signature", "date", "addressees"):
            continue
        if list_kind and kind not in ("attachment_note",) and not text.startswith(("（共", "(共")):
            for t, row in _list_rows(text, own_number):
                facts.append(Fact(list_kind, bi, row, how="失效" if "失效" in title else "废止", targets=(t,)))
            continue
        said = len(facts)
        for _off, printed in sentences(text):
            # Dates typed with a digit zero among Chinese numerals (二00二年八月): read as 〇, same length.
            sent = _MIXED_ZERO.sub("〇", printed) if "0" in printed else printed
            found: list[Fact] = []
            # Cheap tests first: most sentences of a policy say none of this.
            starts = _start_fact(bi, sent) if ("起" in sent or "日后" in sent or "时" in sent) else []
            found += starts
            if "期" in sent or "行" in sent or "至" in sent:
                found += _period_until(bi, sent, bool(starts))
            if "《" in sent or "号" in sent:
                found += _relation_facts(bi, sent, own_number)
            facts += [replace(f, text=printed) if f.text == sent != printed else f for f in found]
        if repeal_notice:
            # A 废止 notice lists its targets in items of their own ("一、《…》（…号）"); a 继续有效 part
            # lists the texts it keeps.
            if "继续有效" in text:
                in_list = "confirm"
            elif _REPEAL_WORDS.search(text):
                in_list = "repeal"
            elif len(facts) == said and not _BASIS_LEAD.match(text):
                ts = targets_in(_BASIS_RUN.sub("", text), own_number)
                if ts:
                    facts.append(Fact(in_list, bi, text.strip()[:200], how="失效" if "失效" in title else "废止",
                                      targets=ts))
    return tuple(facts)
