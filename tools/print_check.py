#!/usr/bin/env python3
"""Print check (issue 12): render the sample issue, its 解读 and the longest gov.cn documents to one
PDF, double-sided, and measure the PDF with pypdfium2, character by character:

* missing glyphs: characters of the documents that the PDF does not give back (a glyph no face
  had comes out of the PDF as nothing or as U+FFFD);
* loose lines: full body lines whose characters were spread so that the line deviates from the
  grid by more than a quarter character (median ideograph pitch above the grid pitch, times the
  gaps of the line);
* titles broken inside a word (jieba's segmentation of the whole title);
* outline entries against documents, and whether each document starts on an odd page;
* table blocks in the documents, and pages of the PDF that carry ruled lines (printed tables);
* export seconds.

    python tools/print_check.py [--govcn 6] [--pdf out.pdf]
"""
from __future__ import annotations

import argparse
import ctypes
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MM = 72 / 25.4
GRID_CHAR = 156 * MM / 28
IDEOGRAPH = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")


def build_library(db: Path, govcn: int = 6):
    """The sample issue (from data/sources) and the ``govcn`` longest gov.cn texts, imported."""
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    from reader.corpus_paths import corpus_dir
    writer = LibraryWriter(db)
    for source in sorted((REPO / "data" / "sources").glob("*.txt")):
        store(writer, parse_file(source))
    folder = corpus_dir("govcn")
    if folder and govcn:
        files = sorted(folder.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)[:govcn]
        for f in files:
            store(writer, parse_file(f))
    writer.close()


def job_keys(lib) -> list[str]:
    keys = []
    for issue in lib.issues():
        for s in lib.sections(issue.key):
            keys += [d.key for d in lib.section_documents(s.id) if d.role == "main"]
    keys += [d.key for d in lib.standalone_documents()]
    return keys


def expected_documents(lib, keys) -> tuple[list[str], list[str]]:
    """(top-level titles in print order, attached-plan titles)."""
    tops, plans = [], []
    for key in keys:
        view = lib.document(key)
        tops.append(view.title)
        plans += [a.title for a in view.attachments]
        tops += [i.title for i in view.interpretations]
    return tops, plans


def _chars(textpage):
    import pypdfium2.raw as raw
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(textpage.count_chars()):
        ch = textpage.get_text_range(i, 1)
        if not ch.strip():
            continue
        raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        size = raw.FPDFText_GetFontSize(textpage.raw, i)
        if size > 60:                # Qt writes sizes in device units (1200 dpi)
            size = size * 72 / 1200
        out.append((round(y.value, 1), x.value, ch, size))
    return out


def page_lines(textpage):
    rows = defaultdict(list)
    for y, x, ch, size in _chars(textpage):
        rows[round(y)].append((x, ch, size))
    return [sorted(v) for _, v in sorted(rows.items(), reverse=True)]


