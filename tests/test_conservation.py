"""Every Chinese character, letter and digit survives import, in order, except listed furniture."""
import pytest

from reader.core.conservation import check_issue, check_standalone
from reader.core.importer import parse_text


def test_sample_issue_conserves_every_character(sample_text, sample_issue):
    report = check_issue(sample_text, sample_issue)
    assert report.ok, report.first_difference
    assert report.expected > 18000


def test_conservation_check_can_fail(sample_text, sample_issue):
    from dataclasses import replace
    top = next(sample_issue.documents())
    b = top.blocks[4]
    damaged_doc = replace(top, blocks=top.blocks[:4] + (b._replace(text=b.text[:-5]),) + top.blocks[5:])
    s0 = sample_issue.sections[0]
    damaged = replace(sample_issue, sections=(replace(s0, documents=(damaged_doc,) + s0.documents[1:]),)
                      + sample_issue.sections[1:])
    assert not check_issue(sample_text, damaged).ok
    # Dropping a line without listing it is caught too.
    assert not check_issue(sample_text, replace(sample_issue, dropped=sample_issue.dropped[:1])).ok


def test_dropped_lines_are_only_furniture(sample_issue):
    assert {d.reason for d in sample_issue.dropped} <= {"页眉", "页码", "标语"}
    assert len(sample_issue.dropped) == 3


@pytest.mark.parametrize("name", [f"{i}" for i in range(60)])
def test_every_govcn_document_conserves_every_character(corpus_files, name):
    path = corpus_files[int(name)]
    text = path.read_text(encoding="utf-8")
    item = parse_text(text, path.name)
    report = check_standalone(text, item)
    assert report.ok, f"{path.name}: {report.first_difference}"
    assert {d.reason for d in item.dropped} <= {"网页元数据", "网页页脚", "页码"}
