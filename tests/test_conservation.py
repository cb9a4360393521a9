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


def _with_block_text(issue, doc_index: int, block_index: int, text: str):
    """The issue with one block of one top-level document replaced (same length or not)."""
    from dataclasses import replace
    tops = list(issue.documents())
    top = tops[doc_index]
    b = top.blocks[block_index]
    damaged = replace(top, blocks=top.blocks[:block_index] + (b._replace(text=text),) + top.blocks[block_index + 1:])
    sections = []
    for s in issue.sections:
        sections.append(replace(s, documents=tuple(damaged if d is top else d for d in s.documents)))
    return replace(issue, sections=tuple(sections))


def _longest_block(issue):
    top = next(issue.documents())
    i = max(range(len(top.blocks)), key=lambda k: len(top.blocks[k].text))
    return i, top.blocks[i].text


def test_two_characters_swapped_are_caught_though_the_count_is_equal(sample_text, sample_issue):
    """The README promises "in order": a swap keeps every count and must still fail."""
    i, text = _longest_block(sample_issue)
    k = next(k for k in range(len(text) - 1) if text[k].isalnum() and text[k + 1].isalnum() and text[k] != text[k + 1])
    swapped = text[:k] + text[k + 1] + text[k] + text[k + 2:]
    report = check_issue(sample_text, _with_block_text(sample_issue, 0, i, swapped))
    assert not report.ok
    assert report.expected == report.stored                 # same length: only order tells them apart
    assert text[k] + text[k + 1] in report.first_difference and text[k + 1] + text[k] in report.first_difference


def test_one_character_substituted_is_caught(sample_text, sample_issue):
    i, text = _longest_block(sample_issue)
    k = len(text) // 2 + next(n for n, c in enumerate(text[len(text) // 2:]) if c.isalnum() and c != "某")
    report = check_issue(sample_text, _with_block_text(sample_issue, 0, i, text[:k] + "某" + text[k + 1:]))
    assert not report.ok and report.expected == report.stored
    assert "原文" in report.first_difference and "某" in report.first_difference


def test_two_blocks_exchanged_are_caught(sample_text, sample_issue):
    """Whole paragraphs in the wrong order: same characters, same count, wrong order."""
    top = next(sample_issue.documents())
    a, b = 5, 6
    assert top.blocks[a].text != top.blocks[b].text
    swapped = _with_block_text(sample_issue, 0, a, top.blocks[b].text)
    swapped = _with_block_text(swapped, 0, b, top.blocks[a].text)
    report = check_issue(sample_text, swapped)
    assert not report.ok and report.expected == report.stored


def test_a_standalone_document_with_a_substitution_is_caught():
    from dataclasses import replace
    text = ("国务院关于测试的通知\n国发〔2024〕1号\n各省、自治区、直辖市人民政府：\n"
            "　　现将有关事项通知如下，请认真贯彻执行。\n国务院\n2024年1月2日\n")
    item = parse_text(text, "t.txt")
    assert check_standalone(text, item).ok
    doc = item.document
    k = next(n for n, b in enumerate(doc.blocks) if "贯彻" in b.text)
    b = doc.blocks[k]
    damaged = replace(doc, blocks=doc.blocks[:k] + (b._replace(text=b.text.replace("贯彻", "彻贯")),) + doc.blocks[k + 1:])
    report = check_standalone(text, replace(item, document=damaged))
    assert not report.ok and report.expected == report.stored
