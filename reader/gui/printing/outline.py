"""PDF outline (bookmarks) added to a finished QPdfWriter file (Qt-free).

QPdfWriter has no outline API, so the outline is appended as a PDF incremental update
(ISO 32000-1, 7.5.6): new outline objects, a new catalog that points at them, and an xref
section chained to the old one with /Prev.  The file Qt wrote is left byte for byte intact.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

Entry = tuple[int, str, int]          # (level: 0 document, 1 attached plan; title; page index from 0)


class OutlineError(ValueError):
    pass


def _xref(data: bytes, at: int) -> dict[int, int]:
    """Object number -> byte offset, from a classic xref table and those it chains to (/Prev)."""
    offsets: dict[int, int] = {}
    seen = set()
    while at not in seen:
        seen.add(at)
        if data[at:at + 4] != b"xref":
            raise OutlineError("not a classic xref table")
        pos = at + 4
        while True:
            m = re.compile(rb"\s*(\d+)\s+(\d+)\s*?\r?\n").match(data, pos)
            if not m:
                break
            first, count = int(m.group(1)), int(m.group(2))
            pos = m.end()
            for k in range(count):
                entry = data[pos:pos + 20]
                pos += 20
                if entry[17:18] == b"n":
                    offsets.setdefault(first + k, int(entry[:10]))
        trailer = data[pos:pos + 2048]
        prev = re.search(rb"/Prev\s+(\d+)", trailer.split(b">>")[0])
        if not prev:
            break
        at = int(prev.group(1))
    return offsets


def _obj(data: bytes, num: int, offsets: dict[int, int]) -> bytes:
    at = offsets.get(num)
    m = re.compile(rb"%d\s+0\s+obj\b" % num).match(data, at) if at is not None else None
    if m is None:
        raise OutlineError(f"object {num} not found")
    end = data.find(b"endobj", m.end())
    return data[m.end():end]


def _ref(body: bytes, key: bytes) -> int | None:
    m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", body)
    return int(m.group(1)) if m else None


def _pages(data: bytes, num: int, offsets: dict[int, int], depth: int = 0) -> list[int]:
    body = _obj(data, num, offsets)
    if re.search(rb"/Type\s*/Page\b(?!s)", body):
        return [num]
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
    if not kids or depth > 32:
        raise OutlineError(f"page tree node {num} without /Kids")
    out: list[int] = []
    for k in re.findall(rb"(\d+)\s+0\s+R", kids.group(1)):
        out.extend(_pages(data, int(k), offsets, depth + 1))
    return out


def _text(s: str) -> bytes:
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _tree(entries: Sequence[Entry]) -> list[tuple[str, int, list]]:
    """Nest level-1 entries under the level-0 entry before them."""
    roots: list[tuple[str, int, list]] = []
    for level, title, page in entries:
        if level > 0 and roots:
            roots[-1][2].append((title, page, []))
        else:
            roots.append((title, page, []))
    return roots


def add_outline(path: str | Path, entries: Sequence[Entry]) -> int:
    """Append an outline to the PDF at ``path``; returns the number of entries written."""
    if not entries:
        return 0
    path = Path(path)
    data = path.read_bytes()
    start = re.findall(rb"startxref\s+(\d+)", data)
    trailer = data[data.rindex(b"trailer"):] if b"trailer" in data else b""
    root, size = _ref(trailer, b"Root"), re.search(rb"/Size\s+(\d+)", trailer)
    if not start or root is None or size is None:
        raise OutlineError("not a PDF with a classic xref table")
    info = _ref(trailer, b"Info")
    offsets = _xref(data, int(start[-1]))
    catalog = _obj(data, root, offsets)
    pages_ref = _ref(catalog, b"Pages")
    if pages_ref is None:
        raise OutlineError("catalog without /Pages")
    pages = _pages(data, pages_ref, offsets)

    next_num = int(size.group(1))
    outlines_num = next_num
    objects: dict[int, bytes] = {}

    def build(items, parent: int) -> tuple[int, int, int]:
        """Number the items under ``parent``; returns (first, last, visible count)."""
        nonlocal next_num
        nums = []
        for _ in items:
            next_num += 1
            nums.append(next_num)
        for i, (title, page, kids) in enumerate(items):
            page_obj = pages[min(max(page, 0), len(pages) - 1)]
            parts = [b"/Title " + _text(title), b"/Parent %d 0 R" % parent,
                     b"/Dest [%d 0 R /XYZ null null null]" % page_obj]
            if i > 0:
                parts.append(b"/Prev %d 0 R" % nums[i - 1])
            if i + 1 < len(nums):
                parts.append(b"/Next %d 0 R" % nums[i + 1])
            if kids:
                first, last, _ = build(kids, nums[i])
                parts += [b"/First %d 0 R" % first, b"/Last %d 0 R" % last, b"/Count %d" % len(kids)]
            objects[nums[i]] = b"<< " + b" ".join(parts) + b" >>"
        return nums[0], nums[-1], len(items)

    tree = _tree(entries)
    first, last, count = build(tree, outlines_num)
    objects[outlines_num] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (first, last, count)
    inner = catalog.strip()
    inner = re.sub(rb"/(Outlines|PageMode)\s+[^/>]+", b"", inner[2:-2] if inner.startswith(b"<<") else inner)
    objects[root] = b"<<" + inner + b" /Outlines %d 0 R /PageMode /UseOutlines >>" % outlines_num

    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    nums = sorted(offsets)
    run: list[int] = []
    for num in nums + [None]:
        if run and (num is None or num != run[-1] + 1):
            out += b"%d %d\n" % (run[0], len(run))
            for n in run:
                out += b"%010d 00000 n \n" % offsets[n]
            run = []
        if num is not None:
            run.append(num)
    out += (b"trailer\n<< /Size %d /Root %d 0 R" % (next_num + 1, root)
            + (b" /Info %d 0 R" % info if info is not None else b"")
            + b" /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (start[-1], xref_at))
    path.write_bytes(bytes(out))
    return len(entries)
