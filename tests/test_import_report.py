"""The report shown before an import is stored: what would go in, what is odd, what is already there."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from conftest import SAMPLE
from reader.core.errors import ImportRefused
from reader.core.import_report import CHANGED, NEW, SAME, build_report
from reader.core.import_report import dry_run
from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.store.writer import LibraryWriter

APPOINTMENT = """永州市人民政府关于张卫阳同志正式任职的通知

永政人〔2022〕12号

各县市区人民政府，各管理区，永州经济技术开发区，市人民政府各办委局、各直属机构：

下列同志任职试用期已满，市人民政府同意正式任职：

张卫阳同志任市供销合作联社监事长。

永州市人民政府

2022年6月3日
"""


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def fresh(tmp_path):
    return dry_run(SAMPLE, tmp_path / "missing.db")


def test_report_of_a_new_issue_lists_what_would_be_stored(fresh, tmp_path):
    r = fresh
    assert not (tmp_path / "missing.db").exists()          # a dry run creates nothing
    assert (r.kind, r.source_kind, r.pages) == ("issue", "text", None)
    assert (r.publication, r.label, r.key) == ("永州市人民政府公报", "2022年第5-6期（总第154—155期）",
                                               "永州市人民政府公报/2022/5-6")
    assert [s.name for s in r.sections] == ["市政府文件", "市政府办文件", "人事任免"]
    tops = [d for s in r.sections for d in s.documents]
    assert [(d.doc_number, d.code, d.date, d.page, d.kind) for d in tops] == [
        ("永政发〔2022〕6号", "YZCR-2022-00004", "2022-06-13", 3, "notice"),
        ("永政办发〔2022〕8号", "YZCR-2022-01005", "2022-05-05", 10, "notice"),
        ("永政办发〔2022〕9号", "YZCR-2022-01006", "2022-05-23", 17, "notice"),
        ("永政人〔2022〕12号", None, "2022-06-03", 23, "appointment"),
    ]
    assert tops[1].doc_number_printed == "永政办发[2022] 8号"
    assert [len(d.attachments) for d in tops] == [1, 1, 1, 0]
    assert all(d.status == NEW for d in r.documents())
    assert len(list(r.documents())) == 10
    assert r.existing is None and not r.already_present


def test_report_pairs_each_interpretation_with_its_policy_and_author(fresh):
    pairs = [(p.author, p.policy_key) for p in fresh.pairings]
    assert pairs == [
        ("永州市文化旅游广电体育局", "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"),
        ("永州市自然资源和规划局", "永州市人民政府公报/2022/5-6/永政办发〔2022〕8号"),
        ("永州市行政审批服务局", "永州市人民政府公报/2022/5-6/永政办发〔2022〕9号"),
    ]
    assert fresh.pairings[1].explains == "永州市新商品房“交房即交证”改革实施方案"   # as the 解读 names it


def test_report_shows_warnings_furniture_counts_and_conservation(fresh):
    r = fresh
    assert any("永政办发[2022]6 号" in w and "永政办发〔2022〕9号" in w for w in r.warnings)
    assert any("解读所称标题与政策标题略有不同" in w for w in r.warnings)
    assert [(d.line, d.text, d.reason) for d in r.dropped] == [
        (63, "发布政令 公开政务 指导工作 服务社会", "标语"), (334, "市政府办文件", "页眉"), (443, "市政府办文件", "页眉")]
    c = r.counts
    assert (c.sections, c.documents, c.attachments, c.interpretations, c.paired, c.dropped) == (3, 4, 3, 3, 3, 3)
    assert c.warnings == len(r.warnings) and c.blocks > 200 and c.characters > 18000
    assert r.conservation.ok and r.conservation.expected == r.conservation.stored


def test_report_text_is_readable_chinese(fresh):
    text = fresh.to_text()
    for want in ("导入预览：yongzhou-gazette-2022-05-06.txt（文本）", "《永州市人民政府公报》2022年第5-6期（总第154—155期）",
                 "库中尚无此期", "【市政府办文件】", "永政办发[2022] 8号", "YZCR-2022-01006", "第17页",
                 "永州市行政审批服务局 解读《持续深化", "提示（2 条）", "标语“发布政令 公开政务 指导工作 服务社会”（第63行）",
                 "页眉“市政府办文件” ×2（第334、443行）", "字符核对通过"):
        assert want in text, want


def test_an_issue_already_in_the_library_is_reported_as_such(library_copy):
    before = _digest(library_copy)
    r = dry_run(SAMPLE, library_copy)
    assert r.already_present and r.existing.identical
    assert (r.existing.label, r.existing.source_name) == ("2022年第5-6期（总第154—155期）", SAMPLE.name)
    assert all(d.status == SAME for d in r.documents())
    assert "内容完全相同" in r.to_text()
    assert _digest(library_copy) == before


def test_a_changed_copy_says_what_would_change(library_copy, tmp_path, sample_text):
    edited = sample_text.replace("任职时间从试用之日起计算。", "任职时间从试用期满之日起计算。")
    r = dry_run(_write(tmp_path, "edited.txt", edited), library_copy)
    e = r.existing
    assert (e.same, e.changed, e.added, e.removed) == (9, 1, 0, 0) and not e.identical
    changed = [d.key for d in r.documents() if d.status == CHANGED]
    assert changed == ["永州市人民政府公报/2022/5-6/永政人〔2022〕12号"]
    assert "9 件相同，1 件有改动" in r.to_text() and "--replace" in r.to_text()


def test_an_unpaired_interpretation_is_listed_and_warned(tmp_path, sample_text):
    text = sample_text.replace("永州市行政审批服务局\n\n解读《持续深化“放管服”改革全力促进 “五好”园区建设工作方案》",
                               "永州市行政审批服务局\n\n解读《永州市城市绿化管理办法》")
    r = dry_run(_write(tmp_path, "unpaired.txt", text))
    unpaired = [p for p in r.pairings if p.policy_key is None]
    assert [(p.author, p.explains) for p in unpaired] == [("永州市行政审批服务局", "永州市城市绿化管理办法")]
    assert any("解读没有对应的政策文件" in w for w in r.warnings)
    assert r.counts.paired == 2 and r.counts.interpretations == 3
    assert "未配对" in r.to_text()


def test_skipped_page_numbers_are_reported_as_missing_pages(tmp_path, sample_text):
    lines = sample_text.split("\n")
    # Page numbers as a PDF extraction leaves them, between paragraphs; page 4 is missing.
    lines.insert(129, "— 5 —")
    lines.insert(121, "— 3 —")
    r = dry_run(_write(tmp_path, "pages.txt", "\n".join(lines)))
    assert [d.text for d in r.dropped if d.reason == "页码"] == ["— 3 —", "— 5 —"]   # as printed
    assert "页码从第3页跳到第5页：第4页可能缺失" in r.warnings
    assert any("在第23页，但正文页码只到第5页" in w for w in r.warnings)


def test_standalone_document_report_and_same_number_elsewhere(library_copy, tmp_path):
    r = dry_run(_write(tmp_path, "appointment.txt", APPOINTMENT), library_copy)
    assert r.kind == "standalone" and r.label is None and not r.already_present
    (doc,) = list(r.documents())
    assert (doc.doc_number, doc.date, doc.kind) == ("永政人〔2022〕12号", "2022-06-03", "appointment")
    assert doc.same_number == ("永州市人民政府公报/2022/5-6/永政人〔2022〕12号",)
    assert "库中另有同文号文件" in r.to_text() and "单份公文" in r.to_text()


def test_standalone_document_already_imported(tmp_path, corpus_files):
    src = next(p for p in corpus_files if p.name == "guofa-2019-004.txt")
    db = tmp_path / "s.db"
    w = LibraryWriter(db)
    store(w, parse_file(src))
    w.close()
    r = dry_run(src, db)
    assert r.already_present and r.existing.identical
    assert "内容完全相同" in r.to_text()


def test_report_accepts_an_open_library_and_refuses_like_the_importer(built_library, tmp_path):
    lib = Library(built_library)
    try:
        r = build_report(parse_file(SAMPLE), lib)
        assert r.existing.identical
    finally:
        lib.close()
    with pytest.raises(ImportRefused):
        dry_run(_write(tmp_path, "empty.txt", ""), built_library)


def test_dry_run_never_writes_to_the_library(library_copy, tmp_path, sample_text):
    ro = tmp_path / "ro"
    ro.mkdir()
    db = ro / "lib.db"
    shutil.copyfile(library_copy, db)
    before, mtime = _digest(db), db.stat().st_mtime_ns
    dry_run(_write(tmp_path, "x.txt", sample_text.replace("2022 年第 5-6 期", "2022 年第 7 期")), db)
    assert (_digest(db), db.stat().st_mtime_ns) == (before, mtime)
    assert sorted(p.name for p in ro.iterdir()) == ["lib.db"]      # no journal left behind either
