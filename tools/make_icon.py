"""Draw the application icon of Gazette Reader (政府公报阅读器) and write every format the packages need.

    python tools/make_icon.py            # writes resources/icons/
    python tools/make_icon.py --check    # exit 1 if the files there differ from what this script draws

The icon is a sheet of paper in the layout of an official document (GB/T 9704): a red masthead
(版头, drawn as five blocks standing for its characters), the document number between tortoise-shell
brackets 〔 〕, the red separator rule, and lines of body text.  It is deliberately not a seal and
has no emblem, star or any other state symbol.

One list of shapes (on a 512-unit grid) is painted with QPainter into the PNGs and written out as
SVG, so the formats cannot drift apart.  Sizes of 48 px and below use a simpler drawing that stays
legible.  The .ico is a plain ICO container with PNG images (Windows Vista and later), written here
without Pillow.  Output is byte-for-byte the same on every run with the same PySide6 version.

Outputs in resources/icons/:
  gazette-reader.svg        scalable (Linux icon themes: hicolor/scalable/apps)
  gazette-reader.png        256 px  (window icon, .desktop Icon=)
  gazette-reader-512.png    512 px
  gazette-reader.ico        16, 24, 32, 48, 64, 128, 256 px (Windows executable, PyInstaller icon=)
"""
from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
GRID = 512

PAPER = "#FFFDF7"
PAPER_EDGE = "#A39E93"
FOLD = "#E6E0D4"
RED = "#BE1E2D"
INK = "#3C3C3C"
TEXT = "#9A9A9A"
SHADOW = ("#000000", 0.16)

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def shapes(small: bool) -> list[dict]:
    """The drawing, back to front.  kinds: poly (filled polygon, optional outline), rect, polyline."""
    sheet = [(104, 36), (356, 36), (424, 104), (424, 476), (104, 476)]
    fold = [(356, 36), (356, 104), (424, 104)]
    out: list[dict] = [
        {"kind": "poly", "points": [(x + 10, y + 12) for x, y in sheet], "fill": SHADOW[0], "opacity": SHADOW[1]},
        {"kind": "poly", "points": sheet, "fill": PAPER, "stroke": PAPER_EDGE, "width": 12 if small else 6},
        {"kind": "poly", "points": fold, "fill": FOLD, "stroke": PAPER_EDGE, "width": 12 if small else 6},
    ]
    if small:
        # Few, heavy strokes: masthead bar, red rule, three text lines.
        out += [
            {"kind": "rect", "x": 150, "y": 128, "w": 228, "h": 64, "r": 6, "fill": RED},
            {"kind": "rect", "x": 136, "y": 236, "w": 256, "h": 22, "r": 0, "fill": RED},
        ]
        for i, (x0, x1) in enumerate([(176, 392), (136, 392), (136, 320)]):
            out.append({"kind": "rect", "x": x0, "y": 300 + i * 58, "w": x1 - x0, "h": 26, "r": 13, "fill": TEXT})
        return out
    # Masthead: five "characters" of the issuing authority.
    block, gap, top = 40, 10, 118
    left = (GRID - (5 * block + 4 * gap)) // 2
    for i in range(5):
        out.append({"kind": "rect", "x": left + i * (block + gap), "y": top, "w": block, "h": block, "r": 4,
                    "fill": RED})
    # Document number: 〔 ▬ 〕
    y0, y1 = 178, 214
    out += [
        {"kind": "polyline", "points": [(228, y0), (219, y0 + 7), (219, y1 - 7), (228, y1)], "stroke": INK,
         "width": 6},
        {"kind": "rect", "x": 236, "y": 191, "w": 40, "h": 10, "r": 5, "fill": INK},
        {"kind": "polyline", "points": [(284, y0), (293, y0 + 7), (293, y1 - 7), (284, y1)], "stroke": INK,
         "width": 6},
        # The red separator rule.
        {"kind": "rect", "x": 136, "y": 232, "w": 256, "h": 8, "r": 0, "fill": RED},
    ]
    # Body text: two paragraphs, first lines indented by two characters.
    lines = [(168, 392), (136, 392), (136, 392), (136, 300), (168, 392), (136, 352)]
    for i, (x0, x1) in enumerate(lines):
        out.append({"kind": "rect", "x": x0, "y": 272 + i * 32, "w": x1 - x0, "h": 12, "r": 6, "fill": TEXT})
    return out


