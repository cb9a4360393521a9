"""Synthetic but valid gazette issues for the benchmark, recombined from real text.

Every generated issue is a plain text laid out like the real sample (masthead,
目录 with 文号/code/page, sections, running headers and page numbers between
pages, paragraphs cut by page breaks), so the benchmark exercises the real
parser and index. The Chinese prose is real: paragraphs and headings are drawn
from the sample issue and the 60 gov.cn documents, shuffled and recombined;
titles are built from the subjects of real titles. What varies per issue:
city (publication, issuer, 文号 prefix, code prefix), year, issue number(s),
cumulative number(s), sections, 文号 and code serials and their printed forms,
dates, and which documents have an attached plan or an interpretation.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from .core import dates, docnumber
from .core.importer import parse_file
from .core.model import ARTICLE, HEADING, LIST_ITEM, PARAGRAPH
from .core.parse import lines as L
from .corpus_paths import corpus_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sources" / "yongzhou-gazette-2022-05-06.txt"
CORPUS = corpus_dir("govcn")  # None when ../shared/corpus is absent: the sample alone then

# (city, 文号 abbreviation, code prefix). Not 永州: the real sample issue is in the library too.
CITIES = (("衡阳市", "衡", "HYCR"), ("郴州市", "郴", "CZCR"), ("株洲市", "株", "ZZCR"), ("邵阳市", "邵", "SYCR"),
          ("岳阳市", "岳", "YYCR"), ("常德市", "常", "CDCR"), ("益阳市", "益", "YIYCR"), ("娄底市", "娄", "LDCR"))
FIRST_YEAR = 2018
DEPARTMENTS = ("发展和改革委员会", "教育局", "财政局", "自然资源和规划局", "住房和城乡建设局", "交通运输局",
               "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康委员会", "应急管理局", "市场监督管理局",
               "行政审批服务局", "生态环境局", "人力资源和社会保障局", "水利局", "民政局", "司法局")
POSTS = ("发展和改革委员会副主任", "教育局副局长", "财政局局长", "供销合作联社监事长", "统计局副局长",
         "林业局局长", "医疗保障局副局长", "政府研究室副主任", "信访局局长", "机关事务管理局局长")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏"
GIVEN = "伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红玲芬燕彬鹏辉斌宇浩凯健俊帆旭宁龙林欣晨阳卫东海波"
PLAN_ENDINGS = ("方案", "计划", "办法", "规则", "预案", "清单", "规划", "措施", "细则", "规定")
PLAN_SUFFIXES = ("实施方案", "工作方案", "行动计划", "若干措施", "实施办法")
OPINION_ENDINGS = ("的实施意见", "的意见", "的决定")
ADDRESSEES = "各县市区人民政府，各管理区，{city}经济技术开发区，市人民政府各办委局、各直属机构："
NOTICE_BODIES = ("现将《{plan}》印发给你们，请认真组织实施。",
                 "《{plan}》已经市人民政府同意，现印发给你们，请认真组织实施。",
                 "现将《{plan}》印发给你们，请结合实际，认真贯彻执行。")
_SUBJECT = re.compile(r"关于(?:印发)?《?(?P<s>[^《》]+?)》?的(?:指导)?(?:通知|意见|决定|批复|复函|函|通报|报告)$")


@dataclass
class Pools:
    paragraphs: list[str]
    sentences: list[str]         # real sentences, for paragraphs recombined from several texts
    headings: list[str]          # level-1 heading phrases without their number
    subheadings: list[str]       # level-2 phrases
    subjects: list[str]          # what real titles are about
    sources: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"{len(self.paragraphs)} real paragraphs, {len(self.sentences)} real sentences, "
                f"{len(self.headings)}+{len(self.subheadings)} real headings "
                f"and {len(self.subjects)} title subjects from {len(self.sources)} source texts "
                f"(the sample issue and ../shared/corpus/govcn)")


def _usable_paragraph(t: str) -> bool:
    # Whole sentences that cannot be mistaken for a header line when re-laid out.
    return (30 <= len(t) <= 700 and t.endswith("。") and not t.startswith("附") and "\t" not in t
            and not L.starts_structure(t) and not dates.is_date_line(t) and docnumber.parse(t) is None
            and "解读" not in t[-20:])


def _usable_sentence(t: str) -> bool:
    # It may open a paragraph, so it must not look like a heading, a note or a date.
    return (12 <= len(t) <= 200 and not t.startswith(("附", "（", "(")) and not L.starts_structure(t)
            and docnumber.parse(t) is None)


def _phrase(t: str) -> str | None:
    hm = L.heading_marker(t)
    rest = t[hm[1]:].strip().rstrip("。") if hm else ""
    ok = 2 <= len(rest) <= 24 and not any(c in rest for c in "。，；：:！？,（）()《》“”")
    return rest if ok else None


def load_pools() -> Pools:
    paragraphs, sentences, headings, subheadings, subjects = set(), set(), set(), set(), set()
    files = [SAMPLE] + (sorted(CORPUS.glob("*.txt")) if CORPUS else [])
    for f in files:
        r = parse_file(f).result
        tops = list(r.documents()) if hasattr(r, "sections") else [r.document]
        for top in tops:
            for doc in top.walk():
                m = _SUBJECT.search(doc.title)
                if m and 4 <= len(m.group("s")) <= 30 and not re.search(r"[、，“”]", m.group("s")):
                    subjects.add(m.group("s"))
                for b in doc.blocks:
                    if b.kind in (PARAGRAPH, ARTICLE, LIST_ITEM):
                        if _usable_paragraph(b.text):
                            paragraphs.add(b.text)
                        sentences.update(x + "。" for x in b.text.split("。")[:-1] if 12 <= len(x) <= 200)
                    elif b.kind == HEADING and b.level in (1, 2):
                        p = _phrase(b.text)
                        if p:
                            (headings if b.level == 1 else subheadings).add(p)
    sentences = {x for x in sentences if _usable_sentence(x)}
    return Pools(sorted(paragraphs), sorted(sentences), sorted(headings), sorted(subheadings), sorted(subjects),
                 [f.name for f in files])


_CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (heading numbers)."""
    if n <= 10:
        return _CN[n - 1]
    if n < 20:
        return "十" + _CN[n - 11]
    return _CN[n // 10 - 1] + "十" + (_CN[n % 10 - 1] if n % 10 else "")


@dataclass
class PlannedDoc:
    """What the generator meant to write, to check the parse against."""
    title: str
    doc_number: str | None
    code: str | None
    has_plan: bool
    has_interpretation: bool


@dataclass
class GeneratedIssue:
    name: str
    text: str
    documents: list[PlannedDoc]

    @property
    def expected_documents(self) -> int:
        return sum(1 + d.has_plan + d.has_interpretation for d in self.documents)


class IssueWriter:
    """Lays out one issue; ``rng`` makes every choice, so a seed reproduces the text."""

    def __init__(self, pools: Pools, rng: random.Random, city: tuple[str, str, str], year: int,
                 numbers: tuple[int, ...], cumulative: tuple[int, ...], serials: dict):
        self.p, self.rng = pools, rng
        self.city, self.abbr, self.code_prefix = city
        self.year, self.numbers, self.cumulative = year, numbers, cumulative
        self.serials = serials          # per (abbr, kind, year): the next 文号 serial, shared across issues
        self.body: list[str] = []
        self.toc: list[tuple[str, str, str]] = []   # (section, title, meta)
        self.planned: list[PlannedDoc] = []
        self.page = 3
        self.section = ""

    # -- small pieces ----------------------------------------------------------
    def _name(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))

    def _serial(self, kind: str) -> int:
        key = (self.abbr, kind, self.year)
        self.serials[key] = self.serials.get(key, 0) + self.rng.randint(1, 3)
        return self.serials[key]

    def _printed_number(self, prefix: str, serial: int) -> str:
        style = self.rng.random()
        if style < 0.5:
            return f"{prefix}〔{self.year}〕{serial}号"
        if style < 0.8:
            return f"{prefix}[{self.year}]{serial} 号"
        return f"{prefix}[{self.year}] {serial}号"

    def _date(self) -> str:
        month = min(12, max(1, self.numbers[0] + self.rng.randint(-2, 0)))
        return f"{self.year}年{month}月{self.rng.randint(1, 28)}日"

    def _paragraphs(self, n: int) -> None:
        r = self.rng
        for _ in range(n):
            if r.random() < 0.5:
                text = r.choice(self.p.paragraphs)
            else:   # a new paragraph made of real sentences from different texts
                text = "".join(r.sample(self.p.sentences, r.randint(2, 4)))
            self._emit_paragraph(text)

    def _emit_paragraph(self, text: str) -> None:
        r = self.rng
        if r.random() < 0.08 and len(text) > 60:
            # A page break cuts the paragraph: the reader must join it again.
            cut = r.randint(20, len(text) - 20)
            head, tail = text[:cut], text[cut:]
            if head[-1] not in L.TERMINAL and not L.starts_structure(tail) and not tail.startswith(" "):
                self.body += [head, "", self._furniture(), "", tail, ""]
                return
        self.body += [text, ""]

    def _furniture(self) -> str:
        self.page += 1
        return self.rng.choice((self.section, f"- {self.page} -", self.section))

    def _sections_of(self, headings: int) -> None:
        r = self.rng
        for h in range(1, headings + 1):
            self.body += [f"{cn(h)}、{r.choice(self.p.headings)}", ""]
            if r.random() < 0.4:
                for k in range(1, r.randint(2, 4)):
                    self.body += [f"（{cn(k)}）{r.choice(self.p.subheadings)}", ""]
                    self._paragraphs(r.randint(1, 2))
            else:
                self._paragraphs(r.randint(1, 3))

    # -- documents -------------------------------------------------------------
    def _official(self, issuer: str, title: str, prefix: str, kind: str, code: bool) -> tuple[str, str | None]:
        serial = self._serial(kind)
        printed = self._printed_number(prefix, serial)
        code_text = None
        if code:
            office = "01" if "办" in prefix else "00"
            code_text = f"{self.code_prefix}-{self.year}-{office}{self._serial(kind + 'code'):03d}"
        shown = title if self.rng.random() < 0.7 else title.replace("关于", " 关于", 1)
        self.body += [shown, "", printed, ""]
        if code_text:
            self.body += [code_text, ""]
        self.body += [ADDRESSEES.format(city=self.city[:-1])]
        meta = " ".join(x for x in (printed, code_text) if x)
        self.toc.append((self.section, title, meta))
        return docnumber.parse(printed).normal, code_text

    def notice_with_plan(self, office: bool, plan: str, interpret: bool) -> None:
        issuer = f"{self.city}人民政府" + ("办公室" if office else "")
        prefix = f"{self.abbr}政{'办' if office else ''}发"
        title = f"{issuer}关于印发《{plan}》的通知"
        number, code = self._official(issuer, title, prefix, prefix, True)
        self.body += [self.rng.choice(NOTICE_BODIES).format(plan=plan), "", issuer, "", self._date(), ""]
        self.body += [plan, ""]
        self._paragraphs(1)
        self._sections_of(self.rng.randint(2, 5))
        if interpret:
            self.interpretation(plan)
        self.planned.append(PlannedDoc(title, number, code, True, interpret))
        self.page += self.rng.randint(3, 8)

    def interpretation(self, plan: str) -> None:
        r = self.rng
        bureau = f"{self.city}{r.choice(DEPARTMENTS)}"
        if r.random() < 0.7:
            self.body += [f"{bureau}解读《{plan}》", ""]
        else:
            self.body += [bureau, "", f"解读《{plan}》", ""]
        self._sections_of(r.randint(2, 4))

    def opinion(self, subject: str) -> None:
        issuer = f"{self.city}人民政府"
        ending = self.rng.choice(OPINION_ENDINGS)
        title = f"{issuer}关于{subject}{ending}"
        number, code = self._official(issuer, title, f"{self.abbr}政发", f"{self.abbr}政发", True)
        self._paragraphs(1)
        self._sections_of(self.rng.randint(2, 4))
        self.body += [issuer, "", self._date(), ""]
        self.planned.append(PlannedDoc(title, number, code, False, False))
        self.page += self.rng.randint(2, 5)

    def appointment(self) -> None:
        issuer = f"{self.city}人民政府"
        names = [self._name() for _ in range(self.rng.randint(1, 3))]
        title = f"{issuer}关于{names[0]}{'等' if len(names) > 1 else ''}同志正式任职的通知"
        number, _ = self._official(issuer, title, f"{self.abbr}政人", f"{self.abbr}政人", False)
        self.body += ["下列同志任职试用期已满，市人民政府同意正式任职：", ""]
        for n in names:
            self.body += [f"{n}同志任市{self.rng.choice(POSTS)}。", ""]
        self.body += ["任职时间从试用之日起计算。", "", issuer, "", self._date(), ""]
        self.planned.append(PlannedDoc(title, number, None, False, False))
        self.page += 1

    # -- the whole issue -------------------------------------------------------
    def write(self, notices: int, opinions: int, appointments: int) -> GeneratedIssue:
        r = self.rng
        subjects = r.sample(self.p.subjects, notices + opinions)
        plans = []
        for s in subjects[:notices]:
            s = s.replace("国务院", "市人民政府")
            plan = s if s.endswith(PLAN_ENDINGS) else s + r.choice(PLAN_SUFFIXES)
            if r.random() < 0.2:
                plan += f"（{self.year}—{self.year + 3}年）"
            plans.append(plan if plan.startswith(("国家", "全国")) else f"{self.city}{plan}")
        gov, office = plans[: len(plans) // 2], plans[len(plans) // 2:]
        self.section = "市政府文件"
        for plan in gov:
            self.notice_with_plan(False, plan, r.random() < 0.75)
        for s in subjects[notices:]:
            self.opinion(s)
        self.section = "市政府办文件"
        for plan in office:
            self.notice_with_plan(True, plan, r.random() < 0.6)
        if appointments:
            self.section = "人事任免"
            for _ in range(appointments):
                self.appointment()
        name = f"{self.city}-{self.year}-{'-'.join(map(str, self.numbers))}.txt"
        return GeneratedIssue(name, self._front() + "\n".join(self.body) + "\n", self.planned)

    def _front(self) -> str:
        r, city = self.rng, self.city
        n = f"{self.numbers[0]}-{self.numbers[-1]}" if len(self.numbers) > 1 else str(self.numbers[0])
        c = (f"{self.cumulative[0]}—{self.cumulative[-1]}" if len(self.cumulative) > 1
             else str(self.cumulative[0]))
        out = ["", "主 管", f"{city}人民政府办公室", "", "主 办", f"{city}人民政府研究室", "",
               "编 辑 委 员 会", "", f"顾 问:{self._name()}", "", f"主 任:{self._name()}", "",
               f"委 员:{self._name()} {self._name()}", "", f"总编辑:{self._name()}", "",
               f"{city}人民政府公报", "", "◇ 本刊刊登的文件与正式文件具有同等效力 ◇", "",
               f"{self.year} 年第 {n} 期", f"(总第 {c} 期)", "", "目 录", ""]
        page, last = 3, None
        for section, title, meta in self.toc:
            if section != last:
                out += [f"【{section}】", ""]
                last = section
            out += [*_wrap(title, r), "", f"({meta}) ({page})", ""]
            page += r.randint(2, 7)
        out += ["编辑出版", "", f"《{city}人民政府公报》", "", "编辑部", "",
                f"电话:07{r.randint(30, 39)}-{r.randint(1000000, 9999999)}", "",
                f"地址:{city}人民政府办公大楼", "", "赠阅范围", "", "全体市级领导", "", "市直各部门、单位", "", ""]
        return "\n".join(out) + "\n"


def _wrap(title: str, rng: random.Random) -> list[str]:
    """Long 目录 titles run over two lines, cut between two Chinese characters."""
    if len(title) <= 32:
        return [title]
    for cut in range(30, 12, -1):
        if "\u4e00" <= title[cut - 1] <= "\u9fff" and "\u4e00" <= title[cut] <= "\u9fff":
            return [title[:cut], title[cut:]]
    return [title]


def generate(count: int, pools: Pools, seed: int = 2022) -> list[GeneratedIssue]:
    """``count`` issues, spread over the cities; each city numbers its issues year by year."""
    rng = random.Random(seed)
    serials: dict = {}
    state = {c[0]: (FIRST_YEAR + k % 3, 1, 100 + 37 * k) for k, c in enumerate(CITIES)}
    issues = []
    for i in range(count):
        city = CITIES[i % len(CITIES)]
        year, nxt, cum = state[city[0]]
        size = 2 if rng.random() < 0.15 else 1
        if nxt + size - 1 > 12:
            year, nxt = year + 1, 1
        numbers = tuple(range(nxt, nxt + size))
        cumulative = tuple(range(cum, cum + size))
        state[city[0]] = (year, nxt + size, cum + size)
        w = IssueWriter(pools, random.Random(rng.random()), city, year, numbers, cumulative, serials)
        issues.append(w.write(notices=rng.randint(7, 9), opinions=rng.randint(1, 3),
                              appointments=rng.choice((0, 1, 1, 2))))
    return issues


def write_issues(issues: list[GeneratedIssue], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for g in issues:
        p = folder / g.name
        p.write_text(g.text, encoding="utf-8")
        paths.append(p)
    return paths
