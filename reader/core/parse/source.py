"""Bytes to text: encodings, line ends, PDFs, and the inputs that are refused outright."""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportRefused
from ..messages import Msg

# A gazette issue is a few hundred kilobytes of text; far beyond that is not one.
MAX_BYTES = 20 * 1024 * 1024
# Its PDF carries fonts and images as well.
MAX_PDF_BYTES = 200 * 1024 * 1024
# Characters of text, however they were encoded or extracted: a whole issue is a few
# hundred thousand; the slowest-parsing text of this size still imports in about 7 s.
MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Source:
    """A file's text and where it came from."""
    text: str
    kind: str = "text"          # "text" or "pdf"
    pages: int | None = None    # PDFs: how many pages


_PDF_HEADER = re.compile(rb"[\x00\t\n\r\f ]*%PDF-[12]\.\d")


def is_pdf(data: bytes) -> bool:
    # Only a file that starts like one: a text quoting "%PDF-1.4" near its top is still a text.
    return _PDF_HEADER.match(data[:1024]) is not None


def _plausible(text: str) -> float:
    """Share of characters a Chinese document could contain."""
    good = sum(1 for c in text if c.isprintable() or c in "\n\t\r\f")
    bad = sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or "\ud800" <= c <= "\udfff")
    return (good - bad) / max(1, len(text))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: NULs, and text that reads as text."""
    if len(data) % 2:
        return None
    best, score = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sc = _plausible(text[:20000])
        if sc > score:
            best, score = text, sc
    return best if score > 0.97 else None


def decode(data: bytes) -> str:
    if not data.strip():
        raise ImportRefused(Msg("refuse.empty"))
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
    elif is_pdf(data):
        from .pdf import pdf_to_text
        text = pdf_to_text(data)
    else:
        text = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
        if text is None:
            if b"\x00" in data:
                raise ImportRefused(Msg("refuse.binary"))
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("gb18030")
                except UnicodeDecodeError:
                    raise ImportRefused(Msg("refuse.encoding")) from None
    return _normalise(text)


def _normalise(text: str) -> str:
    if len(text) > MAX_CHARS:
        raise ImportRefused(Msg("refuse.too_long", n=len(text), limit=MAX_CHARS))
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f")
    if controls > max(8, len(text) // 200):
        raise ImportRefused(Msg("refuse.control"))
    if not text.strip():
        raise ImportRefused(Msg("refuse.empty"))
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ImportRefused(Msg("refuse.decode", encoding=encoding, pos=e.start)) from None


def read_text(path: str | Path) -> str:
    return read_source(path).text


def _read_limited(f, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes, whatever the file claims to hold (/proc files say 0)."""
    chunks, got = [], 0
    while got <= limit:
        chunk = f.read(min(1 << 20, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _too_big(size: int, pdf: bool) -> ImportRefused:
    limit = MAX_PDF_BYTES if pdf else MAX_BYTES
    shown = f"{size / 1048576:.1f} MB" if size <= limit * 2 else Msg("word.over_mb", limit=limit // 1048576)
    return ImportRefused(Msg("refuse.too_big_pdf" if pdf else "refuse.too_big_text", shown=shown,
                             limit=limit // 1048576))


def read_source(path: str | Path) -> Source:
    p = Path(path)
    try:
        if p.is_dir():
            raise ImportRefused(Msg("refuse.folder", path=str(p)))
        # Non-blocking: opening a FIFO must not wait for a writer. Checked on the open file,
        # so what is read is what was checked.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise ImportRefused(Msg("refuse.not_regular", path=str(p)))
            head = f.read(1024)
            pdf = is_pdf(head)
            limit = MAX_PDF_BYTES if pdf else MAX_BYTES
            if st.st_size > limit:
                raise _too_big(st.st_size, pdf)
            data = head + _read_limited(f, limit - len(head))
            if len(data) > limit:
                raise _too_big(len(data), pdf)
    except OSError as e:
        raise ImportRefused(Msg("refuse.unreadable", path=str(p), error=str(e.strerror or e))) from None
    if pdf:
        from .pdf import read_pdf
        got = read_pdf(data)
        return Source(_normalise(got.text), "pdf", got.pages)
    return Source(decode(data))