def line_spread(line) -> float:
    """How far (in characters) a line's characters are spread beyond the grid pitch."""
    pitches = [b[0] - a[0] for a, b in zip(line, line[1:]) if IDEOGRAPH.match(a[1]) and IDEOGRAPH.match(b[1])]
    if len(pitches) < 5:
        return 0.0
    pitches.sort()
    median = pitches[len(pitches) // 2]
    return max(0.0, (median - GRID_CHAR) * (len(line) - 1) / GRID_CHAR)


def title_breaks(lines) -> list[tuple[str, int]]:
    """(title, break offset) for titles (22 pt) set on more than one line."""
    out = []
    current: list[str] = []
    for line in lines + [[]]:
        is_title = bool(line) and all(abs(c[2] - 22) < 0.5 for c in line)
        if is_title:
            current.append("".join(c[1] for c in line))
            continue
        if len(current) > 1:
            text = "".join(current)
            pos = 0
            for part in current[:-1]:
                pos += len(part)
                out.append((text, pos))
        current = []
    return out


def word_boundaries(text: str) -> set[int]:
    from reader.core.words import boundaries
    return boundaries(text)


def measure(pdf: Path, expected_text: str, tops: list[str], plans: list[str]) -> dict:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    doc = pdfium.PdfDocument(str(pdf))
    ruled = sum(1 for i in range(len(doc))
                if any(o.type == raw.FPDF_PAGEOBJ_PATH for o in doc[i].get_objects()))
    pages = len(doc)
    extracted = []
    full = loose = 0
    spreads = []
    inside_word = []
    starts_even = []
    all_lines = []
    for i in range(pages):
        tp = doc[i].get_textpage()
        extracted.append(tp.get_text_range())
        lines = page_lines(tp)
        all_lines.append(lines)
        body = [ln for ln in lines if ln and all(abs(c[2] - 16) < 0.5 for c in ln)]
        for ln in body:
            right = ln[-1][0] + GRID_CHAR
            left = ln[0][0]
            if len(ln) >= 20 and right - left > 25 * GRID_CHAR:      # a full line (not a paragraph's last)
                full += 1
                s = line_spread(ln)
                spreads.append(s)
                if s > 0.25:
                    loose += 1
        for text, pos in title_breaks(lines):
            if pos not in word_boundaries(text):
                inside_word.append(f"{text[:pos]}|{text[pos:]}")
    got = Counter(c for c in re.sub(r"\s+", "", "".join(extracted)))
    want = Counter(c for c in re.sub(r"\s+", "", expected_text))
    missing = {c: n for c, n in (want - got).items()}
    bad = got.get("\ufffd", 0)
    toc = list(doc.get_toc())
    top_entries = [t for t in toc if t.level == 0]
    plan_entries = [t for t in toc if t.level == 1]
    for t in top_entries:
        dest = t.get_dest()
        if dest is None or dest.get_index() % 2 == 1:
            starts_even.append(t.get_title())
    return {
        "pages": pages,
        "missing_glyphs": sum(missing.values()) + bad,
        "missing_sample": "".join(sorted(missing))[:40],
        "full_lines": full,
        "loose_lines": loose,
        "loose_share": loose / full if full else 0.0,
        "max_spread_chars": max(spreads) if spreads else 0.0,
        "title_breaks_inside_word": len(inside_word),
        "title_break_examples": inside_word[:5],
        "outline_top": len(top_entries), "documents": len(tops),
        "outline_plans": len(plan_entries), "plans": len(plans),
        "documents_on_even_pages": len(starts_even),
        "pages_with_ruled_tables": ruled,
    }


def run(govcn: int = 6, pdf: Path | None = None, mirror: bool = True) -> dict:
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication(["print_check", "-platform", "offscreen"])
    from reader.core.library import Library
    from reader.core.printjob import PrintJob
    from reader.gui.printing import export_pdf
    tmp = Path(tempfile.mkdtemp(prefix="print_check_"))
    build_library(tmp / "lib.db", govcn)
    lib = Library(tmp / "lib.db")
    keys = job_keys(lib)
    tops, plans = expected_documents(lib, keys)
    pdf = pdf or tmp / "check.pdf"
    job = PrintJob(keys=tuple(keys), include_interpretations=True, mirror_margins=mirror, title="print check")
    export_pdf(lib, job, pdf)                    # warm-up: fonts, segmenter
    t0 = time.perf_counter()
    export_pdf(lib, job, pdf)
    seconds = time.perf_counter() - t0
    text = []
    tables = 0
    for key in keys:
        view = lib.document(key)
        docs = [view] + [lib.document(a.key) for a in view.attachments] + \
               [lib.document(i.key) for i in view.interpretations]
        for d in docs:
            if not any(b.kind == "title" for b in d.blocks):
                text.append(d.title)
            text += [b.text for b in d.blocks]
            tables += sum(1 for b in d.blocks if b.kind == "table")
    result = measure(pdf, "".join(text), tops, plans)
    result["table_blocks"] = tables
    result["seconds"] = round(seconds, 2)
    result["pdf"] = str(pdf)
    lib.close()
    del app
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--govcn", type=int, default=6, help="how many of the longest gov.cn texts")
    parser.add_argument("--pdf", type=Path, help="keep the PDF here")
    args = parser.parse_args(argv)
    r = run(args.govcn, args.pdf)
    for k, v in r.items():
        print(f"{k}: {round(v, 4) if isinstance(v, float) else v}")
    ok = (r["missing_glyphs"] == 0 and r["title_breaks_inside_word"] == 0 and r["outline_top"] == r["documents"]
          and r["documents_on_even_pages"] == 0 and r["loose_share"] < 0.03)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
