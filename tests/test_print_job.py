"""The Qt-free print job: page ranges, which texts a job prints, source lines, notes."""
from __future__ import annotations

import pytest

from reader.core.library import Library
from reader.core.printjob import (NOTES_SOURCE, WEB_SOURCE, PageRangeError, PrintJob, PrintNote,
                                  markdown_paragraphs, parse_page_range, plan_packets, source_line)


@pytest.mark.parametrize("text, pages", [
    ("", None), ("  ", None), ("1-3,5", {1, 2, 3, 5}), ("２－３，７", {2, 3, 7}), ("4", {4}),
    ("1-2、 2-3", {1, 2, 3}), ("5—6", {5, 6}),
])
def test_page_range(text, pages):
    assert parse_page_range(text) == (frozenset(pages) if pages else None)


@pytest.mark.parametrize("text", ["0", "3-1", "a", "1-", "1,,x", "1-2-3"])
def test_bad_page_range(text):
    with pytest.raises(PageRangeError):
        parse_page_range(text)


def _main(library):
    issue = library.issues()[0]
    return [d for s in library.sections(issue.key) for d in library.section_documents(s.id)]


def test_packets_follow_policy_plan_interpretation(library):
    docs = _main(library)
    packets = plan_packets(library, PrintJob(keys=[docs[0].key], include_interpretations=True))
    assert [p.kind for p in packets] == ["document", "interpretation"]
    notice, plan = packets[0].pieces
    assert notice.view.key == docs[0].key and plan.label == "附件"
    assert notice.source == "本件据《永州市人民政府公报》2022年第5-6期（总第154—155期）第3页"
    assert plan.source == ""                                    # the plan belongs to the notice's packet
    interp = packets[1].pieces[0]
    assert interp.view.info.kind == "interpretation"
    assert interp.source == "本件据《永州市人民政府公报》2022年第5-6期（总第154—155期）"
    # Without the option, no interpretation; the appointment has no plan.
    assert [p.kind for p in plan_packets(library, PrintJob(keys=[docs[0].key]))] == ["document"]
    assert len(plan_packets(library, PrintJob(keys=[docs[3].key]))[0].pieces) == 1


def test_duplicates_print_once_and_parts_print_alone(library):
    docs = _main(library)
    policy = library.document(docs[1].key)
    interp_key = policy.interpretations[0].key
    plan_key = policy.attachments[0].key
    packets = plan_packets(library, PrintJob(keys=[docs[1].key, interp_key, docs[1].key],
                                             include_interpretations=True))
    assert [p.kind for p in packets] == ["document", "interpretation"]
    alone = plan_packets(library, PrintJob(keys=[plan_key]))
    assert len(alone) == 1 and alone[0].pieces[0].view.key == plan_key
    assert alone[0].pieces[0].source.endswith("第10页")         # the page of the notice it came with
    with pytest.raises(LookupError):
        plan_packets(library, PrintJob(keys=["no/such/key"]))


def test_notes_appendix_and_notes_alone(library):
    docs = _main(library)
    note = {"doc_title": docs[0].title, "quote": "建好永州体育公园", "note": "要点", "date": "2024-05-01",
            "citation": "附件 一", "note_type": "笔记", "extra": "ignored"}
    job = PrintJob(keys=[docs[0].key], notes=[note], notes_appendix=True)
    assert isinstance(job.notes[0], PrintNote) and job.notes[0].quote == "建好永州体育公园"
    packets = plan_packets(library, job)
    assert packets[-1].kind == "notes" and packets[-1].notes_title == "附：阅读笔记"
    assert plan_packets(library, PrintJob(keys=[docs[0].key], notes=[note]))[-1].kind == "document"
    alone = plan_packets(library, PrintJob(notes=[note]))
    assert [p.kind for p in alone] == ["notes"] and alone[0].notes_title == "阅读笔记"
    assert NOTES_SOURCE.startswith("本件")


def test_standalone_source_line(tmp_path, corpus_files):
    from pathlib import Path

    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    db = tmp_path / "web.db"
    writer = LibraryWriter(db)
    store(writer, parse_file(next(p for p in corpus_files if p.name == "guobanfa-1996-002.txt")))
    writer.close()
    lib = Library(db)
    view = lib.document(lib.standalone_documents()[0].key)
    assert source_line(view) == WEB_SOURCE


def test_markdown_notes_become_plain_paragraphs():
    md = "# 标题\n\n第一行\n接着写\n\n- **要点** 一\n* 要点二\n1. 第一步\n> 引用 [链接](http://x)\n\n<script>x</script>"
    assert markdown_paragraphs(md) == ["标题", "第一行接着写", "· 要点 一", "· 要点二", "1. 第一步",
                                       "引用 链接", "<script>x</script>"]
    assert markdown_paragraphs("") == []