# --------------------------------------------------------------------------- SVG
def _num(v: float) -> str:
    return f"{v:g}"


def svg() -> str:
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" '
             f'viewBox="0 0 {GRID} {GRID}">',
             "  <title>政府公报阅读器 Gazette Reader</title>"]
    for s in shapes(small=False):
        if s["kind"] == "poly":
            pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in s["points"])
            attrs = f'points="{pts}" fill="{s["fill"]}"'
            if "opacity" in s:
                attrs += f' fill-opacity="{_num(s["opacity"])}"'
            if "stroke" in s:
                attrs += f' stroke="{s["stroke"]}" stroke-width="{_num(s["width"])}" stroke-linejoin="round"'
            parts.append(f"  <polygon {attrs}/>")
        elif s["kind"] == "rect":
            r = f' rx="{_num(s["r"])}"' if s["r"] else ""
            parts.append(f'  <rect x="{_num(s["x"])}" y="{_num(s["y"])}" width="{_num(s["w"])}" '
                         f'height="{_num(s["h"])}"{r} fill="{s["fill"]}"/>')
        elif s["kind"] == "polyline":
            pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in s["points"])
            parts.append(f'  <polyline points="{pts}" fill="none" stroke="{s["stroke"]}" '
                         f'stroke-width="{_num(s["width"])}" stroke-linejoin="round" stroke-linecap="round"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- raster (Qt)
def png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(size / GRID, size / GRID)
    for s in shapes(small=size <= 48):
        if s["kind"] == "poly":
            color = QColor(s["fill"])
            if "opacity" in s:
                color.setAlphaF(s["opacity"])
            p.setBrush(QBrush(color))
            if "stroke" in s:
                pen = QPen(QColor(s["stroke"]), s["width"])
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                p.setPen(pen)
            else:
                p.setPen(Qt.PenStyle.NoPen)
            p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in s["points"]]))
        elif s["kind"] == "rect":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(QColor(s["fill"])))
            rect = QRectF(s["x"], s["y"], s["w"], s["h"])
            if s["r"]:
                p.drawRoundedRect(rect, s["r"], s["r"])
            else:
                p.drawRect(rect)
        elif s["kind"] == "polyline":
            pen = QPen(QColor(s["stroke"]), s["width"])
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(QPolygonF([QPointF(x, y) for x, y in s["points"]]))
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.convertToFormat(QImage.Format.Format_ARGB32).save(buf, "PNG"):
        raise SystemExit("make_icon: Qt could not write PNG")
    buf.close()
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG-compressed images (ICONDIR + ICONDIRENTRY[n] + data)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = images[s]
        dim = 0 if s >= 256 else s          # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def render_all() -> dict[str, bytes]:
    pngs = {s: png(s) for s in sorted(set(ICO_SIZES) | {512})}
    return {
        "gazette-reader.svg": svg().encode("utf-8"),
        "gazette-reader.png": pngs[256],
        "gazette-reader-512.png": pngs[512],
        "gazette-reader.ico": ico({s: pngs[s] for s in ICO_SIZES}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with resources/icons/ instead of writing")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    files = render_all()
    if args.check:
        stale = [n for n, b in files.items() if not (args.out / n).is_file() or (args.out / n).read_bytes() != b]
        for n in stale:
            print(f"make_icon: {args.out / n} differs from what tools/make_icon.py draws", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
        print(f"{args.out / name}  {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
