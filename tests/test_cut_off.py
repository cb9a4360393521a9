"""Issue 13, items 1 and 4: a cut-off text never imports as complete, whatever metadata
it carries; a replace by a shorter text is said; furniture is whole known lines at the
edges, never a body paragraph."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import dates
from reader.core.errors import ImportRefused
from reader.core.parse.lines import is_issuer_line
from reader.core.text import tidy
from reader.core.parse.standalone import parse_standalone
from tests.conftest import run_cli


def _warned_or_refused(text: str) -> bool:
    try:
        item = parse_standalone(text, "cut.txt")
    except ImportRefused:
        return True
    return any("不完整" in w for w in item.warnings)


def _points(text: str):
    """Cut points inside the document proper: anywhere between the end of the page's
    metadata and the 成文日期, and inside any paragraph of running text after it
    (a long line with a comma, after a line that ends a sentence), not right after a
    sentence end, nor where the piece left reads as an organ's name (a signature printed
    without a date). (Where a table flattened to one cell per line is cut, or a text cut
    between two paragraphs, cannot be told from the text alone.)"""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)
    meta_end = max(i for i, ln in enumerate(lines[:12]) if "主 题 词" in ln) + 1
    date = next(i for i, ln in enumerate(lines) if i > meta_end and dates.is_date_line(ln.strip()))
    before = list(range(starts[meta_end + 1], starts[date] + 3))
    prev_sentence = [i for i in range(date + 1, len(lines))
                     if len(lines[i].strip()) >= 30 and "，" in lines[i]
                     and next((p for p in reversed(lines[:i]) if p.strip()), "").rstrip()[-1:] in "。；"]
    # (A cut right after "。" leaves a finished sentence: a closing as good as any.)
    inside = [starts[i] + k for i in prev_sentence for k in range(10, len(lines[i]) - 2)
              if lines[i][k - 1] not in "。！？" and not is_issuer_line(tidy(lines[i][:k]))]
    return before, inside


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_cuts_of_govcn_documents_are_never_silently_complete(corpus_files, data):
    path = data.draw(st.sampled_from(corpus_files))
    text = path.read_text(encoding="utf-8")
    before, inside = _points(text)
    pool = data.draw(st.sampled_from([p for p in (before, inside) if p]))
    k = data.draw(st.sampled_from(pool))
    assert _warned_or_refused(text[:k]), (path.name, k, text[max(0, k - 40):k])


def test_every_cut_before_the_date_of_one_document_is_warned(corpus_files):
    path = next(p for p in corpus_files if p.name == "guofa-2019-004.txt")
    text = path.read_text(encoding="utf-8")
    before, _ = _points(text)
    silent = [k for k in before[::7] if not _warned_or_refused(text[:k])]
    assert silent == []


def test_a_cut_document_with_metadata_is_warned_not_dated_silently():
    meta = ("索 引 号：\t000014349/2019-00005\t主题分类：\t科技\n\t发文机关：\t国务院\t成文日期：\t2019年01月24日\n"
            "\t标\u3000\u3000题：\t国务院关于做好某项工作的通知\n\t发文字号：\t国发〔2019〕4号\t发布日期：\t2019年02月13日\n"
            "\t主 题 词：\n\n")
    text = meta + "国务院关于做好某项工作的通知\n\n国发〔2019〕4号\n\n各省人民政府：\n\n为做好某项工作，现积极向国外"
    item = parse_standalone(text)
    assert item.document.date == "2019-01-24"          # the page's date fills the gap …
    assert any("不完整" in w for w in item.warnings)     # … but the cut is said


def test_replace_by_a_shorter_text_is_said(tmp_path):
    full = ("甲市人民政府关于做好某项工作的通知\n\n甲政发〔2023〕9号\n\n各区县人民政府：\n\n"
            "为做好某项工作，现就有关事项通知如下。\n\n一、加强领导，明确责任，确保各项任务落到实处。\n\n"
            "甲市人民政府\n\n2023年5月6日\n")
    cut = full[:full.index("一、加强领导") + 12]
    a, b, db = tmp_path / "full.txt", tmp_path / "cut.txt", tmp_path / "lib.db"
    a.write_text(full, encoding="utf-8")
    b.write_text(cut, encoding="utf-8")
    assert run_cli("import", str(a), "--db", str(db)).returncode == 0
    preview = run_cli("import", "--dry-run", str(b), "--db", str(db)).stdout.decode()
    assert "比库中的短" in preview and "不完整" in preview
    r = run_cli("import", "--replace", str(b), "--db", str(db))
    assert r.returncode == 0 and "比库中的短" in r.stdout.decode()


def test_dropped_lines_of_a_single_document_are_in_dump_and_report(tmp_path):
    text = ("乙市人民政府关于推广经验的通知\n\n乙政发〔2023〕2号\n\n各区县人民政府：\n\n"
            "分享到各地的经验表明，这项工作行之有效。\n\n乙市人民政府\n\n2023年5月6日\n\n分享到：\n\n扫一扫在手机打开当前页\n")
    src, db = tmp_path / "doc.txt", tmp_path / "lib.db"
    src.write_text(text, encoding="utf-8")
    report = run_cli("import", "--dry-run", str(src), "--db", str(db)).stdout.decode()
    assert "网页页脚“分享到：”" in report and "扫一扫在手机打开当前页" in report
    assert "分享到各地" not in report.split("略去的版面文字")[1]
    assert run_cli("import", str(src), "--db", str(db)).returncode == 0
    dump = json.loads(run_cli("dump", "--db", str(db)).stdout.decode())
    doc = dump["documents"][0]
    assert [d["text"] for d in doc["dropped"]] == ["分享到：", "扫一扫在手机打开当前页"]
    assert any(b["text"].startswith("分享到各地") for b in doc["blocks"])


def test_complete_govcn_documents_are_not_called_incomplete(corpus_files):
    called = [p.name for p in corpus_files
              if any("不完整" in w for w in parse_standalone(p.read_text(encoding="utf-8"), p.name).warnings)]
    assert called == []


def test_complete_local_documents_with_a_date_are_not_called_cut_off(local_corpus):
    from tests.test_local_corpus import is_cut, truth_rows
    called = []
    for row in truth_rows(local_corpus):
        if is_cut(row) or not row["date"]:
            continue
        item = parse_standalone((local_corpus / row["file"]).read_text(encoding="utf-8"), row["file"])
        if any("不完整" in w for w in item.warnings):
            called.append(row["file"])
    assert called == []
