"""A document and bookmark files full of markup that must only ever be shown as text.

Every link and image points into a canary folder: the CI's strace check
(tools/ci_hostile_strace.py) fails if anything there is opened. The folder is
$HOSTILE_CANARY, or a fixed one under the system's temporary folder.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import uuid
from pathlib import Path

CANARY = Path(os.environ.get("HOSTILE_CANARY") or Path(tempfile.gettempdir()) / "gazette-hostile-canary")


def canary(name: str) -> str:
    return (CANARY / name).as_uri()


CANARY_FILES = ("title.png", "body.png", "link.txt", "style.css", "note.png", "tag.png", "file.png")


# Markup that Qt would render or follow if it were taken for HTML.
MARKUP = re.compile(r"<\s*/?\s*(img|a|h1|style|b)\b", re.I)

TITLE = (f"永州市人民政府关于<h1>加强</h1><b>公报</b><img/src=\"{canary('title.png')}\">"
         "<style>p{color:red}</style>管理的通知")


def hostile_document() -> str:
    return "\n\n".join([
        TITLE,
        "永政发〔2022〕66号",
        "各县区人民政府：",
        f"为加强管理，现通知如下。<img src=\"{canary('body.png')}\"> 请 <a href=\"{canary('link.txt')}\">点此</a> 查看。",
        "一、<h1>总体要求</h1>",
        f"<style>@import url({canary('style.css')});</style>各地要认真执行。",
        "永州市人民政府",
        "2022年5月1日",
    ]) + "\n"


def citing_document() -> str:
    """A plain notice that cites the hostile one by its 文号: its link's tooltip is that title."""
    return "\n\n".join([
        "永州市人民政府关于转发有关文件的通知", "永政发〔2022〕67号", "各县区人民政府：",
        "现将《关于加强管理的通知》（永政发〔2022〕66号）转发给你们，请认真执行。",
        "永州市人民政府", "2022年5月2日"]) + "\n"


def hostile_bookmark(doc_key: str, doc_title: str = TITLE, **extra) -> dict:
    rec = {
        "id": str(uuid.uuid4()), "doc_key": doc_key, "doc_title": doc_title, "anchor": None,
        "status": "attached", "fingerprint": "",
        "note": f"<img src=\"{canary('note.png')}\"> <a href=\"{canary('link.txt')}\">链接</a> <h1>大标题</h1>"
                "<style>body{display:none}</style>",
        "note_type": "note", "tags": [f"<img src=\"{canary('tag.png')}\">", "<b>粗</b>"], "color": "#ffd54f",
        "created": "2024-01-01T00:00:00.000000Z", "updated": "2024-01-01T00:00:00.000000Z", "deleted": None,
    }
    rec.update(extra)
    return rec


def bookmark_file(records: list[dict]) -> str:
    return json.dumps({"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": records},
                      ensure_ascii=False)


def refused_bookmark_file() -> str:
    """A file refused because of a record whose bad id is quoted in the error message."""
    bad = hostile_bookmark("x", id=f"<h1>坏</h1><img src=\"{canary('file.png')}\">")
    return bookmark_file([bad])


def shows_markup(text: str | None) -> bool:
    """Would Qt render ``text`` (a tooltip, or a label in AutoText) as HTML with live markup?"""
    from PySide6.QtGui import Qt      # mightBeRichText lives in QtGui's Qt namespace
    if not text or not Qt.mightBeRichText(text):
        return False
    return MARKUP.search(text) is not None


def rendered(html: str) -> tuple[str, int]:
    """(the text a reader sees, how many images) when Qt renders ``html``; nothing is loaded."""
    from PySide6.QtGui import QTextDocument, QTextImageFormat
    doc = QTextDocument()
    doc.setHtml(html)
    images, block = 0, doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                images += 1
            it += 1
        block = block.next()
    return doc.toPlainText(), images
