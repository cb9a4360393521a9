"""One engine for every output: paint a print job on a QPdfWriter, a QPrinter or a preview.

Threading (Qt's "Thread-Support in Qt Modules": QPainter may paint on QImage, QPrinter and
QPicture devices outside the GUI thread; QFont/QTextLayout are reentrant): ``export_pdf`` runs
in a worker thread and paints on its own QPdfWriter.  Real printers and QPrintPreviewDialog stay
on the GUI thread (their dialogs must), driven one page at a time by ``render_steps``.
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Generator

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter

from reader.core.printjob import PrintJob, plan_packets
from reader.gui.fonts import register_fonts
from . import styles as S
from .layout import Item, Laid, Metrics, lay_out, paginate
from .outline import add_outline

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
PDF_RESOLUTION = 1200
CREATOR = "政府公报阅读器 Gazette Reader"


class PrintError(RuntimeError):
    pass


@dataclass(frozen=True)
class RenderResult:
    pages: int          # pages painted
    laid_out: int       # pages numbered so far (the last page number reached)
    cancelled: bool


def a4_layout() -> QPageLayout:
    # Zero margins: the GB/T 9704 margins are applied by the layout itself (they mirror on even pages).
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def render_steps(device: QPagedPaintDevice, library, job: PrintJob, progress: Progress | None = None,
                 cancelled: Cancelled | None = None,
                 outline: list | None = None) -> Generator[int, None, RenderResult]:
    """Lay out packet by packet and paint the selected pages; yields after each page painted.

    Double-sided (``job.mirror_margins``): every packet starts on an odd sheet side, a blank
    unnumbered page filling the gap.  ``outline`` (a list) receives (level, title, page index
    from 0 among the painted pages) for each document and attached plan that was painted.
    """
    register_fonts()
    packets = plan_packets(library, job)
    selected = job.pages()
    m = Metrics(device, job.fonts)
    painter: QPainter | None = None
    number = painted = 0              # number: the sheet side reached (what a page range counts)
    completed = False
    total = len(packets)

    def new_page() -> None:
        nonlocal painter
        if painter is None:
            painter = QPainter()
            if not painter.begin(device):
                raise PrintError(QCoreApplication.translate(
                    "PrintRender", "Cannot start: the printer or the file is not available"))
        elif not device.newPage():
            raise PrintError(QCoreApplication.translate("PrintRender", "Cannot start a new page"))

    try:
        for index, packet in enumerate(packets):
            if cancelled and cancelled():
                return RenderResult(painted, number, True)
            if progress:
                progress(index, total, packet.title)
            if selected and number >= max(selected):
                break
            if job.mirror_margins and number % 2 == 1:
                number += 1                                  # the blank back of the last sheet
                if selected is None or number in selected:
                    new_page()
                    painted += 1
                    yield number
            shown = 0 if job.restart_numbers else number     # page numbers printed on this packet
            paras = S.paras_for_packet(packet)
            laid = [lay_out(p, m) for p in paras]
            for page in paginate(laid):
                number += 1
                shown += 1
                if selected is not None and number not in selected:
                    continue
                if cancelled and cancelled():
                    return RenderResult(painted, number, True)
                new_page()
                if outline is not None:
                    for it in page:
                        if it.laid is not None and it.line == 0 and laid[it.laid].para.outline:
                            p = laid[it.laid].para
                            outline.append((p.outline_level, p.outline, painted))
                paint_page(painter, m, laid, page, number, job.mirror_margins, shown)
                painted += 1
                yield number
        if progress:
            progress(total, total, "完成")
        completed = True
    finally:
        # Cancelled, failed or abandoned: a printer drops the job instead of printing half of it.
        if painter is not None and painter.isActive():
            if not completed and hasattr(device, "abort"):
                device.abort()
            if painter.isActive():
                painter.end()
    if painted == 0:
        raise PrintError(QCoreApplication.translate("PrintRender", "No pages in the chosen page range") if selected
                         else QCoreApplication.translate("PrintRender", "Nothing to print"))
    return RenderResult(painted, number, False)


def render(device: QPagedPaintDevice, library, job: PrintJob, progress: Progress | None = None,
           cancelled: Cancelled | None = None, outline: list | None = None) -> RenderResult:
    steps = render_steps(device, library, job, progress, cancelled, outline)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def paint_page(painter: QPainter, m: Metrics, laid: list[Laid], items: list[Item], number: int,
               mirror: bool, shown: int | None = None) -> None:
    """``number``: the sheet side (decides the margins); ``shown``: the page number printed."""
    left = m.left(number, mirror)
    painter.setPen(Qt.GlobalColor.black)
    for slot, it in enumerate(items):
        if it.laid is None:
            continue
        lp = laid[it.laid]
        if lp.layout is None:      # a table paints its rows itself
            lp.paint(painter, QPointF(left, m.top + slot * m.pitch), it.line, slot == 0)
            continue
        line = lp.layout.lineAt(it.line)
        y = m.top + slot * m.pitch + m.baseline(lp.para.style.pt) - line.ascent()
        line.draw(painter, QPointF(left, y))
    draw_page_number(painter, m, number if shown is None else shown, left, number)


def draw_page_number(painter: QPainter, m: Metrics, number: int, left: float, side: int | None = None) -> None:
    """"— N —" in 4号 宋体: dash line 7 mm under the type area, outer side, one character in."""
    font = m.page_number_font()
    fm = QFontMetricsF(font, m.device)
    one = S.SMALL_PT * m.pt                               # one 4号 character
    gap = one / 2                                         # a half-width space, as in 宋体
    digits = str(number)
    dash_w, digits_w = fm.horizontalAdvance("—"), fm.horizontalAdvance(digits)
    width = 2 * dash_w + 2 * gap + digits_w
    dash_top = fm.tightBoundingRect("—").top()           # negative: above the baseline
    baseline = m.top + m.type_h + S.PAGE_NUMBER_GAP_MM * m.mm_y - dash_top
    x = left + m.type_w - one - width if (number if side is None else side) % 2 else left + one
    painter.setFont(font)
    # Drawn in three pieces: the fonts' own spaces are too narrow for "— 1 —".
    painter.drawText(QPointF(x, baseline), "—")
    painter.drawText(QPointF(x + dash_w + gap, baseline), digits)
    painter.drawText(QPointF(x + dash_w + 2 * gap + digits_w, baseline), "—")


# -- outputs -------------------------------------------------------------------------
def export_pdf(library, job: PrintJob, path: str | os.PathLike, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Path | None:
    """Write the job to ``path``; None if cancelled.  Safe to call from a worker thread
    (after register_fonts() ran once on the GUI thread).

    The PDF is written to a hidden temporary name beside the target and renamed at the end,
    so a cancelled or failed export never leaves a half-written file.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(a4_layout())
    writer.setCreator(CREATOR)
    writer.setTitle(job.title or "政府公报文件")
    entries: list = []
    try:
        result = render(writer, library, replace(job, output=str(target)), progress, cancelled, entries)
    except BaseException:
        del writer
        tmp.unlink(missing_ok=True)
        raise
    del writer                                        # closes the file before the rename
    if result.cancelled:
        tmp.unlink(missing_ok=True)
        return None
    try:
        add_outline(tmp, entries)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, target)
    return target


def prepare_printer(printer, job: PrintJob) -> None:
    """A4, the whole sheet as the painter's coordinate system (our margins are absolute)."""
    from PySide6.QtPrintSupport import QPrinter
    printer.setFullPage(True)
    printer.setPageLayout(a4_layout())
    if job.mirror_margins:               # the mirrored margins assume both sides of the sheet
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setDocName(job.title or "政府公报文件")
    printer.setCreator(CREATOR)


def job_for_printer(job: PrintJob, printer) -> PrintJob:
    """The page range the user set in QPrintDialog wins over the one in our dialog."""
    from PySide6.QtPrintSupport import QPrinter
    if printer.printRange() == QPrinter.PrintRange.PageRange and not printer.pageRanges().isEmpty():
        return replace(job, page_range=printer.pageRanges().toString())
    return job
