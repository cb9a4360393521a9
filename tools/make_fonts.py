#!/usr/bin/env python3
"""Build the CJK font subsets shipped in resources/fonts/.

Sources are the Debian packages fonts-noto-cjk, fonts-noto-cjk-extra (Black) and fonts-lxgw-wenkai
(SIL OFL 1.1), and unicode-data for the 通用规范汉字表 list (Unihan kTGH):

    apt-get download fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai unicode-data
    for d in *.deb; do dpkg -x "$d" x; done
    python tools/make_fonts.py --root x

Subset rule: every character of GB 2312 (6763 hanzi + its 682 symbols), of the 通用规范汉字表
(8105, from Unihan kTGH in Debian unicode-data), every
character of data/sources/*.txt and ../shared/corpus/govcn/*.txt, ASCII, Latin-1,
full-width forms, CJK symbols and punctuation, general punctuation and the
enclosed/Roman numerals used in official documents.

What else changes, and why:
* hinting, vertical metrics/layout and BASE are dropped (size);
* GSUB is dropped after baking the Simplified-Chinese 'locl' forms into the
  cmap.  Qt's PDF writer maps each glyph back to ONE code point through the cmap,
  so any ligature (Noto's "——" ccmp ligature) or unmapped alternate glyph would
  come out of a PDF as garbage when copied/extracted.  Without GSUB every glyph
  shown is a cmap glyph, and the look no longer depends on the user's locale;
* Noto's full-width em dash is stretched to the whole advance so "——" joins up
  without the ligature;
* LXGW WenKai is renamed: its Debian copyright lists "LXGW" and "霞鹜" as
  Reserved Font Names, which a modified (subset) version may not use.

Output is byte-for-byte reproducible (head.modified is kept from the source).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
NOTO = "usr/share/fonts/opentype/noto"
LXGW = "usr/share/fonts/truetype/lxgw-wenkai"
SUFFIX = "subset for Gazette Reader"

UNIHAN = "usr/share/unicode/Unihan_OtherMappings.txt.bz2"   # Debian package unicode-data

# (output stem, source file below --root, family to pick from a .ttc, new family or None, coverage)
# Coverage "full": the core set plus every CJK Unified Ideograph of GB 18030 (URO and Extension A)
# the source face has; that face is every role's last fallback.  "core": GB 2312, the 通用规范汉字表
# and the bundled texts.  No Noto Serif Bold: with a second face in the fallback's family Qt's
# glyph fallback picked the Bold one (without Extension A), and the heavy title face is Black.
FONTS = [
    ("NotoSerifCJKsc-Regular", f"{NOTO}/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", None, "full"),
    ("NotoSerifCJKsc-Black", f"{NOTO}/NotoSerifCJK-Black.ttc", "Noto Serif CJK SC", "Noto Serif CJK SC Black",
     "core"),
    ("NotoSansCJKsc-Regular", f"{NOTO}/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", None, "core"),
    ("GazetteWenKai-Regular", f"{LXGW}/LXGWWenKai-Regular.ttf", None, "Gazette WenKai", "core"),
]
# GB 18030's ideographs: the URO and Extension A (levels 1 and 2 of GB 18030-2022), Extensions B-G
# (its level 3, which maps them through four-byte codes) and the compatibility block, whose twelve
# FA0E… characters are unified ideographs too.  Only those the source face has are taken.
GB18030_HAN = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF),
               (0x2F800, 0x2FA1F), (0x30000, 0x3134F)]

EXTRA_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (° × ÷ é …)
    (0x2010, 0x2027),  # ‐ – — ― ‖ ‘ ’ “ ” • ‥ … ‧
    (0x2030, 0x203E),  # ‰ ′ ″ ※ ‾
    (0x2160, 0x217F),  # Roman numerals Ⅰ Ⅱ … ⅰ ⅱ …
    (0x2460, 0x24FF),  # ① … ⑳  ⑴ … ⒇  ⒈ … ⒛  ⓐ … ⓿
    (0x25A0, 0x25A1), (0x25B2, 0x25B3), (0x25C6, 0x25C7), (0x25CB, 0x25CF),  # ■□▲△◆◇○◎●
    (0x3000, 0x303F),  # CJK symbols and punctuation (incl. 〇)
    (0x3200, 0x32FF),  # enclosed CJK: ㈠ … ㈩, ㊀ … ㊉, ㊣ …
    (0xFE10, 0xFE19),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms (︵ ︶ …)
    (0xFE50, 0xFE6B),  # small form variants: ﹝2007﹞ in 文号 of some sources
    (0xFF01, 0xFF65),  # full-width forms, ｟ ｠ and half-width CJK punctuation
    (0xFFE0, 0xFFE6),  # ￠ ￡ ￥ …
]


def gb2312_chars() -> set[str]:
    chars = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def _corpus_paths(root: Path = REPO) -> list[Path]:
    from reader.corpus_paths import corpus_dir
    govcn = corpus_dir("govcn")
    return sorted(root.glob("data/sources/*.txt")) + (sorted(govcn.glob("*.txt")) if govcn else [])


def corpus_chars(root: Path = REPO) -> set[str]:
    chars: set[str] = set()
    for path in _corpus_paths(root):
        chars |= set(path.read_text(encoding="utf-8"))
    return chars


def corpus_frequency(root: Path = REPO) -> dict[str, int]:
    """How often each character occurs in the bundled gazette and the gov.cn texts: the order in
    which the glyphs are laid out (official documents use a narrow, very repetitive vocabulary)."""
    from collections import Counter
    counts: Counter = Counter()
    for path in _corpus_paths(root):
        counts.update(path.read_text(encoding="utf-8"))
    return dict(counts)


def tgh_chars(root: Path) -> set[str]:
    """The 8,105 characters of the 通用规范汉字表 (2013): Unihan's kTGH field."""
    import bz2
    chars = set()
    with bz2.open(root / UNIHAN, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTGH":
                chars.add(chr(int(parts[0][2:], 16)))
    if len(chars) != 8105:
        raise SystemExit(f"{UNIHAN}: {len(chars)} kTGH entries, expected 8105")
    return chars


def wanted_codepoints(root: Path) -> set[int]:
    cps = {ord(c) for c in gb2312_chars() | corpus_chars() | tgh_chars(root)}
    for lo, hi in EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    return {cp for cp in cps if cp >= 0x20 and not 0x7F <= cp < 0xA0}


COVERAGE = "coverage.txt"


def write_coverage(path: Path, codepoints: set[int]) -> None:
    """The shipped faces' code points as hex ranges, one a line: read by reader.core.glyphs
    (no font library at run time)."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    lines = [f"{a:04X}" if a == b else f"{a:04X}-{b:04X}" for a, b in ranges]
    path.write_text("# code points the shipped fonts draw (tools/make_fonts.py)\n" + "\n".join(lines) + "\n",
                    encoding="ascii")


def open_face(path: Path, family: str | None) -> TTFont:
    if path.suffix.lower() != ".ttc":
        return TTFont(path, recalcTimestamp=False)
    for number in range(64):
        font = TTFont(path, fontNumber=number, recalcTimestamp=False)
        if font["name"].getBestFamilyName() == family:
            return font
    raise SystemExit(f"{path}: no face named {family!r}")


def bake_locl(font: TTFont, lang: str = "ZHS ") -> int:
    """Point the cmap straight at the glyphs 'locl' would pick for Simplified Chinese."""
    if "GSUB" not in font:
        return 0
    gsub = font["GSUB"].table
    lookups: set[int] = set()
    for script in gsub.ScriptList.ScriptRecord:
        for lang_sys in script.Script.LangSysRecord:
            if lang_sys.LangSysTag == lang:
                for index in lang_sys.LangSys.FeatureIndex:
                    record = gsub.FeatureList.FeatureRecord[index]
                    if record.FeatureTag == "locl":
                        lookups.update(record.Feature.LookupListIndex)
    mapping: dict[str, str] = {}
    for index in sorted(lookups):
        lookup = gsub.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            if lookup.LookupType == 7:
                sub = sub.ExtSubTable
            if sub.LookupType == 1:
                for src, dst in sub.mapping.items():
                    mapping.setdefault(src, dst)
    changed = set()
    for table in font["cmap"].tables:
        for cp, glyph in list(table.cmap.items()):
            if glyph in mapping:
                table.cmap[cp] = mapping[glyph]
                changed.add(cp)
    return len(changed)


def join_em_dash(font: TTFont) -> None:
    """Stretch a full-width CFF em dash to both edges so that "——" is one line."""
    glyph = font.getBestCmap().get(0x2014)
    if glyph is None or "CFF " not in font:
        return
    advance = font["hmtx"][glyph][0]
    if advance != font["head"].unitsPerEm:
        return
    glyph_set = font.getGlyphSet()
    bounds = BoundsPen(glyph_set)
    glyph_set[glyph].draw(bounds)
    if bounds.bounds is None:
        return
    _, y0, _, y1 = bounds.bounds
    top = font["CFF "].cff.topDictIndex[0]
    old = top.CharStrings[glyph]
    pen = T2CharStringPen(advance - old.private.nominalWidthX, glyph_set)
    pen.moveTo((0, y0))
    pen.lineTo((advance, y0))
    pen.lineTo((advance, y1))
    pen.lineTo((0, y1))
    pen.closePath()
    new = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
    top.CharStrings[glyph] = new
    font["hmtx"][glyph] = (advance, 0)


def subset_font(font: TTFont, codepoints: set[int]) -> None:
    options = subset.Options()
    options.layout_features = ["kern"]
    options.drop_tables += ["GSUB", "BASE", "VORG", "vhea", "vmtx", "DSIG", "gasp"]
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = [0x0409]  # English only: the family is the same everywhere
    options.glyph_names = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def rename(font: TTFont, family: str | None) -> None:
    name = font["name"]
    old_family = name.getBestFamilyName()
    style = name.getBestSubFamilyName()
    if family:
        postscript = f"{family.replace(' ', '')}-{style.replace(' ', '')}"
        for name_id in (16, 17, 18, 21, 22):
            name.removeNames(nameID=name_id)
        for name_id, value in ((1, family), (4, f"{family} {style}"), (6, postscript)):
            name.setName(value, name_id, 3, 1, 0x409)
        name.setName(f"{family} is a subset of {old_family} made for Gazette Reader", 10, 3, 1, 0x409)
    else:
        postscript = name.getDebugName(6)
    version = name.getDebugName(5) or ""
    name.setName(f"{version}; {SUFFIX}", 5, 3, 1, 0x409)
    name.setName(f"{postscript};{SUFFIX}", 3, 3, 1, 0x409)


def to_truetype(font: TTFont) -> None:
    """CFF -> glyf with cubic-to-quadratic conversion (only for --truetype)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for glyph_name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[glyph_name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[glyph_name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


COMMON_USES = 3     # a hanzi used this often in the bundled texts goes in the front block


def _common_rank(cp: int, frequency: dict[str, int]) -> tuple[int, int]:
    """How early a character's glyph goes: text furniture; the hanzi of the bundled official texts,
    commonest first; the rest of GB 2312 level 1 (the 3,755 commonest hanzi, in GB 2312 order);
    the rest of GB 2312; everything else."""
    if cp < 0x250 or 0x2000 <= cp < 0x2070 or 0x3000 <= cp < 0x3040 or 0xFF00 <= cp < 0xFFF0:
        return (0, cp)
    uses = frequency.get(chr(cp), 0)
    if uses >= COMMON_USES:
        return (1, -uses)
    try:
        code = chr(cp).encode("gb2312")
    except UnicodeEncodeError:
        return (4, 0)
    return (2 if 0xB0 <= code[0] <= 0xD7 else 3, int.from_bytes(code, "big"))


def cluster_common_glyphs(font: TTFont, frequency: dict[str, int]) -> None:
    """Put the glyphs of common characters next to each other in the file, commonest first.

    The window's fonts are memory-mapped, and Linux maps 64 KB around every page a glyph is read
    from ("fault-around"): a page of text whose ~1,000 characters are spread over a 10 MB face
    in radical order brings half the file into the process's memory. Clustered, the same page
    reads a few hundred KB. Outlines, metrics and the cmap are unchanged; only glyph ids move."""
    from fontTools.ttLib.reorderGlyphs import reorderGlyphs
    old = font.getGlyphOrder()
    rank: dict[str, tuple[int, int]] = {}
    for cp, name in font.getBestCmap().items():
        r = _common_rank(cp, frequency)
        if name not in rank or r < rank[name]:
            rank[name] = r
    position = {name: i for i, name in enumerate(old)}
    new = [old[0]] + sorted(old[1:], key=lambda n: (rank.get(n, (4, 0)), position[n]))   # .notdef stays 0
    if new == old:
        return
    fd_of = None
    if "CFF " in font:
        top = font["CFF "].cff.topDictIndex[0]
        if hasattr(top, "FDSelect"):        # CID-keyed: each glyph's private dict goes with it
            fd_of = {name: top.FDSelect[position[name]] for name in old}
    reorderGlyphs(font, new)
    if fd_of is not None:
        top.FDSelect.gidArray = [fd_of[name] for name in new]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/fontdebs/x"),
                        help="folder the .deb files were extracted into (dpkg -x)")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "fonts")
    parser.add_argument("--truetype", action="store_true",
                        help="convert CFF outlines to TrueType (bigger; not needed by Qt)")
    parser.add_argument("--only", nargs="*", metavar="STEM", help="build only these outputs")
    args = parser.parse_args(argv)

    core = wanted_codepoints(args.root)
    frequency = corpus_frequency()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    covered: set[int] = set()
    for stem, source, family, new_family, coverage in FONTS:
        if args.only and stem not in args.only:
            continue
        font = open_face(args.root / source, family)
        codepoints = set(core)
        if coverage == "full":
            cmap = font.getBestCmap()
            codepoints |= {cp for lo, hi in GB18030_HAN for cp in range(lo, hi + 1) if cp in cmap}
        missing = sorted(cp for cp in codepoints if cp not in font.getBestCmap())
        baked = bake_locl(font)
        subset_font(font, codepoints)
        covered |= set(font.getBestCmap())
        join_em_dash(font)
        rename(font, new_family)
        cluster_common_glyphs(font, frequency)
        if args.truetype and "CFF " in font:
            to_truetype(font)
        target = args.out / f"{stem}.{'otf' if 'CFF ' in font else 'ttf'}"
        for stale in args.out.glob(f"{stem}.*tf"):
            stale.unlink()
        font.save(target)
        size = target.stat().st_size
        total += size
        print(f"{target.name}: {font['maxp'].numGlyphs} glyphs, {size / 1e6:.2f} MB, "
              f"{baked} code points localised, {len(missing)} wanted characters absent"
              + (f" ({''.join(chr(cp) for cp in missing[:20])}…)" if missing else ""))
    if not args.only:
        write_coverage(args.out / COVERAGE, covered)
    print(f"total {total / 1e6:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
