"""Notes are Markdown; this renders them to HTML that is safe to show and to export.

- Raw HTML in a note is not parsed: ``<script>`` comes out as the text "<script>".
- Links and images become text: ``[x](http://…)`` shows "x (http://…)" and
  ``![a](http://…)`` shows "[图片：a] (http://…)", so nothing is fetched or
  followed by itself. The URL is kept, visible, because it is part of the note.

``markdown`` is imported on first use: it costs ~25 ms, and the window renders
no note at start-up.
"""
from __future__ import annotations

import html
import re
import threading

from ..messages import Msg, render

_renderer = None
_lock = threading.Lock()   # a Markdown instance is not thread-safe
_language = ["zh_CN"]      # of the image placeholder, for the conversion under way (set under the lock)


def _build():
    import xml.etree.ElementTree as etree

    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _LinksAsText(Treeprocessor):
        def run(self, root):
            for parent in root.iter():
                for i, el in enumerate(list(parent)):
                    if el.tag == "a":
                        href = el.get("href", "")
                        label = "".join(el.itertext())
                        el.attrib.clear()
                        el.tag = "span"
                        el.set("class", "note-link")
                        if href and href != label:
                            el.tail = f" ({href})" + (el.tail or "")
                    elif el.tag == "img":
                        src, alt = el.get("src", ""), el.get("alt", "")
                        span = etree.Element("span", {"class": "note-image"})
                        span.text = render(Msg("bookmark.note_image", alt=alt), _language[0]) \
                            + (f" ({src})" if src else "")
                        span.tail = el.tail
                        parent.remove(el)
                        parent.insert(i, span)

    class _Safe(Extension):
        def extendMarkdown(self, md):
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            # <http://…> and <a@b.c> would otherwise become links; now they stay text.
            md.inlinePatterns.deregister("autolink")
            md.inlinePatterns.deregister("automail")
            md.treeprocessors.register(_LinksAsText(md), "links_as_text", 15)   # after "inline" (20)

    return markdown.Markdown(extensions=[_Safe(), "sane_lists", "nl2br"], output_format="html")


_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")


def _loosen(text: str) -> str:
    """People write a list right under a line of text; Markdown wants a blank line first."""
    out: list[str] = []
    for line in text.split("\n"):
        if _LIST_ITEM.match(line) and out and out[-1].strip() and not _LIST_ITEM.match(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


def note_html(text: str, language: str = "zh_CN") -> str:
    """HTML for a note (Markdown). Never contains markup the note's author typed as HTML.
    ``language``: of the words the rendering adds ("[图片：…]" / "[image: …]")."""
    global _renderer
    if not text or not text.strip():
        return ""
    with _lock:
        if _renderer is None:
            _renderer = _build()
        _renderer.reset()
        _language[0] = language
        return _renderer.convert(_loosen(text))


def plain_html(text: str) -> str:
    """Escaped text with line breaks kept, for places that must not interpret Markdown."""
    return html.escape(text).replace("\n", "<br>\n")
