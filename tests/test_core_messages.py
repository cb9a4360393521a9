"""The core's message catalogue: every message in both languages with the same parameters,
Chinese exactly as before, English with plural forms, stored Chinese text read back."""
from __future__ import annotations

import pickle
import re

import pytest

from reader.core.catalogue import CATALOGUE
from reader.core.messages import EN, ZH, Msg, fields, parse, render

IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")
FULLWIDTH_PUNCTUATION = re.compile(r"[，。：；（）、！？【】〔〕]")


def _specs(template: str) -> dict[str, set[str]]:
    return {name: {s for s in specs if "|" not in s} for name, specs in fields(template).items()}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_placeholders(code):
    zh, en = CATALOGUE[code]
    assert zh.strip() and en.strip()
    assert set(fields(zh)) == set(fields(en)), code
    zh_specs, en_specs = _specs(zh), _specs(en)
    for name, specs in en_specs.items():
        assert specs <= zh_specs[name] | {""}, (code, name)      # a field's kind is the Chinese template's
    assert not any("|" in s for specs in fields(zh).values() for s in specs), code   # plural forms: English only
    for name, specs in fields(en).items():      # a plural form's count is a number in Chinese too
        if any("|" in s for s in specs):
            assert zh_specs[name] <= {""}, (code, name)


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_english_templates_have_no_chinese(code):
    en = CATALOGUE[code][1]
    assert not IDEOGRAPH.search(en), (code, en)
    assert not FULLWIDTH_PUNCTUATION.search(en.replace("《", "").replace("》", "")), (code, en)


def _sample(code: str) -> dict:
    """Parameters for a template: document text where it is a name, numbers where counted."""
    zh, en = CATALOGUE[code]
    out = {}
    for name, specs in fields(zh).items():
        spec = next(iter(specs))
        counted = any("|" in s for s in fields(en).get(name, ()))
        if spec == "date":
            out[name] = "2022-06-13"
        elif spec == "dates":
            out[name] = ("2021-03-01", "2022-06-13")
        elif spec == "list":
            out[name] = ("甲.txt", "乙.txt")
        elif spec == "items":
            out[name] = (Msg("glyph.char", char="𰻝", code="U+30EDD", where=(Msg("glyph.where_title"),)),)
        elif spec == "msg":
            out[name] = Msg("word.no_number")
        else:
            out[name] = 2 if counted else f"某{name}甲"
    return out


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_a_message_reads_back_from_its_chinese_text(code):
    """Stored Chinese (a warning kept in the library, an error passed on as text) is given in
    English like the message itself."""
    msg = Msg(code, **_sample(code))
    english = render(msg, EN)
    assert render(msg, ZH) == str(msg)
    found = parse(str(msg))
    zh = CATALOGUE[code][0]
    # (two fields side by side cannot be told apart: such messages are made, never stored)
    readable = len(IDEOGRAPH.findall(re.sub(r"\{[^{}]*\}", "", zh))) >= 2 and "}{" not in zh
    if readable:
        assert found is not None, code
        assert render(str(msg), EN) == english, code
    # English carries no Chinese but the parameters' document text
    shown = english
    for v in _sample(code).values():
        for x in (v if isinstance(v, tuple) else (v,)):
            if not isinstance(x, Msg):
                shown = shown.replace(str(x), "")
    assert not IDEOGRAPH.search(shown), (code, english)


def test_chinese_is_what_the_core_printed_before():
    assert str(Msg("note.paired_loosely", named="甲方案", exact="甲实施方案", score="0.98")) == \
        "解读所称标题与政策标题略有不同：解读作《甲方案》，政策为《甲实施方案》（相似度 0.98），已配对"
    assert str(Msg("note.page_gap", a=3, b=6, missing=Msg("word.pages", first=4, last=5))) == \
        "页码从第3页跳到第6页：第4—5页可能缺失"
    assert str(Msg("status.starts_differ", dates=("2021-03-01", "2022-06-13"))) == \
        "施行日期不一致：2021年3月1日、2022年6月13日"
    assert str(Msg("import.summary_document", title="某办法", number=Msg("word.no_number"))) == "《某办法》（无文号）"


def test_english_counts_use_plural_forms():
    def summary(n):
        return render(Msg("import.summary_issue", publication="某公报", label="2022年第1期", sections=n,
                          documents=n, notes=n), EN)
    assert summary(1).endswith(": 1 section, 1 document, 1 note")
    assert summary(2).endswith(": 2 sections, 2 documents, 2 notes")
    assert render(Msg("bookmarks.exported", n=1, file="a.json", format="json"), EN) == "Exported 1 bookmark to a.json (json)"
    assert render(Msg("bookmarks.exported", n=2, file="a.json", format="json"), EN) == "Exported 2 bookmarks to a.json (json)"
    assert render(Msg("bookmarks.exported", n=0, file="a.json", format="json"), EN).startswith("Exported 0 bookmarks")


def test_document_text_is_never_translated():
    for text in ("永州市人民政府关于印发《永州市全民健身实施计划(2022—2025年)》的通知", "永政发〔2022〕6号",
                 "2022年第5-6期（总第154—155期）", "市政府决定废止《某市道路管理办法》（某政发〔2018〕3号）。", ""):
        assert render(text, EN) == text
    # a title quoted in a message stays as it is
    assert render(Msg("note.doc_no_date", title="某市人民政府关于废止的通知"), EN) == "《某市人民政府关于废止的通知》: no date found"


def test_nested_messages_and_lists_are_read_back():
    stored = ("《某计划》无字体可显示的字 2 个：𰻝（U+30EDD，标题、第3段）；𱍐（U+31350，第1段、第2段、第3段等）")
    assert render(stored, EN) == ("《某计划》: 2 characters no font can show: 𰻝 (U+30EDD, title, paragraph 3); "
                                  "𱍐 (U+31350, paragraph 1, paragraph 2, paragraph 3 and more)")
    assert render("文件不完整：在第50行中断，最后一段“…会议确”没有结束", EN) == \
        "The file is incomplete: it breaks off at line 50; the last paragraph “…会议确” does not end"
    assert render("已废止", EN) == "repealed" and render("被废止", EN) == "repealed by"


def test_a_message_survives_pickling_and_exceptions():
    from reader.core.errors import ImportRefused
    m = Msg("refuse.pdf_pages", n=900, limit=800)
    again = pickle.loads(pickle.dumps(m))
    assert again == m and again.code == m.code and again.params == m.params
    e = ImportRefused(m)
    assert str(e) == "PDF 有 900 页，超出上限 800 页：一期公报不会这么长"
    assert render(str(e), EN) == "The PDF has 900 pages, over the limit of 800: no issue is that long"
