"""Inputs made to cost time or memory: small files that expand, special files, deep
brackets. Built on the fly (nothing of the sort is committed); used by the resource test."""
from __future__ import annotations

import zlib

PARA = "为进一步加强和改进政府公报工作，根据有关规定，结合本市实际，现就有关事项通知如下"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object n (1-based) is objects[n-1]; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    body = zlib.compress(data, 9) if compress else data
    flt = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s %s >>\nstream\n" % (len(body), flt, extra) + body + b"\nendstream"


def _page_doc(content_obj: bytes, extra_objects: list[bytes] = (), xobjects: bytes = b"") -> bytes:
    # 1 catalog, 2 pages, 3 page, 4 font, 5 content, 6… extra
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> " + xobjects + b">> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        content_obj, *extra_objects])


def dense_text_pdf(chars: int = 4_000_000) -> bytes:
    """A page drawing millions of characters from a few kilobytes (a 16 KB PDF that took 49 s)."""
    lines = [b"(" + bytes([65 + i % 26, 97 + i % 23]) * 250 + b") Tj 0 -0.2 Td\n" for i in range(26 * 23)]
    block = b"".join(lines)
    content = b"BT /F1 1 Tf 10 800 Td\n" + block * (chars // (500 * len(lines)) + 1) + b"ET\n"
    return _page_doc(_stream(content))


def flate_bomb_pdf(megabytes: int = 1000) -> bytes:
    """About 1 MB that inflates to ``megabytes`` of content stream."""
    comp = zlib.compressobj(9)
    block = b" " * (1 << 20)
    parts = [comp.compress(b"BT /F1 12 Tf 10 800 Td (x) Tj ET\n")]
    for _ in range(megabytes):
        parts.append(comp.compress(block))
    parts.append(comp.flush())
    body = b"".join(parts)
    obj = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"
    return _page_doc(obj)


def xobject_fanout_pdf(depth: int = 7, fan: int = 10) -> bytes:
    """Forms drawing forms: a few hundred bytes that draw fan**depth copies of a line."""
    extra, names = [], []
    first = 6
    for level in range(depth + 1):
        n = first + level
        if level == 0:
            content = b"BT /F1 1 Tf 0 0 Td (" + b"B" * 50 + b") Tj ET"
            res = b"/Resources << /Font << /F1 4 0 R >> >>"
        else:
            content = b"/X Do " * fan
            res = b"/Resources << /XObject << /X %d 0 R >> >>" % (n - 1)
        extra.append(_stream(content, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res,
                             compress=False))
        names.append(n)
    top = names[-1]
    return _page_doc(_stream(b"/T Do"), extra, b"/XObject << /T %d 0 R >> " % top)


def many_documents_issue(documents: int) -> str:
    """An issue of thousands of tiny documents: the slowest text to parse per character found."""
    head = "永州市人民政府公报\n\n2022 年第 5-6 期\n(总第 154—155 期)\n\n目录\n\n"
    return head + "".join(f"永州市人民政府关于印发第{i}号计划的通知\n\n永政发〔2022〕{i}号\n\n各县区人民政府：\n\n"
                          f"正文。\n\n永州市人民政府\n\n2022年5月1日\n\n" for i in range(documents))


def unclosed_bracket_text(lines: int) -> str:
    """A standalone notice whose first body line opens "（" and never closes it."""
    body = "\n".join([PARA] * lines)
    return ("永州市人民政府关于加强管理的通知\n\n永政发〔2022〕6号\n\n各县区人民政府：\n\n（"
            + body + "\n\n永州市人民政府\n\n2022年5月1日\n")
