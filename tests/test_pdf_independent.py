"""PDFs the project did not make: typeset by LibreOffice from plain text, then imported.

The other PDF tests typeset with Qt from the parser's own blocks; here the layout is
LibreOffice's (its line breaking, justification, page breaks, footers and PDF writer), and
the expected values are known independently: literals for the sample issue, truth.tsv for
the local-government documents. Skipped, with the reason, when LibreOffice is absent
(.ci/run installs libreoffice-writer-nogui).
"""
from __future__ import annotations

import csv

import pytest

from conftest import SAMPLE
from office_pdf import soffice, to_pdfs
from reader.core.conservation import document_chars
from reader.core.importer import parse_file
from reader.core.model import INTERPRETATION, Issue, Standalone

pdfium = pytest.importorskip("pypdfium2")
pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) not installed: "
                                "apt-get install libreoffice-writer-nogui to test a PDF made by another program")

# Local documents whose text import is right (truth.tsv), in several layouts: U+3000
# indents and 印发 with the attached text; thirteen organs signing; a date in Chinese
# numerals and a 目录 in the attached text; attachment names; table cells.
LOCAL = ("baicheng-bzf-2018-14.txt", "chongqing-ymf-2024-11.txt", "shenyang-szbf-2007-1.txt",
         "qinghai-qfgys-2020-399.txt", "chongqing-yzf-2024-59.txt")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, request):
    """name -> PDF typeset by LibreOffice, for the sample and (when present) the local documents."""
    from reader.corpus_paths import corpus_dir
    texts = {"sample": SAMPLE.read_text(encoding="utf-8")}
    local = corpus_dir("local")
    if local is not None:
        texts.update({name[:-4]: (local / name).read_text(encoding="utf-8") for name in LOCAL})
    return to_pdfs(texts, tmp_path_factory.mktemp("office"))


def _producer(path) -> str:
    return pdfium.PdfDocument(str(path)).get_metadata_dict().get("Producer", "")


def test_the_sample_typeset_by_libreoffice_imports_as_the_same_issue(pdfs):
    pdf = pdfs["sample"]
    assert "LibreOffice" in _producer(pdf)                     # made by another program, not by us
    parsed = parse_file(pdf)
    assert parsed.source_kind == "pdf" and parsed.pages >= 15
    issue = parsed.result
    assert isinstance(issue, Issue)
    assert (issue.publication, issue.year, issue.numbers, issue.cumulative) == \
        ("永州市人民政府公报", 2022, (5, 6), (154, 155))
    docs = list(issue.documents())
    assert [d.doc_number for d in docs] == ["永政发〔2022〕6号", "永政办发〔2022〕8号", "永政办发〔2022〕9号",
                                            "永政人〔2022〕12号"]
    assert [d.code for d in docs] == ["YZCR-2022-00004", "YZCR-2022-01005", "YZCR-2022-01006", None]
    assert [d.date for d in docs] == ["2022-06-13", "2022-05-05", "2022-05-23", "2022-06-03"]
    assert docs[0].title == "永州市人民政府关于印发《永州市全民健身实施计划(2022—2025年)》的通知"
    assert docs[3].title == "永州市人民政府关于张卫阳同志正式任职的通知"
    assert [d.attachments[0].title for d in docs[:1]] == ["永州市全民健身实施计划(2022—2025年)"]
    assert [[i.author for i in d.interpretations] for d in docs] == [
        ["永州市文化旅游广电体育局"], ["永州市自然资源和规划局"], ["永州市行政审批服务局"], []]
    assert all(i.kind == INTERPRETATION for d in docs for i in d.interpretations)
    # Every character of every document, in order, as the text import has it: no page
    # number, footer or hyphenation crept in, nothing was lost at a page break.
    text_docs = list(parse_file(SAMPLE).result.documents())
    for from_pdf, from_text in zip(docs, text_docs):
        assert document_chars(from_pdf) == document_chars(from_text), from_text.doc_number


def _truth(local_corpus) -> dict[str, dict]:
    with open(local_corpus / "truth.tsv", encoding="utf-8") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def _number(printed: str) -> str:
    """truth.tsv gives the 文号 as printed: 白政发[2018]14号 is 白政发〔2018〕14号."""
    return printed.replace("[", "〔").replace("]", "〕").replace("［", "〔").replace("］", "〕").replace(" ", "")


@pytest.mark.parametrize("name", LOCAL)
def test_a_local_document_typeset_by_libreoffice_imports_right(pdfs, local_corpus, name):
    truth = _truth(local_corpus)[name]
    pdf = pdfs[name[:-4]]
    assert "LibreOffice" in _producer(pdf)
    parsed = parse_file(pdf)
    assert parsed.source_kind == "pdf"
    assert isinstance(parsed.result, Standalone)
    doc = parsed.result.document
    assert doc.title == truth["title"]
    assert doc.doc_number == _number(truth["doc_number"])
    assert doc.date == truth["date"]
    from_text = parse_file(local_corpus / name).result.document
    assert doc.issuer == from_text.issuer
    assert document_chars(doc) == document_chars(from_text)
