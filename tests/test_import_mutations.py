"""Real documents, damaged the way extraction damages them (a line lost, doubled, moved, split,
a stray number or web line put in, the end cut), are imported with every character or refused
with a reason, never refused because the parse lost text ("核对不符") and never crash.

The mutations are seeded, so a failure is reproducible; the examples at the top are cases such
damage found (a table's category cells dropped when the table ended early; lines before the
first document, once page furniture was removed, belonging to no document)."""
import random

import pytest

from reader.core.errors import ImportRefused
from reader.core.importer import _conserved_or_refuse, parse_text

_STRAYS = ["1", "甲政发〔2024〕1号", "（甲政发[2024]2号　二〇二四年一月二日）", "扫一扫在手机打开当前页", "分享到：",
           "2024年第1期", "甲市人民政府公报", "目录", "附件", "序号", "（2024年1月4日）", "第3号", "一、总体要求"]

FOUND = {
    "lines-before-the-first-document": ["2024年1月2日", "甲市人民政府公报", "2024年第1期", "第3号", "2024年第1期",
                                        "（2024年1月4日）", "甲市人民政府公报", "甲政发〔2024〕1号", "管理的意见",
                                        "甲市人民政府", "扫一扫在手机打开当前页", "甲市人民政府",
                                        "第一条　为了规范，制定本办法。", "文件下载：某.docx"],
    "furniture-then-a-caption": ["1", "关于做好某项工作的通知", "各区县人民政府：", "甲市人民政府公报", "甲市人民政府文件",
                                 "一、总体要求", "2024年1月2日", "2024年第1期", "为做好工作，现通知如下。",
                                 "（甲政发[2024]2号　二〇二四年一月二日）", "甲市人民政府公报", "甲政发〔2024〕1号",
                                 "甲市人民政府文件", "关于做好某项工作的通知"],
    "a-number-line-the-next-document-starts-on": ["2024年第1期", "甲市人民政府公报", "目录"] + ["甲政发〔2024〕1号"] * 4
                                                 + ["各区县人民政府："] + ["甲政发〔2024〕1号"] * 2,
    "only-furniture-after-the-start": ["（2024年1月4日）", "文件下载：某.docx", "甲 市 民 政 局", "甲市人民政府公报",
                                       "甲财.docx", "目录", "甲市财政局　2024年1月3日", "甲市某某办法", "甲市人民政府公报",
                                       "分享到：", "名称", "附件：1.某表", "甲市某某办法", "2024年第1期", "市政府文件",
                                       "文件下载：某.docx", "甲市人民政府公报"],
}


def _imported_or_refused_with_a_reason(text: str) -> None:
    try:
        _conserved_or_refuse(text, parse_text(text, "x.txt"))
    except ImportRefused as e:
        assert "核对" not in str(e), f"{e}\n---\n{text[:3000]}"


@pytest.mark.parametrize("name", sorted(FOUND))
def test_cases_damage_found(name):
    _imported_or_refused_with_a_reason("\n".join(FOUND[name]) + "\n")


def _mutate(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randint(1, 4)):
        if len(lines) < 3:
            break
        i, r = rng.randrange(len(lines)), rng.random()
        if r < 0.2:
            del lines[i]
        elif r < 0.35:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif r < 0.55:
            lines.insert(i, rng.choice(_STRAYS))
        elif r < 0.65:
            lines = lines[:max(i, 2)]
        elif r < 0.8:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i:i + 1] = [lines[i][:k], lines[i][k:]]
    return lines


def test_damaged_real_documents_are_imported_whole_or_refused_with_a_reason(corpus_files, local_corpus):
    texts = [p.read_text(encoding="utf-8") for p in corpus_files]
    texts += [p.read_text(encoding="utf-8") for p in sorted(local_corpus.glob("*.txt"))]
    rng = random.Random(20261129)
    for text in texts:
        lines = text.replace("\r\n", "\n").split("\n")
        for _ in range(8):
            _imported_or_refused_with_a_reason("\n".join(_mutate(lines, rng)) + "\n")
